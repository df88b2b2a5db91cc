package vocab

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Mismatch is a quantity of the source that its translation does not keep.
type Mismatch struct {
	Want Quantity  // in the source
	Got  *Quantity // the translation's quantity in its place, if any
	// Why is "missing" (nothing in its place), "unit" (the same value with
	// another unit), "rate" (the same amount per another time: per week
	// for per day), "conversion" (the same amount in another unit) or
	// "range" (one end of a range kept), or "per" (a time the source's
	// amounts are per, "daily", that the translation does not name; Want
	// and Got are then that denominator alone, unit "/day"), or
	// "added-per" (Got, a time the translation's amounts are per, the
	// source does not name).
	Why string
}

// Comparison is what Compare finds.
type Comparison struct {
	// Mismatches are the source's quantities the translation does not keep.
	Mismatches []Mismatch
	// Src and Tr are the byte ranges of each text that the quantities
	// account for, kept on both sides: a number there is judged as part
	// of its quantity ("2 fois par jour" for "twice daily", the "1" of
	// "1日2回"), not on its own.
	Src, Tr [][2]int
}

// Compare returns the quantities of the source src that its translation
// tr, read in l, does not keep with the same value, unit and
// denominators. A denominator may be named anywhere in the text ("Täglich
// höchstens 4 g" keeps "4 g daily"), and one time unit stands for the
// same time as a number ("per day" for "in 24 hours"); a range is kept as
// a range or as both its ends. Quantities of tr that src lacks are not
// reported (a translation may say "35 to 44 years" where the source says
// "ages 35 to 44").
func (l *Lang) Compare(src, tr Reading) Comparison {
	var c Comparison
	used := make([]bool, len(tr.Quantities))
	take := func(s Quantity, ok func(s, t Quantity) bool) *Quantity {
		for i, t := range tr.Quantities {
			if !used[i] && ok(s, t) {
				used[i] = true
				return &tr.Quantities[i]
			}
		}
		return nil
	}
	keep := func(s Quantity, t *Quantity) {
		c.Src = append(c.Src, [2]int{s.Start, s.End})
		c.Tr = append(c.Tr, [2]int{t.Start, t.End})
	}
	exact := func(s, t Quantity) bool { return t.Low == s.Low && t.High == s.High && t.Unit == s.Unit }
	loose := func(s, t Quantity) bool {
		return t.Low == s.Low && t.High == s.High && l.sameRate(s, src, t, tr)
	}
	var left []Quantity
	for _, pass := range []func(s, t Quantity) bool{exact, loose} {
		left = left[:0]
		for _, s := range src.Quantities {
			if slices.Contains(c.Src, [2]int{s.Start, s.End}) {
				continue
			}
			if t := take(s, pass); t != nil {
				keep(s, t)
			} else {
				left = append(left, s)
			}
		}
	}
	// A time the other text names as a denominator: "in 24 hours" for
	// "per day".
	left = slices.DeleteFunc(left, func(s Quantity) bool {
		if l.oneOf(s, tr) {
			c.Src = append(c.Src, [2]int{s.Start, s.End})
			return true
		}
		return false
	})
	for i, t := range tr.Quantities {
		if !used[i] && l.oneOf(t, src) {
			used[i] = true
			c.Tr = append(c.Tr, [2]int{t.Start, t.End})
		}
	}
	// Denominators both texts name ("1日" in "1日2回", "per 24 hours").
	for _, p := range src.free {
		if l.names(tr, p.unit) {
			c.Src = append(c.Src, [2]int{p.start, p.end})
		}
	}
	for _, p := range tr.free {
		if l.names(src, p.unit) {
			c.Tr = append(c.Tr, [2]int{p.start, p.end})
		}
	}
	for _, s := range left {
		if m := l.mismatch(s, take); m.Why != "" {
			c.Mismatches = append(c.Mismatches, m)
		}
	}
	if !slices.ContainsFunc(c.Mismatches, func(m Mismatch) bool { return m.Why == "rate" }) {
		c.Mismatches = append(c.Mismatches, l.perMismatch(src, tr)...)
	}
	return c
}

// perMismatch reports the times the source's amounts are per ("1000 IU
// of vitamin D daily") that the translation does not name, with the time
// it names instead, if any ("par semaine"), or else a time the
// translation adds. Both texts must have an amount: a time named in
// prose ("requests per second") is no rate of a dose.
func (l *Lang) perMismatch(src, tr Reading) []Mismatch {
	if !l.hasAmount(src) || !l.hasAmount(tr) { // "requests per second", "tâches quotidiennes"
		return nil
	}
	times := func(r Reading) []span {
		var out []span
		for _, p := range r.per {
			if l.scale[p.unit].dim == "time" && !slices.ContainsFunc(out, func(o span) bool { return o.unit == p.unit }) {
				out = append(out, p)
			}
		}
		return out
	}
	var other *Quantity
	for _, p := range times(tr) {
		if !l.names(src, p.unit) {
			other = &Quantity{Unit: "/" + p.unit, Start: p.start, End: p.end}
			break
		}
	}
	var out []Mismatch
	for _, p := range times(src) {
		if !l.names(tr, p.unit) {
			out = append(out, Mismatch{Quantity{Unit: "/" + p.unit, Start: p.start, End: p.end}, other, "per"})
		}
	}
	if len(out) == 0 && other != nil {
		out = append(out, Mismatch{Quantity{}, other, "added-per"})
	}
	return out
}

// mismatch says how the translation fails to keep s, taking the
// quantity in its place.
func (l *Lang) mismatch(s Quantity, take func(Quantity, func(s, t Quantity) bool) *Quantity) Mismatch {
	if s.isRange() {
		lo := take(s, func(s, t Quantity) bool { return !t.isRange() && t.Low == s.Low && t.Unit == s.Unit })
		hi := take(s, func(s, t Quantity) bool { return !t.isRange() && t.Low == s.High && t.Unit == s.Unit })
		if lo != nil && hi != nil {
			return Mismatch{} // both ends kept: no mismatch
		}
		if got := firstOf(lo, hi); got != nil {
			return Mismatch{s, got, "range"}
		}
	}
	if got := take(s, func(s, t Quantity) bool { return l.sameAmount(s, t) }); got != nil {
		return Mismatch{s, got, "conversion"}
	}
	if got := take(s, func(s, t Quantity) bool { return t.Low == s.Low && t.High == s.High && base(t.Unit) == base(s.Unit) }); got != nil {
		return Mismatch{s, got, "rate"}
	}
	if got := take(s, func(s, t Quantity) bool { return t.Low == s.Low && t.High == s.High }); got != nil {
		return Mismatch{s, got, "unit"}
	}
	return Mismatch{s, nil, "missing"}
}

// base is a unit without its denominators: "mg" for "mg/kg/day".
func base(unit string) string {
	b, _, _ := strings.Cut(unit, "/")
	return b
}

// sameRate reports whether s of text sr and t of text tr, of one value,
// are the same unit over the same denominators, a denominator of either
// being named anywhere in the other's text.
func (l *Lang) sameRate(s Quantity, sr Reading, t Quantity, tr Reading) bool {
	if base(s.Unit) != base(t.Unit) {
		return false
	}
	ds, dt := strings.Split(s.Unit, "/")[1:], strings.Split(t.Unit, "/")[1:]
	for _, d := range ds {
		if !slices.Contains(dt, d) && !l.names(tr, d) {
			return false
		}
	}
	for _, d := range dt {
		if !slices.Contains(ds, d) && !l.names(sr, d) {
			return false
		}
	}
	return true
}

// names reports whether r names denominator d: as a denominator, or as
// the same time in a quantity of its own ("24 hours" for a day).
func (l *Lang) names(r Reading, d string) bool {
	if slices.Contains(l.implicit, d) {
		return true
	}
	for _, p := range r.per {
		if p.unit == d {
			return true
		}
	}
	for _, q := range r.Quantities {
		if l.isOne(q, d) {
			return true
		}
	}
	return false
}

// oneOf reports whether q is one unit of a denominator r names ("24 h"
// and "per day"), or once per a denominator r names where r counts no
// times of its own ("once daily" and "1 tablet a day").
func (l *Lang) oneOf(q Quantity, r Reading) bool {
	for _, p := range r.per {
		if l.isOne(q, p.unit) {
			return true
		}
	}
	b, d, ok := strings.Cut(q.Unit, "/")
	if !ok || b != "times" || q.Low != "1" || q.High != "1" || !l.names(r, d) {
		return false
	}
	return !slices.ContainsFunc(r.Quantities, func(t Quantity) bool { return base(t.Unit) == "times" })
}

// isOne reports whether q, a single amount of time ("24 h"), is one d
// ("day").
func (l *Lang) isOne(q Quantity, d string) bool {
	sq, ok1 := l.scale[q.Unit]
	sd, ok2 := l.scale[d]
	if q.isRange() || !ok1 || !ok2 || sq.dim != "time" || sd.dim != "time" || q.Unit == d {
		return false
	}
	v, err := strconv.ParseFloat(q.Low, 64)
	return err == nil && math.Abs(v*sq.factor-sd.factor) < 1e-9
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

// hasAmount reports whether r has a quantity that is an amount, not a
// time, a ratio or a temperature: a dose, a count, a volume, a frequency.
func (l *Lang) hasAmount(r Reading) bool {
	return slices.ContainsFunc(r.Quantities, func(q Quantity) bool {
		b := base(q.Unit)
		d := l.scale[b].dim
		return d != "time" && d != "ratio" && !strings.HasPrefix(b, "°")
	})
}
