// Package cli is lingo's command line: it parses arguments with urfave/cli
// into one options struct per command, runs the command against a project,
// prints what it did, and maps every error to the documented exit codes
// (0 success, 1 findings, 2 bad usage or bad input, 3 project locked by
// another run, 130 interrupted). Nothing here exits the process or touches
// the process's standard streams: main passes them in.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/version"
	"github.com/urfave/cli/v2"
)

// Exit codes, as the README documents them.
const (
	ExitOK        = 0   // success
	ExitFindings  = 1   // the command ran and found problems at error level
	ExitUsage     = 2   // bad usage or bad input, or any other failure
	ExitLocked    = 3   // another lingo run holds the project's lock
	ExitCancelled = 130 // interrupted (SIGINT or SIGTERM), stopped at a safe point
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
// exit code. SIGINT (Ctrl-C) or SIGTERM cancels the command's context, so a
// command stops at its next safe point; once one has arrived, the signals
// take their default action again, so a second Ctrl-C ends the process at
// once (every write is atomic: files are still old or new).
func Run(args []string, streams IO) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	context.AfterFunc(ctx, stop)
	return run(ctx, args, streams)
}

// run runs lingo with args under ctx: every command's context (c.Context)
// derives from it, and so does the wait for the project's lock.
func run(ctx context.Context, args []string, streams IO) int {
	app := newApp(streams)
	notFound := false
	app.CommandNotFound = func(c *cli.Context, name string) {
		notFound = true
		fmt.Fprintf(streams.Err, "lingo: unknown command %q; run 'lingo --help'\n", name)
	}
	err := app.RunContext(ctx, args)
	if notFound {
		return ExitUsage
	}
	code := exitCode(err)
	var fe *FindingsError
	switch {
	case err == nil, errors.As(err, &fe):
		// Findings are printed by the command itself.
	case code == ExitCancelled:
		fmt.Fprintln(streams.Err, "lingo: interrupted; every file is as it was or as a complete run writes it")
	default:
		fmt.Fprintf(streams.Err, "lingo: %v\n", err)
	}
	return code
}

// exitCode maps an error to its exit code, the one place that does: a
// cancelled run is 130, a project another run holds is 3, findings are 1,
// and every other error (usage, config, unreadable or malformed input,
// failed writes) is 2.
func exitCode(err error) int {
	var fe *FindingsError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitCancelled
	case errors.Is(err, project.ErrLocked):
		return ExitLocked
	case errors.As(err, &fe):
		return ExitFindings
	default:
		return ExitUsage
	}
}

// globals are the options every command shares.
type globals struct {
	ctx    context.Context // the command's: done on Ctrl-C or SIGTERM
	dir    string          // -C: the project folder
	config string          // --config: lingo.toml, relative to dir
	errw   io.Writer       // where progress is drawn, when it is a terminal
}

func (g globals) configPath() string {
	if filepath.IsAbs(g.config) {
		return g.config
	}
	return filepath.Join(g.dir, g.config)
}

func globalsFrom(c *cli.Context) globals {
	return globals{ctx: c.Context, dir: c.String("C"), config: c.String("config"), errw: c.App.ErrWriter}
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
		HideHelpCommand: false,
		ExitErrHandler:  func(*cli.Context, error) {},
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "C", Value: ".", Usage: "run in project folder `DIR`"},
			&cli.StringFlag{Name: "config", Value: "lingo.toml", Usage: "read the config from `FILE` (relative to DIR)"},
		},
		Commands: []*cli.Command{initCommand(), extractCommand(), syncCommand(), statusCommand(), diffCommand(), acceptCommand(), checkCommand(), buildCommand(), adoptCommand(), exportCommand(), importCommand(), reviewCommand(), draftCommand(), pseudoCommand(), renderCommand(), serveCommand()},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usagef("%v", err)
		},
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = app.OnUsageError
	}
	return app
}
