package readability

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestFixtures scores the fixture text of each language and compares it
// with the hand computation beside it (testdata/fixtures/<lang>.txtar):
// word and sentence counts exactly, the formula's scores within ±1.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "fixtures", "*.txtar"))
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(lang, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var text string
			want := map[string]float64{}
			for _, f := range ar.Files {
				switch f.Name {
				case "text":
					text = string(f.Data)
				case "want":
					for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
						k, v, _ := strings.Cut(line, " ")
						x, err := strconv.ParseFloat(v, 64)
						if err != nil {
							t.Fatalf("want %q: %v", line, err)
						}
						want[k] = x
					}
				}
			}
			sc, err := NewScorer(lang)
			if err != nil {
				t.Fatal(err)
			}
			got := sc.Score(strings.Split(strings.TrimSpace(text), "\n\n"))
			t.Logf("%s: %d words, %d sentences, %d syllables, %d letters; %s: ease %.2f, grade %.2f (by hand: %v)",
				lang, got.Words, got.Sentences, got.Syllables, got.Letters, got.Formula, got.Ease, got.Grade, want)
			counts := map[string]int{"words": got.Words, "sentences": got.Sentences, "syllables": got.Syllables, "letters": got.Letters}
			for k, n := range counts {
				if w, ok := want[k]; ok && k != "syllables" && float64(n) != w {
					t.Errorf("%s = %d, by hand %v", k, n, w)
				}
			}
			for k, x := range map[string]float64{"ease": got.Ease, "grade": got.Grade} {
				if w, ok := want[k]; ok && math.Abs(x-w) > 1 {
					t.Errorf("%s = %.2f, by hand %.2f: more than 1 apart", k, x, w)
				}
			}
			if _, ok := want["ease"]; !ok && got.Formula != "" {
				t.Errorf("formula %q for a language without one", got.Formula)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"One. Two! Three?", []string{"One.", "Two!", "Three?"}},
		{"Take 2.5 mg, e.g. with food. Then rest.", []string{"Take 2.5 mg, e.g. with food.", "Then rest."}},
		{"He said \"stop.\" Then he left", []string{"He said \"stop.\"", "Then he left"}},
		{"A heading", []string{"A heading"}},
		{"一。二！", []string{"一。", "二！"}},
		{"Dr. Smith came. J. R. left.", []string{"Dr. Smith came.", "J. R. left."}},
	} {
		if got := sentences(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestProse(t *testing.T) {
	p := NewProse()
	for _, tc := range []struct{ in, want string }{
		{"**Increased BDNF:** Ketamine *increases* it.", "Increased BDNF: Ketamine increases it."},
		{"Read [the guide](https://example.com/x \"title\") now.", "Read the guide now."},
		{"Run `lingo build` <b>today</b>.", "Run today."},
		{"a hard-wrapped\nparagraph", "a hard-wrapped paragraph"},
		{"See {{< figure alt=\"x\" >}} here ![alt text](a.png).", "See here ."},
	} {
		if got := p.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGradeOfEase(t *testing.T) {
	for _, tc := range []struct{ ease, grade float64 }{{120, 4}, {95, 5}, {70, 7.75}, {65, 8.5}, {50, 12.17}, {-10, 18}} {
		if got := GradeOfEase(tc.ease); math.Abs(got-tc.grade) > 0.01 {
			t.Errorf("GradeOfEase(%v) = %.2f, want %.2f", tc.ease, got, tc.grade)
		}
	}
}

// BenchmarkScore scores the fixture text of each language, ten times over
// (about 350 to 530 words, the size of a short article).
func BenchmarkScore(b *testing.B) {
	for _, lang := range []string{"en", "es", "fr", "de", "ar"} {
		ar, err := txtar.ParseFile(filepath.Join("testdata", "fixtures", lang+".txtar"))
		if err != nil {
			b.Fatal(err)
		}
		var blocks []string
		for i := 0; i < 10; i++ {
			blocks = append(blocks, strings.Split(strings.TrimSpace(string(ar.Files[0].Data)), "\n\n")...)
		}
		sc, err := NewScorer(lang)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				sc.Score(blocks)
			}
		})
	}
}

// BenchmarkPatterns reads each language's hyphenation patterns, as the
// first score in a language does once per run.
func BenchmarkPatterns(b *testing.B) {
	for _, lang := range SyllableLangs {
		data, err := patternFiles.ReadFile("patterns/hyph_" + lang + ".dic")
		if err != nil {
			b.Fatal(err)
		}
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				if _, err := parseHyphen(lang, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzScore scores any text as blocks in every language: no panic, and
// counts that hold together.
func FuzzScore(f *testing.F) {
	for _, seed := range []string{"One. Two!", "**bold** [link](x) `code`", "l'hôpital, aujourd'hui…", "一。二！", "e.g. 2.5 mg\n\nJ. R.", "'-'", "\u0301a"} {
		f.Add(seed)
	}
	scorers := map[string]*Scorer{}
	for _, lang := range []string{"en", "es", "fr", "de", "ar", "zh"} {
		sc, err := NewScorer(lang)
		if err != nil {
			f.Fatal(err)
		}
		scorers[lang] = sc
	}
	prose := NewProse()
	f.Fuzz(func(t *testing.T, text string) {
		blocks := []string{prose.Text(text), text}
		for lang, sc := range scorers {
			s := sc.Score(blocks)
			if s.Sentences > s.Words || len(s.Longest) > 3 || s.Polysyllables+s.Monosyllables > s.Words ||
				(s.Syllables > 0 && s.Syllables < s.Words) || math.IsNaN(s.Ease) || math.IsNaN(s.Grade) {
				t.Errorf("%s: %q: inconsistent %+v", lang, text, s)
			}
		}
	})
}
