// Package unitcache keeps what lingo worked out for each unit of a project
// (an article in a language), under the hash of everything the result was
// worked out from, in one bbolt file. A result is given back only when it
// was stored under the key asked for: a unit whose inputs changed is never
// answered from the cache. The cache is only ever an optimization: deleting
// the file, or a file another lingo holds, costs the work, nothing else;
// a cache that cannot be opened or written stores nothing. Values are JSON,
// encoded by goccy/go-json (encoding/json's output, in less time: a build
// reads a value for every unit, and lingo's other large machine files, the
// build's manifest and stamp, go the same way).
package unitcache

import (
	"bytes"
	"cmp"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	json "github.com/goccy/go-json"
	bolt "go.etcd.io/bbolt"
)

// format changes when the meaning of what is stored does: a file of
// another format is made again (OpenDB).
const format = "lingo-unitcache-2"

var metaBucket = []byte("meta")

// Cache is a unit cache; nil stores nothing.
type Cache struct {
	path   string
	mu     sync.Mutex // held for each read and write: the file's reads share one transaction
	db     *bolt.DB
	broken bool // the file cannot be used: store nothing
	reads  Reads
}

// Reads is a read transaction the reads of one bbolt file share until
// the next write: a build reads 100,000 results at 10,000 articles × 10
// languages, and a transaction of each costs more than the read. Its
// owner's lock guards it.
type Reads struct{ tx *bolt.Tx }

// Bucket is the bucket named name of db in the shared transaction, begun
// if need be; nil for none.
func (r *Reads) Bucket(db *bolt.DB, name []byte) *bolt.Bucket {
	if r.tx == nil {
		tx, err := db.Begin(false)
		if err != nil {
			return nil
		}
		r.tx = tx
	}
	return r.tx.Bucket(name)
}

// End ends the shared transaction, before a write (which must not wait
// for it: bbolt grows its file only when no read is open) and before the
// file is closed.
func (r *Reads) End() {
	if r.tx != nil {
		_ = r.tx.Rollback()
		r.tx = nil
	}
}

// Item is one result to store.
type Item struct {
	Bucket, Unit, Key string
	Value             any // encoded as JSON, or stored as it is when a Raw
}

// Raw is a result stored and given back as its bytes, with no encoding:
// for large text (a unit's part of a bundle file) that is read back often.
type Raw []byte

// Open opens the cache at path. The file is made by the first Put: until
// then, nothing is written.
func Open(path string) *Cache {
	c := &Cache{path: path}
	if _, err := os.Stat(path); err == nil {
		c.open()
	}
	return c
}

// open opens the file, making it and its folder if needed. When another
// lingo holds it for more than a moment, or it cannot be opened, the cache
// stores nothing.
func (c *Cache) open() *bolt.DB {
	if c.db != nil || c.broken {
		return c.db
	}
	c.broken = true
	db := OpenDB(c.path, format)
	if db == nil {
		return nil
	}
	c.db, c.broken = db, false
	return db
}

// Close closes the cache.
func (c *Cache) Close() error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads.End()
	if c.db == nil {
		return nil
	}
	return c.db.Close()
}

// read appends to dst a copy of the value of unit in bucket; nothing for
// none.
func (c *Cache) read(dst []byte, bucket, unit string) []byte {
	if c == nil {
		return dst
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.db == nil {
		return dst
	}
	b := c.reads.Bucket(c.db, []byte(bucket))
	if b == nil {
		return dst
	}
	return append(dst, b.Get([]byte(unit))...) // valid only in its transaction
}

// bufs are the buffers values are read into to be decoded, which copies
// what it keeps: a build reads a hundred megabytes of them at 10,000 × 10.
var bufs = sync.Pool{New: func() any { return new([]byte) }}

// decoded calls fn with the value of unit in bucket, in a buffer used
// again once fn returns, and returns what fn does.
func (c *Cache) decoded(bucket, unit string, fn func(data []byte) bool) bool {
	buf := bufs.Get().(*[]byte)
	defer bufs.Put(buf)
	*buf = c.read((*buf)[:0], bucket, unit)
	return fn(*buf)
}

// Get decodes into v the result of unit in bucket stored under key, and
// reports whether there was one.
func (c *Cache) Get(bucket, unit, key string, v any) bool {
	return c.decoded(bucket, unit, func(data []byte) bool {
		rest, ok := bytes.CutPrefix(data, []byte(key+"\n"))
		return ok && key != "" && decode(rest, v) == nil
	})
}

// decode decodes data, as Put stored it, into v.
func decode(data []byte, v any) error {
	if raw, ok := v.(*Raw); ok {
		*raw = bytes.Clone(data)
		return nil
	}
	return json.Unmarshal(data, v)
}

// Last decodes into v the result of unit in bucket, whatever key it was
// stored under (what the unit was before it changed), and reports whether
// there was one.
func (c *Cache) Last(bucket, unit string, v any) bool {
	return c.decoded(bucket, unit, func(data []byte) bool {
		_, rest, ok := bytes.Cut(data, []byte("\n"))
		return ok && decode(rest, v) == nil
	})
}

// Units is one record of what a step worked out for the units of one
// article: per language, the result and the unit's key it was worked out
// under. A step that asks after every unit on every run (sync, the bundle,
// check) keeps one per article: at 10,000 articles × 10 languages, 10,000
// reads in place of 110,000.
type Units[T any] map[string]UnitResult[T]

// UnitResult is a unit's result in Units, with its key.
type UnitResult[T any] struct {
	Key    string `json:"k"`
	Result T      `json:"r"`
}

// Of is the result of lang, if it was worked out under key; else the zero
// T, never another key's result (a caller decoding into it would keep
// what the new value leaves out).
func (u Units[T]) Of(lang, key string) (T, bool) {
	if r, ok := u[lang]; ok && key != "" && r.Key == key {
		return r.Result, true
	}
	var zero T
	return zero, false
}

// Set keeps result as that of lang worked out under key, and reports
// whether the record changed: whether lang had a result under another key.
func (u Units[T]) Set(lang, key string, result T) bool {
	changed := u[lang].Key != key
	u[lang] = UnitResult[T]{key, result}
	return changed
}

// Put stores items, each in its bucket under its key, replacing what
// their units had, in one transaction. They are put in the order of their
// units (the last of a unit's items wins): bbolt puts keys in order many
// times faster than in a random one (BenchmarkBoltPuts).
func (c *Cache) Put(items []Item) error {
	if c == nil || len(items) == 0 {
		return nil
	}
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(strings.Compare(a.Bucket, b.Bucket), strings.Compare(a.Unit, b.Unit))
	})
	vals := make([][]byte, len(items))
	for i, it := range items {
		data, ok := it.Value.(Raw)
		if !ok {
			var err error
			if data, err = json.Marshal(it.Value); err != nil {
				return err
			}
		}
		vals[i] = append([]byte(it.Key+"\n"), data...)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads.End()
	db := c.open()
	if db == nil {
		return nil
	}
	return db.Update(func(tx *bolt.Tx) error {
		for i, it := range items {
			b, err := tx.CreateBucketIfNotExists([]byte(it.Bucket))
			if err != nil {
				return err
			}
			if err := b.Put([]byte(it.Unit), vals[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// PutSorted writes to b each key of writes with its value, or deletes it
// where the value is nil, in the order of the keys: bbolt puts keys in
// order many times faster than in a random one (BenchmarkBoltPuts).
func PutSorted(b *bolt.Bucket, writes map[string][]byte) error {
	for _, k := range slices.Sorted(maps.Keys(writes)) {
		var err error
		if v := writes[k]; v == nil {
			err = b.Delete([]byte(k))
		} else {
			err = b.Put([]byte(k), v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Prune removes from bucket the units keep does not keep. keeping names
// what keep keeps (the hash of a list of articles): a bucket last pruned
// for the same keeping is not read again, as only what it keeps is put in
// it between runs.
func (c *Cache) Prune(bucket, keeping string, keep func(unit string) bool) error {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads.End()
	db := c.db
	if db == nil {
		return nil
	}
	mark := []byte("pruned " + bucket)
	done := false
	_ = db.View(func(tx *bolt.Tx) error {
		done = string(tx.Bucket(metaBucket).Get(mark)) == keeping
		return nil
	})
	if done {
		return nil
	}
	return db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(metaBucket).Put(mark, []byte(keeping)); err != nil {
			return err
		}
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		var gone [][]byte
		_ = b.ForEach(func(k, _ []byte) error {
			if !keep(string(k)) {
				gone = append(gone, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range gone {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// OpenDB opens the bbolt file at path, making it and its folder if need
// be, for a cache of the given format: a file of another format, or one
// that is not a bbolt file, or a damaged one, is made again (it only held
// what can be worked out again). A file of another format is removed, not
// emptied: emptying a 4.6 GB index leaves every page of it on bbolt's free
// list, which each write of the file then writes out again (an edit build
// after a change of format took 21 minutes at 10,000 × 10). It returns nil
// when the file cannot be used: another lingo holds it for more than a
// moment, or it cannot be made.
func OpenDB(path, format string) *bolt.DB {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil
	}
	// The free list is kept in the file: without it, bbolt finds the free
	// pages on every open by reading every page, which costs in proportion
	// to the file (2.5 s of a build at 1,000 × 10 for the translation
	// memory's index alone).
	opts := &bolt.Options{Timeout: time.Second}
	db, err := bolt.Open(path, 0o644, opts)
	if err == nil && !sameFormat(db, format) && !empty(db) {
		db.Close()
		err = errors.New("a cache of another format")
	}
	if err != nil && !errors.Is(err, bolt.ErrTimeout) {
		if os.Remove(path) == nil {
			db, err = bolt.Open(path, 0o644, opts)
		}
	}
	if err != nil {
		return nil
	}
	if sameFormat(db, format) {
		return db
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket(metaBucket)
		if err != nil {
			return err
		}
		return meta.Put([]byte("format"), []byte(format))
	})
	if err != nil {
		db.Close()
		return nil
	}
	return db
}

// sameFormat reports whether db holds a cache of the given format, reading
// only: opening a cache of the right format writes nothing.
func sameFormat(db *bolt.DB, format string) bool {
	same := false
	_ = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		same = meta != nil && string(meta.Get([]byte("format"))) == format
		return nil
	})
	return same
}

// empty reports whether db has no bucket: a file bbolt just made.
func empty(db *bolt.DB) bool {
	none := true
	_ = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func([]byte, *bolt.Bucket) error {
			none = false
			return errors.New("not empty")
		})
	})
	return none
}

// Writer stores results in a cache a batch at a time, from every core:
// one transaction per batch.
type Writer struct {
	cache *Cache
	mu    sync.Mutex
	items []Item
}

// Writer is a Writer on c.
func (c *Cache) Writer() *Writer { return &Writer{cache: c} }

// PutValue queues the value of a unit under its key in bucket.
func (w *Writer) PutValue(bucket, unit, key string, value any) {
	w.Put(Item{Bucket: bucket, Unit: unit, Key: key, Value: value})
}

// PutBytes queues data, stored as it is, for a unit under its key in
// bucket.
func (w *Writer) PutBytes(bucket, unit, key string, data []byte) {
	w.PutValue(bucket, unit, key, Raw(data))
}

// Put queues items, and stores the batch when it is full.
func (w *Writer) Put(items ...Item) {
	w.mu.Lock()
	w.items = append(w.items, items...)
	var full []Item
	if len(w.items) >= 256 {
		full, w.items = w.items, nil
	}
	w.mu.Unlock()
	_ = w.cache.Put(full)
}

// Flush stores what is queued.
func (w *Writer) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.cache.Put(w.items)
	w.items = nil
}
