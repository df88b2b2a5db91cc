package vocab

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/numbers"
)

// Quantity is a number with its unit, or a range of them.
type Quantity struct {
	// Low and High are the ends, as numbers.Number.Value writes them;
	// equal for a single value.
	Low, High string
	// Unit is the canonical unit, with its denominators: "mg", "mg/kg",
	// "times/day", "%".
	Unit string
	// Start and End are the byte offsets of the quantity in its text.
	Start, End int
}

// String writes the quantity as "2–3 day", "0.5 mg/kg".
func (q Quantity) String() string {
	v := q.Low
	if q.High != q.Low {
		v += "–" + q.High
	}
	return v + " " + q.Unit
}

func (q Quantity) isRange() bool { return q.Low != q.High }

// span is a part of a text that stands for something.
type span struct {
	start, end int
	unit       string
}

// Reading is what a text says in quantities: each quantity, and every
// denominator the text names, next to a number or not ("täglich", "per
// kg", "每天", "al día"), so that a rate written away from its number
// ("Täglich höchstens 4 g") is read as the source's "4 g daily".
type Reading struct {
	Quantities []Quantity
	per        []span // the denominators named, by canonical unit
	free       []span // those of per that no quantity took
}

// Quantities returns the quantities of text, in text order: a number
// followed by a unit (with "per ..." denominators), a range whose second
// end has the unit ("2-3 days", "50 و80%"), a phrase ("twice daily").
// A number without a unit is not a quantity.
func (l *Lang) Quantities(text string) []Quantity { return l.Read(text).Quantities }

// Read returns the quantities of text (as Quantities) and the
// denominators it names anywhere.
func (l *Lang) Read(text string) Reading {
	if l.memo != nil {
		return l.memo.readings.Get(text, func() Reading { return l.readText(text) })
	}
	return l.readText(text)
}

func (l *Lang) readText(text string) Reading {
	var r Reading
	before := l.find(text, &l.perBefore)
	phrases := l.find(text, &l.phrases)
	for _, p := range phrases {
		q, _ := parsePhrase(p.unit)
		q.Start, q.End = p.start, p.end
		r.Quantities = append(r.Quantities, q)
		r.per = append(r.per, denominators(q.Unit, p)...)
	}
	var nums []numbers.Number
	for _, n := range numbers.Find(text, l.tag) {
		if !inside(n.Start, before) && !inside(n.Start, phrases) {
			nums = append(nums, n)
		}
	}
	for i := 0; i < len(nums); i++ {
		n := nums[i]
		q := Quantity{Low: n.Value, High: n.Value, Start: n.Start, End: n.End}
		q.Unit, q.End = l.unitAfter(text, n.End)
		if i+1 < len(nums) {
			next := nums[i+1]
			gap := strings.TrimSpace(text[max(q.End, n.End):min(next.Start, len(text))])
			if next.Start >= q.End && l.isRange(gap) {
				if u, end := l.unitAfter(text, next.End); u != "" && (q.Unit == "" || q.Unit == u) {
					q.High, q.Unit, q.End = next.Value, u, end
					i++
				}
			}
		}
		if q.Unit == "" {
			continue
		}
		if !strings.Contains(q.Unit, "/") {
			for _, b := range before {
				if strings.TrimSpace(text[min(b.end, n.Start):n.Start]) == "" && b.end <= n.Start {
					q.Unit += "/" + b.unit
					q.Start = b.start
				}
			}
		}
		// So many doses a day is so many times a day.
		if rest, ok := strings.CutPrefix(q.Unit, "dose/"); ok {
			q.Unit = "times/" + rest
		}
		r.Quantities = append(r.Quantities, q)
		r.per = append(r.per, denominators(q.Unit, span{q.Start, q.End, ""})...)
	}
	r.free = l.freePer(text, r.Quantities, before)
	r.per = append(r.per, r.free...)
	return r
}

// denominators are the denominators of unit ("mg/kg/day": kg, day), each
// at sp.
func denominators(unit string, sp span) []span {
	var out []span
	parts := strings.Split(unit, "/")
	for _, d := range parts[1:] {
		out = append(out, span{sp.start, sp.end, d})
	}
	return out
}

// freePer finds the denominators of text that no quantity took: a word
// that is one ("daily", "täglich") or a per word and a unit ("a day",
// "par jour", "je kg").
func (l *Lang) freePer(text string, qs []Quantity, before []span) []span {
	taken := func(sp span) bool {
		for _, q := range qs {
			if sp.start < q.End && sp.end > q.Start {
				return true
			}
		}
		return false
	}
	var out []span
	for _, sp := range append(before, l.find(text, &l.perUnit)...) {
		if !taken(sp) {
			out = append(out, sp)
		}
	}
	for _, p := range l.find(text, &l.perWords) {
		if u, end := l.longest(text, skipSpace(text, p.end), &l.units); u != "" && l.scale[u].dim != "count" {
			if sp := (span{p.start, end, u}); !taken(sp) {
				out = append(out, sp)
			}
		}
	}
	return out
}

func inside(i int, spans []span) bool {
	for _, s := range spans {
		if i >= s.start && i < s.end {
			return true
		}
	}
	return false
}

// find returns the non-overlapping occurrences of tokens in text, in text
// order, the longest where two start at one place.
func (l *Lang) find(text string, tokens *tokens) []span {
	var out []span
	if len(tokens.list) == 0 {
		return nil
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		for _, t := range candidates(tokens, text, i, r) {
			if end, ok := matchTerm(text, i, t.text); ok {
				out = append(out, span{i, end, t.unit})
				size = end - i
				break
			}
		}
		i += size
	}
	return out
}

// unitAfter reads the unit that follows the number ending at text[i],
// with its denominators, and returns it with the offset past it; "" and i
// when no unit follows.
func (l *Lang) unitAfter(text string, i int) (string, int) {
	j := skipSpace(text, i)
	if r, size := utf8.DecodeRuneInString(text[j:]); r == '-' {
		if n, _ := utf8.DecodeRuneInString(text[j+size:]); unicode.IsLetter(n) {
			j += size // "a 2-day course", "2-mal"
		}
	}
	unit, end := l.longest(text, j, &l.units)
	if unit == "" {
		return "", i
	}
	for {
		k := skipSpace(text, end)
		if u, e := l.longest(text, k, &l.perUnit); u != "" {
			unit, end = unit+"/"+u, e
			continue
		}
		found := false
		for _, p := range l.per {
			if e, ok := matchTerm(text, k, p); ok {
				if u, e2 := l.longest(text, skipSpace(text, e), &l.units); u != "" && l.scale[u].dim != "count" {
					unit, end, found = unit+"/"+u, e2, true
					break
				}
			}
		}
		if !found {
			return unit, end
		}
	}
}

// longest returns the unit of the longest token at text[i], and the
// offset past it.
func (l *Lang) longest(text string, i int, tokens *tokens) (string, int) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	for _, t := range tokens.at(foldKey(r)) {
		if end, ok := matchTerm(text, i, t.text); ok {
			return t.unit, end
		}
	}
	return "", i
}

func (l *Lang) isRange(gap string) bool {
	for _, r := range l.ranges {
		if strings.EqualFold(gap, r) {
			return true
		}
	}
	return false
}

// ended is j, the end of tok matched in text, when the match ends a word
// there: a token ending in a letter of a script written with spaces
// (spaced) may not run on into another letter or a combining mark.
func ended(text, tok string, j int) (int, bool) {
	last, _ := utf8.DecodeLastRuneInString(tok)
	next, _ := utf8.DecodeRuneInString(text[j:])
	if j < len(text) && spaced(last) && (spaced(next) || unicode.IsMark(next)) {
		return 0, false
	}
	return j, true
}

// foldKey is the same for two runes match takes as equal: the smallest
// rune of r's case folding orbit (µ, μ and Μ alike), the typographic
// apostrophe as ASCII.
func foldKey(r rune) rune {
	if r < utf8.RuneSelf { // ASCII: the upper case, the least of its folds
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	if r == '’' {
		r = '\''
	}
	k := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		k = min(k, f)
	}
	return k
}

// boundaryBefore reports whether tok may start at text[i]: a word of a
// script written with spaces does not start inside another word.
func boundaryBefore(text string, i int, tok string) bool {
	first, _ := utf8.DecodeRuneInString(tok)
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return i == 0 || !spaced(first) || !spaced(prev) && !unicode.IsMark(prev)
}

// spaced reports whether r is a letter of a script written with spaces
// between words, where a token must be a whole word (not Han or kana).
func spaced(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r|0x20 && r|0x20 <= 'z'
	case r < 0x2E80: // below the first Han, Hiragana and Katakana letters
		return unicode.IsLetter(r)
	}
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// candidates are the tokens that may match at text[i], where text has r:
// inside a word of a script written with spaces, only those that start
// with anything (boundaryBefore).
func candidates(ts *tokens, text string, i int, r rune) []token {
	if i > 0 && spaced(r) {
		if prev, _ := utf8.DecodeLastRuneInString(text[:i]); spaced(prev) || unicode.IsMark(prev) {
			return ts.any
		}
	}
	return ts.at(foldKey(r))
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u202F' || r == '\u2009' || r == '\u2007'
}

// skipSpace skips white space and the invisible format characters
// (bidi controls and marks) a reader does not see between a number and
// its unit.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) && !unicode.Is(unicode.Cf, r) {
			break
		}
		i += size
	}
	return i
}
