package numbers_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/numbers"
)

// found writes the numbers of text as "Value@written" for comparison.
func found(text string, ns []numbers.Number) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Value+"@"+text[n.Start:n.End])
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // Value@written, in text order
	}{
		// Separators follow the language.
		{"en grouping", "en", "2,400 patients", []string{"2400@2,400"}},
		{"en decimal", "en", "2.5 mg", []string{"2.5@2.5"}},
		{"en both", "en", "1,234,567.89", []string{"1234567.89@1,234,567.89"}},
		{"en point is decimal", "en", "2.400", []string{"2.4@2.400"}},
		{"de comma is decimal", "de", "2,400", []string{"2.4@2,400"}},
		{"de point groups", "de", "2.400 Patienten", []string{"2400@2.400"}},
		{"de both", "de", "1.234.567,89", []string{"1234567.89@1.234.567,89"}},
		{"de-CH apostrophe", "de-CH", "1'234.5 und 2’400", []string{"1234.5@1'234.5", "2400@2’400"}},
		{"fr comma decimal", "fr", "2,5 mg", []string{"2.5@2,5"}},
		{"fr space groups", "fr", "2 400 et 1 000 000", []string{"2400@2 400", "1000000@1 000 000"}},
		{"fr nbsp groups", "fr", "2\u00a0400 ; 3\u202f500 ; 4\u2009600", []string{"2400@2\u00a0400", "3500@3\u202f500", "4600@4\u2009600"}},
		{"fr year then number", "fr", "En 2019 300 personnes", []string{"2019@2019", "300@300"}},
		{"en space does not group", "en", "in 2 400 cases", []string{"2@2", "400@400"}},
		{"en nbsp groups", "en", "2\u202f400", []string{"2400@2\u202f400"}},
		{"es comma decimal", "es", "2,5 mg", []string{"2.5@2,5"}},
		{"es-MX point decimal", "es-MX", "2.5 mg", []string{"2.5@2.5"}},
		{"pt-BR", "pt-BR", "1.500,75", []string{"1500.75@1.500,75"}},
		{"group needs exactly 3 digits", "en", "2,4000 and 2,40", []string{"2@2", "4000@4000", "2@2", "40@40"}},
		{"comma space is a list", "en", "2, 3 and 4", []string{"2@2", "3@3", "4@4"}},
		{"fr comma space is a list", "fr", "2, 3 et 4", []string{"2@2", "3@3", "4@4"}},
		{"final period", "en", "in 2019.", []string{"2019@2019"}},
		{"de final period after groups", "de", "Es waren 2.400.", []string{"2400@2.400"}},
		{"de ordinal", "de", "am 2. Tag", []string{"2@2"}},
		{"canonical zeros", "en", "007 and 2.50 and 0.0", []string{"7@007", "2.5@2.50", "0@0.0"}},
		// Percent.
		{"percent", "en", "45%", []string{"45@45"}},
		{"fr percent nnbsp", "fr", "45\u202f%", []string{"45@45"}},
		{"de percent nbsp", "de", "45\u00a0%", []string{"45@45"}},
		{"percent space", "fr", "45 %", []string{"45@45"}},
		// Ranges and signs.
		{"range hyphen", "en", "2-3 days", []string{"2@2", "3@3"}},
		{"range en dash", "en", "2–3", []string{"2@2", "3@3"}},
		{"range em dash", "en", "2—3", []string{"2@2", "3@3"}},
		{"range percent", "en", "50-80%", []string{"50@50", "80@80"}},
		{"range percent both", "en", "50%-80%", []string{"50@50", "80@80"}},
		{"range spaced", "en", "2 - 3", []string{"2@2", "3@3"}},
		{"range ja", "ja", "35～44歳", []string{"35@35", "44@44"}},
		{"negative", "en", "-3 °C", []string{"-3@-3"}},
		{"negative minus sign", "en", "down to −3", []string{"-3@−3"}},
		{"negative in parens", "en", "(-2.5)", []string{"-2.5@-2.5"}},
		{"negative after word", "en", "between 2 and -3", []string{"2@2", "-3@-3"}},
		{"negative zero", "en", "-0", []string{"0@-0"}},
		{"spaced hyphen after a number is a dash", "en", "2 -3", []string{"2@2", "3@3"}},
		{"hebrew prefix is not a sign", "he", "ב-2019", []string{"2019@2019"}},
		// Words.
		{"identifiers", "en", "COVID-19, H2O, B12, mp4, SARS-CoV-2, CYP3A4, v1.2.3", nil},
		{"units glued", "en", "5mg, 24h, 2nd, 1990s, 3-day", []string{"5@5", "24@24", "2@2", "1990@1990", "3@3"}},
		{"fr time", "fr", "12h30", []string{"12@12", "30@30"}},
		{"years and ages", "en", "In 2023, adults ages 35 to 44", []string{"2023@2023", "35@35", "44@44"}},
		{"cjk glued", "ja", "2023年に45歳", []string{"2023@2023", "45@45"}},
		{"korean glued", "ko", "2023년 45세", []string{"2023@2023", "45@45"}},
		{"arabic conjunction", "ar", "بين ٢ و٣ أيام", []string{"2@٢", "3@٣"}},
		{"words are out of scope", "en", "two or three", nil},
		{"superscripts are not digits", "en", "m² and note¹", nil},
		// Scripts.
		{"arabic-indic", "ar", "٤٥٪", []string{"45@٤٥"}},
		{"arabic decimal and group", "ar", "٢٬٤٠٠ و٢٫٥", []string{"2400@٢٬٤٠٠", "2.5@٢٫٥"}},
		{"arabic latin digits", "ar", "2.5 و 2,400", []string{"2.5@2.5", "2400@2,400"}},
		{"arabic range", "ar", "٢-٣", []string{"2@٢", "3@٣"}},
		{"persian", "fa", "۲۰۱۹ و ۴٫۵", []string{"2019@۲۰۱۹", "4.5@۴٫۵"}},
		{"devanagari", "hi", "४५% और २.५", []string{"45@४५", "2.5@२.५"}},
		{"indian grouping", "hi", "1,00,000 और १,००,००,०००", []string{"100000@1,00,000", "10000000@१,००,००,०००"}},
		{"western grouping in hi", "hi", "100,000", []string{"100000@100,000"}},
		{"no indian grouping in en", "en", "1,00,000", []string{"1@1", "0@00,000"}},
		{"full-width", "ja", "４５％と２．５と１，０００", []string{"45@４５", "2.5@２．５", "1000@１，０００"}},
		{"bengali", "bn", "৪৫%", []string{"45@৪৫"}},
		{"unknown tag", "not a tag", "2,400.5", []string{"2400.5@2,400.5"}},
		{"empty", "en", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(tt.text, numbers.Find(tt.text, tt.lang))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
			}
		})
	}
}

func TestLocaleFor(t *testing.T) {
	tests := []struct {
		lang    string
		decimal string // how the language writes two and a half
	}{
		{"en", "2.5"}, {"ja", "2.5"}, {"zh", "2.5"}, {"ko", "2.5"}, {"hi", "2.5"},
		{"th", "2.5"}, {"he", "2.5"}, {"ar", "2.5"}, {"de-CH", "2.5"}, {"es-MX", "2.5"},
		{"fr", "2,5"}, {"de", "2,5"}, {"es", "2,5"}, {"it", "2,5"}, {"pt", "2,5"},
		{"pt-BR", "2,5"}, {"ru", "2,5"}, {"tr", "2,5"}, {"vi", "2,5"}, {"id", "2,5"},
		{"nl", "2,5"}, {"pl", "2,5"}, {"cs", "2,5"}, {"fr-CA", "2,5"}, {"de-AT", "2,5"},
	}
	for _, tt := range tests {
		l := numbers.LocaleFor(tt.lang)
		if got := l.Find(tt.decimal); len(got) != 1 || got[0].Value != "2.5" {
			t.Errorf("LocaleFor(%q).Find(%q) = %v, want one 2.5", tt.lang, tt.decimal, got)
		}
	}
}

// pair is a source text and its translation.
type pair struct {
	name, src, tr          string
	trLang                 string
	wantMissing, wantExtra []string
}

// fixtures: per language, translations that keep the numbers (nothing
// missing or extra) and translations that drift.
var fixtures = []pair{
	// fr
	{"fr ok", "In 2023, 45% of adults ages 35 to 44", "En 2023, 45\u202f% des adultes âgés de 35 à 44 ans", "fr", nil, nil},
	{"fr ok decimal and groups", "Take 2.5 mg, up to 2,400 mg a day.", "Prendre 2,5 mg, jusqu’à 2\u202f400 mg par jour.", "fr", nil, nil},
	{"fr drifted range", "It lasts 2-3 days.", "Cela dure 3-4 jours.", "fr", []string{"2"}, []string{"4"}},
	{"fr dropped", "In 2019, 31% of patients", "En 2019, des patients", "fr", []string{"31"}, nil},
	{"fr added", "Most patients", "La plupart des 12 patients", "fr", nil, []string{"12"}},
	{"fr comma trap", "2,400 mg", "2,400 mg", "fr", []string{"2400"}, []string{"2.4"}},
	// de
	{"de ok", "50-80% of the dose within 2-3 days", "50–80\u00a0% der Dosis innerhalb von 2–3 Tagen", "de", nil, nil},
	{"de ok groups", "2,400 patients and 2.5 mg", "2.400 Patienten und 2,5 mg", "de", nil, nil},
	{"de comma trap", "2,400 patients", "2,400 Patienten", "de", []string{"2400"}, []string{"2.4"}},
	{"de drifted", "50-80%", "50–85\u00a0%", "de", []string{"80"}, []string{"85"}},
	{"de dropped", "in 2019, 31%", "im Jahr 2019", "de", []string{"31"}, nil},
	{"de added", "a dose", "eine Dosis von 5 mg", "de", nil, []string{"5"}},
	// es
	{"es ok", "2.5 mg twice a day for 2-3 days", "2,5 mg dos veces al día durante 2-3 días", "es", nil, nil},
	{"es ok groups", "2,400 patients in 2019", "2.400 pacientes en 2019", "es", nil, nil},
	{"es drifted", "2.5 mg", "25 mg", "es", []string{"2.5"}, []string{"25"}},
	{"es dropped", "ages 35 to 44", "de 35 años", "es", []string{"44"}, nil},
	{"es added", "adults", "adultos de 18 años", "es", nil, []string{"18"}},
	{"es comma trap", "2,400 mg", "2,400 mg", "es", []string{"2400"}, []string{"2.4"}},
	// ar
	{"ar ok", "45% of adults ages 35 to 44", "٤٥٪ من البالغين الذين تتراوح أعمارهم بين ٣٥ و٤٤ عامًا", "ar", nil, nil},
	{"ar ok decimal and range", "2.5 mg for 2-3 days", "٢٫٥ ملغ لمدة ٢-٣ أيام", "ar", nil, nil},
	{"ar drifted", "2-3 days", "٣-٤ أيام", "ar", []string{"2"}, []string{"4"}},
	{"ar dropped", "45% in 2019", "٤٥٪", "ar", []string{"2019"}, nil},
	{"ar added", "adults", "البالغين ١٨ عامًا", "ar", nil, []string{"18"}},
	// hi
	{"hi ok", "45% of adults ages 35 to 44", "४५% वयस्क, आयु ३५ से ४४ वर्ष", "hi", nil, nil},
	{"hi ok latin and lakh", "100,000 people, 2.5 mg", "1,00,000 लोग, २.५ मि.ग्रा.", "hi", nil, nil},
	{"hi drifted", "2-3 days", "३-४ दिन", "hi", []string{"2"}, []string{"4"}},
	{"hi dropped", "45% in 2019", "४५%", "hi", []string{"2019"}, nil},
	{"hi added", "adults", "१८ वर्ष के वयस्क", "hi", nil, []string{"18"}},
	// ja
	{"ja ok", "In 2023, 45% of adults ages 35 to 44", "2023年には、35～44歳の成人の４５％", "ja", nil, nil},
	{"ja ok full-width", "2.5 mg, 2,400 patients", "２．５ mg、２，４００人の患者", "ja", nil, nil},
	{"ja drifted", "2-3 days", "3～4日", "ja", []string{"2"}, []string{"4"}},
	{"ja dropped", "45% in 2019", "４５％", "ja", []string{"2019"}, nil},
	{"ja added", "adults", "18歳の成人", "ja", nil, []string{"18"}},
	// Repeats count.
	{"repeat dropped", "2 or 2", "2", "fr", []string{"2"}, nil},
	{"sorted numerically", "-3, 10, 2, 2.5, 100", "", "fr", []string{"-3", "2", "2.5", "10", "100"}, nil},
}

func TestCompare(t *testing.T) {
	for _, tt := range fixtures {
		t.Run(tt.name, func(t *testing.T) {
			missing, extra := numbers.Compare(tt.src, "en", tt.tr, tt.trLang)
			if !reflect.DeepEqual(missing, tt.wantMissing) || !reflect.DeepEqual(extra, tt.wantExtra) {
				t.Errorf("Compare(%q, en, %q, %s) = missing %q, extra %q; want missing %q, extra %q",
					tt.src, tt.tr, tt.trLang, missing, extra, tt.wantMissing, tt.wantExtra)
			}
		})
	}
}

// TestSeed reads the numbers of the first article's sentences.
func TestSeed(t *testing.T) {
	text := "In 2023, 45% of adults ages 35 to 44 reported it; in 2019, 31% did. " +
		"About 50-80% is cleared within 2-3 days (COVID-19 aside)."
	var got []string
	for _, n := range numbers.Find(text, "en") {
		got = append(got, n.Value)
	}
	want := "2023 45 35 44 2019 31 50 80 2 3"
	if strings.Join(got, " ") != want {
		t.Errorf("Find = %s, want %s", strings.Join(got, " "), want)
	}
}

func ExampleCompare() {
	missing, extra := numbers.Compare("Up to 2,400 mg in 2-3 days.", "en", "Bis zu 2,400 mg in 3–4 Tagen.", "de")
	fmt.Println("missing:", missing)
	fmt.Println("extra:", extra)
	// Output:
	// missing: [2 2400]
	// extra: [2.4 4]
}

func ExampleFind() {
	text := "En 2023, 45\u202f% des adultes de 35 à 44 ans, 2\u202f400 au total"
	for _, n := range numbers.Find(text, "fr") {
		fmt.Printf("%s %q\n", n.Value, text[n.Start:n.End])
	}
	// Output:
	// 2023 "2023"
	// 45 "45"
	// 35 "35"
	// 44 "44"
	// 2400 "2\u202f400"
}

func BenchmarkFind(b *testing.B) {
	text := "In 2023, 45\u202f% des adultes âgés de 35 à 44 ans ; 2\u202f400 mg en 2-3 jours."
	b.Run("Find", func(b *testing.B) {
		for b.Loop() {
			numbers.Find(text, "fr")
		}
	})
	b.Run("Locale.Find", func(b *testing.B) {
		l := numbers.LocaleFor("fr")
		for b.Loop() {
			l.Find(text)
		}
	})
}
