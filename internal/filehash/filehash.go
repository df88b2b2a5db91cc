// Package filehash gives the SHA-256 of files, reading a file only when
// its size, modification time, change time or inode differ from those it
// had when it was last hashed, as git's index does (a file rewritten with
// its old size and modification time restored is read again): a table of
// what it hashed is kept on disk between runs, in a bbolt file, one record
// per file, read only for the files a run asks about and written only
// where a run learnt something (at 10,000 articles × 10 languages a table
// read and written whole was 89 MB on every build). A file changed in the
// same instant it was hashed would look unchanged to a later stat, so a
// record made too soon after the file's modification time is never
// trusted (git's "racy" files): the file is read again. The table is a
// cache: deleting it costs one read of every file.
package filehash

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/lingo-l10n/lingo/internal/fingerprint"
	"github.com/lingo-l10n/lingo/internal/unitcache"
	bolt "go.etcd.io/bbolt"
)

// Absent is the hash of a file that does not exist.
const Absent = "-"

// format changes when the table's layout does; a table of another format
// is made again.
const format = "lingo-filehash-3"

// bucket holds the records, by path.
var bucket = []byte("files")

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

// Trusted reports whether what a stat says of a file modified at mtime can
// be trusted at a time after at (both in nanoseconds since the epoch) to
// say whether it changed since at: the file was modified long enough
// before at that a change after at shows in its modification time.
func Trusted(mtime, at int64) bool { return mtime < at-racy(mtime) }

// record is what the table knows of one file.
type record struct {
	Size  int64
	Mtime int64  // nanoseconds since the epoch
	ID    uint64 // change time and inode (the identity fingerprint.Stat gives)
	At    int64  // when it was hashed, nanoseconds since the epoch
	Hash  string
}

// encode is rec as the table stores it: its numbers, then its hash.
// holds reports whether rec's hash is that of the file a stat says is of
// size, mtime and id: it was taken of that file, and can be trusted.
func (rec record) holds(size, mtime int64, id uint64) bool {
	return rec.Size == size && rec.Mtime == mtime && rec.ID == id && Trusted(mtime, rec.At)
}

func (rec record) encode() []byte {
	out := make([]byte, 0, 32+len(rec.Hash))
	for _, n := range []uint64{uint64(rec.Size), uint64(rec.Mtime), rec.ID, uint64(rec.At)} {
		out = binary.LittleEndian.AppendUint64(out, n)
	}
	return append(out, rec.Hash...)
}

// decode reads a record encode made.
func decode(data []byte) (record, bool) {
	if len(data) < 32 {
		return record{}, false
	}
	n := func(i int) uint64 { return binary.LittleEndian.Uint64(data[8*i:]) }
	return record{Size: int64(n(0)), Mtime: int64(n(1)), ID: n(2), At: int64(n(3)), Hash: string(data[32:])}, true
}

// Table hashes files, remembering what it hashed. It is safe for
// concurrent use.
type Table struct {
	// Known, if set, says what a walk already saw of the file at path
	// (its size, modification time and identity, as fingerprint.Stat says
	// them; ok false when it did not see it), in place of a stat.
	Known func(path string) (size, mtime int64, id uint64, ok bool)

	path string
	db   *bolt.DB // nil until the file is there and can be used
	mu   sync.Mutex
	recs map[string]record // learnt since Open or the last save
	read unitcache.Reads   // the read transaction lookups share until Save or Close
}

// Open opens the table stored at path; a missing or unusable table is an
// empty one. The file is made by the first Save.
func Open(path string) *Table {
	t := &Table{path: path, recs: map[string]record{}}
	if _, err := os.Stat(path); err == nil {
		t.db = unitcache.OpenDB(path, format)
	}
	return t
}

// Close closes the table's file.
func (t *Table) Close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.read.End()
	if t.db == nil {
		return nil
	}
	err := t.db.Close()
	t.db = nil
	return err
}

// lookup is the record of path: learnt in this run, or stored. Lookups
// share one read transaction: a build looks up every input, 110,000 of
// them at 10,000 articles × 10 languages.
func (t *Table) lookup(path string) (record, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if rec, ok := t.recs[path]; ok || t.db == nil {
		return rec, ok
	}
	if b := t.read.Bucket(t.db, bucket); b != nil {
		return decode(b.Get([]byte(path)))
	}
	return record{}, false
}

// Stat is what a walk saw of the file at path (Known), else what the
// system says of it.
func (t *Table) Stat(path string) (size, mtime int64, id uint64, err error) {
	if t.Known != nil {
		if size, mtime, id, ok := t.Known(path); ok {
			return size, mtime, id, nil
		}
	}
	return fingerprint.Stat(path)
}

// HashedAt is when the file at path was hashed, if the table holds a hash
// of it as a stat now says it is (size, mtime, id) that can be trusted.
func (t *Table) HashedAt(path string, size, mtime int64, id uint64) (int64, bool) {
	rec, ok := t.lookup(path)
	if !ok || !rec.holds(size, mtime, id) {
		return 0, false
	}
	return rec.At, true
}

// Hash is the SHA-256 of the file at path, in hex, or Absent when there is
// no such file.
func (t *Table) Hash(path string) (string, error) {
	size, mtime, id, err := t.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Absent, nil
	}
	if err != nil {
		return "", err
	}
	if rec, ok := t.lookup(path); ok && rec.holds(size, mtime, id) {
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
	rec := record{Size: size, Mtime: mtime, ID: id, At: at, Hash: hex.EncodeToString(sum[:])}
	if int64(len(data)) != size { // written to while read: hash it again next time
		rec.At = 0
	}
	t.mu.Lock()
	t.recs[path] = rec
	if len(t.recs) >= saveEvery {
		_ = t.save() // what it could not store stays, for the next save
	}
	t.mu.Unlock()
	return rec.Hash, nil
}

// saveEvery is how many records a table learns before it stores them: a
// first build hashes every file of the project (220,000 at 10,000
// articles × 10 languages), and held each record and its path until its
// end (18 MB at 3,714 × 10).
var saveEvery = 8192

// Save stores what the table learnt since Open or the last Save, in one
// transaction.
func (t *Table) Save() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.save()
}

func (t *Table) save() error {
	t.read.End()
	if len(t.recs) == 0 {
		return nil
	}
	if t.db == nil {
		if t.db = unitcache.OpenDB(t.path, format); t.db == nil {
			return errors.New("filehash: cannot use " + t.path)
		}
	}
	err := t.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return err
		}
		writes := make(map[string][]byte, len(t.recs))
		for path, rec := range t.recs {
			writes[path] = rec.encode()
		}
		return unitcache.PutSorted(b, writes)
	})
	if err == nil {
		t.recs = map[string]record{}
	}
	return err
}
