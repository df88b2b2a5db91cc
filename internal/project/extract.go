package project

import (
	"fmt"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/pseudo"
)

// Extract writes the source catalog of every article and returns the paths
// written (unchanged catalogs are not rewritten).
func (p *Project) Extract() ([]string, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	files := make([]Pending, 0, len(arts))
	for _, a := range arts {
		f, err := p.catalogFile(p.SourceCatalog(a))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return p.WriteAll(files)
}

// Pseudo writes a pseudo-locale catalog in lang for every article: each
// message accented, lengthened and bracketed.
func (p *Project) Pseudo(lang string) ([]string, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	files := make([]Pending, 0, len(arts))
	for _, a := range arts {
		c := p.SourceCatalog(a)
		c.Lang = lang
		for i := range c.Entries {
			c.Entries[i].Other = pseudo.Translate(&a.Segs[i])
		}
		f, err := p.catalogFile(c)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return p.WriteAll(files)
}

func (p *Project) catalogFile(c *catalog.Catalog) (Pending, error) {
	data, err := catalog.Marshal(c, p.Config.Format)
	if err != nil {
		return Pending{}, fmt.Errorf("catalog %s for %s: %w", c.Lang, c.Slug, err)
	}
	return Pending{Path: p.CatalogPath(c.Lang, c.Slug), Data: data}, nil
}
