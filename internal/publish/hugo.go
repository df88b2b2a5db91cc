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
	"fmt"
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/hugotree"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// hugo reports whether publishing writes the Hugo tree.
func (p Publisher) hugo() bool { return p.Config.Profile == "hugo" }

// hugoSiteFiles are the files of the Hugo tree every page shares
// (hugotree.SiteFiles), in langs.
func (p Publisher) hugoSiteFiles(words *pagewords.Words, langs []string) ([]workspace.Pending, error) {
	return hugotree.SiteFiles(filepath.Join(p.Config.OutputDir(), pagebook.HugoDir), words, langs, p.Config.Source)
}

// hugoPage renders article ap.a in lang as a page of the Hugo content
// tree: the Markdown page of pageFiles, with every passage shown in the
// source language marked (markHugo), and translationKey and the lingo
// params in its front matter. texts are the published translations.
func (p Publisher) hugoPage(ap *articlePages, lang string, texts map[string]string, sum pagebook.Summary) workspace.Pending {
	a, kind := ap.a, ap.kinds[lang]
	params := hugotree.Params{Status: hugotree.Source, Source: p.Config.Source}
	md := a.Src
	switch kind {
	case pageTranslation:
		params.Status, params.InSource = hugotree.Translated, sum.InSource
		if sum.InSource > 0 {
			params.Status = hugotree.Partial
		}
	case pageFallback:
		params.Status, params.InSource = hugotree.Fallback, len(a.IDs)
		params.Canonical = p.hugoCanonical(a.Slug)
		params.Updating = p.beingUpdated(ap.judged[lang], lang)
	}
	if kind != pageSource {
		lookup := func(id string) (string, bool) { tr, ok := texts[id]; return tr, ok }
		md = frontmatter.SetKey(article.Render(a.Src, a.Segs, a.IDs, p.markHugo(a, lookup)), p.Config.LangKey, lang)
	}
	return workspace.Pending{Path: p.OutPath(pagebook.HugoRel(lang, a.Slug)), Data: hugotree.WithKeys(md, a.Slug, params)}
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
