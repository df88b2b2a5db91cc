package syncer

import (
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/translation"
)

// Stats counts where one language stands. It is the JSON object of
// `lingo status --format json` (see README.md for the schema).
type Stats struct {
	Lang       string  `json:"lang"`
	Messages   int     `json:"messages"`
	Translated int     `json:"translated"`
	Reviewed   int     `json:"reviewed"` // translated, current and signed off by a reviewer
	Stale      int     `json:"stale"`
	Missing    int     `json:"missing"`
	WordsLeft  int     `json:"words_left"`
	Percent    float64 `json:"percent"`
}

// Status plans each of langs as sync would, without writing, and counts its
// messages.
func (p Syncer) Status(langs []string) ([]Stats, error) {
	plans, err := p.Plans(langs, SyncOptions{})
	if err != nil {
		return nil, err
	}
	return StatsOf(plans), nil
}

// StatsOf counts the messages of each language's plan.
func StatsOf(plans []*LangPlan) []Stats {
	out := make([]Stats, 0, len(plans))
	for _, lp := range plans {
		s := Stats{Lang: lp.Lang, Percent: 100}
		for _, ap := range lp.Articles {
			s.Count(ap.Messages)
		}
		out = append(out, s)
	}
	return out
}

// Count adds msgs, messages of one article, to s.
func (s *Stats) Count(msgs []Message) {
	for _, m := range msgs {
		s.Messages++
		switch m.State {
		case Current:
			s.Translated++
			if m.Reviewed {
				s.Reviewed++
			}
		case Stale:
			s.Stale++
			s.WordsLeft += len(strings.Fields(article.Normalize(m.Source)))
		case Missing:
			s.Missing++
			s.WordsLeft += len(strings.Fields(article.Normalize(m.Source)))
		}
	}
	s.Percent = translation.Percent(s.Translated, s.Messages)
}

// Plans plans each of langs, reading the articles once.
func (p Syncer) Plans(langs []string, opts SyncOptions) ([]*LangPlan, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	plans := make([]*LangPlan, 0, len(langs))
	for _, lang := range langs {
		lp, err := p.Plan(lang, arts, opts)
		if err != nil {
			return nil, err
		}
		plans = append(plans, lp)
	}
	return plans, nil
}
