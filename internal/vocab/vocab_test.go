package vocab_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/vocab"
)

// TestEmbedded loads lingo's own vocabulary: Default falls back to an
// empty one if it did not.
func TestEmbedded(t *testing.T) {
	v, err := vocab.Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"en", "es", "fr", "de", "ar", "pt", "pt-BR", "it", "zh", "zh-Hant", "ja"} {
		if !v.For(tag).Known() {
			t.Errorf("%s has no vocabulary", tag)
		}
	}
	if v.For("ko").Known() {
		t.Error("ko: want no vocabulary of its own")
	}
}

func TestQuantities(t *testing.T) {
	v := vocab.Default()
	tests := []struct{ lang, text, want string }{
		{"en", "Give 0.5 mg/kg, then 5 mg per day for 2-3 days.", "0.5 mg/kg|5 mg/day|2–3 day"},
		{"fr", "0,5 mg/kg puis 2 fois par jour pendant 2 à 3 jours.", "0.5 mg/kg|2 times/day|2–3 day"},
		{"ar", "بين 50 و80% خلال ٢٤ ساعة", "50–80 %|24 h"},
		{"ja", "1日2回、2〜3日間", "2 times/day|2–3 day"},
		{"zh", "每天5毫克，持续2至3周", "5 mg/day|2–3 week"},
		{"de", "In 2023 gaben 45 % der 35- bis 44-Jährigen an", "45 %"},
	}
	for _, tt := range tests {
		var got string
		for i, q := range v.For(tt.lang).Quantities(tt.text) {
			if i > 0 {
				got += "|"
			}
			got += q.String()
		}
		if got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestNegation(t *testing.T) {
	v := vocab.Default()
	for _, tt := range []struct {
		lang, text string
		want       bool
	}{
		{"en", "Don't drive.", true}, {"en", "Drive now.", false}, {"en", "Avoid alcohol.", true},
		{"fr", "Ce n’est pas grave.", true}, {"fr", "Notez la dose.", false},
		{"de", "Keinesfalls fahren.", true}, {"de", "Nichtraucher", false},
		{"zh", "请勿驾驶。", true}, {"ja", "運転しないでください。", true}, {"ar", "لا تقد.", true},
	} {
		if _, got := v.For(tt.lang).Negation(tt.text); got != tt.want {
			t.Errorf("%s %q: %v, want %v", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestLoad extends lingo's vocabulary with a project's, and reports a
// broken file at its line and column.
func TestLoad(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fr.toml"), []byte("[units]\nmg = [\"milligr.\"]\n"), 0o644)
	v, err := vocab.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if qs := v.For("fr").Quantities("0,5 milligr. puis 1 mg"); len(qs) != 2 || qs[0].Unit != "mg" || qs[1].Unit != "mg" {
		t.Errorf("got %v", qs)
	}
	os.WriteFile(filepath.Join(dir, "fr.toml"), []byte("\nnegation = 3\n"), 0o644)
	_, err = vocab.Load(dir)
	var de *diag.Error
	if !errors.As(err, &de) || de.Line != 2 {
		t.Errorf("got %v, want an error at line 2", err)
	}
}

// TestTerms reads the words of direction and route classes: the longest
// spelling, a capital abbreviation as written, "#" a number, and a
// comparison after a negation as the bound it sets.
func TestTerms(t *testing.T) {
	v := vocab.Default()
	tests := []struct{ lang, text, want string }{
		{"en", "Do not take more than 4 g.", "max"},
		{"en", "Take not more than 4 g, at least 6 hours apart.", "max|min"},
		{"en", "Give over 40 minutes.", ""},
		{"en", "Not for children under 12 years.", "min"},
		{"en", "Take with or without food.", "with-food|without-food"},
		{"de", "Im Kühlschrank lagern, 1 g IM geben.", "intramuscular"},
		{"de", "Nicht über 25 °C lagern.", "max"},
		{"fr", "Injecter par voie sous-cutanée.", "subcutaneous"},
		{"es", "No conservar a temperatura superior a 25 °C.", "max"},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range v.For(tt.lang).Terms(tt.text) {
			got = append(got, term.Class)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.text, g, tt.want)
		}
	}
}

// TestLoadClasses reports a term of a class no file defines, at its file.
func TestLoadClasses(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "fr.toml"), []byte("[terms]\nbefore = [\"préalablement\"]\n"), 0o644)
	if _, err := vocab.Load(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "fr.toml"), []byte("[terms]\nbefor = [\"avant\"]\n"), 0o644)
	_, err := vocab.Load(dir)
	var de *diag.Error
	if !errors.As(err, &de) || !strings.Contains(de.Msg, `"befor"`) || filepath.Base(de.Path) != "fr.toml" {
		t.Errorf("got %v, want an error in fr.toml naming class befor", err)
	}
	os.WriteFile(filepath.Join(dir, "common.toml"), []byte("[class.soon]\ncheck = \"timing\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "fr.toml"), []byte(""), 0o644)
	if _, err := vocab.Load(dir); err == nil || !strings.Contains(err.Error(), "want direction or route") {
		t.Errorf("got %v, want a check that is not direction or route refused", err)
	}
}

// TestCompare compares a source's quantities with a translation's: a rate
// said away from its number, a frequency in digits for one in words, a
// time unit for "per day", and what changes the meaning.
func TestCompare(t *testing.T) {
	v := vocab.Default()
	tests := []struct {
		lang, src, tr string
		want          string // the mismatches' Why, joined by "|"
	}{
		{"de", "Take at most 4 g daily.", "Täglich höchstens 4 g.", ""},
		{"de", "Take at most 4 g daily.", "Wöchentlich höchstens 4 g.", "rate"},
		{"fr", "Take 1 tablet twice daily.", "Prendre 1 comprimé 2 fois par jour.", ""},
		{"fr", "Take 1 tablet twice daily.", "Prendre 1 comprimé 2 fois par semaine.", "rate"},
		{"de", "Give 10 mg/kg.", "10 mg/kg KG geben.", ""},
		{"es", "Do not take more than 4 g in 24 hours.", "Como máximo 4 g al día.", ""},
		{"ja", "Take 1 tablet twice daily.", "1回1錠を1日2回服用する。", ""},
		{"fr", "Take 1000 IU of vitamin D daily.", "Prenez 1000 UI de vitamine D par semaine.", "per"},
		{"es", "Take 1 tablet once daily.", "Tome 1 comprimido al día.", ""},
		{"es", "Take 1 tablet once daily.", "Tome 1 comprimido dos veces al día.", "missing"},
		{"ar", "Take 2 tablets twice daily.", "تناول قرصين مرتين يوميًا.", ""},
	}
	for _, tt := range tests {
		tl := v.For(tt.lang)
		c := tl.Compare(v.For("en").Read(tt.src), tl.Read(tt.tr))
		var got []string
		for _, m := range c.Mismatches {
			got = append(got, m.Why)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%s %q → %q: %q, want %q", tt.lang, tt.src, tt.tr, g, tt.want)
		}
	}
}
