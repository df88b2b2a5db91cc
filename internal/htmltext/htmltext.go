// Package htmltext finds the translatable text in a raw HTML block of a
// Markdown article: the text between tags, and the values of alt, title,
// placeholder and aria-label attributes. It reads the block with golang.org/x/net/html's Tokenizer,
// never with regular expressions, and reports each piece of text as byte
// ranges into the source, so tags, other attributes, comments, scripts,
// styles and code stay byte-identical when a translation is spliced in.
// Text is taken exactly as written: entities such as "&amp;" stay as raw
// bytes in a segment's text. The Tokenizer splits text at every tag, so
// "<p>Some <b>bold</b> text</p>" gives three segments ("Some", "bold",
// "text"), one per text token; joining inline markup into one message is
// left to a later stage.
package htmltext

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"

	"github.com/lingo-l10n/lingo/internal/article"
)

// skipped are the elements whose content is not prose: text inside them is
// never a segment. Besides script, style, pre, code and textarea it holds
// the other elements the Tokenizer reads as raw text, whose content is not
// shown as written.
var skipped = map[string]bool{
	"script": true, "style": true, "pre": true, "code": true, "textarea": true,
	"iframe": true, "noembed": true, "noframes": true, "plaintext": true, "xmp": true,
}

// textAttrs are the attributes whose values are prose a reader sees or
// hears: alt and title, a form field's placeholder, and aria-label.
var textAttrs = map[string]bool{"alt": true, "title": true, "placeholder": true, "aria-label": true}

// Segments returns the translatable segments of the HTML block at r in src,
// in source order:
//
//   - one KindHTML segment for each text token that holds a letter and is
//     not inside script, style, pre, code or textarea (nor iframe, noembed,
//     noframes, plaintext, xmp). Its pieces are the token's non-empty lines,
//     trimmed of spaces, tabs and line endings; Continue is the block's line
//     ending followed by the indentation of the first piece's line.
//   - one KindAttribute segment for each alt, title, placeholder or
//     aria-label attribute, on any tag,
//     whose value holds a letter. Its one piece is the raw value, inside the
//     quotes if quoted. Its Escape encodes the quote character as an entity
//     ("&quot;" or "&#39;"); an unquoted value is replaced by a translation
//     in double quotes, since a translation may hold spaces.
//
// Comments, doctypes and every other attribute yield nothing. r is clipped
// to src; an unterminated tag at the end of r ends the block.
func Segments(src []byte, r article.Range) []article.Segment {
	r.Start = min(max(r.Start, 0), len(src))
	r.End = min(max(r.End, r.Start), len(src))
	block := src[r.Start:r.End]
	nl := lineEnding(block, src)

	var out []article.Segment
	pos := newPosition(src)
	open := make(map[string]int) // skipped element → depth
	inSkipped := func() bool {
		for _, n := range open {
			if n > 0 {
				return true
			}
		}
		return false
	}
	z := html.NewTokenizer(bytes.NewReader(block))
	off := r.Start
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		if off > r.End || !bytes.Equal(raw, src[start:off]) {
			break // cannot happen: raw tokens partition the input
		}
		switch tt {
		case html.TextToken:
			if inSkipped() || !article.HasLetter(z.Text()) {
				continue
			}
			if s, ok := textSegment(src, start, off, nl, pos); ok {
				out = append(out, s)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			// Raw text elements stay raw when written "<script/>", and
			// HTML ignores the slash on non-void elements such as <pre/>.
			if skipped[tag] {
				open[tag]++
			}
			if tag == "noscript" {
				// Read noscript content as markup, not one raw text run.
				z.NextIsNotRawText()
			}
			out = append(out, attrSegments(z, src, start, raw, pos)...)
		case html.EndTagToken:
			name, _ := z.TagName()
			if tag := string(name); open[tag] > 0 {
				open[tag]--
			}
		}
	}
	return out
}

// textSegment makes the segment of the text token at src[start:end].
func textSegment(src []byte, start, end int, nl string, pos *position) (article.Segment, bool) {
	var pieces []article.Range
	for ls := start; ls < end; {
		le := ls + bytes.IndexByte(src[ls:end], '\n')
		next := le + 1
		if le < ls {
			le, next = end, end
		}
		s, e := ls, le
		for s < e && isTrim(src[s]) {
			s++
		}
		for e > s && isTrim(src[e-1]) {
			e--
		}
		if s < e {
			pieces = append(pieces, article.Range{Start: s, End: e})
		}
		ls = next
	}
	if len(pieces) == 0 {
		return article.Segment{}, false
	}
	text := article.JoinPieces(src, pieces)
	line, col := pos.at(pieces[0].Start)
	return article.Segment{
		Kind:      article.KindHTML,
		Text:      text,
		Pieces:    pieces,
		Spans:     []article.Range{{Start: 0, End: len(text)}},
		Multiline: true,
		Continue:  nl + indentation(src, pieces[0].Start),
		Line:      line,
		Column:    col,
	}, true
}

// attrSegments makes the segments of the textAttrs attributes of the
// tag token raw, which starts at src[start]. The value offsets come from
// scanAttrs; if its reading of the tag ever disagrees with the Tokenizer's,
// the tag yields nothing rather than a wrong range.
func attrSegments(z *html.Tokenizer, src []byte, start int, raw []byte, pos *position) []article.Segment {
	spans := scanAttrs(raw)
	var out []article.Segment
	for i := 0; ; i++ {
		key, val, more := z.TagAttr()
		if key == nil && !more {
			if i != len(spans) {
				return nil
			}
			break
		}
		if i >= len(spans) || !bytes.Equal(key, spans[i].key) {
			return nil
		}
		a := spans[i]
		if k := string(key); textAttrs[k] && article.HasLetter(val) {
			v := article.Range{Start: start + a.val.Start, End: start + a.val.End}
			text := string(src[v.Start:v.End])
			line, col := pos.at(v.Start)
			out = append(out, article.Segment{
				Kind:   article.KindAttribute,
				Field:  k,
				Text:   text,
				Pieces: []article.Range{v},
				Spans:  []article.Range{{Start: 0, End: len(text)}},
				Escape: escaper(a.quote),
				Line:   line,
				Column: col,
			})
		}
		if !more {
			if i+1 != len(spans) {
				return nil
			}
			break
		}
	}
	return out
}

// escaper returns the Escape function for an attribute value quoted with q
// (0 for unquoted).
func escaper(q byte) func(string) string {
	switch q {
	case '"':
		return func(s string) string { return strings.ReplaceAll(s, `"`, "&quot;") }
	case '\'':
		return func(s string) string { return strings.ReplaceAll(s, "'", "&#39;") }
	}
	return func(s string) string { return `"` + strings.ReplaceAll(s, `"`, "&quot;") + `"` }
}

// lineEnding returns the line ending used in block, or failing that in src:
// "\r\n" or "\n".
func lineEnding(block, src []byte) string {
	for _, b := range [][]byte{block, src} {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			if i > 0 && b[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}

// indentation returns the spaces and tabs that begin the line holding
// src[i].
func indentation(src []byte, i int) string {
	ls := bytes.LastIndexByte(src[:i], '\n') + 1
	e := ls
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	return string(src[ls:e])
}

func isTrim(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// position turns offsets into 1-based lines and byte columns. Offsets must
// be asked for in increasing order, so the whole block costs one pass.
type position struct {
	src       []byte
	off       int // offsets before off are counted
	line      int // line of off
	lineStart int // offset of the start of that line
}

func newPosition(src []byte) *position { return &position{src: src, line: 1} }

func (p *position) at(i int) (line, col int) {
	if i < p.off {
		p.off, p.line, p.lineStart = 0, 1, 0
	}
	for {
		k := bytes.IndexByte(p.src[p.off:i], '\n')
		if k < 0 {
			break
		}
		p.line++
		p.off += k + 1
		p.lineStart = p.off
	}
	p.off = i
	return p.line, i - p.lineStart + 1
}
