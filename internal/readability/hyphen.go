package readability

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// patterns is one level of Liang hyphenation patterns: for each letter
// string, the values between and around its letters ("a1b" → "ab":
// [0 1 0]).
type patterns struct {
	adding map[string][]uint8 // while the file is read (add), then frozen into values
	// values has, for each letter string, where its values are in all
	// (start and end): a byte each (0–9), one more than its letters. Keys are pieces of
	// all too (freeze): 5 MB for German's 78,000 patterns, not 11 MB in as
	// many allocations.
	values map[string][2]uint32
	all    string
	maxLen int // the longest letter string, in runes
	// heads are the first prefixLen runes of every pattern (or all of a
	// shorter one): no longer string that starts otherwise is a pattern.
	heads map[string]bool
}

// prefixLen is the length of the heads of patterns.
const prefixLen = 3

// hyphenator holds the pattern levels of a libhyphen dictionary
// (hyph_<lang>.dic, as Debian's hyphen-* packages install them): one
// level, or two where the file has NEXTLEVEL (the first finds the parts of
// compounds, the second hyphenates each part).
type hyphenator struct {
	levels []*patterns
}

// parseHyphen reads a libhyphen dictionary: a first line naming the
// character set (UTF-8 or ISO8859-1), then one pattern per line, with
// comments (% or #), directives (LEFTHYPHENMIN and the like, which a
// syllable count does not need: it asks for every break) and NEXTLEVEL
// between levels. Non-standard patterns (with "/", for spelling changes at
// a break) are skipped: they say nothing a count needs.
func parseHyphen(name string, data []byte) (*hyphenator, error) {
	first, rest, _ := bytes.Cut(data, []byte("\n"))
	switch cs := strings.TrimSpace(string(first)); cs {
	case "UTF-8":
	case "ISO8859-1":
		dec, err := charmap.ISO8859_1.NewDecoder().Bytes(rest)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		rest = dec
	default:
		return nil, fmt.Errorf("%s:1: character set %q: want UTF-8 or ISO8859-1", name, cs)
	}
	h := &hyphenator{levels: []*patterns{newPatterns(bytes.Count(rest, []byte("\n")))}}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '%' || line[0] == '#':
			continue
		case line == "NEXTLEVEL":
			h.levels = append(h.levels, newPatterns(0))
			continue
		case line[0] >= 'A' && line[0] <= 'Z' && isDirective(line), strings.Contains(line, "/"):
			continue
		}
		h.levels[len(h.levels)-1].add(line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, level := range h.levels {
		level.freeze()
	}
	return h, nil
}

// isDirective reports a libhyphen directive line (LEFTHYPHENMIN 2,
// NOHYPHEN -): an upper-case keyword.
func isDirective(line string) bool {
	word, _, _ := strings.Cut(line, " ")
	return len(word) > 1 && strings.ToUpper(word) == word && strings.ToLower(word) != word
}

// newPatterns returns an empty level with room for size patterns.
func newPatterns(size int) *patterns {
	return &patterns{adding: make(map[string][]uint8, size), heads: map[string]bool{}}
}

// freeze moves the patterns added into values, in one string.
func (p *patterns) freeze() {
	size := 0
	for k, v := range p.adding {
		size += len(k) + len(v)
	}
	var b strings.Builder
	b.Grow(size)
	ends := make([][3]int, 0, len(p.adding)) // of each pattern: its start, the end of its letters, its end
	for k, v := range p.adding {
		start := b.Len()
		b.WriteString(k)
		b.Write(v)
		ends = append(ends, [3]int{start, start + len(k), b.Len()})
	}
	p.all = b.String()
	p.values = make(map[string][2]uint32, len(ends))
	for _, e := range ends {
		p.values[p.all[e[0]:e[1]]] = [2]uint32{uint32(e[1]), uint32(e[2])}
	}
	p.adding = nil
}

// add stores one pattern such as ".ab1c2".
func (p *patterns) add(pat string) {
	letters := make([]rune, 0, len(pat))
	vals := make([]uint8, 1, len(pat)+1)
	for _, r := range pat {
		if r >= '0' && r <= '9' {
			vals[len(vals)-1] = uint8(r - '0')
			continue
		}
		letters = append(letters, unicode.ToLower(r))
		vals = append(vals, 0)
	}
	if len(letters) == 0 {
		return
	}
	key := string(letters)
	if old, ok := p.adding[key]; ok { // the same letters twice: keep the larger values
		for i := range old {
			vals[i] = max(vals[i], old[i])
		}
	}
	p.adding[key] = vals
	p.heads[string(letters[:min(len(letters), prefixLen)])] = true
	p.maxLen = max(p.maxLen, len(letters))
}

// breaks returns, for each position i in 1..len(word)-1, whether the
// patterns allow a break before word[i]. word is lower case.
func (p *patterns) breaks(word []rune) []bool {
	var b strings.Builder
	b.WriteByte('.')
	b.WriteString(string(word))
	b.WriteByte('.')
	w := b.String()
	offs := make([]int, 0, len(word)+3) // the byte offset of each rune of w, and its end
	for i := range w {
		offs = append(offs, i)
	}
	n := len(offs)
	offs = append(offs, len(w))
	vals := make([]uint8, n+1)
	for i := 0; i < n; i++ {
		for j := i + 1; j <= n && j-i <= p.maxLen; j++ {
			if j-i > prefixLen && !p.heads[w[offs[i]:offs[i+prefixLen]]] {
				break
			}
			at, ok := p.values[w[offs[i]:offs[j]]]
			if !ok {
				continue
			}
			v := p.all[at[0]:at[1]]
			for k := range len(v) {
				vals[i+k] = max(vals[i+k], v[k])
			}
		}
	}
	out := make([]bool, len(word))
	for i := 1; i < len(word); i++ {
		out[i] = vals[i+1]%2 == 1 // vals[k] is before w's rune k; word[i] is rune i+1
	}
	return out
}

// Parts splits a lower-case word at every break its patterns allow (with
// two levels: the compound's parts, then each part), with no minimum
// length at either end.
func (h *hyphenator) Parts(word string) []string {
	rs := []rune(word)
	cut := make([]bool, len(rs))
	first := h.levels[0].breaks(rs)
	if len(h.levels) == 1 {
		cut = first
	} else {
		start := 0
		for i := 1; i <= len(rs); i++ {
			if i < len(rs) && !first[i] {
				continue
			}
			cut[start] = start > 0
			for k, b := range h.levels[1].breaks(rs[start:i]) {
				if k > 0 && b {
					cut[start+k] = true
				}
			}
			start = i
		}
	}
	var parts []string
	last := 0
	for i := 1; i < len(rs); i++ {
		if cut[i] {
			parts = append(parts, string(rs[last:i]))
			last = i
		}
	}
	return append(parts, string(rs[last:]))
}

// isLetter reports a rune that can be part of a word.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }
