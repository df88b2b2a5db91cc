package project

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// LockFile is the file, at the project root, that keeps two lingo runs
// that write apart. The operating system releases the lock when a run
// ends, even when it is killed, so a stale lock never blocks the next run.
const LockFile = ".lingo.lock"

// Lock waits until no other lingo run holds the project, for as long as ctx
// allows, and returns the function that releases it.
func (p *Project) Lock(ctx context.Context) (func(), error) {
	l := flock.New(filepath.Join(p.Config.Dir, LockFile))
	ok, err := l.TryLockContext(ctx, 100*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("lock %s: %w", LockFile, err)
	}
	if !ok {
		return nil, fmt.Errorf("another lingo run is writing this project (it holds %s); try again when it ends", LockFile)
	}
	return func() { _ = l.Unlock() }, nil
}
