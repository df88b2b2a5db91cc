// Package filehash gives the SHA-256 of files, reading a file only when
// its size, modification time, change time or inode differ from those it
// had when it was last hashed, as git's index does (a file rewritten with
// its old size and modification time restored is read again): a table of what it hashed is kept on disk
// between runs. A file changed in the same instant it was hashed would look
// unchanged to a later stat, so a record made too soon after the file's
// modification time is never trusted (git's "racy" files): the file is
// read again.
// The table is a cache: deleting it costs one read of every file.
package filehash

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
	"github.com/lingo-l10n/lingo/internal/fingerprint"
)

// Absent is the hash of a file that does not exist.
const Absent = "-"

// format changes when the table's layout does; a table of another format
// is ignored.
const format = 2

// racy is how close to its record a file's modification time may be
// before the record is no longer trusted: more than the clock tick of file
// systems that keep fractions of a second, and for those that keep whole
// seconds, FAT's two.
func racy(mtime int64) int64 {
	if mtime%int64(time.Second) == 0 {
		return int64(2 * time.Second)
	}
	return int64(100 * time.Millisecond)
}

// record is what the table knows of one file.
type record struct {
	Size  int64
	Mtime int64  // nanoseconds since the epoch
	ID    uint64 // change time and inode (the identity fingerprint.Stat gives)
	At    int64  // when it was hashed, nanoseconds since the epoch
	Hash  string
}

// disk is the table as it is stored.
type disk struct {
	Format  int
	Records map[string]record
}

// Table hashes files, remembering what it hashed. It is safe for
// concurrent use.
type Table struct {
	// Known, if set, says what a walk already saw of the file at path
	// (its size, modification time and identity, as fingerprint.Stat says
	// them; ok false when it did not see it), in place of a stat.
	Known func(path string) (size, mtime int64, id uint64, ok bool)

	path string
	mu   sync.Mutex
	recs map[string]record
	used bool // a record was added or changed since Open
}

// Open loads the table stored at path; a missing or unreadable table is an
// empty one.
func Open(path string) *Table {
	t := &Table{path: path, recs: map[string]record{}}
	data, err := os.ReadFile(path)
	if err != nil {
		return t
	}
	var d disk
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&d) == nil && d.Format == format && d.Records != nil {
		t.recs = d.Records
	}
	return t
}

// Hash is the SHA-256 of the file at path, in hex, or Absent when there is
// no such file.
func (t *Table) Hash(path string) (string, error) {
	size, mtime, id, known := int64(0), int64(0), uint64(0), false
	if t.Known != nil {
		size, mtime, id, known = t.Known(path)
	}
	if !known {
		var err error
		size, mtime, id, err = fingerprint.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return Absent, nil
		}
		if err != nil {
			return "", err
		}
	}
	t.mu.Lock()
	rec, ok := t.recs[path]
	t.mu.Unlock()
	if ok && rec.Size == size && rec.Mtime == mtime && rec.ID == id && mtime < rec.At-racy(mtime) {
		return rec.Hash, nil
	}
	at := time.Now().UnixNano()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Absent, nil
	}
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(data)
	rec = record{Size: size, Mtime: mtime, ID: id, At: at, Hash: hex.EncodeToString(sum[:])}
	if int64(len(data)) != size { // written to while read: hash it again next time
		rec.At = 0
	}
	t.mu.Lock()
	t.recs[path] = rec
	t.used = true
	t.mu.Unlock()
	return rec.Hash, nil
}

// Save writes the table back to disk, atomically, when it learnt anything.
func (t *Table) Save() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.used {
		return nil
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(disk{Format: format, Records: t.recs}); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(t.path, buf.Bytes()); err != nil {
		return err
	}
	t.used = false
	return nil
}
