package views

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/publish"
	"github.com/lingo-l10n/lingo/internal/review"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/worddiff"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// What lingo serve (internal/workbench) asks of a project: one article in
// one language as the translator's workbench shows it, the findings of
// lingo check for a translation being typed, saving one entry, and the
// page that translation gives. Each goes through the path its command
// takes: judge for check, Sync for saving, pageFiles for rendering.

// ArticleStats is where one article stands in each language: the numbers
// of lingo status, counted article by article, and its reading level in
// the source language and in each language (but pseudo-locales).
type ArticleStats struct {
	Slug    string         `json:"slug"`
	Langs   []syncer.Stats `json:"langs"`
	Reading ReadingLevel   `json:"reading"`
}

// ArticleStatus plans langs as Status does and counts each article's
// messages, and scores each article's reading level.
func (p Views) ArticleStatus(langs []string) ([]ArticleStats, []syncer.Stats, error) {
	arts, plans, err := p.plans(langs, syncer.SyncOptions{})
	if err != nil {
		return nil, nil, err
	}
	levels, err := p.levels(arts, plans)
	if err != nil {
		return nil, nil, err
	}
	out := make([]ArticleStats, len(arts))
	for ai, a := range arts {
		out[ai] = ArticleStats{Slug: a.Slug, Reading: levels[ai]}
		for _, lp := range plans {
			s := syncer.Stats{Lang: lp.Lang, Percent: 100}
			s.Count(lp.Articles[ai].Messages)
			out[ai].Langs = append(out[ai].Langs, s)
		}
	}
	return out, syncer.StatsOf(plans), nil
}

// EntryView is one message of an article in a language, as the workbench
// shows it.
type EntryView struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`    // Segment.KindName
	Section string `json:"section"` // the nearest heading before it
	State   string `json:"state"`   // missing, stale, current or machine (a machine draft)
	Source  string `json:"source"`
	// SourceHash is the hash of Source: a save names the source text the
	// translator was shown, and is refused when it has changed since.
	SourceHash string `json:"source_hash"`
	// Old is, for a stale entry, the source text it was translated from,
	// when known, and Diff the word diff from it to Source (lingo diff's).
	Old         string          `json:"old,omitempty"`
	Diff        []DiffOp        `json:"diff,omitempty"`
	Translation string          `json:"translation"`
	Line        int             `json:"line"`
	Multiline   bool            `json:"multiline"`
	Findings    []check.Finding `json:"findings"` // lingo check's, but those of its state (isStateFinding)
	Failing     bool            `json:"failing"`  // an error-level finding
	Published   bool            `json:"published"`
	Reviewed    bool            `json:"reviewed"`
	ReviewedBy  string          `json:"reviewed_by,omitempty"`
	// Machine names the engine of a machine draft (state machine): the
	// translation is the engine's, not yet read by a person.
	Machine string `json:"machine,omitempty"`
	// Suggestion is, for a stale entry, a machine draft of the new source
	// text (lingo draft --stale), shown beside the translation; Machine
	// names its engine.
	Suggestion string `json:"suggestion,omitempty"`
	// Waivable are the checks of its findings a person may waive on the
	// entry as saved (lingo accept --check): a current entry's, not yet
	// waived.
	Waivable []string `json:"waivable,omitempty"`
}

// DiffOp is one step of a word diff (worddiff.Op): Op is "=" for words
// kept, "-" for words removed from the old text, "+" for words added.
type DiffOp struct {
	Op    string `json:"op"`
	Words string `json:"words"`
}

// ArticleView is one article in one language, entry by entry in document
// order.
type ArticleView struct {
	Lang       string `json:"lang"`
	Dir        string `json:"dir"` // rtl or ltr
	SourceLang string `json:"source_lang"`
	SourceDir  string `json:"source_dir"`
	Slug       string `json:"slug"`
	Title      string `json:"title"` // in the source language
	File       string `json:"file"`  // the catalog, relative to the project
	// FileHash is the SHA-256 of the catalog file's bytes ("" when there is
	// none yet): a save is refused when the file no longer has it.
	FileHash string       `json:"file_hash"`
	Entries  []EntryView  `json:"entries"`
	Stats    syncer.Stats `json:"stats"`
	// PageKind is what publishing makes of the page: translation,
	// fallback (the source article under a notice) or none.
	PageKind    string  `json:"page_kind"`
	Published   float64 `json:"published_percent"` // entries published in their translation
	MinComplete float64 `json:"min_complete"`
}

// judge loads article slug, which must be one of the project's, and
// passes it through the gate in lang, with draft, when not nil, in place
// of its entry.
func (p Views) judge(lang, slug string, draft *gate.Draft) (*workspace.Article, *gate.Judgement, error) {
	a, err := p.LoadArticle(slug)
	if err != nil {
		return nil, nil, err
	}
	c, err := p.NewChecker()
	if err != nil {
		return nil, nil, err
	}
	j, err := p.Judge(c, a, lang, draft)
	return a, j, err
}

// View is article slug in lang as the workbench shows it: every entry with
// its state, its findings (those of lingo check) and whether it is
// published.
func (p Views) View(lang, slug string) (*ArticleView, error) {
	a, j, err := p.judge(lang, slug, nil)
	if err != nil {
		return nil, err
	}
	ap := j.Plan
	v := &ArticleView{Lang: lang, Dir: htmlpage.Dir(lang), SourceLang: p.Config.Source, SourceDir: htmlpage.Dir(p.Config.Source),
		Slug: slug, Title: publish.Title(a, nil), File: p.Rel(ap.Path), PageKind: p.PageKind(lang, j),
		Published: j.Page.Percent, MinComplete: p.Config.MinComplete(lang), Stats: syncer.Stats{Lang: lang, Percent: 100}}
	if v.FileHash, err = fileHash(ap.Path); err != nil {
		return nil, err
	}
	v.Stats.Count(ap.Messages)
	found := map[string][]check.Finding{}
	for _, f := range j.Result.Found {
		if !isStateFinding(f) {
			found[f.ID] = append(found[f.ID], f)
		}
	}
	for i, m := range ap.Messages {
		seg := &a.Segs[i]
		e := EntryView{ID: m.ID, Kind: seg.KindName(), Section: seg.Section, State: m.State.String(), Source: m.Source,
			SourceHash: article.Hash(m.Source), Translation: m.Translation, Line: m.Line, Multiline: seg.Multiline,
			Findings: found[m.ID], Published: j.Page.Published[i], Reviewed: m.Reviewed, ReviewedBy: m.ReviewedBy}
		if e.Findings == nil {
			e.Findings = []check.Finding{}
		}
		if m.Machine != nil && (m.State == syncer.Machine || m.State == syncer.Stale) {
			e.Machine = m.Machine.Name()
		}
		if m.State == syncer.Stale && m.Machine != nil {
			e.Suggestion = m.Machine.Text
		}
		if m.State == syncer.Stale && m.Old != "" {
			e.Old = m.Old
			for _, op := range worddiff.Diff(m.Old, m.Source) {
				e.Diff = append(e.Diff, DiffOp{Op: string(op.Kind), Words: op.Words})
			}
		}
		for _, f := range e.Findings {
			e.Failing = e.Failing || f.Severity == check.Error
			if m.State == syncer.Current && f.Severity != check.Waived && gate.Waivable(f.Check) == nil && !slices.Contains(e.Waivable, f.Check) {
				e.Waivable = append(e.Waivable, f.Check)
			}
		}
		v.Entries = append(v.Entries, e)
	}
	return v, nil
}

// isStateFinding reports a finding of lingo check that only says where an
// entry stands (missing, stale, unreviewed), which the workbench shows as
// the entry's state.
func isStateFinding(f check.Finding) bool {
	return f.Check == "missing" || f.Check == "stale" || f.Check == "unreviewed" || f.Check == "machine"
}

// fileHash is the SHA-256 of the file at path, "" when there is none.
func fileHash(path string) (string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// CheckDraft runs lingo check on article slug in lang with draft in place
// of its entry, as saved, and returns what it finds in that entry, but the
// findings of its state (an empty draft is missing, an edited one not yet
// reviewed).
func (p Views) CheckDraft(lang, slug string, draft gate.Draft) ([]check.Finding, error) {
	_, j, err := p.judge(lang, slug, &draft)
	if err != nil {
		return nil, err
	}
	out := []check.Finding{}
	for _, f := range j.Result.Found {
		if f.ID == draft.ID && !isStateFinding(f) {
			out = append(out, f)
		}
	}
	return out, nil
}

// ConflictError is a save refused because of the files on disk: what the
// translator was shown is no longer there (the catalog file changed, by an
// editor or a sync, or the source text of the entry did), or lingo sync
// would refuse the language as it is (another of its catalogs is broken).
// Nothing was written.
type ConflictError struct{ Msg string }

func (e *ConflictError) Error() string { return e.Msg }

// LockedError is a save refused because another lingo run held the
// project for as long as the save could wait.
type LockedError struct{ Err error }

func (e *LockedError) Error() string { return e.Err.Error() }
func (e *LockedError) Unwrap() error { return e.Err }

// SaveEntry writes draft as the translation of its entry in the catalog of
// slug in lang, as a translator editing the file would, and runs sync for
// lang, holding the project's lock (waiting for it as long as ctx allows).
// fileHash is the catalog file's hash when the translator loaded it, and
// sourceHash that of the source text they were shown: when either changed
// since, nothing is written and the error is a *ConflictError. The entry
// keeps the hash of the source text it was made for, so that sync finds a
// stale entry the translator updated current.
//
// A save is all or nothing: sync runs for lang before the entry is
// written, so that input sync refuses (another catalog of the language
// broken) is a *ConflictError with nothing written; and should sync fail
// once the entry is written all the same (a full disk), the article's
// catalog and state file are put back as they were before the error is
// returned.
func (p Views) SaveEntry(ctx context.Context, lang, slug string, draft gate.Draft, fileHash, sourceHash string) error {
	unlock, err := p.Lock(ctx)
	if err != nil {
		return &LockedError{err}
	}
	defer unlock()
	a, err := p.LoadArticle(slug)
	if err != nil {
		return err
	}
	i := slices.Index(a.IDs, draft.ID)
	if i < 0 {
		return &ConflictError{fmt.Sprintf("%s has no message %s any more: reload", slug, draft.ID)}
	}
	if h := article.Hash(a.Segs[i].Text); h != sourceHash {
		return &ConflictError{fmt.Sprintf("the %s text of this entry changed since the page was loaded: reload to see it, then translate it again", p.Config.Source)}
	}
	path := p.CatalogPath(lang, slug)
	data, err := os.ReadFile(path)
	if err := p.sameFile(path, data, err, fileHash); err != nil {
		return err
	}
	// Sync reads every file of the language before it writes one, and
	// refuses them all when one is broken: run it first, so that a save it
	// would refuse writes nothing. The language is mostly up to date, and
	// sync's cache makes this cheap where planning it all would not be.
	if _, err := p.Sync([]string{lang}, syncer.SyncOptions{}); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return &ConflictError{fmt.Sprintf("lingo sync for %s fails: %v; fix that, then save again", lang, err)}
	}
	// The entry goes into the catalog as sync left it.
	data, err = os.ReadFile(path)
	var cat *catalog.Catalog
	switch {
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	case err != nil:
		other, err := p.CatalogFileOf(lang, slug)
		if err != nil {
			return err
		}
		if other != "" {
			return &ConflictError{fmt.Sprintf("%s is in another format than lingo.toml's: run lingo sync to convert it, then reload", p.Rel(other))}
		}
		cat = &catalog.Catalog{Lang: lang, Slug: slug}
	default:
		if cat, err = catalog.Parse(p.Rel(path), data); err != nil {
			return err
		}
	}
	gate.SetEntry(cat, draft.ID, draft.Text, sourceHash)
	out, err := catalog.Marshal(cat, p.Config.Format)
	if err != nil {
		return err
	}
	return p.writeAndSync(lang, slug, workspace.Pending{Path: path, Data: out})
}

// writeAndSync writes f, article slug's catalog in lang, and runs sync for
// lang. When sync fails, the catalog and the article's state file are put
// back as they were (or removed, when there was none), so that the save
// leaves nothing behind; the other files sync wrote are its own work, as
// lingo sync would have done it.
func (p Views) writeAndSync(lang, slug string, f workspace.Pending) error {
	paths := []string{f.Path, p.StatePath(lang, slug)}
	old := make([][]byte, len(paths)) // nil: no file
	for i, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		old[i] = data
	}
	if _, err := p.WriteAll([]workspace.Pending{f}); err != nil {
		return p.putBack(paths, old, fmt.Errorf("write %s: %w", p.Rel(f.Path), err))
	}
	if _, err := p.Sync([]string{lang}, syncer.SyncOptions{}); err != nil {
		return p.putBack(paths, old, fmt.Errorf("lingo sync for %s failed: %w", lang, err))
	}
	return nil
}

// putBack writes each of paths back as old (removes it when old is nil),
// after a save failed with err, and returns err saying whether it did.
func (p Views) putBack(paths []string, old [][]byte, err error) error {
	for i, path := range paths {
		var rerr error
		if old[i] == nil {
			if rerr = os.Remove(path); errors.Is(rerr, fs.ErrNotExist) {
				rerr = nil
			}
		} else {
			_, rerr = p.WriteAll([]workspace.Pending{{Path: path, Data: old[i]}})
		}
		if rerr != nil {
			return fmt.Errorf("%w; and putting %s back as it was failed: %w", err, p.Rel(path), rerr)
		}
	}
	return fmt.Errorf("not saved (%s is as it was): %w", p.Rel(paths[0]), err)
}

// sameFile refuses, with a *ConflictError, a catalog file at path (its
// bytes data, or the error reading it) whose hash is no longer fileHash,
// the hash of the catalog the translator was shown ("" for none).
func (p Views) sameFile(path string, data []byte, err error, fileHash string) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if fileHash != "" {
			return &ConflictError{fmt.Sprintf("%s was removed since the page was loaded: reload", p.Rel(path))}
		}
		return nil
	case err != nil:
		return err
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != fileHash {
		return &ConflictError{fmt.Sprintf("%s changed on disk since the page was loaded (an editor, or another lingo command): reload, and type the translation again", p.Rel(path))}
	}
	return nil
}

// AcceptDraft takes the machine draft of entry id of article slug in lang
// as its translator's own, after reading it (the workbench's accept key):
// sync records it as a translation like any a person typed, current, no
// longer a draft. fileHash and sourceHash are those the translator was
// shown: when either changed, or the entry is not a machine draft of
// today's source text, nothing is written and the error is a
// *ConflictError.
func (p Views) AcceptDraft(ctx context.Context, lang, slug, id, fileHash, sourceHash string) error {
	unlock, err := p.Lock(ctx)
	if err != nil {
		return &LockedError{err}
	}
	defer unlock()
	a, err := p.LoadArticle(slug)
	if err != nil {
		return err
	}
	i := slices.Index(a.IDs, id)
	if i < 0 {
		return &ConflictError{fmt.Sprintf("%s has no message %s any more: reload", slug, id)}
	}
	if article.Hash(a.Segs[i].Text) != sourceHash {
		return &ConflictError{fmt.Sprintf("the %s text of this entry changed since the page was loaded: reload", p.Config.Source)}
	}
	path := p.CatalogPath(lang, slug)
	data, err := os.ReadFile(path)
	if err := p.sameFile(path, data, err, fileHash); err != nil {
		return err
	}
	cat, st, err := p.ReadTarget(lang, slug)
	if err != nil {
		return err
	}
	ap, err := p.PlanArticle(lang, a, cat, st, syncer.SyncOptions{NoMemory: true, Lenient: true})
	if err != nil {
		return err
	}
	if m := ap.Messages[i]; m.State != syncer.Machine || m.Old != "" {
		return &ConflictError{fmt.Sprintf("%s is not a machine draft of today's %s text (it is %s): save it instead", id, p.Config.Source, m.State)}
	}
	if _, err := p.Sync([]string{lang}, syncer.SyncOptions{Own: map[string]bool{id: true}}); err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return &ConflictError{fmt.Sprintf("lingo sync for %s fails: %v; fix that, then accept again", lang, err)}
	}
	return nil
}

// ReviewEntries records, as lingo review does, that by reviewed the
// entries ids of article slug in lang, holding the project's lock (waiting
// for it as long as ctx allows). fileHash is the catalog file's hash when
// the reviewer loaded it: when the file changed since, nothing is recorded
// and the error is a *ConflictError, as it is when an entry cannot be
// reviewed (missing, stale, failing).
func (p Views) ReviewEntries(ctx context.Context, lang, slug string, ids []string, by, fileHash string) error {
	return p.signed(ctx, lang, slug, by, fileHash, func(by string) error {
		_, err := p.reviews().Review(lang, ids, by)
		if re := (*review.ReviewError)(nil); errors.As(err, &re) {
			return &ConflictError{err.Error()}
		}
		return err
	})
}

// WaiveEntry records, as lingo accept --check does, that by waives the
// finding of check name on entry id of article slug in lang, for why,
// holding the project's lock (waiting for it as long as ctx allows).
// fileHash is the catalog file's hash when the page was loaded: when the
// file changed since, nothing is recorded and the error is a
// *ConflictError, as it is when the entry has no such finding to waive.
func (p Views) WaiveEntry(ctx context.Context, lang, slug, id, name, by, why, fileHash string) error {
	return p.signed(ctx, lang, slug, by, fileHash, func(by string) error {
		_, err := p.reviews().Waive(review.WaiveOptions{Lang: lang, Check: name, IDs: []string{id}, By: by, Why: why, At: time.Now()})
		var we *review.WaiveError
		var ce *gate.WaiveCheckError
		if errors.As(err, &we) || errors.As(err, &ce) {
			return &ConflictError{err.Error()}
		}
		return err
	})
}

// signed runs record, a person's sign-off under their name, on article
// slug's catalog in lang, holding the project's lock (waiting for it as
// long as ctx allows), when the catalog is still the file the page loaded
// (fileHash) and by names a reviewer; otherwise it records nothing and
// says why.
func (p Views) signed(ctx context.Context, lang, slug, by, fileHash string, record func(by string) error) error {
	by, err := p.reviews().Reviewer(by)
	if err != nil {
		return &ConflictError{err.Error()}
	}
	unlock, err := p.Lock(ctx)
	if err != nil {
		return &LockedError{err}
	}
	defer unlock()
	if _, err := p.LoadArticle(slug); err != nil {
		return err
	}
	path := p.CatalogPath(lang, slug)
	data, err := os.ReadFile(path)
	if err := p.sameFile(path, data, err, fileHash); err != nil {
		return err
	}
	return record(by)
}

// reviews records reviews as lingo review does.
func (p Views) reviews() review.Reviews { return review.Reviews{Gate: p.Gate} }
