package atomicfile_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
)

// TestFoldersInside: a folder is inside a writer's folder when it is, or
// lies below it, once symbolic links are followed; a link that leads
// elsewhere takes the folder outside, and a folder not made yet is judged
// by the part that exists.
func TestFoldersInside(t *testing.T) {
	dir := t.TempDir()
	out, elsewhere := filepath.Join(dir, "out"), filepath.Join(dir, "elsewhere")
	for _, d := range []string{filepath.Join(out, "fr"), elsewhere} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(elsewhere, filepath.Join(out, "de")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	roots := func() []string { return []string{out} }
	f := &atomicfile.Folders{}
	for _, c := range []struct {
		dir  string
		want bool
	}{
		{out, true},
		{filepath.Join(out, "fr"), true},
		{filepath.Join(out, "fr", "not", "made"), true},
		{filepath.Join(out, "de"), false},
		{filepath.Join(out, "de", "guides"), false},
		{filepath.Join(out, ".."), false},
		{elsewhere, false},
	} {
		for range 2 { // the second answer is the one remembered
			if got := f.Inside(c.dir, roots); got != c.want {
				t.Errorf("Inside(%s) = %v, want %v", c.dir, got, c.want)
			}
		}
	}
}
