// Package align pairs the segments of a source article with those of the
// same article translated by hand, so that existing translations can become
// catalog entries. Front matter fields pair by key. Body blocks pair in
// order by a structural signature that survives translation: the block's
// kind and level (h2, p, li, td, quote, attr-alt...), its numbers, how many
// links, images and code spans it holds, the code spans themselves (code is
// not translated) and its link destinations, each as a multiset, since word
// order moves them. The two signature sequences are
// compared with Myers' O(ND) difference algorithm, so similar articles align
// in linear time. Blocks inside equal runs pair; where the structure
// differs (a paragraph added, split, merged or missing, or its numbers or
// links changed) nothing is paired by guess: the blocks there, and the
// neighbours whose pairing the difference makes uncertain, come back as
// Gaps with their line.
//
//	pairs, gaps := align.Options{SrcLang: "en", TrLang: "fr"}.Align(srcSegs, frSegs)
//	for _, p := range pairs {
//		// frSegs[p.Tr].Text translates srcSegs[p.Src].Text
//	}
package align

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/numbers"
)

// Pair says that tr[Tr] is the translation of src[Src]; both are indices
// into the segments given to Align.
type Pair struct{ Src, Tr int }

// Gap is a block left out of the alignment: a segment of the source
// (Source true) or of the translation, at Index in its slice and at Line of
// its article, with the reason in words.
type Gap struct {
	Source bool
	Index  int
	Line   int
	Reason string
}

// Options says what language each side is written in. Numbers are read
// as each language writes them ("2,5" is 2.5 in French), and a link
// destination of the translation loses a leading /<TrLang>/ (a site's
// localized path, "/fr/service/" for "/service/"). Empty languages read
// numbers as runs of digits and keep destinations as written.
type Options struct {
	SrcLang, TrLang string
}

// Align pairs src and tr with the zero Options.
func Align(src, tr []article.Segment) ([]Pair, []Gap) {
	return Options{}.Align(src, tr)
}

// Align pairs the segments of a source article with those of its
// translation. Pairs come in source order; gaps come source first, each
// side in document order.
func (o Options) Align(src, tr []article.Segment) ([]Pair, []Gap) {
	var pairs []Pair
	var gaps []Gap
	srcFM, srcBody := split(src)
	trFM, trBody := split(tr)
	fmPairs := pairFields(src, tr, srcFM, trFM, &gaps)

	in := newInterner()
	a := make([]int, len(srcBody))
	sa := make([]signature, len(srcBody))
	for k, i := range srcBody {
		sa[k] = sign(&src[i], o.SrcLang, "")
		a[k] = in.id(sa[k].key)
	}
	b := make([]int, len(trBody))
	sb := make([]signature, len(trBody))
	for k, j := range trBody {
		sb[k] = sign(&tr[j], o.TrLang, o.TrLang)
		b[k] = in.id(sb[k].key)
	}
	matched := match(a, b)
	doubt := make([]bool, len(matched))
	// Walk the hunks: the stretches between consecutive matches.
	prevA, prevB := -1, -1
	for h := 0; h <= len(matched); h++ {
		nextA, nextB := len(a), len(b)
		if h < len(matched) {
			nextA, nextB = matched[h].Src, matched[h].Tr
		}
		if nextA > prevA+1 || nextB > prevB+1 {
			hunk(a[prevA+1:nextA], b[prevB+1:nextB], matched, doubt, h, a)
			reasonA, reasonB := hunkReasons(sa[prevA+1:nextA], sb[prevB+1:nextB], tr, trBody[prevB+1:nextB], src, srcBody[prevA+1:nextA])
			for k := prevA + 1; k < nextA; k++ {
				i := srcBody[k]
				gaps = append(gaps, Gap{Source: true, Index: i, Line: src[i].Line, Reason: reasonA})
			}
			for k := prevB + 1; k < nextB; k++ {
				j := trBody[k]
				gaps = append(gaps, Gap{Index: j, Line: tr[j].Line, Reason: reasonB})
			}
		}
		if h < len(matched) {
			prevA, prevB = nextA, nextB
		}
	}
	const unsure = "cannot tell which block this pairs with: a block of the same kind near it was added, removed or changed"
	for h, m := range matched {
		i, j := srcBody[m.Src], trBody[m.Tr]
		if doubt[h] {
			gaps = append(gaps, Gap{Source: true, Index: i, Line: src[i].Line, Reason: unsure},
				Gap{Index: j, Line: tr[j].Line, Reason: unsure})
			continue
		}
		pairs = append(pairs, Pair{i, j})
	}
	pairs = append(pairs, fmPairs...)
	slices.SortFunc(pairs, func(x, y Pair) int { return cmp.Compare(x.Src, y.Src) })
	slices.SortFunc(gaps, func(x, y Gap) int {
		if x.Source != y.Source {
			if x.Source {
				return -1
			}
			return 1
		}
		return cmp.Compare(x.Index, y.Index)
	})
	return pairs, gaps
}

// hunk marks as doubtful the matches next to the h-th hunk (the blocks
// ha of the source and hb of the translation that did not match) whose
// pairing another alignment of the same cost would change: a match whose
// signature some block of the hunk shares could pair with that block
// instead. The doubt spreads along neighbours of such signatures.
func hunk(ha, hb []int, matched []Pair, doubt []bool, h int, a []int) {
	sigs := make(map[int]bool, len(ha)+len(hb))
	for _, s := range ha {
		sigs[s] = true
	}
	for _, s := range hb {
		sigs[s] = true
	}
	for k := h - 1; k >= 0 && sigs[a[matched[k].Src]]; k-- {
		doubt[k] = true
	}
	for k := h; k < len(matched) && sigs[a[matched[k].Src]]; k++ {
		doubt[k] = true
	}
}

// hunkReasons explains why the blocks of a hunk are left out, for each side.
func hunkReasons(sa, sb []signature, tr []article.Segment, trIdx []int, src []article.Segment, srcIdx []int) (string, string) {
	switch {
	case len(sb) == 0:
		return "not in the translation (removed there, or merged into another block)", ""
	case len(sa) == 0:
		return "", "not in the source (added, or split from another block)"
	case len(sa) == 1 && len(sb) == 1 && sa[0].tag == sb[0].tag:
		why := sa[0].differs(sb[0]) + " (the translation may be of an older version)"
		return fmt.Sprintf("the translation's %s at line %d differs: %s", sb[0].tag, tr[trIdx[0]].Line, why),
			fmt.Sprintf("the source's %s at line %d differs: %s", sa[0].tag, src[srcIdx[0]].Line, why)
	}
	return fmt.Sprintf("the translation has %d other blocks here instead (from line %d)", len(sb), tr[trIdx[0]].Line),
		fmt.Sprintf("the source has %d other blocks here instead (from line %d)", len(sa), src[srcIdx[0]].Line)
}

// split returns the indices of the front matter fields and of the body
// blocks of segs.
func split(segs []article.Segment) (fm, body []int) {
	for i := range segs {
		if segs[i].Kind == article.KindFrontMatter {
			fm = append(fm, i)
		} else {
			body = append(body, i)
		}
	}
	return fm, body
}

// pairFields pairs front matter fields by key (the n-th field of a key with
// the n-th of the same key) and reports the rest as gaps.
func pairFields(src, tr []article.Segment, sf, tf []int, gaps *[]Gap) []Pair {
	byKey := map[string][]int{}
	for _, j := range tf {
		byKey[tr[j].Field] = append(byKey[tr[j].Field], j)
	}
	var pairs []Pair
	used := map[int]bool{}
	for _, i := range sf {
		q := byKey[src[i].Field]
		if len(q) == 0 {
			*gaps = append(*gaps, Gap{Source: true, Index: i, Line: src[i].Line, Reason: "front matter field " + src[i].Field + " is not in the translation"})
			continue
		}
		pairs = append(pairs, Pair{i, q[0]})
		used[q[0]] = true
		byKey[src[i].Field] = q[1:]
	}
	for _, j := range tf {
		if !used[j] {
			*gaps = append(*gaps, Gap{Index: j, Line: tr[j].Line, Reason: "front matter field " + tr[j].Field + " is not in the source"})
		}
	}
	return pairs
}

// interner numbers distinct signature keys.
type interner map[string]int

func newInterner() interner { return interner{} }

func (in interner) id(key string) int {
	if n, ok := in[key]; ok {
		return n
	}
	in[key] = len(in)
	return len(in) - 1
}

// signature is what a block keeps across translation.
type signature struct {
	tag     string   // kind and level or field: "h2", "p", "attr-alt"
	numbers []string // canonical values, sorted
	links   int      // inline links, reference links and autolinks
	images  int
	code    []string // code spans, sorted
	dests   []string // link and image destinations, sorted
	key     string
}

// sign computes the signature of s, reading numbers as lang writes them and
// dropping a leading /<local>/ from destinations (a localized site path).
func sign(s *article.Segment, lang, local string) signature {
	sig := signature{tag: s.Tag()}
	text := s.Text
	var prose strings.Builder
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\\' && i+1 < len(text):
			prose.WriteString(text[i : i+2])
			i += 2
			continue
		case c == '`':
			n := run(text, i, '`')
			if end := closing(text, i+n, n); end >= 0 {
				sig.code = append(sig.code, strings.TrimSpace(text[i+n:end]))
				prose.WriteByte(' ')
				i = end + n
				continue
			}
			prose.WriteString(text[i : i+n])
			i += n
			continue
		case c == '!' && strings.HasPrefix(text[i:], "!["):
			sig.images++
			sig.links-- // counted again at its "](" or "]["
		case c == ']' && strings.HasPrefix(text[i:], "]("):
			sig.links++
			d, end := destination(text, i+2)
			sig.dests = append(sig.dests, localPath(d, local))
			prose.WriteString("](")
			i = end
			continue
		case c == ']' && strings.HasPrefix(text[i:], "]["):
			sig.links++
		case c == '<' && (strings.HasPrefix(text[i:], "<http://") || strings.HasPrefix(text[i:], "<https://")):
			if end := strings.IndexByte(text[i:], '>'); end > 0 {
				sig.links++
				sig.dests = append(sig.dests, text[i+1:i+end])
				prose.WriteByte(' ')
				i += end + 1
				continue
			}
		}
		prose.WriteByte(c)
		i++
	}
	if sig.links < 0 {
		sig.links = 0 // "![" without a destination: not an image after all
	}
	sig.numbers = findNumbers(prose.String(), lang)
	// Multisets: word order moves numbers, links and code around.
	slices.Sort(sig.numbers)
	slices.Sort(sig.code)
	slices.Sort(sig.dests)
	var k strings.Builder
	k.WriteString(sig.tag)
	k.WriteString("\x00n")
	k.WriteString(strings.Join(sig.numbers, " "))
	k.WriteString("\x00l" + strconv.Itoa(sig.links) + " i" + strconv.Itoa(sig.images))
	k.WriteString("\x00c")
	k.WriteString(strings.Join(sig.code, "\x01"))
	k.WriteString("\x00d")
	k.WriteString(strings.Join(sig.dests, "\x01"))
	sig.key = k.String()
	return sig
}

// differs says how s (the source's block) and t (the translation's) differ.
func (s signature) differs(t signature) string {
	switch {
	case !slices.Equal(s.numbers, t.numbers):
		return fmt.Sprintf("numbers [%s] in the source, [%s] in the translation", strings.Join(s.numbers, " "), strings.Join(t.numbers, " "))
	case s.links != t.links || s.images != t.images:
		return fmt.Sprintf("%d links and %d images in the source, %d and %d in the translation", s.links, s.images, t.links, t.images)
	case !slices.Equal(s.code, t.code):
		return "other code spans"
	}
	return "other link destinations"
}

// findNumbers returns the canonical values of the numbers of text: as lang
// writes them, or runs of ASCII digits where lang is empty.
func findNumbers(text, lang string) []string {
	var out []string
	if lang != "" {
		for _, n := range numbers.Find(text, lang) {
			out = append(out, n.Value)
		}
		return out
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsDigit(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j == i {
			j = i + size
		}
		out = append(out, strings.TrimLeft(text[i:j], "0"))
		i = j
	}
	return out
}

// run is the length of the run of c at text[i].
func run(text string, i int, c byte) int {
	n := 0
	for i+n < len(text) && text[i+n] == c {
		n++
	}
	return n
}

// closing finds the start of the next run of exactly n backticks from i,
// or -1.
func closing(text string, i, n int) int {
	for i < len(text) {
		k := strings.IndexByte(text[i:], '`')
		if k < 0 {
			return -1
		}
		i += k
		r := run(text, i, '`')
		if r == n {
			return i
		}
		i += r
	}
	return -1
}

// destination reads a link destination starting at text[i] (just after
// "]("): up to the matching ")" or the first space (a title follows).
func destination(text string, i int) (string, int) {
	if i < len(text) && text[i] == '<' {
		if end := strings.IndexByte(text[i:], '>'); end > 0 {
			return text[i+1 : i+end], i + end + 1
		}
	}
	depth := 0
	for j := i; j < len(text); j++ {
		switch text[j] {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return text[i:j], j
			}
			depth--
		case ' ', '\n', '\t':
			return text[i:j], j
		}
	}
	return text[i:], len(text)
}

// localPath drops a leading /<lang>/ from dest, case-insensitively, after
// an optional scheme and host.
func localPath(dest, lang string) string {
	if lang == "" {
		return dest
	}
	host := ""
	if k := strings.Index(dest, "://"); k >= 0 {
		slash := strings.IndexByte(dest[k+3:], '/')
		if slash < 0 {
			return dest
		}
		host, dest = dest[:k+3+slash], dest[k+3+slash:]
	}
	prefix := "/" + lang + "/"
	if len(dest) >= len(prefix) && strings.EqualFold(dest[:len(prefix)], prefix) {
		return host + dest[len(prefix)-1:]
	}
	return host + dest
}
