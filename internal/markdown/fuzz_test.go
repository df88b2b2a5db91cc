package markdown_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// FuzzSegmentRender segments arbitrary input and renders it back from its
// own messages: never a panic, segments in order inside the source, and the
// source reproduced byte for byte. Seeds: testdata and a sample of the
// corpora.
func FuzzSegmentRender(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.md")
	for _, dir := range [][]string{{"hugo-docs", "en", "content-management"}, {"cncf-glossary", "fr"}} {
		more, err := filepath.Glob(filepath.Join(testcorpus.Dir(f, dir...), "*.md"))
		if err != nil || len(more) == 0 {
			f.Fatalf("no corpus seeds in %v (%v)", dir, err)
		}
		seeds = append(seeds, more...)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	p := newParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		segs, err := p.Segments(src)
		if err != nil {
			return
		}
		prev := 0
		for _, s := range segs {
			for _, pc := range s.Pieces {
				if pc.Start < prev || pc.End < pc.Start || pc.End > len(src) {
					t.Fatalf("piece %v out of order or bounds (prev %d, len %d)", pc, prev, len(src))
				}
				prev = pc.End
			}
			if s.Escape == nil && s.Text != article.JoinPieces(src, s.Pieces) {
				t.Fatalf("text %q is not its pieces", s.Text)
			}
			for _, sp := range s.Spans {
				if sp.Start < 0 || sp.End > len(s.Text) || sp.Start > sp.End {
					t.Fatalf("span %v outside text %q", sp, s.Text)
				}
			}
		}
		ids := article.IDs("fuzz", segs)
		texts := map[string]string{}
		for i, s := range segs {
			texts[ids[i]] = s.Text
		}
		out := article.Render(src, segs, ids, func(id string) (string, bool) { t, ok := texts[id]; return t, ok })
		if string(out) != string(src) {
			t.Fatalf("render differs:\n got %q\nwant %q", out, src)
		}
	})
}
