package project_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/project"
)

// The generated corpora of the benchmarks: articles × languages, with
// sections per article (8 is a typical article of about 1,000 words).
var (
	gen1k  = gen.Options{Articles: 1000, Languages: 10, Seed: 1, ParagraphsPerArticle: 8}
	gen10k = gen.Options{Articles: 10000, Languages: 10, Seed: 1, ParagraphsPerArticle: 8}
)

// genProject opens a generated project, generating it the first time into a
// folder under os.TempDir() named by the options (never written to after:
// the benchmarks that use it write only outputs, to a fresh folder).
func genProject(b *testing.B, opts gen.Options) *project.Project {
	b.Helper()
	if testing.Short() && opts.Articles*max(opts.Languages, 1)*opts.ParagraphsPerArticle > 80000 {
		b.Skip("generated corpus larger than 1,000 × 10 skipped with -short")
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("lingo-bench-%dx%d-p%d-s%d-v%d",
		opts.Articles, opts.Languages, opts.ParagraphsPerArticle, opts.Seed, gen.Version))
	if _, err := os.Stat(filepath.Join(dir, ".done")); err != nil {
		start := time.Now()
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		if err := gen.Write(tmp, opts); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ".done"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("generated %s in %v", dir, time.Since(start).Round(time.Millisecond))
	}
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		b.Fatal(err)
	}
	p.Config.Output = b.TempDir()
	return p
}

// genCopy is a writable copy of a generated project, for sync and build.
func genCopy(b *testing.B, opts gen.Options) *project.Project {
	b.Helper()
	src := genProject(b, opts).Config.Dir
	dst := b.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		b.Fatal(err)
	}
	p, err := project.Open(filepath.Join(dst, config.FileName))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// hugoProject is hugo-docs/en (992 articles) with its pseudo-locale en-XA
// as the one target language, every message translated.
func hugoProject(b *testing.B) *project.Project {
	b.Helper()
	p := corpusProjectB(b, hugoCorpus(b))
	p.Config.Languages = []string{"en-XA"}
	if _, err := p.Extract(); err != nil {
		b.Fatal(err)
	}
	if _, err := p.Pseudo("en-XA"); err != nil {
		b.Fatal(err)
	}
	return p
}

// benchCorpora are the projects the pipeline benchmarks run on.
func benchCorpora() []struct {
	name string
	open func(b *testing.B) *project.Project
} {
	return []struct {
		name string
		open func(b *testing.B) *project.Project
	}{
		{"hugo-docs", hugoProject},
		{"gen-1000x10", func(b *testing.B) *project.Project { return genProject(b, gen1k) }},
		{"gen-10000x10", func(b *testing.B) *project.Project { return genProject(b, gen10k) }},
	}
}

// peakHeap samples the Go heap (objects, stacks, runtime metadata: what the
// runtime holds from the OS, less what it has released) every 5 ms while
// fn runs, and returns the highest value in MB.
func peakHeap(fn func()) float64 {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(samples)
		v := samples[0].Value.Uint64() - samples[1].Value.Uint64() - samples[2].Value.Uint64()
		if v > peak.Load() {
			peak.Store(v)
		}
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				read()
			}
		}
	}()
	runtime.GC()
	fn()
	read()
	stop()
	<-done
	return float64(peak.Load()) / (1 << 20)
}

// BenchmarkExtract loads, segments and marshals every source catalog (the
// catalogs are up to date, so nothing is written).
func BenchmarkExtract(b *testing.B) {
	for _, c := range benchCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p := c.open(b)
			for b.Loop() {
				if _, err := p.Extract(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// syncCorpora are the projects sync and build run on: hugo-docs, and
// generated corpora of growing size (10,000 articles not with -short),
// each a writable copy.
func syncCorpora() []struct {
	name string
	open func(b *testing.B) *project.Project
} {
	list := []struct {
		name string
		open func(b *testing.B) *project.Project
	}{{"hugo-docs", hugoProject}}
	for _, n := range []int{100, 200, 1000, 10000} {
		o := gen.Options{Articles: n, Languages: 10, Seed: 1, ParagraphsPerArticle: 8}
		list = append(list, struct {
			name string
			open func(b *testing.B) *project.Project
		}{fmt.Sprintf("gen-%dx10", n), func(b *testing.B) *project.Project {
			return genCopy(b, o)
		}})
	}
	return list
}

// BenchmarkSync brings every target catalog up to date: the first run
// writes the state files and fills what translation memory can, the next
// write nothing (the cost of `lingo sync` on a project in use). Each
// language's partial catalogs make translation memory search for every
// missing message.
func BenchmarkSync(b *testing.B) {
	for _, c := range syncCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p := c.open(b)
			var peak float64
			for b.Loop() {
				peak = max(peak, peakHeap(func() {
					if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
						b.Fatal(err)
					}
				}))
			}
			b.ReportMetric(peak, "peak-MB")
		})
	}
}

// BenchmarkCheckAll checks every target language, on one core and on all
// of them: the ratio of the two is the parallel speed-up.
func BenchmarkCheckAll(b *testing.B) {
	for _, c := range benchCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p := c.open(b)
			for _, procs := range []int{1, runtime.NumCPU()} {
				b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
					defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
					var peak float64
					for b.Loop() {
						peak = max(peak, peakHeap(func() {
							b.ReportMetric(float64(checkCount(b, p, p.Config.Languages)), "findings")
						}))
					}
					b.ReportMetric(peak, "peak-MB")
				})
			}
		})
	}
}

// BenchmarkPublish renders every language (source included) as Markdown
// and HTML into an empty output folder, on one core and on all of them.
func BenchmarkPublish(b *testing.B) {
	for _, c := range benchCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p := c.open(b)
			langs := append([]string{p.Config.Source}, p.Config.Languages...)
			for _, procs := range []int{1, runtime.NumCPU()} {
				b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
					defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
					var peak float64
					for b.Loop() {
						b.StopTimer()
						p.Config.Output = b.TempDir()
						b.StartTimer()
						peak = max(peak, peakHeap(func() {
							if _, err := p.Publish(project.PublishOptions{Langs: langs, Formats: project.Formats}, project.NoProgress{}); err != nil {
								b.Fatal(err)
							}
						}))
					}
					b.ReportMetric(peak, "peak-MB")
				})
			}
		})
	}
}

// BenchmarkBuild is lingo build from scratch on hugo-docs, as make compare
// times it: no output folder and no source catalogs, so every source
// catalog is extracted again, every target catalog synced and checked,
// every article rendered as Markdown and HTML in both languages.
func BenchmarkBuild(b *testing.B) {
	p := hugoProject(b)
	var peak float64
	for b.Loop() {
		b.StopTimer()
		p.Config.Output = b.TempDir()
		for _, dir := range []string{filepath.Join(p.Config.LocalesDir(), p.Config.Source), filepath.Join(p.Config.Dir, ".lingo")} {
			if err := os.RemoveAll(dir); err != nil { // the source catalogs, the cache
				b.Fatal(err)
			}
		}
		b.StartTimer()
		peak = max(peak, peakHeap(func() {
			if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(peak, "peak-MB")
}

// built are the generated projects BenchmarkBuildNothingChanged built, by
// corpus name, for BenchmarkBuildEdit to edit: at 10,000 × 10 a build
// from scratch takes most of an hour, and one is enough for both. Each is
// moved out of its benchmark's temporary folder (removed when that
// benchmark ends), and removed when the tests end, unless
// LINGO_BENCH_KEEP is set: then its folder is printed, for profiling the
// command on it (BENCHMARKS.md).
var built = map[string]*project.Project{}

func TestMain(m *testing.M) {
	code := m.Run()
	for name, p := range built {
		if os.Getenv("LINGO_BENCH_KEEP") != "" {
			fmt.Fprintf(os.Stderr, "kept %s, built: %s\n", name, p.Config.Dir)
			continue
		}
		os.RemoveAll(filepath.Dir(p.Config.Dir))
	}
	os.Exit(code)
}

// keep moves the project p out of its benchmark's temporary folder, into
// built under name.
func keep(b *testing.B, name string, p *project.Project) {
	dir, err := os.MkdirTemp("", "lingo-bench-built-")
	if err != nil {
		b.Fatal(err)
	}
	kept := filepath.Join(dir, "project")
	if err := os.Rename(p.Config.Dir, kept); err != nil {
		b.Fatal(err)
	}
	if built[name], err = project.Open(filepath.Join(kept, config.FileName)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBuildNothingChanged runs lingo build on a project built before
// and unchanged since: the target is under one second at 10,000 × 10.
func BenchmarkBuildNothingChanged(b *testing.B) {
	for _, c := range syncCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p := c.open(b)
			start := time.Now()
			first := peakHeap(func() {
				if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil { // the build before
					b.Fatal(err)
				}
			})
			firstTime := time.Since(start)
			var peak float64
			for b.Loop() {
				peak = max(peak, peakHeap(func() {
					res, err := p.Build(context.Background(), project.NoProgress{})
					if err != nil {
						b.Fatal(err)
					}
					if len(res.Synced)+len(res.Written) > 0 {
						b.Fatalf("build of an unchanged project wrote %d files", len(res.Synced)+len(res.Written))
					}
				}))
			}
			if strings.HasPrefix(c.name, "gen-") {
				keep(b, c.name, p)
			}
			// b.Loop resets what is reported before it.
			b.ReportMetric(firstTime.Seconds(), "first-build-s")
			b.ReportMetric(first, "first-build-peak-MB")
			b.ReportMetric(peak, "peak-MB")
		})
	}
}

// BenchmarkScale is the scaling table: check and publish (md and html) of
// every language, by articles (100, 1,000, 10,000), target languages (1,
// 10) and article size (small: 2 sections, about 300 words; large: 32
// sections, about 4,000 words). ns/op is check plus publish; check-s and
// publish-s split it. 10,000 large articles are left out (a 10 × larger
// corpus than the largest here, generating alone takes minutes);
// -short keeps 100 and 1,000.
func BenchmarkScale(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		for _, l := range []int{1, 10} {
			for _, size := range []struct {
				name  string
				paras int
			}{{"small", 2}, {"large", 32}} {
				if n == 10000 && size.name == "large" {
					continue
				}
				o := gen.Options{Articles: n, Languages: l, Seed: 1, ParagraphsPerArticle: size.paras}
				b.Run(fmt.Sprintf("articles=%d/langs=%d/size=%s", n, l, size.name), func(b *testing.B) {
					p := genProject(b, o)
					langs := append([]string{p.Config.Source}, p.Config.Languages...)
					var chk, pub time.Duration
					var peak float64
					for b.Loop() {
						b.StopTimer()
						p.Config.Output = b.TempDir()
						b.StartTimer()
						peak = max(peak, peakHeap(func() {
							t := time.Now()
							checkCount(b, p, p.Config.Languages)
							chk += time.Since(t)
							t = time.Now()
							if _, err := p.Publish(project.PublishOptions{Langs: langs, Formats: project.Formats}, project.NoProgress{}); err != nil {
								b.Fatal(err)
							}
							pub += time.Since(t)
						}))
					}
					b.ReportMetric(chk.Seconds()/float64(b.N), "check-s")
					b.ReportMetric(pub.Seconds()/float64(b.N), "publish-s")
					b.ReportMetric(peak, "peak-MB")
				})
			}
		}
	}
}

// BenchmarkBuildEdit is lingo build on a project built before, after each
// kind of edit (BuildEdits), the same edit made and undone in turn: the
// build graph redoes that article alone, and translation memory answers
// from its index. The build after the first edit of each kind is not
// timed (it reads again every file the build from scratch wrote, too
// recent to trust their times, and indexes the memory).
func BenchmarkBuildEdit(b *testing.B) {
	for _, c := range syncCorpora() {
		b.Run(c.name, func(b *testing.B) {
			p, ok := built[c.name] // built by BenchmarkBuildNothingChanged
			if !ok {
				p = c.open(b)
				if c.name == "hugo-docs" { // its content is read in place: edit a copy
					content := filepath.Join(p.Config.Dir, "content")
					if err := os.CopyFS(content, os.DirFS(p.Config.ContentDir())); err != nil {
						b.Fatal(err)
					}
					p.Config.Content = content
				}
				if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
					b.Fatal(err)
				}
			}
			slugs, err := p.Slugs()
			if err != nil {
				b.Fatal(err)
			}
			for _, e := range buildEdits(b, p, slugs[len(slugs)/2]) {
				b.Run(e.name, func(b *testing.B) {
					n := 0
					edit := func() { // the edit, or its undoing
						data, err := os.ReadFile(e.path) // sync may have rewritten it
						if err != nil {
							b.Fatal(err)
						}
						if n%2 == 0 {
							data = bytes.Replace(data, []byte(e.old), []byte(e.new), 1)
						} else {
							data = bytes.Replace(data, []byte(e.new), []byte(e.old), 1)
						}
						n++
						if err := os.WriteFile(e.path, data, 0o644); err != nil {
							b.Fatal(err)
						}
					}
					build := func() {
						if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
							b.Fatal(err)
						}
					}
					edit()
					build()
					var peak float64
					for b.Loop() {
						b.StopTimer()
						edit()
						b.StartTimer()
						peak = max(peak, peakHeap(build))
					}
					b.ReportMetric(peak, "peak-MB")
				})
			}
		})
	}
}

// buildEdit is one edit of a file: its first old made new.
type buildEdit struct {
	name, path, old, new string
}

// buildEdits are the edits of BenchmarkBuildEdit, to article slug: a
// translator edits one entry (its first language's first translation);
// an author adds a word to a sentence ("article"), appends a sentence
// (a paragraph of its own: a new message, which translation memory looks
// up in every language), or changes a heading's first word (a new
// message, whose old translation memory finds similar).
func buildEdits(b *testing.B, p *project.Project, slug string) []buildEdit {
	b.Helper()
	md := filepath.Join(p.Config.ContentDir(), filepath.FromSlash(slug)+".md")
	src, err := os.ReadFile(md)
	if err != nil {
		b.Fatal(err)
	}
	cat := p.CatalogPath(p.Config.Languages[0], slug)
	data, err := os.ReadFile(cat)
	if err != nil {
		b.Fatal(err)
	}
	edits := []buildEdit{{name: "entry", path: cat, old: "\nother = \"", new: "\nother = \"Édité "}}
	if !bytes.Contains(data, []byte(edits[0].old)) {
		b.Fatalf("%s has no translation to edit", cat)
	}
	i := bytes.Index(src, []byte(".\n"))
	if i < 0 {
		b.Fatalf("%s has no sentence to edit", md)
	}
	j := bytes.LastIndexAny(src[:i], " \n") + 1
	word := string(src[j : i+2])
	edits = append(edits, buildEdit{"article", md, word, strings.TrimSuffix(word, ".\n") + " indeed.\n"})
	last := string(src[max(len(src)-160, 0):]) // the end of the article, once in it
	edits = append(edits, buildEdit{"sentence", md, last, last + "\nPatients should rest for two hours after each session.\n"})
	h := bytes.Index(src, []byte("\n## "))
	if h < 0 {
		b.Fatalf("%s has no heading to edit", md)
	}
	head := string(src[h : h+4+bytes.IndexAny(src[h+4:], " \n")])
	return append(edits, buildEdit{"heading", md, head, "\n## Revised"})
}
