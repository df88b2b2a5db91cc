package catalog

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRoundTrip checks, for every format, that a catalog either reads back
// exactly as written (through go-i18n's parser, as Parse does) or is refused
// by Marshal for a documented reason: text that is not valid UTF-8 or an ID
// that is empty or a go-i18n field name.
func FuzzRoundTrip(f *testing.F) {
	for _, s := range []string{
		"", "plain", `"quoted"`, `back\slash\`, `"""`, `'''`, "a'''\nb\"\"\"\nc",
		"line\nbreak", "\n", "\nlead", "trail\n", "trail\n\n", "cr\rx", "crlf\r\nx\r\n",
		"tab\tx", "nul\x00x", "  lead and trail  ", " \n ", "ünï©ødé 睡眠 🙂", "\u2028\u2029\u0085\ufeff",
		"\x7f\x1b[0m", "\xff\xfe", "a\xc3", "{{.Name}}", "- a\n- b", "# not a comment\n: x", "yes", "null", "~",
	} {
		f.Add("guides/sleep.p-1a2b3c4d", s, "")
		f.Add(s, "text", s)
	}
	f.Fuzz(func(t *testing.T, id, other, desc string) {
		c := &Catalog{Lang: "fr", Slug: "guides/sleep", Entries: []Entry{
			{ID: id, Description: desc, Hash: "sha256:00", Other: other},
			{ID: id + ".next", Other: other + "\n" + desc},
		}}
		refusable := !utf8.ValidString(id) || !utf8.ValidString(other) || !utf8.ValidString(desc) ||
			id == "" || reserved[strings.ToLower(id)]
		for _, format := range Formats {
			data, err := Marshal(c, format)
			if err != nil {
				if !refusable {
					t.Fatalf("%s: Marshal(%q, %q, %q): %v", format, id, other, desc, err)
				}
				continue
			}
			if refusable {
				t.Fatalf("%s: Marshal accepted %q, %q, %q", format, id, other, desc)
			}
			got, err := Parse(Path("locales", "fr", "guides/sleep", format), data)
			if err != nil {
				t.Fatalf("%s: Parse: %v\n%s", format, err, data)
			}
			if !equalEntries(got.Entries, c.Entries) {
				t.Fatalf("%s: round trip:\n got %#v\nwant %#v\n%s", format, got.Entries, c.Entries, data)
			}
		}
	})
}
