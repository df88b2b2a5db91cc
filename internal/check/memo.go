package check

import (
	"github.com/lingo-l10n/lingo/internal/memo"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/vocab"
)

// sources is what a Checker of one article (ForArticle) read of its
// source: the shapes of its texts, its skeleton, and a remembering
// vocabulary of its language.
type sources struct {
	shapes    memo.Map[structure.Shape]
	skeletons memo.Map[structure.Skeleton]
	langs     memo.Map[*vocab.Lang]
}

// ForArticle returns a Checker that reads each source text once, however
// many languages check a translation of it: the Checker of one article's
// translations, judged in every language together. It keeps what it read
// until it is dropped, with the article. Safe for concurrent use.
func (c *Checker) ForArticle() *Checker {
	m := *c
	m.sources = &sources{}
	return &m
}

// sourceShape is the shape of source text src of the article.
func (c *Checker) sourceShape(src string, refs map[string]string) structure.Shape {
	if c.sources == nil {
		return c.md.Parse(src, refs)
	}
	return c.sources.shapes.Get(src, func() structure.Shape { return c.md.Parse(src, refs) })
}

// SourceSkeleton is the skeleton of body, a source article's Markdown
// without its front matter (structure.Parser.Skeleton): read once by a
// Checker of the article.
func (c *Checker) SourceSkeleton(body []byte) structure.Skeleton {
	if c.sources == nil {
		return c.md.Skeleton(body)
	}
	return c.sources.skeletons.Get(string(body), func() structure.Skeleton { return c.md.Skeleton(body) })
}

// sourceVocab is the vocabulary of the source language lang: remembering
// in a Checker of one article.
func (c *Checker) sourceVocab(lang string) *vocab.Lang {
	if c.sources == nil {
		return c.vocab.For(lang)
	}
	return c.sources.langs.Get(lang, func() *vocab.Lang { return c.vocab.For(lang).Remembering() })
}
