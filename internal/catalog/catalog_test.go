package catalog

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// samples are the catalogs of the golden and round-trip tests.
var samples = []struct {
	name string
	cat  *Catalog
}{
	{"empty", &Catalog{Lang: "en", Slug: "empty"}},
	{"ketamine", &Catalog{Lang: "en", Slug: "ketamine-and-the-brain", Entries: []Entry{
		{ID: "ketamine-and-the-brain.h1-1a2b3c4d", Hash: "sha256:1a2b3c4d", Other: "Ketamine and the Brain"},
		{ID: "ketamine-and-the-brain.p-5e6f7a8b", Description: "paragraph", Hash: "sha256:5e6f7a8b",
			Other: "About 50-80% of patients respond within **2-3 days**; see [the study](https://example.org/a?b=1&c=2)."},
		{ID: "ketamine-and-the-brain.li-00ff00ff", Other: "It's \"fast\", C:\\path, <b>bold</b> & tabs\there"},
	}}},
	{"multiline", &Catalog{Lang: "pt-BR", Slug: "guides/sleep", Entries: []Entry{
		{ID: "guides/sleep.p-00000001", Other: "line one\nline two"},
		{ID: "guides/sleep.p-00000002", Other: "ends with newline\n"},
		{ID: "guides/sleep.p-00000003", Other: "crlf\r\nline"},
		{ID: "guides/sleep.p-00000004", Other: "  indented first\nsecond"},
		{ID: "guides/sleep.p-00000005", Other: "trailing space \nnext"},
		{ID: "guides/sleep.p-00000006", Other: "quotes \"\"\" and ''' \n in text\\"},
		{ID: "guides/sleep.h2-00ff00ff-2", Description: "two\nlines", Other: "Überschrift — 睡眠 ✓"},
	}}},
}

func TestMarshalGolden(t *testing.T) {
	for _, s := range samples {
		for _, format := range Formats {
			t.Run(s.name+"/"+format, func(t *testing.T) {
				got, err := Marshal(s.cat, format)
				if err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", s.name+"."+s.cat.Lang+"."+format)
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if string(got) != string(want) {
					t.Errorf("Marshal differs from %s (run go test -update):\n%s", golden, got)
				}
				again, _ := Marshal(s.cat, format)
				if string(again) != string(got) {
					t.Error("Marshal is not deterministic")
				}
			})
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, s := range samples {
		for _, format := range Formats {
			t.Run(s.name+"/"+format, func(t *testing.T) {
				data, err := Marshal(s.cat, format)
				if err != nil {
					t.Fatal(err)
				}
				path := Path("locales", s.cat.Lang, s.cat.Slug, format)
				got, err := Parse(path, data)
				if err != nil {
					t.Fatal(err)
				}
				if got.Lang != s.cat.Lang || got.Slug != s.cat.Slug {
					t.Errorf("Parse(%s): Lang, Slug = %q, %q; want %q, %q", path, got.Lang, got.Slug, s.cat.Lang, s.cat.Slug)
				}
				if !equalEntries(got.Entries, s.cat.Entries) {
					t.Errorf("round trip:\n got %#v\nwant %#v", got.Entries, s.cat.Entries)
				}
				lines := strings.Split(string(data), "\n")
				for i, e := range got.Entries {
					if e.Line < 1 || e.Line > len(lines) || !strings.Contains(lines[e.Line-1], strings.Split(e.ID, ".")[0]) {
						t.Errorf("entry %q: Line %d does not hold its ID", e.ID, e.Line)
					}
					if i > 0 && e.Line <= got.Entries[i-1].Line {
						t.Errorf("entry %q: Line %d not after the previous entry's", e.ID, e.Line)
					}
				}
			})
		}
	}
}

// equalEntries compares entries ignoring Line.
func equalEntries(a, b []Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Line, y.Line = 0, 0
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestGoI18nLoads checks that every file Marshal writes loads with go-i18n's
// own Bundle under the right language tag, with every message.
func TestGoI18nLoads(t *testing.T) {
	for _, s := range samples {
		for _, format := range Formats {
			t.Run(s.name+"/"+format, func(t *testing.T) {
				data, err := Marshal(s.cat, format)
				if err != nil {
					t.Fatal(err)
				}
				path := Path(t.TempDir(), s.cat.Lang, s.cat.Slug, format)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				bundle := i18n.NewBundle(language.English)
				for ext, f := range UnmarshalFuncs() {
					bundle.RegisterUnmarshalFunc(ext, f)
				}
				mf, err := bundle.LoadMessageFile(path)
				if err != nil {
					t.Fatal(err)
				}
				tag := language.MustParse(s.cat.Lang)
				if mf.Tag != tag {
					t.Errorf("go-i18n tag = %v, want %v", mf.Tag, tag)
				}
				if tags := bundle.LanguageTags(); !containsTag(tags, tag) {
					t.Errorf("LanguageTags() = %v, want %v in it", tags, tag)
				}
				if len(mf.Messages) != len(s.cat.Entries) {
					t.Errorf("go-i18n read %d messages, want %d", len(mf.Messages), len(s.cat.Entries))
				}
				loc := i18n.NewLocalizer(bundle, s.cat.Lang)
				for _, e := range s.cat.Entries {
					got, gotTag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: e.ID})
					if err != nil {
						t.Errorf("Localize(%q): %v", e.ID, err)
						continue
					}
					if got != e.Other || gotTag != tag {
						t.Errorf("Localize(%q) = %q (%v), want %q (%v)", e.ID, got, gotTag, e.Other, tag)
					}
				}
			})
		}
	}
}

func containsTag(tags []language.Tag, t language.Tag) bool {
	for _, x := range tags {
		if x == t {
			return true
		}
	}
	return false
}

func TestParseDocumentOrderAndLines(t *testing.T) {
	tests := []struct {
		path, data string
		want       []Entry
	}{
		{"locales/fr/a.fr.toml", `# hand written
z = "zed"

["a.p-2"]
other = "two"

[nested]
  [nested."x.y"]
  other = "deep"

["a.p-1"] # after
other = 'one'
hash = "h"
`, []Entry{{ID: "z", Other: "zed", Line: 2}, {ID: "a.p-2", Other: "two", Line: 4}, {ID: "nested.x.y", Other: "deep", Line: 8}, {ID: "a.p-1", Other: "one", Hash: "h", Line: 11}}},
		{"locales/fr/a.fr.toml", "b = {other = \"B\"}\na.other = \"A\"\n", []Entry{{ID: "b", Other: "B", Line: 1}, {ID: "a", Other: "A", Line: 2}}},
		{"locales/fr/a.fr.json", "{\n  \"z\": {\"other\": \"Z\"},\n  \"a\": \"A\",\n  \"n\": {\n    \"m\": {\"Other\": \"M\"}\n  }\n}", []Entry{{ID: "z", Other: "Z", Line: 2}, {ID: "a", Other: "A", Line: 3}, {ID: "n.m", Other: "M", Line: 5}}},
		{"locales/fr/a.fr.yml", "# c\nz:\n  other: Z\na: A\nn:\n  m:\n    other: |\n      M\n", []Entry{{ID: "z", Other: "Z", Line: 2}, {ID: "a", Other: "A", Line: 4}, {ID: "n.m", Other: "M\n", Line: 6}}},
		{"locales/fr/a.fr.json", "", nil},
		{"locales/fr/a.fr.toml", "# nothing\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			c, err := Parse(tt.path, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Entries) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(c.Entries, tt.want) {
				t.Errorf("got  %+v\nwant %+v", c.Entries, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, path, data, want string
	}{
		{"unknown extension", "locales/fr/a.fr.ini", "", `locales/fr/a.fr.ini: unknown catalog format "ini" (want toml, json or yaml)`},
		{"no language", "locales/fr/a.toml", "", `locales/fr/a.toml: file name "a.toml" is not <slug>.<lang>.<format>`},
		{"bad tag", "locales/x/a.english.toml", "", `locales/x/a.english.toml: invalid language tag "english" in file name`},
		{"und", "locales/und/a.und.toml", "", `locales/und/a.und.toml: invalid language tag "und" in file name`},
		{"underscore tag", "locales/x/a.en_US.toml", "", `locales/x/a.en_US.toml: invalid language tag "en_US" in file name`},
		{"toml syntax", "a.fr.toml", "[\"a\"]\nother = \"x\n", `a.fr.toml:2:11: the closing " of "other" is missing: end the text with " on the same line (a line break inside the text is written \n)`},
		{"toml duplicate", "a.fr.toml", "[\"a\"]\nother = \"x\"\n[\"a\"]\nother = \"y\"\n", `a.fr.toml:3:2: toml: table a already exists: an entry's ['ID'] line appears twice in the file; keep one of them`},
		{"toml number", "a.fr.toml", "[x]\nother = 3\n", `a.fr.toml:2:1: message "x.other" is a int64; lingo messages are strings or tables`},
		{"toml mixed", "a.fr.toml", "\n[x]\nfoo = \"a\"\nother = \"b\"\n", `a.fr.toml:2:2: message "x" mixes message fields with other keys`},
		{"toml array", "a.fr.toml", "\n\n[[x]]\nother = \"b\"\n", `a.fr.toml:3:3: message "x" is a list; lingo messages are strings or tables`},
		{"toml joined duplicate", "a.fr.toml", "[\"a.b\"]\nother = \"1\"\n[a.b]\nother = \"2\"\n", `a.fr.toml:3:2: message ID "a.b" is defined twice (first at line 1)`},
		{"toml top message", "a.fr.toml", "other = \"x\"\n", `a.fr.toml:1:1: expected a table of messages keyed by ID, found a single message`},
		{"json syntax", "a.fr.json", "{\n  \"a\": {\"other\": \"x\",}\n}\n", `a.fr.json:2:22: invalid character '}' looking for beginning of object key string`},
		{"json duplicate", "a.fr.json", "{\n  \"a\": \"x\",\n  \"a\": \"y\"\n}\n", `a.fr.json:3:3: duplicate key "a"`},
		{"json null", "a.fr.json", "{\n  \"a\": null\n}\n", `a.fr.json:2:3: message "a" is empty (null)`},
		{"json not object", "a.fr.json", "[1]", `a.fr.json:1:1: expected a table of messages (an empty catalog is {})`},
		{"yaml syntax", "a.fr.yaml", "a:\n  other: x\n b: y\n", `a.fr.yaml:2:1: yaml: did not find expected key`},
		{"yaml duplicate", "a.fr.yaml", "a: x\na: y\n", `a.fr.yaml:2:1: yaml: mapping key "a" already defined at line 1`},
		{"yaml comment only", "a.fr.yaml", "# nothing\n", `a.fr.yaml:1:1: expected a table of messages (an empty catalog is {})`},
		{"yaml merge", "a.fr.yaml", "b: &x\n  other: B\na:\n  <<: *x\n", `a.fr.yaml:4:3: YAML merge keys (<<) are not supported`},
		{"yaml int key", "a.fr.yaml", "a: A\n12: x\n", `a.fr.yaml:2:1: key "12" is not a string`},
		{"invalid utf8", "a.fr.toml", "[\"a\"]\nother = \"\xff\"\n", `a.fr.toml:2:10: invalid UTF-8`},
		{"invalid utf8 after a BOM", "a.fr.toml", "\ufeff\xff = 1\n", `a.fr.toml:1:1: invalid UTF-8`},
		{"toml syntax after a BOM", "a.fr.toml", "\ufeff[\"a\"]\nother = \"x\n", `a.fr.toml:2:11: the closing " of "other" is missing: end the text with " on the same line (a line break inside the text is written \n)`},
		{"json after a BOM, first line", "a.fr.json", "\ufeff{\"a\": null}", `a.fr.json:1:2: message "a" is empty (null)`},
		{"yaml second document", "a.fr.yaml", "a: x\n---\nb: y\n", `a.fr.yaml:2:1: a second YAML document starts here: a catalog is one document (go-i18n reads only the first); merge its entries into the first or remove it`},
		{"yaml second document after an end", "a.fr.yaml", "---\na: x\n...\n--- # more\nb: y\n", `a.fr.yaml:4:1: a second YAML document starts here: a catalog is one document (go-i18n reads only the first); merge its entries into the first or remove it`},
		{"yaml empty second document", "a.fr.yaml", "a: x\n---\n", `a.fr.yaml:2:1: a second YAML document starts here: a catalog is one document (go-i18n reads only the first); merge its entries into the first or remove it`},
		{"yaml aliasing", "a.fr.yaml", billionLaughs, `a.fr.yaml:2:8: yaml: document contains excessive aliasing: its aliases (*name) expand to too much text; lingo messages need no aliases`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.path, []byte(tt.data))
			if err == nil {
				t.Fatalf("Parse succeeded, want %s", tt.want)
			}
			if _, ok := err.(*Error); !ok {
				t.Errorf("error is a %T, want *Error", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
		})
	}
}

// billionLaughs is a YAML file whose aliases expand to 9⁷ strings.
var billionLaughs = func() string {
	var b strings.Builder
	b.WriteString("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i, name := range "bcdefg" {
		prev := string("abcdefg"[i])
		fmt.Fprintf(&b, "%c: &%c [%s]\n", name, name, strings.Repeat("*"+prev+",", 8)+"*"+prev)
	}
	return b.String()
}()

// TestParseBOM: a catalog saved with a byte order mark reads as the same
// catalog without one, in every format, and is written back without it.
func TestParseBOM(t *testing.T) {
	for _, s := range samples {
		for _, format := range Formats {
			t.Run(s.name+"/"+format, func(t *testing.T) {
				data, err := Marshal(s.cat, format)
				if err != nil {
					t.Fatal(err)
				}
				path := Path("locales", s.cat.Lang, s.cat.Slug, format)
				want, err := Parse(path, data)
				if err != nil {
					t.Fatal(err)
				}
				got, err := Parse(path, append([]byte("\ufeff"), data...))
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("with a BOM:\n got %+v\nwant %+v", got, want)
				}
				back, err := Marshal(got, format)
				if err != nil {
					t.Fatal(err)
				}
				if string(back) != string(data) {
					t.Errorf("written back:\n%q\nwant\n%q", back, data)
				}
			})
		}
	}
}

func TestMarshalErrors(t *testing.T) {
	tests := []struct {
		name, format string
		entries      []Entry
		want         string
	}{
		{"invalid utf8", "toml", []Entry{{ID: "a", Other: "\xff"}}, `catalog: entry "a": other is not valid UTF-8`},
		{"empty id", "json", []Entry{{Other: "x"}}, `catalog: entry 1 has an empty ID`},
		{"duplicate", "yaml", []Entry{{ID: "a"}, {ID: "a"}}, `catalog: duplicate ID "a"`},
		{"reserved", "toml", []Entry{{ID: "Translation"}}, `catalog: entry 1: ID "Translation" is a go-i18n field name`},
		{"format", "xml", nil, `catalog: unknown format "xml" (want toml, json or yaml)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Marshal(&Catalog{Lang: "en", Slug: "s", Entries: tt.entries}, tt.format)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Marshal error = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestPath(t *testing.T) {
	got := Path("locales", "pt-BR", "guides/sleep", "yaml")
	want := filepath.Join("locales", "pt-BR", "guides", "sleep.pt-BR.yaml")
	if got != want {
		t.Errorf("Path = %q, want %q", got, want)
	}
}

func TestLookup(t *testing.T) {
	c := &Catalog{Entries: []Entry{{ID: "a", Other: "A"}, {ID: "b"}}}
	for _, tt := range []struct {
		id   string
		want string
		ok   bool
	}{{"a", "A", true}, {"b", "", false}, {"c", "", false}} {
		if got, ok := c.Lookup(tt.id); got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.id, got, ok, tt.want, tt.ok)
		}
	}
}

// TestPluralRoundTrip keeps a translator's plural forms through every format.
func TestPluralRoundTrip(t *testing.T) {
	c := &Catalog{Lang: "fr", Slug: "a", Entries: []Entry{{ID: "a.p-1", Hash: "sha1-x",
		Plural: map[string]string{"one": "{{.N}} jour", "many": "{{.N}} de jours"}, Other: "{{.N}} jours"}}}
	for _, format := range Formats {
		data, err := Marshal(c, format)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("a.fr."+format, data)
		if err != nil {
			t.Fatal(err)
		}
		if !equalEntries(back.Entries, c.Entries) {
			t.Errorf("%s: %+v, want %+v", format, back.Entries, c.Entries)
		}
	}
}

// articleCatalog is a catalog of 80 messages, about the size of one
// article's.
func articleCatalog() *Catalog {
	c := &Catalog{Lang: "fr", Slug: "guides/dosing"}
	for i := range 80 {
		text := strings.Repeat(fmt.Sprintf("Sentence %d of the paragraph, 50-80%% of patients. ", i), 1+i%6)
		c.Entries = append(c.Entries, Entry{
			ID: fmt.Sprintf("guides/dosing.p-%08x", i), Description: "Paragraph of article guides/dosing",
			Hash: fmt.Sprintf("sha1-%040x", i), Other: text, Comment: "en: " + text,
		})
	}
	return c
}

// BenchmarkMarshal writes one article's catalog in each format.
func BenchmarkMarshal(b *testing.B) {
	c := articleCatalog()
	for _, format := range []string{"toml", "json", "yaml"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				if _, err := Marshal(c, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse parses a catalog of 80 messages in each format, about the
// size of one article's.
func BenchmarkParse(b *testing.B) {
	c := articleCatalog()
	for _, format := range []string{"toml", "json", "yaml"} {
		data, err := Marshal(c, format)
		if err != nil {
			b.Fatal(err)
		}
		path := "locales/fr/guides/dosing.fr." + format
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(path, data); err != nil {
					b.Fatal(err)
				}
			}
		})
		if format != "toml" {
			continue
		}
		// Parse above reads TOML by the fast path; these are its two
		// decoders alone, the full parser and the fast path.
		b.Run("toml-full", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := parseFull(&Catalog{}, path, format, data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("toml-fast", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, ok := parseCanonical(data); !ok {
					b.Fatal("the fast path does not read the catalog")
				}
			}
		})
	}
}
