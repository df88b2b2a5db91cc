package workbench

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// notUnicode reports where a JSON request body holds text that is no
// Unicode, which encoding/json would decode to U+FFFD without a word:
// bytes that are not UTF-8, and \uXXXX escapes of half a UTF-16 surrogate
// pair. Positions count bytes of the body from 1. Any other malformed JSON
// is left to the decoder.
func notUnicode(body []byte) error {
	if !utf8.Valid(body) {
		at := 0
		for at < len(body) {
			r, n := utf8.DecodeRune(body[at:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			at += n
		}
		return fmt.Errorf("invalid UTF-8 at byte %d", at+1)
	}
	// A backslash begins an escape: JSON has no other (outside a string it
	// is a syntax error, left to the decoder).
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			continue
		}
		r, ok := escaped(body, i)
		if !ok {
			i++ // \" \\ \/ \b \f \n \r \t, or an error for the decoder
			continue
		}
		if utf16.IsSurrogate(r) {
			next, ok := escaped(body, i+6)
			if r >= 0xdc00 || !ok || utf16.DecodeRune(r, next) == utf8.RuneError {
				return fmt.Errorf("%s at byte %d is half a UTF-16 surrogate pair, no character", body[i:i+6], i+1)
			}
			i += 6
		}
		i += 5
	}
	return nil
}

// escaped is the code unit of the \uXXXX escape at body[i:], if there is
// one.
func escaped(body []byte, i int) (rune, bool) {
	if i+6 > len(body) || body[i] != '\\' || body[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range body[i+2 : i+6] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
