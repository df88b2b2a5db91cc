package testcorpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnchanged requires every file of the corpora byte for byte as
// testdata/corpus/SHA256SUMS lists it (the upstream files, as copied), and
// no file missing or added: a checkout that rewrote line ends or a byte
// order mark would fail here rather than in the tests that read them.
func TestUnchanged(t *testing.T) {
	root := Dir(t)
	f, err := os.Open(filepath.Join(root, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS: bad line %q", sc.Text())
		}
		want[name] = sum
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) < 1900 {
		t.Fatalf("SHA256SUMS lists %d files, want the whole corpora", len(want))
	}
	seen := 0
	for _, dir := range []string{"hugo-docs", "cncf-glossary"} {
		err := filepath.WalkDir(Dir(t, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			name = filepath.ToSlash(name)
			if name == "cncf-glossary/LICENSE-docs" { // the notice added here
				return nil
			}
			sum, ok := want[name]
			if !ok {
				t.Errorf("%s: not in SHA256SUMS", name)
				return nil
			}
			seen++
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if got := sha256.Sum256(data); hex.EncodeToString(got[:]) != sum {
				t.Errorf("%s: content differs from SHA256SUMS (line ends or encoding rewritten?)", name)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d files SHA256SUMS lists", seen, len(want))
	}
}

// TestDirJoins returns an existing folder below the corpus root.
func TestDirJoins(t *testing.T) {
	d := Dir(t, "hugo-docs", "en")
	if !filepath.IsAbs(d) || filepath.Base(filepath.Dir(filepath.Dir(d))) != "corpus" {
		t.Errorf("Dir(hugo-docs, en) = %s", d)
	}
}
