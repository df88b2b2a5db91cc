// Package prefill writes the translations no translator needs to write: a
// table cell that is only a quantity, a number (or a range of two) and
// the symbol of a unit that languages written in the Latin script write as
// it is ("60 kg", "30 mg", "0.5 mg/kg", "2–3 %", "38 °C"). Quantity writes
// its numbers as the target language writes them (CLDR, through
// golang.org/x/text: "0,5 mg/kg" in French and German, "12.400 mg" in
// Spanish) and keeps the rest of the cell byte for byte. A target written
// in another script (Arabic, Russian, Chinese...) gets nothing: whether it
// writes the Latin symbol or its own is its translator's call. Sync fills
// missing entries with it, and lingo check does not call such a cell
// untranslated.
package prefill

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/lingo-l10n/lingo/internal/numbers"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Symbols are the unit symbols a quantity cell may end with, alone or
// joined by "/" (mg/kg): SI and medical symbols that Latin-script languages
// write unchanged. Abbreviations that differ by language (IU/UI/I.E., h/Std.)
// are not among them.
var Symbols = []string{
	"kg", "g", "mg", "µg", "μg", "mcg", "ng",
	"l", "L", "dl", "dL", "ml", "mL", "µl", "µL", "μl", "μL",
	"mol", "mmol", "µmol", "μmol",
	"%", "‰", "°C", "°F",
	"km", "m", "cm", "mm", "mmHg", "kcal", "kJ",
}

// Quantity is src, a cell in language srcLang, written for language dst
// when src is only a quantity (a number or a range, and unit symbols) and
// dst is written in the Latin script; ok is false otherwise.
func Quantity(src, srcLang, dst string) (text string, ok bool) {
	if !latin(dst) {
		return "", false
	}
	nums := numbers.Find(src, srcLang)
	if len(nums) == 0 || len(nums) > 2 || strings.TrimSpace(src[:nums[0].Start]) != "" {
		return "", false
	}
	if len(nums) == 2 && !isRange(src[nums[0].End:nums[1].Start]) {
		return "", false
	}
	if !isUnits(src[nums[len(nums)-1].End:]) {
		return "", false
	}
	p := message.NewPrinter(language.Make(dst))
	var b strings.Builder
	at := 0
	for _, n := range nums {
		v, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return "", false
		}
		scale := 0
		if strings.Contains(n.Value, ".") {
			// The digits after the separator as written: 1.50 keeps its 0.
			written := src[n.Start:n.End]
			scale = len(written) - 1 - strings.LastIndexFunc(written, func(r rune) bool { return !unicode.IsDigit(r) })
		}
		b.WriteString(src[at:n.Start])
		b.WriteString(p.Sprint(number.Decimal(v, number.Scale(scale))))
		at = n.End
	}
	b.WriteString(src[at:])
	text = b.String()
	// What the target's readers read must be the source's numbers.
	if missing, extra := numbers.Compare(src, srcLang, text, dst); missing != nil || extra != nil {
		return "", false
	}
	return text, true
}

// latin reports whether tag's language is written in the Latin script.
func latin(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	s, _ := t.Script()
	return s.String() == "Latn"
}

// isRange reports whether gap, between two numbers, joins them into a
// range: a hyphen or a dash, with spaces or none.
func isRange(gap string) bool {
	switch strings.TrimFunc(gap, unicode.IsSpace) {
	case "-", "–", "—", "‐", "‑":
		return true
	}
	return false
}

// isUnits reports whether rest, after a cell's last number, is unit
// symbols alone: "kg", " mg/kg", " %", "°C" (a space before is allowed).
func isUnits(rest string) bool {
	rest = strings.TrimRightFunc(strings.TrimLeftFunc(rest, unicode.IsSpace), unicode.IsSpace)
	if rest == "" {
		return false
	}
	for _, part := range strings.Split(rest, "/") {
		known := false
		for _, s := range Symbols {
			known = known || part == s
		}
		if !known {
			return false
		}
	}
	return true
}
