package article

import "strings"

// inline writes translation t so that it reads as inline text of a segment
// of kind k, whatever the translator typed: a translation changes nothing
// but text. Every line loses its leading blanks and blank lines go (a blank
// line ends the block, indentation makes code). In Markdown, a line that
// would open a block of its own (a heading, quote, list item, fence,
// thematic break, setext underline, HTML block or link reference
// definition) gets a backslash before its marker, which Markdown shows as
// the marker itself; a line does not end in a hard line break; in a table
// cell, a pipe is escaped so that it cannot split the cell. Text inside raw HTML gets the first two only: a backslash
// is literal there. What escaping cannot make inert, the check of the
// spliced article reports (structure.Skeleton).
//
// A line where the source has a line with the same marker is left as it
// is: it follows the same indentation or prefix as the source's line, which
// did not open a block there.
func inline(k Kind, t, src string) string {
	srcLines := strings.Split(src, "\n")
	lines := strings.Split(t, "\n")
	out := lines[:0]
	for _, line := range lines {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			continue
		}
		if n := len(out); k != KindHTML && (n >= len(srcLines) || !sameOpener(line, srcLines[n])) {
			line = escapeOpener(line)
			if k == KindTableHead || k == KindTableCell {
				line = escapePipes(line)
			}
		}
		out = append(out, line)
	}
	if k != KindHTML {
		for i := range len(out) - 1 { // a hard line break: two blanks or a backslash before a line ending
			out[i] = strings.TrimRight(out[i], " \t")
			if hardBreak(out[i]) && !(i < len(srcLines)-1 && hardBreak(srcLines[i])) {
				out[i] += `\`
			}
		}
	}
	return strings.Join(out, "\n")
}

// hardBreak reports a line that ends in a backslash that is not escaped.
func hardBreak(line string) bool {
	return (len(line)-len(strings.TrimRight(line, `\`)))%2 == 1
}

// sameOpener reports lines that would open the same kind of block: they
// start with the same marker character, or both with a digit.
func sameOpener(line, src string) bool {
	src = strings.TrimLeft(src, " \t")
	if src == "" || escapeOpener(src) == src {
		return false
	}
	if line[0] == '<' { // the same tag, or comment, or declaration
		word := func(s string) string { return strings.ToLower(s[:strings.IndexAny(s+" ", " \t>")]) }
		return word(line) == word(src)
	}
	return line[0] == src[0] || isDigit(line[0]) && isDigit(src[0])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// escapeOpener puts a backslash before the marker of a line that would open
// a block in CommonMark or GFM.
func escapeOpener(line string) string {
	c := line[0]
	switch {
	case (c == '-' || c == '*' || c == '_' || c == '=') && onlyRepeats(line, c),
		(c == '`' || c == '~') && strings.HasPrefix(line, strings.Repeat(string(c), 3)):
		// Every mark of the run: a shorter run would pair with another as
		// code, emphasis or strikethrough.
		run := len(line) - len(strings.TrimLeft(line, string(c)))
		return strings.Repeat(`\`+string(c), run) + line[run:]
	case c == '>',
		c == '#' && atxHeading(line),
		(c == '-' || c == '+' || c == '*') && (len(line) == 1 || line[1] == ' ' || line[1] == '\t'),
		c == '<' && opensHTMLBlock(line),
		c == '[' && definesRef(line):
		return `\` + line
	}
	if i := orderedMarker(line); i > 0 {
		return line[:i] + `\` + line[i:]
	}
	return line
}

// atxHeading reports a line that opens an ATX heading: one to six "#" and a
// blank or the end of the line.
func atxHeading(line string) bool {
	n := len(line) - len(strings.TrimLeft(line, "#"))
	return n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t')
}

// onlyRepeats reports a line made of c (three or more for a thematic
// break; any number of "=" or "-" underlines a setext heading) and blanks.
func onlyRepeats(line string, c byte) bool {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return c == '=' || c == '-' || n >= 3
}

// orderedMarker is the offset of the "." or ")" of a line that opens an
// ordered list item ("1. ", "2) "), or 0.
func orderedMarker(line string) int {
	i := 0
	for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 || i == len(line) || (line[i] != '.' && line[i] != ')') {
		return 0
	}
	if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
		return 0
	}
	return i
}

// htmlBlockTags are the tag names that open an HTML block of CommonMark's
// kinds 1 and 6, which interrupt a paragraph.
var htmlBlockTags = map[string]bool{
	"script": true, "pre": true, "style": true, "textarea": true,
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true,
	"body": true, "caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "frame": true, "frameset": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "head": true, "header": true, "hr": true, "html": true,
	"iframe": true, "legend": true, "li": true, "link": true, "main": true, "menu": true, "menuitem": true,
	"nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true, "param": true,
	"search": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// opensHTMLBlock reports a line that opens an HTML block that interrupts a
// paragraph: a comment, a processing instruction, a declaration, CDATA,
// or a tag of htmlBlockTags.
func opensHTMLBlock(line string) bool {
	rest := line[1:]
	if strings.HasPrefix(rest, "!") || strings.HasPrefix(rest, "?") {
		return true
	}
	rest = strings.TrimPrefix(rest, "/")
	n := 0
	for n < len(rest) && (rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z' || rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 || !htmlBlockTags[strings.ToLower(rest[:n])] {
		return false
	}
	return n == len(rest) || strings.ContainsRune(" \t>/", rune(rest[n]))
}

// definesRef reports a line that would define a link reference or a
// footnote: "[label]:".
func definesRef(line string) bool {
	i := strings.IndexByte(line, ']')
	return i > 1 && i+1 < len(line) && line[i+1] == ':'
}

// escapePipes escapes each "|" not already escaped.
func escapePipes(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(line[i])
	}
	return b.String()
}
