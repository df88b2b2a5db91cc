package project_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
)

// TestEditReadsOnlyTheArticle: after an author adds two paragraphs to one
// article, one the same as a paragraph another article has a translation
// of and one similar to it, the build gets both translations from
// translation memory, as a build from scratch does, and opens no file of
// another article to find them: the memory answers from its index.
func TestEditReadsOnlyTheArticle(t *testing.T) {
	dir := t.TempDir()
	wash := "Wash your hands with soap and warm water before every session at the clinic."
	files := map[string]string{
		"lingo.toml":   "source = \"en\"\nlanguages = [\"fr\", \"de\"]\n\n[site]\ntitle = \"Clinic\"\n", // a title: the copy built from scratch is in another folder
		"content/a.md": "# A\n\n" + wash + "\n\nArticle A alone says this.\n",
		"content/b.md": "# B\n\nArticle B alone says this.\n\nBring your card.\n",
		"content/c.md": "# C\n\nArticle C alone says this.\n",
		"content/d.md": "# D\n\nArticle D alone says this.\n",
	}
	writeFiles(t, dir, files)
	build(t, dir)
	// a translator translates a's paragraph
	fill(t, filepath.Join(dir, "locales", "fr", "a.fr.toml"), wash, "Lavez-vous les mains au savon et à l'eau tiède avant chaque séance à la clinique.")
	build(t, dir)
	build(t, dir)

	// the author adds to c
	c := filepath.Join(dir, "content", "c.md")
	warm := strings.Replace(wash, "warm", "hot", 1)
	if err := os.WriteFile(c, []byte(files["content/c.md"]+"\n"+wash+"\n\n"+warm+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var read []string
	p.Reads = func(path string) {
		mu.Lock()
		defer mu.Unlock()
		rel, _ := filepath.Rel(dir, path)
		read = append(read, filepath.ToSlash(rel))
	}
	if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	for _, rel := range read {
		// c's files, and each language's archive (the memory of deleted
		// articles, one file)
		if name := filepath.Base(rel); !strings.HasPrefix(name, "c.") && name != "archive.json" {
			t.Errorf("the build after c's edit read %s", rel)
		}
	}
	if !slices.Contains(read, "content/c.md") {
		t.Errorf("the build after c's edit did not read c (read %q): the test watches the wrong reads", read)
	}

	got, err := os.ReadFile(filepath.Join(dir, "locales", "fr", "c.fr.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(got, []byte("Lavez-vous les mains")); n != 2 {
		t.Errorf("c's fr catalog has %d translations from memory, want 2 (the same text, and the similar one, stale):\n%s", n, got)
	}
	scratch := t.TempDir()
	if err := os.CopyFS(scratch, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{".lingo", "out"} {
		os.RemoveAll(filepath.Join(scratch, d))
	}
	build(t, scratch)
	a, b := projectFiles(t, dir), projectFiles(t, scratch)
	for path, data := range b {
		if a[path] != data {
			t.Errorf("%s differs from the build from scratch:\n%s\nwant:\n%s", path, a[path], data)
		}
	}
}

// fill gives the entry of a catalog whose source is text a translation.
func fill(t *testing.T, path, text, tr string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(text))
	j := i + bytes.Index(data[i:], []byte(`other = ""`))
	if i < 0 || j < i {
		t.Fatalf("%s has no empty entry for %q", path, text)
	}
	data = slices.Concat(data[:j], []byte(`other = "`+tr+`"`), data[j+len(`other = ""`):])
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEditRepeatsOwnTranslation: an author repeats, in the same article, a
// paragraph translated there: the build fills the new message from the
// translation beside it, which memory offers from the article's files as
// they are (the index has the article under its key before the edit).
func TestEditRepeatsOwnTranslation(t *testing.T) {
	dir := t.TempDir()
	wash := "Wash your hands with soap and warm water before every session at the clinic."
	files := map[string]string{
		"lingo.toml":   "source = \"en\"\nlanguages = [\"fr\"]\n",
		"content/a.md": "# A\n\n" + wash + "\n\nArticle A alone says this.\n",
		"content/b.md": "# B\n\nArticle B alone says this.\n",
	}
	writeFiles(t, dir, files)
	build(t, dir)
	fr := "Lavez-vous les mains au savon et à l'eau tiède avant chaque séance à la clinique."
	fill(t, filepath.Join(dir, "locales", "fr", "a.fr.toml"), wash, fr)
	build(t, dir)
	a := filepath.Join(dir, "content", "a.md")
	if err := os.WriteFile(a, []byte(files["content/a.md"]+"\n## Again\n\n"+wash+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, dir)
	got, err := os.ReadFile(filepath.Join(dir, "locales", "fr", "a.fr.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(got, []byte(fr)); n != 2 {
		t.Errorf("a's fr catalog has the translation %d times, want 2 (the repeated paragraph filled from memory):\n%s", n, got)
	}
}

// TestBuildArchivesDeletedArticle: an author deletes an article; the
// build (which finds orphans in what its walk saw) archives its
// translation, removes its catalog and leaves an app's own strings beside
// it alone; the article back, its translation comes back from the archive.
func TestBuildArchivesDeletedArticle(t *testing.T) {
	dir := t.TempDir()
	wash := "Wash your hands with soap and warm water before every session at the clinic."
	foreign := "[hello]\nother = \"Bonjour\"\n"
	writeFiles(t, dir, map[string]string{
		"lingo.toml":                     "source = \"en\"\nlanguages = [\"fr\"]\n",
		"content/a.md":                   "# A\n\nArticle A alone says this.\n",
		"content/news/b.md":              "# B\n\n" + wash + "\n",
		"locales/fr/news/active.fr.toml": foreign,
	})
	build(t, dir)
	catalog := filepath.Join(dir, "locales", "fr", "news", "b.fr.toml")
	fr := "Lavez-vous les mains au savon et à l'eau tiède avant chaque séance à la clinique."
	fill(t, catalog, wash, fr)
	build(t, dir)
	b := filepath.Join(dir, "content", "news", "b.md")
	src, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(b); err != nil {
		t.Fatal(err)
	}
	build(t, dir)
	if _, err := os.Stat(catalog); !os.IsNotExist(err) {
		t.Errorf("the deleted article's catalog is still there (%v)", err)
	}
	if archive, _ := os.ReadFile(filepath.Join(dir, "locales", "fr", ".lingo", "archive.json")); !bytes.Contains(archive, []byte(fr)) {
		t.Errorf("the archive does not hold the deleted article's translation:\n%s", archive)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "locales", "fr", "news", "active.fr.toml")); string(got) != foreign {
		t.Errorf("an app's own strings became %q, want them untouched", got)
	}
	if err := os.WriteFile(b, src, 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, dir)
	if got, _ := os.ReadFile(catalog); !bytes.Contains(got, []byte(fr)) {
		t.Errorf("the article back, its catalog lacks its archived translation:\n%s", got)
	}
}
