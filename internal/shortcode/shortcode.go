// Package shortcode finds Hugo shortcodes ({{< name … >}}, {{% name … %}})
// and Go template placeholders ({{ … }}) inside Markdown text. These are
// Hugo template syntax, not Markdown, so goldmark sees them as plain text; a
// small hand-written scanner reports each one as byte ranges into the source
// (the whole call, and the value of each parameter), never copies. Callers
// use the ranges to keep a shortcode out of a message while still offering
// its alt, title and caption parameters for translation, and CodeRegions to
// keep the inner content of code-like shortcodes (code-toggle, highlight)
// out of translation entirely. A call that is not well formed or not
// terminated inside the scanned range is not reported: it is plain text.
package shortcode

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
)

// Param is one parameter of a shortcode call.
type Param struct {
	Name  string        // the parameter name; "" for a positional parameter
	Value article.Range // the raw bytes of the value, inside its quotes if quoted
	Quote byte          // '"' or '`' for a quoted value, 0 for an unquoted one
}

// Shortcode is one shortcode call or template placeholder found in a source.
type Shortcode struct {
	// Range covers the whole call, delimiters included, in source offsets.
	Range article.Range
	// Name is the shortcode's name ("figure"; "figure" too for its closing
	// call "{{< /figure >}}"). It is "" for a placeholder and a comment.
	Name string
	// Closing is true for a closing call such as {{< /figure >}}.
	Closing bool
	// SelfClosing is true for a call that ends in "/>}}" or "/%}}".
	SelfClosing bool
	// Comment is true for {{</* … */>}} and {{%/* … */%}}: Hugo prints the
	// call literally, so it is opaque text with no name and no parameters.
	Comment bool
	// Placeholder is true for a Go template action {{ … }}, which is not a
	// shortcode; it has no name and no parameters.
	Placeholder bool
	// Params are the call's parameters in source order.
	Params []Param
}

// Scan returns every shortcode, shortcode comment and template placeholder
// that lies entirely inside r of src, in source order. Calls do not nest: a
// "{{" inside a reported call is part of that call. r is clipped to src.
func Scan(src []byte, r article.Range) []Shortcode {
	r = clip(r, len(src))
	var out []Shortcode
	s := &scanner{src: src[:r.End]}
	i := r.Start
	for i < r.End {
		j := bytes.Index(src[i:r.End], []byte("{{"))
		if j < 0 {
			break
		}
		p := i + j
		sc, ok := s.scanAt(p)
		if !ok {
			i = p + 1
			continue
		}
		out = append(out, sc)
		i = sc.Range.End
	}
	return out
}

// CodeRegions returns the inner content of every paired shortcode whose name
// is in codeNames: for each opening call that is not self-closing, the range
// from just after it to the start of its matching closing call of the same
// name. Same-name pairs nest (the matching close is found with a stack), so
// a nested pair gives a region inside its parent's; regions are sorted by
// start, outer before inner. Openings without a matching close, closes
// without an opening, comments and placeholders give no region. scs must be
// in source order, as Scan returns them; calls outside src are ignored.
func CodeRegions(src []byte, scs []Shortcode, codeNames []string) []article.Range {
	var out []article.Range
	open := make(map[string][]int) // name → stack of Range.End of open calls
	for _, sc := range scs {
		if sc.Comment || sc.Placeholder || sc.SelfClosing ||
			sc.Range.Start < 0 || sc.Range.End > len(src) || sc.Range.Start > sc.Range.End ||
			!slices.Contains(codeNames, sc.Name) {
			continue
		}
		stack := open[sc.Name]
		switch {
		case !sc.Closing:
			open[sc.Name] = append(stack, sc.Range.End)
		case len(stack) > 0:
			start := stack[len(stack)-1]
			open[sc.Name] = stack[:len(stack)-1]
			if start <= sc.Range.Start {
				out = append(out, article.Range{Start: start, End: sc.Range.Start})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b article.Range) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return out
}

// clip returns r limited to [0, n] with Start <= End.
func clip(r article.Range, n int) article.Range {
	r.Start = min(max(r.Start, 0), n)
	r.End = min(max(r.End, r.Start), n)
	return r
}

// Kinds of call, indexing scanner.dead and scanner.noComment.
const (
	angle       = iota // {{< … >}}
	percent            // {{% … %}}
	placeholder        // {{ … }}
)

// scanner reads the calls of one range. Text with many unterminated calls
// would make a naive scan quadratic, since each "{{" may read on to the end
// of the range; the scanner remembers where reading failed instead. What
// follows a point in a parameter list or a template action depends only on
// that point, so a later call that reaches a point where an earlier one
// failed fails too, and each byte is read a bounded number of times.
type scanner struct {
	src       []byte    // the source, cut at the end of the range
	dead      [3][]bool // dead[kind][i]: reading kind at top level from i fails
	noComment [3]bool   // no comment of kind closes after the last one tried
	trail     []int     // top-level points the current call went through
	// badCommentEnd is the "*/" of the last template comment that was not
	// followed by "}}"; 0 if none.
	badCommentEnd int
}

// fail marks the current call's trail as dead for kind and reports failure.
func (s *scanner) fail(kind int) (Shortcode, bool) {
	if s.dead[kind] == nil {
		s.dead[kind] = make([]bool, len(s.src)+1)
	}
	for _, i := range s.trail {
		s.dead[kind][i] = true
	}
	s.trail = s.trail[:0]
	return Shortcode{}, false
}

// visit records top-level point i of the current call of kind. It reports
// false, so the call fails at once, if an earlier call failed from there.
func (s *scanner) visit(kind, i int) bool {
	if s.dead[kind] != nil && s.dead[kind][i] {
		return false
	}
	s.trail = append(s.trail, i)
	return true
}

// scanAt reads the call that starts with "{{" at src[p].
func (s *scanner) scanAt(p int) (Shortcode, bool) {
	src := s.src
	s.trail = s.trail[:0]
	if p+2 < len(src) {
		switch src[p+2] {
		case '<':
			return s.scanShortcode(p, angle, []byte(">}}"))
		case '%':
			return s.scanShortcode(p, percent, []byte("%}}"))
		case '{':
			// "{{{": let the scan retry one byte on, where "{{" may open a call.
			return Shortcode{}, false
		}
	}
	return s.scanPlaceholder(p)
}

// scanShortcode reads a shortcode call at src[p] whose closing delimiter is
// end (">}}" or "%}}").
func (s *scanner) scanShortcode(p, kind int, end []byte) (Shortcode, bool) {
	src := s.src
	sc := Shortcode{}
	i := p + 3
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		// A comment runs to the first "*/" followed by the delimiter, as in
		// Hugo's lexer: quotes inside it mean nothing.
		if s.noComment[kind] {
			return sc, false
		}
		k := bytes.Index(src[i+2:], append([]byte("*/"), end...))
		if k < 0 {
			s.noComment[kind] = true
			return sc, false
		}
		sc.Comment = true
		sc.Range = article.Range{Start: p, End: i + 2 + k + 2 + len(end)}
		return sc, true
	}
	i = skipSpace(src, i)
	if i < len(src) && src[i] == '/' {
		sc.Closing = true
		i = skipSpace(src, i+1)
	}
	n := nameEnd(src, i)
	if n == i {
		return sc, false
	}
	sc.Name = string(src[i:n])
	i = n
	for {
		i = skipSpace(src, i)
		switch {
		case i >= len(src) || !s.visit(kind, i):
			return s.fail(kind)
		case bytes.HasPrefix(src[i:], end):
			sc.Range = article.Range{Start: p, End: i + len(end)}
			return sc, true
		case src[i] == '/' && bytes.HasPrefix(src[i+1:], end):
			sc.SelfClosing = true
			sc.Range = article.Range{Start: p, End: i + 1 + len(end)}
			return sc, true
		}
		val, q, next, ok := readValue(src, i, end)
		if !ok {
			return s.fail(kind)
		}
		i = next
		param := Param{Value: val, Quote: q}
		if q == 0 {
			if k := skipSpace(src, i); k < len(src) && src[k] == '=' {
				param.Name = string(src[val.Start:val.End])
				param.Value, param.Quote, i, ok = readValue(src, skipSpace(src, k+1), end)
				if !ok {
					return s.fail(kind)
				}
			}
		}
		sc.Params = append(sc.Params, param)
	}
}

// readValue reads a parameter name or value at src[i]: a "…" string with
// backslash escapes, a `…` raw string, or a run of bytes up to white space,
// "=", a quote or the closing delimiter. It returns the value's bytes
// (inside the quotes), the quote, and the offset after the value; ok is
// false for an unterminated string or an empty unquoted value.
func readValue(src []byte, i int, end []byte) (val article.Range, quote byte, next int, ok bool) {
	if i >= len(src) {
		return val, 0, i, false
	}
	switch q := src[i]; q {
	case '"':
		for k := i + 1; k < len(src); k++ {
			switch src[k] {
			case '\\':
				k++
			case '"':
				return article.Range{Start: i + 1, End: k}, q, k + 1, true
			}
		}
		return val, 0, i, false
	case '`':
		k := bytes.IndexByte(src[i+1:], '`')
		if k < 0 {
			return val, 0, i, false
		}
		return article.Range{Start: i + 1, End: i + 1 + k}, q, i + 1 + k + 1, true
	}
	k := i
	for k < len(src) {
		c := src[k]
		if isSpace(c) || c == '=' || c == '"' || c == '`' || bytes.HasPrefix(src[k:], end) ||
			c == '/' && bytes.HasPrefix(src[k+1:], end) {
			break
		}
		k++
	}
	if k == i {
		return val, 0, i, false
	}
	return article.Range{Start: i, End: k}, 0, k, true
}

// scanPlaceholder reads a Go template action at src[p]: "{{", then either a
// template comment "/* … */" or anything up to "}}" outside "…" and `…`
// strings.
func (s *scanner) scanPlaceholder(p int) (Shortcode, bool) {
	src := s.src
	sc := Shortcode{Placeholder: true}
	i := p + 2
	// A trim marker "{{- " may precede a comment.
	if k := i; k+1 < len(src) && src[k] == '-' && isSpace(src[k+1]) {
		i = skipSpace(src, k+1)
	}
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		if s.noComment[placeholder] || i+2 <= s.badCommentEnd {
			return sc, false
		}
		k := bytes.Index(src[i+2:], []byte("*/"))
		if k < 0 {
			s.noComment[placeholder] = true
			return sc, false
		}
		j := i + 2 + k + 2
		if t := skipSpace(src, j); t < len(src) && src[t] == '-' && t > j {
			j = t + 1
		}
		if !bytes.HasPrefix(src[j:], []byte("}}")) {
			// Later comments up to here would end at the same "*/".
			s.badCommentEnd = i + 2 + k
			return sc, false
		}
		sc.Range = article.Range{Start: p, End: j + 2}
		return sc, true
	}
	i = p + 2
	for i < len(src) {
		if !s.visit(placeholder, i) {
			return s.fail(placeholder)
		}
		switch src[i] {
		case '"':
			k := i + 1
			for k < len(src) && src[k] != '"' {
				if src[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(src) {
				return s.fail(placeholder)
			}
			i = k + 1
		case '`':
			k := bytes.IndexByte(src[i+1:], '`')
			if k < 0 {
				return s.fail(placeholder)
			}
			i += 1 + k + 1
		case '}':
			if i+1 < len(src) && src[i+1] == '}' {
				sc.Range = article.Range{Start: p, End: i + 2}
				return sc, true
			}
			i++
		default:
			i++
		}
	}
	return s.fail(placeholder)
}

// nameEnd returns the end of the shortcode name that starts at src[i]:
// letters, digits, "_", "-", "/" and "." (for namespaced and inline
// shortcodes), as Hugo's lexer accepts them.
func nameEnd(src []byte, i int) int {
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '_' || c == '-' || c == '.' || c == '/' && !isEndAfterSlash(src, i) ||
				'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRune(src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i
		}
		i += size
	}
	return i
}

// isEndAfterSlash reports whether the "/" at src[i] starts "/>}}" or "/%}}".
func isEndAfterSlash(src []byte, i int) bool {
	return bytes.HasPrefix(src[i+1:], []byte(">}}")) || bytes.HasPrefix(src[i+1:], []byte("%}}"))
}

// skipSpace returns the offset of the first byte at or after i that is not
// white space.
func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
