package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/report"
	"github.com/urfave/cli/v2"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "sync, check and render every article in every language (the main job)",
		UsageText: "lingo build\n\nExample:\n   lingo build && open out/index.html\n\n" +
			"Writes out/<lang>/<slug>.md (or out/<slug>.<lang>.md with layout = \"suffix\") and\nout/<lang>/<slug>.html, " +
			"each language's out/<lang>/index.html, out/index.html, out/status.html (and a status page\n" +
			"per section, out/status/<section>.html: an article's first folder), the\n" +
			"runtime bundle apps load with go-i18n (out/bundle/<lang>/<slug>.<lang>.toml: only what\n" +
			"is published), and with profile = \"hugo\" a Hugo content tree (out/hugo/).\n" +
			"With [pdf] enabled = true, also a PDF handout of each published page, out/<lang>/<slug>.pdf,\n" +
			"printed by headless Chromium (Debian's chromium package; [pdf] chromium or $LINGO_CHROMIUM\n" +
			"names another binary): footer in the reader's language, page numbers, source version.\n" +
			"Per entry, a translation is published when it is current and passes every check;\nany other passage shows the source text, " +
			"and the page says so in the reader's language.\nPer page, an article is published as a translation when at least min_complete\n" +
			"percent (80 by default) of its entries are; below, its address shows the source\narticle with a notice. " +
			"A deleted article's pages are removed in every language.\n" +
			"Articles whose inputs did not change are not rendered again. Prints check's errors (what\nkept entries from publishing) and the warnings on published entries (a dropped\nnegation, say), and counts the rest (lingo check lists them all). Exit status as check.",
		Action: func(c *cli.Context) error {
			return runBuild(c.Context, c.App.Writer, c.App.ErrWriter, globalsFrom(c))
		},
	}
}

// runBuild runs a build under ctx: cancelled, the build stops at its next
// safe point and its error wraps context.Canceled.
func runBuild(ctx context.Context, w, errw io.Writer, g globals) error {
	p, err := openProject(g)
	if err != nil {
		return err
	}
	var res *project.BuildResult
	err = withLock(ctx, p, func() error {
		res, err = p.Build(ctx, progressOn(errw))
		return err
	})
	if err != nil {
		return err
	}
	for _, warning := range res.Warnings {
		fmt.Fprintf(errw, "lingo: warning: %s\n", warning)
	}
	if len(res.Report.Findings) > 0 {
		if err := report.Write(w, res.Report, "text", isTerminal(w)); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	for _, c := range res.Written {
		if c.Removed {
			fmt.Fprintln(w, c)
		}
	}
	fmt.Fprintf(w, "%-8s %9s %9s %9s %9s %9s %6s %8s %8s\n", "lang", "published", "pages", "partial", "as source", "fallbacks", "stale", "written", "removed")
	for _, l := range res.Langs {
		fmt.Fprintf(w, "%-8s %8s%% %9d %9d %9d %9d %6d %8d %8d\n", l.Lang, strconv.FormatFloat(l.Percent, 'f', -1, 64),
			l.Published, l.Partial, l.AsSource, l.Fallbacks, l.Stale, l.Written, l.Removed)
	}
	errs, warns := 0, 0
	for _, t := range res.Report.Totals {
		errs, warns = errs+t.Errors, warns+t.Warnings
	}
	errs = max(errs, res.Report.Errors()) // with those of no target language (a source article's reading grade)
	fmt.Fprintf(w, "check: %d %s, %d %s\n", errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
	out := filepath.ToSlash(p.Rel(filepath.Join(p.Config.OutputDir(), "index.html")))
	if wrote := len(res.Written) + res.Pages; wrote+len(res.Synced) == 0 {
		fmt.Fprintf(w, "nothing changed: every output is up to date (%s)\n", out)
	} else {
		fmt.Fprintf(w, "synced %d, wrote %d; open %s\n", len(res.Synced), wrote, out)
	}
	if n := res.Report.Errors(); n > 0 {
		return &FindingsError{Count: n}
	}
	return nil
}

// progressBar draws progress on a terminal once the work has taken a second.
// progressOn draws progress on w when w is a terminal.
func progressOn(w io.Writer) project.Progress {
	if isTerminal(w) {
		return &progressBar{w: w}
	}
	return project.NoProgress{}
}

type progressBar struct {
	w            io.Writer
	label        string
	total, done  int
	start        time.Time
	shown        bool
	lastDrawTime time.Time
}

func (b *progressBar) Start(what string, total int) {
	b.label, b.total, b.done, b.start = what, total, 0, time.Now()
}

func (b *progressBar) Step() {
	b.done++
	now := time.Now()
	if now.Sub(b.start) < time.Second || now.Sub(b.lastDrawTime) < 100*time.Millisecond {
		return
	}
	b.shown, b.lastDrawTime = true, now
	const width = 30
	full := width * b.done / max(1, b.total)
	fmt.Fprintf(b.w, "\r%s [%s%s] %d/%d", b.label, strings.Repeat("=", full), strings.Repeat(" ", width-full), b.done, b.total)
}

func (b *progressBar) Done() {
	if b.shown {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.shown = false
	}
}
