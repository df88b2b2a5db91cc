package readability

import (
	"hash/maphash"
	"math"
	"strings"
	"sync"
	"unicode"
)

// Syllables counts the syllables of words in one language: the breaks
// its hyphenation patterns find (every break, with no minimum length at
// either end), and inside each part the vowel nuclei the language's
// spelling rules find, which is where patterns undercount: they were made
// to hyphenate, so they leave out breaks near the ends of words (idea,
// día, créer) and between vowels in hiatus. The rules also take out what
// is written but not spoken: English silent e (makes, hopeful), French
// mute e (table, rapidement), German and French glides (Nation, patient).
type Syllables struct {
	lang  string
	hyph  *hyphenator
	rules rules
	memo  memo // counts already made, by word: prose repeats its words
}

// memo keeps up to memoSize counts, for use from many goroutines, by a
// hash of their word: numbers only, which the collector need not scan.
// A memo of the words themselves held a copy of each (35 MB for four
// languages at 3,714 articles × 10 languages), all of it scanned by every
// collection of the run. Two words of one hash, about one chance in 2^33
// for a full memo, would share a count.
type memo struct {
	mu     sync.RWMutex
	counts map[uint64]uint16
}

// memoSize bounds a language's memo (about 1.5 MB): past it, words are
// counted every time.
const memoSize = 1 << 16

// memoSeed hashes the words of every memo.
var memoSeed = maphash.MakeSeed()

func (m *memo) get(word string) (int, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n, ok := m.counts[maphash.String(memoSeed, word)]
	return int(n), ok
}

func (m *memo) put(word string, n int) {
	if n < 0 || n > math.MaxUint16 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.counts == nil {
		m.counts = map[uint64]uint16{}
	}
	if len(m.counts) < memoSize {
		m.counts[maphash.String(memoSeed, word)] = uint16(n)
	}
}

// rules are a language's spelling rules for vowel nuclei.
type rules struct {
	vowel func(w []rune, i int) bool     // w[i] is a vowel here
	split func(w word, i int) bool       // vowels w[i-1] and w[i] are in different syllables
	fix   func(w word, nuclei []int) int // adjustments to the count, given where each nucleus starts
	// cutVowels lets a pattern break split a run of vowels (cre-ate,
	// Be-ein); where the rules alone decide runs (es, fr), it does not.
	cutVowels bool
}

// word is a run of lower-case letters, and where its patterns break it:
// cut[i] is a break before r[i].
type word struct {
	r   []rune
	cut []bool
}

// SyllableLangs are the languages NewSyllables counts.
var SyllableLangs = []string{"de", "en", "es", "fr"}

// NewSyllables returns the counter of lang's syllables (en, es, fr or de,
// by base language: en-GB counts as en), and false for a language it has
// no patterns for.
func NewSyllables(lang string) (*Syllables, bool, error) {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	load, ok := hyphenators[base]
	if !ok {
		return nil, false, nil
	}
	h, err := load()
	if err != nil {
		return nil, false, err
	}
	r := map[string]rules{"en": english, "es": spanish, "fr": french, "de": german}[base]
	return &Syllables{lang: base, hyph: h, rules: r}, true, nil
}

// Count returns the syllables of word: the sum over its pieces between
// hyphens and apostrophes (aujourd'hui, rendez-vous), at least one for a
// word with a letter. Digits and other signs count nothing.
func (s *Syllables) Count(word string) int {
	if n, ok := s.memo.get(word); ok {
		return n
	}
	n := s.count(word)
	s.memo.put(word, n)
	return n
}

// count is Count, unremembered.
func (s *Syllables) count(word string) int {
	n, letters := 0, false
	for _, piece := range strings.FieldsFunc(strings.ToLower(word), func(r rune) bool { return !isLetter(r) }) {
		letters = true
		n += s.countPiece(piece)
	}
	if letters && n == 0 {
		return 1
	}
	return n
}

// countPiece counts one run of letters.
func (s *Syllables) countPiece(piece string) int {
	w := []rune(piece)
	cut := make([]bool, len(w))
	at := 0
	for i, part := range s.hyph.Parts(piece) {
		// no break before the last letter: patterns are made with a
		// minimum of two or three letters after a break, and say nothing
		// there
		if i > 0 && at < len(w)-1 {
			cut[at] = true
		}
		at += len([]rune(part))
	}
	var nuclei []int
	for i := range w {
		if !s.rules.vowel(w, i) {
			continue
		}
		if i == 0 || cut[i] && s.rules.cutVowels || !s.rules.vowel(w, i-1) || s.rules.split(word{w, cut}, i) {
			nuclei = append(nuclei, i)
		}
	}
	n := len(nuclei)
	if s.rules.fix != nil {
		n += s.rules.fix(word{w, cut}, nuclei)
	}
	return max(n, 0)
}

// in reports whether r is one of the runes of set.
func in(r rune, set string) bool { return strings.ContainsRune(set, r) }

// at is w[i], or 0 outside w.
func at(w []rune, i int) rune {
	if i < 0 || i >= len(w) {
		return 0
	}
	return w[i]
}

// hasSuffix reports whether w ends in suffix.
func hasSuffix(w []rune, suffix string) bool { return strings.HasSuffix(string(w), suffix) }

// isConsonant reports a letter that is not in vowels.
func isConsonant(r rune, vowels string) bool { return unicode.IsLetter(r) && !in(r, vowels) }

// nucleusAt reports whether a nucleus starts at i.
func nucleusAt(nuclei []int, i int) bool {
	for _, n := range nuclei {
		if n == i {
			return true
		}
	}
	return false
}
