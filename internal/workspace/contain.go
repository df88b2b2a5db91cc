package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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
	if p.folders.inside(dir, p.writable) {
		return nil
	}
	return &diag.Error{Path: p.Rel(path), Msg: fmt.Sprintf(
		"its folder leads to %s (a symbolic link): lingo writes and removes files only inside %s and %s; replace the link with a folder",
		realDir(dir), p.Rel(p.Config.LocalesDir()), p.Rel(p.Config.OutputDir()))}
}

// writable are the folders lingo writes and removes files in.
func (p *Project) writable() []string {
	return []string{p.Config.LocalesDir(), p.Config.OutputDir(), filepath.Join(p.Config.Dir, ".lingo")}
}

// folders remembers, for a project and the commands run on it, the
// folders lingo writes in and whether each folder a write went to lies
// inside one, so that a build of many files resolves each folder once,
// not every file's path. A nil *folders remembers nothing.
type folders struct {
	mu    sync.Mutex
	of    []string        // the folders lingo writes in, as configured
	roots []string        // the same, resolved
	dirs  map[string]bool // folder → inside a root
}

// inside reports whether dir, resolved, is inside one of the folders
// roots lists.
func (f *folders) inside(dir string, roots func() []string) bool {
	if f == nil {
		f = &folders{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if of := roots(); !slices.Equal(of, f.of) { // first use, or the config changed
		f.of, f.roots, f.dirs = of, nil, map[string]bool{}
		for _, root := range of {
			f.roots = append(f.roots, realDir(root))
		}
	}
	if ok, seen := f.dirs[dir]; seen {
		return ok
	}
	real := realDir(dir)
	ok := slices.ContainsFunc(f.roots, func(root string) bool { return within(real, root) })
	f.dirs[dir] = ok
	return ok
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

// realDir is dir with every symbolic link followed, as far as it exists;
// the part that does not exist yet is joined as written.
func realDir(dir string) string {
	dir = filepath.Clean(dir)
	var rest []string
	for {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return filepath.Join(append([]string{dir}, rest...)...)
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
		dir = parent
	}
}

// within reports whether dir is root or inside it.
func within(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
