// Package pseudo makes pseudo-translations: the source text with every letter
// of its prose accented, about 35% longer, and bracketed, so that a tester
// sees at a glance what was not translated, what gets cut off and what breaks
// with longer text. Only the prose spans of a segment change: code, URLs,
// HTML tags, shortcodes, placeholders, entities and numbers stay
// byte-identical, so the rendered article keeps its structure; so do the
// terms a caller names to keep (a glossary's do-not-translate terms), so a
// pseudo-translation passes every check a careful translator's would.
package pseudo

import (
	"strings"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/glossary"
)

// Open and Close bracket every pseudo-translation; Pad lengthens it.
const (
	Open  = "⟦"
	Close = "⟧"
	Pad   = "·"
)

// Expansion is how much longer a pseudo-translation is than its source.
const Expansion = 0.35

var accents = map[rune]rune{
	'a': 'å', 'b': 'ƀ', 'c': 'ç', 'd': 'ð', 'e': 'é', 'f': 'ƒ', 'g': 'ĝ', 'h': 'ĥ', 'i': 'î',
	'j': 'ĵ', 'k': 'ķ', 'l': 'ļ', 'm': 'ɱ', 'n': 'ñ', 'o': 'ö', 'p': 'þ', 'q': 'ǫ', 'r': 'ŕ',
	's': 'š', 't': 'ţ', 'u': 'û', 'v': 'ṽ', 'w': 'ŵ', 'x': 'ẋ', 'y': 'ý', 'z': 'ž',
	'A': 'Å', 'B': 'Ɓ', 'C': 'Ç', 'D': 'Ð', 'E': 'É', 'F': 'Ƒ', 'G': 'Ĝ', 'H': 'Ĥ', 'I': 'Î',
	'J': 'Ĵ', 'K': 'Ķ', 'L': 'Ļ', 'M': 'Ṁ', 'N': 'Ñ', 'O': 'Ö', 'P': 'Þ', 'Q': 'Ǫ', 'R': 'Ŕ',
	'S': 'Š', 'T': 'Ţ', 'U': 'Û', 'V': 'Ṽ', 'W': 'Ŵ', 'X': 'Ẋ', 'Y': 'Ý', 'Z': 'Ž',
}

// Translate returns the pseudo-translation of a segment. Each of the keep
// terms found as a whole word (ignoring case, as glossary.ContainsWord
// matches) stays as it is.
func Translate(seg *article.Segment, keep ...string) string {
	text := seg.Text
	var b strings.Builder
	b.WriteString(Open)
	pos, ref := 0, 0
	for _, sp := range seg.Spans {
		ref = writeRefs(&b, text, seg.Refs, ref, &pos, sp.Start)
		b.WriteString(text[pos:sp.Start])
		prose := text[sp.Start:sp.End]
		at := 0
		for _, w := range glossary.FindWords(prose, keep) {
			accent(&b, prose[at:w[0]])
			b.WriteString(prose[w[0]:w[1]])
			at = w[1]
		}
		accent(&b, prose[at:])
		pos = sp.End
	}
	ref = writeRefs(&b, text, seg.Refs, ref, &pos, len(text))
	b.WriteString(text[pos:])
	n := utf8.RuneCountInString(text)
	b.WriteString(strings.Repeat(Pad, max(1, int(float64(n)*Expansion+0.5)-2)))
	b.WriteString(Close)
	return b.String()
}

// writeRefs copies text up to each reference label insertion before limit
// and writes the label; it returns the index of the next insertion.
func writeRefs(b *strings.Builder, text string, refs []article.Ref, i int, pos *int, limit int) int {
	for ; i < len(refs) && refs[i].At <= limit && refs[i].At >= *pos; i++ {
		b.WriteString(text[*pos:refs[i].At])
		b.WriteString(refs[i].Insert)
		*pos = refs[i].At
	}
	return i
}

// accent writes s with its letters accented, leaving entity references such
// as "&amp;" and "&#8212;" intact.
func accent(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		if n := entityLen(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if a, ok := accents[r]; ok {
			r = a
		}
		b.WriteRune(r)
		i += size
	}
}

// entityLen is the length of the HTML entity reference at the start of s,
// or 0.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	for i := 1; i < len(s) && i <= 32; i++ {
		c := s[i]
		switch {
		case c == ';':
			if i > 1 {
				return i + 1
			}
			return 0
		case c == '#' && i == 1, c >= '0' && c <= '9', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return 0
		}
	}
	return 0
}
