//go:build !unix

package fingerprint

import "os"

// statDir calls visit for every entry of dir with what lstat says of it,
// and returns the names for which visit returned true.
func statDir(dir string, visit func(name string, isDir, isRegular bool, size, mtime int64, id uint64) bool) []string {
	ents, _ := os.ReadDir(dir)
	var keep []string
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if visit(e.Name(), fi.IsDir(), fi.Mode().IsRegular(), fi.Size(), fi.ModTime().UnixNano(), 0) {
			keep = append(keep, e.Name())
		}
	}
	return keep
}

// Stat is what stat says of the file at path, following a link: its size
// and modification time (nanoseconds); its identity is 0 here (this
// system's FileInfo has no change time or inode).
func Stat(path string) (size, mtime int64, id uint64, err error) {
	return stat(os.Stat(path))
}

// Lstat is Stat of path itself, a link not followed.
func Lstat(path string) (size, mtime int64, id uint64, err error) {
	return stat(os.Lstat(path))
}

func stat(fi os.FileInfo, err error) (size, mtime int64, id uint64, _ error) {
	if err != nil {
		return 0, 0, 0, err
	}
	return fi.Size(), fi.ModTime().UnixNano(), 0, nil
}
