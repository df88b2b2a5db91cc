package tm_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/tm"
)

// store is a translation memory kept as a store on disk keeps it: each
// source under the words tm.IndexWords gives (with its word count) and
// under tm.Key.
type store struct {
	pairs  [][2]string
	n      []int            // per pair: its source's word count
	sketch []tm.Sketch      // per pair: its source's sketch
	words  map[string][]int // word → pairs indexed under it
	keys   map[[16]byte][]int
}

func newStore(pairs [][2]string) *store {
	s := &store{pairs: pairs, words: map[string][]int{}, keys: map[[16]byte][]int{}}
	for i, p := range pairs {
		ws, n := tm.IndexWords(p[0])
		s.n = append(s.n, n)
		s.sketch = append(s.sketch, tm.SketchOf(p[0]))
		for _, w := range ws {
			s.words[w] = append(s.words[w], i)
		}
		s.keys[tm.Key(p[0])] = append(s.keys[tm.Key(p[0])], i)
	}
	return s
}

// recall offers r only what its probes and texts find, as tmindex does,
// matching only the sources MayWant leaves, and
// reports how many pairs it offered, and how many sources the probes
// found and it read.
func (s *store) recall(r *tm.Recall) (offered, probed, read int) {
	found, seen := map[int]bool{}, map[int]bool{}
	for _, text := range r.Texts() {
		for _, i := range s.keys[tm.Key(text)] {
			found[i] = true
		}
	}
	for _, p := range r.Probes() {
		for _, i := range s.words[p.Word] {
			if s.n[i] >= p.Lo && s.n[i] <= p.Hi {
				seen[i] = true
				if r.MayWant(p, s.n[i], s.sketch[i]) {
					found[i] = true
				}
			}
		}
	}
	for i := range found {
		if m := r.Match(s.pairs[i][0]); m.Any() {
			r.OfferMatch(uint64(i), m, s.pairs[i][1])
			offered++
		}
	}
	return offered, len(seen), len(found)
}

// TestProbesFindEveryMatch checks that a store asked only what Probes and
// Texts say, reading only the sources MayWant leaves, finds what offering
// the whole memory finds (the brute-force search), the same and similar
// texts alike, offers far less, and reads few of the sources the probes
// find. Lookups look for one text, or for several at once.
func TestProbesFindEveryMatch(t *testing.T) {
	rounds, queries := 4, 100
	if testing.Short() {
		rounds = 2
	}
	var total, found, fuzzy, offered, stored, probed, read int
	for round := range rounds {
		x := &texter{rnd: rand.New(rand.NewPCG(uint64(round), 11))}
		x.vocab = strings.Fields("the a of and to in is it that for on with as at by from")[:4+x.rnd.IntN(12)]
		for i := range 3 + x.rnd.IntN(400) {
			x.vocab = append(x.vocab, fmt.Sprintf("w%d", i))
		}
		var pairs [][2]string
		for i := range 50 + x.rnd.IntN(600) {
			pairs = append(pairs, [2]string{x.text(), fmt.Sprintf("t%d", i)})
		}
		texts := make([]string, queries)
		for i := range texts {
			texts[i] = x.text()
		}
		s, ref := newStore(pairs), newBrute(pairs)
		for q := 0; q < len(texts); {
			n := 1 + q%2*x.rnd.IntN(8) // one text, or up to eight at once
			batch := texts[q:min(q+n, len(texts))]
			q += len(batch)
			r := tm.NewRecall(batch)
			o, p, rd := s.recall(r)
			offered, probed, read, stored = offered+o, probed+p, read+rd, stored+len(pairs)
			for _, text := range batch {
				tr, from, ok := r.Lookup(text)
				rtr, rfrom, rok := ref.lookup(text)
				if tr != rtr || from != rfrom || ok != rok {
					t.Fatalf("round %d: from the probes, Lookup(%q) = %q, %q, %v; brute force %q, %q, %v", round, text, tr, from, ok, rtr, rfrom, rok)
				}
				total++
				if ok {
					found++
					if tm.Key(from) != tm.Key(text) {
						fuzzy++
					}
				}
			}
		}
	}
	if read*10 > probed*8 {
		t.Errorf("of %d sources the probes found, %d were read: sketches left out too few", probed, read)
	}
	if found < total/10 || fuzzy < total/20 {
		t.Errorf("only %d of %d lookups found a translation, %d by similarity: the test needs more", found, total, fuzzy)
	}
	if offered*4 > stored {
		t.Errorf("the probes had %d of %d stored pairs offered: no better than offering them all", offered, stored)
	}
	t.Logf("%d lookups, %d found, %d by similarity; %d of %d stored pairs offered; %d of %d sources found read", total, found, fuzzy, offered, stored, read, probed)
}

// TestSketchesLeaveOut looks up edited sentences (a word added) among
// sentences drawn from a hundred words, as internal/gen writes them: every
// sentence shares words with every other, so the probes find most of the
// store, and sketches leave nearly all of it unread, yet each lookup
// finds what offering the whole memory finds.
func TestSketchesLeaveOut(t *testing.T) {
	x := &texter{rnd: rand.New(rand.NewPCG(7, 30))}
	for i := range 100 {
		x.vocab = append(x.vocab, fmt.Sprintf("w%d", i))
	}
	sentence := func() string {
		w := make([]string, 8+x.rnd.IntN(20))
		for i := range w {
			w[i] = x.word()
		}
		return strings.Join(w, " ") + "."
	}
	var pairs [][2]string
	for i := range 2000 {
		pairs = append(pairs, [2]string{sentence(), fmt.Sprintf("t%d", i)})
	}
	s, ref := newStore(pairs), newBrute(pairs)
	var probed, read, found int
	for q := range 50 {
		text := strings.TrimSuffix(pairs[q*37][0], ".") + " indeed."
		r := tm.NewRecall([]string{text})
		_, p, rd := s.recall(r)
		probed, read = probed+p, read+rd
		tr, from, ok := r.Lookup(text)
		if rtr, rfrom, rok := ref.lookup(text); tr != rtr || from != rfrom || ok != rok {
			t.Fatalf("Lookup(%q) = %q, %q, %v; brute force %q, %q, %v", text, tr, from, ok, rtr, rfrom, rok)
		}
		if ok {
			found++
		}
	}
	if found < 25 {
		t.Errorf("%d of 50 edited sentences found a translation: the test needs more", found)
	}
	if read*20 > probed {
		t.Errorf("of %d sources the probes found, %d were read: want under 5%%", probed, read)
	}
	t.Logf("of %d sources the probes found, %d were read", probed, read)
}
