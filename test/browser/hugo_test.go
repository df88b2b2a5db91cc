//go:build browser

package browser

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/lingo-l10n/lingo/internal/project"
)

// The entries the Hugo test leaves out of the French catalog: a paragraph
// and a list item, so that the French page is published with two passages
// in English.
var frenchLeftOut = []string{slug + ".p-5ca76842", bdnf}

// TestHugoSite builds the example Hugo site (examples/hugo) with Debian's
// hugo from lingo's Hugo tree (profile = "hugo") of a copy of the repo's
// project in which two French entries are missing and German is below
// min_complete, and opens it in Chromium: the French page has the French
// notice and both English passages have lang="en"; the Arabic page's
// English passages are dir="ltr", in the reader's Arabic notice; the German
// page, shown in English, points to the English page with rel=canonical;
// and Hugo links the French page to the English one through translationKey
// alone (the French file is renamed, as sites name pages in their
// language). hugo must print no WARN or ERROR line.
func TestHugoSite(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Fatalf("hugo not found: install Debian's hugo package (.ci/run does): %v", err)
	}
	site := t.TempDir()
	if err := copyFile("../../examples/hugo/hugo.toml", filepath.Join(site, "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(site, "layouts"), os.DirFS("../../examples/hugo/layouts")); err != nil {
		t.Fatal(err)
	}
	proj := filepath.Join(site, ".build", "project")
	if err := os.MkdirAll(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"glossary.toml", "content", "locales"} {
		if err := os.CopyFS(filepath.Join(proj, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			if err := copyFile(filepath.Join("../..", name), filepath.Join(proj, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	conf, err := os.ReadFile("../../lingo.toml")
	if err != nil {
		t.Fatal(err)
	}
	conf = append([]byte("profile = \"hugo\"\n"), conf...)
	conf = append(conf, "\n[lang.de]\nmin_complete = 100\n"...)
	if err := os.WriteFile(filepath.Join(proj, "lingo.toml"), conf, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, id := range frenchLeftOut {
		dropEntry(t, filepath.Join(proj, "locales", "fr", slug+".fr.toml"), id)
	}
	dropEntry(t, filepath.Join(proj, "locales", "de", slug+".de.toml"), slug+".p-5ca76842")
	p, err := project.Open(filepath.Join(proj, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	// Sites name a translation's file in its language: only translationKey
	// links it to the others then.
	content := filepath.Join(proj, "out", "hugo", "content")
	if err := os.Rename(filepath.Join(content, "fr", slug+".md"), filepath.Join(content, "fr", "la-ketamine-et-le-cerveau.md")); err != nil {
		t.Fatal(err)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, hugo, "--noBuildLock", "--source", site, "--destination", "public", "--baseURL", base+"/").CombinedOutput()
	if err != nil {
		t.Fatalf("hugo: %v\n%s", err, out)
	}
	if m := regexp.MustCompile(`(?m)^.*(WARN|ERROR).*$`).FindAll(out, -1); len(m) > 0 {
		t.Errorf("hugo warned:\n%s", bytes.Join(m, []byte("\n")))
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(filepath.Join(site, "public")))}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	b := browser(t)
	eval := func(what, expr string) string {
		t.Helper()
		return get(t, b, what, chromedp.Evaluate[string](expr))
	}
	// The elements of the article that carry a language, as
	// "TAG lang dir (computed direction)", in document order.
	const marked = `Array.from(document.querySelectorAll("article [lang]")).map(e => e.tagName + " " + e.lang + " " + e.dir + " " + getComputedStyle(e).direction).join("\n")`
	const notice = `(document.querySelector(".lingo-notice") || {}).textContent || ""`

	t.Run("fr", func(t *testing.T) {
		run(t, b, "open the French page", chromedp.Navigate(base+"/fr/la-ketamine-et-le-cerveau/"))
		if got, want := eval("notice", notice), "2 passages de cette page sont affichés en anglais, car leur traduction n’est pas encore prête."; got != want {
			t.Errorf("notice %q, want %q", got, want)
		}
		if got, want := eval("marked", marked), "P en ltr ltr\nSPAN en ltr ltr"; got != want {
			t.Errorf("passages marked with a language:\n%s\nwant\n%s", got, want)
		}
		if got := eval("html", `document.documentElement.lang + " " + document.documentElement.dir`); got != "fr ltr" {
			t.Errorf("<html> lang, dir: %q", got)
		}
		// Hugo's .Translations: the English page, by translationKey alone.
		if got := eval("alternate", `(document.querySelector('link[rel=alternate][hreflang=en]') || {}).href || ""`); got != base+"/en/ketamine-and-the-brain/" {
			t.Errorf("the French page's English translation: %q", got)
		}
		if got := eval("switcher", `(document.querySelector('nav a[hreflang=en]') || {}).href || ""`); got != base+"/en/ketamine-and-the-brain/" {
			t.Errorf("the language switcher's English link: %q", got)
		}
		if got := eval("canonical", `String(document.querySelectorAll("link[rel=canonical]").length)`); got != "0" {
			t.Errorf("a translated page has %s rel=canonical links", got)
		}
		shot(t, b, "hugo-fr.png")
	})
	t.Run("ar", func(t *testing.T) {
		run(t, b, "open the Arabic page", chromedp.Navigate(base+"/ar/ketamine-and-the-brain/"))
		if got := eval("html", `document.documentElement.lang + " " + document.documentElement.dir`); got != "ar rtl" {
			t.Errorf("<html> lang, dir: %q", got)
		}
		if got := eval("notice", notice); !strings.Contains(got, "باللغة الإنجليزية") {
			t.Errorf("notice %q, want the Arabic notice", got)
		}
		lines := strings.Split(eval("marked", marked), "\n")
		if len(lines) < 2 {
			t.Fatalf("English passages on the Arabic page: %q", lines)
		}
		for _, l := range lines {
			if !strings.HasSuffix(l, " en ltr ltr") {
				t.Errorf("a passage in English is not left to right: %q", l)
			}
		}
		if got := eval("first", `document.querySelector("article p[lang=en]").textContent.slice(0, 17)`); got != "The United States" {
			t.Errorf("the first English paragraph starts %q", got)
		}
		shot(t, b, "hugo-ar.png")
	})
	t.Run("de fallback", func(t *testing.T) {
		run(t, b, "open the German page", chromedp.Navigate(base+"/de/ketamine-and-the-brain/"))
		if got := eval("canonical", `(document.querySelector("link[rel=canonical]") || {}).href || ""`); got != base+"/en/ketamine-and-the-brain/" {
			t.Errorf("rel=canonical %q, want the English page", got)
		}
		if got := eval("notice", notice); !strings.HasPrefix(got, "Dieser Artikel ist noch nicht auf Deutsch") {
			t.Errorf("notice %q, want the German notice", got)
		}
		if got := eval("marked", `String(document.querySelectorAll("article [lang=en][dir=ltr]").length)`); got == "0" {
			t.Error("the English text of the German page is not marked lang=en")
		}
		// A heading is marked with Goldmark's attribute list, on itself.
		if got := eval("heading", `(h => h.lang + " " + h.dir + " " + h.id)(document.querySelector("article h1"))`); got != "en ltr ketamine-and-the-brain" {
			t.Errorf("the German page's English heading: lang, dir, id %q", got)
		}
		shot(t, b, "hugo-de.png")
	})
}

// dropEntry removes the entry id from the TOML catalog at path: its
// header line and every line to the next blank line.
func dropEntry(t *testing.T, path, id string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var out []string
	dropping, found := false, false
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "['"+id+"']":
			dropping, found = true, true
		case dropping && strings.TrimSpace(l) == "":
			dropping = false
		}
		if !dropping {
			out = append(out, l)
		}
	}
	if !found {
		t.Fatalf("%s has no entry %s", path, id)
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "")), 0o644); err != nil {
		t.Fatal(err)
	}
}
