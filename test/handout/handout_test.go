// Package handout tests lingo build's PDF handouts end to end on the
// repo's own project with [pdf] enabled: Chromium prints them (the test
// skips only when no Chromium is installed: Debian's chromium package, as
// .ci/run installs), and poppler's tools read them back (Debian's
// poppler-utils): pdftotext keeps the page's words in reading order,
// pdffonts finds every font embedded, pdftoppm renders the Arabic handout
// (kept in artifacts/handout/) to show it runs right to left. A second
// build rewrites no PDF, and no PDF names a file:// path or a print date.
package handout

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/lingo-l10n/lingo/internal/handout"
	"github.com/lingo-l10n/lingo/internal/project"
)

const slug = "ketamine-and-the-brain"

var langs = []string{"en", "es", "fr", "de", "ar"}

// setup copies the repo's project to a temporary folder with [pdf]
// enabled, and opens it.
func setup(t *testing.T) *project.Project {
	t.Helper()
	if handout.Find("") == "" {
		t.Skip("no Chromium (Debian's chromium package): the handouts cannot be printed")
	}
	for _, tool := range []string{"pdftotext", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install Debian's poppler-utils (.ci/run does)", tool)
		}
	}
	dir := t.TempDir()
	for _, name := range []string{"content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join("../..", name))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"lingo.toml", "glossary.toml"} {
		data, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "lingo.toml" {
			data = append(data, "\n[pdf]\nenabled = true\npaper = \"A4\"\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func build(t *testing.T, p *project.Project) *project.BuildResult {
	t.Helper()
	res, err := p.Build(context.Background(), project.NoProgress{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out
}

func TestHandouts(t *testing.T) {
	p := setup(t)
	build(t, p)
	out := p.Config.OutputDir()
	artifacts, _ := filepath.Abs("../../artifacts/handout")
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC()
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			pdf := filepath.Join(out, lang, slug+".pdf")
			data, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			page, err := os.ReadFile(filepath.Join(out, lang, slug+".html"))
			if err != nil {
				t.Fatal(err)
			}
			want := words(printedText(t, page))
			text := string(run(t, "pdftotext", "-enc", "UTF-8", pdf, "-"))
			got := words(logical(text))
			kept, lost := lcs(want, got)
			pct := 100 * float64(kept) / float64(len(want))
			t.Logf("%s: pdftotext keeps %d of the page's %d words in reading order (%.1f%%); not in order (letters sorted): %q", lang, kept, len(want), pct, lost)
			if pct < 99 {
				t.Errorf("%s: %.1f%% of the page's words in reading order, want at least 99%%", lang, pct)
			}
			fonts := string(run(t, "pdffonts", pdf))
			t.Logf("%s: pdffonts\n%s", lang, fonts)
			for _, l := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
				// name, type, encoding, then emb, sub, uni, object, generation
				if f := strings.Fields(l); len(f) < 8 || f[len(f)-5] != "yes" {
					t.Errorf("%s: font not embedded: %s", lang, l)
				}
			}
			for _, bad := range []string{"file://", "CreationDate", "ModDate", today.Format("D:20060102"), today.Format("20060102")} {
				if bytes.Contains(data, []byte(bad)) || strings.Contains(text, bad) {
					t.Errorf("%s: the PDF holds %q", lang, bad)
				}
			}
			for _, date := range []string{today.Format("1/2/06"), today.Format("2006-01-02"), today.Format("02/01/2006")} {
				if strings.Contains(text, date) {
					t.Errorf("%s: the PDF's text holds the print date %q", lang, date)
				}
			}
			if !strings.Contains(text, p.Config.Site.Title) {
				t.Errorf("%s: no footer with the site's name %q", lang, p.Config.Site.Title)
			}
		})
	}
	t.Run("right to left", func(t *testing.T) {
		for _, tc := range []struct{ lang, side string }{{"ar", "right"}, {"fr", "left"}} {
			prefix := filepath.Join(artifacts, tc.lang)
			run(t, "pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", filepath.Join(out, tc.lang, slug+".pdf"), prefix)
			left, right := firstLineMargins(t, prefix+".png")
			t.Logf("%s: the first text line's ink is %d px from the left edge and %d px from the right (72 dpi; margins 43 px), page in %s", tc.lang, left, right, prefix+".png")
			if side := map[bool]string{true: "right", false: "left"}[right < left]; side != tc.side || min(left, right) > 72 {
				t.Errorf("%s: the first line sits at the %s margin (%d px from the left, %d from the right), want the %s margin", tc.lang, side, left, right, tc.side)
			}
		}
	})
}

// TestSecondBuild builds twice, and once more with build's stamp gone
// (every article's outputs checked again): no PDF is written again.
func TestSecondBuild(t *testing.T) {
	p := setup(t)
	build(t, p)
	before := stats(t, p)
	for _, force := range []bool{false, true} {
		if force {
			if err := os.Remove(filepath.Join(p.Config.OutputDir(), ".lingo", "build-stamp.json")); err != nil {
				t.Fatal(err)
			}
		}
		res := build(t, p)
		if len(res.Written) != 0 || len(res.Synced) != 0 {
			t.Errorf("build (forced: %v) changed %v, %v; want nothing", force, res.Written, res.Synced)
		}
		for lang, after := range stats(t, p) {
			// os.SameFile compares inodes (file IDs on Windows): a write
			// through a rename makes a new one.
			if b := before[lang]; !os.SameFile(b, after) || !b.ModTime().Equal(after.ModTime()) {
				t.Errorf("build (forced: %v) rewrote %s's PDF (modified %s, then %s)", force, lang, b.ModTime(), after.ModTime())
			}
		}
	}
}

// stats is each PDF's file information.
func stats(t *testing.T, p *project.Project) map[string]os.FileInfo {
	out := map[string]os.FileInfo{}
	for _, lang := range langs {
		fi, err := os.Stat(filepath.Join(p.Config.OutputDir(), lang, slug+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		out[lang] = fi
	}
	return out
}

// printedText is the text of an HTML page that paper shows: its <main>
// (the notice and the article), less footnote back links.
func printedText(t *testing.T, page []byte) string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.Data == "main" {
			in = true
		}
		if n.Type == html.ElementNode && (n.Data == "style" || n.Data == "script" || hasClass(n, "footnote-backref")) {
			return
		}
		if in && n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			b.WriteString(" ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return b.String()
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(" "+a.Val+" ", " "+class+" ") {
			return true
		}
	}
	return false
}

// words splits text into words: runs of letters and digits, compatibility
// normalized (Arabic presentation forms are letters again), lowercased,
// without combining marks (Arabic vowel signs, which pdftotext may set
// apart). A word's letters are sorted: poppler writes the letters of one
// glyph that joins several (the Arabic lam-alef) in reverse in
// right-to-left text, so the test compares which letters each word has,
// and the order of the words.
func words(text string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			sortRunes(cur)
			out = append(out, string(cur))
			cur = nil
		}
	}
	for _, r := range norm.NFKD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '\u0640': // marks, tatweel
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// logical is pdftotext's text in reading order. pdftotext writes a line
// that holds right-to-left text in visual order, left to right: each
// right-to-left run wrapped in U+202B … U+202C (its letters in reading
// order), the left-to-right runs (numbers, Latin abbreviations) between
// them. Read right to left, such a line is its runs in reverse order.
func logical(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if !strings.ContainsRune(line, '\u202b') {
			continue
		}
		var runs []string
		rest := line
		for rest != "" {
			start := strings.IndexRune(rest, '\u202b')
			if start < 0 {
				runs = append(runs, rest)
				break
			}
			runs = append(runs, rest[:start])
			rest = rest[start+len("\u202b"):]
			end := strings.IndexRune(rest, '\u202c')
			if end < 0 {
				end = len(rest)
			}
			runs = append(runs, rest[:end])
			rest = strings.TrimPrefix(rest[end:], "\u202c")
		}
		slices.Reverse(runs)
		lines[i] = strings.Join(runs, " ")
	}
	return strings.Join(lines, "\n")
}

func sortRunes(r []rune) { slices.Sort(r) }

// lcs is the length of the longest common subsequence of a and b (the
// words of a that b has in the same order), and the words of a left out.
func lcs(a, b []string) (int, []string) {
	n := make([][]int, len(a)+1) // n[i][j]: the LCS of a[i:] and b[j:]
	for i := range n {
		n[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				n[i][j] = n[i+1][j+1] + 1
			} else {
				n[i][j] = max(n[i+1][j], n[i][j+1])
			}
		}
	}
	var lost []string
	for i, j := 0, 0; i < len(a); {
		switch {
		case j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && n[i][j+1] >= n[i+1][j]:
			j++
		default:
			lost = append(lost, a[i])
			i++
		}
	}
	return n[0][0], lost
}

// firstLineMargins finds the first line of dark ink on the page image at
// path (text, not the notice's pale background or its border) and returns
// how far its ink is from the left and the right edges, in pixels.
func firstLineMargins(t *testing.T, path string) (left, right int) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	dark := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return (299*r+587*g+114*bl)/1000 < 0x6000 // darker than 37% grey
	}
	inked := func(y int) bool {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dark(x, y) {
				return true
			}
		}
		return false
	}
	y0 := b.Min.Y
	for y0 < b.Max.Y && !inked(y0) {
		y0++
	}
	if y0 == b.Max.Y {
		t.Fatalf("%s: no ink", path)
	}
	y1 := y0
	for y1+1 < b.Max.Y && (inked(y1+1) || (y1+2 < b.Max.Y && inked(y1+2))) {
		y1++
	}
	minX, maxX := b.Max.X, b.Min.X
	for y := y0; y <= y1; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dark(x, y) {
				minX, maxX = min(minX, x), max(maxX, x)
			}
		}
	}
	return minX - b.Min.X, b.Max.X - 1 - maxX
}

// TestWhichPages: a page shown in the source language below min_complete
// gets no handout unless [pdf] untranslated asks for one, and with [pdf]
// disabled build removes the handouts it made.
func TestWhichPages(t *testing.T) {
	p := setup(t)
	cfg := p.Config.Path
	base, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, toml string
		ar, others bool // whether ar's and the other languages' handouts exist
	}{
		{"ar below min_complete", strings.Replace(string(base), "min_complete = 50", "min_complete = 90", 1), false, true},
		{"untranslated asked for", strings.Replace(string(base), "min_complete = 50", "min_complete = 90", 1) + "untranslated = true\n", true, true},
		{"pdf disabled", strings.Replace(string(base), "enabled = true", "enabled = false", 1), false, false},
	}
	for _, s := range steps {
		if err := os.WriteFile(cfg, []byte(s.toml), 0o644); err != nil {
			t.Fatal(err)
		}
		q, err := project.Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		build(t, q)
		for _, lang := range langs {
			_, err := os.Stat(filepath.Join(q.Config.OutputDir(), lang, slug+".pdf"))
			want := s.others
			if lang == "ar" {
				want = s.ar
			}
			if got := err == nil; got != want {
				t.Errorf("%s: %s handout exists: %v, want %v", s.name, lang, got, want)
			}
		}
	}
}
