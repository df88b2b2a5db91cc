package draft

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/mt"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// For is the drafter of project w.
func For(w *workspace.Project) Drafter { return Drafter{syncer.Syncer{Project: w}} }

// Engine is the machine translation engine lingo.toml's [draft] names
// (engine, else apertium), set up for lang; name, when not "", overrides
// it. getenv reads the environment variable of the API key. A problem
// with the engine or its language pair (a *mt.PairError naming the
// package to install) is a *diag.Error at [draft] in lingo.toml.
func Engine(ctx context.Context, c *config.Config, lang, name string, getenv func(string) string) (mt.Engine, error) {
	d := c.Draft
	if name == "" {
		name = d.EngineName()
	}
	opts := mt.Options{Engine: name, Source: c.Source, Target: lang, Pair: d.Pairs[lang], URL: d.URL,
		Timeout: time.Duration(d.Timeout * float64(time.Second)), Retries: 3}
	if d.Retries != nil {
		opts.Retries = *d.Retries
	}
	at := func(msg string, err error) error {
		return &diag.Error{Path: c.Path, Line: d.Line, Col: d.Col, Msg: msg, Err: err}
	}
	if d.KeyEnv != "" {
		if opts.Key = getenv(d.KeyEnv); opts.Key == "" {
			return nil, at(fmt.Sprintf("draft.key_env names %s, which is not set: set it to the API key", d.KeyEnv), nil)
		}
	}
	e, err := mt.New(ctx, opts)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, err
		}
		return nil, at(fmt.Sprintf("draft engine %s for %s → %s: %v", name, c.Source, lang, err), err)
	}
	return e, nil
}
