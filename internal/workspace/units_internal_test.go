package workspace

import (
	"os"
	"path/filepath"
	"testing"
)

// TestForgetKeys: lingo writing a file forgets the keys made from it and no
// other: a unit's catalog or state, its unit's key; an article's Markdown
// or source catalog, the article's key and so every unit key of the
// article (made again from the new article key); a shared input, every
// key; an output, none. The keys kept are those a fresh run makes.
func TestForgetKeys(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"lingo.toml":                  "source = \"en\"\nlanguages = [\"fr\", \"de\"]\n",
		"content/a.md":                "# A\n",
		"content/guides/b.md":         "# B\n",
		"locales/fr/a.fr.toml":        "",
		"locales/fr/guides/b.fr.toml": "",
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
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

				if len(g.keys.m) != len(c.kept) {
					t.Errorf("%d keys kept, want %d: %q", len(g.keys.m), len(c.kept), c.kept)
				}
				for _, name := range c.kept {
					if _, ok := g.keys.m[name]; !ok {
						t.Errorf("key %q forgotten", name)
					}
				}
				for _, slug := range []string{"a", "guides/b"} {
					got, err := g.UnitKeys(slug, langs)
					if err != nil {
						return err
					}
					article, err := g.articleKey(slug) // made again, not remembered
					if err != nil {
						return err
					}
					for i, lang := range langs {
						if want, err := g.unitKey(article, lang, slug); err != nil || got[i] != want {
							t.Errorf("%s in %s: key %s after the write, made again %s (%v)", slug, lang, got[i], want, err)
						}
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
