package frontmatter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
)

// opensJSON reports whether src, from offset p, opens JSON front matter as
// lingo reads it: "{", then optional white space, then the '"' of a key or
// the "}" of an empty object. Hugo reads any leading "{" as JSON; asking for
// a key keeps an article that starts with a shortcode ("{{< … >}}") or a
// template action Markdown.
func opensJSON(src []byte, p int) bool {
	if p >= len(src) || src[p] != '{' {
		return false
	}
	i := p + 1
	for i < len(src) && isJSONSpace(src[i]) {
		i++
	}
	return i < len(src) && (src[i] == '"' || src[i] == '}')
}

// OpensJSON reports whether src starts, after an optional byte order mark,
// with what Split takes for JSON front matter.
func OpensJSON(src []byte) bool {
	p := 0
	if bytes.HasPrefix(src, bom) {
		p = len(bom)
	}
	return opensJSON(src, p)
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// splitJSON finds the end of the JSON object that opens at src[p], as
// Hugo's page lexer does: braces are counted outside strings, a backslash
// escapes the next byte, and the body begins after the closing brace and
// one line ending, if any.
func splitJSON(src []byte, p int) (Block, error) {
	level, inQuote := 0, false
	for i := p; i < len(src); i++ {
		switch src[i] {
		case '"':
			inQuote = !inQuote
		case '\\':
			i++
		case '{':
			if !inQuote {
				level++
			}
		case '}':
			if !inQuote {
				level--
			}
		}
		if level == 0 {
			end := i + 1
			body := end
			switch {
			case bytes.HasPrefix(src[end:], []byte("\r\n")):
				body += 2
			case bytes.HasPrefix(src[end:], []byte("\n")):
				body++
			}
			return Block{Format: JSON, Start: p, End: end, Body: body}, nil
		}
	}
	line, col := position(src, p)
	return Block{Start: p, End: p, Body: p}, &Error{Line: line, Col: col, Msg: `JSON front matter opened with "{" is never closed`}
}

// json finds the wanted fields of JSON front matter: the string values of
// the top-level object. The block is the object itself, braces included.
func (f *fieldFinder) json() ([]article.Segment, error) {
	content := f.content()
	if !json.Valid(content) {
		var v any
		return nil, f.jsonError(json.Unmarshal(content, &v))
	}
	dec := json.NewDecoder(bytes.NewReader(content))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, f.errorAt(f.block.Start, "front matter is not a JSON object of keys to values")
	}
	var segs []article.Segment
	seen := make(map[string]bool)
	for dec.More() {
		keyStart := skipJSONSpace(content, int(dec.InputOffset()))
		if keyStart < len(content) && content[keyStart] == ',' {
			keyStart = skipJSONSpace(content, keyStart+1)
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, f.jsonError(err)
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, f.errorAt(f.block.Start+keyStart, fmt.Sprintf("key %s is already defined", strconv.Quote(key)))
		}
		seen[key] = true
		// After the key: white space, ":", white space, then the value.
		start := skipJSONSpace(content, int(dec.InputOffset()))
		start = skipJSONSpace(content, start+1)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, f.jsonError(err)
		}
		end := int(dec.InputOffset())
		var text string
		if !f.wanted(key) || len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &text) != nil || text == "" {
			continue
		}
		if end > len(content) || start > end || !bytes.Equal(content[start:end], raw) {
			return nil, f.errorAt(f.block.Start+start, "cannot find the value of "+strconv.Quote(key))
		}
		segs = append(segs, f.segment(key, text, start, end, jsonQuote))
	}
	return segs, nil
}

func skipJSONSpace(b []byte, i int) int {
	for i < len(b) && isJSONSpace(b[i]) {
		i++
	}
	return i
}

// jsonError turns an encoding/json error about the front matter into an
// *Error positioned in the whole file.
func (f *fieldFinder) jsonError(err error) *Error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := max(int(se.Offset)-1, 0)
		return f.errorAt(f.block.Start+off, "JSON front matter: "+strings.TrimPrefix(se.Error(), "json: "))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return f.errorAt(f.block.End, "JSON front matter ends too early")
	}
	return f.errorAt(f.block.Start, "JSON front matter: "+err.Error())
}

// jsonQuote encodes s as a JSON string: tomlQuote's escapes are JSON's
// too. Invalid UTF-8, which JSON cannot hold, becomes U+FFFD; "<", ">" and
// "&" stay as they are.
func jsonQuote(s string) string { return tomlQuote(s) }

// InsertJSONKey returns src with key set to the string value in the JSON
// front matter b, which does not have the key: the pair goes after the
// object's last value, on a line of its own when the closing brace is on
// one, indented as the line of that value; every other byte stays.
func InsertJSONKey(src []byte, b Block, key, value string) []byte {
	if b.Format != JSON || b.End <= b.Start || src[b.End-1] != '}' {
		return src
	}
	closing := b.End - 1
	last := closing
	for last > b.Start && isJSONSpace(src[last-1]) {
		last--
	}
	pair := jsonQuote(key) + ": " + jsonQuote(value)
	var ins string
	switch {
	case src[last-1] == '{': // an empty object
		ins = pair
	case bytes.IndexByte(src[last:closing], '\n') >= 0:
		nl := "\n"
		if i := bytes.IndexByte(src[last:closing], '\n'); i > 0 && src[last+i-1] == '\r' {
			nl = "\r\n"
		}
		ls := bytes.LastIndexByte(src[:last], '\n') + 1
		e := ls
		for e < last && (src[e] == ' ' || src[e] == '\t') {
			e++
		}
		ins = "," + nl + string(src[ls:e]) + pair
	default:
		ins = ", " + pair
	}
	out := make([]byte, 0, len(src)+len(ins))
	out = append(out, src[:last]...)
	out = append(out, ins...)
	return append(out, src[last:]...)
}
