package project_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/interchange"
	"github.com/lingo-l10n/lingo/internal/project"
)

// exchangeProject copies the repository's project (lingo.toml, the
// glossary, content and locales) to a temp dir and syncs it, so that the
// tests start from catalogs exactly as sync writes them.
func exchangeProject(t *testing.T) *project.Project {
	t.Helper()
	root, dir := filepath.Join("..", ".."), t.TempDir()
	for _, f := range []string{"lingo.toml", "glossary.toml"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot is every file under the project's locales folder, by path.
func snapshot(t *testing.T, p *project.Project) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(p.Config.LocalesDir(), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[p.Rel(path)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	for path, data := range want {
		if got[path] != data {
			t.Errorf("%s: %s changed", what, path)
		}
	}
	for path := range got {
		if _, ok := want[path]; !ok {
			t.Errorf("%s: %s appeared", what, path)
		}
	}
}

// TestExportImportNoEdit: export then import, with no edit, changes no
// byte, for every language and format.
func TestExportImportNoEdit(t *testing.T) {
	p := exchangeProject(t)
	before := snapshot(t, p)
	for _, lang := range []string{"es", "fr", "de", "ar"} {
		for _, format := range interchange.Formats {
			data, err := p.Export(lang, format)
			if err != nil {
				t.Fatalf("%s %s: export: %v", lang, format, err)
			}
			d, err := interchange.Read("x"+interchange.Extension(format), data)
			if err != nil {
				t.Fatalf("%s %s: read: %v", lang, format, err)
			}
			if d.TargetLang != lang || len(d.Units) == 0 {
				t.Fatalf("%s %s: exported %s with %d units", lang, format, d.TargetLang, len(d.Units))
			}
			res, err := p.Import(filepath.Join(t.TempDir(), "in"+interchange.Extension(format)), data)
			if err != nil {
				t.Fatalf("%s %s: import: %v", lang, format, err)
			}
			if len(res.Written) > 0 {
				t.Errorf("%s %s: an unedited import wrote %v", lang, format, res.Written)
			}
			new := 0
			for _, u := range d.Units {
				if u.State == interchange.New {
					new++
				}
			}
			if res.Imported != len(d.Units)-new || res.Skipped != new {
				t.Errorf("%s %s: imported %d, skipped %d; want %d and %d", lang, format, res.Imported, res.Skipped, len(d.Units)-new, new)
			}
			sameFiles(t, lang+" "+format, snapshot(t, p), before)
		}
	}
}

// edit exports lang, changes the document with f, and writes it back in
// format.
func edit(t *testing.T, p *project.Project, lang, format string, f func(d *interchange.Document)) []byte {
	t.Helper()
	data, err := p.Export(lang, format)
	if err != nil {
		t.Fatal(err)
	}
	d, err := interchange.Read("x"+interchange.Extension(format), data)
	if err != nil {
		t.Fatal(err)
	}
	f(d)
	out, err := interchange.Write(d, format)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExportImportEdit: an edited translation reaches the catalog and is
// current; bringing the old text back restores every byte.
func TestExportImportEdit(t *testing.T) {
	p := exchangeProject(t)
	before := snapshot(t, p)
	for _, format := range interchange.Formats {
		var id, old string
		data := edit(t, p, "fr", format, func(d *interchange.Document) {
			for i, u := range d.Units {
				if u.State == interchange.Translated && !strings.ContainsAny(u.Source, "0123456789") {
					id, old = u.ID, u.Target
					d.Units[i].Target = "Traduction revue : " + u.Target
					return
				}
			}
		})
		if id == "" {
			t.Fatal("no translated unit to edit")
		}
		res, err := p.Import("edit"+interchange.Extension(format), data)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(res.Written) == 0 {
			t.Fatalf("%s: nothing written", format)
		}
		cat := snapshot(t, p)["locales/fr/ketamine-and-the-brain.fr.toml"]
		if !strings.Contains(cat, "Traduction revue : ") {
			t.Fatalf("%s: the catalog lacks the edit", format)
		}
		back := edit(t, p, "fr", format, func(d *interchange.Document) {
			for i, u := range d.Units {
				if u.ID == id {
					d.Units[i].Target = old
				}
			}
		})
		if _, err := p.Import("back"+interchange.Extension(format), back); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		sameFiles(t, format+" edit and revert", snapshot(t, p), before)
	}
}

// TestImportProblems: units whose ID or source hash no longer match, or
// that have no translation, are skipped and reported; the rest is taken.
func TestImportProblems(t *testing.T) {
	p := exchangeProject(t)
	var kept string
	data := edit(t, p, "es", "po", func(d *interchange.Document) {
		var tr []interchange.Unit
		for _, u := range d.Units {
			if u.State == interchange.Translated && !strings.ContainsAny(u.Source, "0123456789") {
				tr = append(tr, u)
			}
		}
		if len(tr) < 3 {
			t.Fatal("too few translated units")
		}
		good := tr[0]
		good.Target = "Nuevo: " + good.Target
		kept = good.Target
		gone := tr[0]
		gone.ID = "ketamine-and-the-brain.p-00000000"
		changed := tr[1]
		changed.Hash = "sha1-0000000000000000000000000000000000000000"
		empty := tr[2]
		empty.State, empty.Target = interchange.New, ""
		d.Units = []interchange.Unit{good, gone, changed, empty}
	})
	res, err := p.Import("es.po", data)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 1 || res.Skipped != 3 || len(res.Problems) != 3 {
		t.Fatalf("got %+v", res)
	}
	for i, want := range []string{"not a message of the source", "text changed since the file was exported", "no translation"} {
		if !strings.Contains(res.Problems[i], want) {
			t.Errorf("problem %d: %q, want …%s…", i, res.Problems[i], want)
		}
	}
	if !strings.Contains(snapshot(t, p)["locales/es/ketamine-and-the-brain.es.toml"], kept) {
		t.Error("the good unit was not imported")
	}
}

// TestImportRefused: a broken file, a file for another language and a
// translation that fails lingo's checks change nothing.
func TestImportRefused(t *testing.T) {
	p := exchangeProject(t)
	before := snapshot(t, p)

	_, err := p.Import("broken.xlf", []byte("<xliff version=\"1.2\">\n<file>\n"))
	var de *diag.Error
	if !errors.As(err, &de) || de.Path != "broken.xlf" || de.Line == 0 {
		t.Errorf("broken file: got %v, want a *diag.Error with a line", err)
	}

	other := edit(t, p, "fr", "xliff", func(d *interchange.Document) { d.TargetLang = "it" })
	if _, err := p.Import("it.xlf", other); err == nil || !strings.Contains(err.Error(), `"it"`) {
		t.Errorf("other language: got %v", err)
	}

	bad := edit(t, p, "de", "xliff2", func(d *interchange.Document) {
		for i, u := range d.Units {
			if u.State == interchange.Translated && strings.Contains(u.Source, "50-80%") {
				d.Units[i].Target = strings.NewReplacer("50", "5", "80", "8").Replace(u.Target)
			}
		}
	})
	_, err = p.Import("de.xlf", bad)
	var ie *project.ImportError
	if !errors.As(err, &ie) || len(ie.Findings) == 0 || !strings.Contains(err.Error(), "numbers") {
		t.Errorf("failing translation: got %v, want an *ImportError about numbers", err)
	}
	sameFiles(t, "refused imports", snapshot(t, p), before)
}

// TestExportStale: a stale entry exports as needs-review with the hash
// its entry keeps and the source it was translated from; importing it
// unchanged keeps it stale, and marking it translated makes it current.
func TestExportStale(t *testing.T) {
	p := exchangeProject(t)
	src := filepath.Join(p.Config.ContentDir(), "ketamine-and-the-brain.md")
	article, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const from, to = "Ketamine can provide safe and rapid", "Ketamine can provide safe and fast"
	if !bytes.Contains(article, []byte(from)) {
		t.Fatalf("content/ketamine-and-the-brain.md no longer holds %q: pick another sentence to edit", from)
	}
	if err := os.WriteFile(src, bytes.Replace(article, []byte(from), []byte(to), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, p)
	for _, format := range interchange.Formats {
		data, err := p.Export("fr", format)
		if err != nil {
			t.Fatal(err)
		}
		d, err := interchange.Read("x"+interchange.Extension(format), data)
		if err != nil {
			t.Fatal(err)
		}
		var stale *interchange.Unit
		for i, u := range d.Units {
			if u.State == interchange.NeedsReview {
				stale = &d.Units[i]
			}
		}
		if stale == nil || !strings.Contains(stale.Previous, from) || !strings.Contains(stale.Source, to) || stale.Hash == "" {
			t.Fatalf("%s: no stale unit with the old and new source: %+v", format, stale)
		}
		if _, err := p.Import("x"+interchange.Extension(format), data); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, format+" stale unchanged", snapshot(t, p), before)
	}
	data := edit(t, p, "fr", "po", func(d *interchange.Document) {
		for i, u := range d.Units {
			if u.State == interchange.NeedsReview {
				d.Units[i].State, d.Units[i].Target = interchange.Translated, strings.Replace(u.Target, "rapide", "prompt", 1)
			}
		}
	})
	if _, err := p.Import("fr.po", data); err != nil {
		t.Fatal(err)
	}
	st, err := p.Status([]string{"fr"})
	if err != nil {
		t.Fatal(err)
	}
	if st[0].Stale != 0 {
		t.Errorf("after review in the tool: %d stale, want 0", st[0].Stale)
	}
}
