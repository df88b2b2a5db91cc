// Package readability scores how hard a text is to read, with each
// language's published formula: Flesch–Kincaid grade and Flesch reading
// ease (en), Szigriszt–Pazos's perspicuity, read on the INFLESZ scale (es),
// Kandel and Moles (fr), Amstad's reading ease and the first Wiener
// Sachtextformel (de); for other languages it gives the lengths of
// sentences and words alone. The reading-ease scores of en, es, fr and de
// are one family (Flesch's, adapted to each language: 0 to 100, higher is
// easier), so a translation can be compared with its source. Syllables
// come from the language's hyphenation patterns (Debian's hyphen-*
// dictionaries, copied in patterns/) corrected by its spelling rules.
// Input is plain text, one block (a heading, a paragraph, a list item) at
// a time: Prose gives it for a Markdown message.
package readability

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Family is the family of the reading-ease scores of en, es, fr and de.
const Family = "flesch"

// Score is how hard a text is to read.
type Score struct {
	Lang      string `json:"lang"`
	Words     int    `json:"words"`
	Sentences int    `json:"sentences"`
	// Syllables, Polysyllables (words of three or more) and Monosyllables
	// are counted where the language has patterns (en, es, fr, de).
	Syllables     int `json:"syllables,omitempty"`
	Polysyllables int `json:"polysyllables,omitempty"`
	Monosyllables int `json:"monosyllables,omitempty"`
	Letters       int `json:"letters"`
	LongWords     int `json:"long_words"` // words of more than six letters
	// Chars says that Words counts characters: in Chinese and Japanese,
	// written without spaces, a sentence's length is in characters.
	Chars bool `json:"chars,omitempty"`
	// Formula names the language's formula ("" for none); Ease is its
	// reading ease (Family) and Grade the school grade, US or its
	// equivalent, it gives or is read as (HasGrade).
	Formula  string  `json:"formula,omitempty"`
	Ease     float64 `json:"ease,omitempty"`
	Grade    float64 `json:"grade,omitempty"`
	HasGrade bool    `json:"-"`
	// Longest are the longest sentences, longest first (at most three).
	Longest []Sentence `json:"longest,omitempty"`
}

// Sentence is one sentence of a text: the block it is in (an index into
// the blocks scored), its words and its text.
type Sentence struct {
	Block int    `json:"block"`
	Words int    `json:"words"`
	Text  string `json:"text"`
}

// WordsPerSentence is the mean sentence length.
func (s Score) WordsPerSentence() float64 { return ratio(s.Words, s.Sentences) }

// SyllablesPerWord is the mean word length in syllables.
func (s Score) SyllablesPerWord() float64 { return ratio(s.Syllables, s.Words) }

// LettersPerWord is the mean word length in letters.
func (s Score) LettersPerWord() float64 { return ratio(s.Letters, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scorer scores texts in one language.
type Scorer struct {
	lang string
	syl  *Syllables // nil where the language has no patterns
}

// NewScorer returns the scorer of lang, a BCP 47 tag.
func NewScorer(lang string) (*Scorer, error) {
	syl, _, err := NewSyllables(lang)
	if err != nil {
		return nil, err
	}
	return &Scorer{lang: lang, syl: syl}, nil
}

// Score scores blocks of plain text: each block ends a sentence (a
// heading or a list item without a full stop is one), and inside a block
// a sentence ends at a full stop, question or exclamation mark followed
// by a space or the end (not after an abbreviation such as "e.g." or a
// single letter), and at 。！？.
func (sc *Scorer) Score(blocks []string) Score {
	s := Score{Lang: sc.lang}
	base := baseLang(sc.lang)
	s.Chars = base == "zh" || base == "ja"
	var all []Sentence
	for bi, block := range blocks {
		for _, sent := range sentences(block) {
			words := sc.count(&s, sent)
			if words == 0 {
				continue
			}
			s.Sentences++
			all = append(all, Sentence{Block: bi, Words: words, Text: sent})
		}
	}
	slices.SortStableFunc(all, func(a, b Sentence) int { return cmp.Compare(b.Words, a.Words) })
	s.Longest = all[:min(3, len(all))]
	if s.Words == 0 {
		return s
	}
	sc.formula(&s, base)
	return s
}

// count adds the words of one sentence to s and returns how many.
func (sc *Scorer) count(s *Score, sent string) int {
	n := 0
	for _, tok := range strings.FieldsFunc(sent, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }) {
		if s.Chars {
			for _, r := range tok {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					n++
					s.Letters++
				}
			}
			continue
		}
		letters, digits := 0, false
		for _, r := range tok {
			switch {
			case isLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits = true
			}
		}
		if letters == 0 && !digits {
			continue // punctuation, a dash
		}
		n++
		s.Letters += letters
		if letters > 6 {
			s.LongWords++
		}
		if sc.syl == nil {
			continue
		}
		syl := 1 // a number: one
		if letters > 0 {
			syl = sc.syl.Count(tok)
		}
		s.Syllables += syl
		switch {
		case syl >= 3:
			s.Polysyllables++
		case syl == 1:
			s.Monosyllables++
		}
	}
	s.Words += n
	return n
}

// formula computes the language's formula from the counts.
func (sc *Scorer) formula(s *Score, base string) {
	asl, asw := s.WordsPerSentence(), s.SyllablesPerWord()
	switch base {
	case "en":
		s.Formula = "Flesch–Kincaid grade, Flesch reading ease"
		s.Grade, s.HasGrade = 0.39*asl+11.8*asw-15.59, true
		s.Ease = 206.835 - 1.015*asl - 84.6*asw
	case "es":
		s.Formula = "Szigriszt–Pazos (INFLESZ)"
		s.Ease = 206.835 - 62.3*asw - asl
		s.Grade, s.HasGrade = GradeOfEase(s.Ease), true
	case "fr":
		s.Formula = "Kandel–Moles"
		s.Ease = 207 - 1.015*asl - 73.6*asw
		s.Grade, s.HasGrade = GradeOfEase(s.Ease), true
	case "de":
		s.Formula = "Amstad, Wiener Sachtextformel"
		s.Ease = 180 - asl - 58.5*asw
		pc := func(n int) float64 { return 100 * float64(n) / float64(s.Words) }
		s.Grade, s.HasGrade = 0.1935*pc(s.Polysyllables)+0.1672*asl+0.1297*pc(s.LongWords)-0.0327*pc(s.Monosyllables)-0.875, true
	}
}

// easeGrades is Flesch's table (The Art of Readable Writing, 1949) of
// reading ease against school grade, at the middle of each band: 90–100
// is 5th grade, 80–90 6th, 70–80 7th, 60–70 8th and 9th, 50–60 10th to
// 12th, 30–50 college, below 30 college graduate.
var easeGrades = [][2]float64{{100, 4}, {95, 5}, {85, 6}, {75, 7}, {65, 8.5}, {55, 11}, {40, 14.5}, {15, 17}, {0, 18}}

// GradeOfEase reads a reading-ease score of the Flesch family as a school
// grade on Flesch's table, between its bands' middles; it is how Szigriszt-
// Pazos's and Kandel and Moles's scores, which give no grade, are read as
// one.
func GradeOfEase(ease float64) float64 {
	if ease >= easeGrades[0][0] {
		return easeGrades[0][1]
	}
	for i := 1; i < len(easeGrades); i++ {
		hi, lo := easeGrades[i-1], easeGrades[i]
		if ease >= lo[0] {
			return lo[1] + (hi[1]-lo[1])*(ease-lo[0])/(hi[0]-lo[0])
		}
	}
	return easeGrades[len(easeGrades)-1][1]
}

// Round1 rounds x to one decimal, as scores are shown.
func Round1(x float64) float64 { return math.Round(x*10) / 10 }

func baseLang(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = []string{
	"e.g.", "i.e.", "dr.", "mr.", "mrs.", "ms.", "vs.", "approx.", "no.", "fig.", "p.ej.", "sr.", "sra.",
	"dra.", "aprox.", "núm.", "z.b.", "d.h.", "bzw.", "ca.", "nr.", "usw.", "vgl.", "m.", "mme.", "env.", "cf.",
}

// sentences splits one block into sentences.
func sentences(block string) []string {
	var out []string
	start := 0
	for i, r := range block {
		size := utf8.RuneLen(r)
		end := false
		switch r {
		case '。', '！', '？':
			end = true
		case '.', '!', '?', '…', '؟', '۔':
			next, _ := utf8.DecodeRuneInString(block[i+size:])
			for next == '"' || next == '\'' || next == ')' || next == '”' || next == '’' || next == '»' {
				size += utf8.RuneLen(next)
				next, _ = utf8.DecodeRuneInString(block[i+size:])
			}
			end = (i+size == len(block) || unicode.IsSpace(next)) && !(r == '.' && abbreviated(block[start:i+1]))
		}
		if end {
			if s := strings.TrimSpace(block[start : i+size]); s != "" {
				out = append(out, s)
			}
			start = i + size
		}
	}
	if s := strings.TrimSpace(block[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// abbreviated reports text that ends in an abbreviation or an initial.
// It reads the last word alone (from the last space), so that a long
// block without a sentence end costs linear time.
func abbreviated(text string) bool {
	last := text
	if i := strings.LastIndexFunc(text, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		last = text[i+size:]
	}
	last = strings.ToLower(last)
	if last == "" {
		return false
	}
	if slices.Contains(abbreviations, last) {
		return true
	}
	r, size := utf8.DecodeRuneInString(last)
	return size+1 == len(last) && unicode.IsLetter(r) // "J."
}
