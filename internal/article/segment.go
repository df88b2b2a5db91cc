// Package article is lingo's domain model of a source article: its bytes and
// the translatable segments found in them. A Segment points into the source by
// byte offsets and never copies structure; rendering splices translations into
// the source bytes at those offsets, so everything outside a segment stays
// exactly as the author wrote it. Adapters (Markdown, front matter, HTML,
// shortcodes) find segments; this package only holds and splices them.
package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Range is a half-open byte range [Start, End) into some byte slice.
type Range struct {
	Start, End int
}

// Len is the number of bytes in r.
func (r Range) Len() int { return r.End - r.Start }

// Kind says what sort of text a segment is; it becomes part of the message ID
// and of the description a translator reads.
type Kind string

// The kinds of segment lingo extracts.
const (
	KindFrontMatter Kind = "fm"        // a front matter field; the field name is in Segment.Field
	KindHeading     Kind = "h"         // a heading; the level is in Segment.Level
	KindParagraph   Kind = "p"         // a paragraph
	KindListItem    Kind = "li"        // the text of a list item
	KindQuote       Kind = "quote"     // a paragraph inside a block quote
	KindTableHead   Kind = "th"        // a table header cell
	KindTableCell   Kind = "td"        // a table body cell
	KindFootnote    Kind = "fn"        // a paragraph of a footnote
	KindTerm        Kind = "dt"        // a definition-list term
	KindDefinition  Kind = "dd"        // a definition-list description
	KindHTML        Kind = "html"      // text inside raw HTML
	KindAttribute   Kind = "attr"      // an HTML attribute value (alt, title); name in Segment.Field
	KindShortcode   Kind = "param"     // a shortcode parameter (alt, title, caption); name in Segment.Field
	KindLinkTitle   Kind = "linktitle" // the title of a link reference definition
	KindUnknown     Kind = "text"      // anything else that holds text
)

// Segment is one translatable unit of an article: one message in a catalog.
//
// Its text is made of Pieces, byte ranges of the source joined by "\n": a
// hard-wrapped paragraph has one piece per line, and the bytes between two
// pieces (line ending, trailing spaces, block quote markers, indentation) are
// structure that stays out of the message. Escape, when set, encodes a
// translation for the place it goes (quoting in YAML, attribute escaping in
// HTML); the source text itself is always written back unchanged.
type Segment struct {
	Kind    Kind
	Field   string // front matter key, attribute or parameter name
	Level   int    // heading level
	Section string // plain text of the nearest heading before the segment
	Text    string // the message text: the pieces joined by "\n" (decoded for front matter fields)
	Pieces  []Range
	// Spans are the ranges of Text that are prose: the parts a pseudo-locale
	// may alter. Code, URLs, HTML tags, shortcodes and placeholders lie
	// outside them.
	Spans []Range
	// Refs are the shortcut and collapsed reference links of the text.
	Refs []Ref
	// Multiline is true where a translation may span several lines
	// (paragraphs and HTML text); elsewhere line breaks become spaces.
	Multiline bool
	// Continue is what goes before an extra line of a translation that has
	// more lines than the source: a line ending and indentation.
	Continue string
	Escape   func(string) string
	Line     int // 1-based line of the segment's start in the source
	Column   int // 1-based column (in bytes) of the segment's start
}

// Ref is a shortcut or collapsed reference link ("[text]" or "[text][]")
// whose text doubles as its label: a translation of the text must write the
// label out, so Insert ("[text]" or "text") goes at offset At of Text.
type Ref struct {
	At     int
	Insert string
}

// Start is the offset of the segment's first byte in the source.
func (s *Segment) Start() int { return s.Pieces[0].Start }

// End is the offset just past the segment's last byte in the source.
func (s *Segment) End() int { return s.Pieces[len(s.Pieces)-1].End }

// HasLetter reports whether b holds a letter: text with something to
// translate, as opposed to numbers, punctuation and markup alone.
func HasLetter(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if unicode.IsLetter(r) {
			return true
		}
		b = b[size:]
	}
	return false
}

// JoinPieces returns the text of pieces of src joined by "\n".
func JoinPieces(src []byte, pieces []Range) string {
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.Write(src[p.Start:p.End])
	}
	return b.String()
}

// TitleAt is the index in segs of an article's title: its front matter
// title, else its first level-1 heading; -1 for none.
func TitleAt(segs []Segment) int {
	if at := slices.IndexFunc(segs, func(s Segment) bool { return s.Kind == KindFrontMatter && s.Field == "title" }); at >= 0 {
		return at
	}
	return slices.IndexFunc(segs, func(s Segment) bool { return s.Kind == KindHeading && s.Level == 1 })
}
