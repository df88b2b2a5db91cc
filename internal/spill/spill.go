// Package spill keeps values on disk rather than in memory: Add writes a
// batch of values to a temporary file and returns where it lies, and Read
// brings one batch back, in whatever order the caller needs them. lingo
// check keeps its findings there, one batch per catalog, so that its
// memory follows the largest article, not the number of findings. Batches
// are JSON; the file is removed by Close (and, where the system allows it,
// unlinked as soon as it is created, so that nothing is left behind by a
// process that is killed).
package spill

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	json "github.com/goccy/go-json"
)

// File holds batches of T. Add may be called from several goroutines.
type File[T any] struct {
	mu   sync.Mutex
	f    *os.File
	w    *bufio.Writer
	size int64 // bytes added, flushed or not
}

// Batch is where one batch lies in the file.
type Batch struct {
	off, n int64
}

// New creates an empty spill file in the system's temporary folder.
func New[T any]() (*File[T], error) {
	f, err := os.CreateTemp("", "lingo-spill-*.json")
	if err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	_ = os.Remove(f.Name()) // open files outlive their name on Unix; Close removes it elsewhere
	return &File[T]{f: f, w: bufio.NewWriterSize(f, 1<<16)}, nil
}

// Add writes vs as one batch.
func (s *File[T]) Add(vs []T) (Batch, error) {
	data, err := json.Marshal(vs)
	if err != nil {
		return Batch{}, fmt.Errorf("spill: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b := Batch{off: s.size, n: int64(len(data))}
	if _, err := s.w.Write(data); err != nil {
		return Batch{}, fmt.Errorf("spill: %w", err)
	}
	s.size += b.n
	return b, nil
}

// Read returns the values of batch b.
func (s *File[T]) Read(b Batch) ([]T, error) {
	s.mu.Lock()
	err := s.w.Flush()
	s.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	data := make([]byte, b.n)
	if _, err := s.f.ReadAt(data, b.off); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("spill: %w", err)
	}
	var vs []T
	if err := json.Unmarshal(data, &vs); err != nil {
		return nil, fmt.Errorf("spill: %w", err)
	}
	return vs, nil
}

// Close closes and removes the file. A nil *File closes without error.
func (s *File[T]) Close() error {
	if s == nil {
		return nil
	}
	err := s.f.Close()
	if rerr := os.Remove(s.f.Name()); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
		err = rerr
	}
	return err
}
