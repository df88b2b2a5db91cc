// Package atomicfile writes files so that no reader, and no run killed
// midway, ever sees one half-written: each file goes to a temporary file
// beside its target (same folder, so the same file system), is synced to
// disk, and is renamed over the target. A batch of files is synced once for
// all of them before the first rename, so a run that writes thousands of
// files pays for one journal commit per batch, not one per file. On Linux
// and macOS the work is renameio's; on Windows the standard library's
// rename, which replaces the target in one step (MoveFileEx). Temporary
// files a killed run left behind are recognized by IsTemp. Folders tells
// whether a folder, its symbolic links followed, lies inside those a
// writer may write in.
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// File is a file to write: its path and its bytes.
type File struct {
	Path string
	Data []byte
}

// Error is a failed write, naming the file.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return fmt.Sprintf("write %s: %v", e.Path, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// WriteFile writes data to path atomically, creating its folder if needed.
func WriteFile(path string, data []byte) error {
	_, err := Write([]File{{Path: path, Data: data}})
	return err
}

// Write writes files atomically, in order, skipping those whose bytes are
// already on disk, and returns the indexes of those it wrote. The file
// system is synced once for the batch before the first file replaces its
// target; a failure stops the batch (the files before it are written, the
// temporary files of the rest removed) and is an *Error.
func Write(files []File) ([]int, error) {
	var temps []pendingFile
	var idx []int
	defer func() {
		for _, t := range temps {
			t.Cleanup() // a no-op for those renamed
		}
	}()
	for i, f := range files {
		if OnDisk(f) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			return nil, &Error{f.Path, err}
		}
		t, err := newPendingFile(f.Path)
		if err != nil {
			return nil, &Error{f.Path, err}
		}
		temps = append(temps, t)
		if _, err := t.Write(f.Data); err != nil {
			return nil, &Error{f.Path, err}
		}
		idx = append(idx, i)
	}
	if len(temps) > 1 {
		syncFS(temps[0].File()) // best effort: each file is still synced on its own
	}
	for n, t := range temps {
		if err := t.CloseAtomicallyReplace(); err != nil {
			return idx[:n], &Error{files[idx[n]].Path, err}
		}
	}
	return idx, nil
}

// pendingFile is a temporary file that replaces its target when closed.
type pendingFile interface {
	Write([]byte) (int, error)
	File() *os.File
	CloseAtomicallyReplace() error
	Cleanup() error
}

// OnDisk reports whether f's bytes are already its file's (compared only
// when the sizes agree, a block at a time: a page of megabytes is not
// read twice into memory, and the first block that differs ends it).
func OnDisk(f File) bool {
	if fi, err := os.Stat(f.Path); err != nil || fi.Size() != int64(len(f.Data)) {
		return false
	}
	file, err := os.Open(f.Path)
	if err != nil {
		return false
	}
	defer file.Close()
	buf := make([]byte, min(len(f.Data), 64<<10)+1)
	for data := f.Data; len(data) > 0; {
		n, err := io.ReadFull(file, buf[:min(len(buf)-1, len(data))])
		if err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	n, _ := file.Read(buf) // none: the file did not grow since
	return n == 0
}

// IsTemp reports whether name is the temporary file of a write that did not
// finish: a dot, the name of its target (with one of exts), and a random
// number of at least six digits.
func IsTemp(name string, exts ...string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	base := strings.TrimRightFunc(name, func(r rune) bool { return r >= '0' && r <= '9' })
	if len(name)-len(base) < 6 {
		return false
	}
	for _, ext := range exts {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	return false
}
