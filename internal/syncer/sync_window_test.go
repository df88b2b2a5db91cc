package syncer_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	sync := func(window int) string {
		dir := t.TempDir()
		if err := gen.Write(dir, gen.Options{Articles: 12, Languages: 3, Seed: 3, ParagraphsPerArticle: 3}); err != nil {
			t.Fatal(err)
		}
		// A copy of an article, with one word changed, sorted first: its
		// messages have no translation, and memory has them all, the same
		// or similar, in articles of later windows.
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
		src = bytes.Replace(src, []byte(" the "), []byte(" a "), 1)
		if err := os.WriteFile(filepath.Join(content, "aaa-copy.md"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		defer syncer.SetRecallTexts(window)()
		p, err := project.Open(filepath.Join(dir, config.FileName))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, "locales")
	}
	all, few := testcorpus.Tree(t, sync(1<<30)), testcorpus.Tree(t, sync(5))
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
