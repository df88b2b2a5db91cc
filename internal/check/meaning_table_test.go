package check_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/pelletier/go-toml/v2"
)

// meaningLangs are the languages of testdata/meaning.toml.
var meaningLangs = []string{"es", "fr", "de", "pt", "it", "ar", "zh", "ja"}

// meaningChecks are the checks that judge what a translation means.
var meaningChecks = []string{"numbers", "units", "negation", "direction", "route"}

// TestMeaningTable runs the checker on every pair of testdata/meaning.toml
// (at least 40 English dosing and instruction sentences, each with correct
// and wrong translations in 8 languages) and prints, per language, the
// share of wrong translations blocked by an error of a meaning check and
// the share of correct ones blocked (false alarms): at least 95% and at
// most 2% in each language.
func TestMeaningTable(t *testing.T) {
	data, err := os.ReadFile("testdata/meaning.toml")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Case []map[string]any `toml:"case"`
	}
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&table); err != nil {
		t.Fatal(err)
	}
	if len(table.Case) < 40 {
		t.Errorf("%d sentences, want at least 40", len(table.Case))
	}
	c := check.New(check.Options{})
	blocked := func(lang, src, text string) []string {
		var out []string
		for _, f := range c.Check(check.Translation{Lang: lang, SourceLang: "en", File: "f", Line: 1, ID: "a", Source: src, Text: text}) {
			if f.Severity == check.Error && slices.Contains(meaningChecks, f.Check) {
				out = append(out, f.Check+": "+f.Message)
			}
		}
		return out
	}
	strs := func(v any) []string {
		var out []string
		list, _ := v.([]any)
		for _, x := range list {
			s, _ := x.(string)
			out = append(out, s)
		}
		return out
	}
	for _, lang := range meaningLangs {
		var good, bad, falseAlarms, caught int
		for _, tc := range table.Case {
			en, _ := tc["en"].(string)
			tr, _ := tc[lang].(map[string]any)
			goods, bads := strs(tr["good"]), strs(tr["bad"])
			if len(goods) < 2 || len(bads) < 2 {
				t.Errorf("%s %q: %d correct and %d wrong translations, want at least 2 of each", lang, en, len(goods), len(bads))
			}
			for _, g := range goods {
				good++
				if b := blocked(lang, en, g); len(b) > 0 {
					falseAlarms++
					t.Logf("%s false alarm: %q → %q: %s", lang, en, g, strings.Join(b, "; "))
				}
			}
			for _, b := range bads {
				bad++
				if len(blocked(lang, en, b)) > 0 {
					caught++
				} else {
					t.Logf("%s passed although wrong: %q → %q", lang, en, b)
				}
			}
		}
		blockRate, alarmRate := float64(caught)/float64(max(bad, 1)), float64(falseAlarms)/float64(max(good, 1))
		t.Logf("%s: wrong blocked %d/%d (%.1f%%), correct blocked %d/%d (%.1f%%)", lang, caught, bad, 100*blockRate, falseAlarms, good, 100*alarmRate)
		if blockRate < 0.95 {
			t.Errorf("%s: %.1f%% of wrong translations blocked, want at least 95%%", lang, 100*blockRate)
		}
		if alarmRate > 0.02 {
			t.Errorf("%s: %.1f%% of correct translations blocked, want at most 2%%", lang, 100*alarmRate)
		}
	}
}
