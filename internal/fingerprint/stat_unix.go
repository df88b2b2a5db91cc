//go:build unix

package fingerprint

import (
	"os"

	"golang.org/x/sys/unix"
)

// statDir calls visit for every entry of dir with what lstat says of it,
// and returns the names for which visit returned true. It stats each name
// relative to the open directory (fstatat), which spares the kernel the
// walk down the whole path for every file.
func statDir(dir string, visit func(name string, isDir bool, size, mtime int64) bool) []string {
	f, err := os.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	names, _ := f.Readdirnames(-1)
	fd := int(f.Fd())
	var st unix.Stat_t
	var keep []string
	for _, name := range names {
		if unix.Fstatat(fd, name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
			continue
		}
		if visit(name, st.Mode&unix.S_IFMT == unix.S_IFDIR, st.Size, st.Mtim.Nano()) {
			keep = append(keep, name)
		}
	}
	return keep
}
