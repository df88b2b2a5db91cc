package frontmatter

import (
	"errors"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
)

// FuzzFields checks that Split and Fields never panic, that every piece
// they report lies inside the front matter, in order and without overlap,
// that splicing the source text back gives the same bytes, and that
// splicing an escaped translation gives back that translation.
func FuzzFields(f *testing.F) {
	for _, tc := range fieldCases {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := Split(src)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("Split error %T is not *Error: %v", err, err)
			}
			return
		}
		segs, err := Fields(src, b, testKeys)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("Fields error %T is not *Error: %v", err, err)
			}
			return
		}
		last := b.Start
		for _, s := range segs {
			if len(s.Pieces) != 1 {
				t.Fatalf("%s: %d pieces", s.Field, len(s.Pieces))
			}
			p := s.Pieces[0]
			if p.Start < last || p.End <= p.Start || p.End > b.End {
				t.Fatalf("%s: piece %v outside [%d, %d) or out of order", s.Field, p, last, b.End)
			}
			last = p.End
		}
		ids := article.IDs("fuzz", segs)
		none := func(string) (string, bool) { return "", false }
		if out := article.Render(src, segs, ids, none); string(out) != string(src) {
			t.Fatalf("splicing the source text back changed the bytes:\n%q\n%q", src, out)
		}
		for i := range segs {
			if err := checkSplice(src, segs, i, "Trad: « # \"q\" \\ »\nfin "); err != nil {
				t.Fatalf("%s: %v", segs[i].Field, err)
			}
		}
	})
}
