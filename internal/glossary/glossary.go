// Package glossary enforces a project's terminology: terms whose
// translation is fixed per language, and terms never to translate (brand
// names, abbreviations such as BDNF). Matching is on whole words and
// ignores case. The glossary is a TOML file:
//
//	do_not_translate = ["BDNF", "KAP"]
//
//	[terms.ketamine]
//	fr = "kétamine"
//	de = ["Ketamin", "Ketamins"]   # any of these forms will do
package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/pelletier/go-toml/v2"
)

// Glossary is the terminology of a project.
type Glossary struct {
	// Terms maps a source term to its accepted translations, by language.
	Terms map[string]map[string][]string
	// DoNotTranslate are terms that stay as they are in every language.
	DoNotTranslate []string
	terms          []string // Terms' keys, sorted, for stable output
}

// file is the TOML layout; a translation is a string or a list of them.
type file struct {
	DoNotTranslate []string                  `toml:"do_not_translate"`
	Terms          map[string]map[string]any `toml:"terms"`
}

// Load reads the glossary at path.
func Load(path string) (*Glossary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return nil, &diag.Error{Path: path, Line: line, Col: col, Msg: de.Error()}
		}
		return nil, &diag.Error{Path: path, Msg: err.Error()}
	}
	g := &Glossary{Terms: map[string]map[string][]string{}, DoNotTranslate: f.DoNotTranslate}
	for term, langs := range f.Terms {
		g.Terms[term] = map[string][]string{}
		for lang, v := range langs {
			forms, ok := toForms(v)
			if !ok {
				return nil, &diag.Error{Path: path, Msg: fmt.Sprintf("terms.%s.%s: want a string or a list of strings", term, lang)}
			}
			g.Terms[term][lang] = forms
		}
		g.terms = append(g.terms, term)
	}
	sort.Strings(g.terms)
	return g, nil
}

func toForms(v any) ([]string, bool) {
	switch x := v.(type) {
	case string:
		return []string{x}, true
	case []any:
		var out []string
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, len(out) > 0
	}
	return nil, false
}

// Problem is a glossary rule a translation breaks. Check is "glossary" (a
// term not translated as required) or "dnt" (a do-not-translate term lost).
type Problem struct {
	Check, Message string
}

// Check compares a translation into lang with its source.
func (g *Glossary) Check(src, tr, lang string) []Problem {
	if g == nil {
		return nil
	}
	var out []Problem
	for _, term := range g.DoNotTranslate {
		if ContainsWord(src, term) && !ContainsWord(tr, term) {
			out = append(out, Problem{"dnt", fmt.Sprintf("%q must stay as it is (do not translate)", term)})
		}
	}
	for _, term := range g.terms {
		forms := g.Terms[term][lang]
		if len(forms) == 0 || !ContainsWord(src, term) {
			continue
		}
		found := false
		for _, f := range forms {
			found = found || ContainsWord(tr, f)
		}
		if !found {
			out = append(out, Problem{"glossary", fmt.Sprintf("%q must be translated as %s", term, quoteAll(forms))})
		}
	}
	return out
}

// IsDoNotTranslate reports whether text, white space aside, is a
// do-not-translate term: a message that rightly reads the same translated.
func (g *Glossary) IsDoNotTranslate(text string) bool {
	if g == nil {
		return false
	}
	text = strings.TrimSpace(text)
	for _, t := range g.DoNotTranslate {
		if strings.EqualFold(text, t) {
			return true
		}
	}
	return false
}

func quoteAll(forms []string) string {
	q := make([]string, len(forms))
	for i, f := range forms {
		q[i] = fmt.Sprintf("%q", f)
	}
	return strings.Join(q, " or ")
}

// ContainsWord reports whether text holds word as a whole word, ignoring
// case: no letter or digit right before or after it.
func ContainsWord(text, word string) bool {
	t, w := strings.ToLower(text), strings.ToLower(word)
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(t[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, _ := utf8.DecodeRuneInString(t[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

// FindWords returns the byte ranges of text where one of words occurs as a
// whole word, ignoring case, as ContainsWord matches: in text order, not
// overlapping (the longest word wins where two start at the same place).
func FindWords(text string, words []string) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		best := 0
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		for _, w := range words {
			n := len(w)
			if n == 0 || n <= best || i+n > len(text) || isWordRune(before) || !strings.EqualFold(text[i:i+n], w) {
				continue
			}
			if after, _ := utf8.DecodeRuneInString(text[i+n:]); !isWordRune(after) {
				best = n
			}
		}
		if best > 0 {
			out = append(out, [2]int{i, i + best})
			i += best
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
