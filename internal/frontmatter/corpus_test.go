package frontmatter

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/testcorpus"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// TestCorpus runs Split and Fields over real Hugo and CNCF glossary
// articles: none may fail, and every wanted string field must come out with
// the text the YAML or TOML library decodes, and nothing else; and an
// escaped translation spliced in place of each must decode back intact.
func TestCorpus(t *testing.T) {
	corpusDir := testcorpus.Dir(t)
	var files []string
	err := filepath.WalkDir(filepath.Join(corpusDir, "hugo-docs", "en"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	glossary, err := filepath.Glob(filepath.Join(corpusDir, "cncf-glossary", "*", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, glossary...)
	if len(files) < 1900 {
		t.Fatalf("corpus too small to mean much: %d articles", len(files))
	}
	keys := []string{"title", "description", "summary", "linkTitle"}
	var fields int
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Split(src)
		if err != nil {
			t.Errorf("%s: Split: %v", path, err)
			continue
		}
		segs, err := Fields(src, b, keys)
		if err != nil {
			t.Errorf("%s: Fields: %v", path, err)
			continue
		}
		want := decodeStrings(t, path, src[b.Start:b.End], b.Format, keys)
		got := map[string]string{}
		for _, s := range segs {
			got[s.Field] = s.Text
			p := s.Pieces[0]
			if p.Start < b.Start || p.End > b.End {
				t.Errorf("%s: %s piece %v outside front matter [%d, %d)", path, s.Field, p, b.Start, b.End)
			}
		}
		for i := range segs {
			if err := checkSplice(src, segs, i, "Traducción: «"+segs[i].Text+"»"); err != nil {
				t.Errorf("%s: %s: %v", path, segs[i].Field, err)
			}
		}
		for _, k := range keys {
			if got[k] != want[k] {
				t.Errorf("%s: %s = %q, library decodes %q", path, k, got[k], want[k])
			}
		}
		fields += len(segs)
	}
	t.Logf("%d files, %d fields", len(files), fields)
}

// decodeStrings returns the non-empty top-level string values of keys in
// front matter content, as the format's library decodes them.
func decodeStrings(t *testing.T, path string, content []byte, format string, keys []string) map[string]string {
	t.Helper()
	m := map[string]any{}
	var err error
	switch format {
	case YAML:
		err = yaml.Unmarshal(content, &m)
	case TOML:
		err = toml.Unmarshal(content, &m)
	}
	if err != nil {
		t.Fatalf("%s: library: %v", path, err)
	}
	out := map[string]string{}
	for k, v := range m {
		if s, ok := v.(string); ok && s != "" && slices.Contains(keys, k) {
			out[k] = s
		}
	}
	return out
}
