package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/worddiff"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

// lockWait is how long a writing command waits for another run to finish
// (less when the command's context ends first).
const lockWait = time.Minute

// targetLangs resolves --lang values against the project's target
// languages: every one when none is given.
func targetLangs(p *project.Project, values []string) ([]string, error) {
	return resolveLangs(p, values, langSet{})
}

// withLock runs fn while holding the project's lock. It waits for the lock
// for lockWait at most, and no longer than ctx lasts: a project still held
// then is project.ErrLocked, a wait that ctx cancelled is context.Canceled.
func withLock(ctx context.Context, p *project.Project, fn func() error) error {
	ctx, cancel := context.WithTimeout(ctx, lockWait)
	defer cancel()
	unlock, err := p.Lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	return fn()
}

// isTerminal reports whether w is a terminal, for colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

type syncOptions struct {
	globals
	langs []string
	ids   []string
	all   bool // accept: every stale entry
}

func syncCommand() *cli.Command {
	return &cli.Command{
		Name:  "sync",
		Usage: "extract, then bring every target catalog up to date",
		UsageText: "lingo sync [--lang L]...\n\nExamples:\n   lingo sync             every language in lingo.toml\n   lingo sync --lang fr   French only\n\n" +
			"New messages appear with their source text beside them; a changed source keeps\nthe translation, marked stale; removed messages go to locales/<lang>/.lingo/archive.json\n" +
			"and come back when their text does; identical text anywhere reuses its translation.",
		Flags: []cli.Flag{langFlag()},
		Action: func(c *cli.Context) error {
			return runSync(c.Context, c.App.Writer, syncOptions{globals: globalsFrom(c), langs: c.StringSlice("lang")})
		},
	}
}

func runSync(ctx context.Context, w io.Writer, opts syncOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := targetLangs(p, opts.langs)
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		written, err := p.Sync(langs, project.SyncOptions{})
		printChanges(w, "wrote", written, err)
		return err
	})
}

func acceptCommand() *cli.Command {
	return &cli.Command{
		Name:  "accept",
		Usage: "confirm stale translations that need no change",
		UsageText: "lingo accept --lang L... (ID... | --all)\n\nExamples:\n   lingo diff --lang fr                                        what changed\n" +
			"   lingo accept --lang fr ketamine-and-the-brain.p-be7014de\n   lingo accept --lang fr --all   every stale entry of French\n\n" +
			"Each entry accepted is listed with the word diff of its source change." + waiveUsage,
		Flags: append([]cli.Flag{langsRequired(), &cli.BoolFlag{Name: "all", Usage: "accept every stale entry of the languages (instead of IDs)"}}, waiveFlags()...),
		Action: func(c *cli.Context) error {
			if wo, err := waiving(c); err != nil {
				return err
			} else if wo != nil {
				return runWaive(c.Context, c.App.Writer, *wo)
			}
			ids := c.Args().Slice()
			return runAccept(c.Context, c.App.Writer, syncOptions{globals: globalsFrom(c), langs: c.StringSlice("lang"), ids: ids, all: c.Bool("all")})
		},
	}
}

func runAccept(ctx context.Context, w io.Writer, opts syncOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := targetLangs(p, opts.langs)
	if err != nil {
		return err
	}
	l := strings.Join(langs, ",")
	switch {
	case len(opts.ids) == 0 && !opts.all:
		return usagef("accept needs the IDs of the entries to accept (`lingo diff --lang %s` lists the stale ones), or --all for every one", l)
	case len(opts.ids) > 0 && opts.all:
		return usagef("accept takes IDs or --all, not both")
	}
	accept := map[string]bool{}
	for _, id := range opts.ids {
		accept[id] = true
	}
	return withLock(ctx, p, func() error {
		plans, err := p.Plans(langs, project.SyncOptions{})
		if err != nil {
			return err
		}
		stale := map[string]bool{}
		for _, m := range messages(plans) {
			if m.State == project.Stale {
				stale[m.ID] = true
			}
		}
		for _, id := range opts.ids {
			if !stale[id] {
				return usagef("%s is not a stale entry of %s; `lingo diff --lang %s` lists them", id, l, l)
			}
		}
		written, err := p.Sync(langs, project.SyncOptions{Accept: accept, AcceptAll: opts.all})
		if err == nil {
			printAccepted(w, p, plans, func(id string) bool { return opts.all || accept[id] })
		}
		printChanges(w, "wrote", written, err)
		return err
	})
}

// printAccepted lists each stale entry of plans that chosen picks (the
// entries accept confirmed), with the word diff of its source change, so
// that nothing is accepted unseen; then the count per language.
func printAccepted(w io.Writer, p *project.Project, plans []*project.LangPlan, chosen func(id string) bool) {
	show := worddiff.Plain
	if isTerminal(w) {
		show = worddiff.Color
	}
	for _, lp := range plans {
		n := 0
		for _, ap := range lp.Articles {
			for _, m := range ap.Messages {
				if m.State != project.Stale || !chosen(m.ID) {
					continue
				}
				n++
				printStale(w, show, "accepted ", p.Rel(ap.Path), m)
			}
		}
		fmt.Fprintf(w, "%s: %d stale %s accepted\n", lp.Lang, n, plural(n, "entry", "entries"))
	}
}

// messages lists every message of the plans.
func messages(plans []*project.LangPlan) []project.Message {
	var out []project.Message
	for _, lp := range plans {
		for _, ap := range lp.Articles {
			out = append(out, ap.Messages...)
		}
	}
	return out
}

type statusOptions struct {
	globals
	langs  []string
	format string
}

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "per language: translated, stale, missing, words left, percent, machine drafts, reviewed; each article's reading level",
		UsageText: "lingo status [--lang L]... [--format text|json]\n\nExamples:\n   lingo status\n   lingo status --lang ar --format json\n\n" +
			"Counts what `lingo sync` would write; it writes nothing. Then, per article, the\n" +
			"source's reading level by its language's formula (Flesch–Kincaid grade in en;\n" +
			"Szigriszt–Pazos, Kandel–Moles, Amstad and Wiener Sachtextformel in es, fr, de;\n" +
			"sentence and word lengths elsewhere) and each translation's over its current entries.",
		Flags: []cli.Flag{langFlag(), &cli.StringFlag{Name: "format", Value: "text", Usage: "`text` or json"}},
		Action: func(c *cli.Context) error {
			return runStatus(c.App.Writer, statusOptions{globalsFrom(c), c.StringSlice("lang"), c.String("format")})
		},
	}
}

func runStatus(w io.Writer, opts statusOptions) error {
	if opts.format != "text" && opts.format != "json" {
		return usagef("--format %q: want text or json", opts.format)
	}
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := resolveLangs(p, opts.langs, langSet{pseudo: true})
	if err != nil {
		return err
	}
	stats, waivers, levels, err := p.StatusReport(langs)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Source    string                 `json:"source"`
			Languages []langStatus           `json:"languages"`
			Articles  []project.ReadingLevel `json:"articles"`
		}{p.Config.Source, withWaivers(stats, waivers), levels})
	}
	fmt.Fprintf(w, "%-8s %10s %6s %8s %10s %9s %21s %7s %9s\n", "lang", "translated", "stale", "missing", "words left", "complete", "", "drafts", "reviewed")
	for _, s := range stats {
		fmt.Fprintf(w, "%-8s %10s %6d %8d %10d %8s%%  %s %7d %9s\n", s.Lang, fmt.Sprintf("%d/%d", s.Translated, s.Messages),
			s.Stale, s.Missing, s.WordsLeft, strconv.FormatFloat(s.Percent, 'f', -1, 64), bar(s.Percent, 20), s.Machine, fmt.Sprintf("%d/%d", s.Reviewed, s.Messages))
	}
	printWaivers(w, withWaivers(stats, waivers))
	printReading(w, levels)
	return nil
}

// printReading prints each article's reading level: the source's grade,
// and each translation's score over its current entries.
func printReading(w io.Writer, levels []project.ReadingLevel) {
	if len(levels) == 0 {
		return
	}
	fmt.Fprintf(w, "\nreading level (grade: school year; ease: 0-100, higher is easier)\n")
	fmt.Fprintf(w, "%-28s %-8s %6s %6s %8s %8s  %s\n", "article", "lang", "grade", "ease", "words/s.", "entries", "formula")
	for _, a := range levels {
		name := a.Slug
		for _, l := range append([]project.ReadingScore{a.Source}, a.Langs...) {
			sc, grade, ease, formula := l.Score, "-", "-", l.Score.Formula
			if sc.HasGrade && sc.Words > 0 {
				grade, ease = fmt.Sprintf("%.1f", sc.Grade), fmt.Sprintf("%.1f", sc.Ease)
			}
			if formula == "" {
				formula = "none: lengths only"
				if !sc.Chars {
					formula += fmt.Sprintf(", %.1f letters a word", sc.LettersPerWord())
				} else {
					formula += " (characters)"
				}
			}
			fmt.Fprintf(w, "%-28s %-8s %6s %6s %8.1f %8s  %s\n", name, l.Lang, grade, ease, sc.WordsPerSentence(), fmt.Sprintf("%d/%d", l.Entries, l.Of), formula)
			name = ""
		}
	}
}

// bar draws percent as a bar of width cells.
func bar(percent float64, width int) string {
	full := int(percent/100*float64(width) + 0.5)
	return strings.Repeat("█", full) + strings.Repeat("░", width-full)
}

type diffOptions struct {
	globals
	langs []string
}

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "for each stale entry, a word diff of the source change beside the translation",
		UsageText: "lingo diff --lang L...\n\nExamples:\n   lingo diff --lang fr\n   lingo diff --lang fr,es   (or --lang fr --lang es)\n\nRemoved words show as [-old-], added ones as {+new+} (in colour on a terminal).",
		Flags:     []cli.Flag{langsRequired()},
		Action: func(c *cli.Context) error {
			return runDiff(c.App.Writer, diffOptions{globalsFrom(c), c.StringSlice("lang")})
		},
	}
}

func runDiff(w io.Writer, opts diffOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := targetLangs(p, opts.langs)
	if err != nil {
		return err
	}
	plans, err := p.Plans(langs, project.SyncOptions{})
	if err != nil {
		return err
	}
	show := worddiff.Plain
	if isTerminal(w) {
		show = worddiff.Color
	}
	for i, lang := range langs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		n := 0
		for _, ap := range plans[i].Articles {
			for _, m := range ap.Messages {
				if m.State != project.Stale {
					continue
				}
				n++
				printStale(w, show, "", p.Rel(ap.Path), m)
			}
		}
		fmt.Fprintf(w, "%d stale %s in %s\n", n, plural(n, "entry", "entries"), lang)
	}
	return nil
}

// printStale writes stale entry m of the catalog at path: its place
// after prefix, the word diff of its source change (drawn by show), and its
// translation.
func printStale(w io.Writer, show func([]worddiff.Op) string, prefix, path string, m project.Message) {
	if m.Line > 0 {
		path = fmt.Sprintf("%s:%d", path, m.Line)
	}
	fmt.Fprintf(w, "%s%s: %s\n", prefix, path, m.ID)
	if m.Old == "" {
		fmt.Fprintf(w, "  source (was not recorded): %s\n", m.Source)
	} else {
		fmt.Fprintf(w, "  source:      %s\n", show(worddiff.Diff(m.Old, m.Source)))
	}
	fmt.Fprintf(w, "  translation: %s\n\n", m.Translation)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
