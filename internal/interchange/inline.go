package interchange

import (
	"bytes"
	"slices"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// piece is a run of a message: prose a translator edits, or a protected
// run (code, URL, tag, shortcode) that a translation tool must carry over
// as it is.
type piece struct {
	text      string
	protected bool
}

// splitter finds the protected runs of messages with one goldmark
// instance, which is costly to build.
type splitter struct{ md goldmark.Markdown }

func newSplitter() *splitter { return &splitter{md: markdown.Goldmark()} }

// split cuts msg into prose and protected pieces; joined, they give msg
// back byte for byte. Goldmark finds code spans, inline HTML tags,
// autolinks and the destinations of inline links and images (with the
// brackets around their text); shortcode.Scan finds shortcodes and {{ }}
// placeholders. Where goldmark's view and the bytes disagree, the run is
// left as prose: protection is an aid for the tool, never a change of text.
func (s *splitter) split(msg string) []piece {
	src := []byte(msg)
	var rs []article.Range
	for _, sc := range shortcode.Scan(src, article.Range{Start: 0, End: len(src)}) {
		rs = append(rs, sc.Range)
	}
	doc := s.md.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan:
			if r, ok := codeSpanRange(n, src); ok {
				rs = append(rs, r)
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				rs = append(rs, article.Range{Start: n.Segments.At(0).Start, End: n.Segments.At(n.Segments.Len() - 1).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if r, ok := autoLinkRange(n, src); ok {
				rs = append(rs, r)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			rs = append(rs, linkRanges(n, n.Destination, n.Title, 1, src)...)
		case *ast.Image:
			rs = append(rs, linkRanges(n, n.Destination, n.Title, 2, src)...)
		}
		return ast.WalkContinue, nil
	})
	return cut(msg, rs)
}

// cut splits msg at the ranges rs, dropping ranges that overlap an earlier
// (or wider, at the same start) one.
func cut(msg string, rs []article.Range) []piece {
	slices.SortFunc(rs, func(a, b article.Range) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	var out []piece
	pos := 0
	for _, r := range rs {
		if r.Start < pos || r.End <= r.Start || r.End > len(msg) {
			continue
		}
		if r.Start > pos {
			out = append(out, piece{text: msg[pos:r.Start]})
		}
		out = append(out, piece{text: msg[r.Start:r.End], protected: true})
		pos = r.End
	}
	if pos < len(msg) {
		out = append(out, piece{text: msg[pos:]})
	}
	return out
}

// codeSpanRange is the whole code span, backtick runs included: from the
// opening run goldmark reports at Pos to the first run of the same length.
func codeSpanRange(n *ast.CodeSpan, src []byte) (article.Range, bool) {
	start := n.Pos()
	if start < 0 || start >= len(src) || src[start] != '`' {
		return article.Range{}, false
	}
	k := start
	for k < len(src) && src[k] == '`' {
		k++
	}
	width := k - start
	for i := k; i < len(src); {
		if src[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(src) && src[j] == '`' {
			j++
		}
		if j-i == width {
			return article.Range{Start: start, End: j}, true
		}
		i = j
	}
	return article.Range{}, false
}

// autoLinkRange is an autolink: "<url>" or a bare GFM link.
func autoLinkRange(n *ast.AutoLink, src []byte) (article.Range, bool) {
	start, label := n.Pos(), n.Label(src)
	if start < 0 || start >= len(src) {
		return article.Range{}, false
	}
	// A bare link's position can be the space before it.
	for start < len(src) && (src[start] == ' ' || src[start] == '\t' || src[start] == '\n') {
		start++
	}
	if start < len(src) && src[start] == '<' {
		end := start + 1 + len(label)
		if end < len(src) && src[end] == '>' && bytes.Equal(src[start+1:end], label) {
			return article.Range{Start: start, End: end + 1}, true
		}
		return article.Range{}, false
	}
	if end := start + len(label); end <= len(src) && bytes.Equal(src[start:end], label) {
		return article.Range{Start: start, End: end}, true
	}
	return article.Range{}, false
}

// linkRanges protects the syntax of an inline link or image around its
// text: the opening "[" or "![", and "](destination "title")". Reference
// links carry no URL in the message and are left alone. open is the
// length of the opening bracket run.
func linkRanges(n ast.Node, dest, title []byte, open int, src []byte) []article.Range {
	start := n.Pos()
	if start < 0 || start+open > len(src) || src[start+open-1] != '[' {
		return nil
	}
	pos := start + open
	if n.LastChild() != nil {
		end, ok := inlineEnd(n.LastChild(), src)
		if !ok {
			return nil
		}
		pos = end
	}
	for pos < len(src) && bytes.IndexByte([]byte("*_~"), src[pos]) >= 0 {
		pos++
	}
	end, ok := destEnd(src, pos, dest, title)
	if !ok {
		return nil
	}
	return []article.Range{{Start: start, End: start + open}, {Start: pos, End: end}}
}

// destEnd checks that src at pos reads "](", the destination and the
// title goldmark found, and ")", and returns the offset past the ")".
func destEnd(src []byte, pos int, dest, title []byte) (int, bool) {
	if !bytes.HasPrefix(src[pos:], []byte("](")) {
		return 0, false
	}
	i := skipSpace(src, pos+2)
	switch {
	case bytes.HasPrefix(src[i:], []byte("<")):
		if !bytes.HasPrefix(src[i+1:], dest) || i+1+len(dest) >= len(src) || src[i+1+len(dest)] != '>' {
			return 0, false
		}
		i += len(dest) + 2
	case bytes.HasPrefix(src[i:], dest):
		i += len(dest)
	default:
		return 0, false
	}
	i = skipSpace(src, i)
	if len(title) > 0 {
		if i >= len(src) {
			return 0, false
		}
		closer := map[byte]byte{'"': '"', '\'': '\'', '(': ')'}[src[i]]
		if closer == 0 || !bytes.HasPrefix(src[i+1:], title) {
			return 0, false
		}
		i += 1 + len(title)
		if i >= len(src) || src[i] != closer {
			return 0, false
		}
		i = skipSpace(src, i+1)
	}
	if i >= len(src) || src[i] != ')' {
		return 0, false
	}
	return i + 1, true
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// inlineEnd is the offset just past an inline node, as far as the nodes
// that can end a link's text go; ok is false for anything else.
func inlineEnd(n ast.Node, src []byte) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Stop, true
	case *ast.String:
		return 0, false
	case *ast.CodeSpan:
		r, ok := codeSpanRange(n, src)
		return r.End, ok
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			return 0, false
		}
		return n.Segments.At(n.Segments.Len() - 1).Stop, true
	case *ast.AutoLink:
		r, ok := autoLinkRange(n, src)
		return r.End, ok
	case *ast.Image:
		rs := linkRanges(n, n.Destination, n.Title, 2, src)
		if len(rs) != 2 {
			return 0, false
		}
		return rs[1].End, true
	}
	if n.LastChild() == nil {
		return 0, false
	}
	end, ok := inlineEnd(n.LastChild(), src)
	if !ok {
		return 0, false
	}
	// Emphasis and strikethrough close with a run of their delimiter.
	for end < len(src) && bytes.IndexByte([]byte("*_~"), src[end]) >= 0 {
		end++
	}
	return end, true
}
