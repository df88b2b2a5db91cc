// Package cli is lingo's command line: it parses arguments with urfave/cli
// into one options struct per command, runs the command against a project,
// prints what it did, and maps every error to the documented exit codes
// (0 success, 1 findings, 2 bad usage or bad input). Nothing here exits the
// process or touches the process's standard streams: main passes them in.
package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/version"
	"github.com/urfave/cli/v2"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// IO holds the streams a command reads and writes.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// UsageError is a command line that cannot be run as given.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// usagef builds a UsageError.
func usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// FindingsError says a command ran and found problems at error level.
type FindingsError struct{ Count int }

func (e *FindingsError) Error() string { return fmt.Sprintf("%d findings", e.Count) }

// Run runs lingo with args (args[0] is the program name) and returns the
// exit code.
func Run(args []string, streams IO) int {
	app := newApp(streams)
	notFound := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		notFound = true
		fmt.Fprintf(streams.Err, "lingo: unknown command %q; run 'lingo --help'\n", name)
	}
	err := app.Run(args)
	if notFound {
		return ExitUsage
	}
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	var fe *FindingsError
	if !errors.As(err, &fe) {
		fmt.Fprintf(streams.Err, "lingo: %v\n", err)
	}
	return code
}

// exitCode maps an error to its exit code: findings are 1, and everything
// else (usage, config, unreadable or malformed input, failed writes) is 2.
func exitCode(err error) int {
	var fe *FindingsError
	if errors.As(err, &fe) {
		return ExitFindings
	}
	return ExitUsage
}

// globals are the options every command shares.
type globals struct {
	dir    string    // -C: the project folder
	config string    // --config: lingo.toml, relative to dir
	errw   io.Writer // where progress is drawn, when it is a terminal
}

func (g globals) configPath() string {
	if filepath.IsAbs(g.config) {
		return g.config
	}
	return filepath.Join(g.dir, g.config)
}

func globalsFrom(c *cli.Context) globals {
	return globals{dir: c.String("C"), config: c.String("config"), errw: c.App.ErrWriter}
}

func newApp(streams IO) *cli.App {
	app := &cli.App{
		Name:  "lingo",
		Usage: "localize Markdown articles through go-i18n message catalogs",
		UsageText: `lingo [-C DIR] [--config FILE] COMMAND [options]

Examples:
   lingo init --source en --languages es,fr   start a project here
   lingo build                                sync, check, render every language (the main job)
   lingo status                               what is left to translate, per language
   lingo check --lang fr                      before a translator pushes
   lingo -C site build                        in another folder`,
		Version:         version.String(),
		Reader:          streams.In,
		Writer:          streams.Out,
		ErrWriter:       streams.Err,
		HideHelpCommand: true,
		ExitErrHandler:  func(*cli.Context, error) {},
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Value: ".", Usage: "run in project folder `DIR`"},
			&cli.StringFlag{Name: "config", Value: "lingo.toml", Usage: "read the config from `FILE` (relative to DIR)"},
		},
		Commands: []*cli.Command{initCommand(), extractCommand(), syncCommand(), statusCommand(), diffCommand(), acceptCommand(), checkCommand(), buildCommand(), adoptCommand(), exportCommand(), importCommand(), reviewCommand(), pseudoCommand(), renderCommand(), serveCommand()},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v", err)
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}
