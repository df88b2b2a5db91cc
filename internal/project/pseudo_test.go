package project_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
)

// TestCorpusPseudoStructure pseudo-localizes every corpus, renders it, and
// compares the HTML of each article with the HTML of its source: the same
// elements, the same attributes but alt and title, the same code; and every
// visible word outside code, URLs, shortcodes and placeholders accented.
func TestCorpusPseudoStructure(t *testing.T) {
	md := markdown.Goldmark()
	for _, c := range corpora(t) {
		t.Run(c.name, func(t *testing.T) {
			p := corpusProject(t, c, "toml")
			if _, err := p.Pseudo("en-XA"); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Render([]string{"en-XA"}); err != nil {
				t.Fatal(err)
			}
			slugs, _ := p.Slugs()
			words, failures := 0, 0
			for _, slug := range slugs {
				src, _ := os.ReadFile(filepath.Join(c.dir, slug+".md"))
				got, err := os.ReadFile(filepath.Join(p.Config.OutputDir(), "en-XA", slug+".md"))
				if err != nil {
					t.Fatal(err)
				}
				want, pseudo := htmlTree(t, md, src), htmlTree(t, md, got)
				if err := sameStructure(want, pseudo); err != nil {
					t.Errorf("%s: %v", slug, err)
					failures++
					continue
				}
				n, left := untranslated(pseudo, opaqueWords(src))
				words += n
				if len(left) > 0 {
					failures++
					t.Errorf("%s: words left untranslated: %q", slug, left)
				}
			}
			if failures > 0 {
				t.Errorf("%d of %d articles failed", failures, len(slugs))
			}
			t.Logf("%d articles, %d visible words pseudo-localized", len(slugs), words)
		})
	}
}

// htmlTree renders the Markdown body of an article and parses the HTML.
func htmlTree(t *testing.T, md goldmark.Markdown, src []byte) *html.Node {
	t.Helper()
	body := src
	if fm, err := frontmatter.Split(src); err == nil {
		body = src[fm.Body:]
	}
	var buf bytes.Buffer
	if err := md.Convert(body, &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// sameStructure compares two HTML trees: element names, attributes (but
// the translatable alt and title), and the text of code, pre, script and
// style, which a translation must not touch.
func sameStructure(a, b *html.Node) error {
	if a.Type != b.Type || (a.Type == html.ElementNode && a.Data != b.Data) {
		return fmt.Errorf("element %s became %s", describe(a), describe(b))
	}
	if a.Type == html.ElementNode {
		if x, y := attrs(a), attrs(b); x != y {
			return fmt.Errorf("<%s> attributes %s became %s", a.Data, x, y)
		}
		if isCode(a) && textOf(a) != textOf(b) {
			return fmt.Errorf("<%s> code %q became %q", a.Data, textOf(a), textOf(b))
		}
	}
	ca, cb := elementChildren(a), elementChildren(b)
	if len(ca) != len(cb) {
		return fmt.Errorf("<%s> has %d child elements, the source %d", a.Data, len(cb), len(ca))
	}
	for i := range ca {
		if err := sameStructure(ca[i], cb[i]); err != nil {
			return err
		}
	}
	return nil
}

func describe(n *html.Node) string {
	if n.Type == html.ElementNode {
		return "<" + n.Data + ">"
	}
	return fmt.Sprintf("node type %d", n.Type)
}

func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

func attrs(n *html.Node) string {
	var b strings.Builder
	for _, a := range n.Attr {
		if a.Key != "alt" && a.Key != "title" {
			fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
		}
	}
	return b.String()
}

func isCode(n *html.Node) bool {
	switch n.Data {
	case "code", "pre", "script", "style", "textarea":
		return true
	}
	return false
}

func textOf(n *html.Node) string {
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

// untranslated counts the visible words of a pseudo-localized tree and
// returns those still in plain ASCII letters, but for URLs and words the
// source has only in its shortcodes, placeholders and code shortcodes.
func untranslated(doc *html.Node, opaque map[string]bool) (int, []string) {
	var left []string
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isCode(n) {
			return
		}
		if n.Type == html.TextNode {
			for _, w := range words(n.Data) {
				count++
				if isASCIIWord(w) && !opaque[w] {
					left = append(left, w)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return count, left
}

// words splits text into letter runs, skipping tokens that are URLs.
func words(s string) []string {
	var out []string
	for _, tok := range strings.Fields(s) {
		if strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") || strings.Contains(tok, "@") {
			continue
		}
		out = append(out, strings.FieldsFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	return out
}

// isASCIIWord reports a word of two or more plain ASCII letters: one the
// pseudo-locale did not touch.
func isASCIIWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// opaqueWords are the words of an article's shortcodes, placeholders and
// code-shortcode contents: text lingo must keep as it is.
func opaqueWords(src []byte) map[string]bool {
	set := map[string]bool{}
	scs := shortcode.Scan(src, article.Range{Start: 0, End: len(src)})
	ranges := shortcode.CodeRegions(src, scs, []string{"code", "code-toggle", "highlight", "datatable", "chroma-lexers"})
	for _, sc := range scs {
		ranges = append(ranges, sc.Range)
	}
	for _, r := range ranges {
		for _, w := range strings.FieldsFunc(string(src[r.Start:r.End]), func(r rune) bool { return !unicode.IsLetter(r) }) {
			set[w] = true
		}
	}
	return set
}
