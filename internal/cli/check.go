package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/report"
	"github.com/urfave/cli/v2"
)

type checkOptions struct {
	globals
	langs   []string
	format  string
	summary string // with --format github: the file to append a Markdown job summary to ("": none)
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "check every language: completeness, numbers, links, code, HTML safety, glossary",
		UsageText: "lingo check [--lang L]... [--format text|json|github|sarif]\n\nExamples:\n" +
			"   lingo check --lang fr          before a translator pushes\n" +
			"   lingo check --format github    in GitHub Actions: annotations on the lines,\n" +
			"                                  the most important first, and a job summary\n" +
			"   lingo check --format sarif > lingo.sarif\n\n" +
			"Exit status: 0 clean (warnings allowed), 1 findings at error level,\n2 bad usage or unreadable input. Missing and stale entries are work not yet\n" +
			"done: warnings, unless a language is below its gate ([lang.<tag>] gate in\nlingo.toml) or [check.severity] makes them errors. With [check] reading_grade = 8,\n" +
			"a source article that reads above 8th grade is a reading-grade warning naming its\n" +
			"longest sentences, and a translation much harder than its source reading-harder.",
		Flags: []cli.Flag{
			langFlag(),
			&cli.StringFlag{Name: "format", Value: "text", Usage: "`FORMAT`: text, json, github or sarif"},
			// GitHub Actions names the step's summary file in the
			// environment; urfave reads it, so nothing else here does.
			&cli.StringFlag{Name: "summary", EnvVars: []string{"GITHUB_STEP_SUMMARY"},
				Usage: "with --format github, append a Markdown job summary to `FILE`"},
		},
		Action: func(c *cli.Context) error {
			return runCheck(c.App.Writer, checkOptions{globalsFrom(c), c.StringSlice("lang"), c.String("format"), c.String("summary")})
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
	if f, ok := check.InputFinding(err); ok {
		var werr error
		switch opts.format {
		case "github":
			werr = writeGitHub(w, opts, report.Stream{Findings: func(yield func(check.Finding, error) bool) { yield(f, nil) }})
		case "sarif":
			werr = report.Write(w, &check.Report{Findings: []check.Finding{f}}, opts.format, false)
		}
		if werr != nil {
			return werr
		}
	}
	return err
}

// writeGitHub prints s as annotations and, when opts names a summary
// file, appends the job summary to it. The summary is written once every
// finding is read: a failed reading leaves the file as it was.
func writeGitHub(w io.Writer, opts checkOptions, s report.Stream) error {
	if opts.summary == "" {
		return report.WriteGitHub(w, nil, s)
	}
	var summary bytes.Buffer
	if err := report.WriteGitHub(w, &summary, s); err != nil {
		return err
	}
	return appendFile(opts.summary, summary.Bytes())
}

// appendFile adds data at the end of the file at path, creating it if
// need be (GitHub creates a step's summary file; a local run may not).
func appendFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
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
	if opts.format == "github" {
		err = writeGitHub(w, opts, s)
	} else {
		err = report.WriteStream(w, s, opts.format, opts.format == "text" && isTerminal(w))
	}
	if err != nil {
		return err
	}
	if n := res.Errors(); n > 0 {
		return &FindingsError{Count: n}
	}
	return nil
}
