// Package hugotree makes what lingo adds to a Hugo content tree (profile
// = "hugo" in lingo.toml): the translationKey and lingo params block a
// page's front matter gets (WithKeys), edited in place, never serialized
// again; and the files every page shares (SiteFiles): lingo's notices as
// Hugo i18n files (go-i18n TOML) in each language's words, the shortcode
// that marks a passage shown in the source language, and the partials
// that show the reader's notice and link a fallback page to its source.
// Publishing (internal/publish) decides each page's params and writes the
// files.
package hugotree

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/lingo-l10n/lingo/internal/workspace"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// The status of a page in its lingo params.
const (
	Translated = "translated"
	Partial    = "partial"
	Fallback   = "fallback"
	Source     = "source"
)

// The i18n IDs of lingo's notices in a Hugo site: lingo's own page words
// (pagewords), prefixed so that they never meet a site's own.
const (
	notTranslated = "lingoNotTranslated"
	updating      = "lingoUpdating"
	passages      = "lingoPassages"
)

// Params are a page's lingo params in Hugo.
type Params struct {
	Status    string // Translated, Partial, Fallback or Source
	InSource  int    // passages shown in the source language
	Source    string // the source language
	Canonical string // on a fallback page: the source page's address
	Updating  bool   // on a fallback page whose translation went stale
}

// WithKeys adds translationKey (unless the front matter has one) and
// the lingo params block to the front matter of md, at its top, so that
// they stay top-level keys in TOML too; every other byte stays. An
// article without front matter gets YAML front matter.
func WithKeys(md []byte, slug string, params Params) []byte {
	fm, err := frontmatter.Split(md)
	if err != nil {
		return md
	}
	nl := frontmatter.LineEnding(md)
	addKey := true
	if fm.Format != "" {
		if fields, err := frontmatter.Fields(md, fm, []string{"translationKey"}); err == nil && len(fields) > 0 {
			addKey = false
		}
	}
	pairs := [][2]string{{"status", quote(params.Status)}, {"passages_in_source", strconv.Itoa(params.InSource)},
		{"source_lang", quote(params.Source)}}
	if params.Canonical != "" {
		pairs = append(pairs, [2]string{"canonical", quote(params.Canonical)})
	}
	if params.Updating {
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

// SiteFiles are the files of the Hugo tree at root every page shares:
// the shortcode, the partials, and the i18n file of each of langs
// (lingo's notices in its words; source is the source language).
func SiteFiles(root string, words *pagewords.Words, langs []string, source string) ([]workspace.Pending, error) {
	files := []workspace.Pending{
		{Path: filepath.Join(root, "layouts", "shortcodes", "lingo-lang.html"), Data: []byte(shortcode)},
		{Path: filepath.Join(root, "layouts", "partials", "lingo-notice.html"), Data: []byte(notice)},
		{Path: filepath.Join(root, "layouts", "partials", "lingo-head.html"), Data: []byte(head)},
	}
	for _, lang := range langs {
		data, err := i18n(words.For(lang), lang, source)
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

// i18n is the Hugo i18n file (go-i18n TOML) of lang: lingo's notices
// in lang's words, the language names filled in, and in each plural form
// of lang the count left to Hugo as {{ .Count }} (Hugo's i18n passes the
// number it is given as .Count).
func i18n(words *pagewords.Page, lang, source string) ([]byte, error) {
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
		notTranslated: {"other": words.NotTranslated(source)},
		updating:      {"other": words.Updating(source)},
		passages:      forms,
	}
	data, err := toml.Marshal(msgs)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# Written by lingo (profile = \"hugo\"): its notices in %s, from its page words;\n# lingo writes this file again on every build.\n\n", lang)
	return append([]byte(head), data...), nil
}

// shortcode marks a passage shown in the source language with its
// language and direction: {{< lingo-lang "en" "ltr" >}}text{{< /lingo-lang >}}
// renders the text inline in a span, {{< lingo-lang "en" "ltr" "p" >}} as a
// paragraph of its own; text of several paragraphs (written by hand) gets a
// div.
const shortcode = `{{- /* Written by lingo (profile = "hugo"): a passage shown in another language, with its language and direction. */ -}}
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

// notice renders the reader's notice from the page's lingo params, in
// the page's language (i18n/<lang>.toml).
const notice = `{{- /* Written by lingo (profile = "hugo"): the reader's notice, from the page's lingo params. Call it with the page: partial "lingo-notice.html" . */ -}}
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

// head links a fallback page to its source with rel=canonical: the
// source translation's permalink (Hugo links the two by translationKey),
// else the address in the page's lingo params.
const head = `{{- /* Written by lingo (profile = "hugo"): rel=canonical on a page shown in the source language. Call it in <head> with the page: partial "lingo-head.html" . */ -}}
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
