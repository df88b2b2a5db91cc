package shortcode

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// call is a Shortcode described by its text, for readable expectations.
type call struct {
	text                                     string
	name                                     string
	closing, selfClosing, comment, placehold bool
	params                                   []param
}

type param struct {
	name, value string
	quote       byte
}

func describe(src []byte, scs []Shortcode) []call {
	var out []call
	for _, sc := range scs {
		c := call{
			text:        string(src[sc.Range.Start:sc.Range.End]),
			name:        sc.Name,
			closing:     sc.Closing,
			selfClosing: sc.SelfClosing,
			comment:     sc.Comment,
			placehold:   sc.Placeholder,
		}
		for _, p := range sc.Params {
			c.params = append(c.params, param{p.Name, string(src[p.Value.Start:p.Value.End]), p.Quote})
		}
		out = append(out, c)
	}
	return out
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []call
	}{
		{
			name: "figure with alt, caption and title (shortcodes/figure.md)",
			src: "Which looks like this in your browser:\n\n{{< figure\n  src=\"/images/examples/zion-national-park.jpg\"\n" +
				"  alt=\"A photograph of Zion National Park\"\n  link=\"https://www.nps.gov/zion/index.htm\"\n" +
				"  caption=\"Zion National Park\"\n  title=\"Zion\"\n  class=\"ma0 w-75\"\n>}}\n",
			want: []call{{
				text: "{{< figure\n  src=\"/images/examples/zion-national-park.jpg\"\n" +
					"  alt=\"A photograph of Zion National Park\"\n  link=\"https://www.nps.gov/zion/index.htm\"\n" +
					"  caption=\"Zion National Park\"\n  title=\"Zion\"\n  class=\"ma0 w-75\"\n>}}",
				name: "figure",
				params: []param{
					{"src", "/images/examples/zion-national-park.jpg", '"'},
					{"alt", "A photograph of Zion National Park", '"'},
					{"link", "https://www.nps.gov/zion/index.htm", '"'},
					{"caption", "Zion National Park", '"'},
					{"title", "Zion", '"'},
					{"class", "ma0 w-75", '"'},
				},
			}},
		},
		{
			name: "multi-line img with unquoted values (methods/resource/Fit.md)",
			src: "{{< img\n  src=\"images/examples/zion-national-park.jpg\"\n  alt=\"Zion National Park\"\n" +
				"  filter=\"Process\"\n  filterArgs=\"fit 300x175\"\n  example=true\n>}}",
			want: []call{{
				text: "{{< img\n  src=\"images/examples/zion-national-park.jpg\"\n  alt=\"Zion National Park\"\n" +
					"  filter=\"Process\"\n  filterArgs=\"fit 300x175\"\n  example=true\n>}}",
				name: "img",
				params: []param{
					{"src", "images/examples/zion-national-park.jpg", '"'},
					{"alt", "Zion National Park", '"'},
					{"filter", "Process", '"'},
					{"filterArgs", "fit 300x175", '"'},
					{"example", "true", 0},
				},
			}},
		},
		{
			name: "include with a positional quoted parameter",
			src:  "{{% include \"_common/ref-and-relref-options.md\" %}}\n",
			want: []call{{
				text:   "{{% include \"_common/ref-and-relref-options.md\" %}}",
				name:   "include",
				params: []param{{"", "_common/ref-and-relref-options.md", '"'}},
			}},
		},
		{
			name: "code-toggle pair (shortcodes/figure.md)",
			src:  "{{< code-toggle file=hugo >}}\n[[module.mounts]]\nsource = 'assets'\n{{< /code-toggle >}}\n",
			want: []call{
				{text: "{{< code-toggle file=hugo >}}", name: "code-toggle", params: []param{{"file", "hugo", 0}}},
				{text: "{{< /code-toggle >}}", name: "code-toggle", closing: true},
			},
		},
		{
			name: "closing call with the slash next to the delimiter",
			src:  "{{</ code-toggle >}}",
			want: []call{{text: "{{</ code-toggle >}}", name: "code-toggle", closing: true}},
		},
		{
			name: "self-closing with and without a space",
			src:  "{{< new-in 0.153.0 />}} and {{<deprecated-in 0.158.0 />}} and {{< br/>}}",
			want: []call{
				{text: "{{< new-in 0.153.0 />}}", name: "new-in", selfClosing: true, params: []param{{"", "0.153.0", 0}}},
				{text: "{{<deprecated-in 0.158.0 />}}", name: "deprecated-in", selfClosing: true, params: []param{{"", "0.158.0", 0}}},
				{text: "{{< br/>}}", name: "br", selfClosing: true},
			},
		},
		{
			name: "comments are opaque (shortcodes/highlight.md, shortcodes/param.md)",
			src: "This is some {{</* highlight go \"hl_inline=true\" */>}}fmt.Println(\"inline\"){{</* /highlight */>}} code.\n" +
				"We found a {{%/* param \"color\" */%}} shirt.\n",
			want: []call{
				{text: "{{</* highlight go \"hl_inline=true\" */>}}", comment: true},
				{text: "{{</* /highlight */>}}", comment: true},
				{text: "{{%/* param \"color\" */%}}", comment: true},
			},
		},
		{
			name: "multi-line comment (shortcodes/figure.md)",
			src:  "{{</* figure\n  src=\"/images/examples/zion-national-park.jpg\"\n  caption=\"Zion National Park\"\n*/>}}",
			want: []call{{text: "{{</* figure\n  src=\"/images/examples/zion-national-park.jpg\"\n  caption=\"Zion National Park\"\n*/>}}", comment: true}},
		},
		{
			name: "placeholders (configuration/params.md, render-hooks/links.md)",
			src:  "{{ .Site.Params.subtitle }} → Reference\n  {{- with .Title }} title=\"{{ . }}\"{{ end -}}\n",
			want: []call{
				{text: "{{ .Site.Params.subtitle }}", placehold: true},
				{text: "{{- with .Title }}", placehold: true},
				{text: "{{ . }}", placehold: true},
				{text: "{{ end -}}", placehold: true},
			},
		},
		{
			name: "placeholder with quoted braces and a template comment",
			src:  "{{ printf \"}}\" `}}` }} {{/* a }} b */}} {{- /* c */ -}}",
			want: []call{
				{text: "{{ printf \"}}\" `}}` }}", placehold: true},
				{text: "{{/* a }} b */}}", placehold: true},
				{text: "{{- /* c */ -}}", placehold: true},
			},
		},
		{
			name: "quoted delimiter inside a value",
			src:  "{{< highlight go \"hl_inline=true, noClasses=true\" >}}x{{< /highlight >}} {{< figure caption=\"a >}} b \\\" c\" alt=`raw >}} \"q\"` >}}",
			want: []call{
				{text: "{{< highlight go \"hl_inline=true, noClasses=true\" >}}", name: "highlight",
					params: []param{{"", "go", 0}, {"", "hl_inline=true, noClasses=true", '"'}}},
				{text: "{{< /highlight >}}", name: "highlight", closing: true},
				{text: "{{< figure caption=\"a >}} b \\\" c\" alt=`raw >}} \"q\"` >}}", name: "figure",
					params: []param{{"caption", "a >}} b \\\" c", '"'}, {"alt", "raw >}} \"q\"", '`'}}},
			},
		},
		{
			name: "spaces around the equals sign and percent delimiters",
			src:  "{{% glossary-term section %}} {{% details summary = \"See\" %}}",
			want: []call{
				{text: "{{% glossary-term section %}}", name: "glossary-term", params: []param{{"", "section", 0}}},
				{text: "{{% details summary = \"See\" %}}", name: "details", params: []param{{"summary", "See", '"'}}},
			},
		},
		{
			name: "unterminated and malformed calls are text",
			src:  "{{< figure alt=\"open >}} then {{< x >}} {{< >}} {{% a >}} {{ .Title",
			want: []call{{text: "{{< x >}}", name: "x"}},
		},
		{
			name: "recover after an unterminated call",
			src:  "{{< figure alt=\"open >}}\" ok >}} {{ \"}} {{< b >}}",
			want: []call{
				{text: "{{< figure alt=\"open >}}\" ok >}}", name: "figure", params: []param{{"alt", "open >}}", '"'}, {"", "ok", 0}}},
				{text: "{{< b >}}", name: "b"},
			},
		},
		{
			name: "triple brace",
			src:  "{{{< a >}}}",
			want: []call{{text: "{{< a >}}", name: "a"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			got := describe(src, Scan(src, article.Range{Start: 0, End: len(src)}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Scan(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestScanRange(t *testing.T) {
	src := []byte("{{< a >}} {{< b >}} {{< c >}}")
	// Only calls wholly inside the range count.
	got := describe(src, Scan(src, article.Range{Start: 2, End: 22}))
	want := []call{{text: "{{< b >}}", name: "b"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Out-of-bounds ranges are clipped, not a panic.
	if n := len(Scan(src, article.Range{Start: -5, End: 1000})); n != 3 {
		t.Errorf("clipped range: got %d calls, want 3", n)
	}
	if n := len(Scan(src, article.Range{Start: 20, End: 3})); n != 0 {
		t.Errorf("inverted range: got %d calls, want 0", n)
	}
}

func TestCodeRegions(t *testing.T) {
	codeNames := []string{"code-toggle", "highlight"}
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "code-toggle",
			src:  "{{< code-toggle file=hugo >}}\nenableEmoji = true\n{{< /code-toggle >}}\n",
			want: []string{"\nenableEmoji = true\n"},
		},
		{
			name: "two pairs and an unrelated shortcode",
			src:  "{{< highlight go >}}a{{< /highlight >}} {{< figure >}} {{</ code-toggle >}} {{< code-toggle >}}b{{</code-toggle>}}",
			want: []string{"a", "b"},
		},
		{
			name: "nested same-name pairs match properly",
			src:  "{{< highlight >}}x{{< highlight >}}y{{< /highlight >}}z{{< /highlight >}}",
			want: []string{"x{{< highlight >}}y{{< /highlight >}}z", "y"},
		},
		{
			name: "unmatched opening, self-closing and comments give nothing",
			src:  "{{< highlight />}} {{</* highlight */>}}c{{</* /highlight */>}} {{< code-toggle >}}never closed",
			want: nil,
		},
		{
			name: "empty region",
			src:  "{{< highlight >}}{{< /highlight >}}",
			want: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			scs := Scan(src, article.Range{Start: 0, End: len(src)})
			var got []string
			for _, r := range CodeRegions(src, scs, codeNames) {
				got = append(got, string(src[r.Start:r.End]))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCorpus scans the whole Hugo documentation: every call is delimited as
// expected, parameters lie inside their call, and every code-toggle opening
// finds its closing call.
func TestCorpus(t *testing.T) {
	root := testcorpus.Dir(t, "hugo-docs", "en")
	var files, calls, regions, toggles int
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		scs := Scan(src, article.Range{Start: 0, End: len(src)})
		checkCalls(t, path, src, article.Range{Start: 0, End: len(src)}, scs)
		calls += len(scs)
		opens := 0
		for _, sc := range scs {
			if sc.Name == "code-toggle" && !sc.Closing && !sc.SelfClosing {
				opens++
			}
		}
		toggles += opens
		rs := CodeRegions(src, scs, []string{"code-toggle"})
		if len(rs) != opens {
			t.Errorf("%s: %d code-toggle openings, %d regions", path, opens, len(rs))
		}
		regions += len(rs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 900 || calls < 1000 || toggles < 250 {
		t.Errorf("corpus too small to mean much: %d files, %d calls, %d code-toggles", files, calls, toggles)
	}
	t.Logf("%d files, %d calls, %d code-toggle regions", files, calls, regions)
}

// checkCalls checks the invariants of Scan's result over r of src.
func checkCalls(t *testing.T, name string, src []byte, r article.Range, scs []Shortcode) {
	t.Helper()
	prev := r.Start
	for _, sc := range scs {
		if sc.Range.Start < prev || sc.Range.End > r.End || sc.Range.Start > sc.Range.End {
			t.Fatalf("%s: call %+v out of order or outside %+v", name, sc.Range, r)
		}
		prev = sc.Range.End
		text := src[sc.Range.Start:sc.Range.End]
		if !bytes.HasPrefix(text, []byte("{{")) || !bytes.HasSuffix(text, []byte("}}")) {
			t.Fatalf("%s: call %q is not delimited by {{ }}", name, text)
		}
		switch {
		case sc.Placeholder && (sc.Comment || sc.Name != "" || sc.Params != nil),
			sc.Comment && (sc.Name != "" || sc.Params != nil),
			!sc.Placeholder && !sc.Comment && sc.Name == "":
			t.Fatalf("%s: call %q: inconsistent kind %+v", name, text, sc)
		}
		for _, p := range sc.Params {
			if p.Value.Start < sc.Range.Start || p.Value.End > sc.Range.End || p.Value.Start > p.Value.End {
				t.Fatalf("%s: param %+v outside call %q", name, p, text)
			}
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"{{< figure src=\"a.jpg\" alt=\"A \\\"b\\\" >}}\" caption=`x\ny` />}}",
		"{{% include \"x\" %}} {{< /code-toggle >}} {{</* c */>}} {{%/* d */%}}",
		"{{ .Title }} {{- /* c */ -}} {{ \"}}\" }} {{{< a >}}}",
		"{{< a b = c d=\"e\" f >}}{{< /a >}}",
		"{{<", "{{", "{{ \"", "{{< a \"", "{{</*", "{{- /*",
		"{{< a {{< a {{< a b= >}}", "{{ {{ \" {{ `}}` }}", "{{/* {{/* */ x }} */}}",
	} {
		f.Add([]byte(s), 0, len(s))
	}
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		r := article.Range{Start: start, End: end}
		scs := Scan(src, r)
		r = clip(r, len(src))
		checkCalls(t, "fuzz", src, r, scs)
		if naive := naiveScan(src, r); !reflect.DeepEqual(scs, naive) {
			t.Fatalf("Scan %+v\nnaive %+v", scs, naive)
		}
		for _, reg := range CodeRegions(src, scs, []string{"a", "code-toggle"}) {
			if reg.Start < r.Start || reg.End > r.End || reg.Start > reg.End {
				t.Fatalf("region %+v outside %+v", reg, r)
			}
		}
	})
}

// TestScanLinear feeds Scan text full of calls that never close, each of
// which would read on to the end of the text if Scan did not remember where
// reading failed: a quadratic scan takes minutes here.
func TestScanLinear(t *testing.T) {
	for _, tc := range []struct{ unit, tail string }{
		{`{{< a "`, ""},
		{"{{< a ", "b= >}}"},
		{"{{% a `", ""},
		{"{{ ", ""},
		{`{{ "`, `}}`},
		{"{{ `", ""},
		{"{{ {{ ", `"`},
		{"{{</* ", ""},
		{"{{/* ", "*/ x }}"},
		{`{{< a " b="`, "= >}}"},
	} {
		src := append(bytes.Repeat([]byte(tc.unit), 50000), tc.tail...)
		scs := Scan(src, article.Range{Start: 0, End: len(src)})
		checkCalls(t, tc.unit, src, article.Range{Start: 0, End: len(src)}, scs)
	}
}

// BenchmarkScanUnclosed scans runs of unclosed shortcode openings at two
// sizes: linear time shows as the same ns/byte at both (a scanner that
// looked ahead from each "{{" again would take ten times as long per byte
// at the larger). Compare the rows of one run.
func BenchmarkScanUnclosed(b *testing.B) {
	for _, unit := range []string{`{{< a "`, "{{ {{ ", "{{/* "} {
		for _, n := range []int{5000, 50000} {
			src := bytes.Repeat([]byte(unit), n)
			b.Run(fmt.Sprintf("%q/%d", unit, n), func(b *testing.B) {
				for b.Loop() {
					Scan(src, article.Range{Start: 0, End: len(src)})
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(src)), "ns/byte")
			})
		}
	}
}

// naiveScan is Scan without memory between calls: each "{{" is read by a
// fresh scanner. Scan must give the same result, only faster.
func naiveScan(src []byte, r article.Range) []Shortcode {
	r = clip(r, len(src))
	var out []Shortcode
	for i := r.Start; i < r.End; {
		j := bytes.Index(src[i:r.End], []byte("{{"))
		if j < 0 {
			break
		}
		sc, ok := (&scanner{src: src[:r.End]}).scanAt(i + j)
		if !ok {
			i += j + 1
			continue
		}
		out = append(out, sc)
		i = sc.Range.End
	}
	return out
}
