package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

func adoptCommand() *cli.Command {
	return &cli.Command{
		Name:  "adopt",
		Usage: "build a language's catalogs from articles already translated by hand",
		UsageText: "lingo adopt --lang L PATH...\n\nExamples:\n" +
			"   lingo adopt --lang fr ../site/content/fr          a folder: paired by relative path\n" +
			"   lingo adopt --lang fr old/fr/guides/sleep.md      a file: paired by its path's tail\n\n" +
			"Each translated article is aligned block by block with its source article; aligned\n" +
			"blocks become translations, and every block that cannot be paired for certain is\n" +
			"reported with its file and line, never guessed.",
		Flags: []cli.Flag{oneLangFlag(true)},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("adopt needs at least one PATH of translated articles")
			}
			return runAdopt(c.Context, c.App.Writer, globalsFrom(c), c.StringSlice("lang"), c.Args().Slice())
		},
	}
}

func runAdopt(ctx context.Context, w io.Writer, g globals, values []string, paths []string) error {
	p, err := openProject(g)
	if err != nil {
		return err
	}
	lang, err := resolveOneLang(p, "adopt", values, langSet{})
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := p.Adopt(lang, paths)
		if err != nil {
			return err
		}
		printWritten(w, "wrote", res.Written, nil)
		for _, gap := range res.Gaps {
			if gap.Line > 0 {
				fmt.Fprintf(w, "%s:%d: %s\n", gap.File, gap.Line, gap.Reason)
			} else {
				fmt.Fprintf(w, "%s: %s\n", gap.File, gap.Reason)
			}
		}
		fmt.Fprintf(w, "%s: %d articles, %d messages aligned, %d blocks left out\n", lang, res.Articles, res.Aligned, len(res.Gaps))
		return nil
	})
}
