package readability

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// labelled reads testdata/syllables/<name>.tsv: word, tab, syllables
// counted by hand; # starts a comment.
func labelled(t *testing.T, name string) [][2]string {
	t.Helper()
	lang := name
	f, err := os.Open(filepath.Join("testdata", "syllables", name+".tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		w, n, ok := strings.Cut(text, "\t")
		if !ok {
			t.Fatalf("%s.tsv:%d: want word<TAB>syllables", lang, line)
		}
		out = append(out, [2]string{w, n})
	}
	return out
}

// TestSyllables counts the syllables of 200 hand-labelled words per
// language and wants at least 95% of them right; it prints the accuracy
// and every miss.
func TestSyllables(t *testing.T) {
	for _, lang := range SyllableLangs {
		s, ok, err := NewSyllables(lang)
		if err != nil || !ok {
			t.Fatalf("NewSyllables(%s) = %v, %v", lang, ok, err)
		}
		words := labelled(t, lang)
		if len(words) < 200 {
			t.Errorf("%s: %d labelled words, want 200", lang, len(words))
		}
		// what each half does alone: the patterns' parts, and the rules
		// with no pattern breaks
		partsOnly := func(w string) int {
			n := 0
			for _, piece := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !isLetter(r) }) {
				n += len(s.hyph.Parts(piece))
			}
			return n
		}
		rulesOnly := &Syllables{lang: s.lang, hyph: &hyphenator{levels: []*patterns{newPatterns(0)}}, rules: s.rules}
		right, rightParts, rightRules := 0, 0, 0
		var misses []string
		for _, wn := range words {
			want, err := strconv.Atoi(wn[1])
			if err != nil {
				t.Fatalf("%s: %s: %v", lang, wn[0], err)
			}
			if got := s.Count(wn[0]); got == want {
				right++
			} else {
				misses = append(misses, wn[0]+" "+strconv.Itoa(got)+"≠"+wn[1])
			}
			if partsOnly(wn[0]) == want {
				rightParts++
			}
			if rulesOnly.Count(wn[0]) == want {
				rightRules++
			}
		}
		pc := func(n int) float64 { return 100 * float64(n) / float64(len(words)) }
		acc := pc(right)
		t.Logf("%s: %d/%d right (%.1f%%); patterns alone %.1f%%, rules alone %.1f%%; missed: %s",
			lang, right, len(words), acc, pc(rightParts), pc(rightRules), strings.Join(misses, ", "))
		if acc < 95 {
			t.Errorf("%s: %.1f%% right, want at least 95%%", lang, acc)
		}
		// Words labelled after the rules were written and never used to
		// tune them: how the counter does on words it was not fitted to.
		held := labelled(t, lang+".holdout")
		right, misses = 0, nil
		for _, wn := range held {
			if got := strconv.Itoa(s.Count(wn[0])); got == wn[1] {
				right++
			} else {
				misses = append(misses, wn[0]+" "+got+"≠"+wn[1])
			}
		}
		acc = 100 * float64(right) / float64(len(held))
		t.Logf("%s held out: %d/%d right (%.1f%%); missed: %s", lang, right, len(held), acc, strings.Join(misses, ", "))
		if acc < 90 {
			t.Errorf("%s held out: %.1f%% right, want at least 90%%", lang, acc)
		}
	}
}

// TestMemo counts the words of a page through the memo, each many times:
// what the memo remembers is what counting finds, and it remembers them.
func TestMemo(t *testing.T) {
	s, ok, err := NewSyllables("en")
	if err != nil || !ok {
		t.Fatalf("NewSyllables(en): %v, %v", ok, err)
	}
	words := strings.Fields("Ketamine works quickly for most patients; the infusion lasts forty minutes, " +
		"and a nurse watches blood pressure throughout. Dissociation, nausea and dizziness usually pass within hours.")
	for range 3 {
		for _, w := range words {
			if got, want := s.Count(w), s.count(w); got != want {
				t.Errorf("Count(%q) = %d, counting it gives %d", w, got, want)
			}
		}
	}
	if n := len(s.memo.counts); n == 0 || n > len(words) {
		t.Errorf("the memo holds %d counts for %d words", n, len(words))
	}
}
