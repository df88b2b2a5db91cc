package tmindex_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/tm"
	"github.com/lingo-l10n/lingo/internal/tmindex"
)

// lookup looks texts up in lang's index and returns what Lookup gives for
// each: translation, source, or "-" for none.
func lookup(t *testing.T, x *tmindex.Index, lang string, slugs []string, texts ...string) []string {
	t.Helper()
	r := tm.NewRecall(texts)
	order := func(slug string) (int, bool) { return slices.BinarySearch(slugs, slug) }
	if err := x.Recall(lang, r, order); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, text := range texts {
		tr, from, ok := r.Lookup(text)
		if !ok {
			tr, from = "-", "-"
		}
		got = append(got, tr, from)
	}
	return got
}

// TestIndex indexes units, looks texts up (the same, with other white
// space, similar, unrelated), then changes, removes and reopens them, as
// sync does between builds.
func TestIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "tm.db")
	x := tmindex.Open(path)
	if x == nil {
		t.Fatal("Open gave no index")
	}
	wash := "Wash your hands with soap and warm water before every session at the clinic."
	washed := "Wash your hands with soap and hot water before every session at the clinic."
	units := []tmindex.Unit{
		{Slug: "b", Key: "kb", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lavez-vous les mains (b)."}, {J: 3, Source: "Bring your card.", Translation: "Apportez votre carte."}}},
		{Slug: "a", Key: "ka", Pairs: []tmindex.Pair{{J: 2, Source: wash, Translation: "Lavez-vous les mains (a)."}, {J: 4, Source: "No translation.", Translation: ""}}},
		{Slug: "c", Key: "kc", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lávese las manos."}}},
	}
	if err := x.Update("fr", units[:2], nil); err != nil {
		t.Fatal(err)
	}
	if err := x.Update("es", units[2:], nil); err != nil {
		t.Fatal(err)
	}
	slugs := []string{"a", "b", "c"}
	// The earliest unit's translation wins a tie, as when sync offers
	// the memory article by article.
	got := lookup(t, x, "fr", slugs, wash, "Wash your   hands with soap and warm water\nbefore every session at the clinic.", washed, "Something else entirely.", "No translation.")
	want := []string{"Lavez-vous les mains (a).", wash, "Lavez-vous les mains (a).", wash, "Lavez-vous les mains (a).", wash, "-", "-", "-", "-"}
	if !slices.Equal(got, want) {
		t.Errorf("fr:\n got %q\nwant %q", got, want)
	}
	if got := lookup(t, x, "es", slugs, washed); !slices.Equal(got, []string{"Lávese las manos.", wash}) {
		t.Errorf("es: got %q", got)
	}
	// a's translation changes; b is gone; the index is closed and opened.
	if err := x.Update("fr", []tmindex.Unit{{Slug: "a", Key: "ka2", Pairs: []tmindex.Pair{{J: 1, Source: "Bring your card.", Translation: "Votre carte."}}}}, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if x = tmindex.Open(path); x == nil {
		t.Fatal("Open gave no index")
	}
	defer x.Close()
	got = lookup(t, x, "fr", slugs, wash, "Bring your card.")
	if want := []string{"-", "-", "Votre carte.", "Bring your card."}; !slices.Equal(got, want) {
		t.Errorf("fr after the change:\n got %q\nwant %q", got, want)
	}
	// es still has the text fr no longer has
	if got := lookup(t, x, "es", slugs, wash); !slices.Equal(got, []string{"Lávese las manos.", wash}) {
		t.Errorf("es after fr's change: got %q", got)
	}
	// an article the caller says is no more is left out
	if got := lookup(t, x, "es", []string{"a", "b"}, wash); !slices.Equal(got, []string{"-", "-"}) {
		t.Errorf("es without c: got %q", got)
	}
	keys, err := x.Keys("fr")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys["a"] != "ka2" {
		t.Errorf("Keys(fr) = %v, want a: ka2", keys)
	}
	if k, err := x.KeysOf("fr", []string{"a", "b"}); err != nil || !slices.Equal(k, []string{"ka2", ""}) {
		t.Errorf("KeysOf(fr, a, b) = %q, %v", k, err)
	}
}

// TestNil: a nil index (one that could not be opened) indexes and finds
// nothing.
func TestNil(t *testing.T) {
	var x *tmindex.Index
	if err := x.Update("fr", []tmindex.Unit{{Slug: "a", Key: "k"}}, nil); err != nil {
		t.Fatal(err)
	}
	r := tm.NewRecall([]string{"text"})
	if err := x.Recall("fr", r, func(string) (int, bool) { return 0, true }); err != nil {
		t.Fatal(err)
	}
	if _, _, ok := r.Lookup("text"); ok {
		t.Error("a nil index offered a translation")
	}
}
