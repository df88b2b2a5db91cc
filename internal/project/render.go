package project

import (
	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

// Render writes every article in each of langs as Markdown, under the
// publishing policy of Publish, and returns the paths written.
func (p *Project) Render(langs []string) ([]string, error) {
	_, written, err := p.Publish(PublishOptions{Langs: langs, Formats: []string{"md"}}, NoProgress{})
	return written, err
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
