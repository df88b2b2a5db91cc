// Package numbers finds the numbers of a text as its language writes them,
// so that a translation can be required to carry every number of its source
// and no other: in medical content a number that drifts ("2-3 days" becoming
// "3-4 jours") is a patient-safety bug. Find reads digits of any script
// (ASCII, Arabic-Indic, Persian, Devanagari, full-width...) with the decimal
// and grouping separators of the text's language ("2,400" is 2400 in English
// but 2.4 in German, "2 400" is 2400 in French), reads a range ("50-80%",
// "2–3") as two numbers and a minus sign only where it cannot be a dash, and
// returns each number's canonical decimal Value with its byte offsets.
// Compare is the multiset difference of two texts' numbers. Digits inside a
// word are part of it, not numbers ("COVID-19", "H2O", "B12", "mp4"), but a
// number followed by its unit is a number ("5mg", "2nd", "24h"). Numbers
// written as words ("two", "deux") and fractions such as "½" are out of scope.
package numbers

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is one number found in a text.
type Number struct {
	// Value is the canonical decimal form: ASCII digits, no grouping, a
	// full stop before the fraction, no leading zeros in the integer part and
	// no trailing zeros in the fraction, "-" for a negative number: "2400",
	// "2.5", "45", "-3". A range gives two Numbers.
	Value string
	// Start and End are the byte offsets of the number as written in the
	// text, its minus sign included.
	Start, End int
}

// Find returns the numbers of text, written as the BCP 47 language lang
// writes them ("fr", "de", "pt-BR", "ar", "hi", "ja", "en"), in text order.
// It is LocaleFor(lang).Find(text).
func Find(text, lang string) []Number {
	return LocaleFor(lang).Find(text)
}

// Compare returns the numbers of the source text src, in language srcLang,
// that its translation tr, in language trLang, lacks (missing) and the
// numbers of tr that src lacks (extra). Both count repeats: a number written
// twice in src and once in tr is missing once. Each list holds Values in
// ascending numeric order; both are nil when the numbers agree.
func Compare(src, srcLang, tr, trLang string) (missing, extra []string) {
	count := map[string]int{}
	for _, n := range Find(src, srcLang) {
		count[n.Value]++
	}
	for _, n := range Find(tr, trLang) {
		count[n.Value]--
	}
	for v, c := range count {
		for ; c > 0; c-- {
			missing = append(missing, v)
		}
		for ; c < 0; c++ {
			extra = append(extra, v)
		}
	}
	slices.SortFunc(missing, compareValues)
	slices.SortFunc(extra, compareValues)
	return missing, extra
}

// Find returns the numbers of text, written as l says, in text order.
//
// A number is a run of decimal digits of any script. A group separator
// joins digits only when exactly three digits follow it (two, then three,
// in an Indian locale) and the digits before it are at most three: the one
// of "," and "." that is not l's decimal separator, a no-break, narrow
// no-break, thin or figure space, an apostrophe (de-CH "1'234") and the
// Arabic ٬; an ASCII space only where the language groups with a space
// ("2 400" in French, but "2" and "400" in English). The decimal separator,
// or the Arabic ٫, is one only when a digit follows it, so "2, 3 and 4"
// are three numbers and "in 2019." is 2019; ".5" is 5, not 0.5. A percent
// sign does not change a value. Times and dates give their parts ("8:30"
// is 8 and 30).
func (l Locale) Find(text string) []Number {
	var out []Number
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := digitValue(r); !ok {
			i += size
			continue
		}
		if inWord(text, i) {
			i = skipWord(text, i)
			continue
		}
		n := l.scan(text, i)
		out = append(out, n)
		i = n.End
	}
	return out
}

// scan reads the number whose first digit is at text[i].
func (l Locale) scan(text string, i int) Number {
	start, neg := i, false
	if s, ok := signBefore(text, i); ok {
		start, neg = s, true
	}
	intPart, end := readDigits(text, i)

	// Grouping: one separator, repeated, each time followed by exactly three
	// digits (or, in an Indian locale, by two, the last time by three).
	if len(intPart) <= 3 {
		if g, _ := utf8.DecodeRuneInString(text[end:]); l.isGroup(g) {
			class := sepClass(g)
			var groups []string
			var ends []int
			for p := end; ; {
				r, size := utf8.DecodeRuneInString(text[p:])
				if !l.isGroup(r) || sepClass(r) != class {
					break
				}
				ds, e := readDigits(text, p+size)
				if ds == "" {
					break
				}
				groups, ends = append(groups, ds), append(ends, e)
				p = e
			}
			k := 0
			switch {
			case len(groups) > 0 && len(groups[0]) == 3:
				for k < len(groups) && len(groups[k]) == 3 {
					k++
				}
			case l.indian && len(intPart) <= 2:
				j := 0
				for j < len(groups) && len(groups[j]) == 2 {
					j++
				}
				if j > 0 && j < len(groups) && len(groups[j]) == 3 {
					k = j + 1
					for k < len(groups) && len(groups[k]) == 3 {
						k++
					}
				}
			}
			if k > 0 {
				intPart += strings.Join(groups[:k], "")
				end = ends[k-1]
			}
		}
	}

	// Fraction: the decimal separator, then at least one digit.
	var frac string
	if d, size := utf8.DecodeRuneInString(text[end:]); l.isDecimal(d) {
		if ds, e := readDigits(text, end+size); ds != "" {
			frac, end = ds, e
		}
	}
	return Number{Value: canonical(neg, intPart, frac), Start: start, End: end}
}

// Separator classes: a number groups its digits with one class throughout.
const (
	sepNone = iota
	sepComma
	sepPoint
	sepSpace
	sepApostrophe
	sepArabicGroup
	sepArabicDecimal
)

func sepClass(r rune) int {
	switch r {
	case ',', '，':
		return sepComma
	case '.', '．':
		return sepPoint
	case '\'', '’':
		return sepApostrophe
	case '٬':
		return sepArabicGroup
	case '٫':
		return sepArabicDecimal
	}
	if isSpaceSep(r) {
		return sepSpace
	}
	return sepNone
}

// isGroup reports whether r may separate groups of digits in l.
func (l Locale) isGroup(r rune) bool {
	switch sepClass(r) {
	case sepComma:
		return !l.commaDecimal
	case sepPoint:
		return l.commaDecimal
	case sepSpace:
		return r != ' ' || l.spaceGroups
	case sepApostrophe, sepArabicGroup:
		return true
	}
	return false
}

// isDecimal reports whether r separates the fraction in l.
func (l Locale) isDecimal(r rune) bool {
	switch sepClass(r) {
	case sepComma:
		return l.commaDecimal
	case sepPoint:
		return !l.commaDecimal
	case sepArabicDecimal:
		return true
	}
	return false
}

// readDigits reads the digits that start at text[i] and returns them in
// ASCII with the offset just past them.
func readDigits(text string, i int) (string, int) {
	var b []byte
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		d, ok := digitValue(r)
		if !ok {
			break
		}
		b = append(b, '0'+d)
		i += size
	}
	return string(b), i
}

// digitValue returns the value of a decimal digit of any script.
func digitValue(r rune) (byte, bool) {
	if r >= '0' && r <= '9' {
		return byte(r - '0'), true
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return 0, false
	}
	// Unicode encodes every set of decimal digits as ten consecutive code
	// points from zero, and each range of unicode.Nd holds whole sets.
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return byte((r - rune(rg.Lo)) % 10), true
		}
	}
	return 0, false
}

// isWordLetter reports whether r is a letter that glues digits into a word:
// a letter of a script written with spaces between words, where identifiers
// such as "COVID-19" or "B12" are written. Digits next to Han, kana, Hangul,
// Thai, Arabic or Hebrew letters are numbers ("2023年", "45세", "و٣", "ב-2019").
func isWordLetter(r rune) bool {
	return r == '_' || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic) && unicode.IsLetter(r)
}

func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

// inWord reports whether the digit at text[i] belongs to a word: it follows
// a word letter, or a word letter and a hyphen ("H2O", "COVID-19"), and that
// letter does not itself follow a number ("12h30", "2x3" are numbers).
func inWord(text string, i int) bool {
	p, size := utf8.DecodeLastRuneInString(text[:i])
	if isHyphen(p) {
		q, _ := utf8.DecodeLastRuneInString(text[:i-size])
		return isWordLetter(q)
	}
	if !isWordLetter(p) {
		return false
	}
	j := i - size
	for j > 0 {
		q, qsize := utf8.DecodeLastRuneInString(text[:j])
		if _, ok := digitValue(q); ok {
			return false
		}
		if !isWordLetter(q) {
			break
		}
		j -= qsize
	}
	return true
}

// skipWord returns the offset just past the word whose digit is at text[i]:
// letters and digits, joined by hyphens, full stops and underscores.
func skipWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if _, ok := digitValue(r); ok || isWordLetter(r) {
			i += size
			continue
		}
		if isHyphen(r) || r == '.' {
			n, _ := utf8.DecodeRuneInString(text[i+size:])
			if _, ok := digitValue(n); ok || isWordLetter(n) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// signBefore reports whether the digit at text[i] follows a minus sign, and
// where the sign starts. A hyphen or minus is a sign only at the start of
// the text, or after a space or opening punctuation that does not itself
// follow a number: "-3 °C", "(−3)", but not "2-3", "50%-80%", "2 - 3".
func signBefore(text string, i int) (int, bool) {
	m, size := utf8.DecodeLastRuneInString(text[:i])
	if m != '-' && m != '\u2212' {
		return 0, false
	}
	s := i - size
	if s == 0 {
		return s, true
	}
	p, _ := utf8.DecodeLastRuneInString(text[:s])
	switch {
	case unicode.IsSpace(p) || isSpaceSep(p):
		q := strings.TrimRightFunc(text[:s], func(r rune) bool { return unicode.IsSpace(r) || isSpaceSep(r) })
		last, _ := utf8.DecodeLastRuneInString(q)
		if _, ok := digitValue(last); ok || isPercent(last) {
			return 0, false
		}
		return s, true
	case unicode.In(p, unicode.Ps, unicode.Pi) || strings.ContainsRune("\"'=:;,/<>≤≥≈~*", p):
		return s, true
	}
	return 0, false
}

func isPercent(r rune) bool {
	return r == '%' || r == '٪' || r == '％' || r == '‰'
}

// canonical writes a number in the form documented on Number.Value.
func canonical(neg bool, intPart, frac string) string {
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	v := intPart
	if frac != "" {
		v += "." + frac
	}
	if neg && v != "0" {
		v = "-" + v
	}
	return v
}

// compareValues orders canonical Values by the numbers they stand for.
func compareValues(a, b string) int {
	an, bn := strings.HasPrefix(a, "-"), strings.HasPrefix(b, "-")
	switch {
	case an && !bn:
		return -1
	case !an && bn:
		return 1
	case an && bn:
		return compareValues(b[1:], a[1:])
	}
	ai, af, _ := strings.Cut(a, ".")
	bi, bf, _ := strings.Cut(b, ".")
	if c := cmp.Compare(len(ai), len(bi)); c != 0 {
		return c
	}
	if c := strings.Compare(ai, bi); c != 0 {
		return c
	}
	return strings.Compare(af, bf)
}
