package review

import (
	"errors"
	"fmt"
	"maps"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Review state. A reviewer (a clinician who approves a translated dosage
// paragraph) signs off entries: lingo records in the entry's state file
// (locales/<lang>/.lingo/<slug>.json) who reviewed it and the exact source
// text and translation they approved. The review holds while both are
// what the entry has: sync keeps it, and drops it as soon as either
// changes. Where [lang.<tag>] require_review is set, only reviewed entries
// are published.

// ReviewOptions says what ReviewWith records.
type ReviewOptions struct {
	Lang string
	// IDs are the entries to review. None means every entry that may be
	// reviewed and is not yet: translated, current and without an
	// error-level finding of lingo check.
	IDs []string
	// Articles, when IDs is empty, limits the review to these articles
	// (slugs); with IDs, an ID of another article is refused.
	Articles []string
	// By names the reviewer (see Reviewer).
	By string
}

// ReviewEntry is one entry a review names: where it is and, for an entry
// that was not reviewed, why.
type ReviewEntry struct {
	ID   string
	File string // its catalog, relative to the project; "" for an unknown ID
	Line int    // its line there, 0 if not known
	Col  int    // its column there, 0 if not given
	Why  string // why it was not reviewed; "" for a reviewed entry
}

// String is "file:line: ID" (file:line:col where a column is given), then
// ": why" when there is a reason.
func (e ReviewEntry) String() string {
	s := e.ID
	switch {
	case e.File != "" && e.Line > 0 && e.Col > 0:
		s = fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.ID)
	case e.File != "" && e.Line > 0:
		s = fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.ID)
	case e.File != "":
		s = e.File + ": " + e.ID
	}
	if e.Why != "" {
		s += ": " + e.Why
	}
	return s
}

// ReviewResult is what ReviewWith did.
type ReviewResult struct {
	Lang     string
	Reviewed []ReviewEntry // the entries whose review it recorded, in document order
	Already  int           // (every entry) entries already reviewed for their current text
	Drafts   int           // (every entry) machine drafts left out: a draft is reviewed only by its ID
	Skipped  []ReviewEntry // (every entry) current entries with error-level findings: not reviewed
	Written  []string      // state files written, relative to the project
}

// ReviewError is a review refused because entries it names cannot be
// reviewed (unknown, missing, stale, or with error-level findings). Nothing
// was recorded.
type ReviewError struct {
	Lang    string
	Refused []ReviewEntry
}

func (e *ReviewError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "review: %d %s of %s cannot be reviewed, nothing recorded (only a translated, current entry without error-level findings can be):",
		len(e.Refused), Nouns(len(e.Refused), "entry", "entries"), e.Lang)
	for _, r := range e.Refused {
		b.WriteString("\n  " + r.String())
	}
	return b.String()
}

// ErrNoReviewer is Reviewer's error when no name is given and git knows
// none.
var ErrNoReviewer = errors.New("who reviews? give your name with --by NAME (or set it with git config user.name)")

// Reviewer is the name a review is recorded under: by, else git's
// user.name in the project folder; ErrNoReviewer when neither names one.
func (p Reviews) Reviewer(by string) (string, error) {
	if by = strings.TrimSpace(by); by != "" {
		return by, nil
	}
	cmd := exec.Command("git", "config", "user.name")
	cmd.Dir = p.Config.Dir
	out, err := cmd.Output()
	if name := strings.TrimSpace(string(out)); err == nil && name != "" {
		return name, nil
	}
	return "", ErrNoReviewer
}

// Review records that by reviewed the entries ids of lang: who, and the
// exact source text and translation of each. With no ids it reviews every
// entry of lang that may be reviewed and is not yet (translated, current,
// without error-level findings of lingo check). An entry named in ids that
// cannot be reviewed refuses the whole review with a *ReviewError, and
// nothing is written. It returns the IDs reviewed. It takes no lock: the
// caller holds the project's lock, as for Sync.
func (p Reviews) Review(lang string, ids []string, by string) ([]string, error) {
	res, err := p.ReviewWith(ReviewOptions{Lang: lang, IDs: ids, By: by})
	if res == nil {
		return nil, err
	}
	reviewed := make([]string, len(res.Reviewed))
	for i, e := range res.Reviewed {
		reviewed[i] = e.ID
	}
	return reviewed, err
}

// ReviewWith is Review with options (limiting the review to articles) and
// everything it did: the entries reviewed, already reviewed and skipped,
// and the files written. Only the state files of the articles with
// entries reviewed are written, each atomically, and in each only the
// records of those entries change: as sync would write them, with the
// review.
func (p Reviews) ReviewWith(opts ReviewOptions) (*ReviewResult, error) {
	lang := opts.Lang
	if !p.IsTarget(lang) {
		return nil, fmt.Errorf("review: %q is not one of the languages in %s (%s)", lang, filepath.Base(p.Config.Path), strings.Join(p.Config.Languages, ", "))
	}
	if opts.By = strings.TrimSpace(opts.By); opts.By == "" {
		return nil, ErrNoReviewer
	}
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	for _, s := range opts.Articles {
		if _, found := slices.BinarySearch(slugs, s); !found {
			return nil, fmt.Errorf("review: --article %s: no such article in %s", s, filepath.ToSlash(p.Rel(p.Config.ContentDir())))
		}
	}
	res := &ReviewResult{Lang: lang}
	refuse := &ReviewError{Lang: lang}
	// The articles to read, and the IDs wanted in each (nil: every entry).
	wanted := map[string]map[string]string{}
	if len(opts.IDs) == 0 {
		list := opts.Articles
		if len(list) == 0 {
			list = slugs
		}
		for _, s := range list {
			wanted[s] = nil
		}
	}
	for _, id := range opts.IDs {
		slug := slugOf(id)
		_, found := slices.BinarySearch(slugs, slug)
		switch {
		case !found:
			refuse.Refused = append(refuse.Refused, ReviewEntry{ID: id, Why: "not a message of any article"})
			continue
		case len(opts.Articles) > 0 && !slices.Contains(opts.Articles, slug):
			refuse.Refused = append(refuse.Refused, ReviewEntry{ID: id, Why: "not in --article " + strings.Join(opts.Articles, ", ")})
			continue
		}
		if wanted[slug] == nil {
			wanted[slug] = map[string]string{}
		}
		wanted[slug][id] = ""
	}
	files, err := p.ReviewArticles(lang, wanted, opts.By, false, res, refuse)
	if err != nil {
		return nil, err
	}
	if len(refuse.Refused) > 0 {
		return nil, refuse
	}
	res.Written, err = p.WriteAll(files)
	return res, err
}

// ReviewArticles reviews, by by, the entries of lang wanted lists by
// article: by ID, with the translation the review is for ("" for the one
// the catalog has), or nil for every entry that may be reviewed and is not
// yet. It adds what it reviewed and skipped to res, and the named entries
// that cannot be reviewed to refuse (to res.Skipped when lenient), and
// returns the state files to write.
func (p Reviews) ReviewArticles(lang string, wanted map[string]map[string]string, by string, lenient bool, res *ReviewResult, refuse *ReviewError) ([]workspace.Pending, error) {
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	order := slices.Sorted(maps.Keys(wanted))
	units := make([]reviewUnit, len(order))
	err = workers.Run(p.Context(), len(order), func(k int) error {
		var err error
		units[k], err = p.reviewArticle(c, lang, order[k], wanted[order[k]], by)
		return err
	})
	if err != nil {
		return nil, err
	}
	var files []workspace.Pending
	for _, u := range units {
		if lenient {
			u.skipped = append(u.skipped, u.refused...)
			u.refused = nil
			if len(u.reviewed) > 0 {
				if u.file, err = p.reviewFile(lang, u); err != nil {
					return nil, err
				}
			}
		}
		refuse.Refused = append(refuse.Refused, u.refused...)
		res.Reviewed = append(res.Reviewed, u.reviewed...)
		res.Skipped = append(res.Skipped, u.skipped...)
		res.Already += u.already
		res.Drafts += u.drafts
		if u.file != nil {
			files = append(files, *u.file)
		}
	}
	return files, nil
}

// slugOf is the article a message ID belongs to: the ID without its last
// dot-separated part (<slug>.<kind>-<hash>).
func slugOf(id string) string {
	if i := strings.LastIndex(id, "."); i > 0 {
		return id[:i]
	}
	return ""
}

// reviewUnit is what reviewing one article's catalog came to.
type reviewUnit struct {
	slug                       string
	reviewed, refused, skipped []ReviewEntry
	already                    int
	drafts                     int                // (every entry) machine drafts left out: reviewed only when named
	state                      workspace.Records  // the article's state, with the reviews
	file                       *workspace.Pending // its state file to write; nil when none
}

// reviewArticle reviews the entries ids of article slug in lang (every
// entry that may be reviewed and is not yet, when ids is nil) by by; an ID
// with a text is reviewed only while the catalog has that translation.
func (p Reviews) reviewArticle(c *check.Checker, lang, slug string, ids map[string]string, by string) (reviewUnit, error) {
	u := reviewUnit{slug: slug}
	a, err := p.Load(slug)
	if err != nil {
		return u, err
	}
	if f, err := p.CatalogFileOf(lang, slug); err != nil {
		return u, err
	} else if f != "" && f != p.CatalogPath(lang, slug) {
		return u, fmt.Errorf("review: %s is not in lingo.toml's format (%s): run lingo sync first", filepath.ToSlash(p.Rel(f)), p.Config.Format)
	}
	cat, st, err := p.ReadTarget(lang, slug)
	if err != nil {
		return u, err
	}
	ap, err := p.PlanArticle(lang, a, cat, st, syncer.SyncOptions{NoMemory: true})
	if err != nil {
		return u, err
	}
	j := p.Assess(c, a, lang, ap)
	file := filepath.ToSlash(p.Rel(ap.Path))
	found := map[string]bool{}
	for i, m := range ap.Messages {
		want, named := ids[m.ID]
		if ids != nil && !named {
			continue
		}
		found[m.ID] = true
		e := ReviewEntry{ID: m.ID, File: file, Line: m.Line}
		switch {
		case want != "" && m.Translation != want:
			e.Why = "the catalog's translation is not the one signed off"
		case m.State == syncer.Missing:
			e.Why = "not translated yet"
		case m.State == syncer.Stale:
			e.Why = fmt.Sprintf("stale: the %s text changed since this was translated (update it, or lingo accept --lang %s %s)", p.Config.Source, lang, m.ID)
		case m.State == syncer.Machine && m.Old != "":
			e.Why = fmt.Sprintf("a machine draft of an older %s text (lingo draft --lang %s --stale drafts it again)", p.Config.Source, lang)
		case m.State == syncer.Machine && ids == nil:
			// A machine draft is reviewed only when named: a review of
			// everything never signs off text no one read.
			u.drafts++
			continue
		case j.Msgs[i].Errors > 0 && m.State == syncer.Machine:
			e.Why = fmt.Sprintf("the machine draft fails lingo check: %s (edit it first)", failedDraft(j.Result.Found, m.ID))
		case j.Msgs[i].Errors > 0:
			e.Why = fmt.Sprintf("fails lingo check at error level: %s (lingo check --lang %s)", failed(j.Result.Found, m.ID), lang)
		}
		switch {
		case e.Why != "" && named:
			u.refused = append(u.refused, e)
		case e.Why != "" && m.State == syncer.Current:
			u.skipped = append(u.skipped, e)
		case e.Why != "":
		case ids == nil && m.Reviewed:
			u.already++
		default:
			r := translation.RecordOf(m.Source, m.Translation, translation.Verdict{State: syncer.Current, Hash: article.Hash(m.Source)})
			r.Review = &translation.Review{By: by, Source: m.Source, Translation: m.Translation, Plural: maps.Clone(m.Plural)}
			r.Waivers = m.Waivers
			if st == nil {
				st = workspace.Records{}
			}
			st[m.ID] = r
			u.reviewed = append(u.reviewed, e)
		}
	}
	for id := range ids {
		if !found[id] {
			u.refused = append(u.refused, ReviewEntry{ID: id, File: file, Why: "not a message of " + slug})
		}
	}
	slices.SortFunc(u.refused, func(x, y ReviewEntry) int { return strings.Compare(x.ID, y.ID) })
	u.state = st
	if len(u.reviewed) > 0 && len(u.refused) == 0 {
		var err error
		if u.file, err = p.reviewFile(lang, u); err != nil {
			return u, err
		}
	}
	return u, nil
}

// failed lists the checks that found errors in entry id, sorted; those
// whose severity lingo.toml turned off still keep an unsafe translation
// from being published ("unsafe").
func failed(found []check.Finding, id string) string {
	var names []string
	for _, f := range found {
		if f.ID == id && f.Severity == check.Error {
			names = append(names, f.Check)
		}
	}
	slices.Sort(names)
	if names = slices.Compact(names); len(names) == 0 {
		return "unsafe"
	}
	return strings.Join(names, ", ")
}

// failedDraft lists the checks that found something in machine draft id
// (lingo check reports them as warnings: a draft is not published).
func failedDraft(found []check.Finding, id string) string {
	var names []string
	for _, f := range found {
		if f.ID == id && f.Check != "machine" && !strings.HasPrefix(f.Check, "machine-") {
			names = append(names, f.Check)
		}
	}
	slices.Sort(names)
	if names = slices.Compact(names); len(names) == 0 {
		return "unsafe"
	}
	return strings.Join(names, ", ")
}

// reviewFile is the state file of u's article with its reviews.
func (p Reviews) reviewFile(lang string, u reviewUnit) (*workspace.Pending, error) {
	f, err := workspace.JSONFile(p.StatePath(lang, u.slug), u.state)
	return &f, err
}

// Nouns is one when n is 1, else many.
func Nouns(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
