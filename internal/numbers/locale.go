package numbers

import (
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale says how one language writes numbers: which of the full stop and
// the comma is its decimal separator, whether it groups digits with an
// ordinary space, and whether it groups them the Indian way (1,00,000).
// The zero Locale reads numbers as English does. A Locale is a small value
// that is safe to copy and to share between goroutines.
type Locale struct {
	commaDecimal bool // "2,5" is two and a half; "." groups thousands
	spaceGroups  bool // an ASCII space groups thousands ("2 400")
	indian       bool // groups of two digits before the last three ("1,00,000")
}

// LocaleFor returns the Locale of a BCP 47 language tag ("fr", "de-CH",
// "pt-BR", "ar"), taken from the CLDR data of golang.org/x/text. A tag that
// does not parse gives the zero Locale. Callers that read many texts of one
// language should keep the Locale and call its Find method.
func LocaleFor(lang string) Locale {
	if l, ok := locales.Load(lang); ok {
		return l.(Locale)
	}
	l := localeFor(lang)
	locales.Store(lang, l)
	return l
}

// locales caches LocaleFor: asking CLDR costs more than reading a text.
var locales sync.Map // tag → Locale

func localeFor(lang string) Locale {
	tag, err := language.Parse(lang)
	if err != nil {
		return Locale{}
	}
	// Ask CLDR how this language writes 1234567.5 and read its symbols back.
	s := message.NewPrinter(tag).Sprint(number.Decimal(1234567.5))
	var (
		l       Locale
		group   rune
		lead    int  // digits before the first group separator
		decimal rune // separator before the last digit
		prev    rune
	)
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			if group == 0 {
				lead++
			}
			if decimal == 0 && prev != 0 && !unicode.IsDigit(prev) && prev != group {
				decimal = prev
			}
		case group == 0:
			group = r
		}
		prev = r
	}
	// Arabic-Indic numbering writes ٫ and ٬; with Latin digits the same
	// languages use the full stop, which is what the zero Locale says.
	l.commaDecimal = decimal == ','
	l.spaceGroups = isSpaceSep(group)
	l.indian = lead == 2
	return l
}

// isSpaceSep reports whether r is a space that may group digits.
func isSpaceSep(r rune) bool {
	switch r {
	case ' ', '\u00A0', '\u202F', '\u2009', '\u2007':
		return true
	}
	return false
}
