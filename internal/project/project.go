// Package project runs lingo's commands on a project folder. It opens the
// project and hands each command to the stage that owns it, each in its
// own package and each depending only on those below it:
//
//	workspace  the project on disk: layout, reading, atomic writes, lock, build graph
//	syncer     classify entries, translation memory, archive: Plan, then Sync
//	gate       Judge, the one gate: what check reports and what may be published
//	publish    pages, manifest, index and status pages
//	review     reviewers' sign-offs
//	exchange   XLIFF and PO export, and import through the gate
//	adopt      catalogs from articles translated by hand
//	views      what the workbench shows and saves
//
// Build runs sync, publish and check in order over one build graph.
package project

import (
	"context"

	"github.com/lingo-l10n/lingo/internal/adopt"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/exchange"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/publish"
	"github.com/lingo-l10n/lingo/internal/review"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workbench/views"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Project is a lingo project: its config, its files, and the commands
// that run on them.
type Project struct{ *workspace.Project }

// Open loads the config at path and prepares the project.
func Open(path string) (*Project, error) {
	w, err := workspace.Open(path)
	if err != nil {
		return nil, err
	}
	return &Project{w}, nil
}

// New prepares a project from a loaded config.
func New(cfg *config.Config) *Project { return &Project{workspace.New(cfg)} }

// WithContext is p running its commands under ctx: each stops at a safe
// point once ctx is done (Ctrl-C), every file old or new, and returns
// ctx's error.
func (p *Project) WithContext(ctx context.Context) *Project {
	return &Project{p.Project.WithContext(ctx)}
}

// The types the stages share with lingo's commands.
type (
	Article        = workspace.Article
	Change         = workspace.Change
	Progress       = workspace.Progress
	NoProgress     = workspace.NoProgress
	SyncOptions    = syncer.SyncOptions
	LangPlan       = syncer.LangPlan
	ArticlePlan    = syncer.ArticlePlan
	Message        = syncer.Message
	State          = syncer.State
	Stats          = syncer.Stats
	Waived         = syncer.Waived
	Checked        = gate.Checked
	Draft          = gate.Draft
	PublishOptions = publish.PublishOptions
	LangResult     = publish.LangResult
	PublishResult  = publish.Result
	ReviewOptions  = review.ReviewOptions
	ReviewEntry    = review.ReviewEntry
	ReviewResult   = review.ReviewResult
	ReviewError    = review.ReviewError
	WaiveOptions   = review.WaiveOptions
	WaiveResult    = review.WaiveResult
	WaiveError     = review.WaiveError
	ImportOptions  = exchange.ImportOptions
	ImportResult   = exchange.ImportResult
	ImportError    = exchange.ImportError
	AdoptResult    = adopt.AdoptResult
	AdoptGap       = adopt.AdoptGap
	ArticleStats   = views.ArticleStats
	ReadingLevel   = views.ReadingLevel
	ReadingScore   = views.ReadingScore
	ArticleView    = views.ArticleView
	EntryView      = views.EntryView
	DiffOp         = views.DiffOp
	ConflictError  = views.ConflictError
	LockedError    = views.LockedError
)

// The states of a message, from worst to best.
const (
	Missing = syncer.Missing
	Stale   = syncer.Stale
	Current = syncer.Current
	Machine = syncer.Machine // a machine draft no person edited or reviewed (lingo draft)
)

// Version is lingo's version; LockFile the project's lock.
const (
	Version  = workspace.Version
	LockFile = workspace.LockFile
)

// Errors a caller acts on.
var (
	ErrLocked     = workspace.ErrLocked
	ErrNoArticle  = workspace.ErrNoArticle
	ErrNoReviewer = review.ErrNoReviewer
)

// Formats are the output formats of render and build.
var Formats = publish.Formats

func (p *Project) syncer() syncer.Syncer        { return syncer.Syncer{Project: p.Project} }
func (p *Project) gate() gate.Gate              { return gate.Gate{Syncer: p.syncer()} }
func (p *Project) publisher() publish.Publisher { return publish.Publisher{Gate: p.gate()} }
func (p *Project) reviews() review.Reviews      { return review.Reviews{Gate: p.gate()} }
func (p *Project) exchange() exchange.Exchange {
	return exchange.Exchange{Reviews: p.reviews()}
}
func (p *Project) views() views.Views { return views.Views{Publisher: p.publisher()} }

// Extract writes the source catalog of every article (syncer.Extract).
func (p *Project) Extract() ([]string, error) { return p.syncer().Extract() }

// Pseudo fills a pseudo-locale catalog for every article (syncer.Pseudo).
func (p *Project) Pseudo(lang string) ([]string, error) { return p.syncer().Pseudo(lang) }

// Sync brings the catalogs of langs up to date (syncer.Sync).
func (p *Project) Sync(langs []string, opts SyncOptions) ([]Change, error) {
	return p.syncer().Sync(langs, opts)
}

// Plan works out lang's catalogs without writing (syncer.Plan).
func (p *Project) Plan(lang string, arts []*Article, opts SyncOptions) (*LangPlan, error) {
	return p.syncer().Plan(lang, arts, opts)
}

// Plans plans each of langs, reading the articles once (syncer.Plans).
func (p *Project) Plans(langs []string, opts SyncOptions) ([]*LangPlan, error) {
	return p.syncer().Plans(langs, opts)
}

// Status counts where each of langs stands (syncer.Status).
func (p *Project) Status(langs []string) ([]Stats, error) { return p.syncer().Status(langs) }

// StatusWaivers is Status with each language's waivers (syncer.StatusWaivers).
func (p *Project) StatusWaivers(langs []string) ([]Stats, [][]Waived, error) {
	return p.syncer().StatusWaivers(langs)
}

// StatusReport is lingo status: Status, each language's waivers and every
// article's reading level, from one plan of each language (views.Status).
func (p *Project) StatusReport(langs []string) ([]Stats, [][]Waived, []ReadingLevel, error) {
	return p.views().Status(langs)
}

// Check runs lingo check on langs (gate.Check), with the findings of the
// articles' reading levels where [check] reading_grade is set
// (views.ReadingFindings); Close the result.
func (p *Project) Check(langs []string) (*Checked, error) {
	res, err := p.gate().Check(langs)
	if err != nil {
		return nil, err
	}
	fs, err := p.views().ReadingFindings(langs)
	if err != nil {
		res.Close()
		return nil, err
	}
	res.Add(fs)
	return res, nil
}

// ReadingLevels scores every article in the source language and in each
// of langs (views.ReadingLevels).
func (p *Project) ReadingLevels(langs []string) ([]ReadingLevel, error) {
	return p.views().ReadingLevels(langs)
}

// Publish renders every article in each language of opts (publish.Publish).
func (p *Project) Publish(opts PublishOptions, prog Progress) (*PublishResult, error) {
	return p.publisher().Publish(opts, prog)
}

// Render writes every article in each of langs as Markdown.
func (p *Project) Render(langs []string) ([]Change, error) { return p.publisher().Render(langs) }

// Preview renders one article's HTML page in lang (publish.Preview).
func (p *Project) Preview(lang, slug string, draft *Draft, mark string) ([]byte, error) {
	return p.publisher().Preview(lang, slug, draft, mark)
}

// Reviewer is the name a review is recorded under (review.Reviewer).
func (p *Project) Reviewer(by string) (string, error) { return p.reviews().Reviewer(by) }

// Review records that by reviewed the entries ids of lang (review.Review).
func (p *Project) Review(lang string, ids []string, by string) ([]string, error) {
	return p.reviews().Review(lang, ids, by)
}

// ReviewWith is Review with options (review.ReviewWith).
func (p *Project) ReviewWith(opts ReviewOptions) (*ReviewResult, error) {
	return p.reviews().ReviewWith(opts)
}

// Waive records a person's waiver of one check's finding on entries
// (review.Waive).
func (p *Project) Waive(opts WaiveOptions) (*WaiveResult, error) {
	return p.reviews().Waive(opts)
}

// Export writes every message of lang as an exchange file (exchange.Export).
func (p *Project) Export(lang, format string) ([]byte, error) {
	return p.exchange().Export(lang, format)
}

// Import takes an exchange file's translations through the gate (exchange.Import).
func (p *Project) Import(path string, data []byte) (*ImportResult, error) {
	return p.exchange().Import(path, data)
}

// ImportWith is Import with options (exchange.ImportWith).
func (p *Project) ImportWith(path string, data []byte, opts ImportOptions) (*ImportResult, error) {
	return p.exchange().ImportWith(path, data, opts)
}

// Adopt builds lang's catalogs from translated articles (adopt.Adopt).
func (p *Project) Adopt(lang string, paths []string) (*AdoptResult, error) {
	return adopt.Adopter{Syncer: p.syncer()}.Adopt(lang, paths)
}

// ArticleStatus counts each article's messages in langs (views.ArticleStatus).
func (p *Project) ArticleStatus(langs []string) ([]ArticleStats, []Stats, error) {
	return p.views().ArticleStatus(langs)
}

// View is article slug in lang as the workbench shows it (views.View).
func (p *Project) View(lang, slug string) (*ArticleView, error) { return p.views().View(lang, slug) }

// CheckDraft checks a draft of one entry (views.CheckDraft).
func (p *Project) CheckDraft(lang, slug string, draft Draft) ([]check.Finding, error) {
	return p.views().CheckDraft(lang, slug, draft)
}

// SaveEntry saves one entry from the workbench (views.SaveEntry).
func (p *Project) SaveEntry(ctx context.Context, lang, slug string, draft Draft, fileHash, sourceHash string) error {
	return p.views().SaveEntry(ctx, lang, slug, draft, fileHash, sourceHash)
}

// AcceptDraft takes a machine draft as its translator's own, from the
// workbench (views.AcceptDraft).
func (p *Project) AcceptDraft(ctx context.Context, lang, slug, id, fileHash, sourceHash string) error {
	return p.views().AcceptDraft(ctx, lang, slug, id, fileHash, sourceHash)
}

// ReviewEntries records reviews from the workbench (views.ReviewEntries).
func (p *Project) ReviewEntries(ctx context.Context, lang, slug string, ids []string, by, fileHash string) error {
	return p.views().ReviewEntries(ctx, lang, slug, ids, by, fileHash)
}

// WaiveEntry records a waiver from the workbench (views.WaiveEntry).
func (p *Project) WaiveEntry(ctx context.Context, lang, slug, id, check, by, why, fileHash string) error {
	return p.views().WaiveEntry(ctx, lang, slug, id, check, by, why, fileHash)
}
