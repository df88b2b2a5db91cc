package review

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Waivers. A person who judges a finding wrong on one entry (a negation a
// clinician checked is kept in other words, a cognate that is the same in
// both languages) waives it: lingo records in the entry's state file who,
// why and when, with the exact source text and translation. While both are
// what the entry has, the gate counts that check's findings on the entry
// as waived; any change to either undoes the waiver.

// WaiveOptions says what Waive records.
type WaiveOptions struct {
	Lang  string
	Check string   // the check whose finding is waived
	IDs   []string // the entries; at least one
	By    string   // who waives (see Reviewer)
	Why   string   // why, optional
	At    time.Time
}

// WaiveResult is what Waive did.
type WaiveResult struct {
	Lang    string
	Check   string
	Waived  []ReviewEntry // the entries whose waiver it recorded, in document order
	Written []string      // state files written, relative to the project
}

// WaiveError is a waiver refused because entries it names have no finding
// of its check to waive (unknown, missing, stale, or clean of that
// check). Nothing was recorded.
type WaiveError struct {
	Lang, Check string
	Refused     []ReviewEntry
}

func (e *WaiveError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "accept --check %s: %d %s of %s cannot be waived, nothing recorded (only a finding of %s on a translated, current entry can be):",
		e.Check, len(e.Refused), Nouns(len(e.Refused), "entry", "entries"), e.Lang, e.Check)
	for _, r := range e.Refused {
		b.WriteString("\n  " + r.String())
	}
	return b.String()
}

// ErrNoWaiver is Waive's error when no entry is named.
var ErrNoWaiver = errors.New("accept --check: name the entries whose finding you waive (IDs from lingo check)")

// Waive records that opts.By waives the findings of opts.Check on the
// entries opts.IDs of opts.Lang. Each entry must be translated, current,
// and have a finding of that check (waived already or not); otherwise the
// whole waiver is refused with a *WaiveError and nothing is written. Only
// the state files of the articles named are written, each atomically, and
// in each only the records of the entries named change. It takes no lock:
// the caller holds the project's.
func (p Reviews) Waive(opts WaiveOptions) (*WaiveResult, error) {
	if !p.IsTarget(opts.Lang) {
		return nil, fmt.Errorf("accept: %q is not one of the languages in %s (%s)", opts.Lang, filepath.Base(p.Config.Path), strings.Join(p.Config.Languages, ", "))
	}
	if err := gate.Waivable(opts.Check); err != nil {
		return nil, err
	}
	if opts.By = strings.TrimSpace(opts.By); opts.By == "" {
		return nil, ErrNoReviewer
	}
	if len(opts.IDs) == 0 {
		return nil, ErrNoWaiver
	}
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	res := &WaiveResult{Lang: opts.Lang, Check: opts.Check}
	refuse := &WaiveError{Lang: opts.Lang, Check: opts.Check}
	wanted := map[string][]string{}
	for _, id := range opts.IDs {
		slug := slugOf(id)
		if _, found := slices.BinarySearch(slugs, slug); !found {
			refuse.Refused = append(refuse.Refused, ReviewEntry{ID: id, Why: "not a message of any article"})
			continue
		}
		wanted[slug] = append(wanted[slug], id)
	}
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	var files []workspace.Pending
	for _, slug := range slices.Sorted(maps.Keys(wanted)) {
		waived, refused, st, err := p.waiveArticle(c, slug, wanted[slug], opts)
		if err != nil {
			return nil, err
		}
		refuse.Refused = append(refuse.Refused, refused...)
		res.Waived = append(res.Waived, waived...)
		if len(waived) > 0 {
			f, err := workspace.JSONFile(p.StatePath(opts.Lang, slug), st)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	if len(refuse.Refused) > 0 {
		return nil, refuse
	}
	res.Written, err = p.WriteAll(files)
	return res, err
}

// waiveArticle records the waivers of the entries ids of article slug:
// those it waived, those it refused, and the article's state with the
// waivers.
func (p Reviews) waiveArticle(c *check.Checker, slug string, ids []string, opts WaiveOptions) ([]ReviewEntry, []ReviewEntry, workspace.Records, error) {
	lang := opts.Lang
	a, err := p.Load(slug)
	if err != nil {
		return nil, nil, nil, err
	}
	if f, err := p.CatalogFileOf(lang, slug); err != nil {
		return nil, nil, nil, err
	} else if f != "" && f != p.CatalogPath(lang, slug) {
		return nil, nil, nil, fmt.Errorf("accept: %s is not in lingo.toml's format (%s): run lingo sync first", filepath.ToSlash(p.Rel(f)), p.Config.Format)
	}
	cat, st, err := p.ReadTarget(lang, slug)
	if err != nil {
		return nil, nil, nil, err
	}
	ap, err := p.PlanArticle(lang, a, cat, st, syncer.SyncOptions{NoMemory: true})
	if err != nil {
		return nil, nil, nil, err
	}
	j := p.Assess(c, a, lang, ap)
	file := filepath.ToSlash(p.Rel(ap.Path))
	if st == nil {
		st = workspace.Records{}
	}
	var waived, refused []ReviewEntry
	for _, id := range ids {
		i := slices.IndexFunc(ap.Messages, func(m syncer.Message) bool { return m.ID == id })
		if i < 0 {
			refused = append(refused, ReviewEntry{ID: id, File: file, Why: "not a message of " + slug})
			continue
		}
		m := ap.Messages[i]
		e := ReviewEntry{ID: id, File: file, Line: m.Line, Col: 1}
		switch {
		case m.State == syncer.Missing:
			e.Why = "not translated yet"
		case m.State == syncer.Machine:
			e.Why = "a machine draft no person has edited or reviewed: edit it, or lingo review it, first"
		case m.State == syncer.Stale:
			e.Why = fmt.Sprintf("stale: the %s text changed since this was translated (update it, or lingo accept --lang %s %s, first)", p.Config.Source, lang, id)
		case !hasFinding(j.Result.Found, id, opts.Check):
			e.Why = fmt.Sprintf("lingo check has no %s finding on this entry (its findings: %s)", opts.Check, findings(j.Result.Found, id))
		}
		if e.Why != "" {
			refused = append(refused, e)
			continue
		}
		r := translation.RecordOf(m.Source, m.Translation, translation.Verdict{State: syncer.Current, Hash: article.Hash(m.Source)})
		if m.Reviewed {
			r.Review = st[id].Review
		}
		r.Waivers = translation.WithWaiver(m.Waivers, translation.Waiver{Check: opts.Check, By: opts.By, Why: strings.TrimSpace(opts.Why),
			At: opts.At.UTC().Format(time.RFC3339), Source: m.Source, Translation: m.Translation, Plural: maps.Clone(m.Plural)})
		st[id] = r
		waived = append(waived, e)
	}
	return waived, refused, st, nil
}

// hasFinding reports whether found has a finding of check on entry id.
func hasFinding(found []check.Finding, id, name string) bool {
	return slices.ContainsFunc(found, func(f check.Finding) bool { return f.ID == id && f.Check == name })
}

// findings lists the checks with findings on entry id, sorted; "none"
// when it has none.
func findings(found []check.Finding, id string) string {
	var names []string
	for _, f := range found {
		if f.ID == id {
			names = append(names, f.Check)
		}
	}
	slices.Sort(names)
	if names = slices.Compact(names); len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
