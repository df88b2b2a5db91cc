package check

import (
	"slices"
	"testing"
)

func TestPluralCategories(t *testing.T) {
	r := pluralRules{byLang: map[string][]string{}}
	tests := map[string][]string{
		"en": {"one", "other"},
		"fr": {"one", "many", "other"},
		"ja": {"other"},
		"ar": {"zero", "one", "two", "few", "many", "other"},
		"ru": {"one", "few", "many", "other"},
	}
	for lang, want := range tests {
		if got := r.categories(lang); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", lang, got, want)
		}
	}
	if msg := r.problem("fr", map[string]string{"one": "un jour"}); msg == "" {
		t.Error("fr without many passed")
	}
	if msg := r.problem("fr", map[string]string{"one": "un jour", "many": "de jours"}); msg != "" {
		t.Errorf("fr one/many/other: %s", msg)
	}
	if msg := r.problem("ja", map[string]string{"one": "x"}); msg == "" {
		t.Error("ja with one passed")
	}
}
