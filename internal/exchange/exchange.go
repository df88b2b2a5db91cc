package exchange

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/interchange"
	"github.com/lingo-l10n/lingo/internal/review"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
	"golang.org/x/text/language"
)

// Export writes every message of lang as an exchange file in format
// (xliff, xliff2 or po), as the catalogs on disk stand (translation memory
// left out): a missing message is new, a stale one needs review (with the
// source text it was translated from as Previous), a current one is
// translated, or reviewed when a reviewer signed it off (exportState), a
// machine draft a machine unit naming its engine. Each unit carries the hash its catalog entry keeps, so that
// Import can tell whether the source changed since.
func (p Exchange) Export(lang, format string) ([]byte, error) {
	if !p.IsTarget(lang) {
		return nil, fmt.Errorf("export: %q is not one of the languages in %s (%s)", lang, filepath.Base(p.Config.Path), strings.Join(p.Config.Languages, ", "))
	}
	arts, lp, err := p.plan(lang)
	if err != nil {
		return nil, err
	}
	d := &interchange.Document{SourceLang: p.Config.Source, TargetLang: lang, Revised: p.revised(lang, arts)}
	for k, ap := range lp.Articles {
		a := arts[k]
		kept, err := p.keptHashes(lang, a.Slug)
		if err != nil {
			return nil, err
		}
		loc := filepath.ToSlash(p.Rel(a.Path))
		for i, m := range ap.Messages {
			seg := &a.Segs[i]
			u := interchange.Unit{ID: m.ID, Source: m.Source, State: interchange.New, Context: seg.Describe(a.Slug),
				Location: fmt.Sprintf("%s:%d", loc, seg.Line), Hash: article.Hash(m.Source)}
			switch m.State {
			case syncer.Current:
				u.State, u.Target = p.exportState(lang, format, m), m.Translation
				u.Context += waiverNotes(m.Waivers)
			case syncer.Stale:
				u.State, u.Target, u.Previous, u.Hash = interchange.NeedsReview, m.Translation, m.Old, kept[m.ID]
			case syncer.Machine:
				u.State, u.Target, u.Previous, u.Hash = interchange.Machine, m.Translation, m.Old, kept[m.ID]
				if m.Machine != nil {
					u.Engine = m.Machine.Name()
				}
			}
			d.Units = append(d.Units, u)
		}
	}
	return interchange.Write(d, format)
}

// waiverNotes are the lines the context of an exported unit gains for the
// waivers its entry keeps, so that the translator sees who judged which
// finding wrong, and why: "\nwaived negation by Dr A (2026-12-06): why".
func waiverNotes(ws []translation.Waiver) string {
	var b strings.Builder
	for _, w := range ws {
		day, _, _ := strings.Cut(w.At, "T")
		fmt.Fprintf(&b, "\nwaived %s by %s (%s)", w.Check, w.By, day)
		if w.Why != "" {
			b.WriteString(": " + strings.Join(strings.Fields(w.Why), " "))
		}
	}
	return b.String()
}

// revised is when lang's translations last changed as the files on disk
// say: the newest modification time of its catalogs and their state files
// (of the source articles, where the language has none yet), to the
// minute. It stands in for the clock in a PO file's PO-Revision-Date, so
// that exporting the same files twice gives the same bytes.
func (p Exchange) revised(lang string, arts []*workspace.Article) time.Time {
	var t time.Time
	newest := func(path string) {
		if fi, err := os.Stat(path); err == nil && fi.ModTime().After(t) {
			t = fi.ModTime()
		}
	}
	for _, a := range arts {
		newest(p.CatalogPath(lang, a.Slug))
		newest(p.StatePath(lang, a.Slug))
	}
	if t.IsZero() {
		for _, a := range arts {
			newest(a.Path)
		}
	}
	return t.UTC().Truncate(time.Minute)
}

// plan reads every article and plans lang's catalogs as they stand on
// disk (translation memory left out): what an export writes and an import
// takes translations into.
func (p Exchange) plan(lang string) ([]*workspace.Article, *syncer.LangPlan, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, nil, err
	}
	lp, err := p.Plan(lang, arts, syncer.SyncOptions{NoMemory: true})
	return arts, lp, err
}

// keptHashes maps the IDs of lang's catalog of slug to the hash each entry
// keeps.
func (p Exchange) keptHashes(lang, slug string) (map[string]string, error) {
	c, err := p.ReadCatalog(lang, slug)
	if err != nil {
		return nil, err
	}
	kept := make(map[string]string, len(c.Entries))
	for _, e := range c.Entries {
		kept[e.ID] = e.Hash
	}
	return kept, nil
}

// targetLang finds the project language a file's language tag names, in
// any spelling of the tag ("pt_br" for "pt-BR").
func (p Exchange) targetLang(tag string) (string, bool) {
	if p.IsTarget(tag) {
		return tag, true
	}
	t, err := language.Parse(strings.ReplaceAll(tag, "_", "-"))
	if err != nil {
		return "", false
	}
	for _, l := range p.Config.Languages {
		if lt, err := language.Parse(l); err == nil && lt == t {
			return l, true
		}
	}
	return "", false
}

// ImportResult is what Import did.
type ImportResult struct {
	Lang     string   // the project language the file is for
	Written  []string // files written, relative to the project
	Imported int      // units taken as translations (changed or not)
	Changed  int      // of those, the units whose translation or state changed
	Skipped  int      // units left out; Problems says why
	Problems []string // "ID: reason" for every skipped unit
	Reviewed []string // IDs of the units signed off whose review it recorded
	// Findings are the warnings of lingo check on what the translations
	// taken mean (a dropped negation): taken, and published, but to be read.
	Findings []check.Finding
	// NotReviewed is "ID: reason" for every unit signed off whose review
	// it did not record: no --by named the reviewer, or its entry is not
	// current, or fails a check.
	NotReviewed []string
}

// ImportError is an import refused because translations it brings in
// fail lingo's checks at error level; nothing was written.
type ImportError struct {
	Path     string
	Findings []check.Finding
}

func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d translation problem(s), nothing imported:", e.Path, len(e.Findings))
	for _, f := range e.Findings {
		fmt.Fprintf(&b, "\n  %s: %s: %s", f.ID, f.Check, f.Message)
	}
	return b.String()
}

// Import reads an exchange file (XLIFF 1.2, XLIFF 2.0 or PO, as Read
// tells) and takes its translations into the catalogs of its target
// language. A unit is taken when it has a translation, its ID is a message
// of the source, and its hash is the hash of the current source text, or
// the hash a stale entry keeps: then the translation stays stale while the
// unit still needs review, and becomes current when the tool marks it
// translated against the current source. Every other unit is skipped and
// reported in Problems. The translations that become current are checked
// as lingo check does; a finding at error level refuses the whole import
// with an *ImportError. A broken file is a *diag.Error. Nothing is written
// unless some translation changes; then the catalogs are written and
// synced, so that comments, hashes and state come out as sync makes them.
// Units signed off in the file record reviews only when the options name
// the reviewer (ImportWith).
func (p Exchange) Import(path string, data []byte) (*ImportResult, error) {
	return p.ImportWith(path, data, ImportOptions{})
}

// ImportWith is Import with options: what it does with units a reviewer
// signed off (ImportOptions).
func (p Exchange) ImportWith(path string, data []byte, opts ImportOptions) (*ImportResult, error) {
	d, err := interchange.Read(path, data)
	if err != nil {
		return nil, err
	}
	if d.TargetLang == "" {
		return nil, &diag.Error{Path: path, Msg: "the file names no target language"}
	}
	lang, ok := p.targetLang(d.TargetLang)
	if !ok {
		return nil, &diag.Error{Path: path, Msg: fmt.Sprintf("target language %q is not one of the languages in %s (%s)",
			d.TargetLang, filepath.Base(p.Config.Path), strings.Join(p.Config.Languages, ", "))}
	}
	if d.SourceLang != "" && !sameTag(d.SourceLang, p.Config.Source) {
		return nil, &diag.Error{Path: path, Msg: fmt.Sprintf("source language %q is not the project's (%s)", d.SourceLang, p.Config.Source)}
	}
	arts, lp, err := p.plan(lang)
	if err != nil {
		return nil, err
	}
	im := &importer{p: p, lang: lang, arts: arts, lp: lp, res: &ImportResult{Lang: lang}, index: map[string][2]int{},
		cats: map[int]*catalog.Catalog{}, changed: map[int]map[string]bool{}, states: map[int]workspace.Records{}, changedState: map[int]bool{},
		opts: opts, po: isPO(data), signed: map[string]map[string]string{}, by: strings.TrimSpace(opts.By)}
	for k, ap := range lp.Articles {
		for i, m := range ap.Messages {
			im.index[m.ID] = [2]int{k, i}
		}
	}
	if im.checker, err = p.NewChecker(); err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(d.Units))
	for _, u := range d.Units {
		reason, err := im.take(u, seen)
		if err != nil {
			return nil, err
		}
		seen[u.ID] = true
		if reason == "" {
			im.signOff(u)
		}
		if reason != "" {
			im.res.Skipped++
			im.res.Problems = append(im.res.Problems, u.ID+": "+reason)
		}
	}
	refused, notable, err := im.judge()
	if err != nil {
		return nil, err
	}
	if len(refused) > 0 {
		return nil, &ImportError{Path: path, Findings: refused}
	}
	im.res.Findings = notable
	if len(im.changed) > 0 {
		if err := im.write(); err != nil {
			return im.res, err
		}
	}
	return im.res, im.recordReviews()
}

func sameTag(a, b string) bool {
	ta, errA := language.Parse(strings.ReplaceAll(a, "_", "-"))
	tb, errB := language.Parse(b)
	return a == b || errA == nil && errB == nil && ta == tb
}

// importer is one import in progress: the catalogs and state records it
// changes, by article index.
type importer struct {
	p            Exchange
	lang         string
	arts         []*workspace.Article
	lp           *syncer.LangPlan
	res          *ImportResult
	index        map[string][2]int // message ID → article, message
	checker      *check.Checker
	cats         map[int]*catalog.Catalog // read from disk, entries added for every message
	changed      map[int]map[string]bool  // by article: the IDs of the entries with a new translation
	states       map[int]workspace.Records
	changedState map[int]bool
	opts         ImportOptions
	po           bool                         // the file is PO, which has no reviewed state
	signed       map[string]map[string]string // by article: the units signed off, ID → translation
	by           string                       // who signed them off (--by); "" records no review
}

// take takes one unit, or returns why it is skipped.
func (im *importer) take(u interchange.Unit, seen map[string]bool) (string, error) {
	if seen[u.ID] {
		return "listed twice in the file", nil
	}
	at, ok := im.index[u.ID]
	if !ok {
		return "not a message of the source (removed, or the file is for another project)", nil
	}
	if u.Target == "" {
		return "no translation", nil
	}
	m := im.lp.Articles[at[0]].Messages[at[1]]
	if u.State == interchange.Machine && m.State != syncer.Machine && u.Target != m.Translation {
		// Only a person's change makes a draft a translation: the file's
		// draft never replaces what the catalog has now.
		return "a machine draft in the file, where the catalog no longer has that draft: export again", nil
	}
	cur := article.Hash(m.Source)
	c, err := im.catalog(at[0])
	if err != nil {
		return "", err
	}
	e := c.Entries[entryIndex(c, m.ID)]
	hash := ""
	switch {
	case u.Hash == cur:
		hash = cur
	case m.State == syncer.Stale && u.Hash != "" && u.Hash == e.Hash && u.State == interchange.NeedsReview:
		hash = e.Hash
	case m.State == syncer.Stale && u.Hash != "" && u.Hash == e.Hash && article.Hash(u.Source) == cur:
		hash = cur // reviewed against the current source, shown in the file
	default:
		return fmt.Sprintf("the %s text changed since the file was exported (hash %s, now %s): export again", im.p.Config.Source, orNone(u.Hash), cur), nil
	}
	im.res.Imported++
	if u.Target == m.Translation && (hash == e.Hash || hash == cur && m.State == syncer.Current) {
		return "", nil // no change
	}
	im.res.Changed++
	if hash != cur {
		// Still needs review: record the new text as lingo's own, so that
		// sync keeps the entry stale rather than take it as updated.
		st, err := im.stateOf(at[0])
		if err != nil {
			return "", err
		}
		st[m.ID] = workspace.Record{Source: st[m.ID].Source, Seen: article.Hash(u.Target)}
		im.changedState[at[0]] = true
	}
	e.Other, e.Hash = u.Target, hash
	c.Entries[entryIndex(c, m.ID)] = e
	if im.changed[at[0]] == nil {
		im.changed[at[0]] = map[string]bool{}
	}
	im.changed[at[0]][m.ID] = true
	return "", nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// judge passes every catalog the import changes, as it would leave it,
// through the gate, as lingo check and publishing do, and returns the
// error-level findings of the entries it changed, any of which refuses the
// import, and the warnings on what those translations mean (gate.IsNotable:
// a dropped negation), which the import reports. An entry the gate holds
// back with no finding at error level (an unsafe translation whose checks
// lingo.toml turned off) is reported as unsafe.
func (im *importer) judge() (refused, notable []check.Finding, err error) {
	for _, k := range slices.Sorted(maps.Keys(im.changed)) {
		st, err := im.stateOf(k)
		if err != nil {
			return nil, nil, err
		}
		j, err := im.p.JudgeCatalog(im.checker, im.arts[k], im.lang, im.cats[k], st)
		if err != nil {
			return nil, nil, err
		}
		for i, m := range j.Plan.Messages {
			if !im.changed[k][m.ID] {
				continue
			}
			n := len(refused)
			for _, f := range j.Result.Found {
				switch {
				case f.ID != m.ID:
				case f.Severity == check.Error:
					refused = append(refused, f)
				case gate.IsNotable(f):
					notable = append(notable, f)
				}
			}
			if j.Msgs[i].Errors > 0 && len(refused) == n {
				refused = append(refused, check.Finding{Lang: im.lang, File: j.Result.File, Line: m.Line, ID: m.ID, Check: "unsafe",
					Severity: check.Error, Message: "the translation adds HTML, a URL or a host the source does not have; it is never published"})
			}
		}
	}
	check.Sort(refused)
	check.Sort(notable)
	return refused, notable, nil
}

// catalog is the catalog on disk of article k, read once, with an entry
// for every message.
func (im *importer) catalog(k int) (*catalog.Catalog, error) {
	if c, ok := im.cats[k]; ok {
		return c, nil
	}
	c, err := im.p.ReadCatalog(im.lang, im.arts[k].Slug)
	if err != nil {
		return nil, err
	}
	for _, m := range im.lp.Articles[k].Messages {
		if entryIndex(c, m.ID) < 0 {
			c.Entries = append(c.Entries, catalog.Entry{ID: m.ID})
		}
	}
	im.cats[k] = c
	return c, nil
}

func entryIndex(c *catalog.Catalog, id string) int {
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			return i
		}
	}
	return -1
}

func (im *importer) stateOf(k int) (workspace.Records, error) {
	if st, ok := im.states[k]; ok {
		return st, nil
	}
	st, err := im.p.ReadState(im.lang, im.arts[k].Slug)
	if err != nil {
		return nil, err
	}
	im.states[k] = st
	return st, nil
}

// write writes the changed catalogs and state records, then syncs the
// language so that every file comes out as sync writes it.
func (im *importer) write() error {
	var files []workspace.Pending
	for k := range im.arts {
		if im.changed[k] == nil {
			continue
		}
		c := im.cats[k]
		data, err := catalog.Marshal(c, im.p.Config.Format)
		if err != nil {
			return fmt.Errorf("import: catalog %s for %s: %w", im.lang, c.Slug, err)
		}
		files = append(files, workspace.Pending{Path: im.p.CatalogPath(im.lang, im.arts[k].Slug), Data: data})
		if im.changedState[k] {
			f, err := workspace.JSONFile(im.p.StatePath(im.lang, im.arts[k].Slug), im.states[k])
			if err != nil {
				return err
			}
			files = append(files, f)
		}
	}
	written, err := im.p.WriteAll(files)
	im.res.Written = written
	if err != nil {
		return err
	}
	synced, err := im.p.Sync([]string{im.lang}, syncer.SyncOptions{})
	for _, w := range synced {
		if !slices.Contains(im.res.Written, w.String()) {
			im.res.Written = append(im.res.Written, w.String())
		}
	}
	return err
}

// ImportOptions says what ImportWith does with units a reviewer signed
// off, besides taking their translations.
type ImportOptions struct {
	// By names the reviewer (lingo import --by). A unit signed off in
	// XLIFF (1.2 signed-off or final, 2.0 final) whose translation is the
	// catalog's, or is taken by the import, records a review by By; a
	// file's state says only what whoever sent it wrote, so without By no
	// review is recorded (not under git's user.name either) and each such
	// unit is reported in NotReviewed. PO has no such state: in a language
	// that requires review (require_review), a PO entry without the fuzzy
	// flag records a review only when By is given, never silently.
	By string
}

// isPO reports whether an exchange file is PO rather than XLIFF (as
// interchange.Read tells them apart).
func isPO(data []byte) bool {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	return !bytes.HasPrefix(trimmed, []byte("<"))
}

// signOff notes a unit the import took whose review it records: signed
// off in the file, not already reviewed with this translation, and with
// the reviewer named (--by). An XLIFF unit signed off with no reviewer
// named is reported in NotReviewed.
func (im *importer) signOff(u interchange.Unit) {
	signed := u.State == interchange.Reviewed ||
		im.po && u.State == interchange.Translated && im.by != "" && im.p.Config.RequireReview(im.lang)
	if !signed || u.Target == "" {
		return
	}
	at := im.index[u.ID]
	if m := im.lp.Articles[at[0]].Messages[at[1]]; m.State == syncer.Current && m.Reviewed && m.Translation == u.Target {
		return
	}
	if im.by == "" {
		im.res.NotReviewed = append(im.res.NotReviewed, u.ID+": "+notSignedOff)
		return
	}
	slug := im.arts[at[0]].Slug
	if im.signed[slug] == nil {
		im.signed[slug] = map[string]string{}
	}
	im.signed[slug][u.ID] = u.Target
}

// notSignedOff is why a unit signed off in the file records no review
// when no reviewer is named.
const notSignedOff = "signed off in the file, but no review is recorded without --by NAME (who reviewed it)"

// recordReviews records the reviews of the units signed off, once their
// translations are in the catalogs; an entry that may not be reviewed
// (not current, or with error-level findings) is reported in NotReviewed.
func (im *importer) recordReviews() error {
	if len(im.signed) == 0 {
		return nil
	}
	res, refuse := &review.ReviewResult{}, &review.ReviewError{}
	files, err := im.p.ReviewArticles(im.lang, im.signed, im.by, true, res, refuse)
	if err != nil {
		return err
	}
	written, err := im.p.WriteAll(files)
	for _, w := range written {
		if !slices.Contains(im.res.Written, w) {
			im.res.Written = append(im.res.Written, w)
		}
	}
	for _, e := range res.Reviewed {
		im.res.Reviewed = append(im.res.Reviewed, e.ID)
	}
	for _, e := range res.Skipped {
		im.res.NotReviewed = append(im.res.NotReviewed, e.ID+": "+e.Why)
	}
	return err
}

// exportState is the state a current message of lang exports with in
// format: reviewed when a reviewer signed it off; otherwise translated,
// but in PO, which has no reviewed state, a language that requires review
// marks it fuzzy (needs review), so that translation tools and msgfmt
// --statistics count it as not done.
func (p Exchange) exportState(lang, format string, m syncer.Message) interchange.State {
	switch {
	case m.Reviewed:
		return interchange.Reviewed
	case format == "po" && p.Config.RequireReview(lang):
		return interchange.NeedsReview
	}
	return interchange.Translated
}
