package check

import (
	"fmt"
	"slices"

	"github.com/lingo-l10n/lingo/internal/vocab"
)

// quantities compares the quantities of the source src with those of its
// translation tr; the zero Comparison when either language has no
// vocabulary.
func (c *Checker) quantities(src, srcLang, tr, trLang string) vocab.Comparison {
	sl, tl := c.sourceVocab(srcLang), c.vocab.For(trLang)
	if !sl.Known() || !tl.Known() {
		return vocab.Comparison{}
	}
	return tl.Compare(sl.Read(src), tl.Read(tr))
}

// blank writes spaces over the byte ranges spans of text, keeping every
// other byte where it is.
func blank(text string, spans [][2]int) string {
	if len(spans) == 0 {
		return text
	}
	b := []byte(text)
	for _, sp := range spans {
		for i := max(sp[0], 0); i < min(sp[1], len(b)); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// meaning reports the quantities (units) of the source src that its
// translation tr drops or changes (qc, from quantities) and the negations
// it drops (negation). A negation that a bound of the source says ("do
// not take more than", "not for children under 12") is kept by a
// translation that says the bound ("höchstens", "ab 12 Jahren"). Both
// checks need a vocabulary of each language: they say nothing about
// others.
func (c *Checker) meaning(src, srcLang, tr, trLang string, qc vocab.Comparison) []issue {
	sl, tl := c.sourceVocab(srcLang), c.vocab.For(trLang)
	if !sl.Known() || !tl.Known() {
		return nil
	}
	var out []issue
	for _, m := range qc.Mismatches {
		out = append(out, issue{"units", quantityMessage(src, tr, m)})
	}
	ss, ts := vocab.Sentences(src), vocab.Sentences(tr)
	if len(ss) != len(ts) { // not sentence for sentence: the whole text
		ss, ts = []string{src}, []string{tr}
	}
	// As many sentences with a negation in the translation as in the
	// source: the negations are there, whatever the pairing of sentences
	// (a translation may split or join them).
	if negated(tl, ts) >= negated(sl, ss) && len(ss) > 1 {
		return out
	}
	for i, s := range ss {
		w, neg := sl.Negation(s)
		if !neg {
			continue
		}
		if _, kept := tl.Negation(ts[i]); kept || boundKept(sl, s, tl, ts[i]) {
			continue
		}
		out = append(out, issue{"negation", fmt.Sprintf("the source says %q (%q) and the translation has no negation: %q", w, s, ts[i])})
	}
	return out
}

func quantityMessage(src, tr string, m vocab.Mismatch) string {
	want := src[m.Want.Start:m.Want.End]
	switch m.Why {
	case "conversion":
		return fmt.Sprintf("%q of the source is converted to %q: keep the source's value and unit", want, tr[m.Got.Start:m.Got.End])
	case "rate":
		return fmt.Sprintf("%q of the source (%s) is %q (%s): the rate changed", want, m.Want, tr[m.Got.Start:m.Got.End], m.Got)
	case "unit":
		return fmt.Sprintf("%q of the source is %q: the unit changed (%s, not %s)", want, tr[m.Got.Start:m.Got.End], m.Got.Unit, m.Want.Unit)
	case "added-per":
		return fmt.Sprintf("the translation's amounts are per %s (%q), which the source does not say", m.Got.Unit[1:], tr[m.Got.Start:m.Got.End])
	case "per":
		if m.Got == nil {
			return fmt.Sprintf("the source's amounts are per %s (%q) and the translation names no such time", m.Want.Unit[1:], want)
		}
		return fmt.Sprintf("the source's amounts are per %s (%q) and the translation's per %s (%q): the rate changed", m.Want.Unit[1:], want, m.Got.Unit[1:], tr[m.Got.Start:m.Got.End])
	case "range":
		return fmt.Sprintf("the range %q of the source is %q: keep both ends", want, tr[m.Got.Start:m.Got.End])
	}
	return fmt.Sprintf("%q of the source (%s) has no counterpart with the same value and unit", want, m.Want)
}

// boundKept reports whether every negation of source sentence s is part of
// a term of direction (a bound: "do not exceed", "not more than", "not
// under 12"; "with or without food") that translation sentence t keeps,
// in its class or a near one ("höchstens", "ab 12 Jahren", "unabhängig von
// den Mahlzeiten").
func boundKept(sl *vocab.Lang, s string, tl *vocab.Lang, t string) bool {
	tt := tl.Terms(t)
	kept := func(class string) bool {
		c, _ := tl.Class(class)
		return slices.ContainsFunc(tt, func(x vocab.Term) bool { return x.Class == class || slices.Contains(c.Near, x.Class) })
	}
	var bounds []vocab.Term
	for _, term := range sl.Terms(s) {
		if _, neg := sl.Negation(term.Text); (neg || term.Turned != [2]int{}) && kept(term.Class) {
			bounds = append(bounds, term)
		}
	}
	if len(bounds) == 0 {
		return false
	}
	_, other := sl.Negation(sl.Unsaid(s, bounds))
	return !other
}

// negated counts the sentences with a negation.
func negated(l *vocab.Lang, sentences []string) int {
	n := 0
	for _, s := range sentences {
		if _, ok := l.Negation(s); ok {
			n++
		}
	}
	return n
}
