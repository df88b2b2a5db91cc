package frontmatter

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
)

// testKeys are the fields the tests ask for.
var testKeys = []string{"title", "description", "summary", "linkTitle"}

// field is what a test expects of one segment: its key, decoded text, the
// exact source bytes of its piece, and where that piece starts.
type field struct {
	key, text, raw string
	line, col      int
}

var fieldCases = []struct {
	name string
	src  string
	want []field
	err  string // the *Error's text, when the front matter is malformed
}{
	{
		name: "yaml plain",
		src:  "---\ntitle: Hello world\ndate: 2024-01-02\n---\n# Body\n",
		want: []field{{"title", "Hello world", "Hello world", 2, 8}},
	},
	{
		name: "yaml single-quoted",
		src:  "---\ntitle: 'It''s a \"test\"'\n---\n",
		want: []field{{"title", `It's a "test"`, `'It''s a "test"'`, 2, 8}},
	},
	{
		name: "yaml double-quoted with escapes",
		src:  "---\ndescription: \"Tab\\there \\\"q\\\" \\u00e9 \\\\ end\"\n---\n",
		want: []field{{"description", "Tab\there \"q\" é \\ end", `"Tab\there \"q\" \u00e9 \\ end"`, 2, 14}},
	},
	{
		name: "yaml double-quoted over two lines",
		src:  "---\ntitle: \"first\n  second\"\nsummary: s\n---\n",
		want: []field{
			{"title", "first second", "\"first\n  second\"", 2, 8},
			{"summary", "s", "s", 4, 10},
		},
	},
	{
		name: "yaml block literal",
		src:  "---\ndescription: |\n  line one\n    indented\n\n  line three\n\nsummary: after\n---\n",
		want: []field{
			{"description", "line one\n  indented\n\nline three\n", "|\n  line one\n    indented\n\n  line three", 2, 14},
			{"summary", "after", "after", 8, 10},
		},
	},
	{
		name: "yaml block folded with header comment and chomping",
		src:  "---\nsummary: >- # folded\n  one\n  two\n# trailing comment\ntitle: t\n---\n",
		want: []field{
			{"summary", "one two", ">- # folded\n  one\n  two", 2, 10},
			{"title", "t", "t", 6, 8},
		},
	},
	{
		name: "yaml block with indentation indicator",
		src:  "---\ntitle: |2\n    four spaces\n  two\n---\n",
		want: []field{{"title", "  four spaces\ntwo\n", "|2\n    four spaces\n  two", 2, 8}},
	},
	{
		name: "yaml multi-line plain",
		src:  "---\ntitle: first part\n  second part\n\n  third # comment\nsummary: x\n---\n",
		want: []field{
			{"title", "first part second part\nthird", "first part\n  second part\n\n  third", 2, 8},
			{"summary", "x", "x", 6, 10},
		},
	},
	{
		name: "yaml value on the next line",
		src:  "---\ntitle:\n  Hello\n---\n",
		want: []field{{"title", "Hello", "Hello", 3, 3}},
	},
	{
		name: "yaml comments and trailing spaces after values",
		src:  "---\ntitle: Hello # a comment  \nsummary: \"quoted\"   # c\nlinkTitle: 'single'\t\ndescription: a#b c:d  \n---\n",
		want: []field{
			{"title", "Hello", "Hello", 2, 8},
			{"summary", "quoted", `"quoted"`, 3, 10},
			{"linkTitle", "single", "'single'", 4, 12},
			{"description", "a#b c:d", "a#b c:d", 5, 14},
		},
	},
	{
		name: "yaml CRLF",
		src:  "---\r\ntitle: Hi there  \r\ndescription: |\r\n  a\r\n  b\r\nsummary: long\r\n  plain\r\n---\r\nBody\r\n",
		want: []field{
			{"title", "Hi there", "Hi there", 2, 8},
			{"description", "a\nb\n", "|\r\n  a\r\n  b", 3, 14},
			{"summary", "long plain", "long\r\n  plain", 6, 10},
		},
	},
	{
		name: "yaml BOM",
		src:  "\uFEFF---\ntitle: Über\n---\n",
		want: []field{{"title", "Über", "Über", 2, 8}},
	},
	{
		name: "yaml unicode before the value",
		src:  "---\nключ: значение\ntitle: «Grüße»\n---\n",
		want: []field{{"title", "«Grüße»", "«Grüße»", 3, 8}},
	},
	{
		name: "yaml tags and anchors",
		src:  "---\ntitle: !!str 2024\nsummary: &s Anchored text\ndescription: *s\nlinkTitle: !custom x\n---\n",
		want: []field{
			{"title", "2024", "2024", 2, 14},
			{"summary", "Anchored text", "Anchored text", 3, 13},
		},
	},
	{
		name: "yaml non-string values skipped",
		src:  "---\ntitle: 42\ndescription: [a, b]\nsummary: 2024-01-01\nlinkTitle: true\n---\n",
	},
	{
		name: "yaml empty and null values skipped",
		src:  "---\ntitle: \"\"\ndescription:\nsummary: ~\nlinkTitle: ''\n---\n",
	},
	{
		name: "yaml nested maps and other keys ignored",
		src:  "---\nparams:\n  title: Nested\n  summary: |\n    nested\nauthor: Someone\ntitle: Top\n---\n",
		want: []field{{"title", "Top", "Top", 7, 8}},
	},
	{
		name: "yaml indented mapping",
		src:  "---\n  title: one\n    two\n  summary: s\n---\n",
		want: []field{
			{"title", "one two", "one\n    two", 2, 10},
			{"summary", "s", "s", 4, 12},
		},
	},
	{
		name: "yaml flow mapping",
		src:  "---\n{title: Hello there, summary: \"q, r\", weight: 3}\n---\n",
		want: []field{
			{"title", "Hello there", "Hello there", 2, 9},
			{"summary", "q, r", `"q, r"`, 2, 31},
		},
	},
	{
		name: "yaml empty front matter",
		src:  "---\n---\nBody\n",
	},
	{
		name: "yaml only comments",
		src:  "---\n# nothing here\n---\n",
	},
	{
		name: "yaml no final newline",
		src:  "---\ntitle: Last\n---",
		want: []field{{"title", "Last", "Last", 2, 8}},
	},
	{
		name: "no front matter",
		src:  "# Title\n\ntitle: not front matter\n",
	},
	{
		name: "toml basic literal and multi-line strings",
		src: "+++\ntitle = \"Basic \\\"x\\\" \\u00e9\"\ndescription = 'C:\\path'\n" +
			"summary = \"\"\"\nmulti\nline\"\"\"\nlinkTitle = '''raw\\n'''\n+++\nBody\n",
		want: []field{
			{"title", `Basic "x" é`, `"Basic \"x\" \u00e9"`, 2, 9},
			{"description", `C:\path`, `'C:\path'`, 3, 15},
			{"summary", "multi\nline", "\"\"\"\nmulti\nline\"\"\"", 4, 11},
			{"linkTitle", `raw\n`, `'''raw\n'''`, 7, 13},
		},
	},
	{
		name: "toml comments, CRLF and BOM",
		src:  "\uFEFF+++\r\ntitle = \"Hi\"   # comment\r\n\"summary\" = \"quoted key\"\r\n+++\r\n",
		want: []field{
			{"title", "Hi", `"Hi"`, 2, 9},
			{"summary", "quoted key", `"quoted key"`, 3, 13},
		},
	},
	{
		name: "toml non-string values, tables and dotted keys skipped",
		src: "+++\ntitle = 42\ndescription = [\"a\"]\nsummary = 2024-01-01\nparams.linkTitle = \"dotted\"\n" +
			"linkTitle = { a = \"b\" }\n[other]\ntitle = \"in table\"\n+++\n",
	},
	{
		name: "toml empty string skipped",
		src:  "+++\ntitle = \"\"\nsummary = \"s\"\n+++",
		want: []field{{"summary", "s", `"s"`, 3, 11}},
	},
	{
		name: "yaml unclosed flow sequence",
		src:  "---\ntitle: ok\nsummary: [unclosed\n---\n",
		err:  "3:1: did not find expected ',' or ']'",
	},
	{
		name: "yaml bad indentation",
		src:  "---\ntitle: a\n bad: b\n---\n",
		err:  "3:2: mapping values are not allowed in this context",
	},
	{
		name: "yaml tab indentation after BOM and CRLF",
		src:  "\uFEFF---\r\ntitle: a\r\n\tb: c\r\n---\r\n",
		err:  "3:2: found a tab character that violates indentation",
	},
	{
		name: "yaml duplicate key",
		src:  "---\n# c\ntitle: a\ntitle: b\n---\n",
		err:  "4:1: mapping key \"title\" already defined at line 3",
	},
	{
		name: "yaml missing key on first line",
		src:  "---\ntitle: a\n- b\n---\n",
		err:  "3:1: did not find expected key",
	},
	{
		name: "yaml not a mapping",
		src:  "---\n- a\n---\n",
		err:  "2:1: front matter is not a mapping of keys to values",
	},
	{
		name: "json",
		src:  "{\n  \"title\": \"Hello \\\"you\\\"\",\n  \"weight\": 10,\n  \"tags\": [\"a\", \"title\"],\n  \"params\": {\"summary\": \"nested\"},\n  \"description\" :  \"Caf\\u00e9\\n\\/ok\",\n  \"summary\": \"\",\n  \"linkTitle\": null\n}\nBody\n",
		want: []field{
			{"title", `Hello "you"`, `"Hello \"you\""`, 2, 12},
			{"description", "Café\n/ok", `"Caf\u00e9\n\/ok"`, 6, 20},
		},
	},
	{
		name: "json on one line after a BOM, CRLF",
		src:  "\uFEFF{\"summary\":\"Ünï\",\"title\":\"T\"}\r\nBody\r\n",
		want: []field{{"summary", "Ünï", `"Ünï"`, 1, 15}, {"title", "T", `"T"`, 1, 31}},
	},
	{
		name: "json empty object",
		src:  "{}\n# Title\n",
	},
	{
		name: "json syntax error",
		src:  "{\n  \"title\": \"a\"\n  \"summary\": \"b\"\n}\n",
		err:  "3:3: JSON front matter: invalid character '\"' after object key:value pair",
	},
	{
		name: "json duplicate key",
		src:  "{\"title\": \"a\",\n \"title\": \"b\"}\n",
		err:  "2:2: key \"title\" is already defined",
	},
	{
		name: "toml unterminated string",
		src:  "+++\n# c\ntitle = \"unterminated\n+++\n",
		err:  "3:22: basic strings cannot have new lines",
	},
	{
		name: "toml duplicate key",
		src:  "\uFEFF+++\ntitle = 'a'\ntitle = 'b'\n+++\n",
		err:  "3:1: key title is already defined",
	},
	{
		name: "toml missing value",
		src:  "+++\r\ntitle = \r\n+++\r\n",
		err:  "2:9: unexpected character U+000D at start of value",
	},
}

// parse runs Split and Fields over src with testKeys.
func parse(src []byte) ([]article.Segment, error) {
	b, err := Split(src)
	if err != nil {
		return nil, err
	}
	return Fields(src, b, testKeys)
}

func TestFields(t *testing.T) {
	for _, tc := range fieldCases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			segs, err := parse(src)
			if tc.err != "" {
				var fe *Error
				if !errors.As(err, &fe) {
					t.Fatalf("error = %v (%T), want *Error %q", err, err, tc.err)
				}
				if fe.Error() != tc.err {
					t.Fatalf("error = %q, want %q", fe.Error(), tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []field
			for _, s := range segs {
				if s.Kind != article.KindFrontMatter || len(s.Pieces) != 1 || s.Escape == nil {
					t.Errorf("%s: kind %q, %d pieces, escape set %v", s.Field, s.Kind, len(s.Pieces), s.Escape != nil)
				}
				got = append(got, field{s.Field, s.Text, article.JoinPieces(src, s.Pieces), s.Line, s.Column})
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("fields:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// translations are awkward strings every Escape must carry through intact.
var translations = []string{
	"Plain words",
	`"double" and 'single' quotes`,
	`back\slash \n \" \\`,
	"# not a comment",
	"key: value, [flow] {map}",
	"line one\nline two\n",
	"\ttabs\tand\r\ncarriage returns",
	"Ünïcödé — 日本語 🙂 \u00a0nbsp \u2028 ls \u0085 nel \ufeff",
	"  leading and trailing spaces  ",
	" ",
	"-",
	"---",
	"+++",
	"'''",
	`"""`,
	"null",
	"true",
	"123",
	"2024-01-01",
	"*alias &anchor !tag %directive @at `tick`",
	"control \x00 \x01 \x1b \x7f chars",
}

// TestEscapeRoundTrip splices every translation into every case in place of
// each field and checks that Fields then decodes exactly the translation
// and leaves the other fields as they were.
func TestEscapeRoundTrip(t *testing.T) {
	for _, tc := range fieldCases {
		if tc.err != "" {
			continue
		}
		src := []byte(tc.src)
		segs, err := parse(src)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for i := range segs {
			for _, tr := range translations {
				if err := checkSplice(src, segs, i, tr); err != nil {
					t.Errorf("%s: %s = %q: %v", tc.name, segs[i].Field, tr, err)
				}
			}
		}
	}
}

// checkSplice replaces segment i of src with its Escape of tr and checks
// that parsing the result gives tr for that field and the same text for
// every other one.
func checkSplice(src []byte, segs []article.Segment, i int, tr string) error {
	s := segs[i]
	out := append([]byte{}, src[:s.Start()]...)
	out = append(out, s.Escape(tr)...)
	out = append(out, src[s.End():]...)
	again, err := parse(out)
	if err != nil {
		return fmt.Errorf("spliced source does not parse: %v\n%s", err, out)
	}
	if len(again) != len(segs) {
		return fmt.Errorf("spliced source has %d fields, want %d\n%s", len(again), len(segs), out)
	}
	for j := range again {
		want := segs[j].Text
		if j == i {
			want = tr
		}
		if again[j].Field != segs[j].Field || again[j].Text != want {
			return fmt.Errorf("field %d: %s = %q, want %s = %q\n%s", j, again[j].Field, again[j].Text, segs[j].Field, want, out)
		}
	}
	return nil
}
