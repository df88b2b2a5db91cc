// Package handout prints lingo's standalone HTML pages as PDF handouts with
// headless Chromium, driven through the DevTools protocol (chromedp): one
// browser process per Printer, one tab per page, pages printed in parallel.
// A page is loaded from memory (never from a file:// address, which the PDF
// would otherwise carry in its links), printed with the page's own print
// stylesheet, without the browser's header (date, title, address) and with
// a footer of the caller's text in the reader's language and direction, the
// page number and the page count filled in by Chromium. The PDF's creation
// and modification dates are blanked, so the same page, fonts and Chromium
// give the same bytes and the handout carries no print date.
//
//	p, err := handout.Start(ctx, handout.Find(configured))
//	if err != nil { ... } // *handout.MissingError names the package to install
//	defer p.Close()
//	pdf, err := p.Print(ctx, html, handout.Job{Paper: "A4", Footer: f})
package handout

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// EnvBinary is the environment variable that names the Chromium binary; it
// wins over lingo.toml's [pdf] chromium.
const EnvBinary = "LINGO_CHROMIUM"

// Package is the Debian package that provides Chromium.
const Package = "chromium"

// Papers are the paper sizes a Job may name.
var Papers = map[string]chromedp.PaperSize{"A4": chromedp.PaperA4, "Letter": chromedp.PaperLetter}

// MissingError is the error for a Chromium binary that cannot be found or
// started.
type MissingError struct {
	Binary string // the binary named or looked for
	Err    error
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("PDF handouts ([pdf] enabled) need Chromium: %s: %v; install Debian's %s package (apt-get install %s), or name the browser's binary in lingo.toml ([pdf] chromium) or in %s",
		e.Binary, e.Err, Package, Package, EnvBinary)
}

func (e *MissingError) Unwrap() error { return e.Err }

// candidates are the names and places Find looks for a browser in.
var candidates = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
	`C:\Program Files\Google\Chrome\Application\chrome.exe`,
}

// Find is the Chromium binary to use: $LINGO_CHROMIUM, else configured
// (lingo.toml's [pdf] chromium), else the first of the usual names found
// on PATH or in the usual places; "" when none is found.
func Find(configured string) string {
	if env := os.Getenv(EnvBinary); env != "" {
		return env
	}
	if configured != "" {
		return configured
	}
	for _, c := range candidates {
		if path, err := exec.LookPath(c); err == nil {
			return path
		}
	}
	return ""
}

// Printer is one headless Chromium, printing pages in its tabs. It is safe
// for concurrent use: each Print opens a tab of its own.
type Printer struct {
	browser context.Context
	cancel  func()
	tmp     string
}

// Start starts Chromium at binary (found with Find). Its process lives
// until Close or until ctx is done. A binary that is "", missing or does
// not start gives a *MissingError.
func Start(ctx context.Context, binary string) (*Printer, error) {
	if binary == "" {
		return nil, &MissingError{Binary: "chromium, google-chrome", Err: errors.New("none found on PATH")}
	}
	path, err := exec.LookPath(binary)
	if err != nil {
		return nil, &MissingError{Binary: binary, Err: errors.New("not found, or not executable")}
	}
	tmp, err := os.MkdirTemp("", "lingo-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.DisableGPU,
		chromedp.UserDataDir(tmp), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true), chromedp.Flag("font-render-hinting", "none"))
	if runtime.GOOS == "linux" && os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run its sandbox as root (CI, containers)
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	p := &Printer{browser: bctx, tmp: tmp, cancel: func() { bcancel(); acancel() }}
	if err := chromedp.Do(bctx); err != nil { // starts the browser
		p.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &MissingError{Binary: path, Err: err}
	}
	return p, nil
}

// Close stops the browser and removes its profile.
func (p *Printer) Close() {
	_ = chromedp.Cancel(p.browser)
	p.cancel()
	_ = os.RemoveAll(p.tmp)
}

// Job says how to print a page.
type Job struct {
	Paper  string // a key of Papers; "" is A4
	Footer Footer
}

// Footer is the line at the foot of every page.
type Footer struct {
	Lang, Dir string // the reader's language and direction (ltr, rtl)
	Start     string // at the start of the line (the site's name)
	// Pages is the page number's text, with {page} and {pages} where the
	// page's number and the count of pages go ("page {page} of {pages}").
	Pages string
	End   string // at the end of the line (the source version)
}

// footerTmpl is Chromium's footer: it renders the template on its own, in
// a box as wide as the page and as tall as the bottom margin, at a font
// size of 0 unless the template sets one.
var footerTmpl = template.Must(template.New("footer").Parse(`<div lang="{{.Lang}}" dir="{{.Dir}}" style="font: 8pt 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK SC', 'DejaVu Sans', sans-serif; color: #444; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between; gap: 4mm;">` +
	`<span>{{.Start}}</span><span>{{.Pages}}</span><span>{{.End}}</span></div>`))

// footerHTML is f as Chromium's footer template.
func footerHTML(f Footer) (string, error) {
	var b bytes.Buffer
	pages := template.HTMLEscapeString(f.Pages)
	pages = strings.NewReplacer("{page}", `<span class="pageNumber"></span>`, "{pages}", `<span class="totalPages"></span>`).Replace(pages)
	err := footerTmpl.Execute(&b, struct {
		Lang, Dir, Start, End string
		Pages                 template.HTML
	}{f.Lang, f.Dir, f.Start, f.End, template.HTML(pages)})
	return b.String(), err
}

// Print prints the HTML page html as a PDF in a tab of its own, and
// returns the PDF's bytes, its dates blanked. The page is loaded from
// memory: its relative links and images do not resolve.
func (p *Printer) Print(ctx context.Context, html []byte, job Job) ([]byte, error) {
	paper, ok := Papers[job.Paper]
	if job.Paper == "" {
		paper, ok = chromedp.PaperA4, true
	}
	if !ok {
		return nil, fmt.Errorf("paper %q: want A4 or Letter", job.Paper)
	}
	footer, err := footerHTML(job.Footer)
	if err != nil {
		return nil, err
	}
	tab, cancel := chromedp.NewContext(p.browser)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel) // Ctrl-C closes the tab
	defer stop()
	load := func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, page.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: string(html)})
		return err
	}
	err = chromedp.Do(tab, chromedp.Navigate("about:blank"), chromedp.Func(load))
	if err == nil {
		_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	}
	var pdf []byte
	if err == nil {
		pdf, err = chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(paper), chromedp.PDFPrintBackground(),
			chromedp.PDFMargins(0.6, 0.6, 0.75, 0.6),
			chromedp.PDFHeaderTemplate("<span></span>"), chromedp.PDFFooterTemplate(footer)))
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("chromium: %w", err)
	}
	return Undate(pdf), nil
}

// dates are the date entries of a PDF's information dictionary.
var dates = regexp.MustCompile(`/(CreationDate|ModDate)\s*\((?:[^()\\]|\\.)*\)`)

// Undate blanks the creation and modification dates of pdf with spaces, so
// that every byte offset, and so the cross-reference table, stays right.
func Undate(pdf []byte) []byte {
	return dates.ReplaceAllFunc(pdf, func(m []byte) []byte { return bytes.Repeat([]byte(" "), len(m)) })
}
