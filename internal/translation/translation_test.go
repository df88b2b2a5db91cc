package translation_test

import (
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/translation"
)

func TestClassify(t *testing.T) {
	never, always := "Never take this drug with alcohol.", "Always take this drug with food."
	hn, ha := article.Hash(never), article.Hash(always)
	tr, fixed := "Ne prenez jamais ce médicament avec de l'alcool.", "Ne prenez JAMAIS ce médicament avec de l'alcool."
	synced := translation.Record{Source: never, Seen: article.Hash(tr), Hash: hn}
	// What sync writes for a stale entry: the old source, and the new
	// text it showed in the STALE notice.
	markedStale := translation.RecordOf(always, tr, translation.Verdict{State: translation.Stale, Old: never, Hash: hn})
	for _, tc := range []struct {
		name   string
		source string
		e      translation.Entry
		rec    translation.Record
		accept bool
		want   translation.State
	}{
		{"missing", never, translation.Entry{Hash: hn}, translation.Record{}, false, translation.Missing},
		{"current", never, translation.Entry{Text: tr, Hash: hn}, synced, false, translation.Current},
		{"no hash: made for today's source", never, translation.Entry{Text: tr}, translation.Record{}, false, translation.Current},
		{"source changed", always, translation.Entry{Text: tr, Hash: hn}, synced, false, translation.Stale},
		{"source changed, accepted", always, translation.Entry{Text: tr, Hash: hn}, synced, true, translation.Current},
		// The typo fixed while the source changed: the edit was made
		// against "Never", which the entry still showed.
		{"edited while the source changed", always, translation.Entry{Text: fixed, Hash: hn}, synced, false, translation.Stale},
		{"edited while the source changed, no state", always, translation.Entry{Text: fixed, Hash: hn}, translation.Record{}, false, translation.Stale},
		// The stale entry edited after sync showed the new text.
		{"stale entry edited", always, translation.Entry{Text: fixed, Hash: hn}, markedStale, false, translation.Current},
		{"stale entry not edited", always, translation.Entry{Text: tr, Hash: hn}, markedStale, false, translation.Stale},
		{"stale entry edited, source changed again", "Sometimes.", translation.Entry{Text: fixed, Hash: hn}, markedStale, false, translation.Stale},
		{"killed between state and catalog", always, translation.Entry{Text: tr, Hash: hn},
			translation.Record{Source: always, Seen: article.Hash(tr), Hash: ha}, false, translation.Current},
	} {
		v := translation.Classify(tc.source, tc.e, tc.rec, tc.accept)
		if v.State != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, v.State, tc.want)
		}
		if v.State == translation.Stale && v.Hash != tc.e.Hash {
			t.Errorf("%s: a stale entry keeps its hash %s, got %s", tc.name, tc.e.Hash, v.Hash)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		want        float64
	}{
		{0, 0, 100}, {0, 5, 0}, {11, 14, 78.5}, {2, 3, 66.6}, {9999, 10000, 99.9}, {19999, 20000, 99.9}, {7, 7, 100},
	} {
		if got := translation.Percent(tc.done, tc.total); got != tc.want {
			t.Errorf("Percent(%d, %d) = %v, want %v", tc.done, tc.total, got, tc.want)
		}
	}
}

func TestDecide(t *testing.T) {
	cur, stale, missing := translation.Current, translation.Stale, translation.Missing
	msgs := []translation.Message{{State: cur}, {State: cur, Errors: 1}, {State: stale}, {State: missing}, {State: cur}}
	pg := translation.Decide(msgs, translation.Policy{MinComplete: 40})
	if want := []bool{true, false, false, false, true}; !slices.Equal(pg.Published, want) {
		t.Errorf("published %v, want %v", pg.Published, want)
	}
	if pg.Own != 2 || pg.Total != 5 || pg.Stale != 1 || pg.Percent != 40 || !pg.Translated {
		t.Errorf("%+v", pg)
	}
	if pg := translation.Decide(msgs, translation.Policy{MinComplete: 40.1}); pg.Translated {
		t.Errorf("40%% published a page that needs 40.1%%")
	}
	if pg := translation.Decide(msgs, translation.Policy{MinComplete: 80, PublishStale: true}); !pg.Published[2] || pg.Own != 3 {
		t.Errorf("stale = translation: %+v", pg)
	}
	if pg := translation.Decide(nil, translation.Policy{MinComplete: 100}); !pg.Translated || pg.Percent != 100 {
		t.Errorf("an article with no messages: %+v", pg)
	}
}
