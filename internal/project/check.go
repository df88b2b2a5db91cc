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
// against each language's min_complete, then every current translation,
// on all cores. The catalogs are read as they are on disk (run sync first
// to bring them up to date); a catalog that does not parse is an error.
func (p *Project) Check(langs []string) (*check.Report, error) {
	g, err := p.glossary()
	if err != nil {
		return nil, err
	}
	c := check.New(check.Options{Glossary: g, Prefixes: p.Config.Check.Prefixes,
		Severity: p.Config.Check.Severity, Length: p.Config.LengthBand})
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	refs := make(map[string]map[string]string, len(arts))
	for _, a := range arts {
		refs[a.Slug] = a.Refs
	}
	rep := &check.Report{Findings: []check.Finding{}}
	var jobs []check.Translation
	for _, lang := range langs {
		lp, err := p.Plan(lang, arts, SyncOptions{Lenient: true, NoMemory: true})
		if err != nil {
			return nil, err
		}
		tot, found, todo := p.completeness(c, lp, refs)
		rep.Totals = append(rep.Totals, tot)
		rep.Findings = append(rep.Findings, found...)
		jobs = append(jobs, todo...)
	}
	rep.Findings = append(rep.Findings, checkAll(c, jobs)...)
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

// completeness reports missing, stale and orphan entries of one language,
// and returns its current translations to check.
func (p *Project) completeness(c *check.Checker, lp *LangPlan, refs map[string]map[string]string) (check.Totals, []check.Finding, []check.Translation) {
	tot := check.Totals{Lang: lp.Lang, MinPercent: p.Config.MinComplete(lp.Lang), Percent: 100}
	for _, ap := range lp.Articles {
		for _, m := range ap.Messages {
			tot.Messages++
			if m.State == Current {
				tot.Translated++
			}
		}
	}
	if tot.Messages > 0 {
		tot.Percent = float64(tot.Translated) * 100 / float64(tot.Messages)
	}
	// Below the threshold a gap fails the gate; above it, it is reported.
	level := check.Warning
	if tot.Percent < tot.MinPercent {
		level = check.Error
	}
	var found []check.Finding
	var todo []check.Translation
	add := func(file string, line int, id, name, msg string) {
		if f, ok := c.Finding(lp.Lang, file, line, id, name, msg); ok {
			if _, set := p.Config.Check.Severity[name]; !set && (name == "missing" || name == "stale") {
				f.Severity = level
			}
			found = append(found, f)
		}
	}
	for _, ap := range lp.Articles {
		file := filepath.ToSlash(p.rel(ap.Path))
		for _, m := range ap.Messages {
			switch m.State {
			case Missing:
				add(file, m.Line, m.ID, "missing", "not translated yet")
			case Stale:
				add(file, m.Line, m.ID, "stale", fmt.Sprintf("the %s text changed since this was translated (lingo diff --lang %s)", p.Config.Source, lp.Lang))
			case Current:
				todo = append(todo, check.Translation{Lang: lp.Lang, File: file, Line: m.Line, ID: m.ID,
					Source: m.Source, SourceLang: p.Config.Source, Text: m.Translation, Plural: m.Plural, Refs: refs[ap.Slug]})
			}
		}
		for _, e := range ap.Orphans {
			add(file, e.Line, e.ID, "orphan", "no message of the source article has this ID (lingo sync refuses it)")
		}
	}
	return tot, found, todo
}

// checkAll checks translations on every core and returns the findings.
func checkAll(c *check.Checker, jobs []check.Translation) []check.Finding {
	results := make([][]check.Finding, len(jobs))
	_ = parallel(len(jobs), func(i int) error {
		results[i] = c.Check(jobs[i])
		return nil
	})
	var out []check.Finding
	for _, r := range results {
		out = append(out, r...)
	}
	return out
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
