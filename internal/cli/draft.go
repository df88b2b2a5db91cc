package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lingo-l10n/lingo/internal/draft"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/urfave/cli/v2"
)

type draftOptions struct {
	globals
	lang     string
	engine   string
	articles []string
	stale    bool
}

func draftCommand() *cli.Command {
	return &cli.Command{
		Name:  "draft",
		Usage: "fill missing entries with machine drafts (Apertium), never published until a person edits or reviews them",
		UsageText: "lingo draft --lang L [--article SLUG]... [--engine NAME] [--stale]\n\nExamples:\n" +
			"   lingo draft --lang es                                   every missing Spanish entry\n" +
			"   lingo draft --lang es --article ketamine-and-the-brain  one article\n\n" +
			"Fills each entry no one has translated with a machine draft: translation memory first\n" +
			"(an exact match wins over a draft), then the engine of [draft] in lingo.toml: apertium\n" +
			"(the default: the apertium binary, offline, with the pair's Debian package, e.g.\n" +
			"apertium-eng-spa), apertium-apy or libretranslate (HTTP, at [draft] url). Links, code\n" +
			"spans, emphasis, shortcodes and placeholders are kept as they are.\n" +
			"A draft records its engine and exact text: status, check and the status page count\n" +
			"it as work to do, and it is never published, whatever min_complete says, until a\n" +
			"person edits it or reviews it (lingo review --lang L ID, or the workbench). Words the\n" +
			"engine marked (unknown *, # and @) are findings on the draft.\n" +
			"A translation a person wrote is never replaced: running draft again fills only what is\n" +
			"still missing. A stale entry a person translated keeps its translation: with --stale,\n" +
			"a draft of the new source text goes beside it, in the entry's STALE notice (\"machine\n" +
			"draft of the now text\"), never in its place; --stale also drafts again any machine\n" +
			"draft made for an older source text. Nothing is written when the engine fails.",
		Flags: []cli.Flag{
			oneLangFlag(true),
			&cli.StringSliceFlag{Name: "article", Usage: "only article `SLUG` (repeatable)"},
			&cli.StringFlag{Name: "engine", Usage: "`NAME`: apertium, apertium-apy or libretranslate (default: lingo.toml's [draft] engine, else apertium)"},
			&cli.BoolFlag{Name: "stale", Usage: "also draft the new text of stale entries, beside (never in place of) a person's translation"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("draft takes no arguments (got %q): name articles with --article", c.Args().First())
			}
			return runDraft(c.Context, c.App.Writer, draftOptions{globals: globalsFrom(c), lang: strings.Join(c.StringSlice("lang"), ","),
				engine: c.String("engine"), articles: c.StringSlice("article"), stale: c.Bool("stale")})
		},
	}
}

func runDraft(ctx context.Context, w io.Writer, opts draftOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	lang, err := resolveOneLang(p, "draft", []string{opts.lang}, langSet{})
	if err != nil {
		return err
	}
	e, err := draft.Engine(ctx, p.Config, lang, opts.engine, os.Getenv)
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := draft.For(p.Project).Draft(ctx, e, draft.Options{Lang: lang, Articles: opts.articles, Stale: opts.stale})
		if errors.Is(err, project.ErrNoArticle) {
			return usagef("%v", err)
		}
		if err != nil {
			return err
		}
		for _, c := range res.Written {
			fmt.Fprintf(w, "wrote %s\n", c)
		}
		fmt.Fprintf(w, "%s: %d %s drafted by %s", res.Lang, res.Drafted, plural(res.Drafted, "entry", "entries"), res.Engine)
		if res.Marked > 0 {
			fmt.Fprintf(w, ", %d with words the engine marked", res.Marked)
		}
		if res.Lost > 0 {
			fmt.Fprintf(w, ", %d whose markup the engine did not keep", res.Lost)
		}
		if res.Memory > 0 {
			fmt.Fprintf(w, ", %d from translation memory", res.Memory)
		}
		if res.Kept > 0 {
			fmt.Fprintf(w, ", %d stale %s a person translated kept as %s (--stale drafts the new text beside it)", res.Kept,
				plural(res.Kept, "entry", "entries"), plural(res.Kept, "it is", "they are"))
		}
		if res.Beside > 0 {
			fmt.Fprintf(w, ", %d stale %s a person translated with a draft of the new text beside the translation", res.Beside, plural(res.Beside, "entry", "entries"))
		}
		fmt.Fprintln(w)
		if res.Drafted > 0 {
			fmt.Fprintf(w, "drafts are not published until a person edits or reviews them (lingo review --lang %s ID, or lingo serve)\n", res.Lang)
		}
		return nil
	})
}
