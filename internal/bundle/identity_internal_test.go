package bundle

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestIdentity: a bundle file's identity is the same after the project's
// folder moves (a build then trusts the files it wrote), and changes when
// the file is replaced, even by one of the same size and time, as editors
// save.
func TestIdentity(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "project", "out", "bundle", "es", "dose.es.toml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("[a]\nother = \"b\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	was := identity(path)
	if was == "" {
		t.Fatal("a file has no identity")
	}
	moved := filepath.Join(dir, "moved")
	if err := os.Rename(filepath.Join(dir, "project"), moved); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(moved, "out", "bundle", "es", "dose.es.toml")
	if got := identity(path); got != was {
		t.Errorf("after the project's folder moved, the identity is %s, was %s", got, was)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+".new", []byte("[a]\nother = \"c\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path+".new", time.Time{}, info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		t.Fatal(err)
	}
	// Where files have inodes and change times (not Windows, where the
	// output folder's times catch the rename).
	if got := identity(path); got == was && runtime.GOOS != "windows" {
		t.Errorf("a file replaced by one of the same size and time kept its identity %s", got)
	}
	if got := identity(filepath.Join(moved, "none.toml")); got != "" {
		t.Errorf("no file has the identity %q", got)
	}
}
