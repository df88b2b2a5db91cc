package numbers_test

import (
	"regexp"
	"testing"

	"github.com/lingo-l10n/lingo/internal/numbers"
)

var canonicalValue = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)

// FuzzFind checks that Find never panics and returns numbers in order, within
// the text, in canonical form, each of which reads the same on its own.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"In 2023, 45% of adults ages 35 to 44", "2,400", "2.400.", "-3 °C", "−3", "50-80%",
		"٤٥٪ ٢٬٤٠٠ ٢٫٥", "४५% १,००,०००", "４５％ ２．５", "COVID-19 H2O", "12h30", "2 400\u202f000,5",
		"\xff1\xfe,2", "-", "1,", "1,00,0", "(-0.000)",
	} {
		for _, lang := range []string{"en", "fr", "de", "de-CH", "ar", "hi", "ja"} {
			f.Add(s, lang)
		}
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		prev := 0
		for _, n := range numbers.Find(text, lang) {
			if n.Start < prev || n.End <= n.Start || n.End > len(text) {
				t.Fatalf("Find(%q, %q): number %+v out of order or range (previous end %d)", text, lang, n, prev)
			}
			if n.Value == "-0" || !canonicalValue.MatchString(n.Value) {
				t.Fatalf("Find(%q, %q): value %q is not canonical", text, lang, n.Value)
			}
			if again := numbers.Find(text[n.Start:n.End], lang); len(again) != 1 || again[0].Value != n.Value {
				t.Fatalf("Find(%q, %q): %q read alone gives %+v, want one %s", text, lang, text[n.Start:n.End], again, n.Value)
			}
			prev = n.End
		}
	})
}
