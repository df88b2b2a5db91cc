// Package translation is lingo's one answer to "where does this translated
// entry stand, and may it be published?". Classify decides an entry's
// State from the current source text, the entry as the translator left it
// and what lingo recorded when it last wrote the entry; Decide turns the
// states and check results of one article in one language into a Page:
// which translations are published, which passages fall back, and whether
// the page as a whole is published. Sync, status, check, export, import and
// publishing all call it, so they never disagree. It does no I/O.
//
// The rule that keeps a translation honest: an edit counts as made for the
// source text the translator was shown when lingo last wrote the entry (its
// hash, or the new text of a STALE notice), never for a newer one. A source
// that changes while a translator edits makes the entry stale, not current.
package translation

import (
	"cmp"
	"maps"
	"math"

	"github.com/lingo-l10n/lingo/internal/article"
)

// State is where an entry stands in its language.
type State int

// The states of an entry, from worst to best (Machine aside: a draft no
// person has edited or reviewed yet, work to do as a missing entry is).
const (
	Missing State = iota // no translation
	Stale                // translated for a source text that has changed since
	Current              // translated for the current source text
	Machine              // a machine draft, untouched by a person: never published
)

func (s State) String() string { return [...]string{"missing", "stale", "current", "machine"}[s] }

// Entry is a target catalog entry as it is on disk.
type Entry struct {
	Text string // the translation ("other"); "" when missing
	Hash string // the entry's hash: of the source text the translation answers to
}

// Record is what lingo remembers of an entry from its last write (the state
// file beside the catalog). The zero Record means lingo never wrote one.
type Record struct {
	// Source is the source text the translation was made for: the old
	// text of a stale entry, shown beside the new one.
	Source string `json:"source"`
	// Seen is the hash of the translation as lingo last wrote it; a
	// translation that no longer has it was edited by the translator.
	Seen string `json:"seen"`
	// Hash is the hash lingo last wrote in the catalog entry.
	Hash string `json:"hash,omitempty"`
	// Shown is the hash of the source text the entry showed the translator
	// when lingo last wrote it (the "now:" text of a STALE notice), where
	// it differs from Hash.
	Shown string `json:"shown,omitempty"`
	// Review is the reviewer's sign-off of the entry, nil when none.
	Review *Review `json:"review,omitempty"`
	// Waivers are people's waivers of check findings on the entry, one
	// per check, in the order given.
	Waivers []Waiver `json:"waivers,omitempty"`
	// Machine is the machine draft lingo draft wrote in the entry, kept
	// while the entry's text is that draft; nil when a person wrote it.
	Machine *Draft `json:"machine,omitempty"`
}

// Draft is a machine translation lingo draft wrote in an entry: the engine
// and its version, the exact text it wrote, and the engine's marks on it
// (unknown words, generation and transfer errors). The entry is a machine
// draft while its text is still Text and no review covers it.
type Draft struct {
	Engine  string `json:"engine"`
	Version string `json:"version,omitempty"`
	Text    string `json:"text"`
	Marks   []Mark `json:"marks,omitempty"`
}

// Mark is one word an engine marked on a draft: Apertium's * (unknown
// word), # (generation error) or @ (transfer error), and the word.
type Mark struct {
	Kind string `json:"kind"` // "unknown", "generation" or "transfer"
	Word string `json:"word"`
}

// Untouched reports whether text is still the machine draft d, which no
// review covers: no person edited or signed it off.
func (d *Draft) Untouched(source, text string, rv *Review) bool {
	return d != nil && d.Text == text && !(rv != nil && rv.Source == source && rv.Translation == text)
}

// Name is the engine and its version, as a person reads it.
func (d *Draft) Name() string {
	if d.Version == "" {
		return d.Engine
	}
	return d.Engine + " " + d.Version
}

// Review is a reviewer's sign-off of an entry: who approved it, and the
// exact source text and translation they approved. It holds only while
// both are still what the entry has (Covers).
type Review struct {
	By          string            `json:"by"`
	Source      string            `json:"source"`
	Translation string            `json:"translation"`
	Plural      map[string]string `json:"plural,omitempty"` // plural forms besides other
}

// Covers reports whether the review approved exactly this source text and
// translation (and plural forms): any change, even of white space, to
// either undoes it.
func (r *Review) Covers(source, text string, plural map[string]string) bool {
	return r != nil && r.Source == source && r.Translation == text && maps.Equal(r.Plural, plural)
}

// Waiver is a person's waiver of one check's finding on one entry (lingo
// accept --check): who, why and when, and the exact source text and
// translation it was given for. Like a Review, it holds only while both
// are still what the entry has (Covers); while it holds, the gate counts
// the check's findings on the entry as waived, not as errors or warnings.
type Waiver struct {
	Check       string            `json:"check"` // the check's ID: "negation", "untranslated"...
	By          string            `json:"by"`
	Why         string            `json:"why,omitempty"`
	At          string            `json:"at"` // when, in RFC 3339 UTC
	Source      string            `json:"source"`
	Translation string            `json:"translation"`
	Plural      map[string]string `json:"plural,omitempty"` // plural forms besides other
}

// Covers reports whether the waiver was given for exactly this source
// text and translation (and plural forms).
func (w *Waiver) Covers(source, text string, plural map[string]string) bool {
	return w != nil && w.Source == source && w.Translation == text && maps.Equal(w.Plural, plural)
}

// Waived is the waiver of check among ws, nil when none.
func Waived(ws []Waiver, check string) *Waiver {
	for i := range ws {
		if ws[i].Check == check {
			return &ws[i]
		}
	}
	return nil
}

// Holding is the waivers of ws that cover this source text and
// translation: those an entry keeps. It is nil when none does.
func Holding(ws []Waiver, source, text string, plural map[string]string) []Waiver {
	var out []Waiver
	for i := range ws {
		if ws[i].Covers(source, text, plural) {
			out = append(out, ws[i])
		}
	}
	return out
}

// WithWaiver is ws with w in place of any waiver of the same check.
func WithWaiver(ws []Waiver, w Waiver) []Waiver {
	out := make([]Waiver, 0, len(ws)+1)
	for _, x := range ws {
		if x.Check != w.Check {
			out = append(out, x)
		}
	}
	return append(out, w)
}

// Verdict is what Classify decided.
type Verdict struct {
	State State
	// Old is, for a stale entry, the source text its translation was made
	// for, when known.
	Old string
	// Hash is the hash the entry keeps: of the source text its translation
	// answers to.
	Hash string
}

// Classify decides where an entry stands against today's source text.
// accept confirms a stale translation as current (lingo accept). A
// machine draft no person has edited or reviewed is Machine whatever its
// hash (Old is the source it was drafted from, when that changed).
func Classify(source string, e Entry, rec Record, accept bool) Verdict {
	h := article.Hash(source)
	switch {
	case e.Text == "":
		return Verdict{State: Missing, Hash: h}
	case rec.Machine.Untouched(source, e.Text, rec.Review):
		v := Verdict{State: Machine, Hash: cmp.Or(e.Hash, h)}
		if v.Hash != h {
			v.Old = rec.Source
		}
		return v
	case accept, e.Hash == "", e.Hash == h:
		return Verdict{State: Current, Hash: h}
	case rec.Seen != "" && rec.Seen != article.Hash(e.Text):
		// Edited by the translator since lingo last wrote it: made for
		// the text the entry showed them then.
		if rec.shown() == h {
			return Verdict{State: Current, Hash: h}
		}
	case rec.Hash == h && rec.Seen == article.Hash(e.Text):
		// A run killed after it wrote the state but before the catalog.
		return Verdict{State: Current, Hash: h}
	}
	return Verdict{State: Stale, Old: rec.Source, Hash: e.Hash}
}

// shown is the hash of the source text the entry last showed.
func (r Record) shown() string {
	if r.Shown != "" {
		return r.Shown
	}
	return r.Hash
}

// RecordOf is what lingo records of an entry it writes with translation
// text, in state v, for today's source text.
func RecordOf(source, text string, v Verdict) Record {
	r := Record{Source: source, Seen: article.Hash(text), Hash: v.Hash}
	if v.State == Stale {
		r.Source = v.Old
		r.Shown = article.Hash(source)
	}
	return r
}

// Percent is done out of total as a percentage, rounded down to one
// decimal, so that 99.96% never shows as 100%. Every count lingo prints
// goes through it; an empty total is 100%.
func Percent(done, total int) float64 {
	if total == 0 {
		return 100
	}
	return math.Floor(float64(done)*1000/float64(total)) / 10
}

// Message is one entry of an article in a language, as publishing sees
// it: its state, how many error-level findings `lingo check` has for its
// translation, and whether a reviewer signed off its current text.
type Message struct {
	State    State
	Errors   int
	Reviewed bool
}

// Policy is a language's publishing policy.
type Policy struct {
	// MinComplete is the percent of an article's entries that must be
	// published in their own translation for its page to be published as
	// a translation; below it, the page shows the source article.
	MinComplete float64
	// PublishStale publishes a stale translation that passes every check
	// (stale = "translation"); by default a stale entry shows the source.
	PublishStale bool
	// RequireReview publishes only reviewed translations (require_review):
	// any other entry shows the source, as a stale one does, and
	// MinComplete counts only reviewed entries.
	RequireReview bool
}

// Page is what Decide made of one article in one language.
type Page struct {
	Published  []bool  // per message: its own translation is published
	Own, Total int     // messages published in their translation; all messages
	Stale      int     // stale messages (published only under PublishStale)
	Unreviewed int     // current, clean messages not published for want of a review (RequireReview)
	Machine    int     // machine drafts: never published until a person edits or reviews them
	Percent    float64 // Own of Total (Percent)
	Translated bool    // Percent reaches MinComplete: the page is published as a translation
}

// Decide publishes, per entry, each translation that is current (or stale,
// where the policy allows), has no error-level finding and, where the
// policy requires it, is reviewed (a machine draft never is, whatever the
// policy); and per page,
// the translation when the share of entries so published reaches the
// policy's MinComplete.
func Decide(msgs []Message, pol Policy) Page {
	pg := Page{Published: make([]bool, len(msgs)), Total: len(msgs)}
	for i, m := range msgs {
		switch m.State {
		case Stale:
			pg.Stale++
		case Machine:
			pg.Machine++ // never published: ok stays false
		}
		ok := m.State == Current || m.State == Stale && pol.PublishStale
		if ok && m.Errors == 0 && pol.RequireReview && !m.Reviewed {
			if m.State == Current {
				pg.Unreviewed++
			}
			ok = false
		}
		if ok && m.Errors == 0 {
			pg.Published[i] = true
			pg.Own++
		}
	}
	pg.Percent = Percent(pg.Own, pg.Total)
	pg.Translated = pg.Percent >= pol.MinComplete
	return pg
}
