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

// sourceHashes maps each message ID of a to the hash of its source text,
// which tells a current translation from a stale one.
func sourceHashes(a *Article) map[string]string {
	hashes := make(map[string]string, len(a.IDs))
	for i, id := range a.IDs {
		hashes[id] = article.Hash(a.Segs[i].Text)
	}
	return hashes
}

// currentIn returns, per message ID of a, the current translation in c: a
// text made from the message's source as it is (hashes, of sourceHashes),
// or from a source it does not name.
func currentIn(a *Article, hashes map[string]string, c *catalog.Catalog) map[string]string {
	entries := make(map[string]int, len(c.Entries)) // ID → index of its last entry
	for i, e := range c.Entries {
		entries[e.ID] = i
	}
	out := map[string]string{}
	for _, id := range a.IDs {
		k, ok := entries[id]
		if !ok {
			continue
		}
		if e := &c.Entries[k]; e.Other != "" && (e.Hash == "" || e.Hash == hashes[id]) {
			out[id] = e.Other
		}
	}
	return out
}
