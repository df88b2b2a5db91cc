package project_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// corpus is a folder of real articles and the language they are written in.
type corpus struct {
	name, dir, lang string
}

// corpora lists hugo-docs/en and every language of cncf-glossary, each
// taken as a source language of its own.
func corpora(t *testing.T) []corpus {
	t.Helper()
	root := testcorpus.Dir(t)
	list := []corpus{hugoCorpus(t)}
	langs, err := os.ReadDir(filepath.Join(root, "cncf-glossary"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range langs {
		if !l.IsDir() {
			continue
		}
		tag, err := config.ParseTag(l.Name())
		if err != nil {
			t.Fatalf("corpus language %s: %v", l.Name(), err)
		}
		list = append(list, corpus{"cncf-glossary/" + l.Name(), filepath.Join(root, "cncf-glossary", l.Name()), tag})
	}
	return list
}

// hugoCorpus is hugo-docs/en.
func hugoCorpus(tb testing.TB) corpus {
	return corpus{"hugo-docs/en", testcorpus.Dir(tb, "hugo-docs", "en"), "en"}
}

// corpusProjectB is corpusProject for benchmarks.
func corpusProjectB(b *testing.B, c corpus) *project.Project {
	b.Helper()
	cfg := config.Default(c.lang, nil)
	cfg.Dir = b.TempDir()
	cfg.Content = c.dir
	return project.New(cfg)
}

// corpusProject is a project whose content is a corpus folder (read in
// place) and whose catalogs and output go to a temporary folder.
func corpusProject(t *testing.T, c corpus, format string) *project.Project {
	t.Helper()
	cfg := config.Default(c.lang, nil)
	cfg.Dir = t.TempDir()
	cfg.Content = c.dir
	cfg.Format = format
	return project.New(cfg)
}

// TestCorpusRoundTrip extracts every corpus into catalogs of each format,
// renders the source language from those files, and requires every article
// back byte for byte.
func TestCorpusRoundTrip(t *testing.T) {
	for _, c := range corpora(t) {
		for _, format := range []string{"toml", "json", "yaml"} {
			t.Run(c.name+"/"+format, func(t *testing.T) {
				p := corpusProject(t, c, format)
				if _, err := p.Extract(); err != nil {
					t.Fatal(err)
				}
				if _, err := p.Render([]string{c.lang}); err != nil {
					t.Fatal(err)
				}
				slugs, err := p.Slugs()
				if err != nil {
					t.Fatal(err)
				}
				if len(slugs) == 0 {
					t.Fatal("no articles")
				}
				for _, slug := range slugs {
					want, _ := os.ReadFile(filepath.Join(c.dir, slug+".md"))
					got, err := os.ReadFile(filepath.Join(p.Config.OutputDir(), c.lang, slug+".md"))
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("%s: rendered source differs from the article (%d vs %d bytes)", slug, len(got), len(want))
					}
				}
			})
		}
	}
}

// TestCorpusSegmentsAreText checks that no message of the corpora holds a
// fenced code block, a front matter delimiter or a list marker: block
// structure never enters a message.
func TestCorpusSegmentsAreText(t *testing.T) {
	for _, c := range corpora(t) {
		p := corpusProject(t, c, "toml")
		arts, err := p.LoadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			for i, s := range a.Segs {
				for _, line := range strings.Split(s.Text, "\n") {
					if strings.HasPrefix(line, "```") || line == "---" || strings.HasPrefix(line, "> ") {
						t.Errorf("%s %s: message holds block structure: %q", c.name, a.IDs[i], line)
					}
				}
			}
		}
	}
}

// TestCorpusPublishHTML publishes hugo-docs/en and its pseudo-locale as
// HTML: every page and the indexes render (titles repeat across articles,
// shortcodes and raw HTML abound).
func TestCorpusPublishHTML(t *testing.T) {
	c := corpora(t)[0]
	p := corpusProject(t, c, "toml")
	if _, err := p.Pseudo("en-XA"); err != nil {
		t.Fatal(err)
	}
	published, err := p.Publish(project.PublishOptions{Langs: []string{"en", "en-XA"}, Formats: project.Formats}, project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	res, written := published.Langs, published.Changes
	slugs, _ := p.Slugs()
	if want := 2*2*len(slugs) + 3; len(written) < want || res[1].Published+res[1].Partial != len(slugs) {
		t.Errorf("wrote %d files (want at least %d); en-XA pages published: %d of %d", len(written), want, res[1].Published+res[1].Partial, len(slugs))
	}
}
