package gen_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/gen"
	"github.com/lingo-l10n/lingo/internal/project"
)

// tree reads every file under dir, by path relative to it.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestDeterministic generates the same options twice and requires the same
// bytes, and a different seed to give different articles.
func TestDeterministic(t *testing.T) {
	opts := gen.Options{Articles: 30, Languages: 4, Seed: 7, ParagraphsPerArticle: 5}
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	if err := gen.Write(a, opts); err != nil {
		t.Fatal(err)
	}
	if err := gen.Write(b, opts); err != nil {
		t.Fatal(err)
	}
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) || len(ta) < 30+30+4*30 {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for path, data := range ta {
		if !bytes.Equal(data, tb[path]) {
			t.Errorf("%s differs between two runs with the same seed", path)
		}
	}
	opts.Seed = 8
	if err := gen.Write(c, opts); err != nil {
		t.Fatal(err)
	}
	same := 0
	for path, data := range tree(t, c) {
		if bytes.Equal(data, ta[path]) {
			same++
		}
	}
	if same > 1 { // lingo.toml
		t.Errorf("%d files identical across seeds", same)
	}
}

// TestProject builds a generated project: it loads, each kind of language
// stands as it should, and every language is published.
func TestProject(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Write(dir, gen.Options{Articles: 20, Languages: 6, Seed: 1, ParagraphsPerArticle: 6}); err != nil {
		t.Fatal(err)
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	stats, err := p.Status(nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range stats {
		switch gen.KindOf(i) {
		case gen.Complete:
			if s.Missing != 0 || s.Stale != 0 {
				t.Errorf("%s: complete language has %d missing, %d stale", s.Lang, s.Missing, s.Stale)
			}
		case gen.Partial:
			if s.Percent < 50 || s.Percent > 75 || s.Missing == 0 {
				t.Errorf("%s: partial language is %.1f%% translated", s.Lang, s.Percent)
			}
		case gen.Stale:
			if s.Stale == 0 || s.Missing != 0 {
				t.Errorf("%s: stale language has %d missing, %d stale", s.Lang, s.Missing, s.Stale)
			}
		}
	}
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range res.Report.Findings {
		if f.Severity == check.Error {
			kinds[f.Check]++
		}
	}
	t.Logf("errors by check: %v", kinds)
	for _, l := range res.Langs {
		if l.Published+l.Partial == 0 && l.Lang != "en" {
			t.Errorf("%s: no page published", l.Lang)
		}
	}
}
