package draft_test

import (
	"context"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/draft"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// TestCorpusDraft drafts every message of the Hugo docs (992 articles)
// into Spanish with Apertium, and requires of each draft that it keeps
// the links, images, code spans and emphasis of its source, or that
// lingo check reports it (on the entry: links, images, code, emphasis,
// structure; the gate judges the articles of those drafts): no draft
// breaks markup unseen. It logs how many drafts carry
// Apertium's marks (go test -v).
func TestCorpusDraft(t *testing.T) {
	cfg := config.Default("en", []string{"es"})
	cfg.Dir = t.TempDir()
	cfg.Content = testcorpus.Dir(t, "hugo-docs", "en")
	p := project.New(cfg)
	e, err := draft.Engine(context.Background(), cfg, "es", "", func(string) string { return "" })
	if err != nil {
		t.Fatalf("%v (.ci/run installs apertium apertium-eng-spa)", err)
	}
	res, err := draft.For(p.Project).Draft(context.Background(), e, draft.Options{Lang: "es"})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := p.Status([]string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	if s := stats[0]; res.Drafted != s.Messages || s.Machine != s.Messages || s.Translated != 0 || s.Missing != 0 {
		t.Fatalf("drafted %d; status %+v: every entry should be a draft", res.Drafted, s)
	}
	plans, err := p.Plans([]string{"es"}, project.SyncOptions{NoMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	var kept, broken, marked int
	for _, ap := range plans[0].Articles {
		a, err := p.Load(ap.Slug)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ap.Messages {
			if m.State != project.Machine {
				t.Fatalf("%s: %v, want a machine draft", m.ID, m.State)
			}
			if len(m.Machine.Marks) > 0 {
				marked++
			}
			if keeps(m.Source, m.Translation, a.Refs) {
				kept++
				continue
			}
			broken++
			if !flagged(t, p, ap.Slug, m.ID, m.Translation) {
				t.Errorf("%s: the draft changes the markup unreported:\n  source: %s\n  draft:  %s", m.ID, m.Source, m.Translation)
			}
		}
	}
	t.Logf("hugo-docs → es: %d entries drafted by %s; %d keep their links, images, code spans and emphasis, %d do not (each with a finding); %d with Apertium's marks (unknown *, generation #, transfer @)",
		res.Drafted, res.Engine, kept, broken, marked)
}

// flagged reports whether lingo check reports, on entry id of article
// slug in Spanish, a finding on its links, images, code, emphasis or
// structure (the gate judges the article, as check and the workbench do).
func flagged(t *testing.T, p *project.Project, slug, id, text string) bool {
	t.Helper()
	found, err := p.CheckDraft("es", slug, project.Draft{ID: id, Text: text})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		switch f.Check {
		case structure.CheckLinks, structure.CheckImages, structure.CheckCode, structure.CheckEmphasis, structure.CheckStructure:
			return true
		}
	}
	return false
}

// keeps reports whether draft has the links, images, code spans and
// emphasis of source, with the article's link reference definitions refs.
func keeps(source, draft string, refs map[string]string) bool {
	for _, pr := range structure.Compare(structure.Parse(source, refs), structure.Parse(draft, refs), structure.Options{}) {
		switch pr.Check {
		case structure.CheckLinks, structure.CheckImages, structure.CheckCode, structure.CheckEmphasis:
			return false
		}
	}
	return true
}
