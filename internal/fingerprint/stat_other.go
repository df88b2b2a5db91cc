//go:build !unix

package fingerprint

import "os"

// statDir calls visit for every entry of dir with what lstat says of it,
// and returns the names for which visit returned true.
func statDir(dir string, visit func(name string, isDir bool, size, mtime int64, id uint64) bool) []string {
	ents, _ := os.ReadDir(dir)
	var keep []string
	for _, e := range ents {
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if visit(e.Name(), fi.IsDir(), fi.Size(), fi.ModTime().UnixNano(), 0) {
			keep = append(keep, e.Name())
		}
	}
	return keep
}

// Identity is 0: this system's FileInfo has no change time or inode.
func Identity(string) uint64 { return 0 }
