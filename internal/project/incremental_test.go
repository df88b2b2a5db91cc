package project_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
)

// repoProject copies the repo's own project (its article, its catalogs in
// four languages, its config and glossary) to a temporary folder.
func repoProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"lingo.toml", "glossary.toml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// projectFiles reads every file under dir but lingo's caches, by path.
func projectFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == filepath.Join(dir, ".lingo") || path == filepath.Join(dir, "out", ".lingo") {
			return filepath.SkipDir // the cache and the build stamp
		}
		if d.IsDir() {
			return nil
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// build runs lingo build in dir and returns its result, and as JSON what
// it found and published.
func build(t *testing.T, dir string) (*project.BuildResult, string) {
	t.Helper()
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	what := *res // what it found and published, not what it had to do for it
	what.Langs = slices.Clone(res.Langs)
	for i := range what.Langs {
		what.Langs[i].Written, what.Langs[i].Removed, what.Langs[i].Skipped = 0, 0, 0
	}
	data, err := json.Marshal(what)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(data)
}

// replaceIn replaces old with new in the file at path, which must hold it.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	if err := os.WriteFile(path, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalBuild edits the repo's project as its people do, one step
// at a time, and builds after each step twice: in the project, with the
// cache of the builds before (incremental), and in a copy of its inputs
// without any cache or output (from scratch). Both must write the same
// catalogs and outputs and report the same; and the incremental build must
// publish again only the article that changed, and make the index pages
// again only when what they show changed.
func TestIncrementalBuild(t *testing.T) {
	dir := repoProject(t)
	article := filepath.Join(dir, "content", "ketamine-and-the-brain.md")
	steps := []struct {
		name  string
		edit  func()
		redo  int    // articles the incremental build publishes again; -1 for any
		total int    // articles
		index bool   // the index and status pages may be written again
		in    string // the one language it publishes them again in; "" for every one
	}{
		{"first build", func() {}, 1, 1, true, ""},
		{"nothing changed", func() {}, -1, 1, true, ""},
		{"an author adds an article", func() {
			os.WriteFile(filepath.Join(dir, "content", "clinic-hours.md"),
				[]byte("---\ntitle: Clinic hours\n---\n\nThe clinic opens at 9 and closes at 17.\n\nDo not come without an appointment.\n"), 0o644)
		}, 1, 2, true, ""},
		{"a translator edits one entry", func() {
			replaceIn(t, filepath.Join(dir, "locales", "fr", "ketamine-and-the-brain.fr.toml"), "cerveau", "cerveau humain")
		}, 1, 2, true, "fr"}, // the fr page alone: the others show what they showed
		{"a translator rewords an entry, the same words in another order", func() {
			replaceIn(t, filepath.Join(dir, "locales", "es", "ketamine-and-the-brain.es.toml"), "rápido y seguro", "seguro y rápido")
		}, 1, 2, false, "es"},
		{"a translator breaks a number", func() {
			replaceIn(t, filepath.Join(dir, "locales", "de", "ketamine-and-the-brain.de.toml"), "2–3", "2–4")
		}, 1, 2, true, "de"},
		{"a translator translates the new article", func() {
			replaceIn(t, filepath.Join(dir, "locales", "es", "clinic-hours.es.toml"), "other = \"\"", "other = 'Horario de la clínica'")
		}, 1, 2, true, "es"},
		{"a translator completes the new article: its es page turns from the source to a translation", func() {
			es := filepath.Join(dir, "locales", "es", "clinic-hours.es.toml")
			replaceIn(t, es, "other = \"\"", "other = 'La clínica abre a las 9 y cierra a las 17.'")
			replaceIn(t, es, "other = \"\"", "other = 'No venga sin cita.'")
		}, 1, 2, true, ""}, // every page of it: each one's language switcher gains es
		{"an author edits one sentence", func() {
			replaceIn(t, article, "Ketamine", "Ketamine (a medicine)")
		}, 1, 2, true, ""},
		{"someone deletes a published page", func() {
			if err := os.Remove(filepath.Join(dir, "out", "fr", "ketamine-and-the-brain.html")); err != nil {
				t.Fatal(err)
			}
		}, -1, 2, true, ""},
		{"the config changes", func() {
			replaceIn(t, filepath.Join(dir, "lingo.toml"), "min_complete = 50", "min_complete = 90")
		}, 2, 2, true, ""},
		{"an author deletes an article", func() {
			os.Remove(filepath.Join(dir, "content", "clinic-hours.md"))
		}, 0, 1, true, ""},
		{"an author adds an article in a new section", func() {
			os.MkdirAll(filepath.Join(dir, "content", "care"), 0o755)
			os.WriteFile(filepath.Join(dir, "content", "care", "after.md"), []byte("---\ntitle: After care\n---\n\nRest for two hours.\n"), 0o644)
		}, 1, 2, true, ""},
		{"someone deletes a page of the new section", func() { // in a folder the build made
			if err := os.Remove(filepath.Join(dir, "out", "fr", "care", "after.html")); err != nil {
				t.Fatal(err)
			}
		}, -1, 2, true, ""},
	}
	for _, step := range steps {
		step.edit()
		scratch := t.TempDir()
		if err := os.CopyFS(scratch, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{".lingo", "out"} {
			os.RemoveAll(filepath.Join(scratch, d))
		}
		res, got := build(t, dir)
		_, want := build(t, scratch)
		if got != want {
			t.Errorf("%s: the incremental build reports\n%s\nfrom scratch:\n%s", step.name, got, want)
		}
		a, b := projectFiles(t, dir), projectFiles(t, scratch)
		for path, data := range b {
			if a[path] != data {
				t.Errorf("%s: %s differs from the build from scratch:\n%s\nwant:\n%s", step.name, path, a[path], data)
			}
		}
		for path := range a {
			if _, ok := b[path]; !ok {
				t.Errorf("%s: %s is not in the build from scratch", step.name, path)
			}
		}
		for _, c := range res.Written {
			if name := path.Base(c.Path); !step.index && (name == "index.html" || name == "status.html" || strings.HasPrefix(c.Path, "out/status/")) {
				t.Errorf("%s: wrote %s, which shows nothing that changed", step.name, c)
			}
		}
		for _, l := range res.Langs {
			want := step.redo
			if step.in != "" && l.Lang != step.in {
				want = 0
			}
			if redo := step.total - l.Skipped; step.redo >= 0 && redo != want {
				t.Errorf("%s: %s published %d articles again, want %d", step.name, l.Lang, redo, want)
			}
		}
		// The build's fingerprint, kept as sync wrote, is the project's:
		// the next build finds nothing changed, and skips no article
		// because it reads none.
		again, _ := build(t, dir)
		for _, l := range again.Langs {
			if l.Skipped != 0 {
				t.Errorf("%s: the build after it looked at the articles again (%s skipped %d): its fingerprint is not the project's", step.name, l.Lang, l.Skipped)
			}
		}
	}
}

// TestIncrementalMemory: an article nobody touched still gets, from
// translation memory, the translation a translator wrote in another
// article for the same text, though its own files did not change.
func TestIncrementalMemory(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"lingo.toml":   "source = \"en\"\nlanguages = [\"fr\"]\n",
		"content/a.md": "# A\n\nWash your hands before the session.\n\nArticle A alone says this.\n\nBring your card.\n",
		"content/b.md": "# B\n\nArticle B alone says this.\n\nWash your hands before the session.\n\nBring your card.\n",
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	a := p.CatalogPath("fr", "a")
	data, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	// the translator fills a's first paragraph
	i := bytes.Index(data, []byte("Wash your hands"))
	j := i + bytes.Index(data[i:], []byte(`other = ""`))
	data = slices.Concat(data[:j], []byte(`other = 'Lavez-vous les mains avant la séance.'`), data[j+len(`other = ""`):])
	if err := os.WriteFile(a, data, 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := p.Sync([]string{"fr"}, project.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(p.CatalogPath("fr", "b"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Lavez-vous les mains avant la séance.")) {
		t.Errorf("b's catalog did not get the translation from memory (sync wrote %v):\n%s", written, b)
	}

	// Now b changes too, in the same sync as a's new translation of a
	// text b has: that text was looked up in vain by the last sync, and
	// is looked up again because a now offers it.
	data, err = os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	i = bytes.Index(data, []byte("# en: Bring your card."))
	j = i + bytes.Index(data[i:], []byte(`other = ""`))
	data = slices.Concat(data[:j], []byte(`other = 'Apportez votre carte.'`), data[j+len(`other = ""`):])
	if err := os.WriteFile(a, data, 0o644); err != nil {
		t.Fatal(err)
	}
	bmd := filepath.Join(dir, "content", "b.md")
	src, err := os.ReadFile(bmd)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bmd, bytes.Replace(src, []byte("# B\n"), []byte("# B, revised\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if written, err = p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	if b, err = os.ReadFile(p.CatalogPath("fr", "b")); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Apportez votre carte.")) {
		t.Errorf("b, changed, did not get a's new translation from memory (sync wrote %v):\n%s", written, b)
	}
}
