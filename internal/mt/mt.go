// Package mt runs machine translation engines for lingo draft: Apertium's
// own binary (offline, batched: many messages through one process),
// Apertium's HTTP server (apertium-apy) and a LibreTranslate-compatible
// HTTP API. Every engine translates HTML fragments: Encode turns a
// message's Markdown into HTML whose markup (links, code, emphasis,
// shortcodes, placeholders) the engine carries over as elements, and
// Decode puts the markup back byte for byte and lists the engine's marks
// on words it did not know. The package knows nothing of catalogs: it
// turns texts into drafts.
package mt

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Engine translates HTML fragments from one language into another.
type Engine interface {
	// Translate returns the translation of each of texts, in order.
	Translate(ctx context.Context, texts []string) ([]string, error)
	// Name is the engine's name, as lingo.toml's [draft] engine names it.
	Name() string
	// Version is the engine's version and language pair, as recorded
	// with each draft.
	Version() string
}

// The engines lingo.toml's [draft] engine may name.
const (
	Apertium       = "apertium"
	ApertiumAPY    = "apertium-apy"
	LibreTranslate = "libretranslate"
)

// Engines are the names [draft] engine takes.
var Engines = []string{Apertium, ApertiumAPY, LibreTranslate}

// Options choose and set up an engine.
type Options struct {
	Engine string // one of Engines
	Source string // BCP 47 tag of the source language
	Target string // BCP 47 tag of the target language
	// Pair is the engine's name for the language pair ("eng-spa"); ""
	// derives it from Source and Target.
	Pair    string
	URL     string        // the HTTP engines' server
	Key     string        // LibreTranslate's API key, "" for none
	Timeout time.Duration // per request (HTTP) or batch (apertium); 0 for 60 s
	// Retries and Backoff: an HTTP request that meets a 429, a 5xx or no
	// answer is tried again Retries times, waiting Backoff, then twice
	// that, and so on (or what Retry-After says, up to 30 s).
	Retries int
	Backoff time.Duration
	// Command is the apertium binary; "" for "apertium" on PATH.
	Command string
}

// New is the engine opts name, set up for its language pair: for
// apertium, a *PairError when the pair is not installed.
func New(ctx context.Context, opts Options) (Engine, error) {
	if opts.Timeout == 0 {
		opts.Timeout = 60 * time.Second
	}
	switch opts.Engine {
	case Apertium:
		return newApertium(ctx, opts)
	case ApertiumAPY:
		return newAPY(ctx, opts)
	case LibreTranslate:
		return newLibre(opts)
	}
	return nil, fmt.Errorf("unknown engine %q (want %s)", opts.Engine, strings.Join(Engines, ", "))
}

// ApertiumPair is Apertium's name for the pair from source to target:
// their ISO 639-3 codes ("eng-spa"), and the region of a target that has
// one ("spa-eng_US").
func ApertiumPair(source, target string) string {
	return iso3(source) + "-" + iso3(target)
}

// iso3 is the ISO 639-3 code of a BCP 47 tag's language ("es" → "spa").
func iso3(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	b, _ := t.Base()
	return b.ISO3()
}

// PairError is an engine without the language pair a draft needs.
type PairError struct {
	Engine, Pair string
	Package      string   // the Debian package that has it, where known
	Have         []string // the pairs the engine has
}

func (e *PairError) Error() string {
	msg := fmt.Sprintf("%s has no language pair %s", e.Engine, e.Pair)
	if len(e.Have) > 0 {
		msg += fmt.Sprintf(" (it has %s)", strings.Join(e.Have, ", "))
	}
	if e.Package != "" {
		msg += fmt.Sprintf(": install it (Debian: apt-get install %s)", e.Package)
	}
	return msg
}

// packageOf is the Debian package of an Apertium pair: apertium-eng-spa
// holds both eng-spa and spa-eng, under the name Debian gives it.
func packageOf(pair string) string {
	base, _, _ := strings.Cut(pair, "_")
	return "apertium-" + base
}
