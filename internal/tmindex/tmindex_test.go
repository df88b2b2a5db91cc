package tmindex_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

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
	// fr has a under ka2: of "0", "a", "b", under "k0", "ka2", "kb",
	// "0" and "b" are not indexed; under an older key, a is stale too
	stale, gone, err := x.Compare("fr", []string{"0", "a", "b"}, []string{"k0", "ka2", "kb"})
	if err != nil || !slices.Equal(stale, []int{0, 2}) || len(gone) != 0 {
		t.Errorf("Compare(fr, 0 a b) = %v, %q, %v; want [0 2], none", stale, gone, err)
	}
	if stale, _, _ := x.Compare("fr", []string{"a"}, []string{"ka1"}); !slices.Equal(stale, []int{0}) {
		t.Errorf("Compare(fr, a under ka1) = %v, want [0]", stale)
	}
	if stale, gone, _ := x.Compare("fr", []string{"b"}, []string{"kb"}); !slices.Equal(stale, []int{0}) || !slices.Equal(gone, []string{"a"}) {
		t.Errorf("Compare(fr, b) = %v, %q; want [0], a gone", stale, gone)
	}
	if k, err := x.KeysOf("fr", []string{"a", "b"}); err != nil || !slices.Equal(k, []string{"ka2", ""}) {
		t.Errorf("KeysOf(fr, a, b) = %q, %v", k, err)
	}
}

// memoryOf is n units of m translations each, made from sentences of 8
// to 27 words, each word drawn by word.
func memoryOf(rnd *rand.Rand, word func() string, n, m int) []tmindex.Unit {
	units := make([]tmindex.Unit, n)
	for u := range units {
		units[u] = tmindex.Unit{Slug: fmt.Sprintf("a%03d", u), Key: "k"}
		for j := range m {
			w := make([]string, 8+rnd.IntN(20))
			for i := range w {
				w[i] = word()
			}
			units[u].Pairs = append(units[u].Pairs, tmindex.Pair{J: j, Source: strings.Join(w, " ") + ".", Translation: fmt.Sprintf("t%d-%d", u, j)})
		}
	}
	return units
}

// TestRecallAsOfferingAll looks up many edited sentences at once, as a
// first sync's window does, in a memory of sentences drawn from a hundred
// words, where the index finds thousands of sources and reads them on
// every core: each lookup gives what offering every translation of the
// memory gives.
func TestRecallAsOfferingAll(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 30))
	units := memoryOf(rnd, func() string { return fmt.Sprintf("w%d", min(rnd.IntN(100), rnd.IntN(100))) }, 20, 100)
	x := tmindex.Open(filepath.Join(t.TempDir(), "tm.db"))
	defer x.Close()
	if err := x.Update("fr", units, nil); err != nil {
		t.Fatal(err)
	}
	slugs := make([]string, len(units))
	var texts []string
	for u, unit := range units {
		slugs[u] = unit.Slug
		for _, p := range unit.Pairs[:15] {
			texts = append(texts, strings.TrimSuffix(p.Source, ".")+" indeed.")
		}
	}
	all := tm.NewRecall(texts)
	for u, unit := range units {
		for _, p := range unit.Pairs {
			all.Offer(uint64(u)<<32|uint64(p.J), p.Source, p.Translation)
		}
	}
	got := lookup(t, x, "fr", slugs, texts...)
	found := 0
	for i, text := range texts {
		tr, from, ok := all.Lookup(text)
		if !ok {
			tr, from = "-", "-"
		} else {
			found++
		}
		if got[2*i] != tr || got[2*i+1] != from {
			t.Errorf("%q: from the index %q (%q), offering all %q (%q)", text, got[2*i], got[2*i+1], tr, from)
		}
	}
	if found < len(texts)/2 {
		t.Errorf("%d of %d texts found a translation: the test needs more", found, len(texts))
	}
}

// TestUpdateLangs: indexing every language's units in one transaction
// leaves the index as indexing them a language at a time does, where the
// languages share texts (held and let go of by each).
func TestUpdateLangs(t *testing.T) {
	dir := t.TempDir()
	each, one := tmindex.Open(filepath.Join(dir, "each.db")), tmindex.Open(filepath.Join(dir, "one.db"))
	if each == nil || one == nil {
		t.Fatal("Open gave no index")
	}
	defer each.Close()
	defer one.Close()
	wash := "Wash your hands with soap and warm water before every session at the clinic."
	washed := "Wash your hands with soap and hot water before every session at the clinic."
	card := "Bring your card to every appointment."
	slugs := []string{"a", "b", "c"}
	texts := []string{wash, washed, card, "Something else entirely."}
	for step, units := range []map[string][]tmindex.Unit{
		{
			"fr": {{Slug: "a", Key: "ka", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lavez-vous (a)."}, {J: 1, Source: card, Translation: "Votre carte."}}},
				{Slug: "b", Key: "kb", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lavez-vous (b)."}}}},
			"es": {{Slug: "c", Key: "kc", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lávese."}, {J: 2, Source: card, Translation: "Su tarjeta."}}}},
		},
		{ // fr's a lets go of wash, es's c of wash and card: b alone holds wash
			"fr": {{Slug: "a", Key: "ka2", Pairs: []tmindex.Pair{{J: 1, Source: card, Translation: "Votre carte !"}}}},
			"es": {{Slug: "c", Key: "kc2", Pairs: []tmindex.Pair{{J: 0, Source: washed, Translation: "Lávese bien."}}}},
		},
	} {
		for _, lang := range []string{"es", "fr"} {
			if err := each.Update(lang, units[lang], nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := one.UpdateLangs(units); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"es", "fr"} {
			if got, want := lookup(t, one, lang, slugs, texts...), lookup(t, each, lang, slugs, texts...); !slices.Equal(got, want) {
				t.Errorf("step %d, %s: in one transaction %q, a language at a time %q", step, lang, got, want)
			}
			got, _ := one.KeysOf(lang, slugs)
			want, _ := each.KeysOf(lang, slugs)
			if !slices.Equal(got, want) {
				t.Errorf("step %d, %s: keys %q, a language at a time %q", step, lang, got, want)
			}
		}
	}
	if got := lookup(t, one, "fr", slugs, wash); !slices.Equal(got, []string{"Lavez-vous (b).", wash}) {
		t.Errorf("fr after both steps: %q, want b's", got)
	}
}

// TestForgetsEverySource: units indexed in two languages, sharing
// source texts, then removed from both leave no source text, word or use
// in the file: each source is unindexed under the keys it was indexed
// under.
func TestForgetsEverySource(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tm.db")
	x := tmindex.Open(path)
	if x == nil {
		t.Fatal("Open gave no index")
	}
	rnd := rand.New(rand.NewPCG(4, 5))
	units := memoryOf(rnd, func() string { return fmt.Sprintf("w%d", rnd.IntN(40)) }, 6, 20)
	for _, lang := range []string{"es", "fr"} {
		if err := x.Update(lang, units, nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := lookup(t, x, "fr", []string{units[0].Slug}, units[0].Pairs[3].Source); got[0] != units[0].Pairs[3].Translation {
		t.Fatalf("before: %q, want %q", got, units[0].Pairs[3].Translation)
	}
	var slugs []string
	for _, u := range units {
		slugs = append(slugs, u.Slug)
	}
	for _, lang := range []string{"fr", "es"} {
		if err := x.Update(lang, nil, slugs); err != nil {
			t.Fatal(err)
		}
	}
	x.Close()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		for _, name := range []string{"texts", "exact", "words", "uses"} {
			if n := tx.Bucket([]byte(name)).Stats().KeyN; n != 0 {
				t.Errorf("%s: %d keys left", name, n)
			}
		}
		return nil
	})
}

// TestSameEntryOtherSources: an entry translated from one source text in
// one language and from another in a second (a stale translation) offers
// each language's translation for its own source text only.
func TestSameEntryOtherSources(t *testing.T) {
	x := tmindex.Open(filepath.Join(t.TempDir(), "tm.db"))
	if x == nil {
		t.Fatal("Open gave no index")
	}
	defer x.Close()
	wash, card := "Wash your hands with soap and warm water before every session at the clinic.", "Bring your card to every appointment."
	if err := x.Update("fr", []tmindex.Unit{{Slug: "a", Key: "k", Pairs: []tmindex.Pair{{J: 0, Source: card, Translation: "Votre carte."}}}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := x.Update("es", []tmindex.Unit{{Slug: "a", Key: "k", Pairs: []tmindex.Pair{{J: 0, Source: wash, Translation: "Lávese las manos."}}}}, nil); err != nil {
		t.Fatal(err)
	}
	slugs := []string{"a"}
	if got := lookup(t, x, "fr", slugs, wash, card); !slices.Equal(got, []string{"-", "-", "Votre carte.", card}) {
		t.Errorf("fr: %q", got)
	}
	if got := lookup(t, x, "es", slugs, wash, card); !slices.Equal(got, []string{"Lávese las manos.", wash, "-", "-"}) {
		t.Errorf("es: %q", got)
	}
	// es's entry is translated again from card: wash is no one's now
	if err := x.Update("es", []tmindex.Unit{{Slug: "a", Key: "k2", Pairs: []tmindex.Pair{{J: 0, Source: card, Translation: "Su tarjeta."}}}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := lookup(t, x, "es", slugs, wash, card); !slices.Equal(got, []string{"-", "-", "Su tarjeta.", card}) {
		t.Errorf("es after its change: %q", got)
	}
	if got := lookup(t, x, "fr", slugs, card); !slices.Equal(got, []string{"Votre carte.", card}) {
		t.Errorf("fr after es's change: %q", got)
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

// BenchmarkRecall looks up one edited sentence in a language's memory of
// 20,000 translations (40 units of 500), as an edit build does: through
// the index, and by offering every translation, as sync did before the
// index (which also had to read every article and catalog for them);
// and, through the index, 2,000 edited sentences at once, as a window of
// a first sync does.
// words is the vocabulary the sentences are drawn from: internal/gen's
// corpora use about a hundred words, where every sentence shares many
// words with every other and prefix filtering prunes little; articles in
// a language use thousands.
func BenchmarkRecall(b *testing.B) {
	for _, words := range []int{100, 5000} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) { benchRecall(b, words) })
	}
}

func benchRecall(b *testing.B, words int) {
	rnd := rand.New(rand.NewPCG(30, 1))
	vocab := make([]string, words)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", i*7919%100000)
	}
	units := memoryOf(rnd, func() string {
		return vocab[int(float64(len(vocab))*rnd.Float64()*rnd.Float64())] // more small numbers: Zipf-like
	}, 40, 500)
	var all []tmindex.Pair
	for _, u := range units {
		all = append(all, u.Pairs...)
	}
	slugs := make([]string, len(units))
	for i, u := range units {
		slugs[i] = u.Slug
	}
	x := tmindex.Open(filepath.Join(b.TempDir(), "tm.db"))
	defer x.Close()
	for _, u := range units {
		if err := x.Update("fr", []tmindex.Unit{u}, nil); err != nil {
			b.Fatal(err)
		}
	}
	text := all[len(all)/2].Source + " indeed"
	order := func(slug string) (int, bool) { return slices.BinarySearch(slugs, slug) }
	b.Run("index", func(b *testing.B) {
		for b.Loop() {
			r := tm.NewRecall([]string{text})
			if err := x.Recall("fr", r, order); err != nil {
				b.Fatal(err)
			}
			if _, _, ok := r.Lookup(text); !ok {
				b.Fatal("nothing found")
			}
		}
	})
	b.Run("window", func(b *testing.B) {
		var texts []string
		for i := range 2000 {
			texts = append(texts, all[i*7].Source+" indeed")
		}
		for b.Loop() {
			r := tm.NewRecall(texts)
			if err := x.Recall("fr", r, order); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("offer-all", func(b *testing.B) {
		for b.Loop() {
			r := tm.NewRecall([]string{text})
			for i, p := range all {
				r.Offer(uint64(i), p.Source, p.Translation)
			}
			if _, _, ok := r.Lookup(text); !ok {
				b.Fatal("nothing found")
			}
		}
	})
}

// BenchmarkIndexFirstBuild indexes a first sync's units as sync does
// (indexUnits): 1,000 articles of 80 entries in 10 languages, each batch
// of 64 articles in every language in one transaction, the translations
// 150 to 400 bytes. It reports the file's size and what was written.
func BenchmarkIndexFirstBuild(b *testing.B) {
	rnd := rand.New(rand.NewPCG(30, 2))
	langs := []string{"ar", "de", "es", "fr", "it", "ja", "nl", "pl", "pt-BR", "tr"}
	text := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = fmt.Sprintf("w%x", rnd.IntN(3000))
		}
		return strings.Join(w, " ") + "."
	}
	const articles, entries = 1000, 80
	sources := make([][]string, articles)
	for a := range sources {
		for range entries {
			sources[a] = append(sources[a], text(8+rnd.IntN(30)))
		}
	}
	unit := func(a int, lang string) tmindex.Unit {
		u := tmindex.Unit{Slug: fmt.Sprintf("section/article-%04d", a), Key: "k" + lang}
		for j, src := range sources[a] {
			u.Pairs = append(u.Pairs, tmindex.Pair{J: j, Source: src, Translation: lang + " " + src})
		}
		return u
	}
	for b.Loop() {
		path := filepath.Join(b.TempDir(), "tm.db")
		x := tmindex.Open(path)
		for lo := 0; lo < articles; lo += 64 {
			byLang := map[string][]tmindex.Unit{}
			for _, lang := range langs {
				for a := lo; a < min(lo+64, articles); a++ {
					byLang[lang] = append(byLang[lang], unit(a, lang))
				}
			}
			if err := x.UpdateLangs(byLang); err != nil {
				b.Fatal(err)
			}
		}
		written := x.Written()
		x.Close()
		fi, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fi.Size())/1e6, "MB-file")
		b.ReportMetric(float64(written)/1e6, "MB-written")
	}
}
