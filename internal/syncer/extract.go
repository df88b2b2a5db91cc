package syncer

import (
	"fmt"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/glossary"
	"github.com/lingo-l10n/lingo/internal/pseudo"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Extract writes the source catalog of every article and returns the paths
// written (unchanged catalogs are not rewritten).
func (p Syncer) Extract() ([]string, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	files := make([]workspace.Pending, 0, len(arts))
	for _, a := range arts {
		f, err := p.CatalogFile(p.SourceCatalog(a))
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return p.WriteAll(files)
}

// Pseudo writes a pseudo-locale catalog in lang for every article: each
// message accented, lengthened and bracketed, the glossary's
// do-not-translate terms kept as they are.
func (p Syncer) Pseudo(lang string) ([]string, error) {
	var keep []string
	if p.Config.Glossary != "" {
		g, err := glossary.Load(p.GlossaryPath())
		if err != nil {
			return nil, fmt.Errorf("glossary: %w", err)
		}
		keep = g.DoNotTranslate
	}
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	files := make([]workspace.Pending, 0, len(arts))
	for _, a := range arts {
		c := p.SourceCatalog(a)
		c.Lang = lang
		for i := range c.Entries {
			c.Entries[i].Other = pseudo.Translate(&a.Segs[i], keep...)
		}
		f, err := p.CatalogFile(c)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return p.WriteAll(files)
}

// CatalogFile is the file of catalog c, in lingo.toml's format.
func (p Syncer) CatalogFile(c *catalog.Catalog) (workspace.Pending, error) {
	data, err := catalog.Marshal(c, p.Config.Format)
	if err != nil {
		return workspace.Pending{}, fmt.Errorf("catalog %s for %s: %w", c.Lang, c.Slug, err)
	}
	return workspace.Pending{Path: p.CatalogPath(c.Lang, c.Slug), Data: data}, nil
}
