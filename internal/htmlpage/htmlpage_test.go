package htmlpage_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/lingo-l10n/lingo/internal/htmlpage"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// alternates of an article in English, French and Arabic, seen from lang.
func alternates(current string) []htmlpage.Alternate {
	var out []htmlpage.Alternate
	for _, l := range []string{"en", "fr", "ar"} {
		href := "../" + l + "/ketamine.html"
		out = append(out, htmlpage.Alternate{Lang: l, Href: href, Current: l == current})
	}
	return out
}

const richBody = `# Ketamine and the Brain {#top}

Ketamine can provide *safe* and **rapid** relief[^1], with a response rate of
approximately 50-80% ([source](https://example.org/study "Study")).

## Mechanisms

- Increased BDNF: peak at 2-3 days.
- Lowering the Default Mode Network.
- [x] Read this
- [ ] Ask your doctor

| Dose | Effect |
|:-----|-------:|
| low  | 50-80% |

> Ketamine is not a cure.

` + "```go\nfmt.Println(\"<b>\")\n```\n" + `
Term
: Definition of the term.

<div class="note"><p>Raw <em>HTML</em> from the author.</p></div>

Inline ` + "`code`" + ` and ~~struck~~ text.

[^1]: A footnote.
`

var goldens = []struct {
	name string
	page htmlpage.Page
}{
	{"en_trusted", htmlpage.Page{
		Lang: "en", Title: "Ketamine and the Brain", Description: "How ketamine helps the brain heal.",
		Body: []byte(richBody), Alternates: alternates("en"), Trusted: true, IndexHref: "../index.html",
	}},
	{"fr_untrusted", htmlpage.Page{
		Lang: "fr", Title: "La kétamine et le cerveau", Description: "Comment « la kétamine » aide le cerveau.",
		Body: []byte(richBody), Alternates: alternates("fr"), IndexHref: "index.html", IndexTitle: "Tous les articles",
	}},
	{"ar_rtl", htmlpage.Page{
		Lang: "ar", Title: "الكيتامين والدماغ",
		Body: []byte("## الآليات\n\nيزيد الكيتامين من **BDNF** بنسبة 50-80%.\n\n| أ | ب |\n|:--|--:|\n| 1 | 2 |\n"), Alternates: alternates("ar"),
	}},
	{"hostile", htmlpage.Page{
		Lang: "de", Title: "Feindlich <b>&</b>", Body: []byte(hostile), Alternates: alternates("en")[:1],
	}},
}

const hostile = `# Titel

<script>alert(1)</script>

<img src=x onerror=alert(1)>

[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1)) and [z](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<a href="JaVaScRiPt:alert(1)">a</a> <a href="&#106;avascript:alert(1)">b</a> <a href="java	script:alert(1)">c</a>

<svg><script>alert(1)</script></svg>

<style>body{display:none}</style>

<iframe src="https://evil.example/"></iframe>

<p style="display:none" onclick="alert(1)" onmouseover="alert(1)">text</p>

</article></main><nav>outside</nav><object data="x.swf"></object><embed src="x.swf"><form action="https://evil.example/"><input type="text" name="q"><button>go</button></form>

<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">

<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

# Heading {onclick="alert(1)" style="display:none"}
`

func TestRenderGolden(t *testing.T) {
	for _, tc := range goldens {
		t.Run(tc.name, func(t *testing.T) {
			got, err := htmlpage.Render(tc.page)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name+".html", got)
			checkWellFormed(t, got)
		})
	}
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test -update and review the diff\ngot:\n%s", path, got)
	}
}

// page is what the tests read back from a rendered page.
type page struct {
	root                          *html.Node
	lang, dir, title, description string
	hasDescription                bool
	hreflang                      map[string]string // hreflang → href of <link rel=alternate>
	switcher                      []html.Node       // <a> of <nav>
	article                       *html.Node
	elements                      map[string]int
}

func parse(t *testing.T, b []byte) page {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	p := page{root: root, hreflang: map[string]string{}, elements: map[string]int{}}
	var walk func(n *html.Node, inNav bool)
	walk = func(n *html.Node, inNav bool) {
		if n.Type == html.ElementNode {
			p.elements[n.Data]++
			switch n.Data {
			case "html":
				p.lang, p.dir = attr(n, "lang"), attr(n, "dir")
			case "title":
				p.title = text(n)
			case "meta":
				if attr(n, "name") == "description" {
					p.description, p.hasDescription = attr(n, "content"), true
				}
			case "link":
				if attr(n, "rel") == "alternate" {
					p.hreflang[attr(n, "hreflang")] = attr(n, "href")
				}
			case "nav":
				inNav = true
			case "a":
				if inNav {
					p.switcher = append(p.switcher, *n)
				}
			case "article":
				if n.Parent != nil && n.Parent.Data == "main" {
					p.article = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inNav)
		}
	}
	walk(root, false)
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// voids are the elements that have no end tag.
var voids = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkWellFormed checks what an HTML5 validator would first complain
// about: the doctype, one html, head and body, a non-empty title, every
// element closed in order, no duplicate id, no external resource.
func checkWellFormed(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>\n")) {
		t.Errorf("no <!DOCTYPE html> first")
	}
	z := html.NewTokenizer(bytes.NewReader(b))
	var stack []string
	ids := map[string]bool{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			for _, a := range tok.Attr {
				if a.Key == "id" {
					if ids[a.Val] {
						t.Errorf("duplicate id %q", a.Val)
					}
					ids[a.Val] = true
				}
				if (a.Key == "src" || (a.Key == "href" && tok.Data != "a")) && strings.Contains(strings.ToLower(a.Val), "http") {
					t.Errorf("external resource: <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
			}
			if tok.Data == "script" {
				t.Errorf("script element in page")
			}
			if tt == html.StartTagToken && !voids[tok.Data] {
				stack = append(stack, tok.Data)
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != tok.Data {
				t.Fatalf("</%s> closes %v", tok.Data, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed elements: %v", stack)
	}
	p := parse(t, b)
	for _, el := range []string{"html", "head", "body", "title", "main", "article"} {
		if el == "article" && p.elements["table"] > 0 && p.elements["article"] == 0 {
			continue // an index page
		}
		if p.elements[el] > 1 {
			t.Errorf("%d <%s> elements", p.elements[el], el)
		}
	}
	if strings.TrimSpace(p.title) == "" {
		t.Errorf("empty <title>")
	}
	if p.elements["style"] != 1 {
		t.Errorf("%d <style> elements, want the page's own only", p.elements["style"])
	}
}

func TestRenderPage(t *testing.T) {
	tests := []struct {
		name      string
		page      htmlpage.Page
		lang, dir string
		title     string
		desc      string // "" means no meta description
		current   string
		h1        string // the article's first <h1>
	}{
		{"english", htmlpage.Page{Lang: "en", Title: "Ketamine", Description: "About ketamine.", Body: []byte("# Ketamine and the Brain\n\nText."), Alternates: alternates("en"), Trusted: true},
			"en", "ltr", "Ketamine", "About ketamine.", "en", "Ketamine and the Brain"},
		{"french, no h1 in body", htmlpage.Page{Lang: "fr", Title: "La kétamine & le cerveau", Body: []byte("Texte."), Alternates: alternates("fr")},
			"fr", "ltr", "La kétamine & le cerveau", "", "fr", "La kétamine & le cerveau"},
		{"arabic", htmlpage.Page{Lang: "ar", Title: "الكيتامين", Description: "وصف", Body: []byte("نص."), Alternates: alternates("ar")},
			"ar", "rtl", "الكيتامين", "وصف", "ar", "الكيتامين"},
		{"hebrew, title from the body", htmlpage.Page{Lang: "he", Body: []byte("# קטמין *והמוח*\n\nטקסט.")},
			"he", "rtl", "קטמין והמוח", "", "", "קטמין והמוח"},
		{"canonical tag", htmlpage.Page{Lang: "pt-br", Title: "Cetamina", Body: []byte("Texto.")},
			"pt-BR", "ltr", "Cetamina", "", "", "Cetamina"},
		{"pseudo bidi", htmlpage.Page{Lang: "en-XB", Title: "Ketamine", Body: []byte("Text.")},
			"en-XB", "rtl", "Ketamine", "", "", "Ketamine"},
		{"escaped description", htmlpage.Page{Lang: "en", Title: `<script>x</script>`, Description: `"><script>alert(1)</script>`, Body: []byte("Text.")},
			"en", "ltr", `<script>x</script>`, `"><script>alert(1)</script>`, "", `<script>x</script>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := htmlpage.Render(tc.page)
			if err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, out)
			p := parse(t, out)
			if p.lang != tc.lang || p.dir != tc.dir {
				t.Errorf("<html lang=%q dir=%q>, want lang=%q dir=%q", p.lang, p.dir, tc.lang, tc.dir)
			}
			if p.title != tc.title {
				t.Errorf("title %q, want %q", p.title, tc.title)
			}
			if p.hasDescription != (tc.desc != "") || p.description != tc.desc {
				t.Errorf("description %q (present %v), want %q", p.description, p.hasDescription, tc.desc)
			}
			if p.article == nil {
				t.Fatal("no <main><article>")
			}
			if h1 := first(p.article, "h1"); h1 == nil || text(h1) != tc.h1 {
				t.Errorf("article's h1 = %v, want %q", h1, tc.h1)
			} else if p.elements["h1"] != 1 {
				t.Errorf("%d h1 elements", p.elements["h1"])
			}
			if len(tc.page.Alternates) != len(p.hreflang) {
				t.Errorf("hreflang links %v, want %d", p.hreflang, len(tc.page.Alternates))
			}
			for _, a := range tc.page.Alternates {
				if p.hreflang[a.Lang] != a.Href {
					t.Errorf("hreflang %s = %q, want %q", a.Lang, p.hreflang[a.Lang], a.Href)
				}
			}
			if len(tc.page.Alternates) < 2 {
				if p.elements["nav"] != 0 {
					t.Errorf("a switcher for a single language")
				}
				return
			}
			if len(p.switcher) != len(tc.page.Alternates) {
				t.Fatalf("switcher has %d links, want %d", len(p.switcher), len(tc.page.Alternates))
			}
			for i, a := range tc.page.Alternates {
				link := &p.switcher[i]
				if attr(link, "href") != a.Href || attr(link, "hreflang") != a.Lang || attr(link, "lang") != a.Lang {
					t.Errorf("switcher link %d = %v, want href=%q hreflang=lang=%q", i, link.Attr, a.Href, a.Lang)
				}
				if text(link) != htmlpage.NativeName(a.Lang) {
					t.Errorf("switcher link %d says %q, want %q", i, text(link), htmlpage.NativeName(a.Lang))
				}
				if attr(link, "dir") != htmlpage.Dir(a.Lang) {
					t.Errorf("switcher link %d dir=%q", i, attr(link, "dir"))
				}
				if cur := attr(link, "aria-current") == "page"; cur != (a.Lang == tc.current) {
					t.Errorf("switcher link %s aria-current %v", a.Lang, cur)
				}
			}
		})
	}
}

func first(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := first(c, tag); f != nil {
			return f
		}
	}
	return nil
}

func TestRenderIndexLink(t *testing.T) {
	out, err := htmlpage.Render(htmlpage.Page{Lang: "fr", Title: "T", Body: []byte("x"), IndexHref: "../index.html"})
	if err != nil {
		t.Fatal(err)
	}
	p := parse(t, out)
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" && attr(n, "href") == "../index.html" {
			found = strings.Contains(text(n), "Français")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(p.root)
	if !found {
		t.Errorf("no link to ../index.html named Français:\n%s", out)
	}
}

// hostileParts are attacks a translation could carry, each rendered alone too.
var hostileParts = strings.Split(hostile, "\n\n")

func TestRenderUntrustedIsSanitized(t *testing.T) {
	for _, body := range append(hostileParts, hostile) {
		t.Run(body, func(t *testing.T) {
			out, err := htmlpage.Render(htmlpage.Page{Lang: "en", Title: "T", Body: []byte(body)})
			if err != nil {
				t.Fatal(err)
			}
			p := parse(t, out)
			for _, el := range []string{"script", "iframe", "svg", "math", "object", "embed", "form", "button", "base"} {
				if p.elements[el] > 0 {
					t.Errorf("<%s> survived", el)
				}
			}
			if p.elements["style"] != 1 {
				t.Errorf("%d <style> elements", p.elements["style"])
			}
			if p.elements["link"] != 0 || p.elements["meta"] != 2 {
				t.Errorf("%d <link> and %d <meta>", p.elements["link"], p.elements["meta"])
			}
			var walk func(*html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.ElementNode {
					for _, a := range n.Attr {
						v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
						if strings.HasPrefix(a.Key, "on") || (a.Key == "style" && n.Data != "head") ||
							strings.Contains(v, "javascript:") || strings.HasPrefix(v, "data:") {
							t.Errorf("<%s %s=%q> survived", n.Data, a.Key, a.Val)
						}
					}
					if n.Data == "input" && attr(n, "type") != "checkbox" {
						t.Errorf("<input %v> survived", n.Attr)
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(p.article)
			for _, s := range []string{"alert", "display:none", "evil.example"} {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("%q survived:\n%s", s, out)
				}
			}
		})
	}
}

func TestRenderTrustedKeepsHTML(t *testing.T) {
	body := "<div class=\"callout\" data-x=\"1\"><script>track()</script></div>\n\n[x](javascript:void(0))\n"
	out, err := htmlpage.Render(htmlpage.Page{Lang: "en", Title: "T", Body: []byte(body), Trusted: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<div class="callout" data-x="1"><script>track()</script></div>`, `href="javascript:void(0)"`} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("trusted HTML %s was changed:\n%s", s, out)
		}
	}
}

func TestRenderUntrustedKeepsMarkdown(t *testing.T) {
	out, err := htmlpage.Render(htmlpage.Page{Lang: "fr", Title: "T", Body: []byte(richBody)})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`<h1 id="top">`, `<a href="https://example.org/study" title="Study">source</a>`,
		`<code class="language-go">`, `<th class="align-start">`, `<td class="align-end">`,
		`<sup id="fnref:1"><a class="footnote-ref" href="#fn:1" role="doc-noteref">1</a></sup>`,
		`<div class="footnotes" role="doc-endnotes">`, `<input checked="" disabled="" type="checkbox"/>`,
		`<dl>`, `<blockquote>`, `<del>struck</del>`, `<div class="note">`,
	} {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("sanitizing lost %s:\n%s", s, out[bytes.Index(out, []byte("<body>")):])
		}
	}
}

func TestRenderErrors(t *testing.T) {
	tests := map[string]htmlpage.Page{
		"bad lang":       {Lang: "english", Title: "T"},
		"no lang":        {Title: "T"},
		"bad alternate":  {Lang: "en", Title: "T", Alternates: []htmlpage.Alternate{{Lang: "../x", Href: "x.html"}}},
		"alternate href": {Lang: "en", Title: "T", Alternates: []htmlpage.Alternate{{Lang: "fr"}}},
		"no title":       {Lang: "en", Body: []byte("## Not a title\n")},
		"invalid UTF-8":  {Lang: "en", Title: "T", Body: []byte("caf\xe9")},
	}
	for name, p := range tests {
		if out, err := htmlpage.Render(p); err == nil {
			t.Errorf("%s: no error:\n%s", name, out)
		}
	}
}

func TestRenderDeterministicAndConcurrent(t *testing.T) {
	want, err := htmlpage.Render(goldens[1].page)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := htmlpage.Render(goldens[1].page)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("a second render differs (err %v)", err)
			}
		})
	}
	wg.Wait()
}

func TestDir(t *testing.T) {
	tests := map[string]string{
		"en": "ltr", "fr": "ltr", "de": "ltr", "es": "ltr", "ja": "ltr", "zh-Hant": "ltr", "pt-BR": "ltr", "sr-Latn": "ltr", "sr": "ltr", "ru": "ltr", "hi": "ltr", "ku": "ltr",
		"ar": "rtl", "he": "rtl", "iw": "rtl", "fa": "rtl", "ur": "rtl", "yi": "rtl", "ps": "rtl", "sd": "rtl", "ckb": "rtl", "ug": "rtl", "dv": "rtl", "syr": "rtl", "nqo": "rtl",
		"ff-Adlm": "rtl", "pa-Arab": "rtl", "ku-Arab": "rtl", "ar-EG": "rtl", "ar-XB": "rtl", "en-XB": "rtl", "en-XA": "ltr",
		"": "ltr", "not a tag": "ltr",
	}
	for lang, want := range tests {
		if got := htmlpage.Dir(lang); got != want {
			t.Errorf("Dir(%q) = %q, want %q", lang, got, want)
		}
	}
}

func TestNativeName(t *testing.T) {
	tests := []struct{ lang, want string }{
		{"en", "English"},
		{"fr", "Français"},
		{"de", "Deutsch"},
		{"es", "Español"},
		{"ar", "العربية"},
		{"he", "עברית"},
		{"fa", "فارسی"},
		{"ur", "اردو"},
		{"ja", "日本語"},
		{"zh-Hant", "繁體中文"},
		{"pt-BR", "Português (Brasil)"},
		{"sr-Latn", "Srpski (latinica)"},
		{"sr-Cyrl", "Српски (ћирилица)"},
		{"tr", "Türkçe"},
		{"dv", "dv"},
		{"not a tag", "not a tag"},
	}
	for _, tc := range tests {
		if got := htmlpage.NativeName(tc.lang); got != tc.want {
			t.Errorf("NativeName(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}

var index = htmlpage.Index{
	Lang: "fr", Title: "Articles",
	Alternates: []htmlpage.Alternate{{Lang: "en", Href: "../en/index.html"}, {Lang: "fr", Href: "index.html", Current: true}, {Lang: "ar", Href: "../ar/index.html"}},
	Entries: []htmlpage.IndexEntry{
		{Slug: "ketamine", Title: "Ketamine and the Brain", Href: "../en/ketamine.html", Lang: "en", Percent: 100, Published: true},
		{Slug: "ketamine", Title: "La kétamine et le cerveau", Href: "ketamine.html", Lang: "fr", Percent: 99.6, Published: true, Note: "2 périmées"},
		{Slug: "ketamine", Title: "الكيتامين", Href: "../ar/ketamine.html", Lang: "ar", Percent: 40, Note: "sous le seuil"},
		{Slug: "guides/sleep", Title: "Sleep <well>", Href: "../en/guides/sleep.html", Lang: "en", Percent: 100, Published: true},
		{Slug: "guides/sleep", Title: "Dormir", Href: "guides/sleep.html", Lang: "fr", Percent: 0},
	},
}

func TestRenderIndex(t *testing.T) {
	out, err := htmlpage.RenderIndex(index)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "index.html", out)
	checkWellFormed(t, out)
	p := parse(t, out)
	if p.lang != "fr" || p.dir != "ltr" || p.title != "Articles" || len(p.hreflang) != 3 || len(p.switcher) != 3 {
		t.Errorf("lang=%q dir=%q title=%q hreflang=%v switcher=%d", p.lang, p.dir, p.title, p.hreflang, len(p.switcher))
	}
	table := first(p.root, "tbody")
	if table == nil {
		t.Fatal("no table body")
	}
	var links []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			links = append(links, attr(n, "href")+" "+attr(n, "hreflang"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(table)
	want := []string{"../en/ketamine.html en", "ketamine.html fr", "../en/guides/sleep.html en"}
	if strings.Join(links, "|") != strings.Join(want, "|") {
		t.Errorf("links %q, want the published entries %q", links, want)
	}
	var rows []string
	for tr := table.FirstChild; tr != nil; tr = tr.NextSibling {
		if tr.Type == html.ElementNode {
			var cells []string
			for td := tr.FirstChild; td != nil; td = td.NextSibling {
				var parts []string
				for c := td.FirstChild; c != nil; c = c.NextSibling {
					parts = append(parts, text(c))
				}
				cells = append(cells, strings.Join(strings.Fields(strings.Join(parts, " ")), " "))
			}
			rows = append(rows, strings.Join(cells, " | "))
		}
	}
	wantRows := []string{
		"La kétamine et le cerveau | 100 % | 99,6 % 2 périmées | 40 % sous le seuil",
		"Dormir | 100 % | 0 % | –",
	}
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}
}

func TestRenderIndexErrors(t *testing.T) {
	tests := map[string]htmlpage.Index{
		"bad lang":      {Lang: "xx-!", Title: "T"},
		"no title":      {Lang: "en"},
		"bad entry":     {Lang: "en", Title: "T", Entries: []htmlpage.IndexEntry{{Slug: "a", Lang: "english"}}},
		"two in a cell": {Lang: "en", Title: "T", Entries: []htmlpage.IndexEntry{{Slug: "a", Lang: "en"}, {Slug: "a", Lang: "en"}}},
	}
	for name, ix := range tests {
		if _, err := htmlpage.RenderIndex(ix); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// A table put together from rows rendered one at a time, each article's
// kept from an earlier run but the one that changed, is the index made
// whole.
func TestRenderTable(t *testing.T) {
	ix := index
	ix.Entries = append(slices.Clone(index.Entries), htmlpage.IndexEntry{Slug: "\x00all", Title: "Tous", Lang: "fr", Percent: 50})
	cols := []string{"en", "fr", "ar"}
	row := func(from, to int) []byte {
		t.Helper()
		r, err := htmlpage.RenderRow(ix.Lang, cols, ix.Entries[from:to])
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	kept := [][]byte{row(0, 3), row(3, 5), row(5, 6)}
	ix.Entries[4].Percent = 12.5 // guides/sleep in fr
	kept[1] = row(3, 5)
	got, err := htmlpage.RenderTable(htmlpage.Table{Lang: ix.Lang, Title: ix.Title, Alternates: ix.Alternates, Columns: cols},
		func(yield func([]byte, error) bool) {
			for _, r := range kept {
				if !yield(r, nil) {
					return
				}
			}
		})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := htmlpage.RenderIndex(ix)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, whole) || !bytes.Contains(got, []byte("12,5")) {
		t.Errorf("the table from kept rows differs from the index made whole:\n%s\nwant:\n%s", got, whole)
	}
	if _, err := htmlpage.RenderRow("fr", []string{"en"}, ix.Entries[0:3]); err == nil {
		t.Error("a row with an entry of no column: no error")
	}
	failing := func(yield func([]byte, error) bool) { yield(nil, errors.New("row 1 failed")) }
	if _, err := htmlpage.RenderTable(htmlpage.Table{Lang: "fr", Title: "T"}, failing); err == nil || !strings.Contains(err.Error(), "row 1 failed") {
		t.Errorf("a row that fails: error %v, want it", err)
	}
}
