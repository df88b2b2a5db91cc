package project_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/project"
)

// TestBuildReportErrors checks that build's report lists exactly the
// errors lingo check finds and its warnings on what translations say (a
// dropped negation is published, and the build says so), with the same
// totals, warnings on where entries stand (missing, stale, unreviewed) and
// on typography counted but not listed: in a language without a gate (missing and stale
// entries are warnings) and one below its gate (they are errors).
func TestBuildReportErrors(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, gen.Options{Articles: 12, Languages: 3, Seed: 5, ParagraphsPerArticle: 3}); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, config.FileName)
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// de has stale entries: below its gate of 100 its gaps are errors; fr's
	// stay warnings.
	data = bytes.Replace(data, []byte("[lang.de]\nmin_complete = 80"), []byte("[lang.de]\nmin_complete = 80\ngate = 100"), 1)
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	leaveUntranslated(t, p, "es")
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	checked, err := p.Check(p.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	defer checked.Close()
	full, err := checked.Report(nil)
	if err != nil {
		t.Fatal(err)
	}
	state := []string{"missing", "stale", "unreviewed", "orphan", "foreign", "unknown-lang", "whitespace", "double-space", "length"}
	listed := slices.DeleteFunc(slices.Clone(full.Findings), func(f check.Finding) bool {
		return f.Severity != check.Error && slices.Contains(state, f.Check)
	})
	if !slices.Equal(res.Report.Findings, listed) {
		t.Errorf("build lists %d findings, check %d errors and warnings on what translations say", len(res.Report.Findings), len(listed))
	}
	if !slices.ContainsFunc(listed, func(f check.Finding) bool { return f.Severity == check.Warning }) {
		t.Error("the generated project has no warning on what a translation says: the test needs one")
	}
	if !slices.Equal(res.Report.Totals, full.Totals) {
		t.Errorf("build's totals %+v\ncheck's %+v", res.Report.Totals, full.Totals)
	}
	var gapErrors, warnings int
	for _, f := range listed {
		if f.Severity == check.Error && (f.Check == "stale" || f.Check == "missing") {
			gapErrors++
		}
	}
	for _, tot := range full.Totals {
		warnings += tot.Warnings
	}
	if gapErrors == 0 || warnings == 0 || len(full.Findings) == len(listed) {
		t.Errorf("the test needs stale or missing errors (%d) and warnings (%d)", gapErrors, warnings)
	}
	t.Logf("%d findings, %d listed by build (%d missing or stale errors), %d warnings", len(full.Findings), len(listed), gapErrors, warnings)
}

// leaveUntranslated makes the translation of the first paragraph of the
// first article in lang its source text, as a translator who left it in
// English: an untranslated warning on an entry that is published.
func leaveUntranslated(t *testing.T, p *project.Project, lang string) {
	t.Helper()
	slugs, err := p.Slugs()
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Load(slugs[0])
	if err != nil {
		t.Fatal(err)
	}
	path := p.CatalogPath(lang, slugs[0])
	c, err := p.ReadCatalogFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range a.IDs {
		if !strings.Contains(id, ".p-") {
			continue
		}
		for j := range c.Entries {
			if c.Entries[j].ID == id {
				c.Entries[j].Other = a.Segs[i].Text
			}
		}
		data, err := catalog.Marshal(c, p.Config.Format)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s has no paragraph", slugs[0])
}
