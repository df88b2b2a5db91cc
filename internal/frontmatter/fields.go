package frontmatter

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
)

// Fields returns one segment for each top-level field of the front matter b
// of src whose key is in keys and whose value is a non-empty string, in
// source order. Values of other types (numbers, dates, booleans, lists,
// maps), aliases, custom-tagged YAML values and nested or dotted keys are
// skipped. Each segment has Kind article.KindFrontMatter, Field set to the
// key, Text set to the value as the YAML or TOML library decodes it, and one
// piece covering the value's bytes in src: with its quotes, or for a YAML
// block scalar from the | or > indicator through its last content line; never
// a trailing comment, trailing blanks or the line ending. Line and Column
// (bytes) are where the value starts in src. Escape encodes any translation
// as a scalar that decodes back to exactly that translation in the same
// place: a double-quoted YAML scalar, a TOML basic string or a JSON string.
//
// Malformed front matter is an *Error with its position in the whole file.
// Fields returns no segments for a Block with no Format.
func Fields(src []byte, b Block, keys []string) (segs []article.Segment, err error) {
	if b.Format == "" {
		return nil, nil
	}
	if b.Start < 0 || b.Start > b.End || b.End > len(src) {
		return nil, fmt.Errorf("frontmatter: block [%d, %d) outside a source of %d bytes", b.Start, b.End, len(src))
	}
	f := &fieldFinder{src: src, block: b, keys: keys}
	defer func() {
		// The YAML and TOML libraries are fuzzed, but a library panic on
		// hostile input must still come out as an error, never a crash.
		if r := recover(); r != nil {
			segs, err = nil, f.errorAt(b.Start, fmt.Sprintf("cannot parse %s front matter: %v", b.Format, r))
		}
	}()
	switch b.Format {
	case YAML:
		return f.yaml()
	case TOML:
		return f.toml()
	case JSON:
		return f.json()
	}
	return nil, fmt.Errorf("frontmatter: unknown format %q", b.Format)
}

// fieldFinder holds what both format adapters need.
type fieldFinder struct {
	src   []byte
	block Block
	keys  []string
}

func (f *fieldFinder) content() []byte { return f.src[f.block.Start:f.block.End] }

func (f *fieldFinder) wanted(key string) bool { return slices.Contains(f.keys, key) }

// segment builds the segment for field key whose value lies at the content
// offsets [start, end) and decodes to text.
func (f *fieldFinder) segment(key, text string, start, end int, escape func(string) string) article.Segment {
	start += f.block.Start
	end += f.block.Start
	line, col := position(f.src, start)
	return article.Segment{
		Kind:      article.KindFrontMatter,
		Field:     key,
		Text:      text,
		Pieces:    []article.Range{{Start: start, End: end}},
		Spans:     []article.Range{{Start: 0, End: len(text)}},
		Multiline: strings.Contains(text, "\n"),
		Escape:    escape,
		Line:      line,
		Column:    col,
	}
}

// errorAt returns an *Error at offset off of src.
func (f *fieldFinder) errorAt(off int, msg string) *Error {
	line, col := position(f.src, off)
	return &Error{Line: line, Col: col, Msg: msg}
}

// position returns the 1-based line and byte column of offset off in src.
func position(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	return line, off - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

// yamlQuote encodes s as a YAML double-quoted scalar on one line. Invalid
// UTF-8, which YAML cannot hold, becomes U+FFFD.
func yamlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0:
			b.WriteString(`\0`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
				fmt.Fprintf(&b, `\x%02X`, r)
			case r == 0xFEFF || (r >= 0xD800 && r < 0xE000) || r == 0xFFFE || r == 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				b.WriteRune(r) // includes U+FFFD for invalid UTF-8
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlQuote encodes s as a TOML basic string. Invalid UTF-8, which TOML
// cannot hold, becomes U+FFFD.
func tomlQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7F {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
