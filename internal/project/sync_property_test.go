package project_test

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
)

// world is a project under random edits, with the translations a
// translator has written so far.
type world struct {
	t        *testing.T
	rnd      *rand.Rand
	p        *project.Project
	articles map[string][]string // slug → paragraphs
	removed  []string            // paragraphs deleted or edited away, to revert to
	next     int                 // for unique paragraph text
	written  map[string]bool     // every translation the translator wrote and did not replace
}

var vocabulary = strings.Fields("ketamine brain network neurons therapy dose relief mood sleep session patient clinic evidence effect week days response rate anxiety")

func (w *world) paragraph() string {
	w.next++
	words := []string{fmt.Sprintf("Paragraph %d:", w.next)}
	for i := 0; i < 6+w.rnd.Intn(6); i++ {
		words = append(words, vocabulary[w.rnd.Intn(len(vocabulary))])
	}
	return strings.Join(words, " ") + "."
}

func (w *world) writeArticles() {
	dir := w.p.Config.ContentDir()
	if err := os.RemoveAll(dir); err != nil {
		w.t.Fatal(err)
	}
	for slug, paras := range w.articles {
		path := filepath.Join(dir, slug+".md")
		os.MkdirAll(filepath.Dir(path), 0o755)
		body := "---\ntitle: Article " + slug + "\n---\n\n" + strings.Join(paras, "\n\n") + "\n"
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			w.t.Fatal(err)
		}
	}
}

func (w *world) sync() {
	w.t.Helper()
	if _, err := w.p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		w.t.Fatal(err)
	}
	if again, err := w.p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil || len(again) > 0 {
		w.t.Fatalf("a second sync wrote %v (%v)", again, err)
	}
}

// translate plays the translator: fills some missing entries and rewrites
// some stale ones, as a person editing the files would.
func (w *world) translate() {
	for slug := range w.articles {
		path := w.p.CatalogPath("fr", slug)
		data, err := os.ReadFile(path)
		if err != nil {
			w.t.Fatal(err)
		}
		c, err := catalog.Parse(path, data)
		if err != nil {
			w.t.Fatal(err)
		}
		changed := false
		for i, e := range c.Entries {
			stale := strings.HasPrefix(e.Comment, "STALE") || e.Other != "" && w.rnd.Intn(4) == 0
			if (e.Other == "" || stale) && w.rnd.Intn(3) > 0 {
				delete(w.written, e.Other) // the translator replaces their own text
				w.next++
				c.Entries[i].Other = fmt.Sprintf("fr %d: %s", w.next, e.ID)
				w.written[c.Entries[i].Other] = true
				changed = true
			}
		}
		if changed {
			out, err := catalog.Marshal(c, "toml")
			if err != nil {
				w.t.Fatal(err)
			}
			os.WriteFile(path, out, 0o644)
		}
	}
}

// edit applies one random change to the sources.
func (w *world) edit() string {
	slugs := make([]string, 0, len(w.articles))
	for s := range w.articles {
		slugs = append(slugs, s)
	}
	slug := slugs[w.rnd.Intn(len(slugs))]
	paras := w.articles[slug]
	n := len(paras)
	switch op := w.rnd.Intn(7); {
	case op == 0 || n == 0:
		i := w.rnd.Intn(n + 1)
		w.articles[slug] = append(paras[:i], append([]string{w.paragraph()}, paras[i:]...)...)
		return "insert"
	case op == 1:
		i := w.rnd.Intn(n)
		w.removed = append(w.removed, paras[i])
		w.articles[slug] = append(paras[:i], paras[i+1:]...)
		return "delete"
	case op == 2:
		i, j := w.rnd.Intn(n), w.rnd.Intn(n)
		paras[i], paras[j] = paras[j], paras[i]
		return "move"
	case op == 3:
		i := w.rnd.Intn(n)
		w.removed = append(w.removed, paras[i])
		words := strings.Fields(paras[i])
		words[len(words)-1] = vocabulary[w.rnd.Intn(len(vocabulary))] + "."
		paras[i] = strings.Join(words, " ")
		return "edit"
	case op == 4:
		i := w.rnd.Intn(n)
		paras[i] = strings.ReplaceAll(paras[i], " ", "\n") // rewrap: nothing stale
		return "rewrap"
	case op == 5 && len(w.removed) > 0:
		back := w.removed[w.rnd.Intn(len(w.removed))]
		w.articles[slug] = append(paras, back)
		return "revert"
	default:
		w.next++
		renamed := fmt.Sprintf("renamed-%d", w.next)
		w.articles[renamed] = paras
		delete(w.articles, slug)
		return "rename"
	}
}

// kept lists every translation present in a catalog or the archive.
func (w *world) kept() map[string]bool {
	have := map[string]bool{}
	dir := filepath.Join(w.p.Config.LocalesDir(), "fr")
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".fr.toml") {
			return err
		}
		data, _ := os.ReadFile(path)
		c, err := catalog.Parse(path, data)
		if err != nil {
			w.t.Fatal(err)
		}
		for _, e := range c.Entries {
			have[e.Other] = true
		}
		return nil
	})
	var arch []struct{ Translation string }
	if data, err := os.ReadFile(filepath.Join(dir, ".lingo", "archive.json")); err == nil {
		if err := json.Unmarshal(data, &arch); err != nil {
			w.t.Fatal(err)
		}
	}
	for _, a := range arch {
		have[a.Translation] = true
	}
	return have
}

// TestSyncNeverLosesATranslation edits sources at random (insert, delete,
// move, edit, rewrap, revert, rename an article) with a sync after each:
// every translation ever written stays current, stale, or archived, and a
// second sync never changes a byte.
func TestSyncNeverLosesATranslation(t *testing.T) {
	for seed := int64(1); seed <= 6; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			cfg := config.Default("en", []string{"fr"})
			cfg.Dir = t.TempDir()
			w := &world{t: t, rnd: rand.New(rand.NewSource(seed)), p: project.New(cfg),
				articles: map[string][]string{}, written: map[string]bool{}}
			for _, slug := range []string{"a", "guides/b"} {
				for i := 0; i < 5; i++ {
					w.articles[slug] = append(w.articles[slug], w.paragraph())
				}
			}
			w.writeArticles()
			w.sync()
			var ops []string
			for step := 0; step < 40; step++ {
				w.translate()
				w.sync()
				ops = append(ops, w.edit())
				w.writeArticles()
				w.sync()
				have := w.kept()
				for tr := range w.written {
					if !have[tr] {
						t.Fatalf("after %v: translation %q was lost", ops, tr)
					}
				}
			}
		})
	}
}
