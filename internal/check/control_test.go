package check

import "testing"

// FuzzBidi: a translation identical to its source adds no bidi control,
// in any language, and every run's place is the text it starts.
func FuzzBidi(f *testing.F) {
	for _, s := range []string{
		"Maximal \u202E12\u202C Tabletten.", "a \u2067b \u202Bc\u2069 d\u202C", "\u2069\u202C\u200E\u200F\u061C",
		"\u2066\u2067\u2068x", "\u202A\u202B\u202D\u202E", "plain",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"de", "ar"} {
			if r, ok := bidiAdded(s, s, lang); ok {
				t.Fatalf("bidiAdded(%q, itself, %s) = %+v", s, lang, r)
			}
		}
		for _, r := range bidiRuns(s) {
			if r.place == "" || []rune(r.place)[0] != r.r {
				t.Fatalf("bidiRuns(%q): run %+v", s, r)
			}
		}
	})
}
