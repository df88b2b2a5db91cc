package vocab

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// Class is a class of meaning a translation must keep (checks direction
// and route): "before", "max", "oral". common.toml defines each class;
// <lang>.toml lists its words ([terms]).
type Class struct {
	// Check is the check that judges the class: "direction" or "route".
	Check string `toml:"check"`
	// Opposite are the classes that say the contrary ("after" for
	// "before"; every other route for a route).
	Opposite []string `toml:"opposite"`
	// Near are the classes whose words may stand for this one in a
	// translation ("at most" for "do not take more than").
	Near []string `toml:"near"`
	// Negated is the class the words of this one fall in after a negation
	// earlier in the text: "do not take more than" is at most (max).
	Negated string `toml:"negated"`
}

// Term is a word of a class found in a text.
type Term struct {
	Class string
	Text  string // as the text writes it
	// Start and End are its byte offsets in the text.
	Start, End int
	// Turned is the negation that put the word in its class ("not" of
	// "do not take more than"), [0 0] when none did.
	Turned [2]int
	// Pair is the other class of a spelling of two ("with or without
	// food"): a translation that says only Pair turns the meaning.
	Pair string
	// Raw is the word's class before a negation turned it, or without
	// the negation it spells: "more" for "more than" in "do not take more
	// than" and for "not more than" (both max).
	Raw string
}

// Terms returns the words of l's classes in text, in text order, the
// longest where two start at one place ("not more than" before "more
// than"). A spelling matches whole words, without regard to case, except
// an abbreviation in capitals ("IM", "IV"), matched as written; "*" at the
// end of a spelling stands for the rest of a word ("intraven*"), "#" for a
// number ("under #"). A spelling listed under "a+b" is a word of both
// classes ("with or without food"). A word of a class with a negated class falls in
// that class after a negation ("do not take more than"), or before one in a
// language that negates after (negation_after: "を超えて服用しない").
func (l *Lang) Terms(text string) []Term {
	if l.memo != nil {
		return l.memo.terms.Get(text, func() []Term { return l.readTerms(text) })
	}
	return l.readTerms(text)
}

func (l *Lang) readTerms(text string) []Term {
	var out []Term
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		for _, t := range candidates(&l.terms, text, i, r) {
			if end, ok := matchTerm(text, i, t.text); ok {
				classes := strings.Split(t.unit, "+")
				for k, class := range classes {
					term := Term{Class: class, Raw: class, Text: text[i:end], Start: i, End: end}
					if len(classes) == 2 {
						term.Pair = classes[1-k]
					}
					out = append(out, term)
				}
				size = end - i
				break
			}
		}
		i += size
	}
	for i, t := range out {
		if len(l.negations(t.Text)) > 0 { // "not more than" is more, negated
			for name, c := range l.classes {
				if c.Negated == t.Class {
					out[i].Raw = name
				}
			}
		}
		c := l.classes[t.Class]
		if c.Negated == "" {
			continue
		}
		if ns := l.negations(text[:t.Start]); len(ns) > 0 && !l.negAfter {
			out[i].Class = c.Negated
			out[i].Turned = [2]int{ns[len(ns)-1].start, ns[len(ns)-1].end}
		} else if ns := l.negations(text[t.End:]); len(ns) > 0 && l.negAfter {
			out[i].Class = c.Negated
			out[i].Turned = [2]int{t.End + ns[0].start, t.End + ns[0].end}
		}
	}
	return out
}

// Class returns the definition of class name, and whether there is one.
func (l *Lang) Class(name string) (Class, bool) {
	c, ok := l.classes[name]
	return c, ok
}

// Contrary is a class of the source a translation does not keep.
type Contrary struct {
	Check string
	Want  Term  // in the source
	Got   *Term // the translation's word of the opposite class, if any
}

// Contrary compares the terms of a source with those of its translation
// in l: each class of the source must be in the translation (itself or a
// near class), and not replaced by an opposite class the source does not
// have ("before or after meals" may say both) or by the other half of a
// spelling of both ("with or without food" is not "on an empty stomach"). A translation that keeps
// the class and adds its opposite ("augmentation... et réduire" for
// "increased... and less") is not reported. A class is reported once; a
// class l has no words of its own for (only the common abbreviations) is
// not judged.
func (l *Lang) Contrary(src, tr []Term) []Contrary {
	has := func(ts []Term, class string) *Term {
		for i := range ts {
			if ts[i].Class == class {
				return &ts[i]
			}
		}
		return nil
	}
	var out []Contrary
	seen := map[string]bool{}
	for _, w := range src {
		c, ok := l.classes[w.Class]
		if !ok || seen[w.Class] || !l.ownTerms[w.Class] {
			continue
		}
		seen[w.Class] = true
		kept := has(tr, w.Class) != nil
		for _, n := range c.Near {
			kept = kept || has(tr, n) != nil
		}
		if kept {
			continue
		}
		var got *Term
		for _, o := range c.Opposite {
			if g := has(tr, o); g != nil && (has(src, o) == nil || w.Pair == o) {
				got = g
				break
			}
		}
		out = append(out, Contrary{Check: c.Check, Want: w, Got: got})
	}
	return out
}

// validateClasses checks that every class a file names is defined, with a
// known check, once all files are read.
func (v *Vocabulary) validateClasses() error {
	defined := map[string]bool{}
	for _, fs := range v.files {
		for _, f := range fs {
			for name := range f.Classes {
				defined[name] = true
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(v.files)) {
		for i, f := range v.files[key] {
			at := func(format string, a ...any) error {
				return &diag.Error{Path: v.paths[key][i], Msg: fmt.Sprintf(format, a...)}
			}
			for _, name := range slices.Sorted(maps.Keys(f.Terms)) {
				for _, class := range strings.Split(name, "+") {
					if !defined[class] {
						return at("terms: class %q is not defined (a [class.%s] table of common.toml)", class, class)
					}
				}
				for _, s := range f.Terms[name] {
					if strings.Trim(s, "*# ") == "" {
						return at("terms: %q: a spelling needs a letter", s)
					}
				}
			}
			for _, name := range slices.Sorted(maps.Keys(f.Classes)) {
				c := f.Classes[name]
				if c.Check != "direction" && c.Check != "route" {
					return at("class %q: check is %q, want direction or route", name, c.Check)
				}
				names := append(slices.Clone(c.Opposite), c.Near...)
				if c.Negated != "" {
					names = append(names, c.Negated)
				}
				for _, o := range names {
					if !defined[o] {
						return at("class %q names class %q, which is not defined", name, o)
					}
				}
			}
		}
	}
	return nil
}

// matchTerm matches spelling tok at text[i], as Terms describes, and
// returns the offset past it.
func matchTerm(text string, i int, tok string) (int, bool) {
	first, _ := utf8.DecodeRuneInString(tok)
	if first != '#' && !boundaryBefore(text, i, tok) {
		return 0, false
	}
	exact := isAbbreviation(tok)
	j := i
	rest := tok
	for rest != "" {
		want, wsize := utf8.DecodeRuneInString(rest)
		rest = rest[wsize:]
		switch {
		case want == '*' && rest == "":
			for j < len(text) {
				r, size := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					break
				}
				j += size
			}
			return j, true
		case want == '#':
			k := j
			for k < len(text) {
				r, size := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsDigit(r) && !(k > j && (r == '.' || r == ',') && k+size < len(text) && unicode.IsDigit(firstRune(text[k+size:]))) {
					break
				}
				k += size
			}
			if k == j {
				return 0, false
			}
			j = k
			continue
		}
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
		if exact {
			if r != want {
				return 0, false
			}
		} else if r != want && foldKey(r) != foldKey(want) {
			return 0, false
		}
		j += size
	}
	return ended(text, tok, j)
}

// isAbbreviation reports a spelling of two or more capitals and no small
// letter ("IM", "SC", "I.V."), matched as written: "im" is a German word.
func isAbbreviation(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// Unsaid returns text with every negation that a bound says (max or min:
// "not" of "do not take more than", "ne pas dépasser") written over with
// spaces: what remains are the negations the bounds do not account for.
func (l *Lang) Unsaid(text string, bounds []Term) string {
	b := []byte(text)
	clear := func(from, to int) {
		for i := max(from, 0); i < min(to, len(b)); i++ {
			b[i] = ' '
		}
	}
	for _, t := range bounds {
		clear(t.Start, t.End)
		clear(t.Turned[0], t.Turned[1])
	}
	return string(b)
}
