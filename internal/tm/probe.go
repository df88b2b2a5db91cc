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
}

// Probes returns the lookups that find every stored source that is the
// same as, or similar enough to, a text looked for (texts of no words
// aside: Texts finds those by Key), sorted by word.
func (r *Recall) Probes() []Probe {
	if r == nil {
		return nil
	}
	bands := map[string][2]int{}
	for _, text := range r.texts {
		toks := worddiff.Words(text)
		b := len(toks)
		if b == 0 {
			continue
		}
		band := bandOf(b)
		t := minShared(b, band[0])
		for _, w := range prefix(toks, b-t+1) {
			if have, ok := bands[w]; ok {
				band = [2]int{min(have[0], band[0]), max(have[1], band[1])}
			}
			bands[w] = band
		}
	}
	probes := make([]Probe, 0, len(bands))
	for w, b := range bands {
		probes = append(probes, Probe{Word: w, Lo: b[0], Hi: b[1]})
	}
	slices.SortFunc(probes, func(x, y Probe) int { return strings.Compare(x.Word, y.Word) })
	return probes
}

// Texts returns the texts looked for, one per text white space aside.
func (r *Recall) Texts() []string {
	if r == nil {
		return nil
	}
	return slices.Clone(r.texts)
}

// Wants reports whether an offer of a translation made from src could be
// kept: src is the same as a text looked for (white space aside) or
// similar enough to one.
func (r *Recall) Wants(src string) bool {
	if r == nil || src == "" {
		return false
	}
	if _, ok := r.find(src); ok {
		return true
	}
	wants := false
	r.similar(src, func(i int32) {
		wants = wants || worddiff.Ratio(r.texts[i], src) >= Similarity
	})
	return wants
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
