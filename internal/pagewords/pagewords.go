// Package pagewords holds lingo's own words on the pages it publishes: the
// notices on untranslated and partly translated pages, the index headings,
// the language switcher's label and the link texts. They are go-i18n
// message files embedded in the binary (locales/active.<lang>.toml, for en,
// es, fr, de and ar), localized through go-i18n's Localizer with CLDR plural
// forms, falling back to English message by message; a project overrides or
// adds words with its own message files (New(dirs...)). Each method returns
// plain text, never empty: callers escape it for HTML.
//
//	words, err := pagewords.New(projectLocalesDir)
//	page := words.For("fr")
//	page.Passages(3, "en") // "3 passages de cette page sont affichés en anglais, …"
package pagewords

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/lang"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The message IDs, one per method of Page.
const (
	idNotTranslated = "NotTranslated"
	idPassages      = "Passages"
	idArticles      = "Articles"
	idLanguages     = "Languages"
	idInSource      = "InSource"
	idStatus        = "Status"
	idReading       = "Reading"
	idSentences     = "SentenceLength"
	idDrafts        = "Drafts"
	idPageOf        = "PageOf"
	idSourceVersion = "SourceVersion"
	idUpdating      = "Updating"
	idMarked        = "Marked"
	idMarkTitle     = "MarkTitle"
)

//go:embed locales/*.toml
var locales embed.FS

// localesDir is where the embedded message files are in locales.
const localesDir = "locales"

// extensions are the message file formats New reads from a project's
// directories, each with its go-i18n unmarshaler ("json" is go-i18n's own).
var extensions = map[string]i18n.UnmarshalFunc{
	"toml": toml.Unmarshal,
	"json": nil,
	"yaml": yaml.Unmarshal,
	"yml":  yaml.Unmarshal,
}

// Words is lingo's words in every language it has them in: the embedded
// message files and a project's. It is immutable after New and safe for
// concurrent use.
type Words struct {
	bundle *i18n.Bundle
	// tags are the bundle's languages, English first, then in load order.
	tags    []language.Tag
	matcher language.Matcher
	// localizers has one Localizer per tag, each for that tag alone.
	localizers map[language.Tag]*i18n.Localizer
	// embedded localizes English from the embedded files alone: the last
	// resort when a project's English override is broken.
	embedded *i18n.Localizer
}

func newBundle() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	for ext, f := range extensions {
		if f != nil {
			b.RegisterUnmarshalFunc(ext, f)
		}
	}
	return b
}

// loadEmbedded loads every embedded message file into b.
func loadEmbedded(b *i18n.Bundle) error {
	entries, err := fs.ReadDir(locales, localesDir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := path.Join(localesDir, e.Name())
		if _, err := b.LoadMessageFileFS(locales, name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// New returns lingo's words from the embedded message files, then from every
// *.toml, *.json, *.yaml (or *.yml) file directly in each of dirs, in order:
// a project's own message files, named like go-i18n's ("active.fr.toml",
// "fr.json"). A message ID that is already known replaces lingo's words in
// that language; a new language adds it. A dir that does not exist is
// skipped, and so are dot files. A file that go-i18n cannot load (malformed,
// named for no language, or for one without CLDR plural rules in go-i18n) is
// an error that starts with its path: "dir/active.fr.toml: toml: …".
func New(dirs ...string) (*Words, error) {
	b := newBundle()
	if err := loadEmbedded(b); err != nil {
		return nil, err
	}
	base := newBundle()
	if err := loadEmbedded(base); err != nil {
		return nil, err
	}
	for _, dir := range dirs {
		if err := loadDir(b, dir); err != nil {
			return nil, err
		}
	}
	tags := append([]language.Tag(nil), b.LanguageTags()...)
	w := &Words{
		bundle:     b,
		tags:       tags,
		matcher:    language.NewMatcher(tags),
		localizers: make(map[language.Tag]*i18n.Localizer, len(tags)),
		embedded:   i18n.NewLocalizer(base, language.English.String()),
	}
	for _, t := range tags {
		w.localizers[t] = i18n.NewLocalizer(b, t.String())
	}
	return w, nil
}

// loadDir loads the message files directly in dir into b, in name order.
func loadDir(b *i18n.Bundle, dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(dir), err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
		if _, ok := extensions[ext]; !ok {
			continue
		}
		file := filepath.Join(dir, name)
		buf, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.ToSlash(file), err)
		}
		// go-i18n takes the language and format from the name: give it the
		// format in lower case.
		f, err := i18n.ParseMessageFileBytes(buf, strings.TrimSuffix(name, filepath.Ext(name))+"."+ext, extensions)
		if err == nil && f.Tag == language.Und {
			err = errors.New("no language in the file name (want e.g. active.fr.toml)")
		}
		if err == nil {
			err = b.AddMessages(f.Tag, f.Messages...)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.ToSlash(file), err)
		}
	}
	return nil
}

// Langs returns the languages that have words, as BCP 47 tags: "en" first,
// then the embedded ones and a project's, in the order they were loaded.
func (w *Words) Langs() []string {
	s := make([]string, len(w.tags))
	for i, t := range w.tags {
		s[i] = t.String()
	}
	return s
}

// For returns the words for a page in lang, a BCP 47 tag. It picks the
// language as go-i18n's Localizer does for the preferences [lang, "en"]: a
// regional variant uses its language ("fr-CA" uses fr, "es-MX" es, unless a
// project has words for it), and any language without words, or a tag that
// does not parse, uses English.
func (w *Words) For(lang string) *Page {
	req, err := language.Parse(lang)
	if err != nil {
		req = language.Und
	}
	use := language.English
	if req != language.Und {
		if _, i, conf := w.matcher.Match(req, language.English); conf != language.No {
			use = w.tags[i]
		}
	}
	p := &Page{lang: use, requested: strings.TrimSpace(lang)}
	if req != language.Und {
		p.requested = req.String()
	}
	// Message by message: the page's language, its parents that have
	// words (en-GB, then en), English, then the embedded English.
	seen := map[language.Tag]bool{}
	for t := use; ; t = t.Parent() {
		if l := w.localizers[t]; l != nil && !seen[t] {
			seen[t] = true
			p.chain = append(p.chain, step{t, l})
		}
		if t.IsRoot() {
			break
		}
	}
	if !seen[language.English] {
		p.chain = append(p.chain, step{language.English, w.localizers[language.English]})
	}
	p.chain = append(p.chain, step{language.English, w.embedded})
	p.namer = display.Tags(use)
	return p
}

// step is one language in a Page's fallback chain.
type step struct {
	tag       language.Tag
	localizer *i18n.Localizer
}

// Page is the words for one page in one language. It is immutable and safe
// for concurrent use.
type Page struct {
	lang      language.Tag
	requested string
	chain     []step
	namer     display.Namer // nil if x/text has no names in lang
	// texts are the texts localized so far, by message, data and count: the
	// status page of 10,000 articles in 10 languages asks for the same few
	// notes 110,000 times.
	texts sync.Map
}

// Lang returns the language that the page's words are in: a language that
// has words, "en" when For fell back to English.
func (p *Page) Lang() string { return p.lang.String() }

// Requested returns the language that For was asked for, in canonical form
// ("fr-CA"), or as given if it did not parse.
func (p *Page) Requested() string { return p.requested }

// LanguageName returns the name of the language tag in p's language
// (For("fr").LanguageName("en") is "anglais"), else that language's own
// name for itself, else tag itself.
func (p *Page) LanguageName(tag string) string {
	if base, label, ok := lang.Pseudo(tag); ok {
		return p.LanguageName(base) + " (" + label + ")"
	}
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if p.namer != nil {
		if n := p.namer.Name(t); n != "" {
			return n
		}
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return tag
}

// NotTranslated returns the notice on a page shown in the source language
// because the article is not (yet) translated into the page's requested
// language: "This article is not yet translated into French: it is shown in
// English." Its message gets {{.Language}}, the name of Requested() (of
// Lang() if that is empty), and {{.Source}}, the name of source, both from
// LanguageName.
func (p *Page) NotTranslated(source string) string {
	return p.localize(idNotTranslated, p.data(source), nil)
}

// Passages returns the notice on a translated page on which n passages are
// still shown in the source language, in the plural form that CLDR gives n
// in p's language: "3 passages of this page are shown in English, because
// their translation is not ready yet." Its message gets {{.Count}} (n, in
// ASCII digits), {{.PluralCount}} (the same), {{.Language}} and {{.Source}}.
func (p *Page) Passages(n int, source string) string {
	data := p.data(source)
	data["Count"] = n
	data["PluralCount"] = n
	return p.localize(idPassages, data, n)
}

// Updating returns the notice on a page shown in the source language
// because its translation went stale and is being updated (the page would
// be published as a translation once its stale entries are): "The
// translation of this article into French is being updated: until it is
// ready, the article is shown in English." It gets the data of NotTranslated.
func (p *Page) Updating(source string) string {
	return p.localize(idUpdating, p.data(source), nil)
}

// Marked returns the sentence after the Passages notice that tells how a
// page marks the passages shown in source: "Passages in English are
// underlined with dots; point at one to see why."
func (p *Page) Marked(source string) string { return p.localize(idMarked, p.data(source), nil) }

// MarkTitle returns the hover text of a passage shown in source: "Shown in
// English: the translation is not ready yet."
func (p *Page) MarkTitle(source string) string { return p.localize(idMarkTitle, p.data(source), nil) }

// Articles returns the heading of the index of articles: "Articles".
func (p *Page) Articles() string { return p.localize(idArticles, p.data(""), nil) }

// Languages returns the language switcher's label: "Languages".
func (p *Page) Languages() string { return p.localize(idLanguages, p.data(""), nil) }

// InSource returns the mark beside an untranslated article in the index,
// linked to the article in source: "(in English)".
func (p *Page) InSource(source string) string {
	return p.localize(idInSource, p.data(source), nil)
}

// Status returns the heading of the translation status page: "Translation
// status".
func (p *Page) Status() string { return p.localize(idStatus, p.data(""), nil) }

// Reading returns how hard a page reads, on the status page: "grade 15.3,
// reading ease 19.5 (Flesch–Kincaid grade, Flesch reading ease)". Its
// message gets {{.Grade}}, {{.Ease}} and {{.Formula}}, as given.
func (p *Page) Reading(grade, ease, formula string) string {
	return p.filled(idReading, "Grade", grade, "Ease", ease, "Formula", formula)
}

// filled is message id with its data's values as given, in pairs of name
// and value: the message is localized once per page with a marker in
// place of each value, then the markers are replaced (the status page
// shows a different reading level in each of its 110,000 cells at
// 10,000 articles × 10 languages).
func (p *Page) filled(id string, pairs ...string) string {
	data := p.data("")
	for i := 0; i < len(pairs); i += 2 {
		data[pairs[i]] = "\x1f" + pairs[i] + "\x1f"
	}
	text := p.localize(id, data, nil)
	for i := 0; i < len(pairs); i += 2 {
		text = strings.ReplaceAll(text, "\x1f"+pairs[i]+"\x1f", pairs[i+1])
	}
	return text
}

// Drafts returns, on the status page, how many entries of a page are
// machine drafts no person has read yet (lingo draft), in the plural form
// CLDR gives n in the page's language: "3 machine drafts, not published
// until a person edits or reviews them".
func (p *Page) Drafts(n int) string {
	data := p.data("")
	data["Count"] = n
	data["PluralCount"] = n
	return p.localize(idDrafts, data, n)
}

// SentenceLength returns the mean sentence length of a page in a language
// without a reading formula, on the status page: "18.2 words a sentence".
// Its message gets {{.Words}}, as given.
func (p *Page) SentenceLength(words string) string {
	return p.filled(idSentences, "Words", words)
}

// PageOf returns the page number at the foot of a printed handout: "Page
// 2 of 5". Its message gets {{.Page}} and {{.Pages}}: page and pages as
// given (a printer's placeholders for the numbers it fills in).
func (p *Page) PageOf(page, pages string) string {
	data := p.data("")
	data["Page"], data["Pages"] = page, pages
	return p.localize(idPageOf, data, nil)
}

// SourceVersion returns the line of a printed handout that says which
// version of the source article it was made from: "Made from source
// version 3f2a9c1e0b7d". Its message gets {{.Version}}, version as given.
func (p *Page) SourceVersion(version string) string {
	data := p.data("")
	data["Version"] = version
	return p.localize(idSourceVersion, data, nil)
}

// data is the template data that every message gets.
func (p *Page) data(source string) map[string]any {
	lang := p.requested
	if lang == "" {
		lang = p.Lang()
	}
	return map[string]any{"Language": p.name(lang), "Source": p.name(source)}
}

// name is LanguageName(tag), once per page and tag.
func (p *Page) name(tag string) string {
	key := "\x00name " + tag
	if name, ok := p.texts.Load(key); ok {
		return name.(string)
	}
	name := p.LanguageName(tag)
	p.texts.Store(key, name)
	return name
}

// localize returns message id in the first language of p's chain that has
// it and gives a non-blank text, else id itself.
func (p *Page) localize(id string, data map[string]any, count any) string {
	key := fmt.Sprintf("%s\x00%v\x00%v", id, data, count) // fmt prints a map sorted by key
	if text, ok := p.texts.Load(key); ok {
		return text.(string)
	}
	text, _ := p.lookup(id, data, count)
	p.texts.Store(key, text)
	return text
}

// lookup is localize that also tells which language the text came from
// (language.Und for id itself).
func (p *Page) lookup(id string, data map[string]any, count any) (string, language.Tag) {
	for _, s := range p.chain {
		text, tag, err := s.localizer.LocalizeWithTag(&i18n.LocalizeConfig{
			MessageID:    id,
			TemplateData: data,
			PluralCount:  count,
		})
		// go-i18n answers a message missing in s.tag with English and a
		// MessageNotFoundErr: that is for a later step. Any other error
		// (a plural form missing from a project's file) leaves go-i18n's
		// best effort, the "other" form, which is still in s.tag.
		var notFound *i18n.MessageNotFoundErr
		if errors.As(err, &notFound) || tag != s.tag || strings.TrimSpace(text) == "" {
			continue
		}
		return text, s.tag
	}
	return id, language.Und
}
