package tm_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/tm"
	"github.com/lingo-l10n/lingo/internal/worddiff"
)

// brute is the reference: the translation memory search sync used before
// this package, diffing src against every stored source in the word count
// band.
type brute struct {
	exact   map[string]int
	pairs   [][2]string // source, translation
	words   []int
	byWords []int
}

func newBrute(pairs [][2]string) *brute {
	m := &brute{exact: map[string]int{}}
	for _, p := range pairs {
		if p[0] == "" || p[1] == "" {
			continue
		}
		n := article.Normalize(p[0])
		if _, ok := m.exact[n]; !ok {
			m.exact[n] = len(m.pairs)
			m.pairs = append(m.pairs, p)
		}
	}
	for i, pr := range m.pairs {
		m.words = append(m.words, len(worddiff.Words(pr[0])))
		m.byWords = append(m.byWords, i)
	}
	sort.SliceStable(m.byWords, func(i, j int) bool { return m.words[m.byWords[i]] < m.words[m.byWords[j]] })
	return m
}

func (m *brute) lookup(src string) (string, string, bool) {
	if i, ok := m.exact[article.Normalize(src)]; ok {
		return m.pairs[i][1], m.pairs[i][0], true
	}
	n, r := float64(len(worddiff.Words(src))), tm.Similarity
	lo, hi := int(math.Ceil(n*r/(2-r))), int(math.Floor(n*(2-r)/r))
	k := sort.Search(len(m.byWords), func(k int) bool { return m.words[m.byWords[k]] >= lo })
	best, bestRatio := -1, 0.0
	for ; k < len(m.byWords) && m.words[m.byWords[k]] <= hi; k++ {
		i := m.byWords[k]
		ratio := worddiff.Ratio(src, m.pairs[i][0])
		if ratio < tm.Similarity {
			continue
		}
		if ratio > bestRatio || ratio == bestRatio && i < best {
			best, bestRatio = i, ratio
		}
	}
	if best < 0 {
		return "", "", false
	}
	return m.pairs[best][1], m.pairs[best][0], true
}

// recall looks for queries in pairs, offered in a random order from four
// goroutines at once, each with its place in pairs as key.
func recall(pairs [][2]string, queries []string, seed uint64) *tm.Recall {
	r := tm.NewRecall(queries)
	order := rand.New(rand.NewPCG(seed, 3)).Perm(len(pairs))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := g; k < len(order); k += 4 {
				i := order[k]
				r.Offer(uint64(i), pairs[i][0], pairs[i][1])
			}
		})
	}
	wg.Wait()
	return r
}

func TestLookupExamples(t *testing.T) {
	sentence := "the quick brown fox jumps over the lazy dog while the farmer sleeps in the warm barn after a long day"
	if n := len(worddiff.Words(sentence)); n != 21 {
		t.Fatalf("sentence has %d words", n)
	}
	oneChanged := strings.Replace(sentence, "farmer", "miller", 1)
	pairs := [][2]string{
		{"Hello,  world.\n", "Bonjour, le monde."},
		{"Hello, world.", "ignored: same text as the first, white space aside"},
		{sentence, "le renard"},
		{"a b c d e f g h i j k l m n o p q r s t", "first"},
		{"a b c d e f g h i j k l m n o p q r s u", "second"},
		{"", "ignored: no source"},
		{"no translation", ""},
	}
	tests := []struct {
		name, src, tr, from string
		ok                  bool
	}{
		{"exact, other white space", "\tHello, world.  ", "Bonjour, le monde.", "Hello,  world.\n", true},
		{"one word of 21 changed", oneChanged, "le renard", sentence, true},
		{"unrelated", "Kubernetes schedules pods onto nodes.", "", "", false},
		{"too different", "the quick brown fox sleeps", "", "", false},
		// One word off both a…t and a…s u: the same ratio, the first wins.
		{"tie to the earliest", "a b c d e f g h i j k l m n o p q r s v", "first", "a b c d e f g h i j k l m n o p q r s t", true},
		{"empty", "", "", "", false},
		{"white space only", " \n ", "", "", false},
		{"not stored without translation", "no translation", "", "", false},
	}
	var queries []string
	for _, tc := range tests {
		queries = append(queries, tc.src)
	}
	m, ref := recall(pairs, queries, 1), newBrute(pairs)
	if m.Len() != len(tests)-1 { // the two white space only texts are one
		t.Errorf("Len() = %d, want %d", m.Len(), len(tests)-1)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, from, ok := m.Lookup(tc.src)
			if tr != tc.tr || from != tc.from || ok != tc.ok {
				t.Errorf("Lookup(%q) = %q, %q, %v; want %q, %q, %v", tc.src, tr, from, ok, tc.tr, tc.from, tc.ok)
			}
			if rtr, rfrom, rok := ref.lookup(tc.src); rtr != tr || rfrom != from || rok != ok {
				t.Errorf("brute force gives %q, %q, %v", rtr, rfrom, rok)
			}
		})
	}
}

func TestNilAndUnknown(t *testing.T) {
	var none *tm.Recall
	none.Offer(0, "a text", "un texte")
	if _, _, ok := none.Lookup("a text"); ok || none.Len() != 0 {
		t.Error("a nil Recall offered a translation")
	}
	r := tm.NewRecall([]string{"a text"})
	r.Offer(0, "a text", "un texte")
	if tr, _, ok := r.Lookup("a  text"); !ok || tr != "un texte" {
		t.Errorf("Lookup = %q, %v", tr, ok)
	}
	if _, _, ok := r.Lookup("a text not looked for"); ok {
		t.Error("offered a translation for a text not looked for")
	}
}

// texter makes random texts over a small vocabulary, most of them edits of
// texts made before, so that similar texts around the threshold are common.
type texter struct {
	rnd     *rand.Rand
	vocab   []string
	uniform bool // else the first words are much more common than the last
	made    []string
}

func (x *texter) word() string {
	if x.uniform {
		return x.vocab[x.rnd.IntN(len(x.vocab))]
	}
	return x.vocab[min(x.rnd.IntN(len(x.vocab)), x.rnd.IntN(len(x.vocab)))]
}

func (x *texter) fresh() string {
	var n int
	switch x.rnd.IntN(30) {
	case 0, 1, 2:
		n = x.rnd.IntN(3) // 0 to 2 words
	case 3:
		n = 200 + x.rnd.IntN(60) // long enough for difflib's autojunk
	default:
		n = 1 + x.rnd.IntN(30)
	}
	w := make([]string, n)
	for i := range w {
		w[i] = x.word()
	}
	return strings.Join(w, " ")
}

func (x *texter) edit(s string) string {
	w := worddiff.Words(s)
	for range 1 + x.rnd.IntN(3) {
		i := x.rnd.IntN(len(w) + 1)
		switch x.rnd.IntN(6) {
		case 0: // insert
			w = append(w[:i], append([]string{x.word()}, w[i:]...)...)
		case 1: // delete
			if i < len(w) {
				w = append(w[:i], w[i+1:]...)
			}
		case 2: // replace
			if i < len(w) {
				w[i] = x.word()
			}
		case 3: // swap two words
			if len(w) > 1 {
				j := x.rnd.IntN(len(w))
				i %= len(w)
				w[i], w[j] = w[j], w[i]
			}
		case 4: // repeat a word
			if i < len(w) {
				w = append(w[:i+1], append([]string{w[i]}, w[i+1:]...)...)
			}
		case 5: // move a run of words to the front
			if i < len(w) {
				w = append(append([]string(nil), w[i:]...), w[:i]...)
			}
		}
	}
	return strings.Join(w, " ")
}

// respace changes the white space of a text, not its words.
func (x *texter) respace(s string) string {
	seps := []string{" ", "  ", "\n", "\t", " \n "}
	var b strings.Builder
	if x.rnd.IntN(3) == 0 {
		b.WriteString(seps[x.rnd.IntN(len(seps))])
	}
	for i, w := range worddiff.Words(s) {
		if i > 0 {
			b.WriteString(seps[x.rnd.IntN(len(seps))])
		}
		b.WriteString(w)
	}
	if x.rnd.IntN(3) == 0 {
		b.WriteString(seps[x.rnd.IntN(len(seps))])
	}
	return b.String()
}

func (x *texter) text() string {
	var s string
	switch r := x.rnd.IntN(20); {
	case r == 0:
		return ""
	case r == 1:
		return []string{" ", "\n", " \t\n "}[x.rnd.IntN(3)]
	case r < 6 || len(x.made) == 0:
		s = x.fresh()
	default:
		s = x.made[x.rnd.IntN(len(x.made))]
		if x.rnd.IntN(8) > 0 {
			s = x.edit(s)
		}
	}
	if x.rnd.IntN(4) == 0 {
		s = x.respace(s)
	}
	x.made = append(x.made, s)
	return s
}

// TestLookupMatchesBruteForce checks Lookup against the brute-force search
// on random memories of similar texts.
func TestLookupMatchesBruteForce(t *testing.T) {
	rounds, queries := 24, 250
	if testing.Short() {
		rounds = 8
	}
	var offered, fuzzy, total int
	for round := range rounds {
		x := &texter{rnd: rand.New(rand.NewPCG(uint64(round), 7))}
		x.vocab = strings.Fields("the a of and to in is it that for on with as at by from")[:4+x.rnd.IntN(12)]
		words, size := 3+x.rnd.IntN(40), x.rnd.IntN(400)
		if round%8 == 7 {
			// A larger memory of many words, evenly used: short posting
			// lists (Lookup sorts its candidates rather than mark them).
			words, size, x.uniform = 20000, 2500, true
		}
		for i := range words {
			x.vocab = append(x.vocab, fmt.Sprintf("w%d", i))
		}
		var pairs [][2]string
		for i := range size {
			tr := fmt.Sprintf("t%d", i)
			if x.rnd.IntN(30) == 0 {
				tr = ""
			}
			pairs = append(pairs, [2]string{x.text(), tr})
		}
		srcs := make([]string, queries)
		for i := range srcs {
			srcs[i] = x.text()
		}
		m, ref := recall(pairs, srcs, uint64(round)), newBrute(pairs)
		for _, src := range srcs {
			tr, from, ok := m.Lookup(src)
			rtr, rfrom, rok := ref.lookup(src)
			if tr != rtr || from != rfrom || ok != rok {
				t.Fatalf("round %d, %d pairs: Lookup(%q) = %q, %q, %v; brute force %q, %q, %v",
					round, len(pairs), src, tr, from, ok, rtr, rfrom, rok)
			}
			total++
			if ok {
				offered++
				if article.Normalize(from) != article.Normalize(src) {
					fuzzy++
				}
			}
		}
	}
	// The test is only as good as its near misses: make sure it has some.
	if offered < total/10 || fuzzy < total/20 {
		t.Errorf("only %d of %d lookups offered a translation, %d of them similar, not the same", offered, total, fuzzy)
	}
	t.Logf("%d lookups, %d offered, %d by similarity", total, offered, fuzzy)
}

// corpus is a deterministic translation memory of realistic sentences:
// words from a vocabulary of a few thousand with a Zipf-like distribution,
// a third of the sentences edits of earlier ones; and queries, most of them
// edits of stored sentences, the rest new.
func corpus(pairs, queries int) ([][2]string, []string) {
	rnd := rand.New(rand.NewPCG(20260101, 1))
	syll := strings.Fields("ka to ri men sa lo ve da ni qu el ar on is tu pe ma bo ch st")
	vocab := make([]string, 4000)
	for i := range vocab {
		var b strings.Builder
		for range 1 + rnd.IntN(3) {
			b.WriteString(syll[rnd.IntN(len(syll))])
		}
		vocab[i] = b.String()
	}
	zipf := rand.NewZipf(rnd, 1.07, 2, uint64(len(vocab)-1))
	sentence := func() string {
		w := make([]string, 6+rnd.IntN(30))
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		w[len(w)-1] += "."
		return strings.Join(w, " ")
	}
	edit := func(s string) string {
		w := strings.Fields(s)
		for range 1 + rnd.IntN(2) {
			i := rnd.IntN(len(w))
			switch rnd.IntN(3) {
			case 0:
				w[i] = vocab[zipf.Uint64()]
			case 1:
				w = append(w[:i], append([]string{vocab[zipf.Uint64()]}, w[i:]...)...)
			case 2:
				if len(w) > 2 {
					w = append(w[:i], w[i+1:]...)
				}
			}
		}
		return strings.Join(w, " ")
	}
	var ps [][2]string
	for i := range pairs {
		s := sentence()
		if i > 0 && rnd.IntN(3) == 0 {
			s = edit(ps[rnd.IntN(len(ps))][0])
		}
		ps = append(ps, [2]string{s, fmt.Sprintf("translation %d", i)})
	}
	qs := make([]string, queries)
	for i := range qs {
		if rnd.IntN(4) == 0 {
			qs[i] = sentence()
		} else {
			qs[i] = edit(ps[rnd.IntN(len(ps))][0])
		}
	}
	return ps, qs
}

// BenchmarkRecall compares Recall with the brute-force search: 1,000
// texts looked for in 20,000 stored sentences. ns/query is the figure to
// compare.
func BenchmarkRecall(b *testing.B) {
	pairs, queries := corpus(20000, 1000)
	b.Run("indexed", func(b *testing.B) {
		for b.Loop() {
			r := tm.NewRecall(queries)
			for i, p := range pairs {
				r.Offer(uint64(i), p[0], p[1])
			}
			for _, q := range queries {
				r.Lookup(q)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(queries)), "ns/query")
	})
	b.Run("brute", func(b *testing.B) {
		m := newBrute(pairs)
		k := 0
		for b.Loop() {
			m.lookup(queries[k%len(queries)])
			k++
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/query")
	})
}
