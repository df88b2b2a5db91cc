// Package interchange carries lingo's messages to and from the tools
// translators work in: XLIFF 1.2 (what most CAT tools read reliably), XLIFF
// 2.0 and gettext PO. A Document is the neutral model, one Unit per message
// with its source, translation, state, context, location and the hash of the
// source text the translation answers to; Write turns a Document into one of
// the three formats and Read turns a file back into a Document, so that Write
// then Read gives back the same Document. In XLIFF, the parts of a message a
// tool must not break (inline code, link and image destinations, autolinks,
// inline HTML tags, shortcodes and {{ }} placeholders, found with goldmark
// and the shortcode scanner) become protected inline codes that carry their
// original bytes, and Read restores them exactly. Malformed input gives a
// *diag.Error with the line (and column) of the problem. The package knows
// nothing of projects or catalogs: internal/project maps them to Documents.
package interchange

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// State is where a unit's translation stands.
type State string

// The states of a unit.
const (
	New         State = "new"          // not translated; Target is empty
	Translated  State = "translated"   // translated from the current source text
	NeedsReview State = "needs-review" // translated from a source text that has changed since
	// Reviewed is translated from the current source text and signed off
	// by a reviewer: XLIFF 1.2 signed-off (final is read as it too), XLIFF
	// 2.0 final. PO has no such state: it writes a reviewed unit as
	// translated (no fuzzy flag) and never reads one.
	Reviewed State = "reviewed"
	// Machine is a machine draft (lingo draft) no person has edited or
	// reviewed: Target is the engine's text, Engine names the engine.
	// XLIFF 2.0 writes it as state initial with the text as a target and a
	// match candidate (type mt), XLIFF 1.2 as needs-review-translation
	// with state-qualifier mt-suggestion, PO as fuzzy with a translator
	// comment naming the engine.
	Machine State = "machine"
)

// Unit is one message to translate.
type Unit struct {
	ID       string // lingo message ID
	Source   string // source text (inline Markdown)
	Target   string // translation, "" when new
	State    State
	Previous string // for needs-review: the source text the translation was made from, if known
	Context  string // description for the translator: kind, section, article
	Location string // where the source text is: "content/slug.md:12"
	Hash     string // hash of the source text the Target answers to ("sha1-…")
	Engine   string // for a machine draft: the engine and its version
}

// Document is the units of one exchange between a source and a target
// language, in order.
type Document struct {
	SourceLang, TargetLang string
	Units                  []Unit
	// Revised is when the translations last changed, for a PO file's
	// PO-Revision-Date; the caller derives it from its files, never from
	// the clock, so the same translations give the same bytes.
	Revised time.Time
}

// Formats are the format names Write accepts.
var Formats = []string{"xliff", "xliff2", "po"}

// Extension is the usual file extension of format, with its dot.
func Extension(format string) string {
	if format == "po" {
		return ".po"
	}
	return ".xlf"
}

// Write encodes d in format: "xliff" (XLIFF 1.2), "xliff2" (XLIFF 2.0) or
// "po". Every unit must have a non-empty, unique ID and a known state, and
// its Target must be empty exactly when its State is New.
func Write(d *Document, format string) ([]byte, error) {
	if err := validate(d); err != nil {
		return nil, err
	}
	switch format {
	case "xliff":
		return writeXLIFF12(d)
	case "xliff2":
		return writeXLIFF2(d)
	case "po":
		return writePO(d)
	}
	return nil, fmt.Errorf("interchange: unknown format %q (want xliff, xliff2 or po)", format)
}

func validate(d *Document) error {
	seen := make(map[string]bool, len(d.Units))
	for i, u := range d.Units {
		if u.ID == "" {
			return fmt.Errorf("interchange: unit %d has an empty ID", i+1)
		}
		if seen[u.ID] {
			return fmt.Errorf("interchange: duplicate unit ID %q", u.ID)
		}
		seen[u.ID] = true
		switch {
		case u.State != New && u.State != Translated && u.State != NeedsReview && u.State != Reviewed && u.State != Machine:
			return fmt.Errorf("interchange: unit %q: unknown state %q", u.ID, u.State)
		case (u.State == New) != (u.Target == ""):
			return fmt.Errorf("interchange: unit %q: state %s with %s target", u.ID, u.State, map[bool]string{true: "an empty", false: "a"}[u.Target == ""])
		}
		for _, s := range []string{d.SourceLang, d.TargetLang, u.ID, u.Source, u.Target, u.Previous, u.Context, u.Location, u.Hash, u.Engine} {
			if !utf8.ValidString(s) {
				return fmt.Errorf("interchange: unit %q: text is not valid UTF-8", u.ID)
			}
		}
	}
	return nil
}

// Read decodes an exchange file. The format comes from the content (an XML
// document whose root is xliff version 1.2 or 2.0, else PO), or from the
// extension (.xlf, .xliff, .po) when the content is empty. Errors are
// *diag.Error values naming path and, where known, the line and column.
func Read(path string, data []byte) (*Document, error) {
	d, err := read(path, data)
	if err != nil {
		return nil, diag.In(path, err)
	}
	return d, nil
}

func read(path string, data []byte) (*Document, error) {
	if !utf8.Valid(data) {
		line, col := position(data, invalidUTF8(data))
		return nil, &diag.Error{Line: line, Col: col, Msg: "not valid UTF-8"}
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(trimmed, []byte("<")):
		return readXLIFF(data)
	case len(trimmed) == 0 && (ext == ".xlf" || ext == ".xliff"):
		return nil, &diag.Error{Msg: "empty XLIFF file"}
	}
	return readPO(data)
}

// invalidUTF8 is the offset of the first invalid byte of data.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// position is the 1-based line and byte column of offset off in data.
func position(data []byte, off int) (int, int) {
	off = min(off, len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return line, off - bytes.LastIndexByte(data[:off], '\n')
}
