package htmltext

import (
	"bytes"

	"github.com/lingo-l10n/lingo/internal/article"
)

// rawAttr is an attribute as scanAttrs finds it in a tag's raw bytes.
type rawAttr struct {
	key   []byte        // lower-cased, as the Tokenizer reports it
	val   article.Range // the value's bytes, relative to the tag's start
	quote byte          // '"', '\'' or 0 for an unquoted or missing value
}

// scanAttrs finds the attributes of the start tag raw ("<name …>") with
// their value offsets, which the Tokenizer does not report. It follows the
// Tokenizer's own reading of a tag step by step (readTag, readTagName,
// readTagAttrKey, readTagAttrVal in golang.org/x/net/html), including its
// choice to drop attributes with an empty key and repeats of a key, so the
// i-th result is the Tokenizer's i-th attribute.
func scanAttrs(raw []byte) []rawAttr {
	var out []rawAttr
	seen := make(map[string]bool)
	n := len(raw)
	isWS := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }
	skipWS := func(i int) int {
		for i < n && isWS(raw[i]) {
			i++
		}
		return i
	}
	// "<" and the first letter of the name.
	i := 2
	for i < n {
		c := raw[i]
		if isWS(c) {
			i++
			break
		}
		if c == '/' || c == '>' {
			break
		}
		i++
	}
	i = skipWS(i)
	for i < n && raw[i] != '>' {
		// The attribute key.
		ks := i
		for i < n {
			c := raw[i]
			i++
			if c == '=' && ks+1 == i {
				continue // "=" first is part of the name
			}
			if c == '=' || isWS(c) || c == '/' || c == '>' {
				i--
				break
			}
		}
		ke := i
		// The value.
		var val article.Range
		var quote byte
		val.Start, val.End = i, i
		i = skipWS(i)
		if i < n {
			c := raw[i]
			i++
			switch {
			case c == '/':
			case c != '=':
				i--
			default:
				i = skipWS(i)
				if i < n {
					q := raw[i]
					i++
					switch q {
					case '>':
						i--
					case '\'', '"':
						quote = q
						val.Start = i
						for i < n && raw[i] != q {
							i++
						}
						val.End = i
						if i < n {
							i++
						}
					default:
						val.Start = i - 1
						for i < n && !isWS(raw[i]) && raw[i] != '>' {
							i++
						}
						val.End = i
						if i < n && isWS(raw[i]) {
							i++
						}
					}
				}
			}
		}
		key := lower(raw[ks:ke])
		if ke > ks && !seen[string(key)] {
			seen[string(key)] = true
			// The Tokenizer reports NUL in a key as U+FFFD.
			key = bytes.ReplaceAll(key, []byte("\x00"), []byte("\ufffd"))
			out = append(out, rawAttr{key: key, val: val, quote: quote})
		}
		i = skipWS(i)
	}
	return out
}

// lower returns b with ASCII upper-case letters lowered, as the Tokenizer
// lowers attribute keys.
func lower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
