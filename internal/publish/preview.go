package publish

import (
	"fmt"
	"slices"

	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Preview renders the HTML page of article slug in lang as lingo render
// --format html does, but always as a translation (also where the page is
// published as the source article, below min_complete), from the catalog
// on disk or with draft, when not nil, in place of its entry. The passage
// of message mark, when not "", is wrapped in <mark id="lingo-mark">.
func (p Publisher) Preview(lang, slug string, draft *gate.Draft, mark string) ([]byte, error) {
	a, err := p.LoadArticle(slug)
	if err != nil {
		return nil, err
	}
	run, err := p.newPublishRun(PublishOptions{Langs: []string{lang}, Formats: []string{"html"}}, workspace.NoProgress{})
	if err != nil {
		return nil, err
	}
	ap, err := p.judgeAll(run, a, map[string]*gate.Draft{lang: draft}, nil)
	if err != nil {
		return nil, err
	}
	ap.kinds[lang] = pageTranslation
	if i := slices.Index(a.IDs, mark); i >= 0 {
		if l := p.shownFrom(ap, p.Chain(lang), i); l != "" {
			ap.judged[l].Published[mark] = htmlpage.MarkOpen + ap.judged[l].Published[mark] + htmlpage.MarkClose
		} else { // shown in the source language
			c := *a
			c.Segs = slices.Clone(a.Segs)
			c.Segs[i].Text = htmlpage.MarkOpen + c.Segs[i].Text + htmlpage.MarkClose
			ap.a = &c
		}
	}
	files, _, err := p.pageFiles(run, ap, lang)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s has no page in %s", slug, lang)
	}
	return htmlpage.MarkPassage(files[0].Data), nil
}
