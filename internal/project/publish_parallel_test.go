package project_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// stepCounter counts the steps it hears of, without a lock of its own, as
// the CLI's progress bar: the race detector tells if Publish's workers step
// it at once.
type stepCounter struct{ starts, steps, dones int }

func (c *stepCounter) Start(string, int) { c.starts++ }
func (c *stepCounter) Step()             { c.steps++ }
func (c *stepCounter) Done()             { c.dones++ }

// genPublishProject writes a small generated project (articles × 4 target
// languages, some below min_complete) into a temporary folder.
func genPublishProject(t *testing.T, articles int) *project.Project {
	t.Helper()
	dir := t.TempDir()
	if err := gen.Write(dir, gen.Options{Articles: articles, Languages: 4, Seed: 3, ParagraphsPerArticle: 3}); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// publishOn publishes every language of p as Markdown and HTML into out
// with procs workers, and checks the progress it reports.
func publishOn(t *testing.T, p *project.Project, procs int, out string, incremental bool) ([]project.LangResult, []project.Change, error) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	p.Config.Output = out
	langs := append([]string{p.Config.Source}, p.Config.Languages...)
	slugs, err := p.Slugs()
	if err != nil {
		t.Fatal(err)
	}
	var prog stepCounter
	res, err := p.Publish(project.PublishOptions{Langs: langs, Formats: project.Formats, Incremental: incremental}, &prog)
	if err == nil && (prog.starts != 1 || prog.steps != len(langs)*len(slugs) || prog.dones != 1) {
		t.Errorf("progress: %d starts, %d steps, %d dones; want 1, %d, 1", prog.starts, prog.steps, prog.dones, len(langs)*len(slugs))
	}
	return res.Langs, res.Changes, err
}

// TestPublishParallel publishes on one core and on four workers: the same
// results, the same paths written in the same order, the same bytes; and
// an incremental build after a build skips every article.
func TestPublishParallel(t *testing.T) {
	const articles = 30
	p := genPublishProject(t, articles)
	res1, written1, err := publishOn(t, p, 1, "out1", false)
	if err != nil {
		t.Fatal(err)
	}
	res4, written4, err := publishOn(t, p, 4, "out4", false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res1, res4) {
		t.Errorf("results differ:\n1 worker:  %+v\n4 workers: %+v", res1, res4)
	}
	if got, want := fmt.Sprint(written4), strings.ReplaceAll(fmt.Sprint(written1), "out1", "out4"); got != want {
		t.Errorf("written differ:\n1 worker:\n%s\n4 workers:\n%s", want, got)
	}
	tree1, tree4 := testcorpus.Tree(t, filepath.Join(p.Config.Dir, "out1")), testcorpus.Tree(t, filepath.Join(p.Config.Dir, "out4"))
	if len(tree1) != len(tree4) {
		t.Errorf("%d files on 1 worker, %d on 4", len(tree1), len(tree4))
	}
	for path, data := range tree1 {
		if path == recordFile { // a bbolt file: the same records, not the same bytes
			continue
		}
		if !bytes.Equal(tree4[path], data) {
			t.Errorf("%s differs", path)
		}
	}
	if r1, r4 := records(t, p, "out1"), records(t, p, "out4"); !reflect.DeepEqual(r1, r4) {
		t.Errorf("the records differ:\n1 worker:  %v\n4 workers: %v", r1, r4)
	}

	if _, _, err := publishOn(t, p, 4, "out4", true); err != nil {
		t.Fatal(err)
	}
	res, written, err := publishOn(t, p, 4, "out4", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 0 {
		t.Errorf("an unchanged incremental build wrote %v", written)
	}
	for _, r := range res {
		if r.Skipped != articles {
			t.Errorf("%s: skipped %d articles, want %d", r.Lang, r.Skipped, articles)
		}
	}
}

// TestPublishErrorOrder breaks inputs of several articles: Publish reports
// the same one however its workers run, an article that does not load
// before a catalog that does not parse, and writes nothing.
func TestPublishErrorOrder(t *testing.T) {
	p := genPublishProject(t, 20)
	slugs, err := p.Slugs()
	if err != nil {
		t.Fatal(err)
	}
	breakFile := func(path string, junk string) string {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(junk); err != nil {
			t.Fatal(err)
		}
		return p.Rel(path)
	}
	want := func(rel string) {
		t.Helper()
		for range 5 {
			_, _, err := publishOn(t, p, 4, "out", false)
			if err == nil || !strings.HasPrefix(err.Error(), rel+":") {
				t.Fatalf("error %v, want one in %s", err, rel)
			}
		}
		if _, err := os.Stat(filepath.Join(p.Config.Dir, "out")); err == nil {
			t.Errorf("publish wrote outputs despite the error")
		}
	}
	broken := "\n['x']\nother = 'broken\n"
	breakFile(p.CatalogPath(p.Config.Languages[0], slugs[12]), broken)
	want(breakFile(p.CatalogPath(p.Config.Languages[2], slugs[5]), broken))
	want(breakFile(filepath.Join(p.Config.ContentDir(), filepath.FromSlash(slugs[17])+".md"), "\xff\n"))
}

// stepLog records each step a Progress hears of and its units.
type stepLog struct {
	stepCounter
	whats []string
}

func (l *stepLog) Start(what string, total int) {
	l.stepCounter.Start(what, total)
	l.whats = append(l.whats, what)
}

// Sync and check report their progress too, article by article, through
// the project's Progress, on every core.
func TestSyncCheckProgress(t *testing.T) {
	p := genPublishProject(t, 12)
	var log stepLog
	p.Progress = &log
	if _, err := p.Sync(p.Config.Languages[:1], project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	res, err := p.Check(p.Config.Languages[:1])
	if err != nil {
		t.Fatal(err)
	}
	res.Close()
	want := []string{"reading", "syncing " + p.Config.Languages[0], "checking"}
	if !reflect.DeepEqual(log.whats, want) || log.steps != 3*12 || log.dones != 3 {
		t.Errorf("progress: %v, %d steps, %d dones; want %v, %d steps, 3 dones", log.whats, log.steps, log.dones, want, 3*12)
	}
}

// recordFile is publishing's record of pages in the output folder.
const recordFile = ".lingo/pages.db"

// records is what the record of out holds of each article, with the
// fresh key and summaries it reads them by.
func records(t *testing.T, p *project.Project, out string) map[string]any {
	t.Helper()
	p.Config.Output = out
	b, err := pagebook.Open(p.Config.OutputDir(), p)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	slugs, bad := b.Slugs()
	all := map[string]any{"meta": b.Meta, "bad": bad}
	for _, slug := range slugs {
		fresh, sums := b.Quick(slug)
		all[slug] = []any{b.Article(slug), fresh, sums}
	}
	if len(slugs) == 0 {
		t.Errorf("%s: no records", out)
	}
	return all
}

// cancelOnStep cancels a context at the first step it hears of.
type cancelOnStep struct{ cancel context.CancelFunc }

func (c cancelOnStep) Start(string, int) {}
func (c cancelOnStep) Step()             { c.cancel() }
func (c cancelOnStep) Done()             {}

// TestPublishInterrupted: interrupted while it judges an article's
// languages (Ctrl-C in a first build), publishing stops with the
// context's error, never a panic.
func TestPublishInterrupted(t *testing.T) {
	p := genPublishProject(t, 3)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := p.WithContext(ctx).Publish(project.PublishOptions{Langs: p.ProjectLangs(), Formats: project.Formats}, cancelOnStep{cancel})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Publish interrupted returned %v, want %v", err, context.Canceled)
	}
}

// cancelAt cancels a context when the step named what starts.
type cancelAt struct {
	what   string
	cancel context.CancelFunc
}

func (c cancelAt) Start(what string, _ int) {
	if what == c.what {
		c.cancel()
	}
}
func (c cancelAt) Step() {}
func (c cancelAt) Done() {}

// TestInterruptedBuildKeepsItsSync: a first build interrupted once it
// publishes (Ctrl-C a quarter of an hour into one at 10,000 × 10) keeps
// what sync recorded: the next build syncs nothing again, reading no
// catalog of a language to plan it, and completes.
func TestInterruptedBuildKeepsItsSync(t *testing.T) {
	p := genPublishProject(t, 6)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := p.Build(ctx, cancelAt{"rendering", cancel}); !errors.Is(err, context.Canceled) {
		t.Fatalf("the interrupted build returned %v, want %v", err, context.Canceled)
	}
	lang := p.Config.Languages[0]
	var catalogs atomic.Int64
	p.Reads = func(path string) {
		if strings.HasSuffix(path, "."+lang+".toml") {
			catalogs.Add(1)
		}
	}
	res, err := p.Build(context.Background(), &stepCounter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Synced) > 0 {
		t.Errorf("the build after the interrupted one synced again: %v", res.Synced)
	}
	// Publishing reads each catalog once; a sync that planned again
	// read them first.
	slugs, _ := p.Slugs()
	if n := catalogs.Load(); n > int64(len(slugs)) {
		t.Errorf("the build after the interrupted one read %s catalogs %d times for %d articles: its sync planned again", lang, n, len(slugs))
	}
}

// cancelAfterSteps cancels a context at the n-th step of the step named
// what.
type cancelAfterSteps struct {
	what   string
	n      int64
	in     atomic.Bool
	steps  atomic.Int64
	cancel context.CancelFunc
}

func (c *cancelAfterSteps) Start(what string, _ int) { c.in.Store(what == c.what) }
func (c *cancelAfterSteps) Step() {
	if c.in.Load() && c.steps.Add(1) == c.n {
		c.cancel()
	}
}
func (c *cancelAfterSteps) Done() {}

// TestInterruptedBuildKeepsItsPages: a first build interrupted three
// quarters into publishing records the pages of the articles it made:
// the next build finds them up to date, makes the others, and ends with
// the pages of a build never interrupted.
func TestInterruptedBuildKeepsItsPages(t *testing.T) {
	const articles = 8
	p := genPublishProject(t, articles)
	// A copy named alike: a site without a title takes its folder's name.
	whole := filepath.Join(t.TempDir(), filepath.Base(p.Config.Dir))
	if err := os.CopyFS(whole, os.DirFS(p.Config.Dir)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	langs := len(p.ProjectLangs())
	stop := &cancelAfterSteps{what: "rendering", n: int64(langs*articles*3/4 + 1), cancel: cancel}
	if _, err := p.Build(ctx, stop); !errors.Is(err, context.Canceled) {
		t.Fatalf("the interrupted build returned %v, want %v", err, context.Canceled)
	}
	res, err := p.Build(context.Background(), &stepCounter{})
	if err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, l := range res.Langs {
		skipped += l.Skipped
	}
	if skipped == 0 {
		t.Errorf("the build after one interrupted in publishing made every page again")
	}
	q, err := project.Open(filepath.Join(whole, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.Build(context.Background(), &stepCounter{}); err != nil {
		t.Fatal(err)
	}
	got, want := projectFiles(t, filepath.Join(p.Config.Dir, "out")), projectFiles(t, filepath.Join(whole, "out"))
	delete(got, ".lingo/build-result.json")
	delete(want, ".lingo/build-result.json")
	delete(got, ".lingo/pages.db")
	delete(want, ".lingo/pages.db")
	if !reflect.DeepEqual(got, want) {
		for path := range want {
			if got[path] != want[path] {
				t.Errorf("%s differs from a build never interrupted", path)
			}
		}
		for path := range got {
			if _, ok := want[path]; !ok {
				t.Errorf("%s: not in a build never interrupted", path)
			}
		}
	}
}

// TestFailedPageKeepsTheOthers: a build whose page of one article cannot
// be written (a folder stands where it goes) fails naming it, and records
// the pages of the other articles as it makes them: the next build makes
// that article's pages alone.
func TestFailedPageKeepsTheOthers(t *testing.T) {
	const articles = 12
	p := genPublishProject(t, articles)
	slugs, err := p.Slugs()
	if err != nil {
		t.Fatal(err)
	}
	lang := p.Config.Languages[0]
	block := p.HTMLPath(lang, slugs[5])
	if err := os.MkdirAll(filepath.Join(block, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Build(context.Background(), &stepCounter{}); err == nil || !strings.Contains(err.Error(), p.Rel(block)) {
		t.Fatalf("build with a folder at %s: %v, want an error naming it", p.Rel(block), err)
	}
	if err := os.RemoveAll(block); err != nil {
		t.Fatal(err)
	}
	res, err := p.Build(context.Background(), &stepCounter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Langs {
		if l.Skipped != articles-1 {
			t.Errorf("%s: the next build found %d articles' pages up to date, want %d (all but the failed one)", l.Lang, l.Skipped, articles-1)
		}
	}
}

// TestBuildCountsPages: a build counts the files of the pages it writes,
// those its languages' results count, and lists the others it writes
// (index and status pages, the runtime bundle) and every file it removes,
// which lingo build prints.
func TestBuildCountsPages(t *testing.T) {
	const articles = 6
	p := genPublishProject(t, articles)
	res, err := p.Build(context.Background(), &stepCounter{})
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, l := range res.Langs {
		pages += l.Written
	}
	// Markdown and HTML, for every article in every language
	if want := 2 * articles * len(res.Langs); res.Pages != want || pages != want {
		t.Errorf("pages written: %d counted, %d by language; want %d", res.Pages, pages, want)
	}
	listed := map[string]bool{}
	for _, c := range res.Written {
		listed[c.Path] = true
	}
	for _, want := range []string{"out/index.html", "out/status.html", "out/" + p.Config.Source + "/index.html"} {
		if !listed[want] {
			t.Errorf("%s not listed as written: %v", want, res.Written)
		}
	}
	slugs, _ := p.Slugs()
	if page := p.Rel(p.HTMLPath(p.Config.Source, slugs[0])); listed[page] {
		t.Errorf("%s listed: a build counts its pages' files", page)
	}
	if err := os.Remove(filepath.Join(p.Config.ContentDir(), filepath.FromSlash(slugs[0])+".md")); err != nil {
		t.Fatal(err)
	}
	if res, err = p.Build(context.Background(), &stepCounter{}); err != nil {
		t.Fatal(err)
	}
	if page := p.Rel(p.HTMLPath(p.Config.Source, slugs[0])) + " (removed: article deleted)"; !strings.Contains(fmt.Sprint(res.Written), page) {
		t.Errorf("after the article went, %s not listed: %v", page, res.Written)
	}
}
