package catalog

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseCanonical reads a TOML catalog laid out as Marshal writes it, without
// go-toml, and reports whether it could. It exists because decoding every
// catalog with go-toml (and its duplicate-key tracker), then walking the
// tree for go-i18n and for positions, was a quarter of a build's time, and
// almost every catalog is still in the layout lingo wrote.
//
// The layout is: blank lines and "#" comment lines, each starting in column
// 1, between entries; an entry is a table header holding one key ([id],
// ['id'] or ["id"]) on a line of its own, followed at once by one line per
// field, "name = string", the fields in Marshal's order (description, hash,
// zero, one, two, few, many), ending with other. Strings are literal or
// basic, on one line or multi-line, with the escapes Marshal writes and
// \uXXXX, \UXXXXXXXX.
//
// Anything else, or anything the full parser would refuse or read another
// way (a duplicate or reserved ID, an empty ID, a carriage return, a control
// character, more than MaxEntries entries), makes it return false: the
// caller then reads the file with the full parser, so errors and their
// positions come from one place only. The entries it returns are those the
// full parser returns for the same file; FuzzCanonical checks it.
func parseCanonical(data []byte) ([]Entry, bool) {
	s := canonical{b: data, line: 1}
	entries := []Entry{}
	seen := map[string]bool{}
	for s.off < len(s.b) {
		switch s.b[s.off] {
		case '\n':
			s.newline()
		case '#':
			if !s.comment() {
				return nil, false
			}
		case '[':
			e, ok := s.entry()
			if !ok || e.ID == "" || seen[e.ID] || reserved[strings.ToLower(e.ID)] || len(entries) == MaxEntries {
				return nil, false
			}
			seen[e.ID] = true
			entries = append(entries, e)
		default:
			return nil, false
		}
	}
	return entries, true
}

// fieldOrder lists the fields of a message in the order Marshal writes them.
var fieldOrder = []string{"description", "hash", "zero", "one", "two", "few", "many", "other"}

// canonical is the reading position in a catalog: offset and 1-based line.
type canonical struct {
	b    []byte
	off  int
	line int
}

func (s *canonical) newline() {
	s.off++
	s.line++
}

// skip consumes prefix if the input continues with it.
func (s *canonical) skip(prefix string) bool {
	if len(s.b)-s.off < len(prefix) || string(s.b[s.off:s.off+len(prefix)]) != prefix {
		return false
	}
	s.off += len(prefix)
	return true
}

// eol consumes the end of a line: a newline, or the end of the file.
func (s *canonical) eol() bool {
	if s.off == len(s.b) {
		return true
	}
	if s.b[s.off] != '\n' {
		return false
	}
	s.newline()
	return true
}

// comment consumes a comment line.
func (s *canonical) comment() bool {
	s.run(0)
	return s.eol()
}

// entry reads a table header and the fields under it.
func (s *canonical) entry() (Entry, bool) {
	e := Entry{Line: s.line}
	s.off++ // [
	id, ok := s.key()
	if !ok || !s.skip("]") || !s.eol() {
		return e, false
	}
	e.ID = id
	next := 0 // the index in fieldOrder of the earliest field still allowed
	for next < len(fieldOrder) {
		i := s.fieldName(next)
		if i < 0 || !s.skip(" = ") {
			return e, false
		}
		v, ok := s.value()
		if !ok || !s.eol() {
			return e, false
		}
		switch name := fieldOrder[i]; name {
		case "description":
			e.Description = v
		case "hash":
			e.Hash = v
		case "other":
			e.Other = v
		default:
			if e.Plural == nil {
				e.Plural = map[string]string{}
			}
			e.Plural[name] = v
		}
		next = i + 1
	}
	return e, true
}

// fieldName consumes the name of a field that may come at this point, one
// of fieldOrder[from:], and returns its index, or -1.
func (s *canonical) fieldName(from int) int {
	for i := from; i < len(fieldOrder); i++ {
		if s.skip(fieldOrder[i]) {
			return i
		}
	}
	return -1
}

// key reads the key of a table header: bare, literal or basic.
func (s *canonical) key() (string, bool) {
	if s.off < len(s.b) && (s.b[s.off] == '\'' || s.b[s.off] == '"') {
		return s.value()
	}
	start := s.off
	for s.off < len(s.b) && bare(s.b[s.off]) {
		s.off++
	}
	return string(s.b[start:s.off]), s.off > start
}

// value reads a string of any of TOML's four kinds.
func (s *canonical) value() (string, bool) {
	switch {
	case s.skip("'''"):
		return s.multiline('\'')
	case s.skip(`"""`):
		return s.multiline('"')
	case s.skip("'"):
		return s.oneLine('\'')
	case s.skip(`"`):
		return s.oneLine('"')
	}
	return "", false
}

// run consumes the bytes that stand for themselves in a string closed by
// quote (' or ", or 0 for a comment) and returns them.
func (s *canonical) run(quote byte) []byte {
	rest := s.b[s.off:]
	n := 0
	for n < len(rest) && plain(rest[n]) && rest[n] != quote && !(quote == '"' && rest[n] == '\\') {
		n++
	}
	s.off += n
	return rest[:n]
}

// oneLine reads the rest of a one-line string closed by quote.
func (s *canonical) oneLine(quote byte) (string, bool) {
	var buf []byte // nil until the first escape
	for ok := true; ok; {
		text := s.run(quote)
		switch {
		case s.off == len(s.b):
			return "", false
		case s.b[s.off] == quote:
			s.off++
			if buf == nil {
				return string(text), true
			}
			return string(append(buf, text...)), true
		case s.b[s.off] == '\\':
			buf, ok = s.escape(append(buf, text...))
		default:
			return "", false
		}
	}
	return "", false
}

// multiline reads the rest of a multi-line string closed by three quotes.
// A newline right after the opening quotes is not part of the text; up to
// two quotes before the closing ones are.
func (s *canonical) multiline(quote byte) (string, bool) {
	if s.off < len(s.b) && s.b[s.off] == '\n' {
		s.newline()
	}
	var buf []byte
	for ok := true; ok; {
		buf = append(buf, s.run(quote)...)
		switch {
		case s.off == len(s.b):
			return "", false
		case s.b[s.off] == quote:
			n := 0
			for s.off < len(s.b) && s.b[s.off] == quote {
				s.off++
				n++
			}
			if n < 3 {
				buf = append(buf, s.b[s.off-n:s.off]...)
				continue
			}
			if n > 5 {
				return "", false
			}
			return string(append(buf, s.b[s.off-n:s.off-3]...)), true
		case s.b[s.off] == '\\':
			buf, ok = s.escape(buf)
		case s.b[s.off] == '\n':
			buf = append(buf, '\n')
			s.newline()
		default:
			return "", false
		}
	}
	return "", false
}

// escape reads the escape sequence at a backslash and appends its text to
// buf. A backslash at the end of a line (which trims the whitespace after
// it), \e and \xHH are left to the full parser.
func (s *canonical) escape(buf []byte) ([]byte, bool) {
	if s.off+1 >= len(s.b) {
		return buf, false
	}
	c := s.b[s.off+1]
	s.off += 2
	if i := strings.IndexByte(`btnfr"\`, c); i >= 0 {
		return append(buf, "\b\t\n\f\r\"\\"[i]), true
	}
	n := 4
	if c == 'U' {
		n = 8
	}
	if c != 'u' && c != 'U' || s.off+n > len(s.b) {
		return buf, false
	}
	r, err := strconv.ParseUint(string(s.b[s.off:s.off+n]), 16, 32)
	if err != nil || !utf8.ValidRune(rune(r)) {
		return buf, false
	}
	s.off += n
	return utf8.AppendRune(buf, rune(r)), true
}

// plain reports whether c stands for itself in a comment or a string: a
// tab, a printable ASCII character or a byte of a UTF-8 sequence (Parse
// has checked that the file is valid UTF-8).
func plain(c byte) bool {
	return c == '\t' || c >= 0x20 && c != 0x7f
}

// bare reports whether c may appear in a bare key.
func bare(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}
