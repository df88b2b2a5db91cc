package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/urfave/cli/v2"
)

type reviewOptions struct {
	globals
	langs    []string
	by       string
	articles []string
	ids      []string
}

func reviewCommand() *cli.Command {
	return &cli.Command{
		Name:  "review",
		Usage: "sign off translations: record who reviewed them, and the exact text",
		UsageText: "lingo review --lang L [--by NAME] [--article SLUG]... [ID]...\n\nExamples:\n" +
			"   lingo review --lang fr --by \"Dr. Amal Haddad\" ketamine-and-the-brain.p-be7014de\n" +
			"   lingo review --lang fr --article ketamine-and-the-brain   every entry of one article\n" +
			"   lingo review --lang fr                                    every entry of French\n\n" +
			"Records, in locales/<lang>/.lingo/, who reviewed each entry (--by, else git config\n" +
			"user.name) and the exact source text and translation reviewed; any later change to\n" +
			"either makes the entry unreviewed again. Only a translated, current entry without\n" +
			"error-level findings of lingo check can be reviewed: naming another refuses the whole\n" +
			"review (exit 2); with no ID, such entries are left out and listed (exit 1).\n" +
			"With [lang.L] require_review = true in lingo.toml, only reviewed entries are published.\n" +
			"A machine draft (lingo draft) is reviewed only when named by its ID, after reading:\n" +
			"the review makes it a translation that may be published.",
		Flags: []cli.Flag{
			oneLangFlag(true),
			&cli.StringFlag{Name: "by", Usage: "the reviewer's `NAME` (default: git config user.name)"},
			&cli.StringSliceFlag{Name: "article", Usage: "with no ID: only article `SLUG` (repeatable)"},
		},
		Action: func(c *cli.Context) error {
			return runReview(c.Context, c.App.Writer, reviewOptions{globals: globalsFrom(c), langs: c.StringSlice("lang"), by: c.String("by"),
				articles: c.StringSlice("article"), ids: c.Args().Slice()})
		},
	}
}

func runReview(ctx context.Context, w io.Writer, opts reviewOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	lang, err := resolveOneLang(p, "review", opts.langs, langSet{})
	if err != nil {
		return err
	}
	by, err := p.Reviewer(opts.by)
	if errors.Is(err, project.ErrNoReviewer) {
		return usagef("%v", err)
	}
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := p.ReviewWith(project.ReviewOptions{Lang: lang, IDs: opts.ids, Articles: opts.articles, By: by})
		if err != nil {
			return err
		}
		for _, e := range res.Reviewed {
			fmt.Fprintf(w, "reviewed %s\n", e)
		}
		for _, e := range res.Skipped {
			fmt.Fprintf(w, "not reviewed %s\n", e)
		}
		fmt.Fprintf(w, "%s: %d %s reviewed by %s", res.Lang, len(res.Reviewed), plural(len(res.Reviewed), "entry", "entries"), by)
		if res.Already > 0 {
			fmt.Fprintf(w, ", %d already reviewed", res.Already)
		}
		if len(res.Skipped) > 0 {
			fmt.Fprintf(w, ", %d not reviewed (error-level findings)", len(res.Skipped))
		}
		if res.Drafts > 0 {
			fmt.Fprintf(w, ", %d machine %s left out (read each, then review it by its ID)", res.Drafts, plural(res.Drafts, "draft", "drafts"))
		}
		fmt.Fprintln(w)
		if len(res.Skipped) > 0 {
			return &FindingsError{Count: len(res.Skipped)}
		}
		return nil
	})
}
