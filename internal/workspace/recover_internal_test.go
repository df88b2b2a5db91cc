package workspace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

// TestOriginsBySourceCatalog: a translation kept without its state (a
// clone without it), in a catalog without lingo's comments, finds the
// source text it was made for in the article's source catalog as the
// last sync left it, the article having changed since; and a text no
// file lingo wrote holds is not guessed.
func TestOriginsBySourceCatalog(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("lingo.toml", "source = \"en\"\nlanguages = [\"es\"]\n")
	write("content/dosing.md", "Take one tablet at night.\n")
	p, err := Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Load("dosing")
	if err != nil {
		t.Fatal(err)
	}
	id, old := a.IDs[0], "Take one tablet at night."
	src, err := catalog.Marshal(&catalog.Catalog{Lang: "en", Slug: "dosing", Entries: []catalog.Entry{{ID: id, Other: old}}}, "toml")
	if err != nil {
		t.Fatal(err)
	}
	write("locales/en/dosing.en.toml", string(src))
	write("locales/es/dosing.es.toml", "[\""+id+"\"]\nhash = \""+article.Hash(old)+"\"\nother = \"Tome un comprimido por la noche.\"\n")
	write("content/dosing.md", "Take two tablets in the morning.\n")

	if a, err = p.Load("dosing"); err != nil {
		t.Fatal(err)
	}
	o := p.Origins("es", a)
	if got := o.Text(id, article.Hash(old)); got != old {
		t.Errorf("Text(%s, hash of the old text) = %q, want %q", id, got, old)
	}
	if got := o.Text(id, article.Hash("Take three tablets.")); got != "" {
		t.Errorf("Text(%s, hash of a text never shown) = %q, want none", id, got)
	}
}
