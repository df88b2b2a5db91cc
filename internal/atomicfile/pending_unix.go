//go:build !windows

package atomicfile

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// newPendingFile is renameio's pending file beside path, which keeps the
// permissions of a file it replaces (0644 for a new one).
func newPendingFile(path string) (pendingFile, error) {
	t, err := renameio.NewPendingFile(path, renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithPermissions(0o644), renameio.WithExistingPermissions())
	if err != nil {
		return nil, err
	}
	return unixFile{t}, nil
}

type unixFile struct{ *renameio.PendingFile }

func (f unixFile) File() *os.File { return f.PendingFile.File }
