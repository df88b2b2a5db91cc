package project

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
)

// BuildResult is what lingo build did.
type BuildResult struct {
	Synced  []string      `json:"-"`         // catalogs written by sync
	Report  *check.Report `json:"report"`    // the check of every target language
	Langs   []LangResult  `json:"languages"` // per language: completeness, publishing, fallbacks, files
	Written []string      `json:"-"`         // outputs written or removed
}

// stampFile records the fingerprint of every input and output after a
// build, with its result: a build that finds the same fingerprint has
// nothing to do.
const stampFile = ".lingo-build-stamp.json"

type stamp struct {
	Version     string       `json:"version"`
	Fingerprint string       `json:"fingerprint"`
	Result      *BuildResult `json:"result"`
}

// Build is the main job: sync every target catalog, check them, and
// publish every article in every language as Markdown and HTML, skipping
// articles whose inputs have not changed since the last build. When no
// file of the project (articles, catalogs, config, glossary, outputs) has
// changed since the last build, as their sizes and modification times
// tell, it does nothing and returns that build's result.
func (p *Project) Build(prog Progress) (*BuildResult, error) {
	if last := p.readStamp(); last != nil && last.Fingerprint == p.fingerprint() {
		res := *last.Result
		for i := range res.Langs {
			res.Langs[i].Written, res.Langs[i].Skipped = 0, 0
		}
		return &res, nil
	}
	synced, err := p.Sync(p.Config.Languages, SyncOptions{})
	if err != nil {
		return nil, err
	}
	rep, err := p.Check(p.Config.Languages)
	if err != nil {
		return nil, err
	}
	results, written, err := p.Publish(PublishOptions{Langs: p.projectLangs(), Formats: Formats, Incremental: true}, prog)
	if err != nil {
		return nil, err
	}
	res := &BuildResult{Synced: synced, Report: rep, Langs: results, Written: written}
	f, err := jsonFile(filepath.Join(p.Config.OutputDir(), stampFile), stamp{Version, p.fingerprint(), res})
	if err != nil {
		return nil, err
	}
	if _, err := p.writeAll([]pending{f}); err != nil {
		return nil, err
	}
	return res, nil
}

func (p *Project) readStamp() *stamp {
	data, err := os.ReadFile(filepath.Join(p.Config.OutputDir(), stampFile))
	if err != nil {
		return nil
	}
	var s stamp
	if json.Unmarshal(data, &s) != nil || s.Version != Version || s.Result == nil || s.Result.Report == nil {
		return nil
	}
	return &s
}

// fingerprint hashes the path, size and modification time of every file a
// build reads or writes: stat calls only, no reading.
func (p *Project) fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", Version)
	for _, path := range []string{p.Config.Path, p.glossaryPath()} {
		if fi, err := os.Stat(path); err == nil {
			fmt.Fprintf(h, "%s %d %d\x00", path, fi.Size(), fi.ModTime().UnixNano())
		}
	}
	for _, dir := range []string{p.Config.ContentDir(), p.Config.LocalesDir(), p.Config.OutputDir()} {
		fmt.Fprintf(h, "dir %s\x00", dir)
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".lingo-build") {
				return nil
			}
			if fi, err := d.Info(); err == nil {
				fmt.Fprintf(h, "%s %d %d\x00", path, fi.Size(), fi.ModTime().UnixNano())
			}
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil))
}
