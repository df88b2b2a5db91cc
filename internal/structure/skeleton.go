package structure

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// CheckStructure is the check ID of a translation that, spliced into its
// article, changes the article's structure: what a reader would get is not
// the source's blocks with other text.
const CheckStructure = "structure"

// Skeleton is the structure of an article's body as a reader's Markdown
// renderer (and Hugo) sees it: what no translation may change. One line per
// block, in document order: its depth, its kind and what decides its
// meaning (a heading's level, a list's kind), and for a block of text the
// raw HTML tags (names and attribute names), autolinks, links, images and
// code spans in it (the per-message checks compare their contents; this
// catches what only the splice makes of a translation); for a raw
// HTML block, its tags; then one line per shortcode, with its parameter
// names.
type Skeleton []string

// Skeleton reads body (an article without its front matter) as goldmark
// does with lingo's configuration.
func (p *Parser) Skeleton(body []byte) Skeleton {
	doc := p.md.Parser().Parse(text.NewReader(body))
	var sk Skeleton
	depth := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		depth++
		sk = append(sk, fmt.Sprintf("%d %s", depth, blockKey(n, body)))
		return ast.WalkContinue, nil
	})
	for _, sc := range shortcode.Scan(body, article.Range{Start: 0, End: len(body)}) {
		if sc.Comment || sc.Placeholder {
			continue
		}
		var params []string
		for i, prm := range sc.Params {
			name := prm.Name
			if name == "" {
				name = fmt.Sprintf("#%d", i)
			}
			params = append(params, name)
		}
		sk = append(sk, fmt.Sprintf("shortcode %s closing=%v %s", sc.Name, sc.Closing, strings.Join(params, " ")))
	}
	return sk
}

// blockKey is what a block's skeleton line says of it.
func blockKey(n ast.Node, src []byte) string {
	kind := n.Kind().String()
	switch b := n.(type) {
	case *ast.TextBlock, *ast.Paragraph:
		kind = "Paragraph" // a loose and a tight list item hold the same text
	case *ast.Heading:
		kind = fmt.Sprintf("Heading%d", b.Level)
	case *ast.List:
		kind = fmt.Sprintf("List ordered=%v", b.IsOrdered())
	case *ast.HTMLBlock:
		var raw []byte
		for i := 0; i < b.Lines().Len(); i++ {
			seg := b.Lines().At(i)
			raw = append(raw, seg.Value(src)...)
		}
		return kind + " " + strings.Join(tagKeys(raw), "")
	case *extast.TableCell:
		kind = "TableCell"
	}
	if !hasInline(n) {
		return kind
	}
	var inl []string
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() == ast.TypeBlock && c != n {
			if c != n && c.Type() == ast.TypeBlock {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			inl = append(inl, tagKeys(raw)...)
		case *ast.AutoLink:
			inl = append(inl, "autolink")
		case *ast.CodeSpan:
			inl = append(inl, "code")
		case *ast.Link:
			inl = append(inl, "link")
		case *ast.Image:
			inl = append(inl, "image")
		}
		return ast.WalkContinue, nil
	})
	slices.Sort(inl) // a translator may reorder
	return kind + " " + strings.Join(inl, "")
}

// hasInline reports a block whose children are inline: a block of text.
func hasInline(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}

// tagKeys are the tags of raw HTML by name and attribute names: what a
// translation of its text must keep.
func tagKeys(raw []byte) []string {
	var out []string
	for _, t := range readTags(raw) {
		out = append(out, t.shapeKey())
	}
	return out
}

// Differs reports the first line where tr's skeleton is not src's, as
// "what src has" and "what tr has" ("" past the end), and whether there is
// one.
func Differs(src, tr Skeleton) (string, string, bool) {
	for i := range max(len(src), len(tr)) {
		var a, b string
		if i < len(src) {
			a = src[i]
		}
		if i < len(tr) {
			b = tr[i]
		}
		if a != b {
			return a, b, true
		}
	}
	return "", "", false
}
