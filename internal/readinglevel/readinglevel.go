// Package readinglevel scores how hard each article reads in each
// language, and finds what lingo check reports of it. An article's prose
// is its headings, paragraphs, list items, quotes, table cells, footnotes,
// definitions and the text in its raw HTML (not front matter, alt text or
// shortcode parameters), each message read as a reader sees it
// (readability.Prose) and scored with its language's formula
// (readability.Scorer): the source with every message, a translation with
// its current entries, beside the source's score over those same entries,
// so that a half-translated page is compared with what it translates.
// With [check] reading_grade set, a source article above that grade is a
// reading-grade finding that names its longest sentences, and a
// translation whose reading ease is much lower than its source's on the
// same formula family is a reading-harder finding.
package readinglevel

import (
	"fmt"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/memo"
	"github.com/lingo-l10n/lingo/internal/readability"
	"github.com/lingo-l10n/lingo/internal/syncer"
)

// Level is how hard one article reads in one language.
type Level struct {
	Lang string `json:"lang"`
	// Entries are the messages scored: every prose message of the source,
	// a translation's current entries; Of is the article's prose messages.
	Entries int               `json:"entries"`
	Of      int               `json:"of"`
	Score   readability.Score `json:"score"`
	// Source is, for a translation, the source's score over the same
	// entries (nil for the source itself).
	Source *readability.Score `json:"source,omitempty"`
	// Lines are, for each block scored (readability.Sentence.Block), its
	// line: in the article for the source, in the catalog for a
	// translation (0 where the entry is not on disk yet).
	Lines []int `json:"-"`
}

// Reader scores articles; it keeps one scorer per language and is safe for
// concurrent use.
type Reader struct {
	prose   *readability.Prose
	scorers *scorers
	sources *memo.Map[string] // the prose of source texts, in a Reader of one article
}

type scorers struct {
	mu sync.Mutex
	m  map[string]*readability.Scorer
}

// NewReader returns a Reader.
func NewReader() *Reader {
	return &Reader{prose: readability.NewProse(), scorers: &scorers{m: map[string]*readability.Scorer{}}}
}

// ForArticle returns r reading the prose of each source text of one
// article once, however many of its languages it scores.
func (r *Reader) ForArticle() *Reader {
	return &Reader{prose: r.prose, scorers: r.scorers, sources: &memo.Map[string]{}}
}

// sourceProse is the prose of source text s.
func (r *Reader) sourceProse(s string) string {
	if r.sources == nil {
		return r.prose.Text(s)
	}
	return r.sources.Get(s, func() string { return r.prose.Text(s) })
}

func (r *Reader) scorer(lang string) (*readability.Scorer, error) {
	r.scorers.mu.Lock()
	defer r.scorers.mu.Unlock()
	if s, ok := r.scorers.m[lang]; ok {
		return s, nil
	}
	s, err := readability.NewScorer(lang)
	if err != nil {
		return nil, err
	}
	r.scorers.m[lang] = s
	return s, nil
}

// isProse reports a segment a reader reads as part of the article's text.
func isProse(k article.Kind) bool {
	switch k {
	case article.KindHeading, article.KindParagraph, article.KindListItem, article.KindQuote,
		article.KindTableHead, article.KindTableCell, article.KindFootnote, article.KindTerm,
		article.KindDefinition, article.KindHTML:
		return true
	}
	return false
}

// Source scores the source article whose segments are segs, in lang.
func (r *Reader) Source(lang string, segs []article.Segment) (Level, error) {
	sc, err := r.scorer(lang)
	if err != nil {
		return Level{}, err
	}
	l := Level{Lang: lang}
	var blocks []string
	for _, s := range segs {
		if !isProse(s.Kind) {
			continue
		}
		l.Of++
		l.Entries++
		blocks = append(blocks, r.sourceProse(s.Text))
		l.Lines = append(l.Lines, s.Line)
	}
	l.Score = sc.Score(blocks)
	return l, nil
}

// Translation scores the current translations msgs (as sync classified
// them, one per segment of segs) in lang, and the source text of the same
// entries in srcLang.
func (r *Reader) Translation(srcLang, lang string, segs []article.Segment, msgs []syncer.Message) (Level, error) {
	sc, err := r.scorer(lang)
	if err != nil {
		return Level{}, err
	}
	src, err := r.scorer(srcLang)
	if err != nil {
		return Level{}, err
	}
	l := Level{Lang: lang}
	var blocks, sources []string
	for i, s := range segs {
		if !isProse(s.Kind) || i >= len(msgs) {
			continue
		}
		l.Of++
		if m := msgs[i]; m.State == syncer.Current && strings.TrimSpace(m.Translation) != "" {
			l.Entries++
			blocks = append(blocks, r.prose.Text(m.Translation))
			sources = append(sources, r.sourceProse(m.Source))
			l.Lines = append(l.Lines, m.Line)
		}
	}
	l.Score = sc.Score(blocks)
	same := src.Score(sources)
	l.Source = &same
	return l, nil
}

// Brief is a level in the few numbers a page's record keeps (the status
// page shows them).
type Brief struct {
	Formula          string  `json:"formula,omitempty"`
	Grade            float64 `json:"grade,omitempty"` // with a formula: rounded to one decimal, as the ease
	Ease             float64 `json:"ease,omitempty"`
	WordsPerSentence float64 `json:"words_per_sentence"`
	Words            int     `json:"words"`
	Chars            bool    `json:"chars,omitempty"` // Words counts characters (zh, ja)
}

// Brief is l in a few numbers; nil for a level with no text.
func (l Level) Brief() *Brief {
	s := l.Score
	if s.Words == 0 {
		return nil
	}
	b := &Brief{Formula: s.Formula, WordsPerSentence: readability.Round1(s.WordsPerSentence()), Words: s.Words, Chars: s.Chars}
	if s.HasGrade {
		b.Grade, b.Ease = readability.Round1(s.Grade), readability.Round1(s.Ease)
	}
	return b
}

// Summary is a level in a few words: "grade 14.2 (Flesch–Kincaid grade,
// Flesch reading ease 31.5)", or the lengths where the language has no
// formula.
func (l Level) Summary() string {
	s := l.Score
	switch {
	case s.Words == 0:
		return "no text"
	case s.Formula == "":
		unit := "words"
		if s.Chars {
			return fmt.Sprintf("%.1f characters a sentence", s.WordsPerSentence())
		}
		return fmt.Sprintf("%.1f %s a sentence, %.1f letters a word", s.WordsPerSentence(), unit, s.LettersPerWord())
	}
	return fmt.Sprintf("grade %.1f, ease %.1f (%s)", s.Grade, s.Ease, s.Formula)
}
