package project

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	json "github.com/goccy/go-json"
	"github.com/lingo-l10n/lingo/internal/bundle"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/fingerprint"
	"github.com/lingo-l10n/lingo/internal/publish"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// BuildResult is what lingo build did.
type BuildResult struct {
	Synced  []Change      `json:"-"`         // catalogs written or removed by sync
	Report  *check.Report `json:"report"`    // the check of every target language: its errors, and totals counting every finding
	Langs   []LangResult  `json:"languages"` // per language: completeness, publishing, fallbacks, files
	Written []Change      `json:"-"`         // outputs written or removed, but the pages' own files
	Pages   int           `json:"-"`         // the files of pages written: a first build at 10,000 × 10 writes 330,000
	// Warnings are the entries of the output's manifest that publishing
	// ignored, each at its line (publish.Result.Warnings), and those of
	// the bundle's record.
	Warnings []string `json:"-"`
}

// stampFile records the fingerprint of every input and output after a
// build, with its result: a build that finds the same fingerprint has
// nothing to do. It sits in a folder of its own so that writing it does
// not change the output folder's modification time, part of the
// fingerprint.
var stampFile = filepath.Join(".lingo", "build-stamp.json")

type stamp struct {
	Version     string          `json:"version"`
	Fingerprint string          `json:"fingerprint"`
	OutDirs     []string        `json:"out_dirs"` // every folder of the output, for the next fingerprint
	Outputs     fingerprint.Sum `json:"outputs"`  // the sum of OutDirs as the build left them
	// ResultSum is the SHA-256 of resultFile as this build wrote it: the
	// build's result (BuildResult), read only when the next build finds
	// nothing changed. At 10,000 × 10 it is 12 MB, which an edit build
	// neither reads nor decodes.
	ResultSum string `json:"result_sha256"`
}

// resultFile is the result of the build that wrote the stamp.
var resultFile = filepath.Join(".lingo", "build-result.json")

// result is the result of the build that wrote the stamp, nil when its
// file is not the one the stamp names.
func (s *stamp) result(out string) *BuildResult {
	data, err := os.ReadFile(filepath.Join(out, resultFile))
	if err != nil || fmt.Sprintf("%x", sha256.Sum256(data)) != s.ResultSum {
		return nil
	}
	var res BuildResult
	if json.Unmarshal(data, &res) != nil || res.Report == nil {
		return nil
	}
	return &res
}

// Build is the main job: sync every target catalog, check them, and
// publish every article in every language as Markdown and HTML, skipping
// articles whose inputs have not changed since the last build, and write
// the runtime bundle for apps (package bundle). Its report
// lists only the errors (its totals count every finding: lingo check lists
// them). When no file of the project (articles, catalogs, config,
// glossary, outputs) has changed since the last build, as their sizes and
// modification times tell, it does nothing and returns that build's
// result. Once ctx is done it stops at a safe point (every file old or
// new) and returns ctx's error; the next build completes the work.
func (p *Project) Build(ctx context.Context, prog Progress) (*BuildResult, error) {
	seen := &fingerprint.Seen{} // the walk's stat of each input, for the build graph's file hashes
	walked := time.Now().UnixNano()
	end := workspace.Time("the inputs walked")
	inputs := p.inputs(seen)
	end()
	// The output folder is intact when its folders are as the last build
	// left them: publishing then trusts its manifest's list of files.
	intact := false
	end = workspace.Time("the build stamp read")
	last := p.readStamp()
	if last != nil {
		outputs := fingerprint.Files(last.OutDirs...)
		if last.Fingerprint == fingerprintOf(outputs, inputs) {
			if res := last.result(p.Config.OutputDir()); res != nil {
				for i := range res.Langs {
					res.Langs[i].Written, res.Langs[i].Skipped = 0, 0
				}
				end()
				return res, nil
			}
		}
		intact = outputs == last.Outputs && len(last.OutDirs) > 0
	}
	end()
	b := p.WithContext(ctx)
	b.Progress = prog
	b.Known, b.Listed = seen.Stat, seen.Files
	var madeFolder atomic.Bool
	if intact { // else the folders are listed again anyway
		b.MakesFolder = func(string) { madeFolder.Store(true) }
	}
	var mu sync.Mutex
	b.WritesLocales = func(path string) func() { // sync's writes, kept in inputs
		seen.Forget(path)
		before := fingerprint.File(path)
		return func() {
			after := fingerprint.File(path)
			mu.Lock()
			inputs = inputs.Sub(before).Add(after)
			mu.Unlock()
		}
	}
	var res *BuildResult
	err := b.WithGraph(func(g *workspace.Graph) error {
		g.TrustWalk(seen.SumBy, walked)
		var err error
		res, err = b.buildSteps(prog, intact, seen.Drop)
		return err
	})
	if err != nil {
		return nil, err
	}
	// The output folder's folders are as the last build listed them while
	// it was intact and this build made none.
	var outDirs []string
	if intact && !madeFolder.Load() {
		outDirs = last.OutDirs
	}
	defer workspace.Time("the build stamp written")()
	if err := p.writeStamp(res, inputs, outDirs); err != nil {
		return nil, err
	}
	return res, nil
}

// buildSteps syncs, publishes, writes the runtime bundle and checks,
// sharing one build graph; intact says the output folder is as the last
// build left it. Sync asks for every key (the rest of the build recalls
// them), after which synced is called: the walk's stats can go.
func (p *Project) buildSteps(prog Progress, intact bool, synced func()) (*BuildResult, error) {
	end := workspace.Time("sync")
	changes, err := p.syncer().Sync(p.Config.Languages, SyncOptions{})
	end()
	if err != nil {
		return nil, err
	}
	synced()
	// Sync read every input; publishing judges every translation it
	// publishes as check does, and keeps what it found for the check and
	// each unit's part of the runtime bundle.
	end = workspace.Time("publish")
	published, err := p.publisher().Publish(PublishOptions{Langs: p.ProjectLangs(), Formats: Formats, Incremental: true, Read: true, PDF: true, Intact: intact, CountPages: true,
		Judged: bundle.PutPart}, prog)
	// A handout that cannot be printed (no Chromium) fails the build
	// after every other output is written.
	var printErr *publish.HandoutError
	if err != nil && !errors.As(err, &printErr) {
		return nil, err
	}
	end()
	end = workspace.Time("the runtime bundle")
	bundled, err := bundle.Bundler{Gate: p.gate(), Intact: intact}.Write()
	end()
	if err != nil {
		return nil, err
	}
	written := append(append(published.Changes, workspace.Wrote(bundled.Written)...), bundled.Removed...)
	warnings := append(published.Warnings, bundled.Warnings...)
	end = workspace.Time("check")
	rep, err := p.gate().CheckErrors()
	end()
	if err != nil {
		return nil, err
	}
	// The reading levels ([check] reading_grade) fail a build where
	// [check.severity] makes them errors; lingo check lists the warnings.
	end = workspace.Time("reading levels")
	reading, err := p.views().ReadingErrors(p.Config.Languages)
	end()
	if err != nil {
		return nil, err
	}
	rep.Findings = append(rep.Findings, reading...)
	res := &BuildResult{Synced: changes, Report: rep, Langs: published.Langs, Written: written, Pages: published.Pages, Warnings: warnings}
	if printErr != nil {
		return res, printErr
	}
	return res, nil
}

// writeStamp records the fingerprint of the project as this build leaves
// it (inputs: its inputs' sum), with the build's result. outDirs are the
// output folder's folders, listed again when nil: at 10,000 articles × 10
// languages, listing them reads 330,000 names.
func (p *Project) writeStamp(res *BuildResult, inputs fingerprint.Sum, outDirs []string) error {
	path := filepath.Join(p.Config.OutputDir(), stampFile)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if outDirs == nil {
		outDirs = fingerprint.Dirs(p.Config.OutputDir(), func(name string) bool { return name == ".lingo" })
	}
	outputs := fingerprint.Files(outDirs...)
	result, err := json.Marshal(res)
	if err != nil {
		return err
	}
	// The result first: a stamp names only a result written whole.
	sum := fmt.Sprintf("%x", sha256.Sum256(result))
	f, err := workspace.JSONFile(path, stamp{Version, fingerprintOf(outputs, inputs), outDirs, outputs, sum})
	if err != nil {
		return err
	}
	_, err = p.WriteAll([]workspace.Pending{{Path: filepath.Join(p.Config.OutputDir(), resultFile), Data: result}, f})
	return err
}

func (p *Project) readStamp() *stamp {
	data, err := os.ReadFile(filepath.Join(p.Config.OutputDir(), stampFile))
	if err != nil {
		return nil
	}
	var s stamp
	if json.Unmarshal(data, &s) != nil || s.Version != Version {
		return nil
	}
	return &s
}

// inputs sums the path, size, modification time and identity (change time
// and inode) of every file a build reads: the config, the glossary, the
// articles, the catalogs and the state and review files beside them, the
// page words and the check vocabulary, keeping in seen what it saw of each.
// Stat calls only, no reading. A build takes it before it starts (an input
// changed while it runs is seen by the next one), and keeps it current as
// it writes under locales/ (WritesLocales), without a second walk.
func (p *Project) inputs(seen *fingerprint.Seen) fingerprint.Sum {
	sum := fingerprint.Files(p.Config.Path, p.GlossaryPath())
	for _, dir := range []string{p.Config.ContentDir(), p.Config.LocalesDir(), p.Folder(p.Config.Words), p.Folder(p.Config.Check.Vocabulary)} {
		if dir != "" {
			sum = sum.Add(seen.Tree(dir))
		}
	}
	return sum
}

// fingerprintOf is a build's fingerprint: its inputs' sum and that of the
// output folders, which only lingo writes, by rename (outputs).
func fingerprintOf(outputs, inputs fingerprint.Sum) string {
	sum := outputs.Add(inputs)
	return fmt.Sprintf("%s %x %d", Version, sum.Hash, sum.Files)
}
