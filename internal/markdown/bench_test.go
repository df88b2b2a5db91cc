package markdown_test

import (
	"os"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// BenchmarkSegments measures segmentation of inputs that once took
// quadratic time (many shortcodes, placeholders, code blocks) beside real
// articles; their costs should grow with the input's size, no faster.
func BenchmarkSegments(b *testing.B) {
	inputs := map[string]string{
		"placeholders": strings.Repeat("a {{ .X }} b ", 20000),
		"shortcodes":   strings.Repeat("{{< x >}}\n", 20000),
		"fences":       strings.Repeat("```\nx\n```\n{{< y >}}\n", 5000),
		"nested-quote": strings.Repeat("> ", 5000) + "x",
		"links":        strings.Repeat(`[a](b "c") `, 20000),
	}
	data, err := os.ReadFile(testcorpus.Dir(b, "hugo-docs", "en", "functions", "collections", "Sort.md"))
	if err != nil {
		b.Fatal(err)
	}
	inputs["hugo-sort"] = string(data)
	p := newParser()
	for name, src := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := p.Segments([]byte(src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
