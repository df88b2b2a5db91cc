package pagebook

import (
	"path/filepath"
	"strings"
	"testing"
)

// FuzzManifest: whatever a manifest holds, what lingo keeps of it names
// only files of lingo's own pages, inside the output folder: the only
// files publishing ever removes.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(`{"version": "x", "pages": {"fr dose": {"outputs": ["fr/dose.md", "../README.md", "fr/../../x"]}}}`))
	f.Add([]byte(`{"pages": {"../../x dose": {"outputs": ["../../x/dose.md"]}, "fr ../a": {"outputs": ["fr/../a.md"]}}}`))
	f.Add([]byte(`{"pages": {"fr /etc/passwd": {"outputs": ["fr//etc/passwd.md"]}, "fr C:\\x": {"outputs": ["fr/C:\\x.md"]}}}`))
	f.Add([]byte(`{"pages": {"en guides/a": {"outputs": ["en/guides/a.md", "en/guides/a.html", "guides/a.en.md"]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := parseManifest("out/.lingo-build.json", data)
		for key, rec := range m.Pages {
			lang, slug := splitKey(key)
			for _, out := range rec.Outputs {
				local := filepath.FromSlash(out)
				if !filepath.IsLocal(local) || strings.Contains(out, "\\") || strings.HasPrefix(out, "..") {
					t.Fatalf("kept %q of page %q: not a path inside the output folder", out, key)
				}
				if !strings.Contains(out, slug) || !strings.Contains(out, lang) {
					t.Fatalf("kept %q of page %q: not one of its files", out, key)
				}
			}
		}
	})
}

func TestManifestKeepsOwnFiles(t *testing.T) {
	m, warnings := parseManifest("out/.lingo-build.json", []byte(`{
  "pages": {
    "fr dose": {"outputs": ["../README.md", "fr/dose.html", "fr/dose.md", "es/dose.md", "fr/dose.pdf", "es/dose.pdf"]},
    "../../x dose": {"outputs": ["../../x/dose.md"]}
  }
}`))
	if got := m.Pages["fr dose"].Outputs; len(got) != 3 || got[0] != "fr/dose.html" || got[1] != "fr/dose.md" || got[2] != "fr/dose.pdf" {
		t.Errorf("fr dose keeps %q, want its own three files (page, Markdown, handout)", got)
	}
	if _, ok := m.Pages["../../x dose"]; ok {
		t.Error("a page with a language key that is no tag was kept")
	}
	want := []string{
		`out/.lingo-build.json:3: ../README.md: ignored (not a file of the page fr dose)`,
		`out/.lingo-build.json:3: es/dose.md: ignored (not a file of the page fr dose)`,
		`out/.lingo-build.json:3: es/dose.pdf: ignored (not a file of the page fr dose)`,
		`out/.lingo-build.json:4: ../../x dose: ignored (not a language tag as lingo writes it)`,
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q", warnings)
	}
	for i := range want {
		if !strings.HasPrefix(warnings[i], want[i]) {
			t.Errorf("warning %d: %q, want %q…", i, warnings[i], want[i])
		}
	}
}
