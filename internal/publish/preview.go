package publish

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/workspace"
	"golang.org/x/net/html"
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
			ap.judged[l].Published[mark] = markOpen + ap.judged[l].Published[mark] + markClose
		} else { // shown in the source language
			c := *a
			c.Segs = slices.Clone(a.Segs)
			c.Segs[i].Text = markOpen + c.Segs[i].Text + markClose
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
	return markPassage(files[0].Data), nil
}

// markPassage turns the marks in the text of page into a <mark> element,
// and drops those that landed elsewhere (an attribute, the <title>).
func markPassage(page []byte) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(page))
	inTitle, opened, closed := false, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			inTitle = string(name) == "title" && tt == html.StartTagToken
		case html.TextToken:
			if !inTitle && !opened && bytes.Contains(raw, []byte(markOpen)) {
				raw = bytes.Replace(raw, []byte(markOpen), []byte(`<mark id="lingo-mark">`), 1)
				opened = true
			}
			if !inTitle && opened && !closed && bytes.Contains(raw, []byte(markClose)) {
				raw = bytes.Replace(raw, []byte(markClose), []byte(`</mark>`), 1)
				closed = true
			}
		}
		raw = bytes.ReplaceAll(raw, []byte(markOpen), nil)
		raw = bytes.ReplaceAll(raw, []byte(markClose), nil)
		out.Write(raw)
	}
	return out.Bytes()
}

// The marks Preview puts around the passage it highlights, as text: two
// characters of Unicode's private use area, which no page holds.
const (
	markOpen  = "\ue000"
	markClose = "\ue001"
)
