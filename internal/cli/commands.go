package cli

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/urfave/cli/v2"
)

// openProject loads the project named by the global options. A -C folder
// that does not exist is a usage error of its own, so the message names it
// rather than the lingo.toml it cannot hold.
func openProject(g globals) (*project.Project, error) {
	if !filepath.IsAbs(g.config) {
		if err := checkDir(g.dir); err != nil {
			return nil, err
		}
	}
	p, err := project.Open(g.configPath())
	if err != nil {
		return nil, err
	}
	if g.ctx != nil {
		p = p.WithContext(g.ctx)
	}
	if g.errw != nil {
		p.Progress = progressOn(g.errw)
	}
	return p, nil
}

// checkDir reports a -C value that is not an existing folder.
func checkDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("-C %s: no such folder", dir)
	case err != nil:
		return usagef("-C %s: %v", dir, err)
	case !fi.IsDir():
		return usagef("-C %s: not a folder", dir)
	}
	return nil
}

// printWritten prints what a command wrote, one path a line. When it wrote
// nothing it says so, unless err stopped it: a failed run has not found
// everything up to date.
func printWritten(w io.Writer, verb string, paths []string, err error) {
	changes := make([]project.Change, len(paths))
	for i, p := range paths {
		changes[i] = project.Change{Path: filepath.ToSlash(p)}
	}
	printChanges(w, verb, changes, err)
}

// printChanges prints each file written, after verb, and each file
// removed with why; "nothing changed" when there is none.
func printChanges(w io.Writer, verb string, changes []project.Change, err error) {
	for _, c := range changes {
		if c.Removed {
			fmt.Fprintln(w, c)
		} else {
			fmt.Fprintf(w, "%s %s\n", verb, c.Path)
		}
	}
	if len(changes) == 0 && err == nil {
		fmt.Fprintln(w, "nothing changed")
	}
}

// parseLangs validates --lang values (each may be a comma-separated list).
func parseLangs(values []string) ([]string, error) {
	return parseTags("--lang", values)
}

// parseTags validates the language tags of a flag's values (each may be a
// comma-separated list); an error names the flag.
func parseTags(flag string, values []string) ([]string, error) {
	var out []string
	for _, v := range values {
		for _, s := range strings.Split(v, ",") {
			tag, err := config.ParseTag(strings.TrimSpace(s))
			if err != nil {
				return nil, usagef("%s: %v", flag, err)
			}
			out = append(out, tag)
		}
	}
	return out, nil
}

type initOptions struct {
	globals
	source    string
	languages []string
}

func initCommand() *cli.Command {
	return &cli.Command{
		Name:  "init",
		Usage: "create lingo.toml, content/ and locales/ (never overwrites)",
		UsageText: "lingo init [--source en] [--languages es,fr]\n\nExample:\n   lingo -C site init --source en --languages es,fr,de\n\n" +
			"Also writes a .gitignore with lingo's lock and cache (/.lingo.lock, /.lingo/); an existing\n.gitignore is left as it is, and init lists the lines it lacks.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "source", Value: "en", Usage: "source language `TAG` (BCP 47)"},
			&cli.StringSliceFlag{Name: "languages", Usage: "target language `TAGS`, comma-separated"},
		},
		Action: func(c *cli.Context) error {
			return runInit(c.App.Writer, initOptions{globalsFrom(c), c.String("source"), c.StringSlice("languages")})
		},
	}
}

func runInit(w io.Writer, opts initOptions) error {
	src, err := config.ParseTag(opts.source)
	if err != nil {
		return usagef("--source: %v", err)
	}
	langs, err := parseTags("--languages", opts.languages)
	if err != nil {
		return err
	}
	for i, l := range langs {
		if l == src || slices.Contains(langs[:i], l) {
			return usagef("--languages: %s is listed twice or is the source language", l)
		}
	}
	cfg := config.Default(src, langs)
	created, err := config.Init(opts.dir, opts.configPath(), cfg)
	if err != nil {
		return err
	}
	printWritten(w, "created", created, nil)
	if missing := config.MissingIgnores(filepath.Dir(opts.configPath())); !slices.Contains(created, ".gitignore") && len(missing) > 0 {
		fmt.Fprintf(w, "left .gitignore as it is; to keep lingo's lock and cache out of git, add:\n  %s\n", strings.Join(missing, "\n  "))
	}
	return nil
}

type extractOptions struct{ globals }

func extractCommand() *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "write the source catalogs: locales/<source>/<slug>.<source>.<format>",
		UsageText: "lingo extract\n\nEvery heading, paragraph, list item, table cell, quote, footnote, front matter\ntext field, HTML text and shortcode alt/title/caption becomes one message.",
		Action: func(c *cli.Context) error {
			return runExtract(c.Context, c.App.Writer, extractOptions{globalsFrom(c)})
		},
	}
}

func runExtract(ctx context.Context, w io.Writer, opts extractOptions) error {
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		written, err := p.Extract()
		printWritten(w, "wrote", written, err)
		return err
	})
}

type pseudoOptions struct {
	globals
	langs []string
}

func pseudoCommand() *cli.Command {
	return &cli.Command{
		Name:  "pseudo",
		Usage: "fill a pseudo-locale catalog: accented, ~35% longer, bracketed",
		UsageText: "lingo pseudo [--lang en-XA]\n\nExample:\n   lingo pseudo && lingo render --lang en-XA\n\n" +
			"Code, URLs, numbers, HTML tags, shortcodes and {{ }} placeholders stay as they are.",
		Flags: []cli.Flag{&cli.StringSliceFlag{Name: "lang", Usage: "pseudo-locale `TAG` (one; default en-XA)"}},
		Action: func(c *cli.Context) error {
			return runPseudo(c.Context, c.App.Writer, pseudoOptions{globalsFrom(c), c.StringSlice("lang")})
		},
	}
}

func runPseudo(ctx context.Context, w io.Writer, opts pseudoOptions) error {
	lang, err := resolveOneLang(nil, "pseudo", opts.langs, langSet{})
	if err != nil {
		return err
	}
	lang = cmp.Or(lang, "en-XA")
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	if lang == p.Config.Source {
		return usagef("--lang %s is the source language; pick a pseudo-locale such as en-XA", lang)
	}
	// Any pseudo-locale, or a language of the project (to fill its
	// catalogs for a test); never a language the project does not have.
	if !check.IsPseudo(lang) {
		if err := knownLang(p, lang, langSet{}); err != nil {
			return usagef("%v; or pick a pseudo-locale such as en-XA", err)
		}
	}
	return withLock(ctx, p, func() error {
		written, err := p.Pseudo(lang)
		printWritten(w, "wrote", written, err)
		return err
	})
}

type renderOptions struct {
	globals
	langs   []string
	formats []string
}

func renderCommand() *cli.Command {
	return &cli.Command{
		Name:  "render",
		Usage: "write every article in every language: out/<lang>/<slug>.md and .html",
		UsageText: "lingo render [--lang L]... [--format md|html]...\n\nExamples:\n   lingo render                       Markdown and HTML (as lingo build), the source and every target language\n" +
			"   lingo render --lang fr --format md   French Markdown only\n\n" +
			"A translation is published when it is current and passes every check; any other\npassage falls back along the language's chain to the source. An article below its\n" +
			"min_complete in a language shows the source article there, under a notice\n(fallback = \"source\"), or no page (fallback = \"none\").",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "lang", Usage: "render only language `L` (repeatable)"},
			&cli.StringSliceFlag{Name: "format", Value: cli.NewStringSlice(project.Formats...), Usage: "output `FORMAT`: md or html (repeatable; default both, as lingo build)"},
		},
		Action: func(c *cli.Context) error {
			return runRender(c.Context, c.App.Writer, renderOptions{globalsFrom(c), c.StringSlice("lang"), c.StringSlice("format")})
		},
	}
}

func runRender(ctx context.Context, w io.Writer, opts renderOptions) error {
	for _, f := range opts.formats {
		if !slices.Contains(project.Formats, f) {
			return usagef("--format %q: want md or html", f)
		}
	}
	if _, err := parseLangs(opts.langs); err != nil {
		return err
	}
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	langs, err := resolveLangs(p, opts.langs, langSet{source: true, pseudo: true})
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := p.Publish(project.PublishOptions{Langs: langs, Formats: opts.formats}, project.NoProgress{})
		for _, warning := range res.Warnings {
			fmt.Fprintf(opts.errw, "lingo: warning: %s\n", warning)
		}
		printChanges(w, "wrote", res.Changes, err)
		return err
	})
}
