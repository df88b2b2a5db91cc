package translation_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/translation"
)

// A machine draft is Machine until a person edits or reviews it, and
// Decide never publishes it, whatever the policy.
func TestMachineDraft(t *testing.T) {
	src, newer := "Take 5 mg before meals.", "Take 10 mg before meals."
	draft := "Toma 5 mg antes de comidas."
	h := article.Hash(src)
	drafted := translation.Record{Source: src, Seen: article.Hash(draft), Hash: h,
		Machine: &translation.Draft{Engine: "apertium", Version: "eng-spa 0.8.1-2", Text: draft}}
	reviewed := drafted
	reviewed.Review = &translation.Review{By: "Dr. Ruiz", Source: src, Translation: draft}
	for _, tc := range []struct {
		name   string
		source string
		e      translation.Entry
		rec    translation.Record
		accept bool
		want   translation.State
		old    string
	}{
		{"untouched draft", src, translation.Entry{Text: draft, Hash: h}, drafted, false, translation.Machine, ""},
		{"accept does not take a draft", src, translation.Entry{Text: draft, Hash: h}, drafted, true, translation.Machine, ""},
		{"edited by a person", src, translation.Entry{Text: "Tome 5 mg antes de las comidas.", Hash: h}, drafted, false, translation.Current, ""},
		{"reviewed as it is", src, translation.Entry{Text: draft, Hash: h}, reviewed, false, translation.Current, ""},
		{"review of another source text", newer, translation.Entry{Text: draft, Hash: h}, reviewed, false, translation.Machine, src},
		{"source changed under the draft", newer, translation.Entry{Text: draft, Hash: h}, drafted, false, translation.Machine, src},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := translation.Classify(tc.source, tc.e, tc.rec, tc.accept)
			if v.State != tc.want || v.Old != tc.old {
				t.Errorf("Classify = %v (old %q), want %v (old %q)", v.State, v.Old, tc.want, tc.old)
			}
		})
	}
	msgs := []translation.Message{{State: translation.Machine}, {State: translation.Machine, Reviewed: true}, {State: translation.Current}}
	for _, pol := range []translation.Policy{{}, {PublishStale: true}, {RequireReview: true}} {
		pg := translation.Decide(msgs, pol)
		if pg.Published[0] || pg.Published[1] || pg.Machine != 2 || !pg.Translated {
			t.Errorf("Decide(%+v) = %+v: a machine draft is never published", pol, pg)
		}
	}
	if pg := translation.Decide(msgs, translation.Policy{MinComplete: 50}); pg.Translated || pg.Own != 1 {
		t.Errorf("drafts count toward min_complete: %+v", pg)
	}
}
