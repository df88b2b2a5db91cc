package check_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/align"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

var updateCorpus = flag.Bool("update", false, "rewrite testdata/cncf-meaning.txt")

// cncfMeaningLangs are the translations of the CNCF glossary in languages
// lingo has a vocabulary for, by folder and tag.
var cncfMeaningLangs = [][2]string{{"de", "de"}, {"es", "es"}, {"fr", "fr"}, {"it", "it"}, {"ja", "ja"}, {"pt-br", "pt-BR"}, {"zh-cn", "zh-CN"}, {"zh-tw", "zh-TW"}}

// TestCNCFMeaning runs the meaning checks (units, negation, direction,
// route, direction-missing) over the CNCF glossary's human translations,
// each paragraph paired with its English source as lingo adopt pairs
// them, and compares what they find with testdata/cncf-meaning.txt: each
// finding a reader would call right is listed there with the reason, so a
// new one (a false alarm on a human translation, most likely) fails the
// test. -update rewrites the list, keeping the reasons of the findings
// still found.
func TestCNCFMeaning(t *testing.T) {
	c := check.New(check.Options{})
	meaning := []string{"units", "negation", "direction", "route", "direction-missing"}
	var got []string
	pairs := 0
	for _, p := range cncfPairs(t) {
		pairs++
		for _, f := range c.Check(p.Translation) {
			if slices.Contains(meaning, f.Check) {
				got = append(got, fmt.Sprintf("%s:%d %s %s: %s", f.File, f.Line, f.Severity, f.Check, f.Message))
			}
		}
	}
	slices.Sort(got)
	t.Logf("%d paragraphs paired, %d meaning findings", pairs, len(got))
	if pairs < 1000 {
		t.Errorf("%d paragraphs paired, want the corpus (over 1000)", pairs)
	}
	known := readKnown(t, "testdata/cncf-meaning.txt")
	if *updateCorpus {
		var b strings.Builder
		b.WriteString("# The meaning findings of TestCNCFMeaning on the CNCF glossary's human\n# translations, each followed by why it is kept (a line starting with \"  why:\").\n")
		for _, g := range got {
			why := known[g]
			if why == "" {
				why = "TODO"
			}
			fmt.Fprintf(&b, "%s\n  why: %s\n", g, why)
		}
		if err := os.WriteFile("testdata/cncf-meaning.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, g := range got {
		why, ok := known[g]
		switch {
		case !ok:
			t.Errorf("new finding on a human translation: %s", g)
		case why == "" || why == "TODO":
			t.Errorf("finding kept without a reason: %s", g)
		}
	}
	for k := range known {
		if !slices.Contains(got, k) {
			t.Errorf("listed finding no longer found (run with -update): %s", k)
		}
	}
}

// cncfPairs are the paragraphs of the CNCF glossary's human translations
// in cncfMeaningLangs, each paired with its English source as lingo adopt
// pairs them, by language and file.
func cncfPairs(t *testing.T) []cncfPair {
	root := testcorpus.Dir(t, "cncf-glossary")
	md := markdown.New(markdown.Options{})
	names, err := filepath.Glob(filepath.Join(root, "en", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []cncfPair
	for _, l := range cncfMeaningLangs {
		for _, name := range names {
			trData, err := os.ReadFile(filepath.Join(root, l[0], filepath.Base(name)))
			if err != nil {
				continue // not translated
			}
			srcData, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			src, err1 := md.Segments(srcData)
			tr, err2 := md.Segments(trData)
			if err1 != nil || err2 != nil {
				continue
			}
			ps, _ := align.Options{SrcLang: "en", TrLang: l[1]}.Align(src, tr)
			for _, p := range ps {
				out = append(out, cncfPair{Article: filepath.Base(name), Translation: check.Translation{Lang: l[1], SourceLang: "en",
					File: l[0] + "/" + filepath.Base(name), Line: tr[p.Tr].Line, ID: "-", Source: src[p.Src].Text, Text: tr[p.Tr].Text}})
			}
		}
	}
	return out
}

// cncfPair is a paragraph of the glossary's article (its English file
// name) and its translation.
type cncfPair struct {
	Article string
	check.Translation
}

// readKnown reads the findings of testdata/cncf-meaning.txt with their
// reasons.
func readKnown(t *testing.T, path string) map[string]string {
	data, err := os.ReadFile(path)
	if err != nil && !*updateCorpus {
		t.Fatal(err)
	}
	out := map[string]string{}
	last := ""
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "#"), line == "":
		case strings.HasPrefix(line, "  why: "):
			out[last] = strings.TrimPrefix(line, "  why: ")
		default:
			last = line
			out[line] = ""
		}
	}
	return out
}
