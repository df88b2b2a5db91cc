package project

import (
	"bytes"
	"cmp"
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
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/structure"
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
//
// It reads the corpus twice, on every core, so that memory does not grow
// with it: a survey of every article and catalog, which checks every input
// before the first file is written and keeps only what the completeness of
// each language and the index pages need; then each article again, to
// render and write its pages in every language before the next one.
func (p *Project) Publish(opts PublishOptions, prog Progress) ([]LangResult, []string, error) {
	slugs, err := p.Slugs()
	if err != nil {
		return nil, nil, err
	}
	sv, err := p.survey(slugs, union(p.projectLangs(), opts.Langs))
	if err != nil {
		return nil, nil, err
	}
	config, err := p.readFile(p.Config.Path)
	if err != nil && p.Config.Path != "" {
		return nil, nil, err
	}
	byLang := map[string]LangResult{}
	run := &publishRun{opts: opts, published: map[string]bool{}, config: config, old: p.readManifest(),
		prog: &lockedProgress{Progress: prog}}
	for _, lang := range sv.langs {
		byLang[lang] = p.publishable(lang, sv)
		run.published[lang] = byLang[lang].Published
	}
	run.catalogs = p.chainLangs(opts.Langs, run.published)
	prog.Start(len(opts.Langs) * len(slugs))
	outs, err := p.publishArticles(run, slugs)
	prog.Done()
	if err != nil {
		return nil, nil, err
	}
	written, err := p.finish(run, sv, outs)
	if err != nil {
		return nil, written, err
	}
	for _, path := range p.unpublished(run, slugs) {
		if err := os.Remove(path); err == nil {
			written = append(written, p.rel(path)+" (removed: below min_complete)")
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, written, err
		}
	}
	results := make([]LangResult, len(opts.Langs))
	for i, lang := range opts.Langs {
		results[i] = byLang[lang]
	}
	next := tally(results, opts.Langs, slugs, outs)
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

// publishRun is what the workers of one Publish share; they only read it.
type publishRun struct {
	opts      PublishOptions
	published map[string]bool // by language: at least min_complete
	catalogs  []string        // the languages whose catalogs the published languages' chains read
	config    []byte          // the config file, one of every output's inputs
	old       manifest        // the inputs of the outputs of the last build
	prog      Progress        // safe for concurrent use
}

// outcome is what publishing one article in one language did.
type outcome struct {
	written          []string // paths written, relative to the project
	hash             string   // its inputs, for the manifest of an incremental build
	fallbacks, stale int
	skipped          bool  // its outputs were up to date
	err              error // the rendering or writing that failed
}

// lockedProgress lets the workers of Publish share one Progress.
type lockedProgress struct {
	mu sync.Mutex
	Progress
}

// Step steps the Progress, one worker at a time.
func (l *lockedProgress) Step() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.Progress.Step()
}

// union is a followed by the languages of b it lacks, each once.
func union(a, b []string) []string {
	var out []string
	for _, l := range slices.Concat(a, b) {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// chainLangs lists the languages in the chains of the published target
// languages of langs, each once.
func (p *Project) chainLangs(langs []string, published map[string]bool) []string {
	var chains []string
	for _, lang := range langs {
		if published[lang] && lang != p.Config.Source {
			chains = append(chains, p.chain(lang)...)
		}
	}
	return union(chains, nil)
}

// publishArticles publishes each article in every language of run, on
// every core; it returns the outcomes by article, then by language of
// run.opts.Langs, and the error of an article that no longer loads.
func (p *Project) publishArticles(run *publishRun, slugs []string) ([][]outcome, error) {
	outs := make([][]outcome, len(slugs))
	err := parallel(len(slugs), func(i int) error {
		outs[i] = make([]outcome, len(run.opts.Langs))
		a, err := p.Load(slugs[i])
		if err != nil {
			return err
		}
		la, err := p.withCatalogs(a, run.catalogs)
		if err != nil {
			return err
		}
		// Every language's files of the article are written together,
		// synced to disk at once (writeAll).
		var files []pending
		of := map[string]int{} // path written → language
		for li, lang := range run.opts.Langs {
			run.prog.Step()
			if run.published[lang] {
				var fs []pending
				outs[i][li], fs = p.publishIn(run, la, lang)
				for _, f := range fs {
					of[p.rel(f.path)] = li
				}
				files = append(files, fs...)
			}
		}
		written, err := p.writeAll(files)
		for _, path := range written {
			outs[i][of[path]].written = append(outs[i][of[path]].written, path)
		}
		if err != nil { // the error names the file; the article's first language reports it
			li := of[p.rel(files[0].path)]
			outs[i][li].err = cmp.Or(outs[i][li].err, err)
		}
		return nil
	})
	return outs, err
}

// publishIn renders article la in lang, unless an incremental build finds
// its outputs up to date, and returns the files to write.
func (p *Project) publishIn(run *publishRun, la *loadedArticle, lang string) (outcome, []pending) {
	var o outcome
	if run.opts.Incremental {
		o.hash = p.inputHash(run.config, la.Article, lang, run.published)
	}
	lookup, fallbacks, stale := p.policyLookup(la, p.chain(lang))
	o.fallbacks, o.stale = fallbacks, stale
	if run.opts.Incremental && run.old.Version == Version && run.old.Inputs[lang+" "+la.Slug] == o.hash &&
		allExist(p.outputs(lang, la.Slug, run.opts.Formats)) {
		o.skipped = true
		return o, nil
	}
	files, err := p.articleFiles(lang, la.Article, lookup, run.opts.Formats, run.published)
	o.err = err
	return o, files
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

// finish gathers the paths the workers wrote in the order of languages,
// then articles, writing each published language's index page after its
// articles and the main index last; it returns the first error in that
// order, and writes no index page after it.
func (p *Project) finish(run *publishRun, sv *survey, outs [][]outcome) ([]string, error) {
	var written []string
	var first error
	page := func(path string, render func() ([]byte, error)) {
		if first != nil {
			return
		}
		data, err := render()
		if err == nil {
			var wrote bool
			if wrote, err = p.writeOne(pending{path: path, data: data}); wrote {
				written = append(written, p.rel(path))
			}
		}
		first = err
	}
	html := slices.Contains(run.opts.Formats, "html")
	for li, lang := range run.opts.Langs {
		for ai := range outs {
			written = append(written, outs[ai][li].written...)
			if first == nil {
				first = outs[ai][li].err
			}
		}
		if html && run.published[lang] {
			page(filepath.Join(p.Config.OutputDir(), lang, "index.html"), func() ([]byte, error) {
				return p.langIndex(lang, sv, run.published)
			})
		}
	}
	if html {
		page(filepath.Join(p.Config.OutputDir(), "index.html"), func() ([]byte, error) {
			return p.mainIndex(p.projectLangs(), sv, run.published)
		})
	}
	return written, first
}

// unpublished lists the outputs of the languages of run below their
// min_complete, which publishing removes.
func (p *Project) unpublished(run *publishRun, slugs []string) []string {
	var paths []string
	for _, lang := range run.opts.Langs {
		if run.published[lang] {
			continue
		}
		for _, slug := range slugs {
			paths = append(paths, p.outputs(lang, slug, run.opts.Formats)...)
		}
		if slices.Contains(run.opts.Formats, "html") {
			paths = append(paths, filepath.Join(p.Config.OutputDir(), lang, "index.html"))
		}
	}
	return paths
}

// tally adds the fallbacks, stale messages and skipped articles of outs to
// the results of langs, and returns the manifest of the build.
func tally(results []LangResult, langs, slugs []string, outs [][]outcome) manifest {
	next := manifest{Version: Version, Inputs: map[string]string{}}
	for ai, row := range outs {
		for li, o := range row {
			results[li].Fallbacks += o.fallbacks
			results[li].Stale += o.stale
			if o.skipped {
				results[li].Skipped++
			}
			if o.hash != "" {
				next.Inputs[langs[li]+" "+slugs[ai]] = o.hash
			}
		}
	}
	return next
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

// survey is what Publish knows of every article before it renders one.
type survey struct {
	langs []string         // the languages surveyed: the project's, then those of the options
	arts  []articleSummary // in the order of Slugs
}

// articleSummary is what the completeness of each language and the index
// pages need of an article.
type articleSummary struct {
	slug  string
	msgs  int           // its messages
	langs []langSummary // in the order of survey.langs
}

// langSummary is an article in one language.
type langSummary struct {
	title   string // its title, translated where the translation is current
	current int    // its messages whose translation is current
}

// of is the summary of the ai-th article in lang, one of s.langs.
func (s *survey) of(ai int, lang string) langSummary {
	return s.arts[ai].langs[slices.Index(s.langs, lang)]
}

// survey reads every article and its catalog in each of langs, on every
// core, and keeps only its summary. An article that does not load is
// reported before a catalog that does not parse.
func (p *Project) survey(slugs, langs []string) (*survey, error) {
	targets := slices.DeleteFunc(slices.Clone(langs), func(l string) bool { return l == p.Config.Source })
	sv := &survey{langs: langs, arts: make([]articleSummary, len(slugs))}
	catErrs := make([]error, len(slugs))
	err := parallel(len(slugs), func(i int) error {
		a, err := p.Load(slugs[i])
		if err != nil {
			return err
		}
		la, err := p.withCatalogs(a, targets)
		if err != nil {
			catErrs[i] = err
			return nil
		}
		sv.arts[i] = p.summarize(la, langs)
		return nil
	})
	if err == nil {
		err = cmp.Or(catErrs...) // the first that failed, if any
	}
	return sv, err
}

// summarize is the summary of article la in each of langs.
func (p *Project) summarize(la *loadedArticle, langs []string) articleSummary {
	s := articleSummary{slug: la.Slug, msgs: len(la.IDs), langs: make([]langSummary, len(langs))}
	for k, lang := range langs {
		cur := la.current[lang] // nil for the source: its title is its own
		s.langs[k] = langSummary{title: title(la.Article, cur), current: len(cur)}
	}
	return s
}

// loadedArticle is an article with what publishing it reads in each
// language: the catalog and its current translations.
type loadedArticle struct {
	*Article
	hashes  map[string]string            // message ID → hash of its source text
	cats    map[string]*catalog.Catalog  // by language
	current map[string]map[string]string // by language: message ID → current translation
	shapes  []*structure.Shape           // each source message's structure, read when first needed
}

// withCatalogs reads the catalogs of a in langs.
func (p *Project) withCatalogs(a *Article, langs []string) (*loadedArticle, error) {
	la := &loadedArticle{Article: a, hashes: sourceHashes(a), cats: map[string]*catalog.Catalog{},
		current: map[string]map[string]string{}, shapes: make([]*structure.Shape, len(a.Segs))}
	for _, lang := range langs {
		c, err := p.ReadCatalog(lang, a.Slug)
		if err != nil {
			return nil, err
		}
		la.cats[lang], la.current[lang] = c, currentIn(a, la.hashes, c)
	}
	return la, nil
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

// policyLookup finds each message's published text for article la along
// a language chain, counting fallbacks and stale messages.
func (p *Project) policyLookup(la *loadedArticle, chain []string) (func(string) (string, bool), int, int) {
	lang := chain[0]
	if lang == p.Config.Source {
		return func(string) (string, bool) { return "", false }, 0, 0
	}
	texts := map[string]string{}
	fallbacks, stale := 0, 0
	staleText := staleIn(la.hashes, la.cats[lang])
	for k := len(chain) - 1; k >= 0; k-- { // the nearest language wins
		for id, tr := range la.current[chain[k]] {
			texts[id] = tr
		}
	}
	ownCurrent := la.current[lang]
	for i, id := range la.IDs {
		_, mine := ownCurrent[id]
		if st, ok := staleText[id]; ok && !mine {
			stale++
			if p.Config.StalePolicy(lang) == "translation" {
				texts[id], mine = st, true
			}
		}
		if tr, ok := texts[id]; ok && !p.safe(la, i, tr) {
			delete(texts, id)
			mine = false
		}
		if !mine {
			fallbacks++
		}
	}
	return func(id string) (string, bool) { tr, ok := texts[id]; return tr, ok }, fallbacks, stale
}

// safe reports whether translation tr of the i-th message of la adds nothing
// hostile to its source: raw HTML, a javascript: or data: URL, an event
// handler, a link to a host the source does not link to. An unsafe
// translation is never published; its message shows the source text, and
// lingo check reports why. The source's structure is read once for every
// language.
func (p *Project) safe(la *loadedArticle, i int, tr string) bool {
	if la.shapes[i] == nil {
		src := p.shapes.Parse(la.Segs[i].Text, la.Refs)
		la.shapes[i] = &src
	}
	return len(structure.Safety(*la.shapes[i], p.shapes.Parse(tr, la.Refs))) == 0
}

// staleIn returns the stale translations in c of the messages of hashes
// (see sourceHashes), by ID.
func staleIn(hashes map[string]string, c *catalog.Catalog) map[string]string {
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
func (p *Project) publishable(lang string, sv *survey) LangResult {
	res := LangResult{Lang: lang, Percent: 100, Published: true}
	if lang == p.Config.Source {
		return res
	}
	total, done := 0, 0
	for i, a := range sv.arts {
		total += a.msgs
		done += sv.of(i, lang).current
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
