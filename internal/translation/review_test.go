package translation_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/translation"
)

func TestReviewCovers(t *testing.T) {
	r := &translation.Review{By: "Dr. A", Source: "Take 5 mg.", Translation: "Prenez 5 mg."}
	for _, c := range []struct {
		source, text string
		plural       map[string]string
		want         bool
	}{
		{"Take 5 mg.", "Prenez 5 mg.", nil, true},
		{"Take 5 mg.", "Prenez 5 mg.", map[string]string{}, true},
		{"Take 6 mg.", "Prenez 5 mg.", nil, false},  // the source changed
		{"Take 5 mg.", "Prenez 6 mg.", nil, false},  // the translation changed
		{"Take 5 mg.", "Prenez  5 mg.", nil, false}, // even white space
		{"Take 5 mg.", "Prenez 5 mg.", map[string]string{"one": "x"}, false},
	} {
		if got := r.Covers(c.source, c.text, c.plural); got != c.want {
			t.Errorf("Covers(%q, %q, %v) = %v, want %v", c.source, c.text, c.plural, got, c.want)
		}
	}
	if (*translation.Review)(nil).Covers("", "", nil) {
		t.Error("no review covers nothing")
	}
}

func TestDecideRequireReview(t *testing.T) {
	msgs := []translation.Message{
		{State: translation.Current, Reviewed: true},
		{State: translation.Current},
		{State: translation.Current, Errors: 1},
		{State: translation.Stale},
		{State: translation.Missing},
	}
	pg := translation.Decide(msgs, translation.Policy{MinComplete: 20, RequireReview: true, PublishStale: true})
	if want := []bool{true, false, false, false, false}; !equal(pg.Published, want) {
		t.Errorf("published %v, want %v", pg.Published, want)
	}
	if pg.Own != 1 || pg.Unreviewed != 1 || pg.Percent != 20 || !pg.Translated {
		t.Errorf("page %+v: want 1 own, 1 unreviewed, 20%%, translated", pg)
	}
	if pg := translation.Decide(msgs, translation.Policy{MinComplete: 20}); pg.Own != 2 || pg.Unreviewed != 0 {
		t.Errorf("without require_review: %+v, want 2 own", pg)
	}
}

func equal(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
