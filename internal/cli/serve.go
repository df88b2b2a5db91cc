package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/workbench"
	"github.com/urfave/cli/v2"
)

type serveOptions struct {
	globals
	addr   string
	langs  []string
	remote bool
	hosts  []string // --allow-host
	by     string
}

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "the translator's workbench in a browser: edit, live checks, preview, review",
		UsageText: "lingo serve [--addr 127.0.0.1:8080] [--lang L]... [--by NAME] [--allow-remote --allow-host NAME...]\n\nExamples:\n" +
			"   lingo serve                          open http://127.0.0.1:8080/ in a browser\n" +
			"   lingo serve --lang ar --addr 127.0.0.1:9000\n" +
			"   lingo serve --addr 0.0.0.0:8080 --allow-remote --allow-host lingo.example.org\n\n" +
			"An overview of every article in every language (the numbers of lingo status); for\n" +
			"one article in one language, the source and the translation side by side, entry by\n" +
			"entry, with lingo check's findings as you type, the word diff of stale entries, a\n" +
			"preview of the rendered page and a \"reviewed\" action (recorded as lingo review does,\n" +
			"under --by or git's user.name). Saving writes the catalog and runs sync for the\n" +
			"language under the project's lock; a catalog changed on disk since the page was\n" +
			"loaded is never overwritten. It answers on this machine only; --allow-remote serves\n" +
			"another address, to requests addressed to an --allow-host name, and then saving needs\n" +
			"the token printed at startup.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"},
			langFlag(),
			&cli.StringFlag{Name: "by", Usage: "record reviews under `NAME` (default: git config user.name)"},
			&cli.BoolFlag{Name: "allow-remote", Usage: "allow a non-local --addr (saving then needs the token printed at startup; needs --allow-host)"},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "with --allow-remote, answer requests addressed to `NAME` (a host name or IP address; repeat for more); any other Host is refused"},
		},
		Action: func(c *cli.Context) error {
			return runServe(c.Context, c.App.Writer, serveOptions{globalsFrom(c), c.String("addr"), c.StringSlice("lang"), c.Bool("allow-remote"), c.StringSlice("allow-host"), c.String("by")})
		},
	}
}

// runServe serves the workbench until ctx ends (Ctrl-C: Run's signal
// handling cancels it), then shuts the server down and returns nil.
func runServe(ctx context.Context, w io.Writer, opts serveOptions) error {
	if _, _, err := net.SplitHostPort(opts.addr); err != nil {
		return usagef("--addr %s: want HOST:PORT (%v)", opts.addr, err)
	}
	if !opts.remote && !workbench.IsLocal(opts.addr) {
		return usagef("--addr %s is not a local address: anyone who reaches it could read the project; pass --allow-remote to serve it, with --allow-host NAME for each name browsers reach it by (saving then needs the token printed at startup)", opts.addr)
	}
	if err := workbench.CheckHosts(opts.remote, opts.hosts); err != nil {
		return usagef("%v", err)
	}
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := targetLangs(p, opts.langs)
	if err != nil {
		return err
	}
	if len(langs) == 0 {
		return usagef("the project has no target languages (lingo.toml languages)")
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	addr := ln.Addr().String()
	wb, err := workbench.New(p, workbench.Options{Addr: addr, Langs: langs, Remote: opts.remote, AllowHosts: opts.hosts, Reviewer: opts.by})
	if err != nil {
		ln.Close()
		return usagef("%v", err)
	}
	url := "http://" + addr + "/"
	if opts.remote {
		// The address browsers use: under the first name it answers to.
		_, port, _ := net.SplitHostPort(addr)
		url = "http://" + net.JoinHostPort(strings.TrimSuffix(strings.TrimPrefix(opts.hosts[0], "["), "]"), port) + "/"
		fmt.Fprintf(w, "lingo serve: %s?token=%s\n", url, wb.Token())
		fmt.Fprintf(w, "Saving needs the token %s: open the address above, token included.\n", wb.Token())
	} else {
		fmt.Fprintf(w, "lingo serve: %s\n", url)
	}
	fmt.Fprintln(w, "Press Ctrl-C to stop.")
	srv := &http.Server{Handler: wb, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
