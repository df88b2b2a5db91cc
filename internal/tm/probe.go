package tm

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/worddiff"
)

// A store of translations too large to offer in full (a language's memory
// kept on disk, internal/tmindex) is asked only for the sources that may
// match the texts a Recall looks for. It keeps each source under the
// words IndexWords gives; Probes says which words, and which word counts
// under each, to look up; every source the same as or similar to a text
// looked for is among them (prefix filtering with one order of words for
// both sides: two texts that share t words, occurrences counted, share
// one of the first a−t+1 words of the one and the first b−t+1 of the
// other). The store offers what it finds with Offer, as before.

// IndexWords returns the words a stored source text is to be found under
// (each once), and its number of words: Probes looks up no other.
func IndexWords(src string) (words []string, n int) {
	toks := worddiff.Words(src)
	a := len(toks)
	if a == 0 {
		return nil, 0
	}
	// The fewest words src shares with a text it may reach Similarity
	// with: the shortest such text, which needs the fewest.
	t := minShared(a, bandOf(a)[0])
	return prefix(toks, a-t+1), a
}

// Probe is one lookup in a store: the sources indexed under Word that
// have Lo to Hi words.
type Probe struct {
	Word   string
	Lo, Hi int
	texts  []int32 // the texts looked for that it was made for
}

// A store keeps beside each word a source is found under the source's
// Sketch: a bit for each of its words, 128 in all, so that a lookup leaves
// unread the sources that share too few words with every text it looks
// for (MayWant). Reading each source a probe finds cost most of a lookup
// where sources share many words (internal/gen's hundred words, where a
// changed word found 4,760 sources at 10,000 × 10), and a read at a
// random place of the store's file maps the pages around it too.
type Sketch [16]byte

// SketchOf is the sketch of a source text.
func SketchOf(src string) Sketch {
	var s Sketch
	for _, w := range worddiff.Words(src) {
		b := sketchBit(w)
		s[b/8] |= 1 << (b % 8)
	}
	return s
}

// has reports whether bit b is set.
func (s Sketch) has(b uint8) bool { return s[b/8]&(1<<(b%8)) != 0 }

// sketchBit is the bit of word w in a sketch: FNV-1a, the same in every
// run (stores keep sketches).
func sketchBit(w string) uint8 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return uint8(h % 128)
}

// sketchTexts is the most texts of a probe MayWant compares a source
// with; past it, every source is read.
const sketchTexts = 64

// MayWant reports whether a source of a words with sketch s, found under
// probe p, may be one Match matches: one of the texts looked for that p was
// made for has enough words whose bit s has to reach Similarity with it
// (an upper bound on the words they share). It never says no to a
// source Match matches.
func (r *Recall) MayWant(p Probe, a int, s Sketch) bool {
	if r == nil || len(p.texts) == 0 || len(p.texts) > sketchTexts || r.bits == nil {
		return true
	}
	for _, i := range p.texts {
		ws := r.words[i]
		if band := bandOf(len(ws)); a < band[0] || a > band[1] {
			continue
		}
		shared := 0
		for _, k := range ws {
			if s.has(r.bits[k]) {
				shared++
			}
		}
		if min(shared, a) >= minShared(a, len(ws)) {
			return true
		}
	}
	return false
}

// Probes returns the lookups that find every stored source that is the
// same as, or similar enough to, a text looked for (texts of no words
// aside: Texts finds those by Key), sorted by word.
func (r *Recall) Probes() []Probe {
	if r == nil {
		return nil
	}
	r.bits = make([]uint8, len(r.postings))
	for w, k := range r.vocab {
		r.bits[k] = sketchBit(w)
	}
	probes := map[string]*Probe{}
	for i, text := range r.texts {
		toks := worddiff.Words(text)
		b := len(toks)
		if b == 0 {
			continue
		}
		band := bandOf(b)
		t := minShared(b, band[0])
		for _, w := range prefix(toks, b-t+1) {
			p := probes[w]
			if p == nil {
				p = &Probe{Word: w, Lo: band[0], Hi: band[1]}
				probes[w] = p
			}
			p.Lo, p.Hi = min(p.Lo, band[0]), max(p.Hi, band[1])
			p.texts = append(p.texts, int32(i))
		}
	}
	list := make([]Probe, 0, len(probes))
	for _, p := range probes {
		list = append(list, *p)
	}
	slices.SortFunc(list, func(x, y Probe) int { return strings.Compare(x.Word, y.Word) })
	return list
}

// Texts returns the texts looked for, one per text white space aside.
func (r *Recall) Texts() []string {
	if r == nil {
		return nil
	}
	return slices.Clone(r.texts)
}

// Key identifies a text white space aside, across runs: texts with the
// same Key are the same text as translation memory matches them exactly
// (a store checks with article.SameText).
func Key(text string) [16]byte {
	h := fnv.New128a()
	for w := range strings.FieldsSeq(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	var k [16]byte
	h.Sum(k[:0])
	return k
}

// bandOf is the word counts a text of b words may reach Similarity with:
// 2·min(a, b)/(a+b) ≥ s bounds a between b·s/(2-s) and b·(2-s)/s.
func bandOf(b int) [2]int {
	n, s := float64(b), Similarity
	return [2]int{int(math.Ceil(n * s / (2 - s))), int(math.Floor(n * (2 - s) / s))}
}

// prefix returns the distinct words of the first k of toks in the order
// every store and every Recall share: longer words first (rarer, in the
// languages articles are written in), then by bytes.
func prefix(toks []string, k int) []string {
	toks = slices.Clone(toks)
	slices.SortFunc(toks, func(x, y string) int {
		return cmp.Or(cmp.Compare(len(y), len(x)), strings.Compare(x, y))
	})
	toks = toks[:min(max(k, 1), len(toks))]
	return slices.Compact(toks)
}
