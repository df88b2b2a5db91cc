package markdown_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

// specExample is one example of the CommonMark spec, as goldmark ships it.
type specExample struct {
	Markdown string `json:"markdown"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

// specExamples reads _test/spec.json from goldmark's module folder.
func specExamples(t *testing.T) []specExample {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("locate goldmark: %v", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "_test", "spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ex []specExample
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestSpecRoundTrip puts every CommonMark spec example through a catalog
// file of each format and back: the source renders byte for byte.
func TestSpecRoundTrip(t *testing.T) {
	examples := specExamples(t)
	if len(examples) < 600 {
		t.Fatalf("only %d spec examples", len(examples))
	}
	p := newParser()
	for _, ex := range examples {
		src := []byte(ex.Markdown)
		segs, err := p.Segments(src)
		if err != nil {
			t.Errorf("example %d: %v", ex.Example, err)
			continue
		}
		ids := article.IDs("spec", segs)
		c := &catalog.Catalog{Lang: "en", Slug: "spec"}
		for i, s := range segs {
			c.Entries = append(c.Entries, catalog.Entry{ID: ids[i], Hash: article.Hash(s.Text), Other: s.Text})
		}
		for _, format := range []string{"toml", "json", "yaml"} {
			data, err := catalog.Marshal(c, format)
			if err != nil {
				t.Fatalf("example %d: %v", ex.Example, err)
			}
			back, err := catalog.Parse("spec.en."+format, data)
			if err != nil {
				t.Fatalf("example %d: %v", ex.Example, err)
			}
			if got := article.Render(src, segs, ids, back.Lookup); string(got) != ex.Markdown {
				t.Errorf("example %d (%s, %s): round trip differs:\n got %q\nwant %q", ex.Example, ex.Section, format, got, ex.Markdown)
			}
		}
	}
}

// TestSpecTranslate renders a changed text for every message of every spec
// example and extracts again: each message comes back as translated, so a
// translation never leaks into structure nor structure into a message.
func TestSpecTranslate(t *testing.T) {
	p := newParser()
	for _, ex := range specExamples(t) {
		src := []byte(ex.Markdown)
		segs, err := p.Segments(src)
		if err != nil {
			continue
		}
		ids := article.IDs("spec", segs)
		tr := map[string]string{}
		for i, s := range segs {
			tr[ids[i]] = "Tr " + s.Text
		}
		out := article.Render(src, segs, ids, func(id string) (string, bool) { v, ok := tr[id]; return v, ok })
		again, err := p.Segments(out)
		if err != nil || len(again) != len(segs) {
			t.Errorf("example %d (%s): %d segments after render, want %d (err %v)\n%q\n%q", ex.Example, ex.Section, len(again), len(segs), err, src, out)
			continue
		}
		for i := range again {
			if again[i].Text != tr[ids[i]] {
				t.Errorf("example %d (%s): segment %d = %q, want %q", ex.Example, ex.Section, i, again[i].Text, tr[ids[i]])
			}
		}
	}
}
