package htmltext

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// seg is a Segment described by its visible fields, for readable tables.
type seg struct {
	kind      article.Kind
	field     string
	text      string
	pieces    []string
	cont      string
	line, col int
}

func describe(src []byte, segs []article.Segment) []seg {
	var out []seg
	for _, s := range segs {
		d := seg{kind: s.Kind, field: s.Field, text: s.Text, cont: s.Continue, line: s.Line, col: s.Column}
		for _, p := range s.Pieces {
			d.pieces = append(d.pieces, string(src[p.Start:p.End]))
		}
		out = append(out, d)
	}
	return out
}

func html1(text string, line, col int) seg {
	return seg{kind: article.KindHTML, text: text, pieces: []string{text}, cont: "\n", line: line, col: col}
}

func attr(field, text string, line, col int) seg {
	return seg{kind: article.KindAttribute, field: field, text: text, pieces: []string{text}, line: line, col: col}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []seg
	}{
		{
			name: "div with text",
			src:  "<div>Hello, world.</div>\n",
			want: []seg{html1("Hello, world.", 1, 6)},
		},
		{
			name: "nested inline tags split the text: one segment per text token",
			src:  "<p>Some <b>bold</b> text</p>",
			want: []seg{html1("Some", 1, 4), html1("bold", 1, 12), html1("text", 1, 21)},
		},
		{
			name: "details block (shortcodes/details.md)",
			src:  "<details>\n  <summary>See the details</summary>\n  <p>This is a <strong>bold</strong> word.</p>\n</details>\n",
			want: []seg{
				{kind: article.KindHTML, text: "See the details", pieces: []string{"See the details"}, cont: "\n  ", line: 2, col: 12},
				{kind: article.KindHTML, text: "This is a", pieces: []string{"This is a"}, cont: "\n  ", line: 3, col: 6},
				{kind: article.KindHTML, text: "bold", pieces: []string{"bold"}, cont: "\n  ", line: 3, col: 24},
				{kind: article.KindHTML, text: "word.", pieces: []string{"word."}, cont: "\n  ", line: 3, col: 38},
			},
		},
		{
			name: "multi-line text is one segment with a piece per line",
			src:  "<div>\n  First line\n\n\t second line  \n</div>",
			want: []seg{{kind: article.KindHTML, text: "First line\nsecond line", pieces: []string{"First line", "second line"}, cont: "\n  ", line: 2, col: 3}},
		},
		{
			name: "CRLF line endings",
			src:  "<p>\r\n    One\r\n    two\r\n</p>\r\n",
			want: []seg{{kind: article.KindHTML, text: "One\ntwo", pieces: []string{"One", "two"}, cont: "\r\n    ", line: 2, col: 5}},
		},
		{
			name: "img alt and title, double, single and unquoted (render-hooks/introduction.md)",
			src:  "<p><img alt=\"kitten\" src=\"kitten.jpg\" title='A \"white\" cat' ALT=dup></p>\n<img src=a.png alt=Kitten title = \"T\">",
			want: []seg{
				attr("alt", "kitten", 1, 14),
				attr("title", "A \"white\" cat", 1, 46),
				attr("alt", "Kitten", 2, 20),
				attr("title", "T", 2, 36),
			},
		},
		{
			name: "placeholder and aria-label on any tag, any quote",
			src:  "<input type=\"search\" placeholder=\"Search the docs\" aria-label='Search'>\n<button ARIA-LABEL=Close>×</button>",
			want: []seg{
				attr("placeholder", "Search the docs", 1, 35),
				attr("aria-label", "Search", 1, 64),
				attr("aria-label", "Close", 2, 20),
			},
		},
		{
			name: "attributes without letters, empty, or other names yield nothing",
			src:  "<img alt=\"\" title=\"2024\" src=\"x\" data-title=\"No\"><a href=\"/en/books/book-1/\">Link A</a>",
			want: []seg{html1("Link A", 1, 78)},
		},
		{
			name: "script, style, pre, code, textarea and comments are skipped",
			src: "<script>var a = \"Text\";</script><style>p { color: red }</style>" +
				"<pre class=\"mermaid\">\n  graph TD\n</pre><p><code>fmt.Println</code> prints</p>" +
				"<textarea>Type here</textarea><!-- A comment --><!DOCTYPE html><span>Kept</span>",
			want: []seg{html1("prints", 3, 35), html1("Kept", 3, 114)},
		},
		{
			name: "nested code inside pre",
			src:  "<pre><code>a</code> still code</pre> after",
			want: []seg{html1("after", 1, 38)},
		},
		{
			name: "entities stay raw; text without letters is skipped",
			src:  "<p>Salt &amp; pepper</p><p>&nbsp;</p><p>42 &gt; 7</p><td>&eacute;</td>",
			want: []seg{html1("Salt &amp; pepper", 1, 4), html1("&eacute;", 1, 58)},
		},
		{
			name: "noscript content is read as markup",
			src:  "<noscript><p>Enable <b>JavaScript</b></p></noscript>",
			want: []seg{html1("Enable", 1, 14), html1("JavaScript", 1, 24)},
		},
		{
			name: "figure with multi-line img (shortcodes/figure.md)",
			src: "<figure class=\"ma0 w-75\">\n  <a href=\"https://www.nps.gov/zion/index.htm\">\n    <img\n" +
				"      src=\"/images/examples/zion-national-park.jpg\"\n      alt=\"A photograph of Zion National Park\"\n    >\n" +
				"  </a>\n  <figcaption>\n    <p>Zion National Park</p>\n  </figcaption>\n</figure>\n",
			want: []seg{
				attr("alt", "A photograph of Zion National Park", 5, 12),
				{kind: article.KindHTML, text: "Zion National Park", pieces: []string{"Zion National Park"}, cont: "\n    ", line: 9, col: 8},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			segs := Segments(src, article.Range{Start: 0, End: len(src)})
			checkSegments(t, src, article.Range{Start: 0, End: len(src)}, segs)
			if got := describe(src, segs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Segments(%q)\n got %+v\nwant %+v", tt.src, got, tt.want)
			}
		})
	}
}

func TestSegmentsInsideDocument(t *testing.T) {
	src := []byte("# Title\n\nSome text.\n\n<div>\n  Block <em>text</em>\n</div>\n\nAfter.\n")
	start := bytes.Index(src, []byte("<div>"))
	end := bytes.Index(src, []byte("\n\nAfter"))
	got := describe(src, Segments(src, article.Range{Start: start, End: end}))
	want := []seg{
		{kind: article.KindHTML, text: "Block", pieces: []string{"Block"}, cont: "\n  ", line: 6, col: 3},
		{kind: article.KindHTML, text: "text", pieces: []string{"text"}, cont: "\n  ", line: 6, col: 13},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestEscape(t *testing.T) {
	src := []byte(`<img alt="a" title='b'><img alt=c>`)
	segs := Segments(src, article.Range{Start: 0, End: len(src)})
	if len(segs) != 3 {
		t.Fatalf("got %d segments, want 3", len(segs))
	}
	tr := `Il dit "l'eau"`
	want := []string{
		`Il dit &quot;l'eau&quot;`,
		`Il dit "l&#39;eau"`,
		`"Il dit &quot;l'eau&quot;"`,
	}
	for i, s := range segs {
		if got := s.Escape(tr); got != want[i] {
			t.Errorf("segment %d (%s): Escape = %q, want %q", i, s.Field, got, want[i])
		}
	}
	// Spliced into the source, each translation is still one attribute.
	ids := []string{"a", "b", "c"}
	out := article.Render(src, segs, ids, func(string) (string, bool) { return tr, true })
	z := html.NewTokenizer(bytes.NewReader(out))
	var vals []string
	for z.Next() != html.ErrorToken {
		for {
			k, v, more := z.TagAttr()
			if k != nil {
				vals = append(vals, string(v))
			}
			if !more {
				break
			}
		}
	}
	if wantVals := []string{tr, tr, tr}; !reflect.DeepEqual(vals, wantVals) {
		t.Errorf("rendered %s\nattribute values %q, want %q", out, vals, wantVals)
	}
}

func TestScanAttrsAgreesWithTokenizer(t *testing.T) {
	for _, s := range []string{
		`<a href="x" title='y' data-x=z disabled>`,
		`<img src=a.png alt= "b" / >`,
		`<p a=/>`,
		`<p =x a="1" A="2" b = 3 c/d>`,
		`<img title="unterminated>`,
		"<IMG\n\tALT='x'\fTitle=\"y\">",
		`<x a="1"b="2" c='3'd>`,
	} {
		checkAttrs(t, []byte(s))
	}
}

// checkAttrs checks that scanAttrs reads every tag of src as the Tokenizer
// does: the same keys, and values that decode to the Tokenizer's values.
func checkAttrs(t *testing.T, src []byte) {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		raw := bytes.Clone(z.Raw())
		spans := scanAttrs(raw)
		var i int
		for {
			k, v, more := z.TagAttr()
			if k == nil {
				break
			}
			if i >= len(spans) || string(spans[i].key) != string(k) {
				t.Fatalf("%q: attribute %d: tokenizer has %q, scanAttrs %+v", raw, i, k, spans)
			}
			a := spans[i]
			if a.val.Start < 0 || a.val.End > len(raw) || a.val.Start > a.val.End {
				t.Fatalf("%q: value range %+v outside the tag", raw, a.val)
			}
			// The tokenizer's value is the raw value, with entities decoded,
			// NULs replaced and line endings normalised.
			rv := raw[a.val.Start:a.val.End]
			if !bytes.Contains(rv, []byte("&")) && !bytes.ContainsAny(rv, "\x00\r") && string(rv) != string(v) {
				t.Fatalf("%q: attribute %q: tokenizer value %q, raw value %q", raw, k, v, rv)
			}
			i++
			if !more {
				break
			}
		}
		if i != len(spans) {
			t.Fatalf("%q: tokenizer has %d attributes, scanAttrs %d", raw, i, len(spans))
		}
	}
}

// TestCorpusBlocks runs Segments over HTML blocks of the Hugo documentation:
// every run of lines that starts with "<" up to a blank line.
func TestCorpusBlocks(t *testing.T) {
	root := testcorpus.Dir(t, "hugo-docs", "en")
	var blocks, segs int
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, r := range htmlBlocks(src) {
			blocks++
			ss := Segments(src, r)
			checkSegments(t, src, r, ss)
			checkAttrs(t, src[r.Start:r.End])
			segs += len(ss)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if blocks < 20 || segs < 20 {
		t.Errorf("corpus too small to mean much: %d blocks, %d segments", blocks, segs)
	}
	t.Logf("%d blocks, %d segments", blocks, segs)
}

// htmlBlocks returns, roughly as CommonMark's HTML block rule 6/7 would,
// each run of lines that starts with "<" and a letter and ends before a
// blank line.
func htmlBlocks(src []byte) []article.Range {
	var out []article.Range
	lines := bytes.SplitAfter(src, []byte("\n"))
	off := 0
	for i := 0; i < len(lines); {
		l := lines[i]
		if len(l) > 1 && l[0] == '<' && (l[1] >= 'a' && l[1] <= 'z' || l[1] >= 'A' && l[1] <= 'Z') {
			start := off
			for i < len(lines) && len(bytes.TrimSpace(lines[i])) > 0 {
				off += len(lines[i])
				i++
			}
			out = append(out, article.Range{Start: start, End: off})
			continue
		}
		off += len(l)
		i++
	}
	return out
}

// checkSegments checks the invariants of Segments over r of src.
func checkSegments(t *testing.T, src []byte, r article.Range, segs []article.Segment) {
	t.Helper()
	prev := r.Start
	for _, s := range segs {
		if len(s.Pieces) == 0 {
			t.Fatalf("segment %+v has no pieces", s)
		}
		for _, p := range s.Pieces {
			if p.Start < prev || p.End > r.End || p.Start >= p.End {
				t.Fatalf("piece %+v out of order, empty or outside %+v", p, r)
			}
			prev = p.End
		}
		if s.Text != article.JoinPieces(src, s.Pieces) {
			t.Fatalf("text %q is not the joined pieces", s.Text)
		}
		if len(s.Spans) != 1 || s.Spans[0] != (article.Range{Start: 0, End: len(s.Text)}) {
			t.Fatalf("spans %+v do not cover text %q", s.Spans, s.Text)
		}
		ls := bytes.LastIndexByte(src[:s.Start()], '\n') + 1
		if line := bytes.Count(src[:s.Start()], []byte("\n")) + 1; s.Line != line || s.Column != s.Start()-ls+1 {
			t.Fatalf("segment %q at %d:%d, want %d:%d", s.Text, s.Line, s.Column, line, s.Start()-ls+1)
		}
		switch s.Kind {
		case article.KindHTML:
			if !s.Multiline || s.Escape != nil || !strings.HasPrefix(s.Continue, "\n") && !strings.HasPrefix(s.Continue, "\r\n") {
				t.Fatalf("html segment %+v", s)
			}
		case article.KindAttribute:
			if s.Escape == nil || len(s.Pieces) != 1 || !textAttrs[s.Field] {
				t.Fatalf("attribute segment %+v", s)
			}
		default:
			t.Fatalf("segment of kind %q", s.Kind)
		}
	}
}

func FuzzSegments(f *testing.F) {
	for _, s := range []string{
		"<p>Some <b>bold</b> text</p>",
		"<img alt=\"a\" title='b' ALT=c>",
		"<div>\r\n  One\r\n  two\r\n</div>\r\n",
		"<script>x</script><!-- c --><pre>p</pre>text<noscript><i>n</i></noscript>",
		"<p =x a=/><a href=x title=T/>",
		"<img alt=\"unterminated",
		"<title>T&amp;t</title><textarea/>t",
	} {
		f.Add([]byte(s), 0, len(s))
	}
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		r := article.Range{Start: start, End: end}
		segs := Segments(src, r)
		r.Start = min(max(r.Start, 0), len(src))
		r.End = min(max(r.End, r.Start), len(src))
		checkSegments(t, src, r, segs)
		checkAttrs(t, src[r.Start:r.End])
		for _, s := range segs {
			if s.Escape != nil {
				s.Escape(s.Text)
			}
		}
	})
}
