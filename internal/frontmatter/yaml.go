package frontmatter

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/lingo-l10n/lingo/internal/article"
)

// yaml finds the wanted fields of YAML front matter: the string scalars
// that are values of the top-level mapping.
func (f *fieldFinder) yaml() ([]article.Segment, error) {
	content := f.content()
	lines := yamlLines(content)
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		return nil, f.yamlError(err, lines)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // empty, or only comments
	}
	// Decoding checks what parsing alone does not: duplicate keys,
	// unknown aliases.
	var check any
	if err := doc.Decode(&check); err != nil {
		return nil, f.yamlError(err, lines)
	}
	root := doc.Content[0]
	switch {
	case root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null":
		return nil, nil
	case root.Kind != yaml.MappingNode:
		return nil, f.errorAt(f.block.Start+nodeOffset(content, lines, root), "front matter is not a mapping of keys to values")
	}
	flow := root.Style&yaml.FlowStyle != 0
	var segs []article.Segment
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || !f.wanted(k.Value) {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || v.Value == "" {
			continue
		}
		bound := len(content)
		if i+2 < len(root.Content) {
			bound = nodeOffset(content, lines, root.Content[i+2])
		}
		start := skipProperties(content, nodeOffset(content, lines, v), bound)
		indent := k.Column - 1 // the mapping's indentation
		end := -1
		switch {
		case v.Style&yaml.DoubleQuotedStyle != 0:
			end = scanDoubleQuoted(content, start, bound)
		case v.Style&yaml.SingleQuotedStyle != 0:
			end = scanSingleQuoted(content, start, bound)
		case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			end = scanBlockScalar(content, start, bound, indent)
		default:
			end = scanPlain(content, start, bound, indent, flow)
		}
		if end <= start {
			return nil, f.errorAt(f.block.Start+start, "cannot find the end of the value of "+strconv.Quote(k.Value))
		}
		segs = append(segs, f.segment(k.Value, v.Value, start, end, yamlQuote))
	}
	return segs, nil
}

// yamlError turns a go-yaml error about the front matter content into an
// *Error in the whole file. The library reports only a line, so the column
// is that of the line's first non-blank byte.
func (f *fieldFinder) yamlError(err error, lines []int) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	rest, ok := strings.CutPrefix(msg, "line ")
	if !ok {
		return f.errorAt(f.block.Start, msg)
	}
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	n, convErr := strconv.Atoi(rest[:digits])
	after, ok := strings.CutPrefix(rest[digits:], ": ")
	if convErr != nil || !ok {
		return f.errorAt(f.block.Start, msg)
	}
	if isYAMLParserError(after) {
		n++ // the library reports parser errors with 0-based lines
	}
	content := f.content()
	off := len(content)
	if n >= 1 && n <= len(lines) {
		off = lines[n-1]
		for off < len(content) && (content[off] == ' ' || content[off] == '\t') {
			off++
		}
	}
	// Messages may cite another line of the content ("already defined at
	// line 2"); make it a line of the file too.
	if head, tail, ok := strings.Cut(after, " at line "); ok {
		if m, err := strconv.Atoi(tail); err == nil && m >= 1 && m <= len(lines) {
			line, _ := position(f.src, f.block.Start+lines[m-1])
			after = head + " at line " + strconv.Itoa(line)
		}
	}
	return f.errorAt(f.block.Start+off, after)
}

// isYAMLParserError reports whether msg comes from the YAML library's
// parser, as opposed to its scanner: the parser reports lines 0-based
// (scanner errors are 1-based), and leaves the line out when it is the
// first.
func isYAMLParserError(msg string) bool {
	switch msg {
	case "did not find expected <stream-start>",
		"did not find expected <document start>",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found duplicate %TAG directive",
		"found undefined tag handle",
		"did not find expected node content",
		"did not find expected '-' indicator",
		"did not find expected key",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'":
		return true
	}
	return false
}

// yamlLines returns the offset of the start of each line of c, breaking
// lines where the YAML library does: at CRLF, LF, CR, NEL, LS and PS.
func yamlLines(c []byte) []int {
	lines := []int{0}
	for i := 0; i < len(c); {
		r, n := utf8.DecodeRune(c[i:])
		switch {
		case r == '\r' && i+1 < len(c) && c[i+1] == '\n':
			n = 2
			fallthrough
		case r == '\r', r == '\n', r == 0x85, r == 0x2028, r == 0x2029:
			lines = append(lines, i+n)
		}
		i += n
	}
	return lines
}

// nodeOffset converts a node's line and column, which the YAML library
// counts in characters, to a byte offset in c.
func nodeOffset(c []byte, lines []int, n *yaml.Node) int {
	if n.Line < 1 || n.Line > len(lines) {
		return len(c)
	}
	off := lines[n.Line-1]
	for col := 1; col < n.Column && off < len(c); col++ {
		_, size := utf8.DecodeRune(c[off:])
		off += size
	}
	return off
}

// skipProperties moves i past a node's tag and anchor (!!str, &name) and
// the blanks, line breaks and comments after them.
func skipProperties(c []byte, i, bound int) int {
	for i < bound && (c[i] == '!' || c[i] == '&') {
		for i < bound && !isBlank(c[i]) && !isBreak(c[i]) {
			i++
		}
		for i < bound {
			switch {
			case isBlank(c[i]) || isBreak(c[i]):
				i++
			case c[i] == '#':
				for i < bound && !isBreak(c[i]) {
					i++
				}
			default:
				return i
			}
		}
	}
	return i
}

// scanDoubleQuoted returns the offset just past the double-quoted scalar
// starting at i, or -1.
func scanDoubleQuoted(c []byte, i, bound int) int {
	if i >= bound || c[i] != '"' {
		return -1
	}
	for j := i + 1; j < bound; j++ {
		switch c[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// scanSingleQuoted returns the offset just past the single-quoted scalar
// starting at i, or -1.
func scanSingleQuoted(c []byte, i, bound int) int {
	if i >= bound || c[i] != '\'' {
		return -1
	}
	for j := i + 1; j < bound; j++ {
		if c[j] == '\'' {
			if j+1 < bound && c[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		}
	}
	return -1
}

// scanBlockScalar returns the offset just past the last non-blank content
// byte of the literal or folded scalar whose indicator is at i, in a mapping
// indented by indent; or just past its header when it has no content.
func scanBlockScalar(c []byte, i, bound, indent int) int {
	if i >= bound || (c[i] != '|' && c[i] != '>') {
		return -1
	}
	end := i + 1
	contentIndent := 0
	for end < bound && strings.IndexByte("+-123456789", c[end]) >= 0 {
		if c[end] != '+' && c[end] != '-' {
			contentIndent = indent + int(c[end]-'0')
		}
		end++
	}
	for line := nextLine(c, end, bound); line < bound; line = nextLine(c, line, bound) {
		k := line
		for k < bound && c[k] == ' ' {
			k++
		}
		eol := lineEnd(c, k, bound)
		if k == eol {
			continue // blank
		}
		if contentIndent == 0 {
			contentIndent = max(k-line, indent+1)
		}
		if k-line < contentIndent {
			break
		}
		if e := trimBlanks(c, k, eol); e > k {
			end = e
		}
	}
	return end
}

// scanPlain returns the offset just past the plain scalar starting at i, in
// a mapping indented by indent, or in a flow mapping: its last non-blank
// byte before a comment, a flow indicator or a line less indented than the
// mapping's values.
func scanPlain(c []byte, i, bound, indent int, flow bool) int {
	end := -1
	for pos := i; pos < bound; {
		j, stop := pos, false
	line:
		for ; j < bound && !isBreak(c[j]); j++ {
			switch {
			case c[j] == '#' && j > pos && isBlank(c[j-1]):
				stop = true
				break line
			case flow && strings.IndexByte(",[]{}", c[j]) >= 0:
				stop = true
				break line
			case flow && c[j] == ':' && (j+1 == bound || isBlank(c[j+1]) || isBreak(c[j+1])):
				stop = true
				break line
			}
		}
		if e := trimBlanks(c, pos, j); e > pos {
			end = e
		}
		if stop {
			break
		}
		// Find the next non-blank line: a continuation if indented enough.
		pos = -1
		for line := nextLine(c, j, bound); line < bound; line = nextLine(c, line, bound) {
			k := line
			for k < bound && c[k] == ' ' {
				k++
			}
			ind := k - line
			for k < bound && isBlank(c[k]) {
				k++
			}
			eol := lineEnd(c, k, bound)
			if k == eol {
				continue // blank
			}
			if (!flow && ind <= indent) || c[k] == '#' {
				break
			}
			pos = k
			break
		}
		if pos < 0 {
			break
		}
	}
	return end
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

func isBreak(b byte) bool { return b == '\n' || b == '\r' }

// lineEnd returns the offset of the line break at or after i, or bound.
func lineEnd(c []byte, i, bound int) int {
	for i < bound && !isBreak(c[i]) {
		i++
	}
	return i
}

// nextLine returns the offset of the line after the one holding i, or bound.
func nextLine(c []byte, i, bound int) int {
	i = lineEnd(c, i, bound)
	if i < bound && c[i] == '\r' && i+1 < bound && c[i+1] == '\n' {
		return i + 2
	}
	return min(i+1, bound)
}

// trimBlanks returns the end of c[i:j] without its trailing blanks.
func trimBlanks(c []byte, i, j int) int {
	for j > i && isBlank(c[j-1]) {
		j--
	}
	return j
}
