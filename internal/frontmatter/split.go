package frontmatter

import (
	"bytes"
	"fmt"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// Front matter formats reported in Block.Format.
const (
	YAML = "yaml" // delimited by --- lines
	TOML = "toml" // delimited by +++ lines
	JSON = "json" // a JSON object opening the file
)

// bom is the UTF-8 byte order mark, which may precede the front matter.
var bom = []byte("\xEF\xBB\xBF")

// Block locates an article's front matter.
type Block struct {
	Format     string // "yaml" (--- delimiters), "toml" (+++ delimiters), "json" (an object) or "" when there is none
	Start, End int    // byte range of the front matter content, between the delimiter lines; for JSON the object, braces included
	Body       int    // offset where the Markdown body begins: just past the closing delimiter line (or brace) and its line ending
}

// Error is malformed front matter. Line and Col are 1-based and count from
// the start of the whole file; Col counts bytes. Path is left to the caller.
type Error = diag.Error

// Split finds the front matter at the top of src. The opening delimiter,
// "---" for YAML or "+++" for TOML, must be the first line, after an
// optional UTF-8 byte order mark; delimiter lines may carry trailing spaces
// or tabs and end in LF or CRLF. The closing delimiter is the next line made
// of the same three characters; it may be the last line of the file, with no
// line ending. An opening delimiter without a closing one is an *Error at
// line 1.
//
// JSON front matter, which Hugo supports too, is an object at the top of
// the file ("{" followed by a key or "}"; see opensJSON), ending at its
// matching "}"; the body begins after that brace and one line ending. An
// object that is never closed is an *Error at its "{".
//
// When src has no front matter, Format is "" and Start, End and Body are the
// length of the byte order mark (0 or 3): the BOM is never part of the
// Markdown body, so src[:Body] is always what lies before the body and is
// written back unchanged.
func Split(src []byte) (Block, error) {
	p := 0
	if bytes.HasPrefix(src, bom) {
		p = len(bom)
	}
	none := Block{Start: p, End: p, Body: p}
	if opensJSON(src, p) {
		return splitJSON(src, p)
	}
	line, next := lineAt(src, p)
	var format string
	switch string(trimDelimiter(line)) {
	case "---":
		format = YAML
	case "+++":
		format = TOML
	default:
		return none, nil
	}
	delim := trimDelimiter(line)
	start := next
	for i := next; i < len(src); {
		line, next := lineAt(src, i)
		if bytes.Equal(trimDelimiter(line), delim) {
			return Block{Format: format, Start: start, End: i, Body: next}, nil
		}
		i = next
	}
	return none, &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("front matter opened with %q is never closed", delim)}
}

// lineAt returns the line of src starting at i, without its line ending, and
// the offset of the next line (len(src) at the end).
func lineAt(src []byte, i int) (line []byte, next int) {
	n := bytes.IndexByte(src[i:], '\n')
	if n < 0 {
		return src[i:], len(src)
	}
	return src[i : i+n], i + n + 1
}

// trimDelimiter strips a line's trailing carriage return, spaces and tabs.
func trimDelimiter(line []byte) []byte {
	line = bytes.TrimSuffix(line, []byte("\r"))
	return bytes.TrimRight(line, " \t")
}

// LineEnding is the line ending of src: "\r\n" when its first line ends
// so, else "\n".
func LineEnding(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}
