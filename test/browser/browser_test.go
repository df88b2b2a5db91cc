//go:build browser

// Package browser opens lingo's HTML output in a real browser, headless
// Chromium: it builds the repo's own content, loads the French and the
// Arabic pages, checks lang, dir and that every language switcher link
// resolves to a page, and keeps screenshots in artifacts/browser/. Run it
// with `make browser-test` (Chromium from Debian's chromium package).
package browser

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/project"
	"golang.org/x/net/html"
)

// chromium runs headless Chromium with flags for a closed network and
// returns what it printed.
func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("chromium not found: install Debian's chromium package (make browser-test does): %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	out, err := exec.CommandContext(ctx, bin, append(base, args...)...).Output()
	if err != nil {
		t.Fatalf("chromium %v: %v", args, err)
	}
	return out
}

// build copies the repo's project files to a temporary folder and runs
// lingo build there.
func build(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"lingo.toml", "glossary.toml", "content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			if err := copyFile(filepath.Join("../..", name), filepath.Join(dir, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "out")
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

func TestPagesInChromium(t *testing.T) {
	out := build(t)
	artifacts, _ := filepath.Abs("../../artifacts/browser")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, dir string }{{"fr", "ltr"}, {"ar", "rtl"}, {"en", "ltr"}} {
		t.Run(tc.lang, func(t *testing.T) {
			page := filepath.Join(out, tc.lang, "ketamine-and-the-brain.html")
			pageURL := (&url.URL{Scheme: "file", Path: page}).String()
			dom := chromium(t, "--dump-dom", pageURL)
			doc, err := html.Parse(bytes.NewReader(dom))
			if err != nil {
				t.Fatal(err)
			}
			root := find(doc, func(n *html.Node) bool { return n.Data == "html" })
			if root == nil || attr(root, "lang") != tc.lang || attr(root, "dir") != tc.dir {
				t.Fatalf("<html lang=%q dir=%q>, want lang=%q dir=%q", attr(root, "lang"), attr(root, "dir"), tc.lang, tc.dir)
			}
			nav := find(doc, func(n *html.Node) bool { return n.Data == "nav" })
			if nav == nil {
				t.Fatal("no language switcher (<nav>)")
			}
			links := 0
			for _, a := range all(nav, func(n *html.Node) bool { return n.Data == "a" }) {
				href, _ := url.Parse(attr(a, "href"))
				target, _ := url.Parse(pageURL)
				resolved := target.ResolveReference(href)
				if _, err := os.Stat(resolved.Path); err != nil {
					t.Errorf("switcher link %q (%s) does not resolve: %v", attr(a, "href"), attr(a, "hreflang"), err)
				}
				links++
			}
			if links < 5 {
				t.Errorf("switcher has %d links, want en, es, fr, de and ar", links)
			}
			if strings.Contains(string(dom), "<script") {
				t.Error("the page runs scripts")
			}
			shot := filepath.Join(artifacts, tc.lang+".png")
			chromium(t, "--window-size=1000,1400", "--hide-scrollbars", "--screenshot="+shot, pageURL)
			if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
				t.Errorf("screenshot %s: %v", shot, err)
			}
		})
	}
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if l := all(n, ok); len(l) > 0 {
		return l[0]
	}
	return nil
}

func all(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, all(c, ok)...)
	}
	return out
}

// TestHostileTranslation gives French translations that carry a script, an
// event handler, a javascript: URL, CSS and SVG tricks and a look-alike
// link: lingo check reports each, and the page Chromium loads holds none.
func TestHostileTranslation(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "lingo.toml"), []byte("source = \"en\"\nlanguages = [\"fr\"]\n[lang.fr]\nmin_complete = 0\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("# Aftercare\n\nRest today.\n\nDrink water.\n\nSleep well.\n\nCall [the clinic](https://clinic.example/en/).\n\nEat lightly.\n"), 0o644)
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := []string{
		"Soins <script>alert(1)</script>",
		`Reposez-vous <img src=x onerror="alert(1)">.`,
		"Buvez [de l'eau](javascript:alert(1)).",
		`Dormez <svg onload="alert(1)"><style>body{display:none}</style></svg>bien.`,
		"Appelez [https://clinic.example/fr/](https://evil.example/fr/).",
		"Mangez léger.",
	}
	arts, err := p.LoadAll()
	if err != nil {
		t.Fatal(err)
	}
	c := &catalog.Catalog{Lang: "fr", Slug: "a"}
	for i, id := range arts[0].IDs {
		c.Entries = append(c.Entries, catalog.Entry{ID: id, Other: hostile[i]})
	}
	data, err := catalog.Marshal(c, "toml")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "locales", "fr"), 0o755)
	os.WriteFile(p.CatalogPath("fr", "a"), data, 0o644)
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, f := range res.Report.Findings {
		found[f.Check] = true
	}
	for _, want := range []string{"unsafe-html", "event-handler", "unsafe-url", "foreign-host"} {
		if !found[want] {
			t.Errorf("check did not report %s (found %v)", want, found)
		}
	}
	page := filepath.Join(dir, "out", "fr", "a.html")
	dom := string(chromium(t, "--dump-dom", (&url.URL{Scheme: "file", Path: page}).String()))
	body := dom[strings.Index(dom, "<body"):]
	for _, bad := range []string{"<script", "onerror", "onload", "javascript:", "evil.example", "display:none", "<svg"} {
		if strings.Contains(strings.ToLower(body), bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(body, "Mangez léger.") {
		t.Error("the safe translation is missing")
	}
}
