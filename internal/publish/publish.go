package publish

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/lingo-l10n/lingo/internal/readinglevel"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Formats are the output formats of render and build.
var Formats = []string{"md", "html"}

// PublishOptions say what to publish.
type PublishOptions struct {
	Langs   []string // languages to render; the source counts as one
	Formats []string // md and/or html
	// Incremental skips an article whose inputs (its source, its catalogs
	// and their state in every language, the config, the glossary, lingo's
	// version) are those of the last build, as recorded in
	// <output>/.lingo-build.json.
	Incremental bool
	// Read says every input was read and found good since it last changed
	// (build syncs first): no need to read it all before writing.
	Read bool
	// PDF prints the PDF handouts lingo.toml's [pdf] asks for, beside the
	// HTML pages, and removes those it no longer asks for (pdf.go).
	PDF bool
	// Intact says the output folder is as the last build left it (the
	// modification times of its folders, which adding or removing a file
	// changes, are those it recorded): every file the manifest lists is
	// there, unasked.
	Intact bool
	// CountPages counts the files of pages written (Result.Pages), not
	// listing them: a first build at 10,000 × 10 writes 330,000.
	CountPages bool
	// Judged, when set, is given each unit publishing judges (an article
	// in a target language, under its unit key), for what else a build
	// makes of the judgement: the runtime bundle's part of it.
	Judged func(store *workspace.CacheWriter, lang, slug, key string, j *gate.Judgement) error
}

// LangResult is what publishing did for one language: a sum of its pages.
type LangResult struct {
	Lang string `json:"lang"`
	// Percent is the share of the language's messages, over every article,
	// published in their own translation (translation.Percent).
	Percent   float64 `json:"percent"`
	Published int     `json:"published"` // pages published as a translation, every passage translated
	Partial   int     `json:"partial"`   // pages published as a translation, some passages in another language
	AsSource  int     `json:"as_source"` // pages below min_complete: the source article with a notice, or no page
	Fallbacks int     `json:"fallbacks"` // passages shown in another language on translated pages
	Stale     int     `json:"stale"`     // stale messages
	Written   int     `json:"written"`   // files written
	Removed   int     `json:"removed"`   // files removed
	Skipped   int     `json:"skipped"`   // articles whose outputs were up to date
}

// The kinds of page an article has in a language.
const (
	pageSource      = "source"      // the source language's own article
	pageTranslation = "translation" // published as a translation
	pageFallback    = "fallback"    // below min_complete: the source article, with a notice
	pageNone        = "none"        // below min_complete, with fallback = "none": no page
)

// reading scores the text of ap.a in lang: the source's, or the
// current translations of its judgement.
func (p Publisher) reading(ap *articlePages, lang string) (*readinglevel.Brief, error) {
	a, j := ap.a, ap.judged[lang]
	var l readinglevel.Level
	var err error
	switch {
	case !readinglevel.Scored(lang):
		return nil, nil
	case lang == p.Config.Source:
		l, err = ap.reading.Source(p.Config.Source, a.Segs)
	case j == nil:
		return nil, nil
	default:
		l, err = ap.reading.Translation(p.Config.Source, lang, a.Segs, j.Plan.Messages)
	}
	if err != nil {
		return nil, err
	}
	return l.Brief(), nil
}

// Publish renders every article in each language of opts, page by page.
// Per entry, a translation is published when it is current (or stale,
// under stale = "translation") and clean of error-level findings; any
// other message shows its nearest published parent (pt-BR → pt) or the
// source text, marked with its language. Per page, an article is published
// as a translation in a language when its own share of published entries
// reaches min_complete; below, its address shows the source article with a
// notice in the reader's language (or, with fallback = "none", nothing).
// An article's pages depend on that article alone: a deleted article's
// pages are removed in every language. Each language's index lists its
// articles; the status page gives the numbers of lingo status.
//
// It returns one result per language, the files written and removed (also
// with an error: what was done before it) and the manifest entries it
// ignored. Articles are published on every core, one at a time per core,
// so that memory follows the largest article.
func (p Publisher) Publish(opts PublishOptions, prog workspace.Progress) (*Result, error) {
	slugs, err := p.Slugs()
	if err != nil {
		return &Result{}, err
	}
	run, err := p.newPublishRun(opts, prog)
	if err != nil {
		return &Result{}, err
	}
	if run.book, err = pagebook.Open(p.Config.OutputDir(), p); err != nil {
		return &Result{}, err
	}
	defer run.book.Close()
	res := &Result{}
	err = p.WithGraph(func(g *workspace.Graph) error {
		res.Langs, res.Changes, res.Pages, err = p.publish(g, run, slugs)
		return err
	})
	res.Warnings = run.book.Warnings()
	return res, err
}

// Result is what Publish did.
type Result struct {
	Langs   []LangResult       // per language: completeness, publishing, fallbacks, files
	Changes []workspace.Change // files written and removed
	Pages   int                // under CountPages: the files of pages written, not in Changes
	// Warnings are the entries of the output's record of pages that
	// publishing ignored: it removes only files it writes.
	Warnings []string
}

func (p Publisher) publish(g *workspace.Graph, run *publishRun, slugs []string) ([]LangResult, []workspace.Change, int, error) {
	opts, prog := run.opts, run.prog
	end := workspace.Time("publish: pages up to date")
	jobs, todo, err := p.upToDateArticles(run, g, slugs)
	end()
	if err != nil {
		return nil, nil, 0, err
	}
	if !opts.Read {
		if err := p.readable(todo, run.langs); err != nil {
			return nil, nil, 0, err
		}
	}
	d := newDone(run, slugs)
	checks := g.Writer()
	end = workspace.Time("publish: pages made")
	prog.Start("rendering", len(opts.Langs)*len(slugs))
	err = workers.Run(p.Context(), len(slugs), func(i int) error {
		j := &jobs[i]
		if j.outs != nil { // up to date
			for range opts.Langs {
				run.prog.Step()
			}
		} else if outs, err := p.publishArticle(run, checks, slugs[i], *j); err != nil {
			return err
		} else {
			j.outs = outs
		}
		return p.finish(run, d, i, slugs[i], j)
	})
	prog.Done()
	checks.Flush()
	written := slices.Concat(d.written...)
	if err = cmp.Or(err, cmp.Or(d.errs...)); err != nil {
		p.keepMade(run, d)
		return nil, written, d.pages, err
	}
	end()
	results := d.results
	for li := range results {
		results[li].Percent = translation.Percent(d.own[li], d.total[li])
	}
	end = workspace.Time("publish: records")
	next, err := p.nextRecords(run, slugs, jobs, d)
	end()
	slices.SortFunc(d.removed, func(a, b workspace.Change) int { return strings.Compare(a.Path, b.Path) })
	written = append(written, d.removed...)
	if err != nil {
		return nil, written, d.pages, err
	}
	// A handout that cannot be printed (no Chromium) leaves the pages,
	// the index and the record written: the error comes last.
	var handoutErr error
	if opts.PDF {
		var changes []workspace.Change
		changes, handoutErr = p.handouts(run, slugs, jobs, next, results)
		written = append(written, changes...)
		if errors.Is(handoutErr, context.Canceled) {
			return nil, written, d.pages, handoutErr
		}
	}
	if slices.Contains(opts.Formats, "html") {
		end = workspace.Time("publish: index and status pages")
		meta := &next.w.Meta
		meta.IndexInputs = p.indexInputs(g, meta.LangsAfter(run.langs))
		shown := p.indexShown(run, next, d.changed)
		keys, w, err := p.writeIndexPages(p.indexPages(run, g, slugs, jobs, next, shown), run.book.Meta.IndexPages)
		g.PruneUnits(statusBucket, slugs)
		written = append(written, workspace.Wrote(w)...)
		if err == nil {
			var gone []workspace.Change
			gone, err = p.removeIndexPages(run.book.Meta.IndexPages, keys)
			written = append(written, gone...)
		}
		if err != nil {
			return nil, written, d.pages, err
		}
		meta.IndexPages = keys
		end()
	}
	if p.hugo() && slices.Contains(opts.Formats, "md") {
		files, err := p.hugoSiteFiles(run.words, run.langs)
		if err != nil {
			return nil, written, d.pages, err
		}
		w, err := p.WriteAll(files)
		written = append(written, workspace.Wrote(w)...)
		if err != nil {
			return nil, written, d.pages, err
		}
	}
	defer workspace.Time("publish: record written")()
	return results, written, d.pages, cmp.Or(run.book.Write(next.w), handoutErr)
}

// done is what the workers of one Publish did, article by article: each
// article's pages counted in the results and its record put into the
// book once they are made, so that a build holds counts, not pages (at
// 10,000 × 10, 100,000 pages' files, titles and reading levels).
type done struct {
	mu         sync.Mutex
	results    []LangResult         // by language of run.opts.Langs
	own, total []int                // by language: the messages published in their own translation, and all
	written    [][]workspace.Change // by article
	pages      int                  // under CountPages, the files of pages written
	errs       []error              // by article: the first of its pages' errors
	removed    []workspace.Change   // files of pages that are no more
	removeErr  error
	langs      map[string]bool // the languages of the records put
	reshaped   bool            // a page was added to the record or left out of it
	changed    map[string]bool // the index pages a page made again shows otherwise (showsOtherwise)
	older      bool            // the record is an older lingo's: its version stays until the run's end
}

func newDone(run *publishRun, slugs []string) *done {
	n := len(run.opts.Langs)
	d := &done{results: make([]LangResult, n), own: make([]int, n), total: make([]int, n),
		written: make([][]workspace.Change, len(slugs)), errs: make([]error, len(slugs)),
		langs: map[string]bool{}, changed: map[string]bool{}}
	for li, lang := range run.opts.Langs {
		d.results[li].Lang = lang
	}
	if run.book.Meta.Version != workspace.Version {
		recorded, _ := run.book.Slugs()
		d.older = len(recorded) > 0
	}
	return d
}

// remove removes the recorded files of a page in lang that is no more,
// and counts them.
func (p Publisher) remove(d *done, lang string, paths []string, why string) {
	for _, rel := range paths {
		gone, err := p.Remove(p.OutPath(rel))
		d.mu.Lock()
		if gone {
			d.removed = append(d.removed, workspace.Change{Path: p.Rel(p.OutPath(rel)), Removed: true, Why: why})
			if li := slices.IndexFunc(d.results, func(r LangResult) bool { return r.Lang == lang }); li >= 0 {
				d.results[li].Removed++
			}
		}
		d.removeErr = cmp.Or(d.removeErr, err)
		d.mu.Unlock()
	}
}

// finish counts the pages of article i (slug), made or found up to date,
// and puts its record after this run into the book: the records of its
// pages as made (or found), unless none was made and the record holds
// them all from the inputs they have now.
func (p Publisher) finish(run *publishRun, d *done, i int, slug string, j *articleJob) error {
	var errs []error
	d.mu.Lock()
	for li, o := range j.outs {
		tallyPage(&d.results[li], o)
		d.own[li], d.total[li] = d.own[li]+o.summary.Own, d.total[li]+o.summary.Total
		if run.opts.CountPages {
			d.pages += len(o.made().written)
		} else {
			d.written[i] = append(d.written[i], workspace.Wrote(o.made().written)...)
		}
		errs = append(errs, o.made().err)
	}
	d.errs[i] = cmp.Or(errs...)
	d.mu.Unlock()
	if j.quick || d.errs[i] != nil {
		return nil
	}
	recs := p.nextPages(run, j, func(lang string, paths []string, why string) { p.remove(d, lang, paths, why) })
	reshaped := len(recs) != len(j.recs)
	var changed []string
	if !reshaped { // else every index page is made again
		changed = p.showsOtherwise(run, slug, j)
	}
	made := slices.ContainsFunc(j.outs, func(o pageOut) bool { return !o.skipped })
	d.mu.Lock()
	for lang := range recs {
		d.langs[lang] = true
	}
	d.reshaped = d.reshaped || reshaped
	for _, rel := range changed {
		d.changed[rel] = true
	}
	d.mu.Unlock()
	// An article found up to date keeps its record, unless pages of it are
	// left out or the record's fresh key is not this run's.
	if !made && !reshaped && j.stored == j.fresh {
		recs = nil
	}
	// What is held of it from here: its pages' counts, for the index pages.
	for li := range j.outs {
		j.outs[li].files = nil
		j.outs[li].summary = pagebook.Summary{Counts: j.outs[li].summary.Counts}
	}
	j.recs, j.keys, j.inputs = nil, nil, ""
	return run.book.Put(slug, recs, j.fresh)
}

// articleJob is one article of a Publish.
type articleJob struct {
	keys   []string  // its units' keys, by language of run.langs
	inputs string    // what its pages are made from: the hash of keys
	outs   []pageOut // its pages, once made or found up to date; once counted (finish), their counts alone
	// fresh is what the record says its pages are made from when they
	// are up to date (freshKey); quick, that the record said so, unread.
	fresh, stored string // stored: the fresh key the record holds
	quick         bool
	recs          map[string]pagebook.Record // the record of its pages, when read
}

// upToDateArticles works out the inputs of each article's pages, and,
// under opts.Incremental, fills the pages of articles whose pages were
// made from those inputs from the manifest, unread. It returns a job per
// article, and the articles to publish.
func (p Publisher) upToDateArticles(run *publishRun, g *workspace.Graph, slugs []string) ([]articleJob, []string, error) {
	jobs := make([]articleJob, len(slugs))
	err := workers.Run(p.Context(), len(slugs), func(i int) error {
		j := &jobs[i]
		var err error
		if j.keys, err = g.UnitKeys(slugs[i], run.langs); err != nil {
			return err
		}
		// the article and its catalogs in every language its pages show
		sum := sha256.Sum256([]byte(strings.Join(j.keys, "")))
		j.inputs = hex.EncodeToString(sum[:])
		if run.opts.Incremental {
			j.fresh = pagebook.FreshKey(j.inputs, run.opts.Langs, run.opts.Formats)
		}
		p.upToDatePages(run, slugs[i], j)
		return nil
	})
	var todo []string
	for i, j := range jobs {
		if j.outs == nil {
			todo = append(todo, slugs[i])
		}
	}
	return jobs, todo, err
}

// readable reads every article and its catalog and state in each of langs,
// on every core, so that bad input is refused before the first file is
// written. An article that does not load is reported before a catalog that
// does not parse, and of each kind the first in the order of slugs.
func (p Publisher) readable(slugs, langs []string) error {
	loadErrs, catErrs := make([]error, len(slugs)), make([]error, len(slugs))
	_ = workers.Run(p.Context(), len(slugs), func(i int) error {
		if _, loadErrs[i] = p.Load(slugs[i]); loadErrs[i] != nil {
			return nil
		}
		for _, l := range langs {
			if l == p.Config.Source {
				continue
			}
			if _, _, catErrs[i] = p.ReadTarget(l, slugs[i]); catErrs[i] != nil {
				return nil
			}
		}
		return nil
	})
	return cmp.Or(cmp.Or(loadErrs...), cmp.Or(catErrs...))
}

// tallyPage adds one page to its language's result.
func tallyPage(r *LangResult, o pageOut) {
	s := o.summary
	switch {
	case s.Kind == pageFallback || s.Kind == pageNone:
		r.AsSource++
	case s.Fallbacks > 0:
		r.Partial++
	default:
		r.Published++
	}
	if s.Kind == pageTranslation {
		r.Fallbacks += s.Fallbacks
	}
	r.Stale += s.Stale
	r.Written += len(o.made().written)
	if o.skipped {
		r.Skipped++
	}
}

// publishRun is what the workers of one Publish share; they only read it.
type publishRun struct {
	opts  PublishOptions
	langs []string       // every language an article's pages depend on: the project's, then those of opts
	book  *pagebook.Book // the record of the pages of the last runs (Publish's)
	// judges gives the gate's Judge of one article (gate.Judges).
	judges  func() gate.JudgeFunc
	words   *pagewords.Words
	reading *readinglevel.Reader
	prog    workspace.Progress // safe for concurrent use
}

func (p Publisher) newPublishRun(opts PublishOptions, prog workspace.Progress) (*publishRun, error) {
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	words, err := pagewords.New(p.Folder(p.Config.Words))
	if err != nil {
		return nil, fmt.Errorf("words: %w", err)
	}
	return &publishRun{
		opts: opts, langs: union(p.ProjectLangs(), opts.Langs),
		judges: p.Judges(c), words: words, reading: readinglevel.NewReader(), prog: &workspace.LockedProgress{Progress: prog},
	}, nil
}

// union is a followed by the languages of b it lacks, each once.
func union(a, b []string) []string {
	var out []string
	for _, l := range slices.Concat(a, b) {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// pageOut is what publishing one article in one language did.
type pageOut struct {
	summary pagebook.Summary
	skipped bool       // its outputs were up to date
	files   *pageFiles // nil for a page found up to date unread: 110,000 at 10,000 × 10
}

// pageFiles are the files of a page made, or found up to date from its
// record.
type pageFiles struct {
	outputs []string // the page's files, relative to the output folder
	written []string // those written
	err     error    // the rendering or writing that failed
}

// made is o's files; none for a page found up to date unread.
func (o pageOut) made() pageFiles {
	if o.files == nil {
		return pageFiles{}
	}
	return *o.files
}

// publishArticle publishes one article in every language of run.opts.
// What it finds checking each language goes to the unit cache, where
// lingo check (and build's check, after publishing) finds it.
func (p Publisher) publishArticle(run *publishRun, checks *workspace.CacheWriter, slug string, job articleJob) ([]pageOut, error) {
	outs := make([]pageOut, len(run.opts.Langs))
	for range run.opts.Langs {
		run.prog.Step()
	}
	a, err := p.Load(slug)
	if err != nil {
		return nil, err
	}
	kept := p.keptPages(run, slug, job)
	ap, err := p.judgeAll(run, a, nil, kept)
	if err != nil {
		return nil, err
	}
	if len(kept) > 0 && p.kindsChanged(ap, job) { // every page shows the others' kinds (its switcher)
		kept = nil
		if ap, err = p.judgeAll(run, a, nil, nil); err != nil {
			return nil, err
		}
	}
	for li, lang := range run.langs {
		if j := ap.judged[lang]; j != nil {
			gate.PutCheck(checks, workspace.UnitName(lang, slug), job.keys[li], p.Summarize(j.Result), j.Result.Found)
			if run.opts.Judged != nil {
				if err := run.opts.Judged(checks, lang, slug, job.keys[li], j); err != nil {
					return nil, err
				}
			}
		}
	}
	made := make([][]workspace.Pending, len(run.opts.Langs))
	if err := workers.Run(p.Context(), len(made), func(li int) error {
		if k, ok := kept[run.opts.Langs[li]]; ok {
			outs[li] = k
		} else {
			outs[li].files = &pageFiles{}
			made[li], outs[li].summary, outs[li].files.err = p.pageFiles(run, ap, run.opts.Langs[li])
		}
		return nil
	}); err != nil {
		return nil, err
	}
	var files []workspace.Pending
	of := map[string]int{} // path written → language
	for li, fs := range made {
		for _, f := range fs {
			outs[li].files.outputs = append(outs[li].files.outputs, p.OutRel(f.Path))
			of[p.Rel(f.Path)] = li
		}
		files = append(files, fs...)
	}
	written, err := p.WriteAll(files)
	for _, path := range written {
		outs[of[path]].files.written = append(outs[of[path]].files.written, path)
	}
	if err != nil { // the error names the file; the article's first language reports it
		if outs[0].files == nil {
			outs[0].files = &pageFiles{}
		}
		outs[0].files.err = cmp.Or(outs[0].files.err, err)
	}
	return outs, nil
}

// keptPages are the pages of job's article in run.opts.Langs that its
// record says were made from their unit as it is now, and from those of
// their fallback chain (pt-BR shows pt's translations), by language, as
// upToDatePages finds them. Such a page is as it was unless the kind of
// another page of the article changed (kindsChanged): after an edit to one
// entry, one page of the article is made again, not one per language.
func (p Publisher) keptPages(run *publishRun, slug string, job articleJob) map[string]pageOut {
	if !run.opts.Incremental || run.book.Meta.Version != workspace.Version {
		return nil
	}
	same := func(lang string) bool {
		rec, ok := job.recs[lang]
		ki := slices.Index(run.langs, lang)
		return ok && ki >= 0 && rec.Unit != "" && rec.Unit == job.keys[ki]
	}
	kept := map[string]pageOut{}
	for _, lang := range run.opts.Langs {
		if slices.ContainsFunc(p.Chain(lang), func(l string) bool { return !same(l) }) {
			continue
		}
		if o, ok := p.recorded(run, job.recs[lang], lang, slug); ok {
			kept[lang] = o
		}
	}
	for _, lang := range run.langs { // a page made again shows its chain's judgements: they are made too
		if _, ok := kept[lang]; !ok {
			for _, l := range p.Chain(lang) {
				delete(kept, l)
			}
		}
	}
	return kept
}

// kindsChanged reports whether a page of ap judged in this run is of
// another kind than its record says, or has none.
func (p Publisher) kindsChanged(ap *articlePages, job articleJob) bool {
	for lang := range ap.judged {
		if rec, ok := job.recs[lang]; !ok || rec.Summary.Kind != ap.kinds[lang] {
			return true
		}
	}
	return false
}

// judgeAll judges article a in every target language of run but those of
// kept (whose page kinds it takes from them), with drafts[lang] in place
// of its entry, and decides the kind of its page in every language.
func (p Publisher) judgeAll(run *publishRun, a *workspace.Article, drafts map[string]*gate.Draft, kept map[string]pageOut) (*articlePages, error) {
	ap := &articlePages{a: a, judged: map[string]*gate.Judgement{}, kinds: map[string]string{}, reading: run.reading.ForArticle()}
	// The languages in parallel: an edit publishes one article.
	judged := make([]*gate.Judgement, len(run.langs))
	judge := run.judges()
	err := workers.Run(p.Context(), len(run.langs), func(k int) (err error) {
		lang := run.langs[k]
		if _, ok := kept[lang]; !ok && lang != p.Config.Source {
			judged[k], err = judge(a, lang, drafts[lang])
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for k, lang := range run.langs {
		if out, ok := kept[lang]; ok {
			ap.kinds[lang] = out.summary.Kind
			continue
		}
		if judged[k] != nil {
			ap.judged[lang] = judged[k]
		}
		ap.kinds[lang] = p.PageKind(lang, judged[k])
	}
	return ap, nil
}

// upToDatePages fills the job's pages from the record, under
// run.opts.Incremental, when every page of the article in run.opts.Langs
// was made from its inputs and its files are there: unread when the
// record's fresh key says so and the output folder is intact. Otherwise
// it reads the article's record into the job.
func (p Publisher) upToDatePages(run *publishRun, slug string, j *articleJob) {
	outs := make([]pageOut, len(run.opts.Langs))
	if run.opts.Incremental && run.opts.Intact && run.book.Meta.Version == workspace.Version {
		var sums map[string]pagebook.Summary
		if j.stored, sums = run.book.Quick(slug); j.stored == j.fresh {
			for li, lang := range run.opts.Langs {
				outs[li] = pageOut{summary: sums[lang], skipped: true}
			}
			// What is held of it: its counts, its fresh key for the record.
			j.outs, j.quick, j.stored, j.keys, j.inputs = outs, true, j.fresh, nil, ""
			return
		}
	}
	j.recs = run.book.Article(slug)
	if !run.opts.Incremental || run.book.Meta.Version != workspace.Version {
		return
	}
	for li, lang := range run.opts.Langs {
		rec, ok := j.recs[lang]
		if !ok || rec.Inputs != j.inputs {
			return
		}
		if outs[li], ok = p.recorded(run, rec, lang, slug); !ok {
			return
		}
	}
	j.outs = outs
}

// recorded is the page of slug in lang as its record rec has it, now
// made from inputs, if its files are there in every format asked for.
func (p Publisher) recorded(run *publishRun, rec pagebook.Record, lang, slug string) (pageOut, bool) {
	ok := p.listed(run, rec.Outputs) && p.hasFormats(rec, lang, slug, run.opts.Formats)
	return pageOut{summary: rec.Summary, files: &pageFiles{outputs: rec.Outputs}, skipped: true}, ok
}

// hasFormats reports whether rec lists the page's file in each of formats
// (none for a page of kind none).
func (p Publisher) hasFormats(rec pagebook.Record, lang, slug string, formats []string) bool {
	if rec.Summary.Kind == pageNone {
		return true
	}
	for _, path := range p.Outputs(lang, slug, formats) {
		if !slices.Contains(rec.Outputs, p.OutRel(path)) {
			return false
		}
	}
	if p.hugo() && slices.Contains(formats, "md") && !slices.Contains(rec.Outputs, pagebook.HugoRel(lang, slug)) {
		return false
	}
	return true
}

// articlePages is one article with what publishing decided for it in
// every language.
type articlePages struct {
	a       *workspace.Article
	judged  map[string]*gate.Judgement // by target language
	kinds   map[string]string          // by language: its page's kind
	reading *readinglevel.Reader       // the run's, reading each source text once
}

// PageKind is the kind of the page of an article in lang, given its
// judgement (nil for the source).
func (p Publisher) PageKind(lang string, j *gate.Judgement) string {
	switch {
	case lang == p.Config.Source:
		return pageSource
	case j.Page.Translated:
		return pageTranslation
	case p.Config.Fallback == "none":
		return pageNone
	}
	return pageFallback
}

// texts is the published text of each message of the article in lang:
// its own translation, else that of the nearest language of its chain
// (pt-BR → pt) that lang may show (shownFrom); a message with none shows
// the source text.
func (p Publisher) texts(ap *articlePages, lang string) map[string]string {
	texts := map[string]string{}
	chain := p.Chain(lang)
	for i, id := range ap.a.IDs {
		if l := p.shownFrom(ap, chain, i); l != "" {
			texts[id] = ap.judged[l].Published[id]
		}
	}
	return texts
}

// shownFrom is the language of chain whose translation of the i-th
// message the article's page in chain[0] shows, "" for the source text:
// the first that publishes one and that chain[0] may show (mayShow).
func (p Publisher) shownFrom(ap *articlePages, chain []string, i int) string {
	for _, l := range chain {
		if p.mayShow(ap, chain[0], l, i) {
			return l
		}
	}
	return ""
}

// mayShow reports whether the page in lang may show the translation of
// the i-th message in l, lang itself or a parent of it: l publishes it,
// and it counts as reviewed where lang requires review. lang's own passed
// its gate, review included; a parent's passed the parent's gate, which
// may not require review, so in a language that requires review it counts
// only when lingo.toml says a review of the parent counts
// (parent_review) and a reviewer signed it off in the parent.
func (p Publisher) mayShow(ap *articlePages, lang, l string, i int) bool {
	j := ap.judged[l]
	if j == nil {
		return false
	}
	if _, ok := j.Published[ap.a.IDs[i]]; !ok {
		return false
	}
	if l == lang || !p.Config.RequireReview(lang) {
		return true
	}
	return p.Config.ParentReview(lang) && j.Msgs[i].Reviewed
}

// onPage tells, for each segment of a, whether a reader sees it on the page,
// so that the notice counts the passages in the source language that the
// reader can find there: front matter fields are not on the page (the
// description is the page's meta description, the title its <title>),
// except the title where the page shows it as its heading (the article has
// no level-1 heading of its own).
func onPage(a *workspace.Article) []bool {
	hasH1 := slices.ContainsFunc(a.Segs, func(s article.Segment) bool { return s.Kind == article.KindHeading && s.Level == 1 })
	seen := make([]bool, len(a.Segs))
	for i, s := range a.Segs {
		seen[i] = s.Kind != article.KindFrontMatter || s.Field == "title" && !hasH1
	}
	return seen
}

// beingUpdated reports whether a page below min_complete in lang (judged
// j) is there because its translation went stale: it would be published as
// a translation if its stale entries were brought up to date. Its reader
// is told the translation is being updated, not that there is none.
func (p Publisher) beingUpdated(j *gate.Judgement, lang string) bool {
	return j != nil && j.Page.Stale > 0 && translation.Percent(j.Page.Own+j.Page.Stale, j.Page.Total) >= p.Config.MinComplete(lang)
}

// pageFiles renders the files of one article in lang, and its summary.
func (p Publisher) pageFiles(run *publishRun, ap *articlePages, lang string) ([]workspace.Pending, pagebook.Summary, error) {
	a, kind := ap.a, ap.kinds[lang]
	sum := pagebook.Summary{Counts: pagebook.Counts{Kind: kind, Total: len(a.IDs)}, Title: Title(a, nil)}
	if j := ap.judged[lang]; j != nil {
		sum.Current, sum.Own, sum.Stale, sum.Machine = j.Current, j.Page.Own, j.Page.Stale, j.Page.Machine
	} else {
		sum.Current, sum.Own = sum.Total, sum.Total
	}
	r, err := p.reading(ap, lang)
	if err != nil {
		return nil, sum, err
	}
	sum.Reading = r
	var texts map[string]string
	var notice string
	words := run.words.For(lang)
	switch kind {
	case pageNone:
		return nil, sum, nil
	case pageTranslation:
		texts = p.texts(ap, lang)
		sum.Title = Title(a, texts)
		seen := onPage(a)
		for i, id := range a.IDs {
			if _, ok := ap.judged[lang].Published[id]; !ok {
				sum.Fallbacks++
			}
			if _, ok := texts[id]; !ok && seen[i] {
				sum.InSource++
			}
		}
		if sum.InSource > 0 {
			notice = words.Passages(sum.InSource, p.Config.Source) + " " + words.Marked(p.Config.Source)
		}
	case pageFallback:
		notice = words.NotTranslated(p.Config.Source)
		if p.beingUpdated(ap.judged[lang], lang) {
			notice = words.Updating(p.Config.Source)
		}
	}
	lookup := func(id string) (string, bool) { tr, ok := texts[id]; return tr, ok }
	var files []workspace.Pending
	for _, f := range run.opts.Formats {
		switch f {
		case "md":
			md := a.Src
			if kind != pageSource {
				md = frontmatter.SetKey(article.Render(a.Src, a.Segs, a.IDs, lookup), p.Config.LangKey, lang)
			}
			files = append(files, workspace.Pending{Path: p.MDPath(lang, a.Slug), Data: md})
		case "html":
			page, err := p.htmlPage(run, ap, lang, lookup, notice)
			if err != nil {
				return nil, sum, err
			}
			files = append(files, workspace.Pending{Path: p.HTMLPath(lang, a.Slug), Data: page})
		}
	}
	if p.hugo() && slices.Contains(run.opts.Formats, "md") {
		files = append(files, p.hugoPage(ap, lang, texts, sum))
	}
	return files, sum, nil
}

// nextBook is the record after this run: the last runs', with the
// articles' records put as they were made (Book.Put) and this run's other
// changes (w) in their place.
type nextBook struct {
	book     *pagebook.Book
	w        *pagebook.Write
	reshaped bool // a page was added to the record or left out of it
}

// article is the record of slug's pages after this run.
func (n *nextBook) article(slug string) map[string]pagebook.Record {
	if recs, ok := n.w.Pages[slug]; ok {
		return recs
	}
	return n.book.Article(slug)
}

// nextRecords works out the record after this run, once every article's
// was put: less the pages of deleted articles, whose recorded files it
// removes (into d), with the languages of the pages recorded.
func (p Publisher) nextRecords(run *publishRun, slugs []string, jobs []articleJob, d *done) (*nextBook, error) {
	n := &nextBook{book: run.book, reshaped: d.reshaped,
		w: &pagebook.Write{Pages: map[string]map[string]pagebook.Record{}, Meta: run.book.Meta}}
	n.w.Meta.Version = workspace.Version
	recorded, bad := run.book.Slugs()
	n.w.Deleted = bad
	for _, slug := range recorded {
		if _, found := slices.BinarySearch(slugs, slug); found {
			continue
		}
		recs := run.book.Article(slug)
		for _, lang := range slices.Sorted(maps.Keys(recs)) {
			p.remove(d, lang, recs[lang].Outputs, "article deleted")
		}
		n.w.Deleted = append(n.w.Deleted, slug)
		n.reshaped = true
	}
	langs := d.langs
	if slices.ContainsFunc(jobs, func(j articleJob) bool { return j.quick }) {
		for _, l := range n.w.Meta.Langs { // the languages of the records left unread
			langs[l] = true
		}
	}
	n.w.Meta.Langs = slices.Sorted(maps.Keys(langs))
	return n, cmp.Or(d.removeErr, run.book.Flush())
}

// keepMade keeps the record of the pages publishing made before it
// stopped (interrupted, or failed on an article), put as they were made:
// they are on disk, and the next run need not make them again (a first
// build at 10,000 × 10 publishes for a quarter of an hour). The record of
// an older lingo keeps its version, and so do the index pages: the next
// run makes them.
func (p Publisher) keepMade(run *publishRun, d *done) {
	if len(d.langs) == 0 { // none put
		return
	}
	w := &pagebook.Write{Meta: run.book.Meta}
	if !d.older {
		w.Meta.Version = workspace.Version
		w.Meta.Langs = slices.Clone(w.Meta.Langs)
		for lang := range d.langs {
			w.Meta.Langs = append(w.Meta.Langs, lang)
		}
		slices.Sort(w.Meta.Langs)
		w.Meta.Langs = slices.Compact(w.Meta.Langs)
	}
	_ = run.book.Write(w)
}

// nextPages is the record of job's article after this run: its pages in
// run.opts.Langs as made (or found up to date), those of other languages
// kept while their files are there (a pseudo-locale's pages stay listed).
func (p Publisher) nextPages(run *publishRun, j *articleJob, remove func(lang string, paths []string, why string)) map[string]pagebook.Record {
	recs := map[string]pagebook.Record{}
	for lang, rec := range j.recs {
		if slices.Contains(run.langs, lang) || p.listed(run, rec.Outputs) {
			recs[lang] = rec
		}
	}
	for li, lang := range run.opts.Langs {
		o := j.outs[li]
		old := recs[lang]
		rec := pagebook.Record{Inputs: old.Inputs, Unit: old.Unit, Summary: o.summary, Outputs: o.made().outputs, PDF: old.PDF}
		if run.opts.Incremental {
			rec.Inputs, rec.Unit = j.inputs, j.keys[slices.Index(run.langs, lang)]
		}
		if o.summary.Kind == pageNone {
			remove(lang, old.Outputs, "below min_complete")
		} else {
			// Files of formats not rendered this time stay recorded.
			for _, path := range old.Outputs {
				if !slices.Contains(rec.Outputs, path) && p.listed(run, []string{path}) {
					rec.Outputs = append(rec.Outputs, path)
				}
			}
			slices.Sort(rec.Outputs)
		}
		recs[lang] = rec
	}
	return recs
}

// exists reports whether the file at rel (relative to the output folder)
// is there.
func (p Publisher) exists(rel string) bool {
	_, err := os.Stat(p.OutPath(rel))
	return err == nil
}

// listed reports whether every file of rels, which the manifest lists, is
// there: by asking the system for each, unless the output folder is
// intact.
func (p Publisher) listed(run *publishRun, rels []string) bool {
	return run.opts.Intact || p.allExist(rels)
}

// allExist reports whether every file of rels is there.
func (p Publisher) allExist(rels []string) bool {
	return !slices.ContainsFunc(rels, func(rel string) bool { return !p.exists(rel) })
}
