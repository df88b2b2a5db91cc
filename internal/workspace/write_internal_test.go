package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
	"github.com/lingo-l10n/lingo/internal/config"
)

// BenchmarkWrite writes 400 new files of 4 KB in 20 folders: one fsync per
// file (atomicfile.WriteFile alone), against writeAll, which
// syncs the file system once per batch. Files are created in a folder of
// TMPDIR: run it on the disk the projects live on.
func BenchmarkWrite(b *testing.B) {
	data := make([]byte, 4096)
	files := func(dir string) []Pending {
		var fs []Pending
		for i := range 400 {
			fs = append(fs, Pending{Path: filepath.Join(dir, fmt.Sprint(i%20), fmt.Sprintf("%d.md", i)), Data: data})
		}
		return fs
	}
	b.Run("fsync-each", func(b *testing.B) {
		for b.Loop() {
			for _, f := range files(b.TempDir()) {
				if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
					b.Fatal(err)
				}
				if err := atomicfile.WriteFile(f.Path, f.Data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("writeAll", func(b *testing.B) {
		for b.Loop() {
			dir := b.TempDir()
			p := &Project{Config: &config.Config{Dir: dir}, folders: &atomicfile.Folders{}}
			if _, err := p.WriteAll(files(dir)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
