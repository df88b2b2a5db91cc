package pseudo_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/pseudo"
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		name string
		seg  article.Segment
		want string // the text between the brackets, before the padding
		keep []string
	}{
		{"prose", seg("Hello world", [2]int{0, 11}), "Ĥéļļö ŵöŕļð", nil},
		{"code and URL stay", seg("Run `go test` at https://x.io now", [2]int{0, 4}, [2]int{13, 17}, [2]int{29, 33}), "Ŕûñ `go test` åţ https://x.io ñöŵ", nil},
		{"numbers and entities stay", seg("Take 2-3 &amp; 50%", [2]int{0, 18}), "Ţåķé 2-3 &amp; 50%", nil},
		{"reference label written out", article.Segment{Text: "See [docs] now", Spans: []article.Range{{Start: 0, End: 5}, {Start: 5, End: 9}, {Start: 10, End: 14}},
			Refs: []article.Ref{{At: 10, Insert: "[docs]"}}}, "Šéé [ðöçš][docs] ñöŵ", nil},
		{"do-not-translate terms stay", seg("After COVID-19, bdnf and BDNFs rose", [2]int{0, 35}), "Åƒţéŕ COVID-19, bdnf åñð ƁÐÑƑš ŕöšé", []string{"BDNF", "COVID-19", "COVID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pseudo.Translate(&tt.seg, tt.keep...)
			if !strings.HasPrefix(got, pseudo.Open+tt.want+pseudo.Pad) || !strings.HasSuffix(got, pseudo.Close) {
				t.Errorf("got %q, want %q inside the brackets", got, tt.want)
			}
			grow := float64(utf8.RuneCountInString(got)) / float64(utf8.RuneCountInString(tt.seg.Text))
			if len(tt.seg.Refs) == 0 && (grow < 1.2 || grow > 1.6) {
				t.Errorf("length grew by %.2f, want about 1.35", grow)
			}
		})
	}
}

func seg(text string, spans ...[2]int) article.Segment {
	s := article.Segment{Text: text}
	for _, sp := range spans {
		s.Spans = append(s.Spans, article.Range{Start: sp[0], End: sp[1]})
	}
	return s
}
