package check

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/glossary"
	"github.com/lingo-l10n/lingo/internal/lang"
	"github.com/lingo-l10n/lingo/internal/numbers"
	"github.com/lingo-l10n/lingo/internal/prefill"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/vocab"
	"github.com/yuin/goldmark/util"
)

// Defaults are the checks lingo runs and their severities; lingo.toml's
// [check.severity] overrides them ("off" turns a check off). missing and
// stale are errors below a language's gate and warnings above it.
var Defaults = map[string]Severity{
	"missing": Error, "stale": Error, "untranslated": Warning,
	"numbers": Error, "units": Error, "negation": Error,
	"links": Error, "images": Error, "code": Error, "emphasis": Error, "html": Error,
	"shortcodes": Error, "footnotes": Error,
	"unsafe-html": Error, "unsafe-url": Error, "event-handler": Error, "foreign-host": Error,
	"structure": Error, "control": Error,
	"glossary": Error, "dnt": Error, "plural": Error,
	"whitespace": Warning, "double-space": Warning, "length": Warning,
	"unknown-lang": Warning, "orphan": Warning, "foreign": Warning, "unreviewed": Warning,

	// Words of direction, comparison and route (issue 26).
	"direction": Error, "route": Error, "direction-missing": Warning,

	// Reading level, with [check] reading_grade (issue 28).
	"reading-grade": Warning, "reading-harder": Warning,

	// Machine drafts (issue 27): work to do, as missing entries are.
	"machine": Error, "machine-unknown": Warning, "machine-generation": Warning, "machine-transfer": Warning,
}

// Descriptions say what each check looks for, for help and SARIF rules.
var Descriptions = map[string]string{
	"missing":        "an entry has no translation",
	"reading-grade":  "a source article reads above [check] reading_grade, by its language's formula (Flesch–Kincaid, Szigriszt–Pazos, Kandel–Moles, Wiener Sachtextformel)",
	"reading-harder": "a translation reads much harder than its source (15 points or more of reading ease, Flesch's family, over the same entries)",
	"stale":          "the source changed since the entry was translated",
	"untranslated":   "the translation is the source text unchanged",
	"numbers":        "a number of the source is missing, changed or added, compared in each language's writing",
	"units":          "a number with its unit (dose, volume, concentration, time, frequency, percentage, temperature) is not kept with the same value and unit, or per the same time (per day, per week) wherever the sentence says it",
	"negation":       "a sentence of the source has a negation and its translation has none (a bound it keeps, höchstens for do not take more than, says it)",
	"links":          "a link destination is missing, changed or added",
	"images":         "an image source is missing, changed or added",
	"code":           "an inline code span differs from the source",
	"emphasis":       "emphasis or strong text is unbalanced or differs from the source",
	"html":           "inline HTML tags or attributes differ from the source, an HTML comment is added, changed or dropped, or the content of a script or style element is not the source's byte for byte",
	"shortcodes":     "a shortcode or {{ }} placeholder differs from the source",
	"footnotes":      "a footnote reference differs from the source",
	"unsafe-html":    "the translation adds raw HTML",
	"unsafe-url":     "a javascript:, vbscript: or data: URL",
	"event-handler":  "an on* event-handler attribute",
	"foreign-host":   "a link to a host the source does not link to",
	"glossary":       "a glossary term is not translated as the glossary requires",
	"plural":         "an entry's plural forms are not the CLDR categories of its language",
	"dnt":            "a do-not-translate term was translated or dropped",
	"whitespace":     "leading or trailing white space differs from the source",
	"double-space":   "doubled spaces the source does not have",
	"length":         "the translation's length is far from the source's",
	"unknown-lang":   "a locale folder for a language not in lingo.toml",
	"orphan":         "an entry whose ID is not in the source",
	"foreign":        "a file in a locale folder that lingo did not write (an app's own go-i18n strings, say): lingo leaves it alone",
	"unreviewed":     "a current translation no reviewer signed off, in a language that publishes only reviewed entries (require_review)",
	"structure":      "spliced into its article, the translation would change the article's structure (a new block, raw HTML, a shortcode parameter)",
	"control":        "a control character (C0 or C1, other than tab and line feed) in a translation, or a bidi control or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) the source does not have at the same place (around the same text; marks: as many); LRM, RLM and ALM are allowed in a right-to-left language",
	"input":          "a file lingo cannot read (syntax, encoding, unknown keys): nothing is checked until it is fixed",

	// Words of direction, comparison and route (issue 26).
	"direction":         "a word of direction or comparison of the source (before/after, above/below, at least/at most, increase/decrease, with/without food, by/to an amount) is turned into its opposite in the translation",
	"route":             "a route of administration of the source (oral, intravenous, intramuscular, subcutaneous, rectal, sublingual; PO, IV, IM, SC) is missing from its sentence's translation or changed to another",
	"direction-missing": "a word of direction or comparison of the source (before, above, at least, increase, with food...) has no word of its class in its sentence's translation",

	// Machine drafts (issue 27).
	"machine":            "a machine draft (lingo draft) no person has edited or reviewed yet: never published until then",
	"machine-unknown":    "a word the machine translation engine did not know (Apertium's *), left untranslated in the draft",
	"machine-generation": "a word the engine could not inflect (Apertium's #) in the draft",
	"machine-transfer":   "a word the engine could not transfer (Apertium's @) in the draft",
}

// isQuantity reports a translation that is its source, a cell that is only
// a quantity, as the target language writes it (prefill.Quantity): "60 kg"
// has nothing to translate.
func isQuantity(t Translation) bool {
	q, ok := prefill.Quantity(t.Source, t.SourceLang, t.Lang)
	return ok && q == t.Text
}

// InputFinding is the finding that puts bad input (a *diag.Error with a
// file) where a CI system shows findings: at its file, line and column. It
// reports false for any other error.
func InputFinding(err error) (Finding, bool) {
	var de *diag.Error
	if !errors.As(err, &de) || de.Path == "" {
		return Finding{}, false
	}
	return Finding{File: filepath.ToSlash(de.Path), Line: de.Line, Col: de.Col, Check: "input", Severity: Error, Message: de.Msg}, true
}

// Options configure a Checker.
type Options struct {
	Glossary *glossary.Glossary
	// Prefixes are localizable link prefixes, "{lang}" standing for the
	// target language: "/en/" → "/{lang}/".
	Prefixes map[string]string
	// Severity overrides Defaults: check ID → error, warning or off.
	Severity map[string]string
	// Length gives the allowed band of translation/source length in lang.
	Length func(lang string) (float64, float64)
	// Vocabulary names units and negations per language for the units
	// and negation checks; nil for lingo's own (vocab.Default).
	Vocabulary *vocab.Vocabulary
}

// Checker checks translations. It is safe for concurrent use.
type Checker struct {
	opts    Options
	plurals *pluralRules
	md      *structure.Parser
	vocab   *vocab.Vocabulary
	sources *sources // what it read of one article's source (ForArticle)
}

// New returns a Checker.
func New(opts Options) *Checker {
	v := opts.Vocabulary
	if v == nil {
		v = vocab.Default()
	}
	return &Checker{opts: opts, plurals: &pluralRules{byLang: map[string][]string{}}, md: structure.NewParser(), vocab: v}
}

// Translation is one current translation to check, with where it lives.
type Translation struct {
	Lang, File string
	Line       int
	ID         string
	Source     string
	SourceLang string
	Text       string
	Plural     map[string]string // plural forms besides other, if any
	Refs       map[string]string // the article's link reference definitions
}

// Severity is the severity of check id, or "" when it is off.
func (c *Checker) Severity(id string, def Severity) Severity {
	switch c.opts.Severity[id] {
	case "off":
		return ""
	case "error":
		return Error
	case "warning":
		return Warning
	}
	return def
}

// Finding builds a finding of check id with its configured severity; ok is
// false when the check is off.
func (c *Checker) Finding(lang, file string, line int, id, check, msg string) (Finding, bool) {
	sev := c.Severity(check, Defaults[check])
	return Finding{Lang: lang, File: file, Line: line, ID: id, Check: check, Severity: sev, Message: msg}, sev != ""
}

// Check runs every per-message check on a translation.
func (c *Checker) Check(t Translation) []Finding {
	found, _ := c.Verdict(t)
	return found
}

// Verdict is Check's findings, and whether the translation adds anything
// hostile to its source (structure.Safety: raw HTML, a javascript: URL, an
// event handler, a foreign host), whatever severity lingo.toml gives those
// checks: an unsafe translation is never published.
func (c *Checker) Verdict(t Translation) (found []Finding, unsafe bool) {
	var out []Finding
	add := func(check, msg string) {
		if f, ok := c.Finding(t.Lang, t.File, t.Line, t.ID, check, msg); ok {
			out = append(out, f)
		}
	}
	forms := append([]string{t.Text}, slices.Sorted(maps.Values(t.Plural))...)
	for _, s := range forms {
		if r, ok := controlChar(s); ok {
			add("control", fmt.Sprintf("control character U+%04X in the translation: delete it (it reaches the page unseen)", r))
			break
		}
	}
	for _, s := range forms {
		if r, ok := bidiAdded(t.Source, s, t.Lang); ok {
			add("control", bidiMessage(r))
			break
		}
	}
	if article.SameText(t.Text, t.Source) && article.HasLetter([]byte(t.Source)) &&
		!c.opts.Glossary.IsDoNotTranslate(t.Source) && t.Lang != t.SourceLang && !isQuantity(t) {
		add("untranslated", "the translation is the source text unchanged")
	}
	trLang := t.Lang
	if IsPseudo(t.Lang) { // a pseudo-locale keeps its source's digits and separators
		trLang = t.SourceLang
	}
	// Numbers, units and negations are read in the text the reader sees
	// (no HTML comment, tag or script), and numbers apart in the prose
	// attributes (alt, title...): one may not stand in for the other.
	src, tr := c.sourceShape(t.Source, t.Refs), c.md.Parse(t.Text, t.Refs)
	srcSeen, trSeen := src.Seen(), tr.Seen()
	meaningful := t.Lang != t.SourceLang && !IsPseudo(t.Lang)
	var qc vocab.Comparison
	if meaningful {
		qc = c.quantities(srcSeen, t.SourceLang, trSeen, t.Lang)
	}
	// A number a quantity accounts for on both sides ("2 fois par jour"
	// for "twice daily") is the units check's to judge.
	srcNums, trNums := blank(srcSeen, qc.Src), blank(trSeen, qc.Tr)
	missing, extra := numbers.Compare(srcNums, t.SourceLang, withoutAddedLabels(srcNums, trNums, t.Refs), trLang)
	for _, n := range missing {
		add("numbers", fmt.Sprintf("number %s of the source is missing", n))
	}
	for _, n := range extra {
		add("numbers", fmt.Sprintf("number %s is not in the source", n))
	}
	missing, extra = numbers.Compare(src.AttrText(), t.SourceLang, tr.AttrText(), trLang)
	for _, n := range missing {
		add("numbers", fmt.Sprintf("number %s of the source's HTML attributes (alt, title...) is missing from the translation's", n))
	}
	for _, n := range extra {
		add("numbers", fmt.Sprintf("number %s in an HTML attribute (alt, title...) is not in the source's", n))
	}
	if meaningful {
		for _, is := range c.meaning(srcSeen, t.SourceLang, trSeen, t.Lang, qc) {
			add(is.check, is.msg)
		}
		for _, is := range c.direction(srcSeen, t.SourceLang, trSeen, t.Lang) {
			add(is.check, is.msg)
		}
	}
	problems := structure.Compare(src, tr, structure.Options{Prefixes: c.prefixes(t.Lang)})
	hostile := structure.Safety(src, tr)
	problems = append(problems, hostile...)
	for _, p := range problems {
		add(p.Check, p.Message)
	}
	if len(t.Plural) > 0 {
		if msg := c.plurals.problem(t.Lang, t.Plural); msg != "" {
			add("plural", msg)
		}
	}
	for _, p := range c.opts.Glossary.Check(t.Source, t.Text, t.Lang) {
		add(p.Check, p.Message)
	}
	for _, h := range hygiene(t.Source, t.Text, c.lengthBand(t.Lang)) {
		add(h.check, h.msg)
	}
	return out, len(hostile) > 0
}

func (c *Checker) prefixes(lang string) map[string]string {
	out := make(map[string]string, len(c.opts.Prefixes))
	for from, to := range c.opts.Prefixes {
		out[from] = strings.ReplaceAll(to, "{lang}", lang)
	}
	return out
}

func (c *Checker) lengthBand(lang string) [2]float64 {
	if c.opts.Length == nil {
		return [2]float64{0, 1e9}
	}
	lo, hi := c.opts.Length(lang)
	return [2]float64{lo, hi}
}

type issue struct{ check, msg string }

// minLengthChecked is the shortest source whose length ratio is checked:
// short texts vary too much between languages to say anything.
const minLengthChecked = 20

// hygiene finds white space and length problems.
func hygiene(src, tr string, band [2]float64) []issue {
	var out []issue
	if lead(src) != lead(tr) || trail(src) != trail(tr) {
		out = append(out, issue{"whitespace", "leading or trailing white space differs from the source"})
	}
	if strings.Contains(tr, "  ") && !strings.Contains(src, "  ") {
		out = append(out, issue{"double-space", "doubled space"})
	}
	ns, nt := utf8.RuneCountInString(src), utf8.RuneCountInString(tr)
	if ns >= minLengthChecked {
		if r := float64(nt) / float64(ns); r < band[0] || r > band[1] {
			out = append(out, issue{"length", fmt.Sprintf("%.2f times the source's length, outside %.2f–%.2f", r, band[0], band[1])})
		}
	}
	return out
}

func lead(s string) string  { return s[:len(s)-len(strings.TrimLeftFunc(s, unicode.IsSpace))] }
func trail(s string) string { return s[len(strings.TrimRightFunc(s, unicode.IsSpace)):] }

// Sort orders findings by language, file, line, check and message, so that
// output is the same from run to run.
func Sort(fs []Finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Lang != b.Lang:
			return a.Lang < b.Lang
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Check != b.Check:
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
}

// withoutAddedLabels drops from translation tr each reference label
// ("][label]") of a definition in refs that the source never writes: a
// translation that changes the text of a collapsed or shortcut reference
// link ("[RFC 5646][]") must name its label ("[la RFC 5646][RFC 5646]"),
// and the label repeats the source's link text, numbers included.
func withoutAddedLabels(src, tr string, refs map[string]string) string {
	if len(refs) == 0 || !strings.Contains(tr, "][") {
		return tr
	}
	var b strings.Builder
	rest := tr
	for {
		i := strings.Index(rest, "][")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i+2:], ']')
		if j < 0 {
			break
		}
		label := rest[i+2 : i+2+j]
		_, defined := refs[util.ToLinkReference([]byte(label))]
		if defined && label != "" && !strings.Contains(strings.ToLower(src), "]["+strings.ToLower(label)+"]") {
			b.WriteString(rest[:i+1])
			rest = rest[i+2+j+1:]
			continue
		}
		b.WriteString(rest[:i+1])
		rest = rest[i+1:]
	}
	b.WriteString(rest)
	return b.String()
}

// IsPseudo reports a pseudo-locale tag: region XA (accented) or XB
// (right-to-left), as lingo pseudo writes them.
func IsPseudo(tag string) bool {
	_, _, ok := lang.Pseudo(tag)
	return ok
}
