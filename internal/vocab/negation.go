package vocab

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Negation returns the first negation of text in l ("not", "n'est",
// "don't", "不"), and whether there is one. A word of a script written with
// spaces matches a whole word, or its start ("avoid*") or end ("*n't");
// Han and kana forms match anywhere.
func (l *Lang) Negation(text string) (string, bool) {
	if l.memo != nil {
		n := l.memo.negations.Get(text, func() negation { w, ok := l.firstNegation(text); return negation{w, ok} })
		return n.word, n.ok
	}
	return l.firstNegation(text)
}

func (l *Lang) firstNegation(text string) (string, bool) {
	ns := l.negations(text)
	if len(ns) == 0 {
		return "", false
	}
	return text[ns[0].start:ns[0].end], true
}

// negations returns the negations of text, in text order, but for those
// in a phrase that does not negate ("no matter how", "if not").
func (l *Lang) negations(text string) []span {
	if len(l.notNeg.list) > 0 {
		b := []byte(text)
		for _, sp := range l.find(text, &l.notNeg) {
			for i := sp.start; i < sp.end; i++ {
				b[i] = ' '
			}
		}
		text = string(b)
	}
	var out []span
	for _, w := range words(text) {
		lw := strings.ToLower(norm(text[w.start:w.end]))
		forms := []string{lw}
		if i := strings.LastIndexByte(lw, '\''); i > 0 {
			forms = append(forms, lw[i+1:]) // "d'éviter" is "éviter" too
		}
		if slices.ContainsFunc(forms, l.isNegation) {
			out = append(out, w)
		}
	}
	for _, n := range l.negation {
		if spaced(firstRune(n)) {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			out = append(out, span{i + j, i + j + len(n), ""})
			i += j + len(n)
		}
	}
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// words splits text into words: letters and marks, with the apostrophes
// between them ("don't", "n'est").
func words(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsMark(r) ||
			(r == '\'' || r == '’') && start >= 0 && i+utf8.RuneLen(r) < len(text) && unicode.IsLetter(firstRune(text[i+utf8.RuneLen(r):]))
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i, ""})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text), ""})
	}
	return out
}

// Sentences splits text after each full stop, question or exclamation
// mark and semicolon that ends a sentence: followed by a space or the end
// of the text, or full-width (。！？). A decimal point is not an end, nor
// is a line break (a paragraph's soft break falls inside sentences).
func Sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		end := false
		size := utf8.RuneLen(r)
		switch r {
		case '。', '！', '？':
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

// isNegation reports whether the lower-case word w is a negation of a
// script written with spaces: a listed word, or its start ("avoid*") or
// end ("*n't").
func (l *Lang) isNegation(w string) bool {
	for _, n := range l.negation {
		if !spaced(firstRune(strings.Trim(n, "*"))) {
			continue
		}
		pre, suf := strings.HasSuffix(n, "*"), strings.HasPrefix(n, "*")
		stem := strings.Trim(n, "*")
		if w == stem || pre && strings.HasPrefix(w, stem) || suf && strings.HasSuffix(w, stem) {
			return true
		}
	}
	return false
}
