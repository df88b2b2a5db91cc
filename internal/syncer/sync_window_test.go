package syncer_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// TestSyncWindows checks that sync writes the same files whether
// translation memory looks for every message at once or a few at a time:
// each window of articles must still be offered every translation of the
// language, and keep the earliest of equally good ones.
func TestSyncWindows(t *testing.T) {
	sync := func(window, texts, units int) string {
		dir := t.TempDir()
		genWithCopy(t, dir, gen.Options{Articles: 12, Languages: 3, Seed: 3, ParagraphsPerArticle: 3})
		defer syncer.SetRecallTexts(window)()
		defer syncer.SetIndexLimits(texts, units)()
		p, err := project.Open(filepath.Join(dir, config.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, "locales")
	}
	all, few := testcorpus.Tree(t, sync(1<<30, 2000, 64)), testcorpus.Tree(t, sync(5, 2000, 64))
	// The index asked for large lookups, while the memory is read whole
	// only after most units changed: the same offers.
	indexed := testcorpus.Tree(t, sync(5, 2, 1))
	for rel, want := range all {
		if got := indexed[rel]; !bytes.Equal(got, want) {
			t.Errorf("%s differs when the index answers every window", rel)
		}
	}
	filled := 0
	for rel, want := range all {
		if got, ok := few[rel]; !ok || !bytes.Equal(got, want) {
			t.Errorf("%s differs with windows of 5 messages (on disk: %v)", rel, ok)
		}
		if strings.Contains(rel, "aaa-copy") && !strings.HasPrefix(rel, "en") {
			filled += bytes.Count(want, []byte("\nother = ")) - bytes.Count(want, []byte("\nother = \"\"\n"))
		}
	}
	if len(few) != len(all) {
		t.Errorf("%d files with windows of 5 messages, %d with one window", len(few), len(all))
	}
	if filled < 5 {
		t.Errorf("memory filled %d messages of the copy: the test needs more", filled)
	}
	t.Logf("%d files compared, %d messages of the copy filled from memory", len(all), filled)
}

// genWithCopy generates a project in dir and adds aaa-copy.md, sorted
// first: a copy of its first article with one word changed, whose messages
// have no translation, and which memory has all, the same or similar, in
// articles of later windows. It returns the first article's path and
// text.
func genWithCopy(t *testing.T, dir string, opts gen.Options) (string, []byte) {
	t.Helper()
	if err := gen.Write(dir, opts); err != nil {
		t.Fatal(err)
	}
	var first string
	content := filepath.Join(dir, "content")
	filepath.WalkDir(content, func(path string, d fs.DirEntry, err error) error {
		if first == "" && err == nil && strings.HasSuffix(path, ".md") {
			first = path
		}
		return err
	})
	src, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	copied := bytes.Replace(src, []byte(" the "), []byte(" a "), 1)
	if err := os.WriteFile(filepath.Join(content, "aaa-copy.md"), copied, 0o644); err != nil {
		t.Fatal(err)
	}
	return first, src
}

// TestSyncWindowsReadEachArticleFewTimes: a first sync whose messages
// without translation take many windows reads each article a few times
// per language, not once per window. At 10,000 articles in 10 languages a
// first sync has about 15 windows a language: reading the whole memory
// for each took 17 of a first build's 32 minutes.
func TestSyncWindowsReadEachArticleFewTimes(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, gen.Options{Articles: 40, Languages: 2, Seed: 5, ParagraphsPerArticle: 2}); err != nil {
		t.Fatal(err)
	}
	// Windows of 8 texts, the index asked for at most 4 texts, re-indexing
	// at most 2 units: 40 articles behave as 10,000 (windows of 20,000
	// texts, the index asked for 2,000, re-indexing 64 units).
	defer syncer.SetRecallTexts(8)()
	defer syncer.SetIndexLimits(4, 2)()
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		t.Fatal(err)
	}
	reads := mdReads(p)
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	most, path := 0, ""
	for p, n := range reads {
		if n > most {
			most, path = n, p
		}
	}
	// Per language: planned, its texts looked up, written, and the
	// memory read whole while many units changed since it was indexed;
	// then once more to be indexed again.
	if limit := 8 * len(p.Config.Languages); most > limit {
		t.Errorf("a first sync read %s %d times, more than %d: the whole memory is read for each window", path, most, limit)
	}
	t.Logf("%d articles read, at most %d times each", len(reads), most)
}

// mdReads counts, by path, the articles p reads from now on.
func mdReads(p *project.Project) map[string]int {
	var mu sync.Mutex
	reads := map[string]int{}
	p.Reads = func(path string) {
		if strings.HasSuffix(path, ".md") {
			mu.Lock()
			reads[path]++
			mu.Unlock()
		}
	}
	return reads
}
