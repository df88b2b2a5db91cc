package project

import (
	"fmt"
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
)

// markFallbacks extends lookup for HTML: a prose message shown in the
// source language is wrapped in a span that names its language and
// direction, so that screen readers switch voice and an English sentence in
// an Arabic page keeps its punctuation where it belongs.
func (p *Project) markFallbacks(a *Article, lookup func(string) (string, bool)) func(string) (string, bool) {
	segs := make(map[string]*article.Segment, len(a.IDs))
	for i, id := range a.IDs {
		segs[id] = &a.Segs[i]
	}
	open := fmt.Sprintf(`<span lang="%s" dir="%s">`, p.Config.Source, htmlpage.Dir(p.Config.Source))
	return func(id string) (string, bool) {
		if t, ok := lookup(id); ok {
			return t, true
		}
		s := segs[id]
		if s == nil || s.Escape != nil || s.Kind == article.KindHTML {
			return "", false
		}
		return open + s.Text + "</span>", true
	}
}

// relURL is the URL of file to, relative to the page at from.
func relURL(from, to string) string {
	r, err := filepath.Rel(filepath.Dir(from), to)
	if err != nil {
		return filepath.ToSlash(to)
	}
	return filepath.ToSlash(r)
}

// alternates lists the published languages of the page at path(lang).
func (p *Project) alternates(lang string, langs []string, published map[string]bool, path func(string) string) []htmlpage.Alternate {
	var out []htmlpage.Alternate
	for _, l := range langs {
		if published[l] {
			out = append(out, htmlpage.Alternate{Lang: l, Href: relURL(path(lang), path(l)),
				Name: htmlpage.NativeName(l), Current: l == lang})
		}
	}
	return out
}

// htmlPage renders the Markdown md of article a in lang as a page.
func (p *Project) htmlPage(lang string, a *Article, md []byte, langs []string, published map[string]bool) ([]byte, error) {
	fm, err := frontmatter.Split(md)
	if err != nil {
		return nil, err
	}
	fields, _ := frontmatter.Fields(md, fm, []string{"title", "description"})
	page := htmlpage.Page{Lang: lang, Title: a.Slug, Body: md[fm.Body:], Trusted: lang == p.Config.Source,
		Alternates: p.alternates(lang, langs, published, func(l string) string { return p.htmlPath(l, a.Slug) }),
		IndexHref:  relURL(p.htmlPath(lang, a.Slug), filepath.Join(p.Config.OutputDir(), lang, "index.html"))}
	for _, f := range fields {
		switch f.Field {
		case "title":
			page.Title = f.Text
		case "description":
			page.Description = f.Text
		}
	}
	return htmlpage.Render(page)
}

// title is the article's title: its front matter title, translated where
// cur (its current translations in a language, or nil) has it, else its
// slug.
func title(a *Article, cur map[string]string) string {
	for i, s := range a.Segs {
		if s.Kind == article.KindFrontMatter && s.Field == "title" {
			if t, ok := cur[a.IDs[i]]; ok {
				return t
			}
			return s.Text
		}
	}
	return a.Slug
}

// indexEntry is the ai-th article of sv in lang, listed on the index page
// at path, with the share of its messages current in lang.
func (p *Project) indexEntry(path string, sv *survey, ai int, lang string, published map[string]bool) htmlpage.IndexEntry {
	a, in := sv.arts[ai], sv.of(ai, lang)
	e := htmlpage.IndexEntry{Slug: a.slug, Title: in.title, Href: relURL(path, p.htmlPath(lang, a.slug)), Lang: lang,
		Published: published[lang], Percent: 100}
	if lang != p.Config.Source && a.msgs > 0 {
		e.Percent = float64(in.current) * 100 / float64(a.msgs)
	}
	return e
}

// langIndex renders <output>/<lang>/index.html.
func (p *Project) langIndex(lang string, sv *survey, published map[string]bool) ([]byte, error) {
	path := filepath.Join(p.Config.OutputDir(), lang, "index.html")
	ix := htmlpage.Index{Lang: lang, Title: htmlpage.NativeName(lang),
		Alternates: p.alternates(lang, p.publishOrder(published), published, func(l string) string {
			return filepath.Join(p.Config.OutputDir(), l, "index.html")
		})}
	for ai := range sv.arts {
		ix.Entries = append(ix.Entries, p.indexEntry(path, sv, ai, lang, published))
	}
	return htmlpage.RenderIndex(ix)
}

// mainIndex renders <output>/index.html: every article in every language,
// with its completeness.
func (p *Project) mainIndex(langs []string, sv *survey, published map[string]bool) ([]byte, error) {
	path := filepath.Join(p.Config.OutputDir(), "index.html")
	ix := htmlpage.Index{Lang: p.Config.Source, Title: "lingo"}
	for _, l := range langs {
		ix.Alternates = append(ix.Alternates, htmlpage.Alternate{Lang: l, Href: relURL(path, filepath.Join(p.Config.OutputDir(), l, "index.html")),
			Name: htmlpage.NativeName(l)})
	}
	for ai := range sv.arts {
		for _, l := range langs {
			e := p.indexEntry(path, sv, ai, l, published)
			if !e.Published {
				e.Note = "below min_complete: not published"
			}
			ix.Entries = append(ix.Entries, e)
		}
	}
	return htmlpage.RenderIndex(ix)
}

// publishOrder is the source, then the target languages, that are published.
func (p *Project) publishOrder(published map[string]bool) []string {
	var out []string
	for _, l := range append([]string{p.Config.Source}, p.Config.Languages...) {
		if published[l] {
			out = append(out, l)
		}
	}
	return out
}
