// Package vocab recognises, in the plain text of a message, what a medical
// translation must keep: quantities (a number with its unit, "0.5 mg/kg",
// "2-3 days", "45 %", "twice daily") and negations ("do not", "sans",
// "nicht", "لا"). What each language calls a unit, a range, a rate or a
// negation is data, not code: TOML files embedded from data/ (common.toml
// for the symbols every language writes, <lang>.toml for each language's
// words), which a project extends with files of the same shape in a folder
// of its own (Load). A Vocabulary compiles one Lang per language tag;
// Lang.Quantities reads a text's quantities (numbers read by package
// numbers, in the language's own writing), Missing compares a source's
// quantities with its translation's, and Lang.Negation finds a negation.
package vocab

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/lang"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

//go:embed data/*.toml
var embedded embed.FS

// file is one vocabulary file: common.toml or <lang>.toml.
type file struct {
	// Units are the spellings of each canonical unit after a number.
	Units map[string][]string `toml:"units"`
	// Per are the words that make the unit after them a denominator
	// ("mg per kg", "mg/kg", "fois par jour").
	Per []string `toml:"per"`
	// PerUnit are words that are a denominator on their own ("daily").
	PerUnit map[string][]string `toml:"per_unit"`
	// PerBefore are denominators written before the number ("每天2次").
	PerBefore map[string][]string `toml:"per_before"`
	// Implicit are the denominators every amount has unsaid: "dose" (an
	// amount given is per dose, "1回1錠" is "1 tablet").
	Implicit []string `toml:"implicit_per"`
	// Range are the words between the two ends of a range ("2 to 3").
	Range []string `toml:"range"`
	// Phrases are quantities written in words, by their value and unit:
	// "2 times/day" = ["twice daily"].
	Phrases map[string][]string `toml:"phrases"`
	// Negation are the words of a negation: "not", "n'*" (a prefix),
	// "*n't" (a suffix); in Han or kana, any occurrence.
	Negation []string `toml:"negation"`
	// NotNegation are phrases with a word of Negation that do not negate
	// ("no matter how", "if not impossible").
	NotNegation []string `toml:"not_negation"`
	// NegationAfter says that the language negates after what it negates
	// (Japanese "4 gを超えて服用しないでください"): a comparison followed
	// by a negation is a bound.
	NegationAfter bool `toml:"negation_after"`
	// Dimension gives each unit's size within what it measures, so that a
	// change of unit with the same amount is reported as a conversion.
	Dimension map[string]map[string]float64 `toml:"dimension"`
	// Classes define the classes of meaning of the direction and route
	// checks (common.toml): [class.before] check = "direction",
	// opposite = ["after"].
	Classes map[string]Class `toml:"class"`
	// Terms are the spellings of each class in a language:
	// before = ["before", "prior to"].
	Terms map[string][]string `toml:"terms"`
}

// Vocabulary is lingo's own vocabulary, extended by a project's. It is safe
// for concurrent use.
type Vocabulary struct {
	files map[string][]file   // "common" or a language tag → its files, lingo's first
	paths map[string][]string // the path of each of files
	mu    sync.Mutex
	langs map[string]*Lang // compiled, by tag
}

// Default returns lingo's own vocabulary.
func Default() *Vocabulary {
	v, err := Load("")
	if err != nil { // the embedded files are tested to load
		return &Vocabulary{files: map[string][]file{}, langs: map[string]*Lang{}}
	}
	return v
}

// Load returns lingo's own vocabulary extended by the files of dir
// ("" for none): common.toml and <lang>.toml, whose spellings are added to
// lingo's. A problem in a file is a *diag.Error at its line and column.
func Load(dir string) (*Vocabulary, error) {
	v := &Vocabulary{files: map[string][]file{}, paths: map[string][]string{}, langs: map[string]*Lang{}}
	names, err := fs.Glob(embedded, "data/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, _ := embedded.ReadFile(name)
		if err := v.add(name, data); err != nil {
			return nil, err
		}
	}
	if dir == "" {
		return v, v.validateClasses()
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".toml" {
			continue
		}
		p := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if err := v.add(p, data); err != nil {
			return nil, err
		}
	}
	return v, v.validateClasses()
}

// add parses the vocabulary file at name (common.toml or <lang>.toml).
func (v *Vocabulary) add(name string, data []byte) error {
	base := strings.TrimSuffix(path.Base(filepath.ToSlash(name)), ".toml")
	key := "common"
	if base != "common" {
		tag, err := lang.Parse(base)
		if err != nil {
			return &diag.Error{Path: name, Msg: fmt.Sprintf("a vocabulary file is common.toml or <language>.toml: %v", err)}
		}
		key = tag
	}
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var sme *toml.StrictMissingError
		if errors.As(err, &sme) && len(sme.Errors) > 0 {
			line, col := sme.Errors[0].Position()
			return &diag.Error{Path: name, Line: line, Col: col, Msg: fmt.Sprintf("unknown key %q (want units, per, per_unit, per_before, implicit_per, range, phrases, negation, not_negation, negation_after, dimension, class, terms)", strings.Join(sme.Errors[0].Key(), "."))}
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return &diag.Error{Path: name, Line: line, Col: col, Msg: de.Error()}
		}
		return &diag.Error{Path: name, Msg: err.Error()}
	}
	for q := range f.Phrases {
		if _, err := parsePhrase(q); err != nil {
			return &diag.Error{Path: name, Msg: fmt.Sprintf("phrases: %q: %v", q, err)}
		}
	}
	v.files[key] = append(v.files[key], f)
	v.paths[key] = append(v.paths[key], name)
	return nil
}

// For returns the compiled vocabulary of language tag: the common symbols,
// then its base language's words ("pt" for "pt-BR"), then its own.
func (v *Vocabulary) For(tag string) *Lang {
	v.mu.Lock()
	defer v.mu.Unlock()
	if l, ok := v.langs[tag]; ok {
		return l
	}
	keys := []string{"common"}
	if t, err := language.Parse(tag); err == nil {
		b, _ := t.Base()
		keys = append(keys, b.String())
	}
	if !slices.Contains(keys, tag) {
		keys = append(keys, tag)
	}
	l := &Lang{tag: tag, scale: map[string]scale{}, classes: map[string]Class{}, ownTerms: map[string]bool{}}
	for i, k := range keys {
		for _, f := range v.files[k] {
			l.add(f)
			l.own = l.own || i > 0
			for class := range f.Terms {
				for _, c := range strings.Split(class, "+") {
					l.ownTerms[c] = l.ownTerms[c] || i > 0
				}
			}
		}
	}
	l.sort()
	v.langs[tag] = l
	return l
}

// Lang is the compiled vocabulary of one language.
type Lang struct {
	tag       string
	own       bool // the language has words of its own, not only symbols
	units     tokens
	per       []string
	perWords  tokens // per, as tokens for find
	perUnit   tokens
	perBefore tokens
	implicit  []string
	ranges    []string
	phrases   tokens // unit holds the phrase's quantity, "2 times/day"
	negation  []string
	negAfter  bool   // the language negates after what it negates
	notNeg    tokens // phrases with a negation word that do not negate
	scale     map[string]scale
	classes   map[string]Class // the direction and route classes, by name
	terms     tokens           // unit holds the term's class
	ownTerms  map[string]bool  // the classes the language has words of its own for
	memo      *remembered      // what it read, when Remembering
}

// token is a spelling and what it stands for.
type token struct {
	text, unit string
}

// tokens are spellings in the order they are tried, indexed by the first
// rune a text must have where each matches: a text is compared only with
// the spellings that can start where it stands, not with every one.
type tokens struct {
	list  []token
	start map[rune][]token // by foldKey of a first rune: the spellings that start with it or with anything, in list's order
	any   []token          // the spellings that start with anything (a space, a number): tried at every rune
}

// index makes ts.start and ts.any from ts.list, in one pass: a key's
// list starts with the spellings that start with anything and come before
// its first spelling, and gains every later one.
func (ts *tokens) index() {
	ts.start, ts.any = map[rune][]token{}, nil
	for _, t := range ts.list {
		r, _ := utf8.DecodeRuneInString(t.text)
		if r == ' ' || r == '#' || r == utf8.RuneError {
			ts.any = append(ts.any, t)
			for key := range ts.start {
				ts.start[key] = append(ts.start[key], t)
			}
			continue
		}
		k := foldKey(r)
		if _, ok := ts.start[k]; !ok {
			ts.start[k] = slices.Clone(ts.any)
		}
		ts.start[k] = append(ts.start[k], t)
	}
}

// at are the spellings that can match where a text has a rune of fold key
// key, in the order they are tried.
func (ts *tokens) at(key rune) []token {
	if c, ok := ts.start[key]; ok {
		return c
	}
	return ts.any
}

// scale is a unit's dimension and size in it.
type scale struct {
	dim    string
	factor float64
}

// Known reports whether the language has a vocabulary of its own: the
// units and negation checks say nothing about a language they cannot read.
func (l *Lang) Known() bool { return l.own }

func (l *Lang) add(f file) {
	tokens := func(m map[string][]string) []token {
		var out []token
		for unit, spellings := range m {
			for _, s := range spellings {
				out = append(out, token{text: norm(s), unit: unit})
			}
		}
		return out
	}
	l.units.list = append(l.units.list, tokens(f.Units)...)
	l.perUnit.list = append(l.perUnit.list, tokens(f.PerUnit)...)
	l.perBefore.list = append(l.perBefore.list, tokens(f.PerBefore)...)
	l.phrases.list = append(l.phrases.list, tokens(f.Phrases)...)
	l.implicit = append(l.implicit, f.Implicit...)
	l.negAfter = l.negAfter || f.NegationAfter
	for _, n := range f.NotNegation {
		l.notNeg.list = append(l.notNeg.list, token{text: norm(n)})
	}
	for _, s := range f.Per {
		l.per = append(l.per, norm(s))
		l.perWords.list = append(l.perWords.list, token{text: norm(s)})
	}
	for _, s := range f.Range {
		l.ranges = append(l.ranges, norm(s))
	}
	for _, s := range f.Negation {
		l.negation = append(l.negation, norm(s))
	}
	l.terms.list = append(l.terms.list, tokens(f.Terms)...)
	maps.Copy(l.classes, f.Classes)
	for dim, units := range f.Dimension {
		for u, x := range units {
			l.scale[u] = scale{dim, x}
		}
	}
}

// sort puts the longest spellings first, so that the longest one matches
// ("hours" before "h"), then alphabetically, so that the result is the same
// from run to run.
func (l *Lang) sort() {
	byLength := func(a, b token) int {
		if len(a.text) != len(b.text) {
			return len(b.text) - len(a.text)
		}
		return strings.Compare(a.text+"\x00"+a.unit, b.text+"\x00"+b.unit)
	}
	for _, ts := range []*tokens{&l.units, &l.perUnit, &l.perBefore, &l.phrases, &l.terms, &l.perWords, &l.notNeg} {
		slices.SortFunc(ts.list, byLength)
		ts.index()
	}
	for _, ss := range [][]string{l.per, l.ranges, l.negation} {
		sort.Slice(ss, func(i, j int) bool {
			if len(ss[i]) != len(ss[j]) {
				return len(ss[i]) > len(ss[j])
			}
			return ss[i] < ss[j]
		})
	}
}

// norm writes the typographic apostrophe as ASCII, as match compares.
func norm(s string) string { return strings.ReplaceAll(s, "’", "'") }

// parsePhrase reads a phrase's quantity: "2 times/day", "2-3 day".
func parsePhrase(s string) (Quantity, error) {
	val, unit, ok := strings.Cut(s, " ")
	if !ok || unit == "" {
		return Quantity{}, errors.New(`want "<value> <unit>", e.g. "2 times/day"`)
	}
	lo, hi, isRange := strings.Cut(val, "-")
	if !isRange {
		hi = lo
	}
	for _, x := range []string{lo, hi} {
		if _, err := strconv.ParseFloat(x, 64); err != nil {
			return Quantity{}, fmt.Errorf("%q is not a number", x)
		}
	}
	return Quantity{Low: lo, High: hi, Unit: unit}, nil
}
