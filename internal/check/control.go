package check

import (
	"fmt"
	"strings"

	"github.com/lingo-l10n/lingo/internal/htmlpage"
)

// controlChar finds a C0 or C1 control character other than tab, line
// feed and the carriage return of a CRLF (NUL, ESC, DEL, ...) in s.
func controlChar(s string) (rune, bool) {
	for i, r := range s {
		if r == '\r' && strings.HasPrefix(s[i+1:], "\n") {
			continue
		}
		if r != '\t' && r != '\n' && (r < 0x20 || r >= 0x7f && r <= 0x9f) {
			return r, true
		}
	}
	return 0, false
}

// bidiNames are the bidi controls and marks by code point: the embedding,
// override and isolate controls and their terminators, which reorder the
// text they enclose, and the marks, which reorder the characters around
// them.
var bidiNames = map[rune]string{
	'\u202A': "left-to-right embedding", '\u202B': "right-to-left embedding",
	'\u202C': "pop directional formatting",
	'\u202D': "left-to-right override", '\u202E': "right-to-left override",
	'\u2066': "left-to-right isolate", '\u2067': "right-to-left isolate",
	'\u2068': "first strong isolate", '\u2069': "pop directional isolate",
	'\u200E': "left-to-right mark", '\u200F': "right-to-left mark", '\u061C': "Arabic letter mark",
}

// isBidi reports a character of bidiNames, without a map lookup for the
// others.
func isBidi(r rune) bool {
	return r == '\u061C' || r == '\u200E' || r == '\u200F' || r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}

// isBidiMark reports the marks LRM, RLM and ALM.
func isBidiMark(r rune) bool { return r == '\u200E' || r == '\u200F' || r == '\u061C' }

// bidiRun is one bidi control or mark of a text and where it acts.
type bidiRun struct {
	r rune
	// place is what decides its effect: for an embedding, override or
	// isolate, the text from it to its terminator (PDF, PDI) included, or
	// to the end of the text; for a mark or a terminator that closes
	// nothing, the character alone.
	place string
	inner string // the text an embedding, override or isolate encloses
}

// bidiOpen is an embedding, override or isolate not closed yet.
type bidiOpen struct {
	run     int // its index among the runs
	at      int // its byte offset
	isolate bool
}

// bidiRuns lists the bidi controls and marks of s in order, pairing each
// embedding, override and isolate with its terminator as the Unicode bidi
// algorithm does (UAX #9, X6a and X7): a PDI closes the last isolate still
// open and every embedding opened inside it, a PDF the last embedding or
// override unless an isolate was opened after it; the end of s closes
// everything.
func bidiRuns(s string) []bidiRun {
	var out []bidiRun
	var stack []bidiOpen
	// closeRun ends the run of o: its text runs to end, what it encloses
	// to inner.
	closeRun := func(o bidiOpen, inner, end int) {
		out[o.run].place = s[o.at:end]
		out[o.run].inner = s[o.at+len(string(out[o.run].r)) : inner]
	}
	isolateOpen := func() bool {
		for _, o := range stack {
			if o.isolate {
				return true
			}
		}
		return false
	}
	for i, r := range s {
		if !isBidi(r) {
			continue
		}
		end := i + len(string(r))
		switch {
		case r >= '\u202A' && r <= '\u202E' && r != '\u202C', r >= '\u2066' && r <= '\u2068':
			stack = append(stack, bidiOpen{run: len(out), at: i, isolate: r >= '\u2066'})
			out = append(out, bidiRun{r: r})
		case r == '\u202C' && len(stack) > 0 && !stack[len(stack)-1].isolate:
			closeRun(stack[len(stack)-1], i, end)
			stack = stack[:len(stack)-1]
		case r == '\u2069' && isolateOpen():
			for {
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.isolate {
					closeRun(o, i, end)
					break
				}
				closeRun(o, i, i) // an embedding inside the isolate ends at its PDI
			}
		default: // a mark, or a terminator that closes nothing
			out = append(out, bidiRun{r: r, place: string(r)})
		}
	}
	for _, o := range stack {
		closeRun(o, len(s), len(s))
	}
	return out
}

// bidiAdded returns the first bidi control or mark of the translation tr
// in lang that the source src does not have at the same place: an
// embedding, override or isolate that does not enclose the same text as
// one of the source's, a terminator that closes nothing where the source
// has none, a mark beyond the source's number of that mark. In a
// right-to-left language the marks are the translator's: they place
// punctuation, digits and Latin runs in right-to-left text.
func bidiAdded(src, tr, lang string) (bidiRun, bool) {
	have := make(map[string]int)
	for _, r := range bidiRuns(src) {
		have[r.place]++
	}
	rtl := htmlpage.Dir(lang) == "rtl"
	for _, r := range bidiRuns(tr) {
		if rtl && isBidiMark(r.r) {
			continue
		}
		if have[r.place] == 0 {
			return r, true
		}
		have[r.place]--
	}
	return bidiRun{}, false
}

// bidiMessage says what is wrong with the bidi control or mark r.
func bidiMessage(r bidiRun) string {
	name := bidiNames[r.r]
	switch {
	case isBidiMark(r.r):
		return fmt.Sprintf("bidi mark U+%04X (%s) that the source does not have: delete it "+
			"(it reorders the text around it; marks are kept only in a right-to-left language)", r.r, name)
	case r.place == string(r.r):
		return fmt.Sprintf("bidi control U+%04X (%s) that the source does not have: delete it", r.r, name)
	}
	return fmt.Sprintf("bidi control U+%04X (%s) that the source does not have around %q: delete it "+
		"(it reorders the text the reader sees)", r.r, name, r.inner)
}

// Hidden reports whether translation tr of source src in lang holds
// what a reader cannot see but that changes what they read: a control
// character, or a bidi control or mark the source does not have at the
// same place (Chromium shows "Maximal \u202E12\u202C" as "Maximal 21").
// The gate never publishes such a translation, whatever severity
// lingo.toml gives the control check.
func Hidden(src, tr, lang string) bool {
	if _, ok := controlChar(tr); ok {
		return true
	}
	_, ok := bidiAdded(src, tr, lang)
	return ok
}
