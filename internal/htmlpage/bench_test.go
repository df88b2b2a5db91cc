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
		cols := []string{"en", "fr"}
		rows := make([][]byte, 0, 1000)
		for i := 0; i < len(ix.Entries); i += 2 {
			r, err := RenderRow(ix.Lang, cols, ix.Entries[i:i+2])
			if err != nil {
				b.Fatal(err)
			}
			rows = append(rows, r)
		}
		b.ReportAllocs()
		for b.Loop() {
			ix.Entries[1].Percent = 100 - ix.Entries[1].Percent
			r, err := RenderRow(ix.Lang, cols, ix.Entries[0:2])
			if err != nil {
				b.Fatal(err)
			}
			rows[0] = r
			all := func(yield func([]byte, error) bool) {
				for _, r := range rows {
					if !yield(r, nil) {
						return
					}
				}
			}
			if _, err := RenderTable(Table{Lang: ix.Lang, Title: ix.Title, Columns: cols}, all); err != nil {
				b.Fatal(err)
			}
		}
	})
}
