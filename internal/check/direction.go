package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/vocab"
)

// direction finds the words of direction, comparison and route of the
// source src (before, above, at least, increase, with food; oral,
// intravenous...) whose meaning its translation tr turns: a word of the
// opposite class (direction) or of another route (route) that the source
// does not have; a route the translation drops (route); a class of
// direction or comparison it drops (direction-missing, a warning: free
// prose says "accroître" for "increase", "one or more" in other words).
// Sentences are paired one to one when source and translation have as
// many, otherwise the whole texts are compared and nothing is reported
// as dropped, nor about a class dropped from long prose without a
// quantity, route or food (instruction). It says nothing about a class the translation's language
// has no words for. A translation that is its source unchanged is left to
// the untranslated check.
func (c *Checker) direction(src, srcLang, tr, trLang string) []issue {
	sl, tl := c.sourceVocab(srcLang), c.vocab.For(trLang)
	if !sl.Known() || !tl.Known() || article.SameText(src, tr) {
		return nil
	}
	ss, ts := vocab.Sentences(src), vocab.Sentences(tr)
	paired := len(ss) == len(ts)
	type termsOf struct {
		text  string
		terms []vocab.Term
	}
	// Each sentence's terms are read in that sentence: a negation in one
	// does not turn "more" into "at most" in the next.
	read := func(l *vocab.Lang, sentences []string) []termsOf {
		var out []termsOf
		for _, s := range sentences {
			out = append(out, termsOf{s, l.Terms(s)})
		}
		return out
	}
	srcTerms, trTerms := read(sl, ss), read(tl, ts)
	if !paired { // the whole texts, as one
		merge := func(all []termsOf, text string) []termsOf {
			var m termsOf
			m.text = text
			for _, s := range all {
				for _, t := range s.terms {
					m.terms = append(m.terms, vocab.Term{Class: t.Class, Text: t.Text})
				}
			}
			return []termsOf{m}
		}
		srcTerms, trTerms = merge(srcTerms, src), merge(trTerms, tr)
	}
	var out []issue
	for i, s := range srcTerms {
		if len(s.terms) == 0 {
			continue
		}
		for _, m := range contrary(sl, tl, s.text, s.terms, trTerms[i].text, trTerms[i].terms) {
			t := trTerms[i].text
			switch {
			case m.Got != nil && m.Check == "route":
				out = append(out, issue{"route", fmt.Sprintf("the source says %q (%s) and the translation says %q (%s), another route: %q", m.Want.Text, m.Want.Class, m.Got.Text, m.Got.Class, t)})
			case m.Got != nil:
				out = append(out, issue{"direction", fmt.Sprintf("the source says %q (%s) and the translation says %q (%s), the opposite: %q", m.Want.Text, m.Want.Class, m.Got.Text, m.Got.Class, t)})
			case !paired:
			case m.Check == "route":
				out = append(out, issue{"route", fmt.Sprintf("the source says %q (%s) and the translation has no word of that route: %q", m.Want.Text, m.Want.Class, t)})
			case !instruction(sl, s.text, s.terms):
			default:
				out = append(out, issue{"direction-missing", fmt.Sprintf("the source says %q (%s) and the translation has no word of that class: %q", m.Want.Text, m.Want.Class, t)})
			}
		}
	}
	return out
}

// contrary is tl.Contrary of the terms of source sentence s and
// translation sentence t. Where both sentences negate, the negation is
// kept and each may negate something else than a comparison ("Not
// recommended for patients over 75 years", "Für Patienten über 75 Jahre
// nicht empfohlen"): the comparisons are compared as written, a bound
// that spells a negation as the comparison it negates ("nicht mehr als"
// as "mehr als").
func contrary(sl, tl *vocab.Lang, s string, st []vocab.Term, t string, tt []vocab.Term) []vocab.Contrary {
	_, sneg := sl.Negation(s)
	_, tneg := tl.Negation(t)
	if !sneg || !tneg {
		return tl.Contrary(st, tt)
	}
	raw := func(ts []vocab.Term) []vocab.Term {
		out := slices.Clone(ts)
		for i := range out {
			out[i].Class = out[i].Raw
		}
		return out
	}
	return tl.Contrary(raw(st), raw(tt))
}

// maxInstructionWords is the longest sentence without a quantity, a route
// or food that direction-missing reads as an instruction: longer prose
// ("Before containers, each app was deployed...") says direction in too
// many ways for a missing word to mean anything.
const maxInstructionWords = 15

// instruction reports whether source sentence s, with its terms, reads as
// an instruction: it has a quantity, a route or a word of food, or it is
// short.
func instruction(sl *vocab.Lang, s string, terms []vocab.Term) bool {
	if len(sl.Quantities(s)) > 0 || len(strings.Fields(s)) <= maxInstructionWords {
		return true
	}
	return slices.ContainsFunc(terms, func(t vocab.Term) bool {
		c, _ := sl.Class(t.Class)
		return c.Check == "route" || strings.Contains(t.Class, "food")
	})
}
