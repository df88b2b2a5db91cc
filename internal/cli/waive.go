package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/urfave/cli/v2"
)

// waiveUsage is accept's help on waivers.
const waiveUsage = "\n\nA waiver: lingo accept --lang L --check NAME [--by NAME] [--why TEXT] ID...\n" +
	"   lingo accept --lang fr --check negation --by \"Dr A\" --why \"« sans » keeps it\" ketamine-and-the-brain.p-1a2b3c4d\n" +
	"   lingo accept --lang fr --same-as-source --by \"Ana\" ketamine-and-the-brain.td-5e6f7a8b\n\n" +
	"With --check, a person waives check NAME's finding on each entry named: lingo records who\n" +
	"(--by, else git config user.name), why and when, with the exact source text and translation,\n" +
	"in locales/<lang>/.lingo/. While both stay as they are, lingo check lists the finding as\n" +
	"waived and the entry is published; any change to either undoes the waiver.\n" +
	"--same-as-source is --check untranslated: the translation is rightly the source text."

// waiveFlags are accept's flags for a waiver: accept --check NAME waives
// that check's finding on the entries named, instead of accepting them.
func waiveFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "check", Usage: "waive check `NAME`'s finding on each ID (negation, untranslated...) instead of accepting a stale entry"},
		&cli.BoolFlag{Name: "same-as-source", Usage: "the translation is rightly the source text (a cognate, a number and unit): --check untranslated"},
		&cli.StringFlag{Name: "by", Usage: "with --check: who waives, `NAME` (default: git config user.name)"},
		&cli.StringFlag{Name: "why", Usage: "with --check: why, `TEXT` kept with the waiver"},
	}
}

type waiveOptions struct {
	globals
	lang, check, by, why string
	ids                  []string
}

// waiving is the waiver accept's flags ask for, or nil when they ask for
// none; --by or --why without --check is a usage error.
func waiving(c *cli.Context) (*waiveOptions, error) {
	name := c.String("check")
	if c.Bool("same-as-source") {
		if c.IsSet("check") && name != "untranslated" {
			return nil, usagef("--same-as-source is --check untranslated: give one or the other")
		}
		name = "untranslated"
	}
	if name == "" && !c.IsSet("check") {
		if c.IsSet("by") || c.IsSet("why") {
			return nil, usagef("--by and --why go with --check NAME (a waiver); lingo accept without --check records no one's name")
		}
		return nil, nil
	}
	return &waiveOptions{globals: globalsFrom(c), lang: strings.Join(c.StringSlice("lang"), ","), check: name, by: c.String("by"), why: c.String("why"), ids: c.Args().Slice()}, nil
}

func runWaive(ctx context.Context, w io.Writer, opts waiveOptions) error {
	if err := gate.Waivable(opts.check); err != nil {
		return usagef("%v", err)
	}
	if len(opts.ids) == 0 {
		return usagef("accept --check %s: name the entries whose finding you waive (their IDs, from lingo check --lang %s)", opts.check, opts.lang)
	}
	p, err := openProject(opts.globals)
	if err != nil {
		return err
	}
	lang, err := resolveOneLang(p, "accept --check", []string{opts.lang}, langSet{})
	if err != nil {
		return err
	}
	by, err := p.Reviewer(opts.by)
	if errors.Is(err, project.ErrNoReviewer) {
		return usagef("who waives? give your name with --by NAME (or set it with git config user.name)")
	}
	if err != nil {
		return err
	}
	return withLock(ctx, p, func() error {
		res, err := p.Waive(project.WaiveOptions{Lang: lang, Check: opts.check, IDs: opts.ids, By: by, Why: opts.why, At: time.Now()})
		if err != nil {
			return err
		}
		for _, e := range res.Waived {
			fmt.Fprintf(w, "waived %s %s\n", res.Check, e)
		}
		printWritten(w, "wrote", res.Written, nil)
		fmt.Fprintf(w, "%s: %d %s waived by %s\n", res.Lang, len(res.Waived), plural(len(res.Waived), "finding", "findings"), by)
		return nil
	})
}

// langStatus is one language of lingo status --format json: its counts,
// and the waivers its entries keep, when there are any.
type langStatus struct {
	project.Stats
	Waivers []project.Waived `json:"waivers,omitempty"`
}

// withWaivers pairs each language's counts with its waivers.
func withWaivers(stats []project.Stats, waivers [][]project.Waived) []langStatus {
	out := make([]langStatus, len(stats))
	for i, s := range stats {
		out[i] = langStatus{Stats: s, Waivers: waivers[i]}
	}
	return out
}

// printWaivers lists, under status's table, the waivers each language
// keeps: where, which check, who, when and why.
func printWaivers(w io.Writer, stats []langStatus) {
	first := true
	for _, s := range stats {
		for _, v := range s.Waivers {
			if first {
				fmt.Fprintln(w)
				first = false
			}
			day, _, _ := strings.Cut(v.At, "T")
			fmt.Fprintf(w, "waived  %s %s:%d: %s [%s] by %s, %s", s.Lang, v.File, v.Line, v.ID, v.Check, v.By, day)
			if v.Why != "" {
				fmt.Fprintf(w, ": %s", v.Why)
			}
			fmt.Fprintln(w)
		}
	}
}
