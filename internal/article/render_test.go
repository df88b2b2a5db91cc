package article_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
)

// para is a two-line paragraph inside a block quote: "> one\n> two\n".
func para(src string) article.Segment {
	return article.Segment{
		Kind: article.KindQuote, Text: "one\ntwo",
		Pieces:    []article.Range{{Start: 2, End: 5}, {Start: 8, End: 11}},
		Multiline: true, Continue: "\n  ",
	}
}

func TestRender(t *testing.T) {
	const src = "> one\n> two\n"
	tests := []struct {
		name, translation, want string
		seg                     article.Segment
	}{
		{"source text keeps bytes", "one\ntwo", src, para(src)},
		{"same lines reuse the gaps", "uno\ndos", "> uno\n> dos\n", para(src)},
		{"fewer lines", "uno dos", "> uno dos\n", para(src)},
		{"more lines continue", "a\nb\nc", "> a\n> b\n  c\n", para(src)},
		{"single-line kinds join lines", "a\nb", "> a b\n> two\n", article.Segment{
			Kind: article.KindHeading, Text: "one", Pieces: []article.Range{{Start: 2, End: 5}}}},
		{"escape kinds encode", `say "hi"`, `> "say \"hi\""` + "\n> two\n", article.Segment{
			Kind: article.KindFrontMatter, Text: "one", Pieces: []article.Range{{Start: 2, End: 5}},
			Escape: func(s string) string { return `"` + escapeQuotes(s) + `"` }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := article.Render([]byte(src), []article.Segment{tt.seg}, []string{"id"},
				func(string) (string, bool) { return tt.translation, true })
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRenderMissing(t *testing.T) {
	const src = "> one\n> two\n"
	got := article.Render([]byte(src), []article.Segment{para(src)}, []string{"id"},
		func(string) (string, bool) { return "", false })
	if string(got) != src {
		t.Errorf("a missing translation changed the source: %q", got)
	}
}

func TestIDsStable(t *testing.T) {
	seg := func(text string) article.Segment {
		return article.Segment{Kind: article.KindParagraph, Text: text, Pieces: []article.Range{{}}}
	}
	before := article.IDs("a", []article.Segment{seg("one"), seg("two"), seg("three")})
	after := article.IDs("a", []article.Segment{seg("three"), seg("new"), seg("one")})
	if before[0] != after[2] || before[2] != after[0] {
		t.Errorf("moving or inserting a paragraph changed another ID: %v -> %v", before, after)
	}
	dup := article.IDs("a", []article.Segment{seg("same"), seg("same")})
	if dup[0] == dup[1] || dup[1] != dup[0]+"-2" {
		t.Errorf("repeated text IDs = %v", dup)
	}
}

func escapeQuotes(s string) string {
	out := ""
	for _, r := range s {
		if r == '"' {
			out += `\`
		}
		out += string(r)
	}
	return out
}
