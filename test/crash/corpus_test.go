//go:build crash

package crash

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
)

// corpus is the generated set of articles; edit changes every one of them.
type corpus struct {
	arts  []*art
	bytes int
}

type art struct {
	slug   string
	blocks []string // Markdown blocks after the front matter
	rev    int
}

var words = strings.Fields(`the brain neuron synapse receptor dose patient study trial
effect therapy clinic result signal pathway network memory learning sleep mood
stress cortex plasticity treatment response week month level measure change
risk benefit group control sample data model rate early late rapid lasting`)

func sentence(rng *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[rng.IntN(len(words))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	if n > 6 {
		w[n/2] = fmt.Sprintf("%d%%", rng.IntN(90)+5)
		w[n/3] = "*" + w[n/3] + "*"
	}
	return strings.Join(w, " ") + "."
}

func paragraph(rng *rand.Rand) string {
	var s []string
	for range 3 + rng.IntN(3) {
		s = append(s, sentence(rng, 8+rng.IntN(10)))
	}
	return strings.Join(s, " ")
}

func newCorpus(n int, rng *rand.Rand) *corpus {
	c := &corpus{}
	for i := range n {
		a := &art{slug: fmt.Sprintf("a%03d", i)}
		if i%10 == 0 {
			a.slug = fmt.Sprintf("guides/a%03d", i) // a subfolder too
		}
		for b := 0; b < 30; b++ {
			switch {
			case b%10 == 0:
				a.blocks = append(a.blocks, "## "+sentence(rng, 4))
			case b%10 == 3:
				var items []string
				for range 4 {
					items = append(items, "- "+sentence(rng, 6))
				}
				a.blocks = append(a.blocks, strings.Join(items, "\n"))
			case b%10 == 6:
				a.blocks = append(a.blocks, fmt.Sprintf("| Measure | Before | After |\n|---|---|---|\n| %s | %d | %d |\n| %s | %d | %d |",
					sentence(rng, 3), rng.IntN(100), rng.IntN(100), sentence(rng, 3), rng.IntN(100), rng.IntN(100)))
			case b%10 == 8:
				a.blocks = append(a.blocks, "> "+sentence(rng, 12))
			default:
				a.blocks = append(a.blocks, paragraph(rng))
			}
		}
		c.arts = append(c.arts, a)
	}
	return c
}

func (a *art) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Article %s, revision %d\"\ndescription: \"What %s says about the brain.\"\ntags: [brain, study]\n---\n\n# Article %s\n\n",
		a.slug, a.rev, a.slug, a.slug)
	for i, blk := range a.blocks {
		if a.rev > 0 && i == a.rev%len(a.blocks) && !strings.HasPrefix(blk, "|") {
			blk += fmt.Sprintf(" Revised %d times.", a.rev)
		}
		b.WriteString(blk)
		b.WriteString("\n\n")
	}
	if a.rev%3 == 1 {
		fmt.Fprintf(&b, "An extra paragraph, present in revision %d only.\n", a.rev)
	}
	return b.String()
}

func (a *art) path(proj string) string {
	return filepath.Join(proj, "content", filepath.FromSlash(a.slug)+".md")
}

func (c *corpus) write(t *testing.T, proj string) {
	t.Helper()
	c.bytes = 0
	for _, a := range c.arts {
		p := a.path(proj)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		txt := a.text()
		c.bytes += len(txt)
		must(t, os.WriteFile(p, []byte(txt), 0o644))
	}
}

// edit is the authors' work before iteration i: every article changes, and
// every seventh iteration one article is renamed (its translations move to
// the archive or, through translation memory, to the new catalog).
func (c *corpus) edit(t *testing.T, proj string, i int) {
	t.Helper()
	if i%7 == 6 {
		a := c.arts[(i/7)%len(c.arts)]
		must(t, os.Remove(a.path(proj)))
		a.slug = fmt.Sprintf("%s-r%d", strings.SplitN(a.slug, "-r", 2)[0], i)
	}
	for _, a := range c.arts {
		a.rev++
	}
	c.write(t, proj)
}

// translate fills each missing translation with probability p, as a
// translator would between runs.
func translate(t *testing.T, proj string, rng *rand.Rand, p float64) {
	t.Helper()
	src := map[string]catalog.Entry{}
	for _, lang := range append([]string{"en"}, langs...) {
		dir := filepath.Join(proj, "locales", lang)
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".lingo" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(d.Name(), "."+lang+".toml") {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			c, err := catalog.Parse(path, data)
			if err != nil {
				return err
			}
			if lang == "en" {
				for _, e := range c.Entries {
					src[e.ID] = e
				}
				return nil
			}
			n := 0
			for k, e := range c.Entries {
				s, ok := src[e.ID]
				if e.Other != "" || !ok || rng.Float64() >= p {
					continue
				}
				c.Entries[k].Other = "«" + lang + "» " + s.Other
				c.Entries[k].Hash = s.Hash
				n++
			}
			if n == 0 {
				return nil
			}
			out, err := catalog.Marshal(c, "toml")
			if err != nil {
				return err
			}
			return os.WriteFile(path, out, 0o644)
		})
		must(t, err)
	}
}

func archiveTexts(t *testing.T, data []byte) []string {
	t.Helper()
	var a []struct {
		Translation string `json:"translation"`
	}
	if err := json.Unmarshal(data, &a); err != nil {
		t.Errorf("archive.json does not parse: %v", err)
		return nil
	}
	var s []string
	for _, e := range a {
		s = append(s, e.Translation)
	}
	return s
}
