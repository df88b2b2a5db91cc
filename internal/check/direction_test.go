package check_test

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/pelletier/go-toml/v2"
)

// directionCase is one English sentence of testdata/direction.toml with,
// per language, correct translations and wrong ones.
type directionCase struct {
	En string                `toml:"en"`
	Es directionTranslations `toml:"es"`
	Fr directionTranslations `toml:"fr"`
	De directionTranslations `toml:"de"`
}

type directionTranslations struct {
	Good    []string `toml:"good"`
	Bad     []string `toml:"bad"`
	Dropped []string `toml:"dropped"`
}

// TestDirectionTable runs the checker on every pair of
// testdata/direction.toml and prints, per language, the share of wrong
// translations blocked by a direction or route error and the share of
// correct ones blocked (false alarms): at least 95% and at most 2%.
func TestDirectionTable(t *testing.T) {
	data, err := os.ReadFile("testdata/direction.toml")
	if err != nil {
		t.Fatal(err)
	}
	var table struct {
		Case []directionCase `toml:"case"`
	}
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&table); err != nil {
		t.Fatal(err)
	}
	if len(table.Case) < 40 {
		t.Fatalf("%d sentences, want at least 40", len(table.Case))
	}
	c := check.New(check.Options{})
	findings := func(lang, src, text string) (blocked, warned []string) {
		for _, f := range c.Check(check.Translation{Lang: lang, SourceLang: "en", File: "f", Line: 1, ID: "a", Source: src, Text: text}) {
			switch {
			case (f.Check == "direction" || f.Check == "route") && f.Severity == check.Error:
				blocked = append(blocked, f.Check+": "+f.Message)
			case f.Check == "direction-missing":
				warned = append(warned, f.Check+": "+f.Message)
			}
		}
		return blocked, warned
	}
	for _, lang := range []string{"es", "fr", "de"} {
		var good, bad, falseAlarms, caught, dropped, warned, goodWarned int
		for _, tc := range table.Case {
			tr := map[string]directionTranslations{"es": tc.Es, "fr": tc.Fr, "de": tc.De}[lang]
			if len(tr.Good) < 2 || len(tr.Bad)+len(tr.Dropped) < 2 {
				t.Errorf("%s %q: %d correct and %d wrong translations, want at least 2 of each", lang, tc.En, len(tr.Good), len(tr.Bad)+len(tr.Dropped))
			}
			for _, g := range tr.Good {
				good++
				blocked, warned := findings(lang, tc.En, g)
				if len(blocked) > 0 {
					falseAlarms++
					t.Logf("%s false alarm: %q → %q: %v", lang, tc.En, g, blocked)
				}
				if len(warned) > 0 {
					goodWarned++
					t.Logf("%s warning on a correct translation: %q → %q: %v", lang, tc.En, g, warned)
				}
			}
			for _, b := range tr.Bad {
				bad++
				if blocked, _ := findings(lang, tc.En, b); len(blocked) > 0 {
					caught++
				} else {
					t.Logf("%s passed although wrong: %q → %q", lang, tc.En, b)
				}
			}
			for _, d := range tr.Dropped {
				dropped++
				if blocked, w := findings(lang, tc.En, d); len(blocked)+len(w) > 0 {
					warned++
				} else {
					t.Logf("%s nothing said on a dropped class: %q → %q", lang, tc.En, d)
				}
			}
		}
		t.Logf("%s: a class dropped, warned %d/%d; correct with a direction-missing warning %d/%d", lang, warned, dropped, goodWarned, good)
		if warned < dropped {
			t.Errorf("%s: %d/%d translations that drop a class warned, want all", lang, warned, dropped)
		}
		blockRate, alarmRate := float64(caught)/float64(bad), float64(falseAlarms)/float64(good)
		t.Logf("%s: wrong blocked %d/%d (%.1f%%), correct blocked %d/%d (%.1f%%)", lang, caught, bad, 100*blockRate, falseAlarms, good, 100*alarmRate)
		if blockRate < 0.95 {
			t.Errorf("%s: %.1f%% of wrong translations blocked, want at least 95%%", lang, 100*blockRate)
		}
		if alarmRate > 0.02 {
			t.Errorf("%s: %.1f%% of correct translations blocked, want at most 2%%", lang, 100*alarmRate)
		}
	}
}

// TestDirectionPairs checks the rules one by one: the opposite is an
// error, a near class stands in, both classes of the source may be in the
// translation, and a sentence without a term is not judged.
func TestDirectionPairs(t *testing.T) {
	c := check.New(check.Options{})
	tests := []struct {
		lang, src, text string
		want            []string
	}{
		{"es", "Take before meals.", "Tomar antes de las comidas.", nil},
		{"es", "Take before meals.", "Tomar después de las comidas.", []string{"direction"}},
		{"fr", "Take before or after meals.", "Prendre avant ou après les repas.", nil},
		{"de", "Do not take more than 3 g.", "Höchstens 3 g einnehmen.", nil},
		{"de", "Take at most 3 g.", "Nehmen Sie nicht mehr als 3 g ein.", nil},
		{"de", "Take at most 3 g.", "Nehmen Sie mindestens 3 g ein.", []string{"direction"}},
		{"es", "Give IV.", "Administrar IM.", []string{"route"}},
		{"de", "Store in the fridge.", "Im Kühlschrank lagern.", nil},
		{"de", "Give IM.", "Im Muskel geben.", nil},
		{"de", "Give IV.", "Im Kühlschrank lagern und geben.", []string{"route"}},
		{"es", "Take with or without food.", "Tomar sin alimentos.", []string{"direction"}},
		{"es", "Take before or after meals.", "Tomar antes de las comidas.", []string{"direction-missing"}},
		{"es", "Take before meals. Then rest.", "Tomar antes de las comidas, luego descansar.", nil},
		{"fr", "Take orally.", "Prendre par voie orale.", nil},
		{"fr", "Give over 40 minutes.", "Administrer en 40 minutes.", nil},
		{"ko", "Take before meals.", "식후에 복용하십시오.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range c.Check(check.Translation{Lang: tt.lang, SourceLang: "en", File: "f", Line: 1, ID: "a", Source: tt.src, Text: tt.text}) {
			if f.Check == "direction" || f.Check == "route" || f.Check == "direction-missing" {
				got = append(got, f.Check)
				t.Logf("%s %q: %s", tt.lang, tt.text, f.Message)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s %q → %q: %v, want %v", tt.lang, tt.src, tt.text, got, tt.want)
		}
	}
}
