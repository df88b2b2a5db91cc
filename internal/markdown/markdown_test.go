package markdown_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newParser() *markdown.Parser {
	return markdown.New(markdown.Options{
		FrontMatter:    []string{"title", "description", "summary"},
		CodeShortcodes: []string{"code", "code-toggle", "highlight"},
		Shortcodes:     hugoShortcodes,
	})
}

// dump is a readable listing of segments for golden files.
func dump(segs []article.Segment, ids []string) string {
	var b strings.Builder
	for i, s := range segs {
		fmt.Fprintf(&b, "%d:%d %s multiline=%v\n  text:  %q\n", s.Line, s.Column, ids[i], s.Multiline, s.Text)
		var prose []string
		for _, sp := range s.Spans {
			prose = append(prose, s.Text[sp.Start:sp.End])
		}
		fmt.Fprintf(&b, "  prose: %q\n", prose)
		for _, r := range s.Refs {
			fmt.Fprintf(&b, "  ref:   %d %q\n", r.At, r.Insert)
		}
	}
	return b.String()
}

// TestSegmentsGolden lists the segments of each testdata article.
func TestSegmentsGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			segs, err := newParser().Segments(src)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(segs, article.IDs("doc", segs))
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("segments differ from %s (run with -update to accept):\n%s", golden, got)
			}
		})
	}
}

// TestSegmentsBadInput checks positions of bad input.
func TestSegmentsBadInput(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"invalid utf8", "# Title\n\nbad \xff byte\n", "3:5: invalid UTF-8 (articles must be UTF-8)"},
		{"nul", "ok\n\x00", "2:1: NUL byte in article"},
		{"unclosed front matter", "---\ntitle: x\n", "1:1:"},
		{"bad yaml", "---\ntitle: [x\n---\n", "3:1: "},
		{"bad json", "{\n  \"title\": \"x\",\n}\n", "3:1: JSON front matter: "},
		{"unclosed json", "{ \"title\": \"x\"\n# Body\n", "1:1: JSON front matter opened"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newParser().Segments([]byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

// TestRenderChangesOnlyText renders translations and extracts again: the
// new article's segments carry exactly the translations, in the same order.
func TestRenderChangesOnlyText(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		p := newParser()
		segs, err := p.Segments(src)
		if err != nil {
			t.Fatal(err)
		}
		ids := article.IDs("doc", segs)
		tr := map[string]string{}
		for i, s := range segs {
			tr[ids[i]] = "Tr " + s.Text
		}
		out := article.Render(src, segs, ids, func(id string) (string, bool) { v, ok := tr[id]; return v, ok })
		again, err := p.Segments(out)
		if err != nil {
			t.Fatalf("%s: re-extract: %v\n%s", f, err, out)
		}
		if len(again) != len(segs) {
			t.Fatalf("%s: %d segments after render, want %d\n%s", f, len(again), len(segs), out)
		}
		for i := range again {
			if again[i].Text != tr[ids[i]] {
				t.Errorf("%s: segment %d = %q, want %q", f, i, again[i].Text, tr[ids[i]])
			}
		}
	}
}
