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
	pairs [][2]string
	n     []int            // per pair: its source's word count
	words map[string][]int // word → pairs indexed under it
	keys  map[[16]byte][]int
}

func newStore(pairs [][2]string) *store {
	s := &store{pairs: pairs, words: map[string][]int{}, keys: map[[16]byte][]int{}}
	for i, p := range pairs {
		ws, n := tm.IndexWords(p[0])
		s.n = append(s.n, n)
		for _, w := range ws {
			s.words[w] = append(s.words[w], i)
		}
		s.keys[tm.Key(p[0])] = append(s.keys[tm.Key(p[0])], i)
	}
	return s
}

// recall offers r only what its probes and texts find, as tmindex does,
// and reports how many pairs it offered.
func (s *store) recall(r *tm.Recall) int {
	found := map[int]bool{}
	for _, text := range r.Texts() {
		for _, i := range s.keys[tm.Key(text)] {
			found[i] = true
		}
	}
	for _, p := range r.Probes() {
		for _, i := range s.words[p.Word] {
			if s.n[i] >= p.Lo && s.n[i] <= p.Hi {
				found[i] = true
			}
		}
	}
	offered := 0
	for i := range found {
		if r.Wants(s.pairs[i][0]) {
			r.Offer(uint64(i), s.pairs[i][0], s.pairs[i][1])
			offered++
		}
	}
	return offered
}

// TestProbesFindEveryMatch checks that a store asked only what Probes and
// Texts say finds what offering the whole memory finds (the brute-force
// search), the same and similar texts alike, and offers far less.
func TestProbesFindEveryMatch(t *testing.T) {
	rounds, queries := 4, 100
	if testing.Short() {
		rounds = 2
	}
	var total, found, fuzzy, offered, stored int
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
		for _, text := range texts {
			r := tm.NewRecall([]string{text})
			offered += s.recall(r)
			stored += len(pairs)
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
	if found < total/10 || fuzzy < total/20 {
		t.Errorf("only %d of %d lookups found a translation, %d by similarity: the test needs more", found, total, fuzzy)
	}
	if offered*4 > stored {
		t.Errorf("the probes had %d of %d stored pairs offered: no better than offering them all", offered, stored)
	}
	t.Logf("%d lookups, %d found, %d by similarity; %d of %d stored pairs offered", total, found, fuzzy, offered, stored)
}
