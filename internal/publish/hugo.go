package publish

// The Hugo profile (profile = "hugo" in lingo.toml): besides its own
// outputs, publishing writes a Hugo content tree in a root of its own,
// <output>/hugo/, so that it never collides with the standalone pages or
// with a site's home page:
//
//	hugo/content/<lang>/<slug>.md       every page, by content dir per language
//	hugo/i18n/<lang>.toml               lingo's notices, as go-i18n TOML (Hugo's i18n)
//	hugo/layouts/shortcodes/lingo-lang.html   lang and dir on passages shown in the source
//	hugo/layouts/partials/lingo-notice.html   the reader's notice, from the page's lingo params
//	hugo/layouts/partials/lingo-head.html     rel=canonical on a fallback page
//
// A page's front matter gets translationKey (its slug, which links its
// translations in Hugo) and a lingo params block: status (translated,
// partial, fallback or source), passages_in_source, source_lang, and, on a
// fallback page, canonical (the source page's address). Front matter is
// edited in place, never serialized again. A site mounts the tree (see
// examples/hugo/hugo.toml); lingo writes no site config.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/lingo-l10n/lingo/internal/workspace"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// The status of a page in its lingo params.
const (
	hugoTranslated = "translated"
	hugoPartial    = "partial"
	hugoFallback   = "fallback"
	hugoSource     = "source"
)

// The i18n IDs of lingo's notices in a Hugo site: lingo's own page words
// (pagewords), prefixed so that they never meet a site's own.
const (
	hugoNotTranslated = "lingoNotTranslated"
	hugoUpdating      = "lingoUpdating"
	hugoPassages      = "lingoPassages"
)

// hugo reports whether publishing writes the Hugo tree.
func (p Publisher) hugo() bool { return p.Config.Profile == "hugo" }

// hugoParams are a page's lingo params in Hugo.
type hugoParams struct {
	status    string
	inSource  int
	source    string
	canonical string // on a fallback page
	updating  bool   // on a fallback page whose translation went stale (beingUpdated)
}

// hugoPage renders article ap.a in lang as a page of the Hugo content
// tree: the Markdown page of pageFiles, with every passage shown in the
// source language marked (markHugo), and translationKey and the lingo
// params in its front matter. texts are the published translations.
func (p Publisher) hugoPage(ap *articlePages, lang string, texts map[string]string, sum pagebook.Summary) workspace.Pending {
	a, kind := ap.a, ap.kinds[lang]
	params := hugoParams{status: hugoSource, source: p.Config.Source}
	md := a.Src
	switch kind {
	case pageTranslation:
		params.status, params.inSource = hugoTranslated, sum.InSource
		if sum.InSource > 0 {
			params.status = hugoPartial
		}
	case pageFallback:
		params.status, params.inSource = hugoFallback, len(a.IDs)
		params.canonical = p.hugoCanonical(a.Slug)
		params.updating = p.beingUpdated(ap.judged[lang], lang)
	}
	if kind != pageSource {
		lookup := func(id string) (string, bool) { tr, ok := texts[id]; return tr, ok }
		md = withLangKey(article.Render(a.Src, a.Segs, a.IDs, p.markHugo(a, lookup)), p.Config.LangKey, lang)
	}
	return workspace.Pending{Path: p.OutPath(pagebook.HugoRel(lang, a.Slug)), Data: withHugoKeys(md, a.Slug, params)}
}

// hugoCanonical is the address of the source page of slug in a Hugo site
// that publishes the source language in its own folder
// (defaultContentLanguageInSubdir, as examples/hugo does), under [site]
// base_url when it is set. The shipped partial lingo-head.html prefers the
// source translation's own permalink, which holds whatever the site's
// configuration.
func (p Publisher) hugoCanonical(slug string) string {
	return strings.TrimSuffix(p.Config.Site.BaseURL, "/") + "/" + p.Config.Source + "/" + slug + "/"
}

// markHugo extends lookup for the Hugo tree: a prose message shown in the
// source language is marked with its language and direction in a form
// Hugo renders with its default Goldmark settings (raw HTML is dropped
// there): a heading gets a Goldmark attribute list, {lang="en"
// dir="ltr"}, on the heading itself; any other passage is wrapped in
// lingo's shortcode, {{< lingo-lang "en" "ltr" >}}…{{< /lingo-lang >}},
// which renders it inline in a span (every message is the inline text of
// one block). A paragraph's text is all of its paragraph, which Hugo then
// leaves unwrapped (a shortcode alone in a paragraph is a block of its
// own): the shortcode gets "p" and renders the paragraph itself, <p
// lang="en" dir="ltr">. Its lines are joined, so that no marker of the
// block around it (a quote's ">") falls inside the shortcode.
func (p Publisher) markHugo(a *workspace.Article, lookup func(string) (string, bool)) func(string) (string, bool) {
	src, dir := p.Config.Source, htmlpage.Dir(p.Config.Source)
	open := fmt.Sprintf(`{{< lingo-lang %q %q >}}`, src, dir)
	openP := fmt.Sprintf(`{{< lingo-lang %q %q "p" >}}`, src, dir)
	const closing = `{{< /lingo-lang >}}`
	attrs := fmt.Sprintf(` {lang=%q dir=%q}`, src, dir)
	return inSource(a, lookup, func(s *article.Segment) string {
		text := strings.ReplaceAll(s.Text, "\n", " ")
		switch s.Kind {
		case article.KindHeading:
			return text + attrs
		case article.KindParagraph, article.KindQuote, article.KindFootnote:
			return openP + text + closing
		}
		return open + text + closing
	})
}

// withHugoKeys adds translationKey (unless the front matter has one) and
// the lingo params block to the front matter of md, at its top, so that
// they stay top-level keys in TOML too; every other byte stays. An
// article without front matter gets YAML front matter.
func withHugoKeys(md []byte, slug string, params hugoParams) []byte {
	fm, err := frontmatter.Split(md)
	if err != nil {
		return md
	}
	nl := lineEnding(md)
	addKey := true
	if fm.Format != "" {
		if fields, err := frontmatter.Fields(md, fm, []string{"translationKey"}); err == nil && len(fields) > 0 {
			addKey = false
		}
	}
	pairs := [][2]string{{"status", quote(params.status)}, {"passages_in_source", strconv.Itoa(params.inSource)},
		{"source_lang", quote(params.source)}}
	if params.canonical != "" {
		pairs = append(pairs, [2]string{"canonical", quote(params.canonical)})
	}
	if params.updating {
		pairs = append(pairs, [2]string{"updating", "true"})
	}
	switch fm.Format {
	case frontmatter.JSON:
		if addKey {
			md = frontmatter.InsertJSONKey(md, fm, "translationKey", slug)
			if fm, err = frontmatter.Split(md); err != nil {
				return md
			}
		}
		var obj []string
		for _, kv := range pairs {
			obj = append(obj, quote(kv[0])+": "+kv[1])
		}
		// InsertJSONKey writes a string: insert one, then put the object in
		// its place (the pair is new, and the last of the object).
		const mark = "lingo-params"
		out := frontmatter.InsertJSONKey(md, fm, "lingo", mark)
		pair := []byte(quote("lingo") + ": " + quote(mark))
		at := bytes.LastIndex(out[:fm.End+len(out)-len(md)], pair)
		if at < 0 {
			return md
		}
		return slices.Concat(out[:at], []byte(quote("lingo")+": {"+strings.Join(obj, ", ")+"}"), out[at+len(pair):])
	case frontmatter.TOML:
		var b strings.Builder
		if addKey {
			b.WriteString("translationKey = " + quote(slug) + nl)
		}
		var obj []string
		for _, kv := range pairs {
			obj = append(obj, kv[0]+" = "+kv[1])
		}
		b.WriteString("lingo = { " + strings.Join(obj, ", ") + " }" + nl)
		return slices.Concat(md[:fm.Start], []byte(b.String()), md[fm.Start:])
	}
	var b strings.Builder
	if addKey {
		b.WriteString("translationKey: " + quote(slug) + nl)
	}
	b.WriteString("lingo:" + nl)
	for _, kv := range pairs {
		b.WriteString("  " + kv[0] + ": " + kv[1] + nl)
	}
	if fm.Format == "" {
		return slices.Concat(md[:fm.Body], []byte("---"+nl+b.String()+"---"+nl), md[fm.Body:])
	}
	return slices.Concat(md[:fm.Start], []byte(b.String()), md[fm.Start:])
}

// quote is s as a JSON string, which YAML (double-quoted) and TOML (basic
// string) read as the same text.
func quote(s string) string {
	b, err := json.Marshal(s)
	if err != nil { // invalid UTF-8 is replaced, never refused
		return `""`
	}
	return string(b)
}

// hugoSiteFiles are the files of the Hugo tree every page shares: the
// i18n file of each of langs, the shortcode and the partials.
func (p Publisher) hugoSiteFiles(words *pagewords.Words, langs []string) ([]workspace.Pending, error) {
	root := filepath.Join(p.Config.OutputDir(), pagebook.HugoDir)
	files := []workspace.Pending{
		{Path: filepath.Join(root, "layouts", "shortcodes", "lingo-lang.html"), Data: []byte(hugoShortcode)},
		{Path: filepath.Join(root, "layouts", "partials", "lingo-notice.html"), Data: []byte(hugoNotice)},
		{Path: filepath.Join(root, "layouts", "partials", "lingo-head.html"), Data: []byte(hugoHead)},
	}
	for _, lang := range langs {
		data, err := hugoI18n(words.For(lang), lang, p.Config.Source)
		if err != nil {
			return nil, fmt.Errorf("hugo i18n %s: %w", lang, err)
		}
		files = append(files, workspace.Pending{Path: filepath.Join(root, "i18n", lang+".toml"), Data: data})
	}
	return files, nil
}

// pluralForms are go-i18n's names of CLDR's plural forms.
var pluralForms = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// hugoI18n is the Hugo i18n file (go-i18n TOML) of lang: lingo's notices
// in lang's words, the language names filled in, and in each plural form
// of lang the count left to Hugo as {{ .Count }} (Hugo's i18n passes the
// number it is given as .Count).
func hugoI18n(words *pagewords.Page, lang, source string) ([]byte, error) {
	tag, err := language.Parse(words.Lang())
	if err != nil {
		tag = language.English
	}
	forms := map[string]string{}
	for n := range 201 {
		form := pluralForms[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
		if _, ok := forms[form]; ok || form == "" {
			continue
		}
		text, num := words.Passages(n, source), strconv.Itoa(n)
		if strings.Count(text, num) == 1 {
			text = strings.Replace(text, num, "{{ .Count }}", 1)
		}
		forms[form] = text
	}
	msgs := map[string]map[string]string{
		hugoNotTranslated: {"other": words.NotTranslated(source)},
		hugoUpdating:      {"other": words.Updating(source)},
		hugoPassages:      forms,
	}
	data, err := toml.Marshal(msgs)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# Written by lingo (profile = \"hugo\"): its notices in %s, from its page words;\n# lingo writes this file again on every build.\n\n", lang)
	return append([]byte(head), data...), nil
}

// hugoShortcode marks a passage shown in the source language with its
// language and direction: {{< lingo-lang "en" "ltr" >}}text{{< /lingo-lang >}}
// renders the text inline in a span, {{< lingo-lang "en" "ltr" "p" >}} as a
// paragraph of its own; text of several paragraphs (written by hand) gets a
// div.
const hugoShortcode = `{{- /* Written by lingo (profile = "hugo"): a passage shown in another language, with its language and direction. */ -}}
{{- $lang := .Get 0 -}}
{{- $dir := .Get 1 | default "ltr" -}}
{{- if in .Inner "\n\n" -}}
<div lang="{{ $lang }}" dir="{{ $dir }}">{{ .Inner | .Page.RenderString (dict "display" "block") }}</div>
{{- else if eq (.Get 2) "p" -}}
<p lang="{{ $lang }}" dir="{{ $dir }}">{{ .Inner | .Page.RenderString }}</p>
{{- else -}}
<span lang="{{ $lang }}" dir="{{ $dir }}">{{ .Inner | .Page.RenderString }}</span>
{{- end -}}
`

// hugoNotice renders the reader's notice from the page's lingo params, in
// the page's language (i18n/<lang>.toml).
const hugoNotice = `{{- /* Written by lingo (profile = "hugo"): the reader's notice, from the page's lingo params. Call it with the page: partial "lingo-notice.html" . */ -}}
{{- with .Params.lingo -}}
{{- if and (eq .status "fallback") .updating -}}
<p class="lingo-notice" role="note">{{ i18n "lingoUpdating" }}</p>
{{- else if eq .status "fallback" -}}
<p class="lingo-notice" role="note">{{ i18n "lingoNotTranslated" }}</p>
{{- else if eq .status "partial" -}}
<p class="lingo-notice" role="note">{{ i18n "lingoPassages" .passages_in_source }}</p>
{{- end -}}
{{- end -}}
`

// hugoHead links a fallback page to its source with rel=canonical: the
// source translation's permalink (Hugo links the two by translationKey),
// else the address in the page's lingo params.
const hugoHead = `{{- /* Written by lingo (profile = "hugo"): rel=canonical on a page shown in the source language. Call it in <head> with the page: partial "lingo-head.html" . */ -}}
{{- with .Params.lingo -}}
{{- if eq .status "fallback" -}}
{{- $href := .canonical -}}
{{- $source := .source_lang -}}
{{- range $.AllTranslations -}}
{{- if eq .Lang $source }}{{ $href = .Permalink }}{{ end -}}
{{- end }}
<link rel="canonical" href="{{ $href }}">
{{- end -}}
{{- end -}}
`
