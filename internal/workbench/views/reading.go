package views

import (
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/readinglevel"
	"github.com/lingo-l10n/lingo/internal/syncer"
)

// ReadingLevel is one article's reading level in the source language and
// in each language asked (readinglevel.Article); ReadingScore one of them.
type (
	ReadingLevel = readinglevel.Article
	ReadingScore = readinglevel.Level
)

// ReadingLevels scores every article in the source language and in each
// of langs but pseudo-locales, as lingo status shows them and the
// workbench beside each article.
func (p Views) ReadingLevels(langs []string) ([]ReadingLevel, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	var plans []*syncer.LangPlan
	for _, lang := range langs {
		if check.IsPseudo(lang) {
			continue
		}
		lp, err := p.Plan(lang, arts, syncer.SyncOptions{Lenient: true})
		if err != nil {
			return nil, err
		}
		plans = append(plans, lp)
	}
	return readinglevel.NewReader().Articles(p.Config.Source, arts, plans)
}

// ReadingFindings are lingo check's findings of the reading levels of
// every article in langs, with [check] reading_grade set (none without).
func (p Views) ReadingFindings(langs []string) ([]check.Finding, error) {
	grade := p.Config.Check.ReadingGrade
	if grade == 0 {
		return nil, nil
	}
	levels, err := p.ReadingLevels(langs)
	if err != nil {
		return nil, err
	}
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	var fs []check.Finding
	for _, a := range levels {
		fs = append(fs, readinglevel.Findings(c, a, grade, p.Rel)...)
	}
	return fs, nil
}
