//go:build browser

package browser

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/lingo-l10n/lingo/internal/project"
)

// TestSourcePassagesMarked opens the Arabic page of the repo's article
// (half translated: the rest shows in English) and checks that a reader
// can tell the English passages apart: each is marked lang="en" and drawn
// with a dotted underline that the translated text has not, its hover text
// (title) says why in Arabic, and the notice explains the mark in Arabic.
func TestSourcePassagesMarked(t *testing.T) {
	out := build(t)
	page := (&url.URL{Scheme: "file", Path: filepath.Join(out, "ar", "ketamine-and-the-brain.html")}).String()
	ctx := browser(t)
	run(t, ctx, "open the Arabic page", chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("main")))
	eval := func(what, expr string) string {
		return get(t, ctx, what, chromedp.Evaluate[string](expr))
	}
	n := eval("English passages", `String(document.querySelectorAll('main [lang="en"]').length)`)
	if n == "0" {
		t.Fatal("no passage in English on the Arabic page: the test needs one")
	}
	// Every English passage of the body is drawn apart; Arabic text is not.
	style := `(el) => { const s = getComputedStyle(el); return s.textDecorationLine + " " + s.textDecorationStyle }`
	unmarked := eval("unmarked English passages", `(() => { const f = `+style+`;
		return [...document.querySelectorAll('main [lang="en"]')].filter(el => !el.closest('nav') && f(el) !== "underline dotted").map(el => el.outerHTML.slice(0, 120)).join("\n") })()`)
	if unmarked != "" {
		t.Errorf("English passages that look like the Arabic text around them:\n%s", unmarked)
	}
	if got := eval("Arabic passage", `(() => { const p = [...document.querySelectorAll('main article :is(p, li, h2, h3)')].find(p => !p.querySelector('[lang]') && !p.closest('[lang="en"]') && p.textContent.trim() !== ""); return p ? (`+style+`)(p) : "none" })()`); strings.Contains(got, "dotted") || got == "none" {
		t.Errorf("a translated passage: %q, want no dotted underline", got)
	}
	title := eval("hover text", `document.querySelector('main [lang="en"][title]')?.title ?? ""`)
	if !strings.Contains(title, "الترجمة") {
		t.Errorf("hover text of an English passage = %q, want the reason in Arabic", title)
	}
	notice := eval("notice", `document.querySelector('.notice')?.textContent ?? ""`)
	if !strings.Contains(notice, "مسطرة بخط منقط") {
		t.Errorf("notice = %q, want it to say in Arabic how English passages are marked", notice)
	}
	shot(t, ctx, "ar-marked.png")
}

// TestStatusPageFits opens the status page of a project in eight languages
// and the en-XA pseudo-locale (ten columns, long article titles) in a
// window 1280 px wide: every column is in view, none cut off while the
// window has room. In a window 640 px wide the table scrolls in its own box
// to its last column, and the page itself never runs past the window.
func TestStatusPageFits(t *testing.T) {
	dir := t.TempDir()
	config := "source = \"en\"\nlanguages = [\"es\", \"fr\", \"de\", \"ar\", \"pt-BR\", \"it\", \"nl\", \"ja\"]\n"
	if err := os.WriteFile(filepath.Join(dir, "lingo.toml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		md := fmt.Sprintf("# How to build a welcoming community around an open source project, part %d\n\nText.\n", i+1)
		if err := os.WriteFile(filepath.Join(dir, "content", fmt.Sprintf("part-%d.md", i+1)), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	pseudoRender(t, dir)
	page := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "out", "status.html")}).String()
	ctx := browser(t)
	eval := func(what, expr string) float64 {
		return get(t, ctx, what, chromedp.Evaluate[float64](expr))
	}
	// lastColumn is 1 when the header row's last cell lies inside the
	// window, after scrolling the box that scrolls it (if any) to its end.
	const lastColumn = `(() => {
		const cell = document.querySelector('table tr').lastElementChild;
		for (let box = cell.parentElement; box && box !== document.body; box = box.parentElement) {
			const s = getComputedStyle(box);
			if ((s.overflowX === "auto" || s.overflowX === "scroll") && box.scrollWidth > box.clientWidth) {
				box.scrollLeft = box.scrollWidth;
			}
		}
		const r = cell.getBoundingClientRect();
		return (r.left >= 0 && r.right <= window.innerWidth + 0.5) ? 1 : 0 })()`
	for _, tc := range []struct {
		width  int64
		scroll bool // the table may scroll to reach its last column
	}{{1280, false}, {640, true}} {
		run(t, ctx, "open the status page", chromedp.EmulateViewport(tc.width, 900), chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS("table")))
		if cols := eval("columns", `document.querySelector('table tr').children.length`); cols != 11 {
			t.Fatalf("status table has %v columns, want the article, the source and nine languages", cols)
		}
		if w := eval("page width", `document.documentElement.scrollWidth`); w > float64(tc.width) {
			t.Errorf("at %d px the page is %v px wide", tc.width, w)
		}
		if !tc.scroll {
			if w := eval("table box", `(() => { const b = document.querySelector('div.table'); return b.scrollWidth - b.clientWidth })()`); w > 0 {
				t.Errorf("at %d px the table is cut: %v px of it are out of view", tc.width, w)
			}
		}
		if eval("last column", lastColumn) != 1 {
			t.Errorf("at %d px the status table's last column can be neither seen nor scrolled to", tc.width)
		}
		shot(t, ctx, fmt.Sprintf("status-%d.png", tc.width))
	}
}

// pseudoRender fills and renders the en-XA pseudo-locale of the project in
// dir, as make run does.
func pseudoRender(t *testing.T, dir string) {
	t.Helper()
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Pseudo("en-XA"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(project.PublishOptions{Langs: []string{"en-XA"}, Formats: []string{"md", "html"}}, project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
}
