package syncer_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/project"
)

// TestEditAfterFirstSyncReadsOneArticle: the first sync of a generated
// project writes every unit, and fills from memory the messages of a
// copied article; the edit after it (a sentence added to the original)
// reads that article alone. A first sync that left the memory's index out
// of date for the units it wrote, or kept the filled messages as still
// without translation (the original offers their translations anew), had
// the edit read every article of each language: 37 s for one sentence at
// 1,000 articles × 10 languages, over ten minutes at 10,000.
func TestEditAfterFirstSyncReadsOneArticle(t *testing.T) {
	dir := t.TempDir()
	first, src := genWithCopy(t, dir, gen.Options{Articles: 30, Languages: 3, Seed: 7, ParagraphsPerArticle: 2})
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	filled, err := os.ReadFile(filepath.Join(dir, "locales", p.Config.Languages[0], "aaa-copy."+p.Config.Languages[0]+".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(filled, []byte("\nother = ")) - bytes.Count(filled, []byte("\nother = \"\"\n")); n < 3 {
		t.Fatalf("memory filled %d messages of the copy: the test needs more", n)
	}

	if err := os.WriteFile(first, append(src, "\nPatients should rest for two hours after each session.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	reads := mdReads(p)
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	for path, n := range reads {
		if path != first {
			t.Errorf("the edit of %s read %s %d times", filepath.Base(first), filepath.Base(path), n)
		}
	}
	if reads[first] == 0 {
		t.Errorf("the edit did not read the article edited: %v", reads)
	}
}
