//go:build !linux

package atomicfile

import "os"

// syncFS does nothing where syncfs(2) is not known: each file is synced on
// its own.
func syncFS(*os.File) {}
