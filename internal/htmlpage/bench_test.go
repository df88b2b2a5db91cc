package htmlpage

import (
	"fmt"
	"testing"
)

// BenchmarkRenderIndex renders the status table of 1,000 articles in two
// languages, as the Hugo docs have (992): a build makes it again whenever
// a number it shows changes. whole renders every row; one-changed, the
// table after one article's percent changed, the other rows kept.
func BenchmarkRenderIndex(b *testing.B) {
	ix := Index{Lang: "en", Title: "Status"}
	for i := range 1000 {
		slug := fmt.Sprintf("section-%d/article-%d", i%20, i)
		for _, l := range []string{"en", "fr"} {
			ix.Entries = append(ix.Entries, IndexEntry{Slug: slug, Title: "Article " + slug, Href: "../" + l + "/" + slug + ".html",
				Lang: l, Percent: float64(i%1000) / 10, Published: i%3 > 0, Note: "2 passages in English", Reading: "grade 7.1, ease 68.2 (Flesch–Kincaid)"})
		}
	}
	b.Run("whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := RenderIndex(ix); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("one-changed", func(b *testing.B) {
		kept := mapRows{}
		if _, err := RenderIndexRows(ix, kept); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			ix.Entries[1].Percent = 100 - ix.Entries[1].Percent
			if _, err := RenderIndexRows(ix, kept); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type mapRows map[string][]byte

func (m mapRows) Row(slug, key string) ([]byte, bool) { r, ok := m[slug+"\x00"+key]; return r, ok }
func (m mapRows) Keep(slug, key string, html []byte)  { m[slug+"\x00"+key] = html }
