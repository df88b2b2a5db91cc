package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
	"github.com/lingo-l10n/lingo/internal/atomicfile"
)

// LockFile is the file, at the project root, that keeps two lingo runs
// that write apart. The operating system releases the lock when a run
// ends, even when it is killed, so a stale lock never blocks the next run.
const LockFile = ".lingo.lock"

// ErrLocked is the error of a run that found the project held by another
// (errors.Is matches it): lingo exits with its own code then.
var ErrLocked = errors.New("another lingo run is writing this project")

// Lock waits until no other lingo run holds the project, for as long as ctx
// allows, and returns the function that releases it.
func (p *Project) Lock(ctx context.Context) (func(), error) {
	l := flock.New(filepath.Join(p.Config.Dir, LockFile))
	ok, err := l.TryLockContext(ctx, 100*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("lock %s: %w", LockFile, err)
	}
	if !ok {
		return nil, fmt.Errorf("%w (it holds %s); try again when it ends", ErrLocked, LockFile)
	}
	// A run that ended leaves the mark; one that was killed does not, and
	// only then are the folders searched for what it left behind.
	mark := filepath.Join(p.cacheFolder(), endedMark)
	if os.Remove(mark) != nil {
		p.removeTempFiles()
	}
	return func() {
		if _, err := os.Stat(filepath.Dir(mark)); err == nil {
			_ = os.WriteFile(mark, nil, 0o644)
		}
		_ = l.Unlock()
	}, nil
}

// endedMark, in the project's cache folder, says that the last run
// holding the lock ended: it let go of the lock, as a run that was killed
// does not. A run takes it away when it takes the lock; without a cache,
// the folders are searched every time.
const endedMark = "ended"

// removeTempFiles deletes what a killed run left behind: the temporary
// files of atomic writes (".<name><digits>", beside their target) in the
// folders lingo writes. Holding the lock, no other run is writing them.
func (p *Project) removeTempFiles() {
	for _, dir := range []string{p.Config.LocalesDir(), p.Config.OutputDir()} {
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && isTempFile(d.Name()) {
				_ = os.Remove(path)
			}
			return nil
		})
	}
}

// isTempFile recognizes the temporary files of atomic writes (a dot, the
// name of a file lingo writes, and a random number).
func isTempFile(name string) bool {
	return atomicfile.IsTemp(name, ".toml", ".json", ".yaml", ".md", ".html")
}
