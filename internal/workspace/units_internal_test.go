package workspace

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// TestForgetKeys: lingo writing a file forgets the keys made from it and no
// other: a unit's catalog or state, its unit's key; an article's Markdown
// or source catalog, the article's key and so every unit key of the
// article (made again from the new article key); a shared input, every
// key; an output, none. The keys kept are those a fresh run makes.
func TestForgetKeys(t *testing.T) {
	p, dir := keysProject(t)
	langs := []string{"fr", "de"}
	for _, c := range []struct {
		name, file string
		kept       []string // the keys still held after the write
	}{
		{"a unit's catalog", "locales/fr/guides/b.fr.toml", []string{"\x00a", "\x00guides/b", "fr\x00a", "de\x00a", "de\x00guides/b"}},
		{"a unit's state", "locales/de/.lingo/a.json", []string{"\x00a", "\x00guides/b", "fr\x00a", "fr\x00guides/b", "de\x00guides/b"}},
		{"an article", "content/guides/b.md", []string{"\x00a", "fr\x00a", "de\x00a", "fr\x00guides/b", "de\x00guides/b"}},
		{"a source catalog", "locales/en/a.en.toml", []string{"\x00guides/b", "fr\x00a", "de\x00a", "fr\x00guides/b", "de\x00guides/b"}},
		{"a shared input", "lingo.toml", nil},
		{"an output", "out/fr/a.html", []string{"\x00a", "\x00guides/b", "fr\x00a", "de\x00a", "fr\x00guides/b", "de\x00guides/b"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := p.WithGraph(func(g *Graph) error {
				for _, slug := range []string{"a", "guides/b"} {
					if _, err := g.UnitKeys(slug, langs); err != nil {
						return err
					}
				}
				path := filepath.Join(dir, filepath.FromSlash(c.file))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(path, []byte("# "+c.name+"\n"), 0o644); err != nil {
					return err
				}
				g.forget([]Pending{{Path: path}}) // as WriteAll does

				if held := g.keys.Held(); !slices.Equal(held, slices.Sorted(slices.Values(c.kept))) {
					t.Errorf("keys kept: %q, want %q", held, c.kept)
				}
				for _, slug := range []string{"a", "guides/b"} {
					if err := keysMadeAgain(t, g, "after the write", slug, langs); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

// keysMadeAgain fails t for each key g gives of slug's units in langs
// that is not the one made again from its files, not remembered; name
// says when. It returns an error of g's.
func keysMadeAgain(t *testing.T, g *Graph, name, slug string, langs []string) error {
	t.Helper()
	got, err := g.UnitKeys(slug, langs)
	if err != nil {
		return err
	}
	article, err := g.articleKey(slug)
	if err != nil {
		return err
	}
	for i, lang := range langs {
		if want, err := g.unitKey(article, lang, slug); err != nil || got[i] != want {
			t.Errorf("%s: %s in %s: key %.8s, made again %.8s (%v)", name, slug, lang, got[i], want, err)
		}
	}
	return nil
}

// madeSlugs lists, sorted, the articles whose keys g made, not recalled.
func madeSlugs(g *Graph) []string {
	var made []string
	g.keys.Made(func(slug, _ string, _ map[string]string) { made = append(made, slug) })
	slices.Sort(made)
	return made
}

// keysProject is a project of two articles in two languages, its files
// modified an hour ago.
func keysProject(t *testing.T) (*Project, string) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"lingo.toml":                  "source = \"en\"\nlanguages = [\"fr\", \"de\"]\n",
		"content/a.md":                "# A\n",
		"content/guides/b.md":         "# B\n",
		"locales/fr/a.fr.toml":        "x = 'z'\n",
		"locales/fr/guides/b.fr.toml": "",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		hour := time.Now().Add(-time.Hour)
		if err := os.Chtimes(path, hour, hour); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return p, dir
}

// TestRecallKeys: a run recalls the keys of an article none of whose files
// changed since the run that made them, and makes again those of an
// article one of whose files changed, even when its size and
// modification time are as they were (its change time is not); the keys
// it gives are those a fresh run makes.
func TestRecallKeys(t *testing.T) {
	p, dir := keysProject(t)
	langs := []string{"fr", "de"}
	run := func(edit func()) (made []string) {
		t.Helper()
		err := p.WithGraph(func(g *Graph) error {
			edit()
			for _, slug := range []string{"a", "guides/b"} {
				if err := keysMadeAgain(t, g, "", slug, langs); err != nil {
					return err
				}
			}
			made = madeSlugs(g)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return made
	}
	if made := run(func() {}); len(made) != 2 {
		t.Errorf("first run: keys of %q made, want both articles'", made)
	}
	if made := run(func() {}); len(made) != 0 {
		t.Errorf("nothing changed: keys of %q made, want none", made)
	}
	path := filepath.Join(dir, "locales", "fr", "a.fr.toml")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	made := run(func() { // the same size and modification time, another text
		if err := os.WriteFile(path, []byte("x = 'y'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
	})
	if runtime.GOOS != "windows" && !slices.Equal(made, []string{"a"}) {
		t.Errorf("one catalog rewritten: keys of %q made, want a's", made)
	}
	if made := run(func() {
		if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("# A2\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}); !slices.Equal(made, []string{"a"}) {
		t.Errorf("one article edited: keys of %q made, want a's", made)
	}
	// Its file modified as the run began, the article's keys were not kept.
	if made := run(func() {}); !slices.Equal(made, []string{"a"}) {
		t.Errorf("after an edit as a run began: keys of %q made, want a's", made)
	}
}

// TestRecallKeysAfterMove: after the project's folder moves (renamed, or
// a CI checkout elsewhere with the cache restored), a run recalls every
// article's keys: none of its files changed, and nothing is hashed again.
func TestRecallKeysAfterMove(t *testing.T) {
	p, dir := keysProject(t)
	before, _ := unitKeys(t, p, func() {})
	moved := filepath.Join(filepath.Dir(dir), "moved")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(moved) })
	q, err := Open(filepath.Join(moved, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	after, made := unitKeys(t, q, func() {})
	if len(made) != 0 {
		t.Errorf("after the project moved: keys of %q made again, want none", made)
	}
	if !slices.EqualFunc(before, after, slices.Equal) {
		t.Errorf("after the project moved, the keys are %q, were %q", after, before)
	}
}

// TestRecallKeysOfFilesTheRunWrote: the keys of an article whose catalog
// the run wrote (as sync does), made once the file table could trust its
// hash, are recalled by the next run: at 10,000 × 10, the build after a
// first build hashed every catalog again.
func TestRecallKeysOfFilesTheRunWrote(t *testing.T) {
	p, dir := keysProject(t)
	before, _ := unitKeys(t, p, func() {
		path := filepath.Join(dir, "locales", "de", "a.de.toml")
		if _, err := p.WriteAll([]Pending{{Path: path, Data: []byte("x = 'z'\n")}}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond) // hashed after a change in that time would show (filehash.Trusted)
	})
	after, made := unitKeys(t, p, func() {})
	if len(made) != 0 {
		t.Errorf("keys of %q made again, want none: the run that wrote a.de.toml hashed it after", made)
	}
	if !slices.EqualFunc(before, after, slices.Equal) {
		t.Errorf("the keys are %q, were %q", after, before)
	}
}

// unitKeys runs a graph on keysProject's p, calling first before it asks
// for the keys of its articles in fr and de, and returns them and the
// articles whose keys it made (not recalled).
func unitKeys(t *testing.T, p *Project, first func()) (all [][]string, made []string) {
	t.Helper()
	err := p.WithGraph(func(g *Graph) error {
		first()
		for _, slug := range []string{"a", "guides/b"} {
			k, err := g.UnitKeys(slug, []string{"fr", "de"})
			if err != nil {
				return err
			}
			all = append(all, k)
		}
		made = madeSlugs(g)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all, made
}

// TestSlugPaths: the files keys are made from and signed by are named as
// ArticlePath, CatalogPath and StatePath name them, whatever the slug, the
// language and the project's folders (put together from names, or, where
// a name is not clean, joined).
func TestSlugPaths(t *testing.T) {
	p, _ := keysProject(t)
	for _, folders := range [][2]string{{"content", "locales"}, {"./docs//content/", "i18n/../loc"}} {
		p.Config.Content, p.Config.Locales = folders[0], folders[1]
		err := p.WithGraph(func(g *Graph) error {
			for _, slug := range []string{"a", "guides/b", "guides//b", "./a", "a/../b", "../a", "guides/b/"} {
				sp := g.pathsOf(slug)
				if got, want := sp.article(), p.ArticlePath(slug); got != want {
					t.Errorf("%q %q: article %q, want %q", folders, slug, got, want)
				}
				for _, lang := range []string{"fr", "pt-BR", "", ".", "..", "a/b"} {
					if got, want := sp.catalog(lang, "yaml"), catalogPath(p, lang, slug, "yaml"); got != want {
						t.Errorf("%q %q %q: catalog %q, want %q", folders, slug, lang, got, want)
					}
					if got, want := sp.state(lang), p.StatePath(lang, slug); got != want {
						t.Errorf("%q %q %q: state %q, want %q", folders, slug, lang, got, want)
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// catalogPath is CatalogPath in the format ext.
func catalogPath(p *Project, lang, slug, ext string) string {
	cfg := *p.Config
	cfg.Format = ext
	q := *p
	q.Config = &cfg
	return q.CatalogPath(lang, slug)
}
