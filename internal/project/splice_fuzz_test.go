package project

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
)

// spliceArticle has every kind of element a translation lands in.
const spliceArticle = `---
title: Dosing
description: "How much, and when"
---
# Dosing

A hard-wrapped paragraph
on two lines with ` + "`code`" + ` and [a link](https://example.com/guide "Guide").

- Item one
- Item two
  continued

1. First step

> A quote
> on two lines.
>
> > Nested quote.

| Dose | When |
|------|------|
| 2 mg | morning |

Text with a footnote.[^1]

<div class="note">
Note to the patient.
<img src="brain.png" alt="The brain" title="A brain">
</div>

{{< figure src="brain.png" alt="The brain" caption="How ketamine acts" >}}

See [the guide][guide] and ![an image](pic.png "Picture").

Term
: Its definition.

[guide]: https://example.com/guide "The guide"
[^1]: The footnote text.
`

// FuzzSplice splices an arbitrary translation into one element of a varied
// article and asserts lingo's promise: a translation that lingo publishes
// changes nothing but text. Either lingo keeps it out (an error-level
// finding), or the published article has the source's skeleton (blocks, raw
// HTML, shortcodes and their parameters), the same links, images and code,
// front matter that still reads, and HTML of which lingo's sanitizer strips
// nothing it does not strip of the source's. Its seeds are the attacks of issue 16.
func FuzzSplice(f *testing.F) {
	dir := f.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte(spliceArticle), 0o644); err != nil {
		f.Fatal(err)
	}
	cfg := config.Default("en", []string{"fr"})
	cfg.Dir = dir
	p := New(cfg)
	a, err := p.Load("a")
	if err != nil {
		f.Fatal(err)
	}
	kindAt := func(k article.Kind, field string) uint8 {
		for i, s := range a.Segs {
			if s.Kind == k && (field == "" || s.Field == field) {
				return uint8(i)
			}
		}
		f.Fatalf("no %s %s segment", k, field)
		return 0
	}
	para, h1, li, quote, th := kindAt(article.KindParagraph, ""), kindAt(article.KindHeading, ""), kindAt(article.KindListItem, ""), kindAt(article.KindQuote, ""), kindAt(article.KindTableHead, "")
	td, htm, alt, caption := kindAt(article.KindTableCell, ""), kindAt(article.KindHTML, ""), kindAt(article.KindShortcode, "alt"), kindAt(article.KindShortcode, "caption")
	title, attr := kindAt(article.KindFrontMatter, "title"), kindAt(article.KindAttribute, "")
	for _, seed := range []struct {
		seg uint8
		tr  string
	}{
		{para, "Para deux\n```"},
		{para, "Para deux\n<!--"},
		{para, "# Injected heading"},
		{para, "- devient liste"},
		{para, "> citation"},
		{para, "Para deux\n==="},
		{para, "\n\n    code"},
		{para, "Para\n\n[guide]: https://evil.example/"},
		{h1, "\n\n    <script>alert()</script><img src=https://evil.example/t.png onerror=alert()>"},
		{th, "\n\n    <script>alert()</script><img src=https://evil.example/t.png onerror=alert()>"},
		{td, "A | X"},
		{th, "A | X"},
		{htm, "Note \\<img src=x onerror=alert()>"},
		{htm, "Note\n\n# titre"},
		{li, "\n\n\t<img src=x onerror=alert()>"},
		{quote, "Une citation\n\nsur deux lignes."},
		{caption, "Comment agit la kétamine\\"},
		{alt, " src=https://evil.example/p.png title="},
		{alt, "titre\n# Injected"},
		{para, "Voir [lien](https://example.com\\\\@evil.example/)."},
		{para, "NUL \x00 et ESC \x1b[31m"},
		{title, "Posologie\"\nlang: xx"},
		{attr, "\" onerror=\"alert()"},
		// Plain translations, published.
		{para, "Un paragraphe\nsur deux lignes avec `code` et [un lien](https://example.com/guide \"Guide\")."},
		{h1, "Posologie"}, {li, "Premier"}, {quote, "Une citation\nsur deux lignes."}, {td, "2 mg"},
		{htm, "Note au patient."}, {attr, "Le « cerveau » ?"}, {caption, "Comment agit la \"kétamine\""}, {title, "Posologie : « dose »"},
	} {
		f.Add(seed.seg, seed.tr)
	}
	c := check.New(check.Options{})
	srcBody := spliceBody(f, []byte(spliceArticle))
	srcShape := p.Shapes().Parse(string(srcBody), a.Refs)
	srcSk := p.Shapes().Skeleton(srcBody)
	srcStripped := stripped(htmlOf(f, srcBody))
	f.Fuzz(func(t *testing.T, seg uint8, tr string) {
		if !utf8.ValidString(tr) {
			return // catalogs are UTF-8: catalog.Parse refuses anything else
		}
		i := int(seg) % len(a.Segs)
		ap := ArticlePlan{Slug: "a", Path: filepath.Join(dir, "locales", "fr", "a.fr.toml")}
		for k, s := range a.Segs {
			m := Message{ID: a.IDs[k], State: Missing, Source: s.Text}
			if k == i && tr != "" {
				m.State, m.Translation = Current, tr
			}
			ap.Messages = append(ap.Messages, m)
		}
		j := p.gate().Assess(c, a, "fr", ap)
		if _, ok := j.Published[a.IDs[i]]; !ok || tr == a.Segs[i].Text {
			return // kept out: a finding says why
		}
		md := article.Render(a.Src, a.Segs, a.IDs, func(id string) (string, bool) { s, ok := j.Published[id]; return s, ok })
		if _, err := markdown.New(markdown.Options{FrontMatter: cfg.FrontMatter}).Segments(md); err != nil {
			t.Fatalf("published %q in %s: the article no longer reads: %v", tr, a.Segs[i].Kind, err)
		}
		body := spliceBody(t, md)
		if was, now, differs := structure.Differs(srcSk, p.Shapes().Skeleton(body)); differs {
			t.Fatalf("published %q in %s: structure %q became %q\n%s", tr, a.Segs[i].Kind, was, now, body)
		}
		sh := p.Shapes().Parse(string(body), a.Refs)
		for what, pair := range map[string][2][]string{"links": {srcShape.Links, sh.Links}, "images": {srcShape.Images, sh.Images}, "code": {srcShape.Code, sh.Code}} {
			if !slices.Equal(sorted(pair[0]), sorted(pair[1])) {
				t.Fatalf("published %q in %s: %s %q became %q", tr, a.Segs[i].Kind, what, pair[0], pair[1])
			}
		}
		if got := stripped(htmlOf(t, body)); !subset(got, srcStripped) {
			t.Fatalf("published %q in %s: the sanitizer would strip %q (from the source: %q)", tr, a.Segs[i].Kind, got, srcStripped)
		}
	})
}

// spliceBody is md without its front matter, which must still read.
func spliceBody(t testing.TB, md []byte) []byte {
	fm, err := frontmatter.Split(md)
	if err != nil {
		t.Fatalf("front matter: %v\n%s", err, md)
	}
	if _, err := frontmatter.Fields(md, fm, []string{"title", "description"}); err != nil {
		t.Fatalf("front matter fields: %v\n%s", err, md)
	}
	return md[fm.Body:]
}

// htmlOf renders body as lingo's HTML pages do, before sanitizing.
func htmlOf(t testing.TB, body []byte) []byte {
	var out bytes.Buffer
	if err := markdown.Goldmark(goldmark.WithRendererOptions(html.WithUnsafe())).Convert(body, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// stripped lists the elements and attributes of h (by name) that lingo's
// sanitizer removes.
func stripped(h []byte) []string {
	kept := htmlTags(htmlpage.Sanitize(h))
	var out []string
	for _, tag := range htmlTags(h) {
		if i := slices.Index(kept, tag); i >= 0 {
			kept = slices.Delete(kept, i, i+1)
		} else {
			out = append(out, tag)
		}
	}
	return out
}

// subset reports whether every item of a is in b, as often.
func subset(a, b []string) bool {
	b = slices.Clone(b)
	for _, x := range a {
		i := slices.Index(b, x)
		if i < 0 {
			return false
		}
		b = slices.Delete(b, i, i+1)
	}
	return true
}

// htmlTags lists the elements of h with their attribute names, sorted.
func htmlTags(h []byte) []string {
	var tags []string
	z := xhtml.NewTokenizer(bytes.NewReader(h))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() {
		if tt == xhtml.StartTagToken || tt == xhtml.SelfClosingTagToken {
			tok := z.Token()
			var keys []string
			for _, at := range tok.Attr {
				keys = append(keys, at.Key)
			}
			slices.Sort(keys)
			tags = append(tags, tok.Data+" "+strings.Join(keys, " "))
		}
	}
	return sorted(tags)
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}
