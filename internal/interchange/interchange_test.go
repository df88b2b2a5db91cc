package interchange

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/diag"
)

// tool finds an external validator; without it the test fails (.ci/run
// installs both): a validation left out would pass unseen.
func tool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s not found: install Debian package %s (.ci/run does)", name, pkg)
	}
	return path
}

// validateFiles runs the real tool on written files: msgfmt --check for PO,
// xmllint against the OASIS schema for XLIFF.
func validateFiles(t *testing.T, format string, paths []string) {
	t.Helper()
	if len(paths) == 0 {
		return
	}
	switch format {
	case "po":
		msgfmt := tool(t, "msgfmt", "gettext")
		for _, p := range paths {
			if out, err := exec.Command(msgfmt, "--check", "-o", os.DevNull, p).CombinedOutput(); err != nil {
				data, _ := os.ReadFile(p)
				t.Errorf("msgfmt --check %s: %v\n%s\n--- file:\n%s", p, err, out, data)
			}
		}
	default:
		xmllint := tool(t, "xmllint", "libxml2-utils")
		schema := map[string]string{"xliff": "xliff-core-1.2-strict.xsd", "xliff2": "xliff-core-2.0.xsd"}[format]
		args := append([]string{"--noout", "--nonet", "--schema", filepath.Join("testdata", "schemas", schema)}, paths...)
		if out, err := exec.Command(xmllint, args...).CombinedOutput(); err != nil {
			t.Errorf("xmllint --schema %s: %v\n%s", schema, err, out)
		}
	}
}

// roundTrip writes d in every format, validates the files with the real
// tools and checks that Read gives d back.
func roundTrip(t *testing.T, docs []*Document) {
	t.Helper()
	for _, format := range Formats {
		dir := t.TempDir()
		var paths []string
		for i, d := range docs {
			data, err := Write(d, format)
			if err != nil {
				t.Fatalf("%s: Write doc %d: %v", format, i, err)
			}
			path := filepath.Join(dir, fmt.Sprintf("doc%d%s", i, Extension(format)))
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, path)
			back, err := Read(path, data)
			if err != nil {
				t.Fatalf("%s: Read doc %d: %v\n%s", format, i, err, data)
			}
			if !reflect.DeepEqual(normal(back), normal(d)) {
				t.Errorf("%s: doc %d does not round-trip:\n got %#v\nwant %#v\n%s", format, i, back, d, data)
			}
		}
		validateFiles(t, format, paths)
	}
}

// normal makes an empty unit list nil, as Read returns it.
func normal(d *Document) *Document {
	c := *d
	if len(c.Units) == 0 {
		c.Units = nil
	}
	return &c
}

// repoDocs builds a document per language from the repository's catalogs.
func repoDocs(t *testing.T) []*Document {
	t.Helper()
	root := filepath.Join("..", "..", "locales")
	srcFiles, _ := filepath.Glob(filepath.Join(root, "en", "*.en.toml"))
	if len(srcFiles) == 0 {
		t.Fatalf("no source catalogs under %s", root)
	}
	var docs []*Document
	for _, lang := range []string{"es", "fr", "de", "ar", "en-XA"} {
		d := &Document{SourceLang: "en", TargetLang: lang}
		for _, sf := range srcFiles {
			src := parse(t, sf)
			slug := strings.TrimSuffix(filepath.Base(sf), ".en.toml")
			tf := filepath.Join(root, lang, slug+"."+lang+".toml")
			byID := map[string]catalog.Entry{}
			if _, err := os.Stat(tf); err == nil {
				for _, e := range parse(t, tf).Entries {
					byID[e.ID] = e
				}
			}
			for _, e := range src.Entries {
				u := Unit{ID: e.ID, Source: e.Other, Context: e.Description, Location: fmt.Sprintf("content/%s.md:%d", slug, e.Line), Hash: e.Hash, State: New}
				if tr, ok := byID[e.ID]; ok && tr.Other != "" {
					u.Target, u.State, u.Hash = tr.Other, Translated, tr.Hash
					if tr.Hash != e.Hash {
						u.State, u.Previous = NeedsReview, "previous: "+e.Other
					}
				}
				d.Units = append(d.Units, u)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

func parse(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestInterchangeRoundTripRepoCatalogs(t *testing.T) {
	roundTrip(t, repoDocs(t))
}

func TestInterchangeRoundTripEmpty(t *testing.T) {
	roundTrip(t, []*Document{{SourceLang: "en", TargetLang: "fr"}})
}

// randomText draws a string rich in what formats get wrong: quotes,
// newlines, markup, escapes and non-ASCII text.
func randomText(r *rand.Rand, n int) string {
	atoms := []string{"a", "Zeta", " ", "  ", "\n", "\t", "\"", "'", "<", ">", "&", "&amp;", "\\", "\\n", "é", "日本", "🙂", "\u200f",
		"`code`", "``a ` b``", "[link](https://example.org/a_(b) \"t\")", "![alt](img.png)", "<https://x.org>", "<b>", "</b>",
		"{{ .Name }}", "{{< figure src=\"x.png\" alt=\"A\" >}}", "{{% note %}}", "*", "**bold**", "_", "%s", "%d", "]]>", "<!--", "#", "msgid \"x\"", "\r\n", "\r"}
	var b strings.Builder
	for range r.IntN(n) + 1 {
		b.WriteString(atoms[r.IntN(len(atoms))])
	}
	return b.String()
}

// trimNL drops leading and trailing line breaks: gettext requires a
// translation to begin and end with one exactly when its source does,
// and lingo's messages never do.
func trimNL(s string) string { return strings.Trim(s, "\r\n") }

func TestInterchangeRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var docs []*Document
	for range 60 {
		d := &Document{SourceLang: "en", TargetLang: []string{"fr", "ar", "pt-BR", "zz"}[r.IntN(4)]}
		for i := range r.IntN(8) {
			u := Unit{
				ID:       fmt.Sprintf("guides/%s.p-%d", []string{"a", "b"}[r.IntN(2)], i),
				Source:   trimNL(randomText(r, 12)),
				Context:  strings.ReplaceAll(randomText(r, 4), "\r", ""),
				Location: fmt.Sprintf("content/guides/x%d.md:%d", r.IntN(2), r.IntN(200)+1),
				Hash:     fmt.Sprintf("sha1-%040x", r.Uint64()),
				State:    []State{New, Translated, NeedsReview, Machine}[r.IntN(4)],
			}
			if r.IntN(3) == 0 {
				u.Context = ""
			}
			if u.State != New {
				u.Target = trimNL(randomText(r, 12))
				if u.Target == "" {
					u.Target = "x"
				}
			}
			if u.State == NeedsReview {
				u.Previous = randomText(r, 6)
			}
			if u.State == Machine {
				u.Engine = "apertium eng-spa 0.8.1-2"
			}
			d.Units = append(d.Units, u)
		}
		docs = append(docs, d)
	}
	roundTrip(t, docs)
}

// TestInterchangeControlCharacters checks the characters XML 1.0 cannot
// carry: XLIFF 2.0 writes them as <cp>, PO as escapes, XLIFF 1.2 refuses.
func TestInterchangeControlCharacters(t *testing.T) {
	d := &Document{SourceLang: "en", TargetLang: "fr", Units: []Unit{{ID: "a.p-1", Source: "bell\a and \x01 and \x7f", Target: "x\x0b", State: Translated}}}
	for _, format := range []string{"xliff2", "po"} {
		data, err := Write(d, format)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		back, err := Read("x"+Extension(format), data)
		if err != nil || !reflect.DeepEqual(back, d) {
			t.Errorf("%s: got %#v, %v", format, back, err)
		}
	}
	if _, err := Write(d, "xliff"); err == nil || !strings.Contains(err.Error(), "XML cannot carry") {
		t.Errorf("xliff: want an error for U+0001, got %v", err)
	}
}

func TestInterchangeProtected(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Run `go test` now", "Run [`go test`] now"},
		{"See [the docs](https://x.org \"Title\") here", "See [[]the docs[](https://x.org \"Title\")] here"},
		{"An ![image](a.png) and <https://x.org>", "An [![]image[](a.png)] and [<https://x.org>]"},
		{"Bare www.example.com link", "Bare [www.example.com] link"},
		{"[**bold** link](/a)", "[[]**bold** link[](/a)]"},
		{"[ref link][label] stays", "[ref link][label] stays"},
		{"Tag <span class=\"x\">text</span>", "Tag [<span class=\"x\">]text[</span>]"},
		{"{{< figure src=\"a.png\" >}} and {{ .Params.x }} and {{% note %}}", "[{{< figure src=\"a.png\" >}}] and [{{ .Params.x }}] and [{{% note %}}]"},
		{"`a {{ b }}` c", "[`a {{ b }}`] c"},
		{"5 < 6 & 7", "5 < 6 & 7"},
		{"``code with ` tick``", "[``code with ` tick``]"},
	}
	sp := newSplitter()
	for _, tt := range tests {
		var b strings.Builder
		for _, pc := range sp.split(tt.in) {
			if pc.protected {
				b.WriteString("[" + pc.text + "]")
			} else {
				b.WriteString(pc.text)
			}
		}
		if b.String() != tt.want {
			t.Errorf("split(%q)\n got %s\nwant %s", tt.in, b.String(), tt.want)
		}
	}
}

func TestInterchangeBadInput(t *testing.T) {
	tests := []struct {
		name, path, data, want string
		line                   int
	}{
		{"xml not well-formed", "x.xlf", "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file>\n</xliff>\n", "XML", 4},
		{"not xliff", "x.xlf", "<html/>", "not <xliff>", 1},
		{"xliff version", "x.xlf", "<xliff version=\"3.0\"/>", "unsupported XLIFF version", 1},
		{"unknown entity", "x.xlf", "<xliff version=\"1.2\">\n&nbsp;</xliff>", "XML", 2},
		{"xliff2 bad dataRef", "x.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n<file id=\"f\"><unit id=\"u\">\n<segment><source><ph id=\"1\" dataRef=\"d9\"/></source></segment></unit></file></xliff>", "refers to no <data>", 3},
		{"po bad string", "x.po", "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"unterminated\nmsgstr \"\"\n", "quoted string", 5},
		{"po bad escape", "x.po", "msgctxt \"a\"\nmsgid \"x\\q\"\nmsgstr \"\"\n", "unknown escape", 2},
		{"po keyword", "x.po", "msgctxt \"a\"\nmsgid \"x\"\nmsgstring \"\"\n", "unknown keyword", 3},
		{"po plural forms", "x.po", "msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n", "nplurals=2, but ar has 6", 1},
		{"po plural forms syntax", "x.po", "msgid \"\"\nmsgstr \"Plural-Forms: two\\n\"\n", "Plural-Forms", 1},
		{"po plural entry", "x.po", "msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"\"\n", "singular", 1},
		{"invalid utf-8", "x.po", "msgid \"\"\nmsgstr \"\\xff\"\n#. \xff\n", "UTF-8", 3},
	}
	for _, tt := range tests {
		_, err := Read(tt.path, []byte(tt.data))
		var de *diag.Error
		if !errors.As(err, &de) {
			t.Errorf("%s: want a *diag.Error, got %v", tt.name, err)
			continue
		}
		if de.Path != tt.path || de.Line != tt.line || !strings.Contains(de.Msg, tt.want) {
			t.Errorf("%s: got %q (line %d), want %s:%d: …%s…", tt.name, err, de.Line, tt.path, tt.line, tt.want)
		}
	}
}

func FuzzInterchangeRead(f *testing.F) {
	d := &Document{SourceLang: "en", TargetLang: "fr", Units: []Unit{
		{ID: "a.p-1", Source: "Run `x` [l](u) {{< s >}} <b>t</b>", Target: "T `x`", State: Translated, Context: "c", Location: "content/a.md:1", Hash: "sha1-1"},
		{ID: "a.p-2", Source: "two\nlines", State: New},
		{ID: "a.p-3", Source: "new", Target: "vieux", Previous: "old", State: NeedsReview},
	}}
	for _, format := range Formats {
		data, err := Write(d, format)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("x"+Extension(format), data)
	}
	f.Add("x.po", []byte("#| msgid \"a\"\n#~ msgid \"b\"\nmsgid \"\"\n\"x\"\nmsgstr[1] \"\"\n"))
	f.Fuzz(func(t *testing.T, path string, data []byte) {
		d, err := Read(path, data)
		if err != nil {
			var de *diag.Error
			if !errors.As(err, &de) {
				t.Fatalf("error is not a *diag.Error: %v", err)
			}
			return
		}
		for _, format := range Formats {
			_, _ = Write(d, format) // must not panic; may refuse
		}
	})
}
