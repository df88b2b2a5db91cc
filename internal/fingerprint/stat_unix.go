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
func statDir(dir string, visit func(name string, isDir bool, size, mtime int64, id uint64) bool) []string {
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
		if visit(name, st.Mode&unix.S_IFMT == unix.S_IFDIR, st.Size, st.Mtim.Nano(), identityOf(&st)) {
			keep = append(keep, name)
		}
	}
	return keep
}

// identityOf mixes a file's change time and inode: what changes when the
// file is rewritten, even with its old size and modification time.
func identityOf(st *unix.Stat_t) uint64 {
	return uint64(st.Ctim.Nano())*0x9e3779b97f4a7c15 ^ uint64(st.Ino)
}

// Identity is identityOf the file at path (not following a link), 0 when
// it cannot be read.
func Identity(path string) uint64 {
	var st unix.Stat_t
	if unix.Lstat(path, &st) != nil {
		return 0
	}
	return identityOf(&st)
}
