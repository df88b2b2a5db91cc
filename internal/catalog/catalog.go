// Package catalog reads and writes lingo's message catalogs: one go-i18n
// message file per article and language, at
// <locales>/<lang>/<slug>.<lang>.<format> with format toml, json or yaml.
// Marshal writes a catalog as deterministic bytes, entries in document order,
// each message keyed by its ID with the fields description, hash and other;
// Parse reads a file through go-i18n's own parser, so that lingo sees exactly
// the messages a go-i18n Bundle would load, and recovers the order of the
// entries and the line of each from the file itself. Broken files give an
// *Error that points at the offending line and column; for the usual slips
// of a translator editing TOML (an apostrophe between single quotes, a
// missing closing quote) it says in plain words what to fix.
package catalog

import (
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// PluralForms are the CLDR plural categories besides "other", in order.
var PluralForms = []string{"zero", "one", "two", "few", "many"}

// Formats lists the catalog formats lingo writes, in the order of preference.
var Formats = []string{"toml", "json", "yaml"}

// Entry is one message of a catalog.
type Entry struct {
	// ID identifies the message, e.g. "guides/sleep.p-1a2b3c4d".
	ID string
	// Description gives translators context; empty when absent.
	Description string
	// Hash identifies the source text the message was translated from.
	Hash string
	// Other is the text of the message (go-i18n's plural form "other").
	Other string
	// Plural holds the other CLDR plural forms a translator gave (zero,
	// one, two, few, many), by category; nil for a plain message.
	Plural map[string]string
	// Comment is written above the entry in TOML and YAML, one "# " line
	// per line of it, for the translator's eyes: lingo never reads it back.
	// JSON has no comments; there it is left out.
	Comment string
	// Line is the 1-based line of the entry in the file it was parsed
	// from, or 0 when the entry was built in memory.
	Line int
}

// Catalog is the set of messages of one article in one language.
type Catalog struct {
	// Lang is the BCP 47 tag of the language, e.g. "en" or "pt-BR".
	Lang string
	// Slug is the article's path under the content folder without ".md",
	// e.g. "guides/sleep".
	Slug string
	// Entries are the messages in document order.
	Entries []Entry
}

// Texts is the other text of each entry, by ID; empty for a nil catalog.
func (c *Catalog) Texts() map[string]string {
	if c == nil {
		return map[string]string{}
	}
	texts := make(map[string]string, len(c.Entries))
	for _, e := range c.Entries {
		texts[e.ID] = e.Other
	}
	return texts
}

// Lookup returns the text (Other) of the entry with the given ID, and whether
// such an entry exists with a non-empty text.
func (c *Catalog) Lookup(id string) (string, bool) {
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			return c.Entries[i].Other, c.Entries[i].Other != ""
		}
	}
	return "", false
}

// Path returns the path of the catalog of the article slug in language lang:
// <localesDir>/<lang>/<slug>.<lang>.<format>.
func Path(localesDir, lang, slug, format string) string {
	return filepath.Join(localesDir, lang, filepath.FromSlash(slug)+"."+lang+"."+format)
}

// Error is a problem in a catalog file, at a position in it; Path is the
// file's path as given to Parse.
type Error = diag.Error
