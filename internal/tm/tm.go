// Package tm is translation memory: translations kept with the source text
// they were made from, offered again for the same source text or a similar
// one (worddiff.Ratio at least Similarity).
//
// A language's memory holds far more translations than the language has
// texts waiting for one, so Recall turns the search around: it indexes the
// texts looked for, every stored translation is offered to it once, from
// wherever it is kept, and it keeps only the best offer for each text.
// Memory then grows with the texts looked for, not with the memory. The
// index maps each word to the texts that contain it and is used with
// prefix filtering, as similarity joins do: the words difflib matches are
// at most the words two texts share, so texts of a and b words reach
// Similarity only if they share some t words, and then a text contains one
// of any b−t+1 words of the other. Offer takes the rarest words of the
// source offered, gathers the texts that contain them, drops those that
// share too few words, and diffs only the rest; what Recall offers in the
// end is exactly what diffing each text against every stored source gives.
package tm

import (
	"cmp"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/worddiff"
)

// Similarity is how similar a stored source text must be to offer its
// translation.
const Similarity = 0.85

// Recall finds translations for a set of texts in a translation memory
// offered to it one translation at a time. Offer every stored translation,
// then Lookup. A nil *Recall offers nothing.
type Recall struct {
	texts    []string // the texts looked for, one per white-space-folded text
	seed     maphash.Seed
	index    map[uint64]int32 // hash of a text's words → the last text with that hash
	next     []int32          // per text: the one before it with the same hash, or -1
	vocab    map[string]int32 // word → its number in postings
	postings [][]int32        // per word: the texts that have it, ascending
	byLen    [][]int32        // per word count: the texts with that many words, ascending
	words    [][]int32        // per text: its words (worddiff.Words) by number, ascending
	bits     []uint8          // per word number: its bit in a Sketch (made by Probes)

	mu   sync.Mutex
	best []offer // per text: the best translation offered so far
}

// offer is a translation offered for a text; ratio is 0 for none yet.
type offer struct {
	tr, from string
	key      uint64
	ratio    float64
	exact    bool
}

// beats reports whether o is a better offer than b: the same text (white
// space aside) before a similar one, then the more similar, then the
// earlier in the memory.
func (o offer) beats(b offer) bool {
	switch {
	case b.ratio == 0:
		return true
	case o.exact != b.exact:
		return o.exact
	case o.ratio != b.ratio:
		return o.ratio > b.ratio
	}
	return o.key < b.key
}

// NewRecall returns a Recall that looks for texts.
func NewRecall(texts []string) *Recall {
	r := &Recall{seed: maphash.MakeSeed(), index: map[uint64]int32{}, vocab: map[string]int32{}}
	for _, text := range texts {
		if _, ok := r.find(text); ok {
			continue
		}
		i, h := int32(len(r.texts)), r.hash(text)
		prev, ok := r.index[h]
		if !ok {
			prev = -1
		}
		r.index[h] = i
		r.next = append(r.next, prev)
		r.texts = append(r.texts, text)
		ws := worddiff.Words(text)
		words := make([]int32, len(ws))
		for j, w := range ws {
			k, ok := r.vocab[w]
			if !ok {
				k = int32(len(r.postings))
				r.vocab[w] = k // w is a slice of text: no copy
				r.postings = append(r.postings, nil)
			}
			words[j] = k
			if p := r.postings[k]; len(p) == 0 || p[len(p)-1] != i {
				r.postings[k] = append(p, i)
			}
		}
		slices.Sort(words)
		r.words = append(r.words, words)
		for len(r.byLen) <= len(words) {
			r.byLen = append(r.byLen, nil)
		}
		r.byLen[len(words)] = append(r.byLen[len(words)], i)
	}
	r.best = make([]offer, len(r.texts))
	return r
}

// Len is the number of texts looked for, white space aside.
func (r *Recall) Len() int {
	if r == nil {
		return 0
	}
	return len(r.texts)
}

// Offer offers tr, a translation made from src, to every text looked for.
// key is the translation's place in the memory: of two equally good
// offers, the one with the smaller key wins, so that the order of the
// calls does not matter. Empty src or tr offer nothing. Offer is safe for
// concurrent use.
func (r *Recall) Offer(key uint64, src, tr string) {
	if r != nil && tr != "" {
		r.OfferMatch(key, r.Match(src), tr)
	}
}

// Matched is what Match found of a source: the texts looked for that it
// is the same as (white space aside) or similar enough to.
type Matched struct {
	src string
	ms  []match
}

// match is one text looked for that a source matches.
type match struct {
	i     int32
	ratio float64
	exact bool
}

// Any reports whether the source matched any text looked for: an offer of
// a translation made from it could be kept.
func (m Matched) Any() bool { return len(m.ms) > 0 }

// Match matches src with the texts looked for, so that a store can tell
// whether it wants a translation made from src before it reads one, and
// offer it (OfferMatch) without matching src again.
func (r *Recall) Match(src string) Matched {
	m := Matched{src: src}
	if r == nil || src == "" {
		return m
	}
	if i, ok := r.find(src); ok {
		m.ms = append(m.ms, match{i: i, ratio: 1, exact: true})
	}
	r.similar(src, func(i int32) {
		if ratio := worddiff.Ratio(r.texts[i], src); ratio >= Similarity {
			m.ms = append(m.ms, match{i: i, ratio: ratio})
		}
	})
	return m
}

// OfferMatch is Offer of tr, made from the source m matched.
func (r *Recall) OfferMatch(key uint64, m Matched, tr string) {
	if tr == "" {
		return
	}
	for _, x := range m.ms {
		r.propose(x.i, offer{tr: tr, from: m.src, key: key, ratio: x.ratio, exact: x.exact})
	}
}

func (r *Recall) propose(i int32, o offer) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o.beats(r.best[i]) {
		r.best[i] = o
	}
}

// Lookup returns the translation offered for text (one of the texts
// looked for, white space aside): the one made from the same text, else
// the one whose source is most similar with worddiff.Ratio(text, source)
// >= Similarity, ties to the smallest key; and the source text it was made
// from. Call it after the last Offer.
func (r *Recall) Lookup(text string) (tr, from string, ok bool) {
	if r == nil {
		return "", "", false
	}
	i, ok := r.find(text)
	if !ok || r.best[i].ratio == 0 {
		return "", "", false
	}
	return r.best[i].tr, r.best[i].from, true
}

// find returns the number of the text looked for that is text, white
// space aside.
func (r *Recall) find(text string) (int32, bool) {
	i, ok := r.index[r.hash(text)]
	for ; ok && i >= 0; i = r.next[i] {
		if article.SameText(r.texts[i], text) {
			return i, true
		}
	}
	return -1, false
}

// hash hashes the words of text: texts that are the same white space
// aside have the same hash.
func (r *Recall) hash(text string) uint64 {
	var h maphash.Hash
	h.SetSeed(r.seed)
	for w := range strings.FieldsSeq(text) {
		h.WriteString(w)
		h.WriteByte(' ')
	}
	return h.Sum64()
}

// similar calls visit for each text looked for that shares enough words
// with src for their ratio to reach Similarity.
func (r *Recall) similar(src string, visit func(int32)) {
	text := worddiff.Words(src)
	b := len(text)
	// Only texts whose word count allows the ratio can reach it:
	// 2·min(a, b)/(a+b) ≥ s bounds a between b·s/(2-s) and b·(2-s)/s.
	n, s := float64(b), Similarity
	lo, hi := int(math.Ceil(n*s/(2-s))), int(math.Floor(n*(2-s)/s))
	hi = min(hi, len(r.byLen)-1)
	band := 0
	for a := lo; a <= hi; a++ {
		band += len(r.byLen[a])
	}
	if band == 0 {
		return
	}

	// src's words by number, leaving out those no text has (they cannot
	// be shared); and all of them as tokens, to order by rarity.
	toks := make([]token, b)
	words := make([]int32, 0, b)
	for j, w := range text {
		toks[j] = token{w, -1, 0}
		if k, ok := r.vocab[w]; ok {
			toks[j] = token{w, k, len(r.postings[k])}
			words = append(words, k)
		}
	}
	slices.Sort(words)

	// A text of a ≥ lo words that shares fewer than t words with src
	// cannot reach s, so it lacks at most t-1 of src's words: it has one
	// of any b-t+1 of them. Take the rarest, and the texts that have them,
	// unless scanning the whole band is cheaper.
	var cands []int32
	indexed := false
	if t := minShared(b, lo); b > 0 && t > 0 {
		slices.SortFunc(toks, func(x, y token) int {
			return cmp.Or(cmp.Compare(x.n, y.n), cmp.Compare(x.w, y.w))
		})
		prefix, cost := toks[:max(b-t+1, 0)], 0
		for j, tk := range prefix {
			if j == 0 || tk.w != prefix[j-1].w {
				cost += tk.n
			}
		}
		if cost < band {
			cands, indexed = r.gather(prefix, cost, lo, hi), true
		}
	}
	if !indexed {
		cands = make([]int32, 0, band)
		for a := lo; a <= hi; a++ {
			cands = append(cands, r.byLen[a]...)
		}
	}
	for _, i := range cands {
		if mayReach(b, words, r.words[i]) {
			visit(i)
		}
	}
}

// gather returns the texts of lo to hi words that have a word of prefix
// (sorted by word), each once. cost is the length of their posting lists
// together.
func (r *Recall) gather(prefix []token, cost, lo, hi int) []int32 {
	var seen []uint64 // a bit per text, when cheaper than sorting
	if len(r.texts)/64 < 4*cost {
		seen = make([]uint64, (len(r.texts)+63)/64)
	}
	cands := make([]int32, 0, cost)
	for j, tk := range prefix {
		if tk.k < 0 || j > 0 && tk.w == prefix[j-1].w {
			continue
		}
		for _, i := range r.postings[tk.k] {
			if a := len(r.words[i]); a < lo || a > hi {
				continue
			}
			if seen != nil {
				if seen[i/64]&(1<<(i%64)) != 0 {
					continue
				}
				seen[i/64] |= 1 << (i % 64)
			}
			cands = append(cands, i)
		}
	}
	if seen == nil {
		slices.Sort(cands)
		cands = slices.Compact(cands)
	}
	return cands
}

// token is one word of the source offered, with its number (-1 if no
// text looked for has it) and the number of texts that have it.
type token struct {
	w string
	k int32
	n int
}

// reaches reports whether texts of a and b words that match shared words
// reach Similarity, computed as difflib computes its ratio so that the
// bound holds to the last bit.
func reaches(shared, a, b int) bool {
	if a+b == 0 {
		return true // two empty texts are the same
	}
	return 2.0*float64(shared)/float64(a+b) >= Similarity
}

// minShared is the fewest shared words with which texts of a and b words
// reach Similarity (a+b+1 if they never do, which cannot happen for b ≤ a).
// It depends on a+b alone; a lookup asks for it for every pair of texts it
// compares (15% of BenchmarkRecall/window), so it is worked out once for
// the sums texts have.
func minShared(a, b int) int {
	if n := a + b; n >= 0 && n < len(sharedBySum) {
		return int(sharedBySum[n])
	}
	return sharedFor(a + b)
}

var sharedBySum = func() (t [1024]uint16) {
	for n := range t {
		t[n] = uint16(sharedFor(n))
	}
	return t
}()

// sharedFor is minShared of texts of n words together.
func sharedFor(n int) int {
	if n == 0 {
		return 0
	}
	t := max(int(math.Ceil(Similarity*float64(n)/2)), 0)
	for t > 0 && reaches(t-1, n, 0) {
		t--
	}
	for t <= n && !reaches(t, n, 0) {
		t++
	}
	return t
}

// mayReach reports whether a text of a words, x of them known by number
// (ascending), shares enough words with a text of words y (ascending) for
// their ratio to reach Similarity. Shared counts repeated words as often
// as both have them: it bounds the words difflib matches.
func mayReach(a int, x, y []int32) bool {
	need := minShared(a, len(y))
	shared, i, j := 0, 0, 0
	for shared < need {
		if shared+min(len(x)-i, len(y)-j) < need {
			return false
		}
		switch {
		case x[i] == y[j]:
			shared++
			i++
			j++
		case x[i] < y[j]:
			i++
		default:
			j++
		}
	}
	return true
}
