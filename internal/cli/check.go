package cli

import (
	"io"
	"slices"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/report"
	"github.com/urfave/cli/v2"
)

type checkOptions struct {
	globals
	langs  []string
	format string
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "check every language: completeness, numbers, links, code, HTML safety, glossary",
		UsageText: "lingo check [--lang L]... [--format text|json|github|sarif]\n\nExamples:\n" +
			"   lingo check --lang fr          before a translator pushes\n" +
			"   lingo check --format github    in GitHub Actions: annotations on the lines\n" +
			"   lingo check --format sarif > lingo.sarif\n\n" +
			"Exit status: 0 clean (warnings allowed), 1 findings at error level,\n2 bad usage or unreadable input. Missing and stale entries are work not yet\n" +
			"done: warnings, unless a language is below its gate ([lang.<tag>] gate in\nlingo.toml) or [check.severity] makes them errors.",
		Flags: []cli.Flag{langFlag(), &cli.StringFlag{Name: "format", Value: "text", Usage: "`FORMAT`: text, json, github or sarif"}},
		Action: func(c *cli.Context) error {
			return runCheck(c.App.Writer, checkOptions{globalsFrom(c), c.StringSlice("lang"), c.String("format")})
		},
	}
}

func runCheck(w io.Writer, opts checkOptions) error {
	if !slices.Contains(report.Formats, opts.format) {
		return usagef("--format %q: want one of %v", opts.format, report.Formats)
	}
	err := checkProject(w, opts)
	// Bad input is still exit 2 and on stderr; for CI it is also an
	// annotation, or a SARIF result, at its file and line.
	if f, ok := check.InputFinding(err); ok && (opts.format == "github" || opts.format == "sarif") {
		if werr := report.Write(w, &check.Report{Findings: []check.Finding{f}}, opts.format, false); werr != nil {
			return werr
		}
	}
	return err
}

func checkProject(w io.Writer, opts checkOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := resolveLangs(p, opts.langs, langSet{pseudo: true})
	if err != nil {
		return err
	}
	res, err := p.Check(langs)
	if err != nil {
		return err
	}
	defer res.Close()
	s := report.Stream{Findings: res.Findings(), Totals: res.Totals, Checks: res.Checks}
	if err := report.WriteStream(w, s, opts.format, opts.format == "text" && isTerminal(w)); err != nil {
		return err
	}
	if n := res.Errors(); n > 0 {
		return &FindingsError{Count: n}
	}
	return nil
}
