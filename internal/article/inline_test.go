package article

import "testing"

// TestInline: what a translator types reads as inline text of its element,
// never as a block of its own (the examples of issue 16).
func TestInline(t *testing.T) {
	for _, tc := range []struct {
		kind     Kind
		tr, want string
	}{
		{KindParagraph, "Para deux\n```", "Para deux\n\\`\\`\\`"},
		{KindParagraph, "Para deux\n<!--", "Para deux\n\\<!--"},
		{KindParagraph, "# Injected heading", "\\# Injected heading"},
		{KindParagraph, "- devient liste", "\\- devient liste"},
		{KindParagraph, "> citation", "\\> citation"},
		{KindParagraph, "Para deux\n===", "Para deux\n\\=\\=\\="},
		{KindParagraph, "Para deux\n---", "Para deux\n\\-\\-\\-"},
		{KindParagraph, "Un\n\n    code", "Un\ncode"},
		{KindParagraph, "1. premier\n2) second", "1\\. premier\n2\\) second"},
		{KindParagraph, "~~~\nx", "\\~\\~\\~\nx"},
		{KindParagraph, "[x]: https://evil.example/", "\\[x]: https://evil.example/"},
		{KindParagraph, "[Voir][ref]: suite", "[Voir][ref]: suite"},
		{KindParagraph, "<div>bloc</div>", "\\<div>bloc</div>"},
		{KindParagraph, "<abbr>OMS</abbr> dit", "<abbr>OMS</abbr> dit"},
		{KindParagraph, "***", "\\*\\*\\*"},
		{KindParagraph, "*important* ici", "*important* ici"},
		{KindParagraph, "2024 est une année", "2024 est une année"},
		{KindListItem, "\n\n\t<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"},
		{KindQuote, "Un\n\nDeux", "Un\nDeux"},
		{KindTableHead, "A | X", "A \\| X"},
		{KindTableCell, "a \\| b", "a \\| b"},
		{KindHeading, "\n\n    <script>x</script>", "\\<script>x</script>"},
		{KindHTML, "Note\n\n# pas un titre", "Note\n# pas un titre"},
		{KindHTML, "Note \\<img src=x>", "Note \\<img src=x>"},
		{KindParagraph, "Un\\\nDeux  \nTrois\\", "Un\\\\\nDeux\nTrois\\"},
		{KindQuote, "```A``", "\\`\\`\\`A``"},
	} {
		if got := inline(tc.kind, tc.tr, "Source text."); got != tc.want {
			t.Errorf("inline(%s, %q) = %q, want %q", tc.kind, tc.tr, got, tc.want)
		}
	}
}
