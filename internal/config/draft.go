package config

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
)

// DraftEngines are the machine translation engines [draft] engine names
// (see internal/mt): "" is apertium.
var DraftEngines = []string{"apertium", "apertium-apy", "libretranslate"}

// Draft configures lingo draft's machine translation: [draft] in
// lingo.toml.
type Draft struct {
	// Engine is the engine: apertium (the binary, offline; the default),
	// apertium-apy or libretranslate (HTTP, at URL).
	Engine string `toml:"engine"`
	// URL is the HTTP engines' server.
	URL string `toml:"url"`
	// KeyEnv names the environment variable that holds the API key of a
	// LibreTranslate server; "" for none.
	KeyEnv string `toml:"key_env"`
	// Timeout is how long one request (or one apertium batch) may take,
	// in seconds; 0 for 60.
	Timeout float64 `toml:"timeout"`
	// Retries is how many times an HTTP request that meets a 429, a 5xx
	// or no answer is tried again, with a doubling wait; default 3.
	Retries *int `toml:"retries"`
	// Pairs names the engine's language pair per target language
	// ("es" = "eng-spa"); a language without one gets the engine's name
	// for the source and target (Apertium: their ISO 639-3 codes).
	Pairs map[string]string `toml:"pairs"`

	// Line and Col are where [draft] is in lingo.toml (0 when it is not):
	// an engine's errors point there.
	Line, Col int `toml:"-"`
}

// EngineName is the engine lingo draft uses: Engine, else apertium.
func (d Draft) EngineName() string {
	if d.Engine == "" {
		return "apertium"
	}
	return d.Engine
}

// draft validates [draft].
func (v *validator) draft(c *Config) {
	d := &c.Draft
	d.Line, d.Col = locateTable(v.data, "draft")
	if d.Engine != "" && !slices.Contains(DraftEngines, d.Engine) {
		v.failTable(fmt.Sprintf("draft.engine = %q: want one of %v", d.Engine, DraftEngines), "draft")
	}
	if d.Engine == "apertium-apy" || d.Engine == "libretranslate" {
		u, err := url.Parse(d.URL)
		if d.URL == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			v.failTable(fmt.Sprintf("draft.url = %q: engine %s needs the http(s) address of its server", d.URL, d.Engine), "draft")
		}
	}
	if d.Timeout < 0 {
		v.failTable(fmt.Sprintf("draft.timeout = %v: want seconds, more than 0", d.Timeout), "draft")
	}
	if d.Retries != nil && (*d.Retries < 0 || *d.Retries > 10) {
		v.failTable(fmt.Sprintf("draft.retries = %d: want 0 to 10", *d.Retries), "draft")
	}
	keys := make([]string, 0, len(d.Pairs))
	for k := range d.Pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	canon := make(map[string]string, len(d.Pairs))
	for _, k := range keys {
		tag, err := ParseTag(k)
		if err != nil || !slices.Contains(c.Languages, tag) {
			v.failTable(fmt.Sprintf("draft.pairs.%s: %s is not one of the languages %v", k, k, c.Languages), "draft", "pairs")
			continue
		}
		if d.Pairs[k] == "" {
			v.failTable(fmt.Sprintf("draft.pairs.%s: empty pair name", k), "draft", "pairs")
		}
		canon[tag] = d.Pairs[k]
	}
	if d.Pairs != nil {
		d.Pairs = canon
	}
}
