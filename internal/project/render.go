package project

import (
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

// Render writes every article in each of langs as Markdown to
// <output>/<lang>/<slug>.md. A message renders in its translation only when
// that is current (its hash is the source text's, or it has none); a
// missing, empty or stale translation renders as the source text: an
// outdated number is worse than an untranslated one. It returns the paths
// written.
func (p *Project) Render(langs []string) ([]string, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	var files []pending
	for _, lang := range langs {
		for _, a := range arts {
			c, err := p.ReadCatalog(lang, a.Slug)
			if err != nil {
				return nil, err
			}
			out := article.Render(a.Src, a.Segs, a.IDs, currentLookup(a, c))
			files = append(files, pending{
				path: filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(a.Slug)+".md"),
				data: out,
			})
		}
	}
	return p.writeAll(files)
}

// currentLookup finds the current translation of each message of a in c.
func currentLookup(a *Article, c *catalog.Catalog) func(string) (string, bool) {
	hashes := make(map[string]string, len(a.IDs))
	for i, id := range a.IDs {
		hashes[id] = article.Hash(a.Segs[i].Text)
	}
	entries := make(map[string]catalog.Entry, len(c.Entries))
	for _, e := range c.Entries {
		entries[e.ID] = e
	}
	return func(id string) (string, bool) {
		e, ok := entries[id]
		if !ok || e.Other == "" || (e.Hash != "" && e.Hash != hashes[id]) {
			return "", false
		}
		return e.Other, true
	}
}
