package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/diag"
)

// catalogExts are the file extensions of catalogs lingo reads.
var catalogExts = []string{"toml", "json", "yaml", "yml"}

// OtherExts are the catalog extensions besides lingo.toml's format.
func (p *Project) OtherExts() []string {
	return slices.DeleteFunc(slices.Clone(catalogExts), func(x string) bool { return x == p.Config.Format })
}

// CatalogFileOf is the file holding the catalog of lang for slug: the one
// in lingo.toml's format, else the only one in another format (a project
// whose format changed, before the sync that converts it); "" when there
// is none. Two in other formats and none in lingo.toml's is an error.
func (p *Project) CatalogFileOf(lang, slug string) (string, error) {
	path := p.CatalogPath(lang, slug)
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	var found []string
	for _, ext := range p.OtherExts() {
		other := catalog.Path(p.Config.LocalesDir(), lang, slug, ext)
		if _, err := os.Stat(other); err == nil {
			found = append(found, other)
		}
	}
	switch len(found) {
	case 0:
		return "", nil
	case 1:
		return found[0], nil
	}
	return "", &diag.Error{Path: p.Rel(found[1]), Msg: fmt.Sprintf("%s and %s are both catalogs of %s: lingo.toml says format = %q; keep the one with the translations, delete the other, and run lingo sync to convert it",
		p.Rel(found[0]), p.Rel(found[1]), slug, p.Config.Format)}
}

// readOtherFormat reads the catalog of lang for slug from a file in
// another format than lingo.toml's, when there is one and none in its
// format: sync converts it, and until then it is the article's catalog.
func (p *Project) readOtherFormat(lang, slug string) (*catalog.Catalog, error) {
	path, err := p.CatalogFileOf(lang, slug)
	if err != nil || path == "" {
		return &catalog.Catalog{Lang: lang, Slug: slug}, err
	}
	c, err := p.ReadCatalogFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &catalog.Catalog{Lang: lang, Slug: slug}, nil
	}
	return c, err
}

// otherFormat sorts a catalog file of lang in another format than
// lingo.toml's, of article slug (still there): sync converts it when there
// is none in lingo.toml's format, and removes it once the converted one is
// written. When both are there, the other one must hold nothing the one in
// lingo.toml's format lacks (each translation there under the same ID, or
// archived where its ID left the article: a sync killed before it removed
// it); else it is an error naming both, and which to delete.
func (p *Project) otherFormat(lang, slug, path string, archive []Archived) error {
	conf := p.CatalogPath(lang, slug)
	if _, err := os.Stat(conf); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	old, err := p.ReadCatalogFile(path)
	if err != nil {
		return err
	}
	cur, err := p.ReadCatalog(lang, slug)
	if err != nil {
		return err
	}
	have := make(map[string]catalog.Entry, len(cur.Entries))
	for _, e := range cur.Entries {
		have[e.ID] = e
	}
	for _, e := range old.Entries {
		if e.Other == "" {
			continue
		}
		n, there := have[e.ID]
		if there && n.Other == e.Other && maps.Equal(n.Plural, e.Plural) {
			continue
		}
		if !there && slices.ContainsFunc(archive, func(a Archived) bool { return a.Translation == e.Other }) {
			continue
		}
		return &diag.Error{Path: p.Rel(path), Line: e.Line, Col: 1, Msg: fmt.Sprintf(
			"a catalog of %s, while lingo.toml says format = %q and %s is there too, with another translation of %s: copy what you need into %s, then delete %s",
			slug, p.Config.Format, p.Rel(conf), e.ID, p.Rel(conf), p.Rel(path))}
	}
	return nil
}

// CatalogName splits the name of a catalog file, relative to its language
// folder, into its slug, language and extension; ok is false for a file
// that is no catalog.
func CatalogName(rel string) (slug, lang, ext string, ok bool) {
	rel = filepath.ToSlash(rel)
	dot := strings.LastIndex(rel, ".")
	if dot < 0 || !slices.Contains(catalogExts, rel[dot+1:]) {
		return "", "", "", false
	}
	stem, ext := rel[:dot], rel[dot+1:]
	dot = strings.LastIndex(stem, ".")
	if dot < 0 {
		return stem, "", ext, true
	}
	return stem[:dot], stem[dot+1:], ext, true
}
