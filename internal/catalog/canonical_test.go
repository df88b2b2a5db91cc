package catalog

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"
)

const canonicalPath = "locales/fr/guides/sleep.fr.toml"

// sameAsFull checks that whenever parseCanonical reads data, it reads what
// the full parser reads, and that Parse returns it. It reports whether the
// fast path read data.
func sameAsFull(t *testing.T, path string, data []byte) bool {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte(bom))
	if len(data) == 0 || !utf8.Valid(data) {
		return false // Parse answers before either decoder runs
	}
	entries, ok := parseCanonical(data)
	if !ok {
		return false
	}
	c, err := Parse(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	full, err := parseFull(c, path, "toml", data)
	if err != nil {
		t.Fatalf("%s: the fast path reads a file the full parser refuses (%v):\n%s", path, err, data)
	}
	if !reflect.DeepEqual(entries, full.Entries) {
		t.Fatalf("%s: the fast path reads\n%#v\nthe full parser\n%#v\nfrom\n%s", path, entries, full.Entries, data)
	}
	got, err := Parse(path, data)
	if err != nil || !reflect.DeepEqual(got.Entries, entries) {
		t.Fatalf("%s: Parse does not return what the fast path reads (%v)", path, err)
	}
	return true
}

// repoCatalogs returns every TOML catalog in the repository's testdata and
// locales folders, and those in the CLI's test scripts, by name.
func repoCatalogs(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		slash := filepath.ToSlash(path)
		inData := strings.Contains(slash, "/testdata/") || strings.Contains(slash, "/locales/")
		switch {
		case inData && strings.HasSuffix(path, ".toml"):
			data, err := os.ReadFile(path)
			files[slash] = data
			return err
		case inData && strings.HasSuffix(path, ".txtar"):
			a, err := txtar.ParseFile(path)
			if err != nil {
				return err
			}
			for _, f := range a.Files {
				if strings.HasSuffix(f.Name, ".toml") {
					files[slash+":"+f.Name] = f.Data
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCanonicalRepo reads every catalog of the repository both ways. The
// catalogs lingo wrote itself must take the fast path.
func TestCanonicalRepo(t *testing.T) {
	fast := 0
	files := repoCatalogs(t)
	for name, data := range files {
		path := name[strings.LastIndex(name, ":")+1:]
		if _, err := Parse(path, nil); err != nil {
			path = canonicalPath // not a catalog's name: read it as one
		}
		read := sameAsFull(t, path, data)
		if read {
			fast++
		}
		if (strings.HasPrefix(name, "../../locales/") || strings.HasPrefix(name, "../../internal/catalog/testdata/")) && !read {
			t.Errorf("%s: written by lingo, but the fast path does not read it", name)
		}
	}
	t.Logf("%d of %d catalogs read by the fast path", fast, len(files))
}

func TestCanonical(t *testing.T) {
	const head = "# guides/sleep: fr catalog, written by lingo.\n\n"
	for _, tc := range []struct {
		name string
		data string
		fast bool
	}{
		{"header only", head, true},
		{"one entry", head + "['a.b']\ndescription = 'd'\nhash = 'h'\nother = 'x'\n", true},
		{"bare and basic keys", "[ab]\nother = 'x'\n\n[\"it's\"]\nother = \"\"\n", true},
		{"no final newline", "['a']\nother = 'x'", true},
		{"comments and blank lines", "# en: x\n\n\n# y\n['a']\nother = 'x'\n# after\n\n", true},
		{"plural forms", "['a']\none = 'un'\nfew = ''\nother = 'des'\n", true},
		{"escapes", `['a']` + "\n" + `other = "\"q\" \\ \t \u00e9 \U0001F642 \b\f\r\n"` + "\n", true},
		{"multi-line", "['a']\nother = \"\"\"\nline\n'''\n\\\"\\\"\\\"\"\"\"\"\n\n['b']\nother = '''\nx\n\"\"\"\n'''\n", true},
		{"multi-line without a first newline", "['a']\nother = '''x\ny'''''\n", true},
		{"empty", "", false},
		{"dotted key", "[a.b]\nother = 'x'\n", false},
		{"dotted field", "['a']\nother.x = 'x'\n", false},
		{"inline table", "a = { other = 'x' }\n", false},
		{"top-level key", "other = 'x'\n", false},
		{"array table", "[['a']]\nother = 'x'\n", false},
		{"spaces in header", "[ 'a' ]\nother = 'x'\n", false},
		{"indented field", "['a']\n  other = 'x'\n", false},
		{"tight equals", "['a']\nother='x'\n", false},
		{"trailing space", "['a']\nother = 'x' \n", false},
		{"trailing comment", "['a']\nother = 'x' # note\n", false},
		{"comment between fields", "['a']\nhash = 'h'\n# c\nother = 'x'\n", false},
		{"blank line between fields", "['a']\nhash = 'h'\n\nother = 'x'\n", false},
		{"indented comment", " # c\n['a']\nother = 'x'\n", false},
		{"fields out of order", "['a']\nother = 'x'\nhash = 'h'\n", false},
		{"field twice", "['a']\nhash = 'h'\nhash = 'h'\nother = 'x'\n", false},
		{"no other", "['a']\nhash = 'h'\n", false},
		{"unknown field", "['a']\nid = 'a'\nother = 'x'\n", false},
		{"upper-case field", "['a']\nOther = 'x'\n", false},
		{"duplicate table", "['a']\nother = 'x'\n['a']\nother = 'y'\n", false},
		{"reserved ID", "['Other']\nother = 'x'\n", false},
		{"empty ID", "['']\nother = 'x'\n", false},
		{"CRLF", "['a']\r\nother = 'x'\r\n", false},
		{"control character", "['a']\nother = 'x\x01'\n", false},
		{"DEL in comment", "# \x7f\n['a']\nother = 'x'\n", false},
		{"newline in string", "['a']\nother = 'x\ny'\n", false},
		{"unterminated", "['a']\nother = 'x\n", false},
		{"line-ending backslash", "['a']\nother = \"\"\"x\\\n  y\"\"\"\n", false},
		{"TOML 1.1 escape", "['a']\nother = \"\\e\"\n", false},
		{"surrogate escape", "['a']\nother = \"\\ud800\"\n", false},
		{"six quotes", "['a']\nother = '''x''''''\n", false},
		{"number", "['a']\nother = 1\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, ok := parseCanonical([]byte(tc.data)); ok != tc.fast && tc.data != "" {
				t.Errorf("fast path reads it: %v, want %v", ok, tc.fast)
			}
			if sameAsFull(t, canonicalPath, []byte(tc.data)) != tc.fast {
				t.Errorf("Parse takes the fast path: %v, want %v", !tc.fast, tc.fast)
			}
		})
	}
}

// FuzzCanonical checks that the fast path never reads a file the full
// parser refuses or reads otherwise, on arbitrary bytes, and that it reads
// every catalog Marshal writes.
func FuzzCanonical(f *testing.F) {
	for _, s := range samples {
		data, err := Marshal(s.cat, "toml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "id", "text")
	}
	for _, data := range repoCatalogs(f) {
		f.Add(data, "guides/sleep.p-1a2b3c4d", "It's \"x\"\n'''y\"\"\"\\")
	}
	f.Fuzz(func(t *testing.T, data []byte, id, other string) {
		sameAsFull(t, canonicalPath, data)

		c := &Catalog{Lang: "fr", Slug: "guides/sleep", Entries: []Entry{
			{ID: id, Description: string(data), Hash: "sha1-00", Other: other, Comment: string(data)},
			{ID: id + ".2", Other: other + "\n", Plural: map[string]string{"one": other}},
		}}
		b, err := Marshal(c, "toml")
		if err != nil {
			return // FuzzRoundTrip checks which catalogs Marshal refuses
		}
		if !sameAsFull(t, canonicalPath, b) {
			t.Fatalf("the fast path does not read what Marshal writes:\n%s", b)
		}
	})
}
