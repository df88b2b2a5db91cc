package worddiff_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/worddiff"
)

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"the same words", "the  same\nwords", 1, 1},
		{"peak at 2-3 days", "peak at 3-4 days", 0.7, 0.8},
		{"one two three", "four five six", 0, 0},
	}
	for _, tt := range tests {
		if r := worddiff.Ratio(tt.a, tt.b); r < tt.min || r > tt.max {
			t.Errorf("Ratio(%q, %q) = %.2f, want %.2f..%.2f", tt.a, tt.b, r, tt.min, tt.max)
		}
		if !worddiff.MayReach(tt.a, tt.b, worddiff.Ratio(tt.a, tt.b)) {
			t.Errorf("MayReach(%q, %q) is false below the real ratio", tt.a, tt.b)
		}
	}
}

func TestDiff(t *testing.T) {
	got := worddiff.Plain(worddiff.Diff("with peak at 2-3 days", "with a peak at 3-4 days"))
	want := "with {+a+} peak at [-2-3-] {+3-4+} days"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
