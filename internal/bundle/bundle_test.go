package bundle_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
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
	err := fs.WalkDir(fsys, ".", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		if _, err := b.LoadMessageFileFS(fsys, name); err != nil {
			t.Fatalf("go-i18n cannot load %s: %v", name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// bundleFile is the path of the bundle file of slug in lang.
func bundleFile(p *project.Project, lang, slug string) string {
	return filepath.Join(p.Config.OutputDir(), "bundle", lang, slug+"."+lang+".toml")
}

// read reads a file.
func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
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
	es := read(t, bundleFile(p, "es", "dose"))
	if !strings.Contains(es, "El efecto dura 12 horas.") || strings.Contains(es, "Tome 3 comprimidos") {
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
	data := read(t, bundleFile(p, "es", "dose"))
	for _, never := range []string{"El efecto dura 12 horas.", "Tome 3 comprimidos"} {
		if strings.Contains(data, never) {
			t.Errorf("the es bundle holds %q, which lingo does not publish:\n%s", never, data)
		}
	}
}

// TestBundleFiles: every article has its file in every language; a build
// with nothing changed writes no bundle file; a deleted article's files
// and a language taken out of lingo.toml have their files removed; a file
// lingo did not write, and one a crafted record names outside the bundle,
// are left alone, with a warning for the crafted name.
func TestBundleFiles(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":      "source = \"en\"\nlanguages = [\"es\", \"de\"]\n",
		"content/dose.md": doseMD,
		"content/gone.md": "# Soon gone\n\nThis article will be deleted.\n",
	})
	translate(t, p, "es", "gone", map[string]string{"This article will be deleted.": "Este artículo será borrado."})
	build(t, p)
	for _, lang := range []string{"en", "es", "de"} {
		for _, slug := range []string{"dose", "gone"} {
			if _, err := os.Stat(bundleFile(p, lang, slug)); err != nil {
				t.Fatal(err)
			}
		}
	}
	// nothing changed, but the build runs (an output folder changed)
	dir := filepath.Join(p.Config.OutputDir(), "bundle")
	mine := filepath.Join(dir, "it", "app.it.toml") // not lingo's
	if err := os.MkdirAll(filepath.Dir(mine), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(mine, []byte("[x]\nother = 'mio'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := build(t, p); len(res.Written) != 0 {
		t.Errorf("a build with no input changed wrote %v", res.Written)
	}

	// A crafted record, naming a file outside the bundle.
	record := filepath.Join(p.Config.OutputDir(), ".lingo", "bundle.json")
	crafted := `{"langs": ["de", "en", "es"],
"slugs": ["dose", "gone", "../../lingo"]}`
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
	for _, f := range [][2]string{{"de", "dose"}, {"de", "gone"}, {"es", "gone"}, {"en", "gone"}} {
		if _, err := os.Stat(bundleFile(p, f[0], f[1])); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s's bundle file in %s is still there (%v)", f[1], f[0], err)
		}
	}
	for _, want := range []string{"out/bundle/de/dose.de.toml (removed: de is not a language of lingo.toml)",
		"out/bundle/es/gone.es.toml (removed: article deleted)"} {
		if !strings.Contains(fmt.Sprint(res.Written), want) {
			t.Errorf("build wrote %v, not %s", res.Written, want)
		}
	}
	for _, path := range []string{mine, cfg} {
		if _, err := os.Stat(path); err != nil {
			t.Errorf("a file lingo did not write is gone: %v", err)
		}
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "out/.lingo/bundle.json:2: ../../lingo: ignored") {
		t.Errorf("warnings: %q", res.Warnings)
	}
	for _, lang := range []string{"en", "es"} {
		if data := read(t, bundleFile(p, lang, "dose")); strings.Contains(data, "gone.") || strings.Contains(data, "deleted") {
			t.Errorf("%s's file holds the deleted article's messages:\n%s", lang, data)
		}
	}
}

// TestBundleOldLayout: the files of the bundle of one file per language,
// which lingo recorded writing, are removed, and nothing else.
func TestBundleOldLayout(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":                     "source = \"en\"\nlanguages = [\"es\"]\n",
		"content/dose.md":                doseMD,
		"out/bundle/active.es.toml":      "[x]\nother = 'viejo'\n",
		"out/bundle/active.en.toml":      "[x]\nother = 'old'\n",
		"out/bundle/active.it.toml":      "[x]\nother = 'mio'\n", // the app's own
		"out/.lingo/bundle.json":         `{"files": ["active.en.toml", "active.es.toml", "../lingo.toml"]}`,
		"out/bundle/es/keep.es.toml.bak": "not lingo's",
	})
	res := build(t, p)
	for _, name := range []string{"active.es.toml", "active.en.toml"} {
		if _, err := os.Stat(filepath.Join(p.Config.OutputDir(), "bundle", name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there (%v)", name, err)
		}
		if want := "out/bundle/" + name + " (removed: the bundle is now one file per article"; !strings.Contains(fmt.Sprint(res.Written), want) {
			t.Errorf("build wrote %v, not %s", res.Written, want)
		}
	}
	for _, name := range []string{"active.it.toml", "es/keep.es.toml.bak"} {
		if _, err := os.Stat(filepath.Join(p.Config.OutputDir(), "bundle", name)); err != nil {
			t.Errorf("a file lingo did not write is gone: %v", err)
		}
	}
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "../lingo.toml: ignored (not a file of the bundle)") {
		t.Errorf("warnings: %q", res.Warnings)
	}
	if data := read(t, bundleFile(p, "es", "dose")); !strings.Contains(data, "# lingo's runtime bundle, es") {
		t.Errorf("es/dose.es.toml:\n%s", data)
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

// TestBundleEditBuild: a build after an edit to one catalog writes that
// article's file in that language and no other, and gives the bytes a
// build from scratch gives; a bundle file edited by hand is made again.
func TestBundleEditBuild(t *testing.T) {
	p := newProject(t, map[string]string{
		"lingo.toml":       "source = \"en\"\nlanguages = [\"es\"]\n",
		"content/dose.md":  doseMD,
		"content/sleep.md": "# Sleep\n\nSleep for eight hours.\n",
	})
	translate(t, p, "es", "dose", map[string]string{"Dosing": "Dosificación", "Take the tablet with water.": "Tome el comprimido con agua."})
	translate(t, p, "es", "sleep", map[string]string{"Sleep": "Sueño", "Sleep for eight hours.": "Duerma ocho horas."})
	build(t, p)
	sleep, dose := bundleFile(p, "es", "sleep"), bundleFile(p, "es", "dose")
	fromScratch := func() string {
		t.Helper()
		for _, dir := range []string{filepath.Join(p.Config.Dir, ".lingo"), p.Config.OutputDir()} {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
		}
		build(t, p)
		return read(t, sleep)
	}

	translate(t, p, "es", "sleep", map[string]string{"Sleep for eight hours.": "Duerma ocho horas cada noche."})
	res := build(t, p)
	var bundled []string
	for _, c := range res.Written {
		if strings.HasPrefix(c.Path, "out/bundle/") {
			bundled = append(bundled, c.String())
		}
	}
	if !slices.Equal(bundled, []string{"out/bundle/es/sleep.es.toml"}) {
		t.Errorf("after an edit to the es catalog of sleep, the build wrote the bundle files %v", bundled)
	}
	edited := read(t, sleep)
	if !strings.Contains(edited, "Duerma ocho horas cada noche.") {
		t.Fatalf("after the edit, the es bundle should hold the new entry:\n%s", edited)
	}
	if want := fromScratch(); edited != want {
		t.Fatalf("the bundle after an edit differs from the one a build from scratch makes:\n%s\nwant:\n%s", edited, want)
	}

	// Someone edits a bundle file, saving it as editors do (a new file
	// in its place); the next build makes it again.
	if err := os.WriteFile(dose+".new", []byte(strings.Replace(read(t, dose), "Tome el comprimido con agua.", "Tome dos comprimidos.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(dose+".new", dose); err != nil {
		t.Fatal(err)
	}
	translate(t, p, "es", "sleep", map[string]string{"Sleep for eight hours.": "Duerma ocho horas."})
	build(t, p)
	if got := read(t, dose); strings.Contains(got, "Tome dos comprimidos.") || !strings.Contains(got, "Tome el comprimido con agua.") {
		t.Fatalf("the build kept a hand edit of the bundle file:\n%s", got)
	}
}
