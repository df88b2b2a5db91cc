package syncer_test

import (
	"bytes"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"os"
	"path/filepath"
	"strings"
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

// TestLostIndexReadsEachArticleOnce: the memory's index deleted (or made
// again in a new format), an edit's lookup indexes the units of every
// language in one pass, reading each other article once, not once per
// language (a full read of each language's memory: 14 to 17 minutes for
// one edit at 10,000 × 10); and memory offers what it offers with the
// index intact.
func TestLostIndexReadsEachArticleOnce(t *testing.T) {
	dir := t.TempDir()
	first, src := genWithCopy(t, dir, gen.Options{Articles: 30, Languages: 3, Seed: 7, ParagraphsPerArticle: 2})
	defer syncer.SetIndexLimits(2000, 4)() // 30 articles behave as 10,000 (64 stale units)
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	intact := t.TempDir()
	if err := os.CopyFS(intact, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	// The edit repeats a paragraph of the copy, which memory fills.
	copied, err := os.ReadFile(filepath.Join(dir, "content", "aaa-copy.md"))
	if err != nil {
		t.Fatal(err)
	}
	paras := bytes.Split(bytes.TrimSpace(copied), []byte("\n\n"))
	edited := append(append(src, '\n'), paras[len(paras)-1]...)
	lang := p.Config.Languages[0]
	slug, _ := filepath.Rel(filepath.Join(dir, "content"), strings.TrimSuffix(first, ".md"))
	catalog := filepath.Join("locales", lang, slug+"."+lang+".toml")
	translated := func(c []byte) int {
		return bytes.Count(c, []byte("\nother = ")) - bytes.Count(c, []byte("\nother = \"\"\n"))
	}
	before, err := os.ReadFile(filepath.Join(dir, catalog))
	if err != nil {
		t.Fatal(err)
	}
	catalogs := map[string][]byte{}
	for _, d := range []string{intact, dir} {
		rel, _ := filepath.Rel(dir, first)
		if err := os.WriteFile(filepath.Join(d, rel), edited, 0o644); err != nil {
			t.Fatal(err)
		}
		if d == dir {
			if err := os.Remove(filepath.Join(dir, ".lingo", "cache", "tm.db")); err != nil {
				t.Fatal(err)
			}
		}
		q, err := project.Open(filepath.Join(d, config.FileName))
		if err != nil {
			t.Fatal(err)
		}
		reads := mdReads(q)
		if _, err := q.Sync(q.Config.Languages, project.SyncOptions{}); err != nil {
			t.Fatal(err)
		}
		for path, n := range reads {
			if n > 1 && filepath.Base(path) != filepath.Base(first) {
				t.Errorf("the edit read %s %d times", filepath.Base(path), n)
			}
		}
		if catalogs[d], err = os.ReadFile(filepath.Join(d, catalog)); err != nil {
			t.Fatal(err)
		}
	}
	if translated(catalogs[intact]) <= translated(before) {
		t.Fatalf("memory filled nothing of the repeated paragraph: the test needs it to\n%s", catalogs[intact])
	}
	if !bytes.Equal(catalogs[dir], catalogs[intact]) {
		t.Errorf("with the index deleted, the edit wrote\n%s\nwith it intact\n%s", catalogs[dir], catalogs[intact])
	}
}
