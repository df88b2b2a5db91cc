package atomicfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// syncFS writes to disk everything the file system of f has in memory.
func syncFS(f *os.File) {
	unix.Syncfs(int(f.Fd()))
}
