// Package gen writes deterministic lingo projects for benchmarks: a
// lingo.toml, realistic Markdown articles in nested folders (front matter,
// headings, paragraphs with numbers, percentages and ranges, emphasis,
// links, inline code, lists, a table and a fenced code block), their source
// catalogs, and target catalogs that are complete in some languages,
// partial in others and hold stale entries in the rest. The same Options
// give the same bytes.
package gen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/pseudo"
)

// Languages are the target languages, in the order Options.Languages takes
// them.
var Languages = []string{"es", "fr", "de", "ar", "ja", "pt-BR", "it", "nl", "pl", "tr",
	"ko", "zh-Hans", "ru", "sv", "da", "fi", "cs", "hu", "el", "he"}

// Options say what to generate.
type Options struct {
	Articles             int   // number of articles
	Languages            int   // number of target languages, at most len(Languages)
	Seed                 int64 // the same seed gives the same bytes
	ParagraphsPerArticle int   // body sections per article; each holds a heading, paragraphs and a list, and every fourth a table and code
}

// Version changes whenever the same Options write other bytes: a project
// generated and kept by an older version is generated again.
const Version = 4

// Kind is how complete a target language's catalogs are.
type Kind int

// The kinds of target languages, assigned in turn.
const (
	Complete Kind = iota // every message translated and current
	Partial              // about 60% translated; min_complete = 50
	Stale                // every message translated, about 10% from an older source text; min_complete = 80
)

// KindOf is the kind of the i-th target language.
func KindOf(i int) Kind { return Kind(i % 3) }

// Write writes the project into dir (created if need be).
func Write(dir string, opts Options) error {
	if opts.Articles < 1 || opts.Languages < 0 || opts.Languages > len(Languages) {
		return errors.New("gen: bad options")
	}
	if opts.ParagraphsPerArticle < 1 {
		opts.ParagraphsPerArticle = 1
	}
	langs := Languages[:opts.Languages]
	cfg := config.Default("en", langs)
	toml := cfg.Marshal()
	for i, l := range langs {
		switch KindOf(i) {
		case Partial:
			toml = append(toml, fmt.Sprintf("\n[lang.%s]\nmin_complete = 50\n", l)...)
		case Stale:
			toml = append(toml, fmt.Sprintf("\n[lang.%s]\nmin_complete = 80\n", l)...)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, config.FileName), toml, 0o644); err != nil {
		return err
	}
	err := run(opts.Articles, func(i int) error {
		r := rand.New(rand.NewPCG(uint64(opts.Seed), uint64(i)))
		slug := slugOf(r, i)
		path := filepath.Join(dir, "content", filepath.FromSlash(slug)+".md")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, articleText(r, opts.ParagraphsPerArticle), 0o644)
	})
	if err != nil {
		return err
	}
	p, err := project.Open(filepath.Join(dir, config.FileName))
	if err != nil {
		return err
	}
	if _, err := p.Extract(); err != nil {
		return err
	}
	arts, err := p.LoadAll()
	if err != nil {
		return err
	}
	return run(len(arts)*len(langs), func(k int) error {
		a, li := arts[k/len(langs)], k%len(langs)
		r := rand.New(rand.NewPCG(uint64(opts.Seed)^0x5eed, uint64(k)))
		c := &catalog.Catalog{Lang: langs[li], Slug: a.Slug}
		for i := range a.Segs {
			src := a.Segs[i].Text
			e := catalog.Entry{ID: a.IDs[i], Description: a.Segs[i].Describe(a.Slug), Hash: article.Hash(src), Comment: "en: " + src}
			switch KindOf(li) {
			case Complete:
				e.Other = translate(langs[li], &a.Segs[i])
			case Partial:
				if r.IntN(10) < 6 {
					e.Other = translate(langs[li], &a.Segs[i])
				}
			case Stale:
				e.Other = translate(langs[li], &a.Segs[i])
				if r.IntN(10) == 0 {
					// Translated from an older text: the source has been
					// edited since.
					e.Hash = article.Hash(src + " (draft)")
				}
			}
			c.Entries = append(c.Entries, e)
		}
		data, err := catalog.Marshal(c, cfg.Format)
		if err != nil {
			return err
		}
		path := p.CatalogPath(c.Lang, c.Slug)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		return os.WriteFile(path, data, 0o644)
	})
}

// translate stands in for a translator: the pseudo-locale's accented,
// lengthened text, which keeps numbers, links, code and emphasis as the
// checks want them. Japanese gets a shorter text, as its scripts are
// denser than Latin.
func translate(lang string, seg *article.Segment) string {
	if lang == "ja" {
		return seg.Text + "。"
	}
	// A translator keeps the unit of a dose, which the pseudo text accents
	// (the units check would refuse "ɱĝ").
	return strings.ReplaceAll(pseudo.Translate(seg), "ɱĝ", "mg")
}

// run runs fn(0) … fn(n-1) on every core and returns the first error.
func run(n int, fn func(int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

var sections = []string{"guides", "reference", "clinical", "research", "news", "howto", "faq", "policy"}

// words are the articles' vocabulary. It holds no word whose meaning the
// checks compare (a negation, a direction, a bound, a time unit): the
// generated translations are pseudo-locale text, which says none of them
// in the target language, and a real translator's would.
var words = strings.Fields(`the a of and to in is that for on with as our this are be from at or
an it all which have has can will many their been also other these both its into when may were
only each some such here about would there time dose patients study trial brain sleep effect
treatment results risk clinical data analysis response group health review evidence model
therapy symptoms outcome sites regions participants baseline control measure report level
variant context change significant factor rate function system memory cell receptor network
signal pathway protein gene sample method design primary secondary follow-up safety adverse
event quality care support practice guideline approach population age women men children adults`)

// vocabulary is what the articles' prose draws its words from, by Zipf's
// law as prose does (the most frequent first): words, then words made
// from its content words with prefixes and suffixes, about 2,700 in all.
// With words alone, every text shares most of its words with every other,
// which makes translation memory's search for similar texts compare each
// with most of the memory, as no prose does.
var vocabulary = func() []string {
	out := slices.Clone(words)
	for _, pre := range []string{"", "re", "pre", "co", "sub", "inter"} {
		for _, suf := range []string{"", "al", "ic", "ness", "ment", "ive"} {
			if pre == "" && suf == "" {
				continue
			}
			for _, w := range words[40:] {
				out = append(out, pre+w+suf)
			}
		}
	}
	return out
}()

func slugOf(r *rand.Rand, i int) string {
	s := sections[r.IntN(len(sections))]
	if r.IntN(2) == 0 {
		s += "/" + words[40+r.IntN(len(words)-40)]
	}
	return fmt.Sprintf("%s/%s-%s-%d", s, words[40+r.IntN(len(words)-40)], words[40+r.IntN(len(words)-40)], i)
}

// sentence is a sentence of n words or so, with numbers, emphasis, links
// and code sprinkled in.
func sentence(r *rand.Rand, n int) string { return words1(r, n, 40) + "." }

// plainText is n words or so with numbers but no markup, for titles,
// headings and front matter.
func plainText(r *rand.Rand, n int) string { return words1(r, n, 3) }

// words1 writes n words; of every `mix` words one or so is markup or a
// number when mix is 40, a number when it is 3.
func words1(r *rand.Rand, n, mix int) string {
	var b strings.Builder
	z := rand.NewZipf(r, 1.1, 2, uint64(len(vocabulary)-1))
	for j := 0; j < n; j++ {
		if j > 0 {
			b.WriteByte(' ')
		}
		w := vocabulary[z.Uint64()]
		if j == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		k := r.IntN(40)
		if mix == 3 && k > 1 {
			k = 8
		}
		switch k {
		case 0:
			fmt.Fprintf(&b, "%d%%", r.IntN(100))
		case 1:
			fmt.Fprintf(&b, "%d–%d mg", 1+r.IntN(20), 21+r.IntN(80))
		case 2:
			fmt.Fprintf(&b, "%d", r.IntN(1000))
		case 3:
			fmt.Fprintf(&b, "*%s*", w)
		case 4:
			fmt.Fprintf(&b, "**%s %s**", w, words[r.IntN(len(words))])
		case 5:
			fmt.Fprintf(&b, "[%s](/en/%s/%s)", w, sections[r.IntN(len(sections))], words[r.IntN(len(words))])
		case 6:
			fmt.Fprintf(&b, "`%s_%d`", words[r.IntN(len(words))], r.IntN(10))
		case 7:
			fmt.Fprintf(&b, "[%s](https://example.org/%s)", w, words[r.IntN(len(words))])
		default:
			b.WriteString(w)
		}
	}
	return b.String()
}

func paragraph(r *rand.Rand) string {
	var s []string
	for k := 2 + r.IntN(4); k > 0; k-- {
		s = append(s, sentence(r, 8+r.IntN(14)))
	}
	// Wrapped at about 80 columns, as authors do.
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(strings.Join(s, " ")) {
		if col > 0 && col+len(w) > 80 {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}

func title(r *rand.Rand, n int) string { return plainText(r, n) }

func articleText(r *rand.Rand, sections int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\ndate: 2025-%02d-%02d\nweight: %d\ntags: [%s, %s]\n---\n\n",
		title(r, 4+r.IntN(5)), plainText(r, 12+r.IntN(10))+".", 1+r.IntN(12), 1+r.IntN(28), r.IntN(100),
		words[40+r.IntN(len(words)-40)], words[40+r.IntN(len(words)-40)])
	b.WriteString(paragraph(r) + "\n\n")
	for s := 0; s < sections; s++ {
		fmt.Fprintf(&b, "## %s\n\n", (title(r, 3+r.IntN(4))))
		for k := 1 + r.IntN(3); k > 0; k-- {
			b.WriteString(paragraph(r) + "\n\n")
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "### %s\n\n", (title(r, 2+r.IntN(4))))
		}
		for k, n := 1, 2+r.IntN(4); k <= n; k++ {
			if s%2 == 0 {
				fmt.Fprintf(&b, "- %s\n", sentence(r, 4+r.IntN(10)))
			} else {
				fmt.Fprintf(&b, "%d. %s\n", k, sentence(r, 4+r.IntN(10)))
			}
		}
		b.WriteString("\n")
		if s%4 == 1 {
			b.WriteString("| Measure | Dose | Change |\n|---|---:|---:|\n")
			for k := 2 + r.IntN(4); k > 0; k-- {
				fmt.Fprintf(&b, "| %s | %d mg | %d%% |\n", (title(r, 2)), 5*(1+r.IntN(40)), r.IntN(100))
			}
			b.WriteString("\n")
		}
		if s%4 == 2 {
			fmt.Fprintf(&b, "```go\nfunc dose(kg float64) float64 {\n\treturn kg * %d.%d // mg\n}\n```\n\n", r.IntN(3), r.IntN(10))
		}
	}
	return []byte(b.String())
}
