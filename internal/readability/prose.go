package readability

import (
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Prose reads Markdown messages as a reader reads them, for scoring: the
// text of each message less its markup (emphasis marks, link
// destinations, raw HTML, code spans, image alt text, shortcodes), parsed
// with lingo's goldmark configuration. It is safe for concurrent use.
type Prose struct{ md goldmark.Markdown }

// NewProse returns a Prose.
func NewProse() *Prose { return &Prose{md: markdown.Goldmark()} }

// Text returns the prose of one message: its words and punctuation, with
// a line break read as a space.
func (p *Prose) Text(msg string) string {
	src := []byte(msg)
	for _, sc := range shortcode.Scan(src, article.Range{Start: 0, End: len(src)}) {
		for i := sc.Range.Start; i < sc.Range.End; i++ {
			src[i] = ' '
		}
	}
	doc := p.md.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock && b.Len() > 0 {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Image, *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}
