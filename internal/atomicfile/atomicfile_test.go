package atomicfile_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
)

// TestWrite writes a batch: new files and folders are created, a file
// whose bytes are already on disk is left alone (not even its time
// changes), and no temporary file stays behind.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	same := filepath.Join(dir, "same.md")
	if err := os.WriteFile(same, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	old, _ := os.Stat(same)
	files := []atomicfile.File{
		{Path: filepath.Join(dir, "a", "b", "new.md"), Data: []byte("new")},
		{Path: same, Data: []byte("kept")},
		{Path: filepath.Join(dir, "c.toml"), Data: nil},
	}
	idx, err := atomicfile.Write(files)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(idx, []int{0, 2}) {
		t.Errorf("wrote %v, want [0 2]", idx)
	}
	for _, f := range files {
		got, err := os.ReadFile(f.Path)
		if err != nil || string(got) != string(f.Data) {
			t.Errorf("%s: %q, %v; want %q", f.Path, got, err, f.Data)
		}
	}
	if now, _ := os.Stat(same); !now.ModTime().Equal(old.ModTime()) {
		t.Errorf("%s was rewritten", same)
	}
	// Replacing keeps the file whole.
	if err := atomicfile.WriteFile(same, []byte("replaced")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(same); string(got) != "replaced" {
		t.Errorf("after WriteFile: %q", got)
	}
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && atomicfile.IsTemp(d.Name(), ".md", ".toml") {
			t.Errorf("temporary file left: %s", path)
		}
		return nil
	})
}

// TestWriteError names the file that could not be written, and leaves no
// temporary file.
func TestWriteError(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "x")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(blocker, "a.md") // its folder is a file
	_, err := atomicfile.Write([]atomicfile.File{{Path: target, Data: []byte("a")}})
	var ae *atomicfile.Error
	if !errors.As(err, &ae) || ae.Path != target {
		t.Fatalf("err = %v, want an *Error for %s", err, target)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d entries in %s, want only x", len(entries), dir)
	}
}

func TestIsTemp(t *testing.T) {
	for name, want := range map[string]bool{
		".a011.fr.toml5901818417805767852": true,
		".ketamine.html973487992970402327": true,
		".a012.en.toml":                    false,
		"a.fr.toml5901818417805767852":     false,
		".notes.txt12345678":               false,
		".gitkeep":                         false,
	} {
		if got := atomicfile.IsTemp(name, ".toml", ".html"); got != want {
			t.Errorf("IsTemp(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestOnDisk: a file is on disk when its bytes are the file's, however
// large (compared a block at a time) and wherever they differ.
func TestOnDisk(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("<tr><td>row</td></tr>\n"), 20000) // 440 KB: several blocks
	path := filepath.Join(dir, "status.html")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	changed := func(at int) []byte {
		b := bytes.Clone(big)
		b[at] = 'X'
		return b
	}
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"the same bytes", bytes.Clone(big), true},
		{"a byte changed in the first block", changed(3), false},
		{"a byte changed in a later block", changed(300_000), false},
		{"the last byte changed", changed(len(big) - 1), false},
		{"shorter", big[:len(big)-1], false},
		{"longer", append(bytes.Clone(big), '\n'), false},
		{"empty", nil, false},
	} {
		if got := atomicfile.OnDisk(atomicfile.File{Path: path, Data: c.data}); got != c.want {
			t.Errorf("%s: OnDisk = %v, want %v", c.name, got, c.want)
		}
	}
	if atomicfile.OnDisk(atomicfile.File{Path: filepath.Join(dir, "none.html"), Data: big}) {
		t.Error("a file that is not there is on disk")
	}
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if !atomicfile.OnDisk(atomicfile.File{Path: empty}) {
		t.Error("an empty file is not on disk as empty bytes")
	}
}
