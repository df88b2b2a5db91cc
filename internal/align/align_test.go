package align_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/align"
	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
)

func parse(t testing.TB, src string) []article.Segment {
	t.Helper()
	segs, err := markdown.New(markdown.Options{FrontMatter: []string{"title", "description"}}).Segments([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return segs
}

// show writes pairs as "srcLine-trLine" and gaps as "s<line>" or "t<line>".
func show(src, tr []article.Segment, pairs []align.Pair, gaps []align.Gap) string {
	var b []string
	for _, p := range pairs {
		b = append(b, fmt.Sprintf("%d-%d", src[p.Src].Line, tr[p.Tr].Line))
	}
	for _, g := range gaps {
		side := "t"
		if g.Source {
			side = "s"
		}
		b = append(b, fmt.Sprintf("%s%d", side, g.Line))
	}
	return strings.Join(b, " ")
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{
			name: "same structure",
			src:  "# One\n\nTwo.\n\n- three\n- four\n",
			tr:   "# Un\n\nDeux.\n\n- trois\n- quatre\n",
			want: "1-1 3-3 5-5 6-6",
		},
		{
			name: "front matter by key, whatever the order",
			src:  "---\ntitle: T\ndescription: D\n---\nBody.\n",
			tr:   "---\ndescription: DD\ntitle: TT\n---\nCorps.\n",
			want: "2-3 3-2 5-5",
		},
		{
			name: "front matter field missing in the translation",
			src:  "---\ntitle: T\ndescription: D\n---\nBody.\n",
			tr:   "---\ntitle: TT\n---\nCorps.\n",
			want: "2-2 5-4 s3",
		},
		{
			name: "paragraph added between different neighbours",
			src:  "# A\n\nIn 2019.\n\n## B\n",
			tr:   "# A\n\nEn 2019.\n\nAjout.\n\n## B\n",
			want: "1-1 3-3 5-7 t5",
		},
		{
			name: "paragraph missing among alike ones: no guess",
			src:  "# A\n\nOne.\n\nTwo.\n\nThree.\n\n## B\n\nFour.\n",
			tr:   "# A\n\nUn.\n\nDeux.\n\n## B\n\nQuatre.\n",
			want: "1-1 9-7 11-9 s3 s5 s7 t3 t5",
		},
		{
			name: "numbers tell which one is missing",
			src:  "# A\n\nOne 1.\n\nTwo 2.\n\nThree 3.\n",
			tr:   "# A\n\nUn 1.\n\nTrois 3.\n",
			want: "1-1 3-3 7-5 s5",
		},
		{
			name: "changed number: a translation of an older version",
			src:  "Take 2 doses.\n\nRest.\n\n## End\n",
			tr:   "Prenez 3 doses.\n\nRepos.\n\n## Fin\n",
			want: "3-3 5-5 s1 t1",
		},
		{
			name: "links, code and localized destinations",
			src:  "See [the guide](/guide/) and `go run`.\n\nMore.\n\n## End\n",
			tr:   "Voir `go run` et [le guide](/fr/guide/).\n\nPlus.\n\n## Fin\n",
			want: "1-1 3-3 5-5",
		},
		{
			name: "a link fewer",
			src:  "See [a](/a/) and [b](/b/).\n\n## End\n",
			tr:   "Voir [a](/a/).\n\n## Fin\n",
			want: "3-3 s1 t1",
		},
		{
			name: "heading level differs",
			src:  "## A\n\nText.\n\n### B\n",
			tr:   "## A\n\nTexte.\n\n#### B\n",
			want: "1-1 3-3 s5 t5",
		},
		{
			name: "heading level differs beside a heading of the other's level",
			src:  "## A\n\n### B\n",
			tr:   "## A\n\n## B\n",
			want: "s1 s3 t1 t3", // the translation's "## B" could be "## A"
		},
		{
			name: "empty translation",
			src:  "# A\n\nB.\n",
			tr:   "",
			want: "s1 s3",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, tr := parse(t, tt.src), parse(t, tt.tr)
			pairs, gaps := align.Options{SrcLang: "en", TrLang: "fr"}.Align(src, tr)
			if got := show(src, tr, pairs, gaps); got != tt.want {
				t.Errorf("got  %s\nwant %s\ngaps: %+v", got, tt.want, gaps)
			}
		})
	}
}

// TestAlignDigitRuns reads numbers as digit runs without languages.
func TestAlignDigitRuns(t *testing.T) {
	src := parse(t, "A 10.\n\nB 20.\n\nC 30.\n")
	tr := parse(t, "A 10.\n\nC 30.\n")
	pairs, gaps := align.Align(src, tr)
	if got := show(src, tr, pairs, gaps); got != "1-1 5-3 s3" {
		t.Errorf("got %s", got)
	}
}

// TestAlignLinear aligns a 10,000-paragraph article with a translation that
// lacks one paragraph and has another changed, in well under a second.
func TestAlignLinear(t *testing.T) {
	const n = 10000
	var src, tr strings.Builder
	for i := range n {
		fmt.Fprintf(&src, "Paragraph %d.\n\n", i)
		switch i {
		case 5000:
			continue
		case 7000:
			fmt.Fprintf(&tr, "Paragraphe %d bis.\n\n", i+n)
		default:
			fmt.Fprintf(&tr, "Paragraphe %d.\n\n", i)
		}
	}
	s, r := parse(t, src.String()), parse(t, tr.String())
	pairs, gaps := align.Align(s, r)
	if len(pairs) != n-2 || len(gaps) != 3 {
		t.Errorf("%d pairs, %d gaps; want %d, 3: %+v", len(pairs), len(gaps), n-2, gaps)
	}
}

// BenchmarkAlign aligns n paragraphs with one removed and one changed, at
// two sizes: linear time shows as the same ns/paragraph at both (a
// quadratic alignment would take ten times as long per paragraph at
// 10,000). Compare the two rows of one run.
func BenchmarkAlign(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		var src, tr strings.Builder
		for i := range n {
			fmt.Fprintf(&src, "Paragraph %d.\n\n", i)
			if i == n/2 {
				continue
			}
			if i == n*7/10 {
				i += n
			}
			fmt.Fprintf(&tr, "Paragraphe %d.\n\n", i)
		}
		s, r := parse(b, src.String()), parse(b, tr.String())
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				align.Align(s, r)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/paragraph")
		})
	}
}

// TestAlignDissimilar terminates with nothing paired when the structures
// share nothing.
func TestAlignDissimilar(t *testing.T) {
	var src, tr strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&src, "P %d.\n\n", i)
		fmt.Fprintf(&tr, "P %d.\n\n", i+100000)
	}
	s, r := parse(t, src.String()), parse(t, tr.String())
	pairs, gaps := align.Align(s, r)
	if len(pairs) != 0 || len(gaps) != 20000 {
		t.Errorf("%d pairs, %d gaps", len(pairs), len(gaps))
	}
}

func ExampleOptions_Align() {
	p := markdown.New(markdown.Options{FrontMatter: []string{"title"}})
	src, _ := p.Segments([]byte("---\ntitle: Sleep\n---\nAdults need 7-9 hours.\n\nChildren need more.\n"))
	tr, _ := p.Segments([]byte("---\ntitle: Sommeil\n---\nLes adultes ont besoin de 7 à 9 heures.\n"))
	pairs, gaps := align.Options{SrcLang: "en", TrLang: "fr"}.Align(src, tr)
	for _, pr := range pairs {
		fmt.Printf("%q → %q\n", src[pr.Src].Text, tr[pr.Tr].Text)
	}
	for _, g := range gaps {
		fmt.Printf("left out: line %d: %s\n", g.Line, g.Reason)
	}
	// Output:
	// "Sleep" → "Sommeil"
	// "Adults need 7-9 hours." → "Les adultes ont besoin de 7 à 9 heures."
	// left out: line 6: not in the translation (removed there, or merged into another block)
}
