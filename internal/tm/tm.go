// Package tm is translation memory: translations kept with the source text
// they were made from, offered again for the same source text or a similar
// one (worddiff.Ratio at least Similarity). Rather than diffing a text
// against every stored source, Memory keeps an inverted index from each
// word to the sources that contain it and uses prefix filtering, as
// similarity joins do: the words difflib matches are at most the words two
// texts share, so a source can reach Similarity only if it shares at least
// t of the a words of the text looked up, and then it must contain one of
// any a−t+1 of them. Lookup takes the rarest ones, gathers the sources
// that contain them, drops those that share too few words, and diffs only
// the rest; its answer is exactly what diffing against every stored source
// would give.
package tm

import (
	"cmp"
	"math"
	"slices"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/worddiff"
)

// Similarity is how similar a stored source text must be to offer its
// translation.
const Similarity = 0.85

// Memory is the translation memory of one language. Add every pair first,
// then Lookup: Lookup is safe for concurrent use by many goroutines, but
// Add must not run concurrently with anything.
type Memory struct {
	exact    map[string]int32 // article.Normalize(source) → index in pairs
	pairs    []pair           // in the order added
	vocab    map[string]int32 // word → its number in postings
	postings [][]int32        // per word: the pairs whose source has it, ascending
	byLen    [][]int32        // per word count: the pairs with that many words, ascending
}

type pair struct {
	src, tr string
	words   []int32 // the words of src (worddiff.Words) by number, ascending
}

// New returns an empty memory.
func New() *Memory {
	return &Memory{exact: map[string]int32{}, vocab: map[string]int32{}}
}

// Len is the number of pairs stored.
func (m *Memory) Len() int { return len(m.pairs) }

// Add stores a translation with the source text it was made from. The
// first pair added for a source text (white space folded, as
// article.Normalize does) wins; empty src or tr are ignored.
func (m *Memory) Add(src, tr string) {
	if src == "" || tr == "" {
		return
	}
	if m.exact == nil {
		m.exact, m.vocab = map[string]int32{}, map[string]int32{}
	}
	key := article.Normalize(src)
	if _, ok := m.exact[key]; ok {
		return
	}
	if key == src {
		key = src // keep one copy of the text, not two
	}
	i := int32(len(m.pairs))
	m.exact[key] = i
	text := worddiff.Words(src)
	words := make([]int32, len(text))
	for j, w := range text {
		k, ok := m.vocab[w]
		if !ok {
			k = int32(len(m.postings))
			m.vocab[w] = k // w is a slice of src: no copy
			m.postings = append(m.postings, nil)
		}
		words[j] = k
		if p := m.postings[k]; len(p) == 0 || p[len(p)-1] != i {
			m.postings[k] = append(p, i)
		}
	}
	slices.Sort(words)
	m.pairs = append(m.pairs, pair{src: src, tr: tr, words: words})
	for len(m.byLen) <= len(words) {
		m.byLen = append(m.byLen, nil)
	}
	m.byLen[len(words)] = append(m.byLen[len(words)], i)
}

// Lookup offers a translation for src: the one made from the same text
// (article.Normalize equal), else the one whose source is most similar
// with worddiff.Ratio(src, stored) >= Similarity, ties to the earliest
// added. It returns the translation and the source text it was made from.
func (m *Memory) Lookup(src string) (tr, from string, ok bool) {
	if i, ok := m.exact[article.Normalize(src)]; ok {
		return m.pairs[i].tr, m.pairs[i].src, true
	}
	text := worddiff.Words(src)
	a := len(text)
	// Only sources whose word count allows the ratio can reach it:
	// 2·min(a, b)/(a+b) ≥ r bounds b between a·r/(2-r) and a·(2-r)/r.
	n, r := float64(a), Similarity
	lo, hi := int(math.Ceil(n*r/(2-r))), int(math.Floor(n*(2-r)/r))
	hi = min(hi, len(m.byLen)-1)
	band := 0
	for b := lo; b <= hi; b++ {
		band += len(m.byLen[b])
	}
	if band == 0 {
		return "", "", false
	}

	// src's words by number, leaving out those no stored source has (they
	// cannot be shared); and all of them as tokens, to order by rarity.
	toks := make([]token, a)
	words := make([]int32, 0, a)
	for j, w := range text {
		toks[j] = token{w, -1, 0}
		if k, ok := m.vocab[w]; ok {
			toks[j] = token{w, k, len(m.postings[k])}
			words = append(words, k)
		}
	}
	slices.Sort(words)

	// A source of b ≥ lo words that shares fewer than t words with src
	// cannot reach r, so it lacks at most t-1 of src's words: it has one
	// of any a-t+1 of them. Take the rarest, and the sources that have
	// them, unless scanning the whole band is cheaper.
	var cands []int32
	indexed := false
	if t := minShared(a, lo); a > 0 && t > 0 {
		slices.SortFunc(toks, func(x, y token) int {
			return cmp.Or(cmp.Compare(x.n, y.n), cmp.Compare(x.w, y.w))
		})
		prefix, cost := toks[:max(a-t+1, 0)], 0
		for j, tk := range prefix {
			if j == 0 || tk.w != prefix[j-1].w {
				cost += tk.n
			}
		}
		if cost < band {
			cands, indexed = m.gather(prefix, cost, lo, hi), true
		}
	}
	if !indexed {
		cands = make([]int32, 0, band)
		for b := lo; b <= hi; b++ {
			cands = append(cands, m.byLen[b]...)
		}
	}

	best, bestRatio := int32(-1), 0.0
	for _, i := range cands {
		p := &m.pairs[i]
		if !mayReach(a, words, p.words) {
			continue
		}
		ratio := worddiff.Ratio(src, p.src)
		if ratio < Similarity {
			continue
		}
		if ratio > bestRatio || ratio == bestRatio && i < best {
			best, bestRatio = i, ratio
		}
	}
	if best < 0 {
		return "", "", false
	}
	return m.pairs[best].tr, m.pairs[best].src, true
}

// gather returns the pairs of lo to hi words that have a word of prefix
// (sorted by word), each once, ascending. cost is the length of their
// posting lists together.
func (m *Memory) gather(prefix []token, cost, lo, hi int) []int32 {
	var seen []uint64 // a bit per pair, when cheaper than sorting
	if len(m.pairs)/64 < 4*cost {
		seen = make([]uint64, (len(m.pairs)+63)/64)
	}
	cands := make([]int32, 0, cost)
	for j, tk := range prefix {
		if tk.k < 0 || j > 0 && tk.w == prefix[j-1].w {
			continue
		}
		for _, i := range m.postings[tk.k] {
			if b := len(m.pairs[i].words); b < lo || b > hi {
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

// token is one word of the text looked up, with its number (-1 if no
// stored source has it) and the number of stored sources that have it.
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
func minShared(a, b int) int {
	if a+b == 0 {
		return 0
	}
	t := max(int(math.Ceil(Similarity*float64(a+b)/2)), 0)
	for t > 0 && reaches(t-1, a, b) {
		t--
	}
	for t <= a+b && !reaches(t, a, b) {
		t++
	}
	return t
}

// mayReach reports whether a text of a words, x of them known by number
// (ascending), shares enough words with a source of words y (ascending)
// for their ratio to reach Similarity. Shared counts repeated words as
// often as both have them: it bounds the words difflib matches.
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
