package publish

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/lingo-l10n/lingo/internal/handout"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// PDF handouts. With [pdf] enabled, each page published as a translation,
// and each source article, gets <output>/<lang>/<slug>.pdf: its HTML page
// printed by Chromium (package handout), with a footer in the reader's
// language (the site's name, the page number, the source version). Pages
// shown in the source language below min_complete get one only under
// [pdf] untranslated. A handout is a unit of the build like the page it
// is printed from: the manifest records what it was printed from
// (handoutKey), and it is printed again only when that changes or the file
// is gone. Chromium starts only when there is something to print.

// HandoutError is a handout that could not be printed (no Chromium): the
// pages, the index and the manifest are written all the same.
type HandoutError struct{ Err error }

func (e *HandoutError) Error() string { return e.Err.Error() }
func (e *HandoutError) Unwrap() error { return e.Err }

// handoutFormat changes when what lingo prints changes (the footer, the
// margins): every handout is printed again.
const handoutFormat = "lingo-handout-1"

// maxTabs is the most pages printed at once, whatever the cores: each tab
// holds a page's layout in memory.
const maxTabs = 4

// handoutJob is one handout to print.
type handoutJob struct {
	lang, slug, key string
	html            []byte
	job             handout.Job
}

// handouts prints the handouts of next's pages in run's languages that
// are missing or out of date, records them in next, and removes those of
// pages that should have none (a fallback page, or [pdf] disabled). It
// counts the files in results, and returns them as changes.
func (p Publisher) handouts(run *publishRun, slugs []string, jobs []articleJob, next *nextBook, results []LangResult) ([]workspace.Change, error) {
	var todo []handoutJob
	var changes []workspace.Change
	var first error
	for i, slug := range slugs {
		// An article whose pages are up to date, unread, has the handouts
		// its record says, unless one failed to print.
		if jobs[i].quick && !p.Config.PDF.Enabled {
			continue
		}
		version := ""
		recs := next.article(slug)
		for li, lang := range run.opts.Langs {
			rec, ok := recs[lang]
			if !ok {
				continue
			}
			pdf := p.OutRel(p.PDFPath(lang, slug))
			if !p.wantsHandout(rec.Summary.Kind) {
				if slices.Contains(rec.Outputs, pdf) {
					changes = append(changes, p.dropHandout(&rec, pdf, results, li)...)
					recs[lang] = rec
					next.w.Pages[slug] = recs
				}
				continue
			}
			if version == "" {
				var err error
				if version, err = p.sourceVersion(slug); err != nil {
					return changes, err
				}
			}
			html, err := os.ReadFile(p.HTMLPath(lang, slug))
			if err != nil {
				first = cmp.Or(first, fmt.Errorf("handout %s: %w", p.Rel(p.HTMLPath(lang, slug)), err))
				continue
			}
			j := handoutJob{lang: lang, slug: slug, html: html, job: p.handoutJob(run, lang, version)}
			j.key = handoutKey(j)
			if rec.PDF == j.key && p.exists(pdf) {
				continue
			}
			todo = append(todo, j)
		}
	}
	if len(todo) == 0 || first != nil {
		return changes, first
	}
	printed, written, err := p.printHandouts(run, todo)
	for i, j := range todo {
		if !printed[i] {
			continue
		}
		recs, pdf := next.article(j.slug), p.OutRel(p.PDFPath(j.lang, j.slug))
		rec := recs[j.lang]
		rec.PDF = j.key
		if !slices.Contains(rec.Outputs, pdf) {
			rec.Outputs = append(rec.Outputs, pdf)
			slices.Sort(rec.Outputs)
		}
		recs[j.lang] = rec
		next.w.Pages[j.slug] = recs
	}
	for i, j := range todo {
		if written[i] {
			changes = append(changes, workspace.Change{Path: p.Rel(p.PDFPath(j.lang, j.slug))})
			for li, l := range run.opts.Langs {
				if l == j.lang {
					results[li].Written++
				}
			}
		}
	}
	return changes, err
}

// wantsHandout reports whether a page of kind gets a handout.
func (p Publisher) wantsHandout(kind string) bool {
	pdf := p.Config.PDF
	switch {
	case !pdf.Enabled:
		return false
	case kind == pageSource || kind == pageTranslation:
		return true
	}
	return kind == pageFallback && pdf.Untranslated
}

// dropHandout removes the handout rec records at pdf, if any.
func (p Publisher) dropHandout(rec *pagebook.Record, pdf string, results []LangResult, li int) []workspace.Change {
	if !slices.Contains(rec.Outputs, pdf) {
		return nil
	}
	rec.PDF = ""
	var kept []string
	for _, o := range rec.Outputs {
		if o != pdf {
			kept = append(kept, o)
		}
	}
	rec.Outputs = kept
	if gone, _ := p.Remove(p.OutPath(pdf)); gone {
		results[li].Removed++
		return []workspace.Change{{Path: p.Rel(p.OutPath(pdf)), Removed: true, Why: "no handout for this page"}}
	}
	return nil
}

// sourceVersion is the version of the source article a handout names:
// the first 12 hex digits of its SHA-256.
func (p Publisher) sourceVersion(slug string) (string, error) {
	src, err := p.ReadFile(p.ArticlePath(slug))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])[:12], nil
}

// handoutJob is how the page in lang is printed: the paper, and a footer
// in the reader's words.
func (p Publisher) handoutJob(run *publishRun, lang, version string) handout.Job {
	words := run.words.For(lang)
	return handout.Job{Paper: p.Config.PDF.Paper, Footer: handout.Footer{
		Lang: lang, Dir: htmlpage.Dir(lang), Start: cmp.Or(p.Config.Site.Title, "lingo"),
		Pages: words.PageOf("{page}", "{pages}"), End: words.SourceVersion(version),
	}}
}

// handoutKey hashes what a handout is printed from: its page and its job.
func handoutKey(j handoutJob) string {
	h := sha256.New()
	f := j.job.Footer
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00", handoutFormat, j.job.Paper, f.Lang, f.Dir, f.Start, f.Pages, f.End, workspace.Version)
	h.Write(j.html)
	return hex.EncodeToString(h.Sum(nil))
}

// printHandouts prints todo in one Chromium, up to maxTabs pages at once,
// and writes each PDF through the project's atomic writer as it comes. It
// reports which were printed, and which of those written (a PDF whose
// bytes are on disk already is not).
func (p Publisher) printHandouts(run *publishRun, todo []handoutJob) (printed, written []bool, err error) {
	ctx := p.Context()
	printed, written = make([]bool, len(todo)), make([]bool, len(todo))
	printer, err := handout.Start(ctx, handout.Find(p.Config.PDF.Chromium))
	if err != nil {
		if ctx.Err() != nil {
			return printed, written, ctx.Err()
		}
		return printed, written, &HandoutError{err}
	}
	defer printer.Close()
	tabs := make(chan struct{}, min(maxTabs, runtime.GOMAXPROCS(0)))
	var mu sync.Mutex
	run.prog.Start("printing", len(todo))
	defer run.prog.Done()
	err = workers.Run(ctx, len(todo), func(i int) error {
		tabs <- struct{}{}
		defer func() { <-tabs }()
		defer run.prog.Step()
		j := todo[i]
		pdf, err := printer.Print(ctx, j.html, j.job)
		if err != nil {
			return fmt.Errorf("handout %s: %w", p.Rel(p.PDFPath(j.lang, j.slug)), err)
		}
		w, err := p.WriteAll([]workspace.Pending{{Path: p.PDFPath(j.lang, j.slug), Data: pdf}})
		mu.Lock()
		printed[i], written[i] = err == nil, len(w) > 0
		mu.Unlock()
		return err
	})
	if ctx.Err() != nil {
		return printed, written, ctx.Err()
	}
	if err != nil {
		return printed, written, &HandoutError{err}
	}
	return printed, written, nil
}
