package project

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/glossary"
)

// Check checks the catalogs of langs against the articles: completeness
// against each language's min_complete, then every current translation.
// The catalogs are read as they are on disk (run sync first to bring them
// up to date); a catalog that does not parse is an error. Articles are
// checked on all cores, one at a time per core in every language, so
// memory follows the largest article, not the corpus.
func (p *Project) Check(langs []string) (*check.Report, error) {
	g, err := p.glossary()
	if err != nil {
		return nil, err
	}
	c := check.New(check.Options{Glossary: g, Prefixes: p.Config.Check.Prefixes,
		Severity: p.Config.Check.Severity, Length: p.Config.LengthBand})
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	for _, lang := range langs {
		if err := p.collectOrphans(lang, &langInput{}, slugs); err != nil {
			return nil, err
		}
	}
	results := make([]articleCheck, len(slugs))
	err = parallel(len(slugs), func(i int) error {
		var err error
		results[i], err = p.checkArticle(c, slugs[i], langs)
		return err
	})
	if err != nil {
		return nil, err
	}
	rep := &check.Report{Findings: []check.Finding{}}
	for li, lang := range langs {
		tot := check.Totals{Lang: lang, MinPercent: p.Config.MinComplete(lang), Percent: 100}
		for _, r := range results {
			tot.Messages += r.messages[li]
			tot.Translated += r.current[li]
		}
		if tot.Messages > 0 {
			tot.Percent = float64(tot.Translated) * 100 / float64(tot.Messages)
		}
		rep.Totals = append(rep.Totals, tot)
	}
	for _, r := range results {
		rep.Findings = append(rep.Findings, r.found...)
	}
	p.gapSeverity(rep)
	rep.Findings = append(rep.Findings, p.unknownLangs(c)...)
	check.Sort(rep.Findings)
	for i := range rep.Totals {
		for _, f := range rep.Findings {
			if f.Lang != rep.Totals[i].Lang {
				continue
			}
			if f.Severity == check.Error {
				rep.Totals[i].Errors++
			} else {
				rep.Totals[i].Warnings++
			}
		}
	}
	return rep, nil
}

// articleCheck is what checking one article found, per language in the
// order of the languages checked.
type articleCheck struct {
	messages, current []int
	found             []check.Finding
}

// checkArticle checks one article's catalog in each of langs: its missing,
// stale and orphan entries, and every current translation.
func (p *Project) checkArticle(c *check.Checker, slug string, langs []string) (articleCheck, error) {
	r := articleCheck{messages: make([]int, len(langs)), current: make([]int, len(langs))}
	a, err := p.Load(slug)
	if err != nil {
		return r, err
	}
	for li, lang := range langs {
		cat, st, err := p.readTarget(lang, slug)
		if err != nil {
			return r, err
		}
		ap, err := p.planArticle(lang, a, cat, st, nil, SyncOptions{Lenient: true, NoMemory: true})
		if err != nil {
			return r, err
		}
		file := filepath.ToSlash(p.rel(ap.Path))
		add := func(line int, id, name, msg string) {
			if f, ok := c.Finding(lang, file, line, id, name, msg); ok {
				r.found = append(r.found, f)
			}
		}
		for _, m := range ap.Messages {
			r.messages[li]++
			switch m.State {
			case Missing:
				add(m.Line, m.ID, "missing", "not translated yet")
			case Stale:
				add(m.Line, m.ID, "stale", fmt.Sprintf("the %s text changed since this was translated (lingo diff --lang %s)", p.Config.Source, lang))
			case Current:
				r.current[li]++
				r.found = append(r.found, c.Check(check.Translation{Lang: lang, File: file, Line: m.Line, ID: m.ID,
					Source: m.Source, SourceLang: p.Config.Source, Text: m.Translation, Plural: m.Plural, Refs: a.Refs})...)
			}
		}
		for _, e := range ap.Orphans {
			add(e.Line, e.ID, "orphan", "no message of the source article has this ID (lingo sync refuses it)")
		}
	}
	return r, nil
}

// gapSeverity sets the severity of missing and stale findings from their
// language's completeness, where lingo.toml does not set it: below
// min_complete a gap fails the gate; above it, it is reported.
func (p *Project) gapSeverity(rep *check.Report) {
	level := map[string]check.Severity{}
	for _, t := range rep.Totals {
		level[t.Lang] = check.Warning
		if t.Percent < t.MinPercent {
			level[t.Lang] = check.Error
		}
	}
	for i, f := range rep.Findings {
		if _, set := p.Config.Check.Severity[f.Check]; !set && (f.Check == "missing" || f.Check == "stale") {
			rep.Findings[i].Severity = level[f.Lang]
		}
	}
}

// unknownLangs reports locale folders of languages lingo.toml does not
// list (pseudo-locales such as en-XA aside).
func (p *Project) unknownLangs(c *check.Checker) []check.Finding {
	entries, err := os.ReadDir(p.Config.LocalesDir())
	if err != nil {
		return nil
	}
	known := map[string]bool{p.Config.Source: true}
	for _, l := range p.Config.Languages {
		known[l] = true
	}
	var out []check.Finding
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || known[name] || isPseudo(name) {
			continue
		}
		msg := fmt.Sprintf("locale folder %s is not one of the languages in %s", name, filepath.Base(p.Config.Path))
		if f, ok := c.Finding(name, filepath.ToSlash(p.rel(filepath.Join(p.Config.LocalesDir(), name))), 0, "", "unknown-lang", msg); ok {
			out = append(out, f)
		}
	}
	return out
}

// isPseudo reports a pseudo-locale tag: region XA (accented) or XB
// (right-to-left), as lingo pseudo writes them.
func isPseudo(tag string) bool {
	return strings.HasSuffix(tag, "-XA") || strings.HasSuffix(tag, "-XB")
}

// glossaryPath is the glossary file's path, "" when there is none.
func (p *Project) glossaryPath() string {
	if p.Config.Glossary == "" || filepath.IsAbs(p.Config.Glossary) {
		return p.Config.Glossary
	}
	return filepath.Join(p.Config.Dir, p.Config.Glossary)
}

// glossary loads the configured glossary, if any.
func (p *Project) glossary() (*glossary.Glossary, error) {
	if p.Config.Glossary == "" {
		return nil, nil
	}
	g, err := glossary.Load(p.glossaryPath())
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	return g, nil
}
