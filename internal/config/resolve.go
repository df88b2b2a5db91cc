package config

import (
	"fmt"
	"path/filepath"
	"strings"
)

// resolvedFolders refuses content, locales and output folders that, once
// symbolic links are followed, leave the project or overlap: the rules of
// folders, on the folders as the system finds them. A folder not there yet
// is taken as written (lingo creates it, as a real folder).
func resolvedFolders(c *Config, path string, data []byte) error {
	v := validator{path: path, data: data}
	root, err := filepath.EvalSymlinks(c.Dir)
	if err != nil {
		return nil // the folder lingo.toml was read from: nothing to compare
	}
	var fs []folder
	for _, f := range []folder{{"content", c.Content, ""}, {"locales", c.Locales, ""}, {"output", c.Output, ""}} {
		real, err := filepath.EvalSymlinks(filepath.Join(c.Dir, f.val))
		if err != nil {
			continue
		}
		rel, err := filepath.Rel(root, real)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			v.fail(f.key, -1, fmt.Sprintf("%s %q is a symbolic link to %s, outside the project (the folder of %s): lingo reads and writes only inside it",
				f.key, f.val, real, FileName))
			return v.err
		}
		f.rel = rel
		fs = append(fs, f)
	}
	for i, a := range fs {
		for _, b := range fs[i+1:] {
			if overlaps(a.rel, b.rel) {
				v.fail(b.key, -1, fmt.Sprintf("%s %q and %s %q are the same folder, or one holds the other, once symbolic links are followed (%s): %s",
					a.key, a.val, b.key, b.val, filepath.ToSlash(b.rel), folderConflicts[[2]string{a.key, b.key}]))
				return v.err
			}
		}
	}
	return nil
}
