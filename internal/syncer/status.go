package syncer

import (
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Stats counts where one language stands. It is the JSON object of
// `lingo status --format json` (see README.md for the schema).
type Stats struct {
	Lang       string  `json:"lang"`
	Messages   int     `json:"messages"`
	Translated int     `json:"translated"`
	Reviewed   int     `json:"reviewed"` // translated, current and signed off by a reviewer
	Stale      int     `json:"stale"`
	Machine    int     `json:"machine"` // machine drafts no person has edited or reviewed: work to do
	Missing    int     `json:"missing"`
	WordsLeft  int     `json:"words_left"`
	Percent    float64 `json:"percent"`
}

// Waived is a waiver an entry keeps, as status lists it.
type Waived struct {
	ID    string `json:"id"`
	File  string `json:"file"` // the catalog, relative to the project
	Line  int    `json:"line"` // the entry's line there
	Check string `json:"check"`
	By    string `json:"by"`
	Why   string `json:"why,omitempty"`
	At    string `json:"at"` // RFC 3339
}

// Status plans each of langs as sync would, without writing, and counts its
// messages.
func (p Syncer) Status(langs []string) ([]Stats, error) {
	stats, _, err := p.StatusWaivers(langs)
	return stats, err
}

// StatusWaivers is Status with, per language, the waivers its entries
// keep (lingo accept --check), in document order.
func (p Syncer) StatusWaivers(langs []string) ([]Stats, [][]Waived, error) {
	plans, err := p.Plans(langs, SyncOptions{})
	if err != nil {
		return nil, nil, err
	}
	stats, waivers := p.StatusOf(plans)
	return stats, waivers, nil
}

// StatusOf counts the messages of each language's plan and lists, per
// language, the waivers its entries keep, in document order.
func (p Syncer) StatusOf(plans []*LangPlan) ([]Stats, [][]Waived) {
	waivers := make([][]Waived, len(plans))
	for k, lp := range plans {
		for _, ap := range lp.Articles {
			for _, m := range ap.Messages {
				for _, w := range m.Waivers {
					waivers[k] = append(waivers[k], Waived{ID: m.ID, File: filepath.ToSlash(p.Rel(ap.Path)), Line: m.Line,
						Check: w.Check, By: w.By, Why: w.Why, At: w.At})
				}
			}
		}
	}
	return StatsOf(plans), waivers
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
		case Machine:
			s.Machine++
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
	return p.PlanEach(langs, arts, opts)
}

// PlanEach plans each of langs for arts, the articles read once.
func (p Syncer) PlanEach(langs []string, arts []*workspace.Article, opts SyncOptions) ([]*LangPlan, error) {
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
