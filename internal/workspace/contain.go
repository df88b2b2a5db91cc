package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
	"github.com/lingo-l10n/lingo/internal/diag"
)

// The folders lingo writes and removes files in: the locale and output
// folders, and its own .lingo folder. A path is inside one only when its
// folder, with every symbolic link followed, is: a link from out/fr to a
// folder elsewhere does not take lingo's writes, or its removals, there.

// Contained returns an error for a path lingo would write or remove that,
// once its folder's symbolic links are followed, is not inside a folder
// lingo writes in.
func (p *Project) Contained(path string) error {
	dir := filepath.Dir(path)
	if p.folders.Inside(dir, p.writable) {
		return nil
	}
	return &diag.Error{Path: p.Rel(path), Msg: fmt.Sprintf(
		"its folder leads to %s (a symbolic link): lingo writes and removes files only inside %s and %s; replace the link with a folder",
		atomicfile.RealDir(dir), p.Rel(p.Config.LocalesDir()), p.Rel(p.Config.OutputDir()))}
}

// writable are the folders lingo writes and removes files in.
func (p *Project) writable() []string {
	return []string{p.Config.LocalesDir(), p.Config.OutputDir(), filepath.Join(p.Config.Dir, ".lingo")}
}

// Remove removes the file at path, one lingo wrote, when it lies inside a
// folder lingo writes in (contained); a file already gone is no error.
// It reports whether it removed one.
func (p *Project) Remove(path string) (bool, error) {
	if err := p.Contained(path); err != nil {
		return false, err
	}
	if p.graph != nil && p.inLocales(path) {
		p.graph.orphans.forget()
	}
	done := p.writesLocales(path)
	err := os.Remove(path)
	if done != nil && err == nil {
		done()
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}

// writesLocales is WritesLocales' done for a file lingo is about to write
// or remove at path; nil when path is not under the catalogs' folder or
// no one asked.
func (p *Project) writesLocales(path string) func() {
	if p.WritesLocales == nil || !p.inLocales(path) {
		return nil
	}
	return p.WritesLocales(path)
}

// inLocales reports whether path is under the catalogs' folder.
func (p *Project) inLocales(path string) bool {
	rel, err := filepath.Rel(p.Config.LocalesDir(), path)
	return err == nil && filepath.IsLocal(rel)
}
