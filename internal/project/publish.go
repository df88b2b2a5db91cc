package project

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"golang.org/x/text/language"
)

// Version is lingo's version; it is part of every output's inputs, so a new
// lingo renders everything again.
const Version = "0.4.0"

// Formats are the output formats of render and build.
var Formats = []string{"md", "html"}

// PublishOptions say what to publish.
type PublishOptions struct {
	Langs   []string // languages to render; the source counts as one
	Formats []string // md and/or html
	// Incremental skips an article whose inputs (its source, the catalogs
	// of its language chain, the config, lingo's version) are those of the
	// last build, as recorded in <output>/.lingo-build.json.
	Incremental bool
}

// LangResult is what publishing did for one language.
type LangResult struct {
	Lang      string  `json:"lang"`
	Percent   float64 `json:"percent"`   // messages translated and current
	Published bool    `json:"published"` // at least min_complete (the source always is)
	Fallbacks int     `json:"fallbacks"` // messages shown in another language
	Stale     int     `json:"stale"`     // stale messages (published per the stale policy)
	Written   int     `json:"written"`   // files written or removed
	Skipped   int     `json:"skipped"`   // articles whose outputs were up to date
}

// Progress hears about long work; the CLI draws it, tests ignore it.
type Progress interface {
	Start(total int)
	Step()
	Done()
}

// NoProgress reports nothing.
type NoProgress struct{}

func (NoProgress) Start(int) {}
func (NoProgress) Step()     {}
func (NoProgress) Done()     {}

// manifest records the inputs of every output of the last build.
type manifest struct {
	Version string            `json:"version"`
	Inputs  map[string]string `json:"inputs"` // "<lang> <slug>" → hash of its inputs
}

const manifestFile = ".lingo-build.json"

// Publish renders every article in each language of opts, applying the
// publishing policy: a language below its min_complete is not published
// (its earlier outputs are removed); a message missing in a language falls
// back along its chain (pt-BR → pt → the source); a stale one publishes as
// the source text, or as the stale translation where the policy says so.
// It returns one result per language and the paths written or removed.
func (p *Project) Publish(opts PublishOptions, prog Progress) ([]LangResult, []string, error) {
	arts, err := p.LoadAll()
	if err != nil {
		return nil, nil, err
	}
	all := p.projectLangs()
	cats, err := p.readCatalogs(append(slices.Clone(opts.Langs), all...), arts)
	if err != nil {
		return nil, nil, err
	}
	config, err := p.readFile(p.Config.Path)
	if err != nil && p.Config.Path != "" {
		return nil, nil, err
	}
	old := p.readManifest()
	next := manifest{Version: Version, Inputs: map[string]string{}}
	byLang := map[string]LangResult{}
	for _, lang := range append(slices.Clone(all), opts.Langs...) {
		if _, done := byLang[lang]; !done {
			byLang[lang] = p.publishable(lang, arts, cats)
		}
	}
	results := make([]LangResult, len(opts.Langs))
	published := map[string]bool{}
	for lang, r := range byLang {
		published[lang] = r.Published
	}
	for i, lang := range opts.Langs {
		results[i] = byLang[lang]
	}
	var files []pending
	var remove []string
	prog.Start(len(opts.Langs) * len(arts))
	for i, lang := range opts.Langs {
		res := &results[i]
		for ai, a := range arts {
			prog.Step()
			outs := p.outputs(lang, a.Slug, opts.Formats)
			if !res.Published {
				remove = append(remove, outs...)
				continue
			}
			key := lang + " " + a.Slug
			next.Inputs[key] = p.inputHash(config, a, lang, published)
			chain := p.chain(lang)
			lookup, fb, stale := p.policyLookup(a, ai, chain, cats)
			res.Fallbacks += fb
			res.Stale += stale
			if opts.Incremental && old.Version == Version && old.Inputs[key] == next.Inputs[key] && allExist(outs) {
				res.Skipped++
				continue
			}
			out, err := p.articleFiles(lang, a, lookup, opts.Formats, published)
			if err != nil {
				return nil, nil, err
			}
			files = append(files, out...)
		}
		if slices.Contains(opts.Formats, "html") {
			ix, err := p.langIndex(lang, arts, cats, published)
			if err != nil {
				return nil, nil, err
			}
			if res.Published {
				files = append(files, pending{path: filepath.Join(p.Config.OutputDir(), lang, "index.html"), data: ix})
			} else {
				remove = append(remove, filepath.Join(p.Config.OutputDir(), lang, "index.html"))
			}
		}
	}
	prog.Done()
	if slices.Contains(opts.Formats, "html") {
		ix, err := p.mainIndex(all, arts, cats, published)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, pending{path: filepath.Join(p.Config.OutputDir(), "index.html"), data: ix})
	}
	written, err := p.writeAll(files)
	if err != nil {
		return nil, written, err
	}
	for _, path := range remove {
		if err := os.Remove(path); err == nil {
			written = append(written, p.rel(path)+" (removed: below min_complete)")
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, written, err
		}
	}
	count(results, opts.Langs, written)
	if opts.Incremental {
		f, err := jsonFile(filepath.Join(p.Config.OutputDir(), manifestFile), next)
		if err != nil {
			return nil, written, err
		}
		if _, err := p.writeAll([]pending{f}); err != nil {
			return nil, written, err
		}
	}
	return results, written, nil
}

// articleFiles renders article a in lang, its messages found by lookup, in
// each of formats.
func (p *Project) articleFiles(lang string, a *Article, lookup func(string) (string, bool), formats []string, published map[string]bool) ([]pending, error) {
	var files []pending
	for _, f := range formats {
		switch f {
		case "md":
			md := article.Render(a.Src, a.Segs, a.IDs, lookup)
			if lang != p.Config.Source {
				md = withLangKey(md, p.Config.LangKey, lang)
			}
			files = append(files, pending{path: p.mdPath(lang, a.Slug), data: md})
		case "html":
			body := a.Src
			if lang != p.Config.Source {
				body = withLangKey(article.Render(a.Src, a.Segs, a.IDs, p.markFallbacks(a, lookup)), p.Config.LangKey, lang)
			}
			siblings := p.projectLangs()
			if !slices.Contains(siblings, lang) {
				siblings = append(siblings, lang)
			}
			page, err := p.htmlPage(lang, a, body, siblings, published)
			if err != nil {
				return nil, err
			}
			files = append(files, pending{path: p.htmlPath(lang, a.Slug), data: page})
		}
	}
	return files, nil
}

// projectLangs are the source and the target languages of lingo.toml.
func (p *Project) projectLangs() []string {
	return append([]string{p.Config.Source}, p.Config.Languages...)
}

// count tells each language how many files were written for it.
func count(results []LangResult, langs []string, written []string) {
	for _, w := range written {
		w = filepath.ToSlash(w)
		for i, lang := range langs {
			if strings.Contains(w, "/"+lang+"/") || strings.Contains(w, "."+lang+".md") {
				results[i].Written++
				break
			}
		}
	}
}

// readCatalogs reads the catalog of every article in every language the
// chains of langs need.
func (p *Project) readCatalogs(langs []string, arts []*Article) (map[string][]*catalog.Catalog, error) {
	need := map[string]bool{}
	for _, l := range langs {
		for _, c := range p.chain(l) {
			need[c] = true
		}
	}
	cats := map[string][]*catalog.Catalog{}
	for lang := range need {
		cs := make([]*catalog.Catalog, len(arts))
		err := parallel(len(arts), func(i int) error {
			var err error
			cs[i], err = p.ReadCatalog(lang, arts[i].Slug)
			return err
		})
		if err != nil {
			return nil, err
		}
		cats[lang] = cs
	}
	return cats, nil
}

// chain is the fallback chain of lang: itself, then each parent that is a
// project language, ending at the source (which falls back to its text).
func (p *Project) chain(lang string) []string {
	out := []string{lang}
	if lang == p.Config.Source {
		return out
	}
	for t := language.Make(lang).Parent(); t != language.Und; t = t.Parent() {
		if s := t.String(); slices.Contains(p.Config.Languages, s) {
			out = append(out, s)
		}
	}
	return out
}

// currentIn returns, per message ID of a, the current translation in c.
func currentIn(a *Article, c *catalog.Catalog) map[string]string {
	out := map[string]string{}
	look := currentLookup(a, c)
	for _, id := range a.IDs {
		if t, ok := look(id); ok {
			out[id] = t
		}
	}
	return out
}

// policyLookup finds each message's published text for article a (the
// ai-th) along a language chain, counting fallbacks and stale messages.
func (p *Project) policyLookup(a *Article, ai int, chain []string, cats map[string][]*catalog.Catalog) (func(string) (string, bool), int, int) {
	lang := chain[0]
	if lang == p.Config.Source {
		return func(string) (string, bool) { return "", false }, 0, 0
	}
	texts := map[string]string{}
	fallbacks, stale := 0, 0
	own := cats[lang][ai]
	staleText := staleIn(a, own)
	for k := len(chain) - 1; k >= 0; k-- { // the nearest language wins
		for id, t := range currentIn(a, cats[chain[k]][ai]) {
			texts[id] = t
		}
	}
	ownCurrent := currentIn(a, own)
	for i, id := range a.IDs {
		_, mine := ownCurrent[id]
		if st, ok := staleText[id]; ok && !mine {
			stale++
			if p.Config.StalePolicy(lang) == "translation" {
				texts[id], mine = st, true
			}
		}
		if t, ok := texts[id]; ok && !p.safe(a.Segs[i].Text, t, a.Refs) {
			delete(texts, id)
			mine = false
		}
		if !mine {
			fallbacks++
		}
	}
	return func(id string) (string, bool) { t, ok := texts[id]; return t, ok }, fallbacks, stale
}

// safe reports whether a translation adds nothing hostile to its source:
// raw HTML, a javascript: or data: URL, an event handler, a link to a host
// the source does not link to. An unsafe translation is never published;
// its message shows the source text, and lingo check reports why.
func (p *Project) safe(src, tr string, refs map[string]string) bool {
	return len(p.shapes.Safety(p.shapes.Parse(src, refs), p.shapes.Parse(tr, refs), tr)) == 0
}

// staleIn returns the stale translations of a in c, by ID.
func staleIn(a *Article, c *catalog.Catalog) map[string]string {
	hashes := make(map[string]string, len(a.IDs))
	for i, id := range a.IDs {
		hashes[id] = article.Hash(a.Segs[i].Text)
	}
	out := map[string]string{}
	for _, e := range c.Entries {
		if h, ok := hashes[e.ID]; ok && e.Other != "" && e.Hash != "" && e.Hash != h {
			out[e.ID] = e.Other
		}
	}
	return out
}

// publishable is the share of a language's messages that are current,
// and whether that is enough to publish it.
func (p *Project) publishable(lang string, arts []*Article, cats map[string][]*catalog.Catalog) LangResult {
	res := LangResult{Lang: lang, Percent: 100, Published: true}
	if lang == p.Config.Source {
		return res
	}
	total, done := 0, 0
	for i, a := range arts {
		total += len(a.IDs)
		done += len(currentIn(a, cats[lang][i]))
	}
	if total > 0 {
		res.Percent = float64(done) * 100 / float64(total)
	}
	res.Published = res.Percent >= p.Config.MinComplete(lang)
	return res
}

// outputs lists the files an article has in lang.
func (p *Project) outputs(lang, slug string, formats []string) []string {
	var out []string
	for _, f := range formats {
		if f == "md" {
			out = append(out, p.mdPath(lang, slug))
		} else {
			out = append(out, p.htmlPath(lang, slug))
		}
	}
	return out
}

func (p *Project) mdPath(lang, slug string) string {
	if p.Config.Layout == "suffix" {
		return filepath.Join(p.Config.OutputDir(), filepath.FromSlash(slug)+"."+lang+".md")
	}
	return filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(slug)+".md")
}

func (p *Project) htmlPath(lang, slug string) string {
	return filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(slug)+".html")
}

func allExist(paths []string) bool {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return false
		}
	}
	return true
}

// inputHash identifies everything an article's outputs in lang depend on.
func (p *Project) inputHash(config []byte, a *Article, lang string, published map[string]bool) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%d\x00", Version, lang, len(config))
	h.Write(config)
	h.Write(a.Src)
	for _, l := range p.chain(lang) {
		data, _ := os.ReadFile(p.CatalogPath(l, a.Slug))
		fmt.Fprintf(h, "\x00%s\x00%d\x00", l, len(data))
		h.Write(data)
	}
	var pub []string
	for l, ok := range published {
		if ok {
			pub = append(pub, l)
		}
	}
	slices.Sort(pub)
	fmt.Fprintf(h, "\x00%s", strings.Join(pub, ","))
	return hex.EncodeToString(h.Sum(nil))
}

func (p *Project) readManifest() manifest {
	var m manifest
	data, err := os.ReadFile(filepath.Join(p.Config.OutputDir(), manifestFile))
	if err == nil {
		_ = json.Unmarshal(data, &m) // a damaged manifest only means a full build
	}
	return m
}

// withLangKey sets the front matter key that names the language of a
// rendered article, keeping every other byte; an article without front
// matter gets one.
func withLangKey(md []byte, key, lang string) []byte {
	if key == "" {
		return md
	}
	fm, err := frontmatter.Split(md)
	if err != nil {
		return md
	}
	nl := "\n"
	if i := bytes.IndexByte(md, '\n'); i > 0 && md[i-1] == '\r' {
		nl = "\r\n"
	}
	if fm.Format == "" {
		return slices.Concat(md[:fm.Body], []byte("---"+nl+key+": "+lang+nl+"---"+nl), md[fm.Body:])
	}
	if fields, err := frontmatter.Fields(md, fm, []string{key}); err == nil && len(fields) == 1 {
		r := fields[0].Pieces[0]
		return slices.Concat(md[:r.Start], []byte(fields[0].Escape(lang)), md[r.End:])
	}
	line := key + ": " + lang
	if fm.Format == frontmatter.TOML {
		line = key + " = " + fmt.Sprintf("%q", lang)
	}
	at := fm.End
	if at > fm.Start && md[at-1] != '\n' {
		line = nl + line
	}
	return slices.Concat(md[:at], []byte(line+nl), md[at:])
}
