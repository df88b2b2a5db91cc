// Package config reads, validates and writes lingo.toml, the file at the
// root of a lingo project that names the source and target languages, the
// content, locales and output folders, the catalog format, and which front
// matter keys and Hugo shortcodes lingo treats as text or as code. Load
// refuses unknown keys, invalid BCP 47 language tags (compared in their
// canonical form, [lang.<tag>] keys included), duplicate languages, unknown
// formats and profiles, content, locales and output folders that overlap or
// leave the project, and a lang_key that is a translated front matter
// field, and reports each problem as an *Error that points at the
// offending value (path:line:col); Marshal writes the commented file that
// `lingo init` creates.
package config

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/lang"
	"github.com/lingo-l10n/lingo/internal/vocab"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// FileName is the name of the configuration file at a project's root.
const FileName = "lingo.toml"

// Formats are the catalog formats lingo writes.
var Formats = []string{"toml", "json", "yaml"}

// Profiles are the site generator profiles of lingo.toml's profile key: ""
// (none) or "hugo".
var Profiles = []string{"", "hugo"}

// Config is a lingo project's configuration.
type Config struct {
	// Source is the BCP 47 tag of the language articles are written in.
	Source string `toml:"source"`
	// Languages are the BCP 47 tags of the target languages.
	Languages []string `toml:"languages"`
	// Content is the folder of the source articles (**/*.md).
	Content string `toml:"content"`
	// Locales is the folder of the catalogs,
	// <locales>/<lang>/<slug>.<lang>.<format>.
	Locales string `toml:"locales"`
	// Output is the folder of the rendered articles,
	// <output>/<lang>/<slug>.md and .html.
	Output string `toml:"output"`
	// Format is the catalog format: toml, json or yaml.
	Format string `toml:"format"`
	// FrontMatter are the front matter keys whose string values are
	// translated.
	FrontMatter []string `toml:"front_matter"`
	// CodeShortcodes are the Hugo shortcodes whose inner content is code.
	CodeShortcodes []string `toml:"code_shortcodes"`
	// Glossary is the glossary file lingo check enforces, relative to the
	// project root; "" for none.
	Glossary string `toml:"glossary"`
	// Check tunes lingo check.
	Check Check `toml:"check"`
	// Lang holds per-language settings, by language tag.
	Lang map[string]LangSettings `toml:"lang"`
	// Layout places rendered Markdown for site generators: "dir"
	// (<output>/<lang>/<slug>.md, Hugo's by-directory) or "suffix"
	// (<output>/<slug>.<lang>.md, Hugo's by-filename).
	Layout string `toml:"layout"`
	// LangKey is the front matter key that names a translation's language
	// in rendered Markdown; "" adds none.
	LangKey string `toml:"lang_key"`
	// Stale says what a stale translation publishes as: "source" (the
	// current source text; outdated numbers are a patient-safety risk) or
	// "translation". [lang.<tag>] stale overrides it.
	Stale string `toml:"stale"`
	// MinComplete is the percent of an article's messages that must be
	// published in their translation (current, and clean of error-level
	// findings) for the article's page in a language to be published as
	// a translation; [lang.<tag>] min_complete overrides it. Default 80,
	// as po4a's --keep.
	DefaultMinComplete float64 `toml:"min_complete"`
	// Fallback is what a page below min_complete shows: "source" (the
	// source article, with a notice in the reader's language) or "none"
	// (no page; the language's index links to the source article).
	Fallback string `toml:"fallback"`
	// Site names the published site: [site] in lingo.toml.
	Site Site `toml:"site"`
	// Words is a folder of go-i18n message files that override or add to
	// lingo's own words on pages (notices, index headings); "" for none.
	Words string `toml:"words"`
	// Shortcodes names the parameters of each Hugo shortcode that are
	// text: [shortcodes.<name>], see shortcodes.go.
	Shortcodes map[string]ShortcodeParams `toml:"shortcodes"`
	// Draft configures lingo draft's machine translation engine: [draft].
	Draft Draft `toml:"draft"`
	// Profile adds the output of a site generator to build's: "" for none,
	// "hugo" for a Hugo content tree, i18n and layouts in <output>/hugo/.
	Profile string `toml:"profile"`
	// PDF asks build for PDF handouts: [pdf] in lingo.toml.
	PDF PDF `toml:"pdf"`

	// Dir is the project root, absolute: the folder of the file.
	Dir string `toml:"-"`
	// Path is the file the configuration came from, as given to Load.
	Path string `toml:"-"`
}

// Check tunes lingo check: [check] in lingo.toml.
type Check struct {
	// Severity overrides a check's severity: check ID → "error",
	// "warning" or "off".
	Severity map[string]string `toml:"severity"`
	// Prefixes are link prefixes a translation may localize: "/en/" =
	// "/{lang}/" lets /en/guide become /fr/guide in French.
	Prefixes map[string]string `toml:"prefixes"`
	// Length is the allowed band [min, max] of a translation's length over
	// its source's, in characters, for languages without their own.
	Length []float64 `toml:"length"`
	// Vocabulary is a folder of the project's own vocabulary files for the
	// units and negation checks (common.toml, <lang>.toml), relative to the
	// project root, added to lingo's; "" for lingo's alone.
	Vocabulary string `toml:"vocabulary"`
	// Vocab is lingo's vocabulary extended by the folder, loaded by Load;
	// nil when the folder is "".
	Vocab *vocab.Vocabulary `toml:"-"`
	// ReadingGrade is the highest school grade a source article may read
	// at (reading-grade), and turns on the comparison of each translation
	// with its source (reading-harder); 0 for neither.
	ReadingGrade float64 `toml:"reading_grade"`
}

// Site names the published site: [site] in lingo.toml.
type Site struct {
	// Title is the site's name, the title of its index pages.
	Title string `toml:"title"`
	// BaseURL is where the output folder is served
	// ("https://clinic.example/articles/"): it makes hreflang and
	// canonical links absolute. "" keeps them relative.
	BaseURL string `toml:"base_url"`
}

// PDF asks lingo build for a PDF handout of each page: [pdf] in
// lingo.toml.
type PDF struct {
	// Enabled makes build print <output>/<lang>/<slug>.pdf beside each
	// page published as a translation (and each source article).
	Enabled bool `toml:"enabled"`
	// Paper is the paper size: "A4" (the default) or "Letter".
	Paper string `toml:"paper"`
	// Untranslated prints handouts of the pages shown in the source
	// language below min_complete too (the source article under a notice).
	Untranslated bool `toml:"untranslated"`
	// Chromium is the browser's binary; "" looks for chromium or
	// google-chrome on PATH. $LINGO_CHROMIUM wins over it.
	Chromium string `toml:"chromium"`
}

// Papers are the paper sizes of [pdf] paper.
var Papers = []string{"A4", "Letter"}

// LangSettings are one language's settings: [lang.<tag>] in lingo.toml.
type LangSettings struct {
	// MinComplete overrides the project's min_complete for this language.
	MinComplete *float64 `toml:"min_complete"`
	// Gate is the percent of the language's messages that must be
	// translated and current for lingo check to pass: below it, missing
	// and stale entries are errors. 0 (the default) never fails on work
	// not yet done.
	Gate float64 `toml:"gate"`
	// Length overrides the length band for this language.
	Length []float64 `toml:"length"`
	// Stale overrides the project's stale policy for this language.
	Stale string `toml:"stale"`
	// RequireReview publishes only the entries a reviewer signed off
	// (lingo review); the others show the source text, as stale ones do.
	RequireReview bool `toml:"require_review"`
	// ParentReview, with RequireReview, lets a passage this language has
	// not reviewed show its parent language's translation (pt-BR → pt)
	// when a reviewer signed that off in the parent; without it such a
	// passage shows the source text, never a parent's translation no one
	// reviewed for this language.
	ParentReview bool `toml:"parent_review"`
}

// RequireReview reports whether lang publishes only reviewed entries.
func (c *Config) RequireReview(lang string) bool {
	return c.Lang[lang].RequireReview
}

// ParentReview reports whether, in lang, a review recorded in a parent
// language counts for that parent's translation shown in lang's pages
// (parent_review).
func (c *Config) ParentReview(lang string) bool {
	return c.Lang[lang].ParentReview
}

// StalePolicy is what a stale translation in lang publishes as: "source"
// or "translation".
func (c *Config) StalePolicy(lang string) string {
	if s, ok := c.Lang[lang]; ok && s.Stale != "" {
		return s.Stale
	}
	return c.Stale
}

// MinComplete is the share of an article's messages, in percent, that
// must be published in lang for its page to be a translation.
func (c *Config) MinComplete(lang string) float64 {
	if s, ok := c.Lang[lang]; ok && s.MinComplete != nil {
		return *s.MinComplete
	}
	return c.DefaultMinComplete
}

// Gate is the completeness below which lingo check fails on lang's missing
// and stale entries; 0 for never.
func (c *Config) Gate(lang string) float64 {
	return c.Lang[lang].Gate
}

// LengthBand is the allowed band of translation length over source length
// in lang: its own, else [check] length, else a default that allows for
// scripts denser than Latin (Chinese, Japanese, Korean).
func (c *Config) LengthBand(lang string) (float64, float64) {
	if s, ok := c.Lang[lang]; ok && len(s.Length) == 2 {
		return s.Length[0], s.Length[1]
	}
	if len(c.Check.Length) == 2 {
		return c.Check.Length[0], c.Check.Length[1]
	}
	switch strings.SplitN(lang, "-", 2)[0] {
	case "ja", "zh", "ko":
		return 0.15, 1.5
	}
	return 0.4, 2.5
}

// Default returns the configuration of a new project with the given source
// and target languages and every other setting at its default.
func Default(source string, languages []string) *Config {
	return &Config{
		Source:             source,
		Languages:          append([]string{}, languages...),
		Content:            "content",
		Locales:            "locales",
		Output:             "out",
		Format:             "toml",
		FrontMatter:        []string{"title", "description", "summary"},
		CodeShortcodes:     []string{"code", "code-toggle", "highlight", "datatable", "chroma-lexers"},
		Layout:             "dir",
		LangKey:            "lang",
		Stale:              "source",
		DefaultMinComplete: 80,
		Fallback:           "source",
		PDF:                PDF{Paper: "A4"},
	}
}

// Error is a problem in a configuration file, at a position in it; Path is
// the file's path as given to Load.
type Error = diag.Error

// ParseTag validates a BCP 47 language tag and returns its canonical form
// ("pt-br" gives "pt-BR"). It accepts only letters, digits and hyphens, and
// refuses tags golang.org/x/text/language does not parse and tags without a
// known language, such as "und".
func ParseTag(s string) (string, error) { return lang.Parse(s) }

// Load reads and validates the configuration file at path. Relative folders
// in it are relative to the file's folder. A missing file gives an error
// that wraps fs.ErrNotExist; problems in the file give an *Error.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s not found: run `lingo init` to create one: %w", path, err)
	}
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	c, err := parse(path, data)
	if err != nil {
		return nil, err
	}
	c.Path = path
	c.Dir = filepath.Dir(abs)
	if err := resolvedFolders(c, path, data); err != nil {
		return nil, err
	}
	if c.Check.Vocabulary != "" {
		v, err := vocab.Load(filepath.Join(filepath.Dir(path), c.Check.Vocabulary))
		var de *diag.Error
		switch {
		case errors.As(err, &de):
			return nil, err
		case err != nil:
			line, col := locateTable(data, "check")
			return nil, &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("check.vocabulary = %q: %v", c.Check.Vocabulary, err)}
		}
		c.Check.Vocab = v
	}
	return c, nil
}

// kinds says what each key's value must be.
var kinds = map[string]string{
	"source": "a string", "content": "a string", "locales": "a string", "output": "a string", "format": "a string",
	"languages": "a list of strings", "front_matter": "a list of strings", "code_shortcodes": "a list of strings",
	"glossary": "a string", "layout": "a string", "lang_key": "a string", "stale": "a string",
	"min_complete": "a number", "fallback": "a string", "words": "a string", "profile": "a string", "site.title": "a string", "site.base_url": "a string",
	"check.vocabulary": "a string", "check.reading_grade": "a number",
	"draft.engine": "a string", "draft.url": "a string", "draft.key_env": "a string", "draft.timeout": "a number", "draft.retries": "a whole number",
	"pdf.enabled": "true or false", "pdf.paper": "a string", "pdf.untranslated": "true or false", "pdf.chromium": "a string",
	// [lang.<tag>] keys, by lang.<key>
	"lang.require_review": "true or false", "lang.parent_review": "true or false", "lang.min_complete": "a number", "lang.gate": "a number", "lang.stale": "a string",
}

// kindOf says what key's value must be; [lang.<tag>] keys go by their name.
func kindOf(key []string) string {
	if len(key) == 3 && key[0] == "lang" {
		return kinds["lang."+key[2]]
	}
	return kinds[strings.Join(key, ".")]
}

// parse decodes and validates data, the contents of the file at path.
func parse(path string, data []byte) (*Config, error) {
	c := Default("en", nil)
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		var sme *toml.StrictMissingError
		if errors.As(err, &sme) && len(sme.Errors) > 0 {
			de := sme.Errors[0]
			line, col := de.Position()
			return nil, &Error{Path: path, Line: line, Col: col, Msg: fmt.Sprintf("unknown key %q", strings.Join(de.Key(), "."))}
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			msg := de.Error()
			if key := strings.Join(de.Key(), "."); key != "" && strings.Contains(msg, "cannot decode") && kindOf(de.Key()) != "" {
				msg = fmt.Sprintf("%s must be %s", key, kindOf(de.Key()))
			}
			return nil, &Error{Path: path, Line: line, Col: col, Msg: msg}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	v := validator{path: path, data: data}
	c.Source = v.tag("source", -1, c.Source)
	seen := map[string]bool{}
	for i, l := range c.Languages {
		tag := v.tag("languages", i, l)
		switch {
		case tag == "":
		case tag == c.Source:
			v.fail("languages", i, fmt.Sprintf("language %q is the source language", l))
		case seen[tag]:
			v.fail("languages", i, fmt.Sprintf("duplicate language %q", l))
		}
		seen[tag] = true
		c.Languages[i] = tag
	}
	for _, f := range []struct{ key, val string }{{"content", c.Content}, {"locales", c.Locales}, {"output", c.Output}} {
		if strings.TrimSpace(f.val) == "" {
			v.fail(f.key, -1, fmt.Sprintf("%s must name a folder", f.key))
		}
	}
	v.folders(c)
	if !contains(Formats, c.Format) {
		v.fail("format", -1, fmt.Sprintf("invalid format %q (want toml, json or yaml)", c.Format))
	}
	for _, l := range []struct {
		key  string
		list []string
	}{{"front_matter", c.FrontMatter}, {"code_shortcodes", c.CodeShortcodes}} {
		for i, s := range l.list {
			if strings.TrimSpace(s) == "" {
				v.fail(l.key, i, fmt.Sprintf("empty name in %s", l.key))
			}
		}
	}
	for id, sev := range c.Check.Severity {
		if sev != "error" && sev != "warning" && sev != "off" {
			v.failTable(fmt.Sprintf("check.severity.%s = %q: want error, warning or off", id, sev), "check", "severity")
		}
	}
	// [lang.<tag>] keys are tags like any other: canonical, so that
	// [lang.zh-hans] is the settings of "zh-Hans".
	raw := map[string]string{} // canonical tag → the key as written
	keys := make([]string, 0, len(c.Lang))
	for k := range c.Lang {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	canon := make(map[string]LangSettings, len(c.Lang))
	for _, k := range keys {
		tag, err := ParseTag(k)
		switch {
		case err != nil:
			v.failTable(fmt.Sprintf("[lang.%s]: %v", k, err), "lang", k)
			continue
		case raw[tag] != "":
			v.failTable(fmt.Sprintf("[lang.%s]: language %s has settings already ([lang.%s])", k, tag, raw[tag]), "lang", k)
			continue
		}
		raw[tag] = k
		canon[tag] = c.Lang[k]
	}
	if c.Lang != nil {
		c.Lang = canon
	}
	for _, tag := range sortedKeys(c.Lang) {
		s, key := c.Lang[tag], raw[tag]
		if !seen[tag] {
			v.failTable(fmt.Sprintf("[lang.%s]: %s is not one of the languages %v", key, key, c.Languages), "lang", key)
		}
		if s.MinComplete != nil && (*s.MinComplete < 0 || *s.MinComplete > 100) {
			v.failTable(fmt.Sprintf("[lang.%s] min_complete = %v: want 0 to 100", key, *s.MinComplete), "lang", key)
		}
		if s.Gate < 0 || s.Gate > 100 {
			v.failTable(fmt.Sprintf("[lang.%s] gate = %v: want 0 to 100", key, s.Gate), "lang", key)
		}
		if len(s.Length) != 0 && len(s.Length) != 2 {
			v.failTable(fmt.Sprintf("[lang.%s] length: want [min, max]", key), "lang", key)
		}
		if s.Stale != "" && s.Stale != "source" && s.Stale != "translation" {
			v.failTable(fmt.Sprintf("[lang.%s] stale = %q: want source or translation", key, s.Stale), "lang", key)
		}
		if s.ParentReview && !s.RequireReview {
			v.failTable(fmt.Sprintf("[lang.%s] parent_review = true needs require_review = true: it says which reviews count where only reviewed entries are published", key), "lang", key)
		}
	}
	for _, f := range c.FrontMatter {
		if c.LangKey != "" && strings.EqualFold(f, c.LangKey) {
			v.fail("lang_key", -1, fmt.Sprintf("lang_key %q is a translated front matter field: rendering would replace each translation's %s with its language tag; use a key of its own, e.g. lang_key = %q, or \"\" for none", c.LangKey, f, cmp.Or(free(c.FrontMatter, "lang", "language", "locale"), "")))
		}
	}
	if c.Layout != "dir" && c.Layout != "suffix" {
		v.fail("layout", -1, fmt.Sprintf("invalid layout %q (want dir or suffix)", c.Layout))
	}
	if c.DefaultMinComplete < 0 || c.DefaultMinComplete > 100 {
		v.fail("min_complete", -1, fmt.Sprintf("min_complete = %v: want 0 to 100", c.DefaultMinComplete))
	}
	if c.Fallback != "source" && c.Fallback != "none" {
		v.fail("fallback", -1, fmt.Sprintf("invalid fallback %q (want source or none)", c.Fallback))
	}
	if !contains(Profiles, c.Profile) {
		v.fail("profile", -1, fmt.Sprintf("invalid profile %q (want \"hugo\", or \"\" for none)", c.Profile))
	}
	if u := c.Site.BaseURL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
		v.failTable(fmt.Sprintf("site.base_url = %q: want an absolute http(s) URL", u), "site")
	}
	if c.Stale != "source" && c.Stale != "translation" {
		v.fail("stale", -1, fmt.Sprintf("invalid stale policy %q (want source or translation)", c.Stale))
	}
	if len(c.Check.Length) != 0 && len(c.Check.Length) != 2 {
		v.failTable("check.length: want [min, max]", "check")
	}
	if g := c.Check.ReadingGrade; g < 0 || g > 20 {
		v.failKey(fmt.Sprintf("check.reading_grade = %v: want a school grade from 1 to 20 (NIH asks for patient material below 8), or 0 for no reading-level check", g), "check", "reading_grade")
	}
	if !contains(Papers, c.PDF.Paper) {
		v.failKey(fmt.Sprintf("pdf.paper = %q: want \"A4\" or \"Letter\"", c.PDF.Paper), "pdf", "paper")
	}
	v.shortcodes(c)
	v.draft(c)
	if v.err != nil {
		return nil, v.err
	}
	return c, nil
}

// free returns the first of names that is not in list (compared as front
// matter keys: case-insensitively), or "".
func free(list []string, names ...string) string {
	for _, n := range names {
		if !slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(s, n) }) {
			return n
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// folder is one of the project's folders: its key and its value as
// written, and the value cleaned, relative to the project root.
type folder struct{ key, val, rel string }

// folderSuggestions are the folders a message proposes for each key.
var folderSuggestions = map[string][]string{
	"content": {"content", "articles", "docs"},
	"locales": {"locales", "i18n", "translations"},
	"output":  {"public", "out", "site"},
}

// folderConflicts says what goes wrong when two folders overlap, by their
// keys in the order content, locales, output.
var folderConflicts = map[[2]string]string{
	{"content", "locales"}: "lingo would read catalogs as articles, or write catalogs among them",
	{"content", "output"}:  "lingo would read its own pages back as articles, and write over (or remove) files it did not write",
	{"locales", "output"}:  "rendering would write over (or remove) catalogs, and publish them",
}

// folders refuses content, locales and output folders that are absolute,
// leave the project root (the folder of lingo.toml), or overlap: lingo
// writes and removes files in its output and locale folders, and reads
// every Markdown file under content, so no folder may hold another.
func (v *validator) folders(c *Config) {
	var fs []folder
	for _, f := range []folder{{"content", c.Content, ""}, {"locales", c.Locales, ""}, {"output", c.Output, ""}} {
		if strings.TrimSpace(f.val) == "" {
			return // refused above
		}
		if filepath.IsAbs(f.val) || filepath.VolumeName(f.val) != "" || strings.HasPrefix(filepath.ToSlash(f.val), "/") {
			v.fail(f.key, -1, fmt.Sprintf("%s %q is absolute: lingo keeps its folders inside the project (the folder of %s); use a path relative to it, e.g. %s = %q", f.key, f.val, FileName, f.key, folderSuggestions[f.key][0]))
			return
		}
		// Relative to the project root: Rel compares as the system does
		// (whole path elements; on Windows without regard to case).
		root := string(filepath.Separator) + "project"
		rel, err := filepath.Rel(root, filepath.Join(root, f.val))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			v.fail(f.key, -1, fmt.Sprintf("%s %q is outside the project (the folder of %s): lingo reads and writes only inside it; use a folder in it, e.g. %s = %q", f.key, f.val, FileName, f.key, folderSuggestions[f.key][0]))
			return
		}
		f.rel = rel
		fs = append(fs, f)
	}
	for i, a := range fs {
		for _, b := range fs[i+1:] {
			var inner, outer folder
			switch {
			case within(a.rel, b.rel):
				inner, outer = a, b
			case within(b.rel, a.rel):
				inner, outer = b, a
			default:
				continue
			}
			// Blame the folder the file names, output first: it is the
			// one to move.
			blame, other := inner, outer
			if v.named(outer.key) && (!v.named(inner.key) || rank(outer.key) > rank(inner.key)) {
				blame, other = outer, inner
			}
			what := "is inside"
			if blame == outer && inner.rel != outer.rel {
				what = "holds"
			}
			fix := ""
			for _, s := range folderSuggestions[blame.key] {
				if !overlaps(s, other.rel) && !slices.ContainsFunc(fs, func(f folder) bool { return f.key != blame.key && overlaps(s, f.rel) }) {
					fix = fmt.Sprintf("; use a folder beside %s, e.g. %s = %q", other.key, blame.key, s)
					break
				}
			}
			v.fail(blame.key, -1, fmt.Sprintf("%s %q %s %s %q: %s%s", blame.key, blame.val, what, other.key, other.val, folderConflicts[[2]string{a.key, b.key}], fix))
			return
		}
	}
}

// named reports whether the file sets key.
func (v *validator) named(key string) bool {
	line, _ := locate(v.data, key, -1)
	return line > 0
}

// rank orders the folder keys by how likely a user is to move them.
func rank(key string) int {
	return map[string]int{"content": 0, "locales": 1, "output": 2}[key]
}

// within reports whether the cleaned relative path a is b or inside it.
func within(a, b string) bool {
	if b == "." {
		return true
	}
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func overlaps(a, b string) bool { return within(a, b) || within(b, a) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validator keeps the first validation error, placed at the offending value.
type validator struct {
	path string
	data []byte
	err  *Error
}

func (v *validator) tag(key string, elem int, s string) string {
	tag, err := ParseTag(s)
	if err != nil {
		v.fail(key, elem, err.Error())
	}
	return tag
}

func (v *validator) fail(key string, elem int, msg string) {
	if v.err != nil {
		return
	}
	line, col := locate(v.data, key, elem)
	v.err = &Error{Path: v.path, Line: line, Col: col, Msg: msg}
}

// locate returns the position of the value of the top-level key in data, or
// of its elem-th element when elem >= 0 and the value is an array. It
// returns 0, 0 when the key is not in data (a default value).
// locateTable returns the position of the table header [parts...] in
// data, or 0, 0 when there is none.
func locateTable(data []byte, parts ...string) (line, col int) {
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind != unstable.Table {
			continue
		}
		var got []string
		for it := e.Key(); it.Next(); {
			got = append(got, string(it.Node().Data))
		}
		if strings.Join(got, "\x00") == strings.Join(parts, "\x00") {
			it := e.Key()
			it.Next()
			at := p.Shape(it.Node().Raw).Start
			return at.Line, at.Column
		}
	}
	return 0, 0
}

// failTable records msg at the table header [parts...].
func (v *validator) failTable(msg string, parts ...string) {
	if v.err != nil {
		return
	}
	line, col := locateTable(v.data, parts...)
	v.err = &Error{Path: v.path, Line: line, Col: col, Msg: msg}
}

// failKey records msg at the value of key in the table [table], or at the
// table's header where the key is written another way (dotted).
func (v *validator) failKey(msg, table, key string) {
	if v.err != nil {
		return
	}
	line, col := locateKey(v.data, table, key)
	if line == 0 {
		line, col = locateTable(v.data, table)
	}
	v.err = &Error{Path: v.path, Line: line, Col: col, Msg: msg}
}

// locateKey returns the position of the value of key in the table
// [table] of data (written there, or dotted: table.key at the top level),
// or 0, 0.
func locateKey(data []byte, table, key string) (line, col int) {
	var p unstable.Parser
	p.Reset(data)
	in := ""
	for p.NextExpression() {
		e := p.Expression()
		var parts []string
		for it := e.Key(); it.Next(); {
			parts = append(parts, string(it.Node().Data))
		}
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			in = strings.Join(parts, ".")
			if e.Kind == unstable.ArrayTable {
				in = "\x00" + in
			}
		case unstable.KeyValue:
			if (in == "" && strings.Join(parts, ".") == table+"."+key) || (in == table && strings.Join(parts, ".") == key) {
				at := p.Shape(e.Value().Raw).Start
				return at.Line, at.Column
			}
		}
	}
	return 0, 0
}

func locate(data []byte, key string, elem int) (line, col int) {
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
		e := p.Expression()
		if e.Kind == unstable.Table || e.Kind == unstable.ArrayTable {
			return 0, 0 // only top-level keys come before the first table
		}
		if e.Kind != unstable.KeyValue {
			continue
		}
		it := e.Key()
		if !it.Next() {
			continue
		}
		k := it.Node()
		if string(k.Data) != key || it.Next() {
			continue
		}
		at := p.Shape(k.Raw).Start
		line, col = at.Line, at.Column
		val := e.Value()
		if elem >= 0 && val.Kind == unstable.Array {
			i := 0
			for c := val.Children(); c.Next(); {
				n := c.Node()
				if n.Kind == unstable.Comment {
					continue
				}
				if i == elem {
					if n.Raw.Length > 0 {
						at = p.Shape(n.Raw).Start
						return at.Line, at.Column
					}
					break
				}
				i++
			}
		} else if val.Raw.Length > 0 {
			at = p.Shape(val.Raw).Start
			return at.Line, at.Column
		}
		return line, col
	}
	return 0, 0
}

// ContentDir returns the absolute folder of the source articles.
func (c *Config) ContentDir() string { return c.abs(c.Content) }

// FolderLang is the language a folder of the locales folder named name
// is for, compared as tags (in any case: zh-hans is zh-Hans), and whether
// it is one of the project's: the source, a target or a pseudo-locale.
func (c *Config) FolderLang(name string) (string, bool) {
	tag, err := ParseTag(name)
	if err != nil {
		return "", false
	}
	_, _, pseudo := lang.Pseudo(tag)
	return tag, pseudo || tag == c.Source || slices.Contains(c.Languages, tag)
}

// LocalesDir returns the absolute folder of the catalogs.
func (c *Config) LocalesDir() string { return c.abs(c.Locales) }

// OutputDir returns the absolute folder of the rendered articles.
func (c *Config) OutputDir() string { return c.abs(c.Output) }

func (c *Config) abs(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	dir := c.Dir
	if dir == "" {
		dir, _ = filepath.Abs(".")
	}
	return filepath.Join(dir, p)
}

// Marshal returns the text of lingo.toml for c, commented, with the keys in
// the documented order; it is what `lingo init` writes.
func (c *Config) Marshal() []byte {
	var b bytes.Buffer
	b.WriteString("# lingo configuration. Folders are relative to this file.\n\n")
	b.WriteString("# BCP 47 tag of the language the articles are written in.\n")
	b.WriteString("source = " + tomlString(c.Source) + "\n\n")
	b.WriteString("# BCP 47 tags of the target languages.\n")
	b.WriteString("languages = " + tomlArray(c.Languages) + "\n\n")
	b.WriteString("# Source articles: <content>/**/*.md.\n")
	b.WriteString("content = " + tomlString(c.Content) + "\n\n")
	b.WriteString("# Catalogs: <locales>/<lang>/<slug>.<lang>.<format>.\n")
	b.WriteString("locales = " + tomlString(c.Locales) + "\n\n")
	b.WriteString("# Rendered articles: <output>/<lang>/<slug>.md and .html.\n")
	b.WriteString("output = " + tomlString(c.Output) + "\n\n")
	b.WriteString("# Catalog format: toml, json or yaml.\n")
	b.WriteString("format = " + tomlString(c.Format) + "\n\n")
	b.WriteString("# Front matter keys whose string values are translated.\n")
	b.WriteString("front_matter = " + tomlArray(c.FrontMatter) + "\n\n")
	b.WriteString("# Hugo shortcodes whose inner content is code, never translated.\n")
	b.WriteString("code_shortcodes = " + tomlArray(c.CodeShortcodes) + "\n\n")
	b.WriteString("# Rendered Markdown: dir (<output>/<lang>/<slug>.md) or suffix (<output>/<slug>.<lang>.md).\n")
	b.WriteString("layout = " + tomlString(cmp.Or(c.Layout, "dir")) + "\n\n")
	b.WriteString("# Front matter key that names a translation's language (\"\" for none).\n")
	b.WriteString("lang_key = " + tomlString(c.LangKey) + "\n\n")
	b.WriteString("# What a stale translation publishes as: source (safe) or translation.\n")
	b.WriteString("stale = " + tomlString(cmp.Or(c.Stale, "source")) + "\n\n")
	b.WriteString("# Percent of an article's messages published in their translation (current and\n# clean) for its page to be published as a translation.\n")
	b.WriteString("min_complete = " + strconv.FormatFloat(c.DefaultMinComplete, 'f', -1, 64) + "\n\n")
	b.WriteString("# What a page below min_complete shows: source (the source article, with a\n# notice in the reader's language) or none (the language index links to the source).\n")
	b.WriteString("fallback = " + tomlString(cmp.Or(c.Fallback, "source")) + "\n")
	b.WriteString("\n# Per language, e.g. to publish Arabic pages from 50% translated, and to fail\n# lingo check while less than 30% of Arabic is translated:\n# [lang.ar]\n# min_complete = 50\n# gate = 30\n")
	return b.Bytes()
}

// tomlString quotes s as a TOML string with go-toml, preferring a basic
// ("...") string where it holds exactly the same text as the literal
// ('...') string go-toml chooses.
func tomlString(s string) string {
	b, err := toml.Marshal(map[string]string{"v": s})
	if err != nil {
		// go-toml refuses only invalid UTF-8; keep the file loadable.
		b, _ = toml.Marshal(map[string]string{"v": strings.ToValidUTF8(s, "\uFFFD")})
	}
	q := strings.TrimSuffix(strings.TrimPrefix(string(b), "v = "), "\n")
	if strings.HasPrefix(q, "'") && !strings.HasPrefix(q, "'''") && !strings.ContainsAny(s, "\"\\") {
		return `"` + s + `"`
	}
	return q
}

func tomlArray(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
