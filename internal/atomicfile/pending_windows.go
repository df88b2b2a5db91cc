package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows"
)

// newPendingFile creates a temporary file beside path, named as renameio
// names its own (a dot, the target's name, random digits).
func newPendingFile(path string) (pendingFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*")
	if err != nil {
		return nil, err
	}
	return &windowsFile{f: f, target: path}, nil
}

// windowsFile is a temporary file renamed over its target with os.Rename,
// which on Windows is MoveFileEx with MOVEFILE_REPLACE_EXISTING: the target
// is replaced in one step.
type windowsFile struct {
	f      *os.File
	target string
	done   bool
}

func (w *windowsFile) Write(b []byte) (int, error) { return w.f.Write(b) }
func (w *windowsFile) File() *os.File              { return w.f }

func (w *windowsFile) CloseAtomicallyReplace() error {
	if err := w.f.Sync(); err != nil {
		return err
	}
	if err := w.f.Close(); err != nil {
		return err
	}
	// A virus scanner or indexer that has just opened the target makes the
	// rename fail for a moment: retry briefly, as the go command does.
	var err error
	for wait := 10 * time.Millisecond; wait < time.Second; wait *= 2 {
		if err = os.Rename(w.f.Name(), w.target); err == nil || !transient(err) {
			break
		}
		time.Sleep(wait)
	}
	if err == nil {
		w.done = true
	}
	return err
}

func (w *windowsFile) Cleanup() error {
	if w.done {
		return nil
	}
	w.f.Close()
	return os.Remove(w.f.Name())
}

// transient reports whether err is one of the errors another process's
// open handle causes for a moment.
func transient(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION)
}
