// Package worddiff compares texts word by word, for translators: how similar
// two source texts are (translation memory, aligning an edited paragraph
// with its old self) and what changed between them (lingo diff). It wraps
// go-difflib's SequenceMatcher over words.
package worddiff

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// Words splits text into words and the white space between them is
// dropped: "a  b\nc" gives ["a" "b" "c"].
func Words(text string) []string { return strings.Fields(text) }

// Ratio is the similarity of a and b from 0 (nothing shared) to 1 (the same
// words): twice the matched words over the words of both.
func Ratio(a, b string) float64 {
	wa, wb := Words(a), Words(b)
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	m := difflib.NewMatcher(wa, wb)
	if m.RealQuickRatio() == 0 {
		return 0
	}
	return m.Ratio()
}

// MayReach reports cheaply whether Ratio(a, b) can reach min: the word
// counts alone bound it.
func MayReach(a, b string, min float64) bool {
	na, nb := len(Words(a)), len(Words(b))
	if na+nb == 0 {
		return true
	}
	return 2*float64(minInt(na, nb))/float64(na+nb) >= min
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// Op is one step of a word diff: Kind is '=' (kept), '-' (removed from the
// old text) or '+' (added in the new one).
type Op struct {
	Kind  byte
	Words string
}

// Diff returns the steps that turn old into new, word by word.
func Diff(old, new string) []Op {
	wa, wb := Words(old), Words(new)
	var ops []Op
	for _, oc := range difflib.NewMatcher(wa, wb).GetOpCodes() {
		a, b := strings.Join(wa[oc.I1:oc.I2], " "), strings.Join(wb[oc.J1:oc.J2], " ")
		switch oc.Tag {
		case 'e':
			ops = append(ops, Op{'=', a})
		case 'd':
			ops = append(ops, Op{'-', a})
		case 'i':
			ops = append(ops, Op{'+', b})
		case 'r':
			ops = append(ops, Op{'-', a}, Op{'+', b})
		}
	}
	return ops
}

// Plain writes a diff as text: [-removed-] and {+added+}, as git's
// --word-diff=plain does.
func Plain(ops []Op) string {
	return format(ops, "[-", "-]", "{+", "+}")
}

// Color writes a diff with ANSI colours: red for removed, green for added.
func Color(ops []Op) string {
	return format(ops, "\x1b[31m[-", "-]\x1b[0m", "\x1b[32m{+", "+}\x1b[0m")
}

func format(ops []Op, delOpen, delClose, insOpen, insClose string) string {
	parts := make([]string, 0, len(ops))
	for _, op := range ops {
		switch op.Kind {
		case '-':
			parts = append(parts, delOpen+op.Words+delClose)
		case '+':
			parts = append(parts, insOpen+op.Words+insClose)
		default:
			parts = append(parts, op.Words)
		}
	}
	return strings.Join(parts, " ")
}
