package atomicfile

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// A writer writes and removes files only inside its own folders, and a
// path is inside one only when its folder, with every symbolic link
// followed, is: a link from out/fr to a folder elsewhere does not take
// the writes, or the removals, there.

// Folders remembers, for a writer (a project and the commands run on it),
// the folders it writes in and whether each folder a write went to lies
// inside one, so that a build of many files resolves each folder once,
// not every file's path. A nil *Folders remembers nothing.
type Folders struct {
	mu    sync.Mutex
	of    []string        // the folders lingo writes in, as configured
	roots []string        // the same, resolved
	dirs  map[string]bool // folder → inside a root
}

// Inside reports whether dir, resolved (RealDir), is inside one of the
// folders roots lists.
func (f *Folders) Inside(dir string, roots func() []string) bool {
	if f == nil {
		f = &Folders{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if of := roots(); !slices.Equal(of, f.of) { // first use, or the config changed
		f.of, f.roots, f.dirs = of, nil, map[string]bool{}
		for _, root := range of {
			f.roots = append(f.roots, RealDir(root))
		}
	}
	if ok, seen := f.dirs[dir]; seen {
		return ok
	}
	real := RealDir(dir)
	ok := slices.ContainsFunc(f.roots, func(root string) bool { return within(real, root) })
	f.dirs[dir] = ok
	return ok
}

// RealDir is dir with every symbolic link followed, as far as it exists;
// the part that does not exist yet is joined as written.
func RealDir(dir string) string {
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
