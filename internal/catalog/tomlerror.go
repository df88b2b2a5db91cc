package catalog

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The key of a TOML key/value line, bare or quoted, dotted or not, up to and
// including the = and the blanks after it.
const tomlKeyPart = `(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`

var (
	tomlKeyLine = regexp.MustCompile(`^[ \t]*(` + tomlKeyPart + `(?:[ \t]*\.[ \t]*` + tomlKeyPart + `)*)[ \t]*=[ \t]*`)
	tomlKeyPrt  = regexp.MustCompile(tomlKeyPart)
)

// explainTOML says in plain words what go-toml's error msg (with its "toml:
// " prefix) at line and byte column col of data means and how to fix it. It
// names the common slips of a translator typing between the quotes of an
// entry: an apostrophe that ends a text between single quotes, a quotation
// mark that ends one between double quotes, a missing closing quote, a
// backslash, a text without quotes. Other errors keep go-toml's message,
// followed by a hint.
func explainTOML(data []byte, line, col int, msg string) string {
	text := lineText(data, line)
	m := strings.TrimPrefix(msg, "toml: ")
	key, rawKey, val, ok := keyValueLine(text)
	at := min(max(col-1, 0), len(text)) // byte index of the error in text
	of := "the text"
	if ok {
		of = fmt.Sprintf("%q", key)
	}
	switch {
	case ok && strings.HasPrefix(m, "expected newline but got") && val < len(text):
		v := text[val:]
		switch {
		case v[0] == '\'' && !strings.HasPrefix(v, "'''"):
			if end := strings.IndexByte(v[1:], '\''); end >= 0 && at > val+1+end {
				return fmt.Sprintf("the text of %s ends at the ' %s: text between single quotes cannot contain an apostrophe; put it between double quotes (%s) or type ’ instead",
					of, before(text, at), doubleQuoted(text, val+1, at))
			}
		case v[0] == '"' && !strings.HasPrefix(v, `"""`):
			if end := basicEnd(v); end >= 0 && at > val+end {
				return fmt.Sprintf(`the text of %s ends at the " %s: write \" for a quotation mark inside the text, or use typographic quotes (« » „ “)`,
					of, before(text, at))
			}
		}
	case m == "literal strings cannot have new lines" || m == "unterminated literal string":
		return missingQuote("'", of, ok && strings.HasPrefix(text[val:], "'"), "")
	case m == "basic strings cannot have new lines" || m == "unterminated basic string":
		hint := ` (a line break inside the text is written \n)`
		if s := strings.TrimRight(text, " \t"); strings.HasSuffix(s, `"`) && (len(s)-1-len(strings.TrimRight(s[:len(s)-1], `\`)))%2 == 1 {
			hint = `: the \" at the end is a quotation mark in the text, not its end; a backslash is written \\`
		}
		return missingQuote(`"`, of, ok && strings.HasPrefix(text[val:], `"`), hint)
	case strings.HasPrefix(m, "multiline literal string not terminated"):
		return "the closing ''' of a text on several lines is missing: end the text with '''"
	case strings.HasPrefix(m, "multiline basic string not terminated"):
		return `the closing """ of a text on several lines is missing: end the text with """`
	case strings.HasPrefix(m, "invalid escape character") || strings.Contains(m, "unicode escape") || strings.HasPrefix(m, "escape sequence"):
		return msg + `: between double quotes a backslash starts an escape such as \" or \n; a backslash itself is written \\`
	case ok && (at == val && strings.HasPrefix(m, "unexpected character") ||
		strings.HasPrefix(m, "expected value") && strings.TrimSpace(text[val:]) == ""):
		v := strings.TrimRight(text[val:], " \t")
		if v == "" {
			return fmt.Sprintf(`%s has no text: write %s = "" to leave it untranslated, or put the text between double quotes`, of, rawKey)
		}
		return fmt.Sprintf(`the text of %s must be between double quotes: %s = "%s"`, of, rawKey, basicEscape(shorten(v)))
	case strings.Contains(m, "control character"):
		return msg + ": the text holds an invisible control character; delete it"
	case strings.HasSuffix(m, "already exists"):
		return msg + ": an entry's ['ID'] line appears twice in the file; keep one of them"
	case strings.HasSuffix(m, "already defined"):
		return msg + ": a field appears twice in one entry; keep one of the two lines"
	}
	return msg + `: the line is not valid TOML; a catalog line is an entry's ['ID'], a field such as other = "text", or a # comment`
}

// lineText is line n (1-based) of data, without its line ending.
func lineText(data []byte, n int) string {
	for i := 1; i < n; i++ {
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 {
			return ""
		}
		data = data[nl+1:]
	}
	if nl := bytes.IndexByte(data, '\n'); nl >= 0 {
		data = data[:nl]
	}
	return string(bytes.TrimSuffix(data, []byte("\r")))
}

// keyValueLine splits a TOML key/value line into its key, unquoted and
// as written, and the byte index where its value starts.
func keyValueLine(text string) (key, raw string, val int, ok bool) {
	m := tomlKeyLine.FindStringSubmatchIndex(text)
	if m == nil {
		return "", "", 0, false
	}
	raw = text[m[2]:m[3]]
	var parts []string
	for _, p := range tomlKeyPrt.FindAllString(raw, -1) {
		switch p[0] {
		case '"':
			if u, err := strconv.Unquote(p); err == nil {
				p = u
			} else {
				p = p[1 : len(p)-1]
			}
		case '\'':
			p = p[1 : len(p)-1]
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "."), raw, m[1], true
}

// basicEnd is the index of the quotation mark that closes the basic string
// v (which starts with one), or -1.
func basicEnd(v string) int {
	for i := 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

// wordEnd is the index of the first blank at or after i in text, or its
// length.
func wordEnd(text string, i int) int {
	if j := strings.IndexAny(text[i:], " \t"); j >= 0 {
		return i + j
	}
	return len(text)
}

// before names the word at byte index at of text, where go-toml found more
// than the string it had read: `before "effet"`.
func before(text string, at int) string {
	w := strings.Trim(text[at:wordEnd(text, at)], `'"`)
	if w == "" {
		return fmt.Sprintf("in column %d", at+1)
	}
	return fmt.Sprintf("before %q", shorten(w))
}

// doubleQuoted is the text that starts at byte index from of text, up to
// the end of the word at byte index at, as a TOML basic string, with " ..."
// when the line goes on: "L'effet ...".
func doubleQuoted(text string, from, at int) string {
	end := wordEnd(text, at)
	s := strings.TrimSuffix(text[from:end], "'")
	if rest := strings.TrimSpace(text[end:]); rest != "" && rest != "'" && rest[0] != '#' {
		s += " ..."
	}
	return `"` + basicEscape(s) + `"`
}

// basicEscape escapes s to go between the double quotes of a TOML basic
// string.
func basicEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)
}

// shorten cuts s after 30 characters, with " ...".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 30 {
		return s
	}
	n := 0
	for i := range s {
		if n == 30 {
			return s[:i] + " ..."
		}
		n++
	}
	return s
}

// missingQuote says that the closing quote q of a text is missing; named
// tells whether of names the field whose value opens with q.
func missingQuote(q, of string, named bool, hint string) string {
	if !named {
		of = "the text"
	}
	if hint == "" || hint[0] == ' ' {
		return fmt.Sprintf("the closing %s of %s is missing: end the text with %s on the same line%s", q, of, q, hint)
	}
	return fmt.Sprintf("the closing %s of %s is missing%s", q, of, hint)
}
