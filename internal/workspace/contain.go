package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// The folders lingo writes and removes files in: the locale and output
// folders, and its own .lingo folder. A path is inside one only when its
// folder, with every symbolic link followed, is: a link from out/fr to a
// folder elsewhere does not take lingo's writes, or its removals, there.

// contained returns an error for a path lingo would write or remove that,
// once its folder's symbolic links are followed, is not inside a folder
// lingo writes in.
func (p *Project) contained(path string) error {
	dir := realDir(filepath.Dir(path))
	for _, root := range []string{p.Config.LocalesDir(), p.Config.OutputDir(), filepath.Join(p.Config.Dir, ".lingo")} {
		if within(dir, realDir(root)) {
			return nil
		}
	}
	return &diag.Error{Path: p.Rel(path), Msg: fmt.Sprintf(
		"its folder leads to %s (a symbolic link): lingo writes and removes files only inside %s and %s; replace the link with a folder",
		dir, p.Rel(p.Config.LocalesDir()), p.Rel(p.Config.OutputDir()))}
}

// Remove removes the file at path, one lingo wrote, when it lies inside a
// folder lingo writes in (contained); a file already gone is no error.
// It reports whether it removed one.
func (p *Project) Remove(path string) (bool, error) {
	if err := p.contained(path); err != nil {
		return false, err
	}
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
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
