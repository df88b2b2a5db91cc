package frontmatter

import (
	"errors"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Block
		err  string
	}{
		{"empty file", "", Block{}, ""},
		{"no front matter", "# Title\n---\n", Block{}, ""},
		{"BOM without front matter", "\uFEFF# Title\n", Block{Start: 3, End: 3, Body: 3}, ""},
		{"yaml", "---\ntitle: x\n---\nBody\n", Block{Format: YAML, Start: 4, End: 13, Body: 17}, ""},
		{"toml", "+++\ntitle = 'x'\n+++\nBody\n", Block{Format: TOML, Start: 4, End: 16, Body: 20}, ""},
		{"empty yaml", "---\n---\n", Block{Format: YAML, Start: 4, End: 4, Body: 8}, ""},
		{"CRLF", "---\r\na: b\r\n---\r\nBody", Block{Format: YAML, Start: 5, End: 11, Body: 16}, ""},
		{"BOM", "\uFEFF---\na: b\n---\n", Block{Format: YAML, Start: 7, End: 12, Body: 16}, ""},
		{"trailing blanks on delimiters", "--- \t\na: b\n---  \r\nBody", Block{Format: YAML, Start: 6, End: 11, Body: 18}, ""},
		{"no final newline", "---\na: b\n---", Block{Format: YAML, Start: 4, End: 9, Body: 12}, ""},
		{"other delimiter does not close", "---\na: b\n+++\n---\n", Block{Format: YAML, Start: 4, End: 13, Body: 17}, ""},
		{"four dashes open nothing", "----\na: b\n----\n", Block{}, ""},
		{"text after the dashes opens nothing", "--- a\n", Block{}, ""},
		{"not the first line", "\n---\na: b\n---\n", Block{}, ""},
		{"indented closer does not close", "---\na: |\n  ---\n---\n", Block{Format: YAML, Start: 4, End: 15, Body: 19}, ""},
		{"unclosed yaml", "---\ntitle: x\n", Block{}, `1:1: front matter opened with "---" is never closed`},
		{"unclosed toml after BOM", "\uFEFF+++\r\n", Block{Start: 3, End: 3, Body: 3}, `1:1: front matter opened with "+++" is never closed`},
		{"only an opener", "---", Block{}, `1:1: front matter opened with "---" is never closed`},
		{"json", "{\n  \"title\": \"x\"\n}\nBody\n", Block{Format: JSON, Start: 0, End: 18, Body: 19}, ""},
		{"json on one line, CRLF, BOM", "\uFEFF{ \"a\": \"}{\\\"\" }\r\nBody", Block{Format: JSON, Start: 3, End: 18, Body: 20}, ""},
		{"json nested, no final newline", "{\"a\": {\"b\": [{}]}}", Block{Format: JSON, Start: 0, End: 18, Body: 18}, ""},
		{"json empty object, text after it", "{} rest\n", Block{Format: JSON, Start: 0, End: 2, Body: 2}, ""},
		{"a shortcode opens nothing", "{{< figure src=\"a.png\" >}}\n", Block{}, ""},
		{"a brace and text open nothing", "{not json}\n", Block{}, ""},
		{"unclosed json", "{\n\"title\": \"x\"\n", Block{}, `1:1: JSON front matter opened with "{" is never closed`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Split([]byte(tc.src))
			if tc.err != "" {
				var fe *Error
				if !errors.As(err, &fe) || fe.Error() != tc.err {
					t.Fatalf("error = %v, want *Error %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("Split = %+v, want %+v", got, tc.want)
			}
		})
	}
}
