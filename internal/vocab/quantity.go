package vocab

import (
	"math"
	"strconv"
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

// Quantities returns the quantities of text, in text order: a number
// followed by a unit (with "per ..." denominators), a range whose second
// end has the unit ("2-3 days", "50 و80%"), a phrase ("twice daily").
// A number without a unit is not a quantity.
func (l *Lang) Quantities(text string) []Quantity {
	var out []Quantity
	before := l.find(text, l.perBefore)
	phrases := l.find(text, l.phrases)
	for _, p := range phrases {
		q, _ := parsePhrase(p.unit)
		q.Start, q.End = p.start, p.end
		out = append(out, q)
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
				}
			}
		}
		out = append(out, q)
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
func (l *Lang) find(text string, tokens []token) []span {
	var out []span
	if len(tokens) == 0 {
		return nil
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		key := foldKey(r)
		for _, t := range tokens {
			if t.first >= 0 && t.first != key {
				continue
			}
			if end, ok := match(text, i, t.text); ok && boundaryBefore(text, i, t.text) {
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
	unit, end := l.longest(text, j, l.units)
	if unit == "" {
		return "", i
	}
	for {
		k := skipSpace(text, end)
		if u, e := l.longest(text, k, l.perUnit); u != "" {
			unit, end = unit+"/"+u, e
			continue
		}
		found := false
		for _, p := range l.per {
			if e, ok := match(text, k, p); ok {
				if u, e2 := l.longest(text, skipSpace(text, e), l.units); u != "" {
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
func (l *Lang) longest(text string, i int, tokens []token) (string, int) {
	r, _ := utf8.DecodeRuneInString(text[i:])
	key := foldKey(r)
	for _, t := range tokens {
		if t.first >= 0 && t.first != key {
			continue
		}
		if end, ok := match(text, i, t.text); ok {
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

// match reports whether text at i starts with tok, compared without regard
// to case, the typographic apostrophe as ASCII and any run of spaces as one
// space, and ends at a word boundary; it returns the offset past it.
func match(text string, i int, tok string) (int, bool) {
	j := i
	for _, want := range tok {
		if j >= len(text) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == '’' {
			r = '\''
		}
		if want == ' ' && isSpace(r) {
			j = skipSpace(text, j)
			continue
		}
		if r != want && unicode.SimpleFold(r) != want && !strings.EqualFold(string(r), string(want)) {
			return 0, false
		}
		j += size
	}
	return ended(text, tok, j)
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
	return unicode.IsLetter(r) && !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u202F' || r == '\u2009' || r == '\u2007'
}

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isSpace(r) {
			break
		}
		i += size
	}
	return i
}

// Mismatch is a quantity of the source that its translation does not keep.
type Mismatch struct {
	Want Quantity  // in the source
	Got  *Quantity // the translation's quantity in its place, if any
	// Why is "missing" (nothing in its place), "unit" (the same value with
	// another unit), "conversion" (the same amount in another unit) or
	// "range" (one end of a range kept).
	Why string
}

// Missing returns the quantities of src that tr does not keep with the
// same value and unit. tr's quantities are read in l, the translation's
// language; a range is kept as a range or as both its ends. Quantities of
// tr that src lacks are not reported (a translation may say "35 to 44
// years" where the source says "ages 35 to 44").
func (l *Lang) Missing(src, tr []Quantity) []Mismatch {
	used := make([]bool, len(tr))
	take := func(ok func(Quantity) bool) *Quantity {
		for i, t := range tr {
			if !used[i] && ok(t) {
				used[i] = true
				return &tr[i]
			}
		}
		return nil
	}
	var left []Quantity
	for _, s := range src {
		if take(func(t Quantity) bool { return t.Low == s.Low && t.High == s.High && t.Unit == s.Unit }) == nil {
			left = append(left, s)
		}
	}
	var out []Mismatch
	for _, s := range left {
		if s.isRange() {
			lo := take(func(t Quantity) bool { return !t.isRange() && t.Low == s.Low && t.Unit == s.Unit })
			hi := take(func(t Quantity) bool { return !t.isRange() && t.Low == s.High && t.Unit == s.Unit })
			if lo != nil && hi != nil {
				continue
			}
			if got := firstOf(lo, hi); got != nil {
				out = append(out, Mismatch{s, got, "range"})
				continue
			}
		}
		if got := take(func(t Quantity) bool { return l.sameAmount(s, t) }); got != nil {
			out = append(out, Mismatch{s, got, "conversion"})
		} else if got := take(func(t Quantity) bool { return t.Low == s.Low && t.High == s.High }); got != nil {
			out = append(out, Mismatch{s, got, "unit"})
		} else {
			out = append(out, Mismatch{s, nil, "missing"})
		}
	}
	return out
}

func firstOf(qs ...*Quantity) *Quantity {
	for _, q := range qs {
		if q != nil {
			return q
		}
	}
	return nil
}

// sameAmount reports whether a and b are the same amount in two units of
// one dimension ("500 mg" and "0.5 g"), denominators equal.
func (l *Lang) sameAmount(a, b Quantity) bool {
	ua, da, _ := strings.Cut(a.Unit, "/")
	ub, db, _ := strings.Cut(b.Unit, "/")
	sa, oka := l.scale[ua]
	sb, okb := l.scale[ub]
	if !oka || !okb || sa.dim != sb.dim || ua == ub || da != db {
		return false
	}
	same := func(x, y string) bool {
		fx, err1 := strconv.ParseFloat(x, 64)
		fy, err2 := strconv.ParseFloat(y, 64)
		return err1 == nil && err2 == nil && math.Abs(fx*sa.factor-fy*sb.factor) <= 1e-9*math.Abs(fx*sa.factor)
	}
	return same(a.Low, b.Low) && same(a.High, b.High)
}
