package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Negation returns the first negation of text in l ("not", "n'est",
// "don't", "不"), and whether there is one. A word of a script written with
// spaces matches a whole word, or its start ("avoid*") or end ("*n't");
// Han and kana forms match anywhere.
func (l *Lang) Negation(text string) (string, bool) {
	text = norm(text)
	for _, w := range words(text) {
		lw := strings.ToLower(w)
		for _, n := range l.negation {
			if !spaced(firstRune(strings.Trim(n, "*"))) {
				continue
			}
			pre, suf := strings.HasSuffix(n, "*"), strings.HasPrefix(n, "*")
			stem := strings.Trim(n, "*")
			if lw == stem || pre && strings.HasPrefix(lw, stem) || suf && strings.HasSuffix(lw, stem) {
				return w, true
			}
		}
	}
	for _, n := range l.negation {
		if !spaced(firstRune(n)) && strings.Contains(text, n) {
			return n, true
		}
	}
	return "", false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// words splits text into words: letters and marks, with the apostrophes
// between them ("don't", "n'est").
func words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsMark(r) ||
			r == '\'' && start >= 0 && i+1 < len(text) && unicode.IsLetter(firstRune(text[i+1:]))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// Sentences splits text after each full stop, question or exclamation
// mark and semicolon that ends a sentence: followed by a space or the end
// of the text, or full-width (。！？). A decimal point is not an end.
func Sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		end := false
		size := utf8.RuneLen(r)
		switch r {
		case '。', '！', '？', '\n':
			end = true
		case '.', '!', '?', ';', '؟', '؛':
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			end = i+size == len(text) || isSpace(next)
		}
		if end {
			if s := strings.TrimSpace(text[start : i+size]); s != "" {
				out = append(out, s)
			}
			start = i + size
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}
