// Package structure extracts the Markdown structure of one message (the
// inline text of a paragraph, heading, list item or table cell) and checks
// that a translation keeps it. Parse reads a message with goldmark, configured
// as lingo parses articles, and lists what a translator must carry over
// untouched: link and image destinations, code spans, emphasis, inline HTML
// tags and comments, the content of script and style elements, Hugo
// shortcodes and placeholders, footnote references, plus literal "*" and "_"
// runs that look like broken emphasis; and it gives the text a reader sees
// (Shape.Seen: raw HTML markup removed), which the checks of words and
// numbers read. Compare reports what a translation lost, added or changed,
// under stable check IDs (links, images, code, emphasis, html, shortcodes,
// footnotes); comparisons are multisets, so a translator may reorder. Safety
// reports what a translation must never bring in that its source does not
// have: raw HTML, script or style content, script URLs, event handlers and
// links to foreign hosts.
package structure

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Check IDs of Compare, stable: configuration and output use them.
const (
	CheckLinks      = "links"
	CheckImages     = "images"
	CheckCode       = "code"
	CheckEmphasis   = "emphasis"
	CheckHTML       = "html"
	CheckShortcodes = "shortcodes"
	CheckFootnotes  = "footnotes"
)

// Check IDs of Safety, stable; their problems are always errors.
const (
	CheckUnsafeHTML   = "unsafe-html"
	CheckUnsafeURL    = "unsafe-url"
	CheckEventHandler = "event-handler"
	CheckForeignHost  = "foreign-host"
)

// Shape is the structure of one message: what a translation must keep.
// Lists are in document order.
type Shape struct {
	Links      []string  // link destinations (inline, reference and autolinks), entities and escapes resolved
	Images     []string  // image sources, resolved as links are
	Code       []string  // inline code spans, content as goldmark reads it (a line break is one space)
	Emphasis   int       // number of emphasis nodes (level 1)
	Strong     int       // number of strong (level 2) nodes
	HTML       []string  // raw HTML tags, normalized: "<span class=\"x\">", "</span>"
	Shortcodes []string  // shortcodes and {{ }} placeholders, raw bytes
	Footnotes  []string  // footnote reference labels
	Unbalanced []string  // "*" and "_" runs left as literal text that could have opened or closed emphasis
	Comments   []string  // HTML comments, as written: "<!-- note -->"
	RawText    []RawText // the content of script and style elements, as written
	defined    []place   // the link reference definitions of the text itself, for Safety
	seen       string    // the text a reader sees (Seen)
	attrText   string    // the prose attribute values (AttrText)
}

// recording is a parser context that notes the link reference definitions
// of the text it parses, besides the article's it starts with.
type recording struct {
	parser.Context
	defs []parser.Reference
}

func (c *recording) AddReference(r parser.Reference) {
	c.defs = append(c.defs, r)
	c.Context.AddReference(r)
}

// places are the destinations of the definitions noted, the first of each
// label, ordered by label.
func (c *recording) places() []place {
	var out []place
	seen := map[string]bool{}
	for _, r := range c.defs {
		label := strings.ToLower(string(r.Label()))
		if seen[label] {
			continue
		}
		seen[label] = true
		out = append(out, place{resolve(r.Destination()), "link reference [" + string(r.Label()) + "]"})
	}
	slices.SortFunc(out, func(a, b place) int { return strings.Compare(a.where, b.where) })
	return out
}

// Parse returns the structure of the message text. refs holds the link
// reference definitions of the article (lower-cased label → destination), so
// that [text][label] and [label] resolve as they do in the article.
//
// The message is parsed as a document of its own with lingo's goldmark
// configuration, so a translation that starts a list, a heading or an HTML
// block is read as goldmark would read it; inline nodes are collected from
// every block. Shortcodes are found in the raw text, as Hugo finds them
// before Markdown is rendered. Footnote references are recognized whatever
// the article defines: every "[^label]" candidate gets an empty definition
// appended to the parsed text, and goldmark decides which are references.
func Parse(msg string, refs map[string]string) Shape { return NewParser().Parse(msg, refs) }

// Parser reads the structure of messages with one goldmark instance, which
// is costly to build; it is safe for concurrent use.
type Parser struct{ md goldmark.Markdown }

// NewParser returns a Parser.
func NewParser() *Parser { return &Parser{md: markdown.Goldmark()} }

// Parse is the package's Parse with p's goldmark.
func (p *Parser) Parse(msg string, refs map[string]string) Shape {
	src := []byte(msg)
	n := len(src)
	src = appendFootnoteDefs(src)

	ctx := &recording{Context: parser.NewContext()}
	for label, dest := range refs {
		ctx.Context.AddReference(parser.NewReference([]byte(label), []byte(dest), nil))
	}
	doc := p.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))

	var sh Shape
	sh.defined = ctx.places()
	scs := shortcode.Scan(src, article.Range{Start: 0, End: n})
	for _, sc := range scs {
		sh.Shortcodes = append(sh.Shortcodes, string(src[sc.Range.Start:sc.Range.End]))
	}
	labels := footnoteLabels(doc)
	var pieces []article.Range // the raw HTML of the message, in document order
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node := node.(type) {
		case *ast.Link:
			sh.Links = append(sh.Links, resolve(node.Destination))
		case *ast.Image:
			sh.Images = append(sh.Images, resolve(node.Destination))
		case *ast.AutoLink:
			u := node.URL(src)
			if node.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
				u = append([]byte("mailto:"), u...)
			}
			sh.Links = append(sh.Links, string(u))
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			sh.Code = append(sh.Code, codeContent(node, src))
			return ast.WalkSkipChildren, nil
		case *ast.Emphasis:
			if node.Level >= 2 {
				sh.Strong++
			} else {
				sh.Emphasis++
			}
		case *ast.RawHTML:
			var raw []byte
			for i := range node.Segments.Len() {
				seg := node.Segments.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			sh.HTML = append(sh.HTML, tags(raw)...)
			if l := node.Segments.Len(); l > 0 {
				pieces = appendPiece(pieces, node.Segments.At(0).Start, node.Segments.At(l-1).Stop, n)
			}
		case *ast.HTMLBlock:
			var raw []byte
			lines := node.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			if node.HasClosure() {
				seg := node.ClosureLine
				raw = append(raw, seg.Value(src)...)
			}
			sh.HTML = append(sh.HTML, tags(raw)...)
			if l := lines.Len(); l > 0 {
				stop := lines.At(l - 1).Stop
				if node.HasClosure() {
					stop = node.ClosureLine.Stop
				}
				pieces = appendPiece(pieces, lines.At(0).Start, stop, n)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *extast.FootnoteLink:
			if l, ok := labels[node.Index]; ok {
				sh.Footnotes = append(sh.Footnotes, l)
			}
		case *ast.Text:
			if node.Segment.Stop <= n {
				sh.Unbalanced = append(sh.Unbalanced, unbalanced(src, node.Segment, scs)...)
			}
		}
		return ast.WalkContinue, nil
	})
	m := readMarkup(src[:n], pieces)
	sh.Comments, sh.RawText = m.comments, m.raw
	sh.seen, sh.attrText = m.seen(src[:n]), strings.Join(m.attrs, "\n")
	return sh
}

// appendPiece appends the raw HTML src[start:stop] to pieces, cut at n
// (the end of the message: what follows is lingo's footnote definitions).
func appendPiece(pieces []article.Range, start, stop, n int) []article.Range {
	stop = min(stop, n)
	if start >= stop {
		return pieces
	}
	return append(pieces, article.Range{Start: start, End: stop})
}

// resolve returns a destination as the renderer reads it: backslash escapes
// and character references resolved, nothing percent-encoded.
func resolve(dest []byte) string {
	d := util.UnescapePunctuations(dest)
	d = util.ResolveNumericReferences(d)
	d = util.ResolveEntityNames(d)
	return string(d)
}

// codeContent is the content of a code span: its text, with one space where
// the span crosses a line break (goldmark ends a line's segment with the
// line ending, or leaves a gap before the next line's segment).
func codeContent(n *ast.CodeSpan, src []byte) string {
	var b []byte
	last := -1 // end of the previous segment; -1 after a line break
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			continue
		}
		if last >= 0 && t.Segment.Start > last {
			b = append(b, ' ')
		}
		v := t.Segment.Value(src)
		last = t.Segment.Stop
		if trimmed := bytes.TrimRight(v, "\r\n"); len(trimmed) < len(v) {
			v, last = append(trimmed[:len(trimmed):len(trimmed)], ' '), -1
		}
		b = append(b, v...)
	}
	return string(b)
}

// appendFootnoteDefs appends an empty footnote definition for every
// "[^label]" in src that could be a footnote reference, so that goldmark's
// footnote parser, which only accepts defined labels, recognizes them. The
// definitions follow a blank line after the message; their content is empty,
// so they add no nodes but the definitions themselves. Goldmark's footnote
// handling is quadratic in the number of footnotes, so only the first
// maxFootnotes distinct labels are defined: a message has a handful.
func appendFootnoteDefs(src []byte) []byte {
	var labels [][]byte
	seen := make(map[string]bool)
	for i := 0; i+2 < len(src); i++ {
		if src[i] != '[' || src[i+1] != '^' {
			continue
		}
		j := i + 2
		for j < len(src) && j-i < 1000 && src[j] != ']' && src[j] != '[' && src[j] != '\n' && src[j] != '\r' {
			j++
		}
		if j < len(src) && src[j] == ']' && j > i+2 && !seen[string(src[i+2:j])] && len(labels) < maxFootnotes {
			seen[string(src[i+2:j])] = true
			labels = append(labels, src[i+2:j])
		}
	}
	if len(labels) == 0 {
		return src
	}
	out := slices.Clip(src)
	out = append(out, "\n\n"...)
	for _, l := range labels {
		out = append(out, "[^"...)
		out = append(out, l...)
		out = append(out, "]:\n"...)
	}
	return out
}

// maxFootnotes bounds the footnote labels a message may reference.
const maxFootnotes = 500

// footnoteLabels maps the index of every referenced footnote to its label.
func footnoteLabels(doc ast.Node) map[int]string {
	labels := make(map[int]string)
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != extast.KindFootnoteList {
			continue
		}
		for f := c.FirstChild(); f != nil; f = f.NextSibling() {
			if f, ok := f.(*extast.Footnote); ok && f.Index > 0 {
				labels[f.Index] = string(f.Ref)
			}
		}
	}
	return labels
}

// unbalanced returns the runs of "*" or "_" in the text segment seg that
// could open or close emphasis by CommonMark's flanking rules: goldmark left
// them as text, so they did not pair. Escaped delimiters and runs inside a
// shortcode are skipped. Best effort: the flanking context is the source
// bytes around the run, and a run can still be literal on purpose ("2*3").
func unbalanced(src []byte, seg text.Segment, scs []shortcode.Shortcode) []string {
	var out []string
	for i := seg.Start; i < seg.Stop; i++ {
		c := src[i]
		if c == '\\' {
			i++
			continue
		}
		if c != '*' && c != '_' {
			continue
		}
		j := i
		for j < seg.Stop && src[j] == c {
			j++
		}
		if !inShortcode(i, scs) && canDelimit(src, i, j, c) {
			out = append(out, string(src[i:j]))
		}
		i = j - 1
	}
	return out
}

// inShortcode reports whether offset i lies in one of scs, which are in
// source order and do not overlap.
func inShortcode(i int, scs []shortcode.Shortcode) bool {
	k, _ := slices.BinarySearchFunc(scs, i, func(sc shortcode.Shortcode, i int) int {
		if sc.Range.End <= i {
			return -1
		}
		if sc.Range.Start > i {
			return 1
		}
		return 0
	})
	return k < len(scs) && scs[k].Range.Start <= i && i < scs[k].Range.End
}

// canDelimit reports whether the run src[i:j] of c could open or close
// emphasis.
func canDelimit(src []byte, i, j int, c byte) bool {
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRune(src[:i])
	}
	if j < len(src) {
		next, _ = utf8.DecodeRune(src[j:])
	}
	prevSpace, nextSpace := unicode.IsSpace(prev), unicode.IsSpace(next)
	prevPunct, nextPunct := isPunct(prev), isPunct(next)
	left := !nextSpace && (!nextPunct || prevSpace || prevPunct)
	right := !prevSpace && (!prevPunct || nextSpace || nextPunct)
	if c == '*' {
		return left || right
	}
	return left && (!right || prevPunct) || right && (!left || nextPunct)
}

func isPunct(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}
