package project

import "github.com/lingo-l10n/lingo/internal/check"

// BuildResult is what lingo build did.
type BuildResult struct {
	Synced  []string      // catalogs written by sync
	Report  *check.Report // the check of every target language
	Langs   []LangResult  // per language: completeness, publishing, fallbacks, files
	Written []string      // outputs written or removed
}

// Build is the main job: sync every target catalog, check them, and
// publish every article in every language as Markdown and HTML, skipping
// articles whose inputs have not changed since the last build.
func (p *Project) Build(prog Progress) (*BuildResult, error) {
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
	return &BuildResult{Synced: synced, Report: rep, Langs: results, Written: written}, nil
}
