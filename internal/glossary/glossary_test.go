package glossary_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/lingo-l10n/lingo/internal/glossary"
)

func load(t *testing.T, text string) *glossary.Glossary {
	t.Helper()
	path := filepath.Join(t.TempDir(), "glossary.toml")
	os.WriteFile(path, []byte(text), 0o644)
	g, err := glossary.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestCheck(t *testing.T) {
	g := load(t, `do_not_translate = ["BDNF"]
[terms.ketamine]
fr = "kétamine"
de = ["Ketamin", "Ketamins"]
`)
	tests := []struct {
		src, tr, lang string
		want          []string
	}{
		{"Ketamine increases BDNF.", "La kétamine augmente le BDNF.", "fr", nil},
		{"Ketamine increases BDNF.", "La kétamine augmente le facteur.", "fr", []string{"dnt"}},
		{"Ketamine increases BDNF.", "Le médicament augmente le BDNF.", "fr", []string{"glossary"}},
		{"The effect of ketamine", "Die Wirkung des Ketamins", "de", nil},
		{"The effect of ketamine", "Die Wirkung von Ketaminen", "de", []string{"glossary"}},
		{"No term here.", "Rien ici.", "fr", nil},
		{"Ketamine", "Ketamina", "es", nil}, // no rule for es
	}
	for _, tt := range tests {
		var got []string
		for _, p := range g.Check(tt.src, tt.tr, tt.lang) {
			got = append(got, p.Check)
		}
		if len(got) != len(tt.want) || (len(got) > 0 && got[0] != tt.want[0]) {
			t.Errorf("Check(%q, %q, %s) = %v, want %v", tt.src, tt.tr, tt.lang, got, tt.want)
		}
	}
	if !g.IsDoNotTranslate(" bdnf ") || g.IsDoNotTranslate("BDNF levels") {
		t.Error("IsDoNotTranslate is wrong")
	}
}

func TestContainsWord(t *testing.T) {
	if glossary.ContainsWord("ketamingestützte Therapie", "Ketamin") {
		t.Error("matched inside a word")
	}
	if !glossary.ContainsWord("(Ketamin)", "ketamin") {
		t.Error("missed a word between brackets")
	}
}

func TestLoadBad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "glossary.toml")
	os.WriteFile(path, []byte("[terms.x]\nfr = 3\n"), 0o644)
	if _, err := glossary.Load(path); err == nil {
		t.Error("a number as a translation was accepted")
	}
}

func TestFindWords(t *testing.T) {
	tests := []struct {
		text  string
		words []string
		want  [][2]int
	}{
		{"BDNF and bdnf", []string{"BDNF"}, [][2]int{{0, 4}, {9, 13}}},
		{"BDNFs, xBDNF", []string{"BDNF"}, nil},
		{"COVID-19 now", []string{"COVID", "COVID-19"}, [][2]int{{0, 8}}},
		{"é BDNF.", []string{"BDNF"}, [][2]int{{3, 7}}},
		{"nothing", nil, nil},
	}
	for _, tt := range tests {
		if got := glossary.FindWords(tt.text, tt.words); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("FindWords(%q, %q) = %v, want %v", tt.text, tt.words, got, tt.want)
		}
	}
}
