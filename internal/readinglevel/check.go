package readinglevel

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Check IDs of the reading-level findings ([check.severity] sets them).
const (
	CheckGrade  = "reading-grade"
	CheckHarder = "reading-harder"
)

// Harder is how many points of reading ease (Flesch's family, 0 to 100) a
// translation may read below its source over the same entries before it is
// reported: one and a half of Flesch's bands of ten.
const Harder = 15

// Difficult is the reading ease below which a text is harder than
// "standard" on Flesch's table (60 to 70: 8th and 9th grade): a
// translation that reads easier than that is not reported, however far
// below its source (each language's adaptation has its own spread).
const Difficult = 60

// MinWords is the fewest words of translation compared with their source:
// on fewer, one long sentence decides the score.
const MinWords = 50

// Article is one article's levels: the source's, and each language's.
type Article struct {
	Slug   string   `json:"slug"`
	File   string   `json:"-"` // the article's path
	Source Level    `json:"source"`
	Langs  []Level  `json:"languages"`
	Files  []string `json:"-"` // per language of Langs, its catalog's path
}

// In is a's level in lang: the source's or a translation's; the zero
// Level (no text) for a language not scored.
func (a Article) In(lang string) Level {
	if a.Source.Lang == lang {
		return a.Source
	}
	for _, l := range a.Langs {
		if l.Lang == lang {
			return l
		}
	}
	return Level{Lang: lang}
}

// Articles scores every article of arts in the source language, and in
// each language of plans (as sync planned it, its articles in the order of
// arts).
func (r *Reader) Articles(srcLang string, arts []*workspace.Article, plans []*syncer.LangPlan) ([]Article, error) {
	out := make([]Article, 0, len(arts))
	for ai, a := range arts {
		src, err := r.Source(srcLang, a.Segs)
		if err != nil {
			return nil, err
		}
		art := Article{Slug: a.Slug, File: a.Path, Source: src}
		for _, lp := range plans {
			if ai >= len(lp.Articles) || lp.Articles[ai].Slug != a.Slug {
				return nil, fmt.Errorf("reading level of %s in %s: the plan is not of the same articles", a.Slug, lp.Lang)
			}
			l, err := r.Translation(srcLang, lp.Lang, a.Segs, lp.Articles[ai].Messages)
			if err != nil {
				return nil, err
			}
			art.Langs = append(art.Langs, l)
			art.Files = append(art.Files, lp.Articles[ai].Path)
		}
		out = append(out, art)
	}
	return out, nil
}

// Findings are what lingo check reports of a's levels with reading_grade
// set: the source above the grade, and each translation much harder than
// its source. rel gives a path as findings name it.
func Findings(c *check.Checker, a Article, grade float64, rel func(string) string) []check.Finding {
	var out []check.Finding
	if f, ok := gradeFinding(c, rel(a.File), a.Source, grade); ok {
		out = append(out, f)
	}
	for i, l := range a.Langs {
		if f, ok := harderFinding(c, rel(a.Files[i]), l); ok {
			out = append(out, f)
		}
	}
	return out
}

// gradeFinding reports a source level above grade, with its longest
// sentences, at the line of the longest.
func gradeFinding(c *check.Checker, file string, l Level, grade float64) (check.Finding, bool) {
	s := l.Score
	if !s.HasGrade || s.Words == 0 || s.Grade <= grade {
		return check.Finding{}, false
	}
	var split []string
	for _, sent := range s.Longest {
		words := "words"
		if sent.Words == 1 {
			words = "word"
		}
		split = append(split, fmt.Sprintf("line %d (%d %s): %q", l.Lines[sent.Block], sent.Words, words, clip(sent.Text, 80)))
	}
	msg := fmt.Sprintf("reads at grade %.1f, above reading_grade %g (%s; %d words in %d sentences, %.2f syllables a word): split the longest sentences: %s",
		s.Grade, grade, s.Formula, s.Words, s.Sentences, s.SyllablesPerWord(), strings.Join(split, "; "))
	return c.Finding(l.Lang, file, l.Lines[s.Longest[0].Block], "", CheckGrade, msg)
}

// harderFinding reports a translation whose reading ease is Harder points
// or more below its source's over the same entries, both of Flesch's
// family, and below Difficult, at the line of its longest sentence.
func harderFinding(c *check.Checker, file string, l Level) (check.Finding, bool) {
	s, src := l.Score, l.Source
	if src == nil || s.Formula == "" || src.Formula == "" || s.Words < MinWords || src.Ease-s.Ease < Harder || s.Ease >= Difficult {
		return check.Finding{}, false
	}
	longest := s.Longest[0]
	msg := fmt.Sprintf("reads much harder than its source: reading ease %.1f (%s) against %.1f (%s) over the same %d entries, %.1f words a sentence against %.1f; the longest sentence: %q",
		s.Ease, s.Formula, src.Ease, src.Formula, l.Entries, s.WordsPerSentence(), src.WordsPerSentence(), clip(longest.Text, 80))
	return c.Finding(l.Lang, file, l.Lines[longest.Block], "", CheckHarder, msg)
}

// clip shortens text to n runes, with an ellipsis.
func clip(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	return string([]rune(text)[:n-1]) + "…"
}

// Scored reports whether a page in lang gets a reading level: not a
// pseudo-locale's, whose text is the source's, accented.
func Scored(lang string) bool { return !check.IsPseudo(lang) }
