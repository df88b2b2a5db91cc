package project

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/glossary"
)

// Check checks the catalogs of langs against the articles: completeness
// against each language's min_complete, then every current translation.
// The catalogs are read as they are on disk (run sync first to bring them
// up to date); a catalog that does not parse is an error. Articles are
// checked on all cores, one at a time per core in every language, so
// memory follows the largest article and the findings, not the corpus.
func (p *Project) Check(langs []string) (*check.Report, error) {
	return p.check(langs, false)
}

// check is Check; with errorsOnly, the report lists only the errors, and
// its totals count the warnings, so that memory follows the errors rather
// than every finding. Missing and stale entries are errors only in a
// language below its min_complete, known once every article is counted:
// those languages are checked again for them.
func (p *Project) check(langs []string, errorsOnly bool) (*check.Report, error) {
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
		results[i], err = p.checkArticle(c, slugs[i], langs, errorsOnly)
		return err
	})
	if err != nil {
		return nil, err
	}
	warnings, gaps := make([]int, len(langs)), make([]int, len(langs)) // left out (errorsOnly)
	rep := &check.Report{Findings: []check.Finding{}}
	for li, lang := range langs {
		tot := check.Totals{Lang: lang, MinPercent: p.Config.MinComplete(lang), Percent: 100}
		for _, r := range results {
			tot.Messages += r.messages[li]
			tot.Translated += r.current[li]
			warnings[li] += r.warnings[li]
			gaps[li] += r.gaps[li]
		}
		if tot.Messages > 0 {
			tot.Percent = float64(tot.Translated) * 100 / float64(tot.Messages)
		}
		rep.Totals = append(rep.Totals, tot)
	}
	for i := range results {
		rep.Findings = append(rep.Findings, results[i].found...)
		results[i].found = nil
	}
	p.gapSeverity(rep)
	rep.Findings = append(rep.Findings, p.unknownLangs(c)...)
	if errorsOnly {
		listed, err := p.gapErrors(c, slugs, rep.Totals)
		if err != nil {
			return nil, err
		}
		rep.Findings = slices.DeleteFunc(rep.Findings, func(f check.Finding) bool { return f.Severity != check.Error })
		rep.Findings = append(rep.Findings, listed...)
	}
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
		if t := &rep.Totals[i]; t.Percent >= t.MinPercent { // below, gapErrors listed them
			t.Warnings += gaps[i]
		}
		rep.Totals[i].Warnings += warnings[i]
	}
	return rep, nil
}

// gapErrors checks the languages below their min_complete again for their
// missing and stale entries, which are errors there, where lingo.toml does
// not set their severity.
func (p *Project) gapErrors(c *check.Checker, slugs []string, totals []check.Totals) ([]check.Finding, error) {
	var below []string
	for _, t := range totals {
		if t.Percent < t.MinPercent {
			below = append(below, t.Lang)
		}
	}
	if len(below) == 0 {
		return nil, nil
	}
	found := make([][]check.Finding, len(slugs))
	err := parallel(len(slugs), func(i int) error {
		r, err := p.checkArticle(c, slugs[i], below, false)
		for _, f := range r.found {
			if p.isGap(f) {
				f.Severity = check.Error
				found[i] = append(found[i], f)
			}
		}
		return err
	})
	return slices.Concat(found...), err
}

// isGap reports a missing or stale finding whose severity lingo.toml does
// not set: gapSeverity sets it.
func (p *Project) isGap(f check.Finding) bool {
	_, set := p.Config.Check.Severity[f.Check]
	return !set && (f.Check == "missing" || f.Check == "stale")
}

// articleCheck is what checking one article found, per language in the
// order of the languages checked.
type articleCheck struct {
	messages, current []int
	warnings, gaps    []int // findings left out (errorsOnly): warnings, missing and stale entries
	found             []check.Finding
}

// checkArticle checks one article's catalog in each of langs: its missing,
// stale and orphan entries, and every current translation.
func (p *Project) checkArticle(c *check.Checker, slug string, langs []string, errorsOnly bool) (articleCheck, error) {
	n := len(langs)
	r := articleCheck{messages: make([]int, n), current: make([]int, n), warnings: make([]int, n), gaps: make([]int, n)}
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
		keep := func(f check.Finding) {
			switch {
			case errorsOnly && p.isGap(f):
				r.gaps[li]++
			case errorsOnly && f.Severity != check.Error:
				r.warnings[li]++
			default:
				r.found = append(r.found, f)
			}
		}
		add := func(line int, id, name, msg string) {
			if f, ok := c.Finding(lang, file, line, id, name, msg); ok {
				keep(f)
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
				for _, f := range c.Check(check.Translation{Lang: lang, File: file, Line: m.Line, ID: m.ID,
					Source: m.Source, SourceLang: p.Config.Source, Text: m.Translation, Plural: m.Plural, Refs: a.Refs}) {
					keep(f)
				}
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
		if p.isGap(f) {
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
