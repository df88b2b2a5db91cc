package translation_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/translation"
)

func TestWaivers(t *testing.T) {
	neg := translation.Waiver{Check: "negation", By: "Dr A", Source: "Never drive.", Translation: "Conduisez."}
	same := translation.Waiver{Check: "untranslated", By: "Ana", Source: "Dose", Translation: "Dose"}
	for _, c := range []struct {
		name         string
		ws           []translation.Waiver
		source, text string
		want         []string // checks of the waivers that hold
	}{
		{"both hold", []translation.Waiver{neg, same}, "Never drive.", "Conduisez.", []string{"negation"}},
		{"the translation changed", []translation.Waiver{neg}, "Never drive.", "Conduisez !", nil},
		{"the source changed", []translation.Waiver{neg}, "Never drive again.", "Conduisez.", nil},
		{"white space", []translation.Waiver{neg}, "Never drive.", "Conduisez. ", nil},
		{"a cognate", []translation.Waiver{neg, same}, "Dose", "Dose", []string{"untranslated"}},
		{"none", nil, "Dose", "Dose", nil},
	} {
		got := translation.Holding(c.ws, c.source, c.text, nil)
		var checks []string
		for _, w := range got {
			checks = append(checks, w.Check)
		}
		if len(checks) != len(c.want) || len(checks) > 0 && checks[0] != c.want[0] {
			t.Errorf("%s: Holding = %v, want %v", c.name, checks, c.want)
		}
	}
	ws := translation.WithWaiver([]translation.Waiver{neg, same}, translation.Waiver{Check: "negation", By: "Dr B"})
	if len(ws) != 2 || translation.Waived(ws, "negation").By != "Dr B" || translation.Waived(ws, "untranslated") == nil {
		t.Errorf("WithWaiver replaces the waiver of its check and keeps the others: %+v", ws)
	}
	if translation.Waived(ws, "numbers") != nil {
		t.Error("Waived found a waiver of a check no one waived")
	}
}
