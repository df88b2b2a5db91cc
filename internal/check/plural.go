package check

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// pluralSamples are counts that, between them, reach every CLDR plural
// category of every language go-i18n knows (integers for zero, one, two,
// few and many; decimals and large numbers for the "many" of fr, es, it
// and pt, and the fractions of others).
var pluralSamples = []any{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 25, 100, 101,
	102, 103, 111, 1000000, "0.5", "1.5", "2.5", "0.0", "1.0", "1000000.0"}

// pluralRules learns, from go-i18n itself, which plural categories a
// language uses: x/text's plural data is older and disagrees with go-i18n's
// for fr, es, it, pt and he.
type pluralRules struct {
	mu     sync.Mutex
	byLang map[string][]string
}

// categories lists the categories go-i18n picks for lang, "other" included.
func (r *pluralRules) categories(lang string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if c, ok := r.byLang[lang]; ok {
		return c
	}
	tag := language.Make(lang)
	b := i18n.NewBundle(tag)
	probe := &i18n.Message{ID: "probe", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, probe); err != nil {
		return nil
	}
	loc := i18n.NewLocalizer(b, lang)
	seen := map[string]bool{"other": true}
	for _, n := range pluralSamples {
		if s, err := loc.Localize(&i18n.LocalizeConfig{MessageID: "probe", PluralCount: n}); err == nil {
			seen[s] = true
		}
	}
	var out []string
	for _, c := range append(slices.Clone(catalog.PluralForms), "other") {
		if seen[c] {
			out = append(out, c)
		}
	}
	r.byLang[lang] = out
	return out
}

// problem says what is wrong with the plural forms of an entry in lang, or
// "" when they are exactly the categories the language needs.
func (r *pluralRules) problem(lang string, forms map[string]string) string {
	want := r.categories(lang)
	var missing, extra []string
	for _, c := range want {
		if c != "other" && forms[c] == "" {
			missing = append(missing, c)
		}
	}
	for _, c := range catalog.PluralForms {
		if forms[c] != "" && !slices.Contains(want, c) {
			extra = append(extra, c)
		}
	}
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "missing "+strings.Join(missing, ", "))
	}
	if len(extra) > 0 {
		parts = append(parts, strings.Join(extra, ", ")+" not used in "+lang)
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("plural forms: %s (%s needs %s)", strings.Join(parts, "; "), lang, strings.Join(want, ", "))
}
