// Package htmlpage renders articles and the index of a site as standalone
// HTML5 pages: one file each, with its styles inline and nothing loaded from
// anywhere else. A page carries its language and direction (<html lang dir>),
// its title and description, a <link rel="alternate" hreflang> for every
// language of the article and a switcher that names each language in its
// own tongue. The Markdown body is rendered with the goldmark configuration
// lingo parses with (markdown.Goldmark), raw HTML included; the HTML of an
// untrusted body (a translation) is then sanitized with bluemonday, while a
// trusted one (the publisher's source) is kept as written. Output is
// deterministic: the same Page gives the same bytes.
package htmlpage

import (
	"bytes"
	"cmp"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"iter"
	"math"
	"regexp"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/lingo-l10n/lingo/internal/lang"
	"github.com/lingo-l10n/lingo/internal/markdown"
)

// InSourceClass is the class of a passage that a translated page shows in
// another language (its source): the page's style underlines it with dots,
// subtly, and the notice says so in the reader's language.
const InSourceClass = "in-source"

// Alternate is one language of a page, for its hreflang links and its
// language switcher.
type Alternate struct {
	Lang    string // BCP 47 tag
	Href    string // relative URL of that language's page, from this page
	Name    string // the language's name in its own tongue; "" gives NativeName(Lang)
	Current bool   // this page's own language
}

// Page is one rendered article.
type Page struct {
	Lang, Title, Description string
	// Body is the article's Markdown body, front matter removed.
	Body []byte
	// Alternates are every language of the article, this one included, in
	// display order.
	Alternates []Alternate
	// Trusted says Body is the publisher's own: its raw HTML is kept as
	// written. An untrusted body (a translation) is sanitized.
	Trusted bool
	// IndexHref links back to the index of this language ("index.html",
	// "../index.html"); "" for no link.
	IndexHref string
	// IndexTitle is the text of the link to IndexHref; "" gives the
	// language's native name.
	IndexTitle string
	// Notice is shown above the article, in the page's language: that the
	// article, or some passages of it, are shown in the source language.
	Notice string
	// BodyLang is the language of Body when it is not Lang (a page that
	// shows the source article at a translation's address).
	BodyLang string
	// Canonical is the URL of the page search engines should index
	// instead of this one (the source article, for such a page).
	Canonical string
}

// List is a page that lists links: a language's articles, or the site's
// languages.
type List struct {
	Lang, Title string
	Heading     string // above the list; "" for none
	Items       []ListItem
	Alternates  []Alternate // the list in every language, this one included
	// Footer links under the list (the status page, the index).
	Footer []ListItem
}

// ListItem is one link of a List.
type ListItem struct {
	Title string
	Href  string
	Lang  string // the language of Title and of the linked page, when it is not the list's
	Mark  string // shown after the link, in the list's language ("(in English)")
}

// IndexEntry is one article in one language, a cell of the index table.
type IndexEntry struct {
	// Slug identifies the article: the entries with the same Slug make one
	// row. "" groups by Title.
	Slug  string
	Title string // the article's title in Lang
	Href  string // relative URL of the page, from the index
	Lang  string // BCP 47 tag
	// Percent is how complete the translation is, from 0 to 100.
	Percent float64
	// Published entries are linked; the others only show their percent.
	Published bool
	Note      string // shown under the percent ("stale", "below threshold")
	Reading   string // how hard the page reads, shown under the note
}

// Index is a table of articles (rows) by languages (columns).
type Index struct {
	Lang, Title string
	// Entries are the cells, in display order: rows appear in the order of
	// their first entry, columns in the order of their language's first
	// entry.
	Entries []IndexEntry
	// Alternates are the index in every language, this one included.
	Alternates []Alternate
}

//go:embed page.tmpl
var pageTmpl string

//go:embed style.css
var styleCSS string

// Read-only after initialization, and safe for concurrent use.
var (
	templates = template.Must(template.New("htmlpage").Parse(pageTmpl))
	md        = markdown.Goldmark(goldmark.WithRendererOptions(html.WithUnsafe()))
	policy    = newPolicy()
)

// newPolicy is bluemonday's policy for user content, plus what goldmark's
// output needs: classes for code highlighting and footnotes, ARIA roles of
// footnotes, and the disabled checkboxes of task lists. It never allows
// script, style, iframe, object, svg, forms, event handlers or URLs other than
// relative, http, https and mailto.
func newPolicy() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	// The body is the publisher's article, translated: its links are not
	// spam to disown.
	p.RequireNoFollowOnLinks(false)
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^[\w\- ]*$`)).
		OnElements("code", "pre", "span", "div", "a", "sup", "li", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6")
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^doc-(noteref|endnotes|backlink|footnote)$`)).
		OnElements("a", "div", "section", "sup", "li")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").Matching(regexp.MustCompile(`^(|checked|disabled)$`)).OnElements("input")
	// Text attributes hold translated prose, in any script and with any
	// punctuation (« », ¿, quotes): bluemonday's pattern for them keeps only
	// some, and would drop a French alt. Their values are escaped on output.
	p.AllowAttrs("alt", "title").Globally()
	return p
}

// Sanitize is what a translation's HTML becomes on a page: what lingo's
// sanitizer (bluemonday's policy for user content, with what goldmark's
// output needs) keeps of it.
func Sanitize(html []byte) []byte { return policy.SanitizeBytes(html) }

// Render returns the HTML page of an article. It fails on a language tag
// that is not BCP 47, a body that is not UTF-8, or a page with no title
// (neither Title nor a level-1 heading in Body).
func Render(p Page) ([]byte, error) {
	tag, err := lang.Parse(p.Lang)
	if err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	alts, err := alternates(p.Alternates)
	if err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	body, h1, hasH1, err := renderBody(p.Body, p.Trusted)
	if err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	title := p.Title
	if title == "" {
		title = h1
	}
	if title == "" {
		return nil, errors.New("render page: no title: neither Title nor a level-1 heading")
	}
	indexTitle := p.IndexTitle
	if indexTitle == "" {
		indexTitle = NativeName(tag)
	}
	v := pageView{
		shell: shell{
			Lang: tag, Dir: Dir(tag), Title: title, Description: p.Description,
			CSS: template.CSS(styleCSS), Alternates: alts, Switcher: len(alts) > 1,
			IndexHref: p.IndexHref, IndexTitle: indexTitle, Canonical: p.Canonical,
		},
		H1: !hasH1, Body: template.HTML(body), Notice: p.Notice,
	}
	if p.BodyLang != "" && p.BodyLang != tag {
		bl, err := lang.Parse(p.BodyLang)
		if err != nil {
			return nil, fmt.Errorf("render page: %w", err)
		}
		v.BodyLang, v.BodyDir = bl, Dir(bl)
	}
	var out bytes.Buffer
	if err := templates.ExecuteTemplate(&out, "page", v); err != nil {
		return nil, fmt.Errorf("render page: %w", err)
	}
	return out.Bytes(), nil
}

// RenderIndex returns the HTML page of an index: a table of the articles in
// every language, with how complete each is and a link to each published
// one. Its columns are the languages in the order of their first entry,
// its rows the articles in the order of theirs.
func RenderIndex(ix Index) ([]byte, error) {
	var cols, keys []string
	byKey := map[string][]IndexEntry{}
	for i, e := range ix.Entries {
		tag, err := tagOf(e.Lang)
		if err != nil {
			return nil, fmt.Errorf("render index: entry %d: %w", i+1, err)
		}
		if !slices.Contains(cols, tag) {
			cols = append(cols, tag)
		}
		key := e.Slug
		if key == "" {
			key = "\x00" + e.Title
		}
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], e)
	}
	t := Table{Lang: ix.Lang, Title: ix.Title, Alternates: ix.Alternates, Columns: cols}
	return RenderTable(t, func(yield func([]byte, error) bool) {
		for _, key := range keys {
			row, err := RenderRow(ix.Lang, cols, byKey[key])
			if !yield(row, err) {
				return
			}
		}
	})
}

// Table is an index's page without its rows: its table's columns are
// languages, in order. An index of many articles is rendered a row at a
// time (RenderRow), each kept by the caller between runs, and put
// together by RenderTable: after one article changed, one row is made
// again.
type Table struct {
	Lang, Title string
	Alternates  []Alternate
	Columns     []string
	// UpHref and UpTitle link the page up to the one that lists it (a
	// section's status page to the status page), if any.
	UpHref, UpTitle string
	// Size is about how large the page is, if known (the status page of
	// 10,000 articles in 10 languages is 35 MB): its buffer is made that
	// large at once.
	Size int
}

// rowsMark stands for the rows in the page RenderTable renders around
// them: a comment no escaped text can hold.
const rowsMark = "<!--lingo:rows-->"

// RenderTable returns the HTML page of t with rows, each rendered by
// RenderRow with t's columns, in order: one row is held at a time. The
// first error of rows is RenderTable's.
func RenderTable(t Table, rows iter.Seq2[[]byte, error]) ([]byte, error) {
	tag, err := lang.Parse(t.Lang)
	if err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	if t.Title == "" {
		return nil, errors.New("render index: no title")
	}
	alts, err := alternates(t.Alternates)
	if err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	v := indexView{
		shell: shell{
			Lang: tag, Dir: Dir(tag), Title: t.Title,
			CSS: template.CSS(styleCSS), Alternates: alts, Switcher: len(alts) > 1,
			IndexHref: t.UpHref, IndexTitle: t.UpTitle,
		},
		Rows: []template.HTML{rowsMark},
	}
	for _, c := range t.Columns {
		c, err := tagOf(c)
		if err != nil {
			return nil, fmt.Errorf("render index: %w", err)
		}
		v.Columns = append(v.Columns, column{Lang: c, Dir: Dir(c), Name: NativeName(c)})
	}
	var frame bytes.Buffer
	if err := templates.ExecuteTemplate(&frame, "index", v); err != nil {
		return nil, fmt.Errorf("render index: %w", err)
	}
	head, tail, _ := bytes.Cut(frame.Bytes(), []byte(rowsMark))
	var out bytes.Buffer
	out.Grow(max(t.Size, frame.Len()))
	out.Write(head)
	for row, err := range rows {
		if err != nil {
			return nil, fmt.Errorf("render index: %w", err)
		}
		out.Write(row)
	}
	out.Write(tail)
	return out.Bytes(), nil
}

// RenderRow returns the HTML of the row of one article in a table of
// cols (languages) whose index is in indexLang, from its entries, at
// most one per column: the article's title is its entry's in indexLang,
// else its first entry's.
func RenderRow(indexLang string, cols []string, entries []IndexEntry) ([]byte, error) {
	if len(entries) == 0 {
		return nil, errors.New("a row of no entry")
	}
	colOf := make(map[string]int, len(cols))
	for i, c := range cols {
		tag, err := tagOf(c)
		if err != nil {
			return nil, err
		}
		colOf[tag] = i
	}
	head := entries[0]
	for _, e := range entries {
		if tag, _ := tagOf(e.Lang); tag == indexLang {
			head = e
			break
		}
	}
	head.Lang, _ = tagOf(head.Lang)
	r := row{Lang: head.Lang, Dir: Dir(head.Lang), Title: cmp.Or(head.Title, head.Slug), Cells: make([]cell, len(cols))}
	for _, e := range entries {
		tag, err := tagOf(e.Lang)
		if err != nil {
			return nil, err
		}
		col, ok := colOf[tag]
		if !ok {
			return nil, fmt.Errorf("article %q: %s is no column", head.Title, tag)
		}
		c := &r.Cells[col]
		if c.Present {
			return nil, fmt.Errorf("article %q has two %s entries", head.Title, tag)
		}
		pct := percent(e.Percent)
		*c = cell{
			Present: true, Published: e.Published && e.Href != "",
			Href: e.Href, Lang: tag, Title: e.Title, Note: e.Note, Reading: e.Reading, Percent: shownPercent(indexLang, pct),
		}
		if pct == 100 {
			c.Class = "complete"
		}
	}
	var out bytes.Buffer
	if err := templates.ExecuteTemplate(&out, "index-row", r); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// shell is what the head and header of every page show.
type shell struct {
	Lang, Dir, Title, Description string
	CSS                           template.CSS
	Alternates                    []alternate
	Switcher                      bool
	IndexHref, IndexTitle         string
	Canonical                     string
}

type pageView struct {
	shell
	H1                bool // the body has no level-1 heading: show Title as one
	Body              template.HTML
	Notice            string
	BodyLang, BodyDir string
}

type listView struct {
	shell
	Heading string
	Items   []listItem
	Footer  []listItem
}

type listItem struct {
	ListItem
	Dir string
}

// RenderList returns the HTML page of a list of links.
func RenderList(l List) ([]byte, error) {
	tag, err := lang.Parse(l.Lang)
	if err != nil {
		return nil, fmt.Errorf("render list: %w", err)
	}
	if l.Title == "" {
		return nil, errors.New("render list: no title")
	}
	alts, err := alternates(l.Alternates)
	if err != nil {
		return nil, fmt.Errorf("render list: %w", err)
	}
	items := func(in []ListItem) ([]listItem, error) {
		out := make([]listItem, len(in))
		for i, it := range in {
			out[i] = listItem{ListItem: it}
			if it.Lang != "" && it.Lang != tag {
				t, err := lang.Parse(it.Lang)
				if err != nil {
					return nil, fmt.Errorf("render list: item %d: %w", i+1, err)
				}
				out[i].Lang, out[i].Dir = t, Dir(t)
			} else {
				out[i].Lang = ""
			}
		}
		return out, nil
	}
	v := listView{shell: shell{Lang: tag, Dir: Dir(tag), Title: l.Title, CSS: template.CSS(styleCSS),
		Alternates: alts, Switcher: len(alts) > 1}, Heading: l.Heading}
	if v.Items, err = items(l.Items); err != nil {
		return nil, err
	}
	if v.Footer, err = items(l.Footer); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := templates.ExecuteTemplate(&out, "list", v); err != nil {
		return nil, fmt.Errorf("render list: %w", err)
	}
	return out.Bytes(), nil
}

type indexView struct {
	shell
	Columns []column
	Rows    []template.HTML // rendered by renderRow
}

// alternate is an Alternate with its direction, for the switcher.
type alternate struct {
	Alternate
	Dir string
}

type column struct{ Lang, Dir, Name string }

type row struct {
	Lang, Dir, Title string
	Cells            []cell
}

type cell struct {
	Present, Published         bool
	Href, Lang, Title, Percent string
	Note, Class, Reading       string
}

// alternates validates the alternates and fills in their names and
// directions.
func alternates(in []Alternate) ([]alternate, error) {
	out := make([]alternate, len(in))
	for i, a := range in {
		tag, err := lang.Parse(a.Lang)
		if err != nil {
			return nil, fmt.Errorf("alternate %d: %w", i+1, err)
		}
		if a.Href == "" {
			return nil, fmt.Errorf("alternate %s: no href", tag)
		}
		a.Lang = tag
		if a.Name == "" {
			a.Name = NativeName(tag)
		}
		out[i] = alternate{Alternate: a, Dir: Dir(tag)}
	}
	return out, nil
}

// renderBody renders Markdown to HTML, sanitized unless trusted, and
// returns the text of its first level-1 heading and whether it has one.
func renderBody(src []byte, trusted bool) ([]byte, string, bool, error) {
	if !utf8.Valid(src) {
		return nil, "", false, errors.New("body is not valid UTF-8")
	}
	doc := md.Parser().Parse(text.NewReader(src))
	alignByClass(doc)
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		return nil, "", false, fmt.Errorf("render Markdown: %w", err)
	}
	h1, ok := firstH1(doc, src)
	if trusted {
		return out.Bytes(), h1, ok, nil
	}
	clean, err := wellFormed(policy.SanitizeBytes(out.Bytes()))
	if err != nil {
		return nil, "", false, err
	}
	return clean, h1, ok, nil
}

// wellFormed parses an HTML fragment as the content of an <article> and
// writes it back: stray end tags (a "</article></main>" that would end the
// page's own elements) are dropped, unclosed elements closed and misnested
// ones (a table inside a paragraph) put right, as a browser would.
func wellFormed(b []byte) ([]byte, error) {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "article", DataAtom: atom.Article}
	nodes, err := xhtml.ParseFragment(bytes.NewReader(b), ctx)
	if err != nil {
		return nil, fmt.Errorf("parse sanitized HTML: %w", err)
	}
	var out bytes.Buffer
	for _, n := range nodes {
		if err := xhtml.Render(&out, n); err != nil {
			return nil, fmt.Errorf("write sanitized HTML: %w", err)
		}
	}
	return out.Bytes(), nil
}

// alignByClass turns the alignment of table cells (":--", "--:") into a
// class, "align-start", "align-end" or "align-center", that the style sheet
// aligns. The align attribute is obsolete in HTML5 and style="text-align:
// left" would not mirror on a right-to-left page, where a column the source
// aligns left belongs on the right.
func alignByClass(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		c, ok := n.(*extast.TableCell)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		class := map[extast.Alignment]string{
			extast.AlignLeft: "align-start", extast.AlignRight: "align-end", extast.AlignCenter: "align-center",
		}[c.Alignment]
		if class == "" {
			return ast.WalkSkipChildren, nil
		}
		if v, ok := c.AttributeString("class"); ok {
			if b, ok := v.([]byte); ok {
				class = string(b) + " " + class
			}
		}
		c.SetAttributeString("class", class)
		c.Alignment = extast.AlignNone
		return ast.WalkSkipChildren, nil
	})
}

// firstH1 finds the first level-1 heading of doc and returns its plain text.
func firstH1(doc ast.Node, src []byte) (string, bool) {
	var h1 *ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || h1 != nil {
			return ast.WalkSkipChildren, nil
		}
		if h, ok := n.(*ast.Heading); ok {
			if h.Level == 1 {
				h1 = h
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if h1 == nil {
		return "", false
	}
	return string(plain(h1, src)), true
}

// plain is the text of n's inline content, without markup.
func plain(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for g := t.FirstChild(); g != nil; g = g.NextSibling() {
				if s, ok := g.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return bytes.TrimSpace(b.Bytes())
}

// Read-only after initialization, and safe for concurrent use: an index
// has few languages and many entries.
var (
	tags     sync.Map // BCP 47 tag as given → as parsed
	percents sync.Map // percentKey → as the index's language shows it
)

// tagOf is s as a BCP 47 tag in canonical form.
func tagOf(s string) (string, error) {
	if t, ok := tags.Load(s); ok {
		return t.(string), nil
	}
	t, err := lang.Parse(s)
	if err == nil {
		tags.Store(s, t)
	}
	return t, err
}

type percentKey struct {
	lang string
	pct  float64
}

// shownPercent is pct as a percent in indexLang's way of writing numbers.
func shownPercent(indexLang string, pct float64) string {
	key := percentKey{indexLang, pct}
	if s, ok := percents.Load(key); ok {
		return s.(string)
	}
	s := message.NewPrinter(language.Make(indexLang)).Sprint(number.Percent(pct/100, number.MaxFractionDigits(1)))
	percents.Store(key, s)
	return s
}

// percent clamps p to [0, 100] and rounds it down to one decimal, as
// lingo status and check do (translation.Percent), so that only a complete
// translation shows 100%.
func percent(p float64) float64 {
	if math.IsNaN(p) || p < 0 {
		return 0
	}
	return math.Floor(math.Min(p, 100)*10) / 10
}
