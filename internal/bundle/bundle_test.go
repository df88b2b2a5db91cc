package bundle_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

const doseMD = `# Dosing

Take the tablet with water.

The effect lasts 12 hours.

Take 2 tablets a day.

Never drive after a session.
`

// newProject writes a project with files (paths relative to its root)
// and opens it.
func newProject(t *testing.T, files map[string]string) *project.Project {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// ids maps each source text of article slug to its message ID.
func ids(t *testing.T, p *project.Project, slug string) map[string]string {
	t.Helper()
	a, err := p.Load(slug)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for i, s := range a.Segs {
		out[s.Text] = a.IDs[i]
	}
	return out
}

// translate sets translations (source text → translation) in the catalog
// of lang for slug, as a translator does: each made for today's source.
func translate(t *testing.T, p *project.Project, lang, slug string, texts map[string]string) {
	t.Helper()
	if _, err := p.Sync([]string{lang}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	id := ids(t, p, slug)
	c, err := p.ReadCatalog(lang, slug)
	if err != nil {
		t.Fatal(err)
	}
	for src, tr := range texts {
		i := slices.IndexFunc(c.Entries, func(e catalog.Entry) bool { return e.ID == id[src] })
		if i < 0 {
			t.Fatalf("%s: no entry for %q", lang, src)
		}
		c.Entries[i].Other = tr
	}
	data, err := catalog.Marshal(c, p.Config.Format)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.CatalogPath(lang, slug), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func build(t *testing.T, p *project.Project) *project.BuildResult {
	t.Helper()
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// load loads every file of the bundle folder into a go-i18n Bundle whose
// default language is English, as an app does.
func load(t *testing.T, dir string) *i18n.Bundle {
	t.Helper()
	b := i18n.NewBundle(language.English)
	for ext, fn := range catalog.UnmarshalFuncs() {
		b.RegisterUnmarshalFunc(ext, fn)
	}
	fsys := os.DirFS(dir)
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range names {
		if _, err := b.LoadMessageFileFS(fsys, e.Name()); err != nil {
			t.Fatalf("go-i18n cannot load %s: %v", e.Name(), err)
		}
	}
	return b
}

// localize is what an app gets for id in lang: the text and the language
// it is in. A message the language does not publish comes back in
// English, with go-i18n's *MessageNotFoundErr.
func localize(t *testing.T, b *i18n.Bundle, lang, id string) (string, string) {
	t.Helper()
	text, tag, err := i18n.NewLocalizer(b, lang).LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateParser: template.IdentityParser{}})
	var nf *i18n.MessageNotFoundErr
	if err != nil && !(errors.As(err, &nf) && tag == language.English) {
		t.Fatalf("%s %s: %v", lang, id, err)
	}
	return text, tag.String()
}

// TestBundleAfterSourceChange is the app's view: after the English source
// of a translated entry changed, go-i18n loading the bundle gives the new
// English text for it, English for a translation that fails a check, the
// translation for a current one; in a language that requires review, only
// the reviewed entry is translated.
func TestBundleAfterSourceChange(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":      "source = \"en\"\nlanguages = [\"es\", \"fr\"]\n[lang.fr]\nrequire_review = true\n",
		"content/dose.md": doseMD,
	})
	translate(t, p, "es", "dose", map[string]string{
		"Dosing":                       "Dosificación",
		"Take the tablet with water.":  "Tome el comprimido con agua.",
		"The effect lasts 12 hours.":   "El efecto dura 12 horas.",
		"Take 2 tablets a day.":        "Tome 3 comprimidos al día.", // a numbers error
		"Never drive after a session.": "Nunca conduzca después de una sesión.",
	})
	translate(t, p, "fr", "dose", map[string]string{
		"Dosing":                      "Posologie",
		"Take the tablet with water.": "Prenez le comprimé avec de l'eau.",
	})
	id := ids(t, p, "dose")
	if _, err := p.Review("fr", []string{id["Dosing"]}, "Dr. Amal Haddad"); err != nil {
		t.Fatal(err)
	}
	build(t, p)
	bundleDir := filepath.Join(p.Config.OutputDir(), "bundle")
	es, err := os.ReadFile(filepath.Join(bundleDir, "active.es.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(es), "El efecto dura 12 horas.") || strings.Contains(string(es), "Tome 3 comprimidos") {
		t.Fatalf("before the change, the es bundle should hold the current entry and not the failing one:\n%s", es)
	}

	// The author changes the English of a translated entry: stale in es.
	md := filepath.Join(p.Config.ContentDir(), "dose.md")
	if err := os.WriteFile(md, []byte(strings.Replace(doseMD, "12 hours", "48 hours", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, p)
	if got := ids(t, p, "dose")["The effect lasts 48 hours."]; got != id["The effect lasts 12 hours."] {
		t.Fatalf("the edited message changed its ID: %s, was %s", got, id["The effect lasts 12 hours."])
	}
	checked, err := p.Check([]string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := checked.Report(nil)
	checked.Close()
	if err != nil {
		t.Fatal(err)
	}
	failing := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Severity == check.Error {
			failing[f.ID] = true
		}
	}
	if !failing[id["Take 2 tablets a day."]] {
		t.Fatalf("the test needs an error-level finding on the failing entry: %+v", rep.Findings)
	}

	b := load(t, bundleDir)
	for _, c := range []struct{ lang, src, text, in string }{
		{"es", "Take the tablet with water.", "Tome el comprimido con agua.", "es"},
		{"es", "Never drive after a session.", "Nunca conduzca después de una sesión.", "es"},
		{"es", "The effect lasts 12 hours.", "The effect lasts 48 hours.", "en"},   // stale: today's English
		{"es", "Take 2 tablets a day.", "Take 2 tablets a day.", "en"},             // failing
		{"fr", "Dosing", "Posologie", "fr"},                                        // reviewed
		{"fr", "Take the tablet with water.", "Take the tablet with water.", "en"}, // not reviewed
		{"fr", "Never drive after a session.", "Never drive after a session.", "en"},
		{"en", "The effect lasts 12 hours.", "The effect lasts 48 hours.", "en"},
	} {
		text, in := localize(t, b, c.lang, id[c.src])
		if text != c.text || in != c.in {
			t.Errorf("%s %q: go-i18n gives %q in %s, want %q in %s", c.lang, c.src, text, in, c.text, c.in)
		}
	}
	data, err := os.ReadFile(filepath.Join(bundleDir, "active.es.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, never := range []string{"El efecto dura 12 horas.", "Tome 3 comprimidos"} {
		if strings.Contains(string(data), never) {
			t.Errorf("the es bundle holds %q, which lingo does not publish:\n%s", never, data)
		}
	}
}

// TestBundleFiles: a build with nothing changed writes no bundle file; a
// deleted article's messages leave the bundle; a language taken out of
// lingo.toml has its file removed; a file lingo did not write, and one a
// crafted record names outside the bundle, are left alone, with a warning
// for the crafted name.
func TestBundleFiles(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":      "source = \"en\"\nlanguages = [\"es\", \"de\"]\n",
		"content/dose.md": doseMD,
		"content/gone.md": "# Soon gone\n\nThis article will be deleted.\n",
	})
	translate(t, p, "es", "gone", map[string]string{"This article will be deleted.": "Este artículo será borrado."})
	build(t, p)
	dir := filepath.Join(p.Config.OutputDir(), "bundle")
	for _, name := range []string{"active.en.toml", "active.es.toml", "active.de.toml"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	// nothing changed, but the build runs (an output folder changed)
	mine := filepath.Join(dir, "active.it.toml") // not lingo's
	if err := os.WriteFile(mine, []byte("[x]\nother = 'mio'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(t, p); len(res.Written) != 0 {
		t.Errorf("a build with no input changed wrote %v", res.Written)
	}

	// A crafted record, naming a file outside the bundle.
	record := filepath.Join(p.Config.OutputDir(), ".lingo", "bundle.json")
	crafted := `{"files": ["active.de.toml", "active.en.toml", "active.es.toml", "../../lingo.toml"]}`
	if err := os.WriteFile(record, []byte(crafted), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(p.Config.ContentDir(), "gone.md")); err != nil {
		t.Fatal(err)
	}
	cfg := p.Config.Path
	if err := os.WriteFile(cfg, []byte("source = \"en\"\nlanguages = [\"es\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := build(t, p)
	if _, err := os.Stat(filepath.Join(dir, "active.de.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("de's bundle file is still there (%v)", err)
	}
	if !strings.Contains(fmt.Sprint(res.Written), "out/bundle/active.de.toml (removed: de is not a language of lingo.toml)") {
		t.Errorf("build wrote %v", res.Written)
	}
	for _, path := range []string{mine, cfg} {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("a file lingo did not write is gone: %v", err)
		}
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "out/.lingo/bundle.json:1: ../../lingo.toml: ignored") {
		t.Errorf("warnings: %q", res.Warnings)
	}
	for _, name := range []string{"active.en.toml", "active.es.toml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "gone.") || strings.Contains(string(data), "deleted") {
			t.Errorf("%s keeps the deleted article's messages:\n%s", name, data)
		}
	}
}

// TestBundlePlural: a published entry keeps the plural forms its catalog
// has, and go-i18n picks them by count.
func TestBundlePlural(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":     "source = \"en\"\nlanguages = [\"es\"]\n",
		"content/vi.md":  "# Visits\n\nYou have visits left.\n",
		"content/vi2.md": "# Other\n\nNothing here.\n",
	})
	translate(t, p, "es", "vi", map[string]string{"Visits": "Visitas", "You have visits left.": "Le quedan visitas."})
	id := ids(t, p, "vi")["You have visits left."]
	c, err := p.ReadCatalog("es", "vi")
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			c.Entries[i].Plural = map[string]string{"one": "Le queda una visita.", "many": "Le quedan muchas visitas."}
		}
	}
	data, err := catalog.Marshal(c, "toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p.CatalogPath("es", "vi"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, p)
	b := load(t, filepath.Join(p.Config.OutputDir(), "bundle"))
	loc := i18n.NewLocalizer(b, "es")
	for count, want := range map[int]string{1: "Le queda una visita.", 5: "Le quedan visitas.", 1000000: "Le quedan muchas visitas."} {
		got, err := loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count})
		if err != nil || got != want {
			t.Errorf("count %d: %q (%v), want %q", count, got, err, want)
		}
	}
}

// TestBundleEditBuild: a build after an edit cuts the unchanged articles'
// parts from the bundle file it wrote before, and gives the bytes a build
// from scratch gives; a bundle file edited by hand is not cut from, but
// made again whole.
func TestBundleEditBuild(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":       "source = \"en\"\nlanguages = [\"es\"]\n",
		"content/dose.md":  doseMD,
		"content/sleep.md": "# Sleep\n\nSleep for eight hours.\n",
	})
	translate(t, p, "es", "dose", map[string]string{"Dosing": "Dosificación", "Take the tablet with water.": "Tome el comprimido con agua."})
	translate(t, p, "es", "sleep", map[string]string{"Sleep": "Sueño", "Sleep for eight hours.": "Duerma ocho horas."})
	build(t, p)
	es := filepath.Join(p.Config.OutputDir(), "bundle", "active.es.toml")
	fromScratch := func() string {
		t.Helper()
		for _, dir := range []string{filepath.Join(p.Config.Dir, ".lingo"), p.Config.OutputDir()} {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
		}
		build(t, p)
		data, err := os.ReadFile(es)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	read := func() string {
		t.Helper()
		data, err := os.ReadFile(es)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	translate(t, p, "es", "sleep", map[string]string{"Sleep for eight hours.": "Duerma ocho horas cada noche."})
	build(t, p)
	edited := read()
	if !strings.Contains(edited, "Duerma ocho horas cada noche.") || !strings.Contains(edited, "Tome el comprimido con agua.") {
		t.Fatalf("after the edit, the es bundle should hold the new entry and the other article's:\n%s", edited)
	}
	if want := fromScratch(); edited != want {
		t.Fatalf("the bundle after an edit differs from the one a build from scratch makes:\n%s\nwant:\n%s", edited, want)
	}

	// Someone edits the bundle file; the next build does not take the
	// unchanged article's part from it.
	if err := os.WriteFile(es, []byte(strings.Replace(read(), "Tome el comprimido con agua.", "Tome dos comprimidos.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	translate(t, p, "es", "sleep", map[string]string{"Sleep for eight hours.": "Duerma ocho horas."})
	build(t, p)
	if got := read(); strings.Contains(got, "Tome dos comprimidos.") || !strings.Contains(got, "Tome el comprimido con agua.") {
		t.Fatalf("the build kept a hand edit of the bundle file:\n%s", got)
	}
}
