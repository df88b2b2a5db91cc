package project

import (
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/article"
)

// Render writes every article in each of langs as Markdown to
// <output>/<lang>/<slug>.md. A message missing from a language's catalog
// renders as its source text. It returns the paths written.
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
			out := article.Render(a.Src, a.Segs, a.IDs, c.Lookup)
			files = append(files, pending{
				path: filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(a.Slug)+".md"),
				data: out,
			})
		}
	}
	return p.writeAll(files)
}
