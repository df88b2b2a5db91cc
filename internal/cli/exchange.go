package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/interchange"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/report"
	"github.com/urfave/cli/v2"
)

type exportOptions struct {
	globals
	langs       []string
	format, out string
	formatSet   bool // --format was given; else the --out file's extension says
}

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write a language's messages as XLIFF 1.2, XLIFF 2.0 or gettext PO for a CAT tool",
		UsageText: "lingo export --lang L --format xliff|xliff2|po [--out FILE]\n\nExamples:\n" +
			"   lingo export --lang fr --format xliff --out fr.xlf     for OmegaT, Trados, memoQ\n" +
			"   lingo export --lang de --format po > de.po             for Weblate, Poedit\n" +
			"   lingo export --lang es --out es.po                     the format from the extension\n\n" +
			"Without --format, an --out file ending in .po or .pot is PO, any other XLIFF 1.2;\n" +
			"a --format the extension contradicts (PO into .xlf, XLIFF into .po) is refused.\n" +
			"Each unit carries its context and location as notes and its state (new, translated,\n" +
			"stale as needing review); code, URLs, shortcodes and placeholders are protected.",
		Flags: []cli.Flag{
			oneLangFlag(true),
			&cli.StringFlag{Name: "format", Value: "xliff", Usage: "`FORMAT`: xliff (1.2), xliff2 or po"},
			&cli.StringFlag{Name: "out", Usage: "write to `FILE` instead of standard output"},
		},
		Action: func(c *cli.Context) error {
			return runExport(c.App.Writer, exportOptions{globalsFrom(c), c.StringSlice("lang"), c.String("format"), c.String("out"), c.IsSet("format")})
		},
	}
}

func runExport(w io.Writer, opts exportOptions) error {
	if !slices.Contains(interchange.Formats, opts.format) {
		return usagef("--format %q: want one of %v", opts.format, interchange.Formats)
	}
	format, err := exportFormat(opts)
	if err != nil {
		return err
	}
	opts.format = format
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	lang, err := resolveOneLang(p, "export", opts.langs, langSet{})
	if err != nil {
		return err
	}
	data, err := p.Export(lang, opts.format)
	if err != nil {
		return err
	}
	if opts.out == "" {
		_, err = w.Write(data)
		return err
	}
	if err := atomicfile.WriteFile(opts.out, data); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %s\n", opts.out)
	return nil
}

func importCommand() *cli.Command {
	return &cli.Command{
		Name:  "import",
		Usage: "take translations back from an XLIFF or PO file",
		UsageText: "lingo import [--by NAME] FILE\n\nExamples:\n   lingo import fr.xlf\n   lingo import --by \"Dr. Amal Haddad\" fr.po   records her review of every entry without fuzzy\n\n" +
			"Writes only units whose ID and source hash still match, checks them as lingo check\n" +
			"does (an error-level finding refuses the whole file, exit 1), prints the warnings on\n" +
			"what the translations taken mean (a dropped negation), and reports the rest.\n" +
			"A unit signed off (XLIFF 1.2 signed-off or final, 2.0 final; in a language with\n" +
			"require_review, a PO entry without fuzzy) records a review only when --by names the\n" +
			"reviewer: a file's own say-so never signs anything off.",
		Flags: []cli.Flag{&cli.StringFlag{Name: "by", Usage: "the reviewer's `NAME` for the units signed off in the file (none: no review is recorded)"}},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("import takes one FILE")
			}
			return runImport(c.Context, c.App.Writer, globalsFrom(c), c.Args().First(), c.String("by"))
		},
	}
}

func runImport(ctx context.Context, w io.Writer, g globals, path, by string) error {
	p, err := openProject(g)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := p.ImportWith(path, data, project.ImportOptions{By: by})
		var ie *project.ImportError
		if errors.As(err, &ie) {
			rep := &check.Report{Findings: ie.Findings}
			if werr := report.Write(w, rep, "text", isTerminal(w)); werr != nil {
				return werr
			}
			fmt.Fprintf(w, "%s: nothing imported\n", path)
			return &FindingsError{Count: rep.Errors()}
		}
		if res != nil {
			for _, f := range res.Written { // no "nothing changed": the summary says it
				fmt.Fprintf(w, "wrote %s\n", filepath.ToSlash(f))
			}
		}
		if err != nil {
			return err
		}
		if len(res.Findings) > 0 {
			if err := report.Write(w, &check.Report{Findings: res.Findings}, "text", isTerminal(w)); err != nil {
				return err
			}
		}
		for _, prob := range res.Problems {
			fmt.Fprintf(w, "skipped %s\n", prob)
		}
		for _, id := range res.Reviewed {
			fmt.Fprintf(w, "reviewed %s\n", id)
		}
		for _, prob := range res.NotReviewed {
			fmt.Fprintf(w, "not reviewed %s\n", prob)
		}
		fmt.Fprintf(w, "%s: imported %d (%d changed, %d unchanged), skipped %d", res.Lang, res.Imported, res.Changed, res.Imported-res.Changed, res.Skipped)
		if len(res.Reviewed) > 0 {
			fmt.Fprintf(w, ", reviewed %d", len(res.Reviewed))
		}
		fmt.Fprintln(w)
		return nil
	})
}

// exportFormat is the format an export writes: --format, else the one the
// --out file's extension names (.po and .pot PO, else XLIFF 1.2). A
// --format its extension contradicts is refused: a .po file of XLIFF is
// read by no tool.
func exportFormat(opts exportOptions) (string, error) {
	ext := strings.ToLower(filepath.Ext(opts.out))
	po := ext == ".po" || ext == ".pot"
	xliff := ext == ".xlf" || ext == ".xliff"
	switch {
	case !opts.formatSet && po:
		return "po", nil
	case !opts.formatSet:
		return opts.format, nil
	case po && opts.format != "po", xliff && opts.format == "po":
		return "", usagef("--out %s: a %s file, but --format %s; name the file for its format, or leave --format out", opts.out, ext, opts.format)
	}
	return opts.format, nil
}
