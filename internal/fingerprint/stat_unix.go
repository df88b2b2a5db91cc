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
func statDir(dir string, visit func(name string, isDir, isRegular bool, size, mtime int64, id uint64) bool) []string {
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
		kind := st.Mode & unix.S_IFMT
		if visit(name, kind == unix.S_IFDIR, kind == unix.S_IFREG, st.Size, st.Mtim.Nano(), identityOf(&st)) {
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

// Stat is what one stat call says of the file at path, following a link:
// its size, modification time (nanoseconds) and identity (identityOf).
func Stat(path string) (size, mtime int64, id uint64, err error) {
	return stat(path, unix.Stat)
}

// Lstat is Stat of path itself, a link not followed.
func Lstat(path string) (size, mtime int64, id uint64, err error) {
	return stat(path, unix.Lstat)
}

func stat(path string, call func(string, *unix.Stat_t) error) (size, mtime int64, id uint64, err error) {
	var st unix.Stat_t
	for {
		if err = call(path, &st); err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return 0, 0, 0, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	return st.Size, st.Mtim.Nano(), identityOf(&st), nil
}
