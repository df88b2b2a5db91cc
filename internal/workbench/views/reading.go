package views

import (
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/readinglevel"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// ReadingLevel is one article's reading level in the source language and
// in each language asked (readinglevel.Article); ReadingScore one of them.
type (
	ReadingLevel = readinglevel.Article
	ReadingScore = readinglevel.Level
)

// ReadingLevels scores every article in the source language and in each
// of langs but pseudo-locales, as lingo status shows them and lingo check
// reads them.
func (p Views) ReadingLevels(langs []string) ([]ReadingLevel, error) {
	return p.readingLevels(langs, syncer.SyncOptions{})
}

// readingLevels is ReadingLevels with plans made with opts.
func (p Views) readingLevels(langs []string, opts syncer.SyncOptions) ([]ReadingLevel, error) {
	arts, plans, err := p.plans(langs, opts)
	if err != nil {
		return nil, err
	}
	return p.levels(arts, plans)
}

// plans reads the articles and plans each of langs, as sync would with
// opts.
func (p Views) plans(langs []string, opts syncer.SyncOptions) ([]*workspace.Article, []*syncer.LangPlan, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, nil, err
	}
	plans, err := p.PlanEach(langs, arts, opts)
	return arts, plans, err
}

// Status is lingo status: each of langs counted, the waivers its entries
// keep, and every article's reading level, from one plan of each
// language.
func (p Views) Status(langs []string) ([]syncer.Stats, [][]syncer.Waived, []ReadingLevel, error) {
	arts, plans, err := p.plans(langs, syncer.SyncOptions{})
	if err != nil {
		return nil, nil, nil, err
	}
	levels, err := p.levels(arts, plans)
	if err != nil {
		return nil, nil, nil, err
	}
	stats, waivers := p.StatusOf(plans)
	return stats, waivers, levels, nil
}

// levels scores arts in the source language and in each language of
// plans but pseudo-locales.
func (p Views) levels(arts []*workspace.Article, plans []*syncer.LangPlan) ([]ReadingLevel, error) {
	real := make([]*syncer.LangPlan, 0, len(plans))
	for _, lp := range plans {
		if !check.IsPseudo(lp.Lang) {
			real = append(real, lp)
		}
	}
	return readinglevel.NewReader().Articles(p.Config.Source, arts, real)
}

// ReadingFindings are lingo check's findings of the reading levels of
// every article in langs, with [check] reading_grade set (none without).
func (p Views) ReadingFindings(langs []string) ([]check.Finding, error) {
	return p.readingFindings(langs, false)
}

// ReadingErrors are the ReadingFindings that [check.severity] makes
// errors, which fail lingo build; when it makes neither reading check an
// error, no article is scored.
func (p Views) ReadingErrors(langs []string) ([]check.Finding, error) {
	return p.readingFindings(langs, true)
}

func (p Views) readingFindings(langs []string, errorsOnly bool) ([]check.Finding, error) {
	grade := p.Config.Check.ReadingGrade
	if grade == 0 {
		return nil, nil
	}
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	isError := func(id string) bool { return c.Severity(id, check.Defaults[id]) == check.Error }
	if errorsOnly && !isError(readinglevel.CheckGrade) && !isError(readinglevel.CheckHarder) {
		return nil, nil
	}
	// as check reads catalogs: an entry the source lacks is an orphan
	// finding of its own, not an error
	levels, err := p.readingLevels(langs, syncer.SyncOptions{Lenient: true})
	if err != nil {
		return nil, err
	}
	var fs []check.Finding
	for _, a := range levels {
		for _, f := range readinglevel.Findings(c, a, grade, p.Rel) {
			if !errorsOnly || f.Severity == check.Error {
				fs = append(fs, f)
			}
		}
	}
	return fs, nil
}
