package htmlpage

import (
	"fmt"
	"testing"
)

// BenchmarkRenderIndex renders the status table of 1,000 articles in two
// languages, as the Hugo docs have (992): a build makes it again whenever
// a number it shows changes.
func BenchmarkRenderIndex(b *testing.B) {
	ix := Index{Lang: "en", Title: "Status"}
	for i := range 1000 {
		slug := fmt.Sprintf("section-%d/article-%d", i%20, i)
		for _, l := range []string{"en", "fr"} {
			ix.Entries = append(ix.Entries, IndexEntry{Slug: slug, Title: "Article " + slug, Href: "../" + l + "/" + slug + ".html",
				Lang: l, Percent: float64(i%1000) / 10, Published: i%3 > 0, Note: "2 passages in English", Reading: "grade 7.1, ease 68.2 (Flesch–Kincaid)"})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderIndex(ix); err != nil {
			b.Fatal(err)
		}
	}
}
