package unitcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

type result struct {
	Errors int
	Names  []string
}

// A result comes back under the key it was stored with, and under no
// other; in another run too.
func TestGetPut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache", "units.db")
	c := Open(path)
	var r result
	if c.Get("check", "fr a", "k1", &r) {
		t.Fatal("an empty cache answered")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatal("the cache file was made before anything was stored")
	}
	if err := c.Put([]Item{{Bucket: "check", Unit: "fr a", Key: "k1", Value: result{2, []string{"x"}}}}); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = Open(path)
	defer c.Close()
	if !c.Get("check", "fr a", "k1", &r) || r.Errors != 2 || len(r.Names) != 1 {
		t.Errorf("got %+v", r)
	}
	if c.Get("check", "fr a", "k2", &r) {
		t.Error("a result came back under another key")
	}
	if c.Get("check", "fr a", "", &r) {
		t.Error("a result came back under no key")
	}
	if c.Get("sync", "fr a", "k1", &r) {
		t.Error("a result came back from another bucket")
	}
	r = result{}
	if !c.Last("check", "fr a", &r) || r.Errors != 2 {
		t.Errorf("Last: %+v, want the result whatever its key", r)
	}
	if c.Last("check", "fr b", &r) {
		t.Error("Last answered for a unit never stored")
	}
}

// Prune keeps only the units asked for, and reads a bucket only when
// what it keeps changed.
func TestPrune(t *testing.T) {
	c := Open(filepath.Join(t.TempDir(), "units.db"))
	defer c.Close()
	c.Put([]Item{{Bucket: "check", Unit: "fr a", Key: "k", Value: 1}, {Bucket: "check", Unit: "fr b", Key: "k", Value: 2}})
	if err := c.Prune("check", "fr a", func(unit string) bool { return unit == "fr a" }); err != nil {
		t.Fatal(err)
	}
	var n int
	if !c.Get("check", "fr a", "k", &n) || c.Get("check", "fr b", "k", &n) {
		t.Error("prune kept the wrong units")
	}
	// Pruned for the same keeping, the bucket is not read again; for
	// another, it is.
	c.Put([]Item{{Bucket: "check", Unit: "fr b", Key: "k", Value: 2}})
	keepA := func(unit string) bool { return unit == "fr a" }
	if err := c.Prune("check", "fr a", keepA); err != nil {
		t.Fatal(err)
	}
	if !c.Get("check", "fr b", "k", &n) {
		t.Error("a bucket pruned for the same keeping was pruned again")
	}
	if err := c.Prune("check", "fr a, again", keepA); err != nil {
		t.Fatal(err)
	}
	if c.Get("check", "fr b", "k", &n) {
		t.Error("a bucket pruned for another keeping was not pruned")
	}
}

// A file that is not a cache is replaced: it only ever held results.
func TestDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.db")
	if err := os.WriteFile(path, []byte("not a database, but long enough to be read as one's first page................"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := Open(path)
	defer c.Close()
	if err := c.Put([]Item{{Bucket: "check", Unit: "fr a", Key: "k", Value: 1}}); err != nil {
		t.Fatal(err)
	}
	var n int
	if !c.Get("check", "fr a", "k", &n) || n != 1 {
		t.Error("a damaged cache file was not replaced")
	}
}

// TestReadsBesideWrites: reads share a transaction while writes from
// other goroutines grow the file (bbolt maps it again, which waits for
// every read to end): each read sees what was written before it, and
// nothing waits forever.
func TestReadsBesideWrites(t *testing.T) {
	c := Open(filepath.Join(t.TempDir(), "units.db"))
	defer c.Close()
	big := Raw(bytes.Repeat([]byte("x"), 16<<10))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				unit := fmt.Sprintf("fr %d-%d", w, i)
				if err := c.Put([]Item{{Bucket: "b", Unit: unit, Key: "k", Value: big}}); err != nil {
					t.Error(err)
					return
				}
				var got Raw
				if !c.Get("b", unit, "k", &got) || len(got) != len(big) {
					t.Errorf("%s: read %d bytes after writing %d", unit, len(got), len(big))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// An article's record gives back each unit's result under the key it was
// kept with, and under no other, after a run stored it through a Writer.
func TestUnits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.db")
	c := Open(path)
	u := Units[result]{}
	if !u.Set("fr", "k1", result{Errors: 1}) || !u.Set("de", "k2", result{Errors: 2}) {
		t.Fatal("Set of a new unit said the record did not change")
	}
	if u.Set("fr", "k1", result{Errors: 1}) {
		t.Error("Set under the same key said the record changed")
	}
	w := c.Writer()
	w.PutValue("check-units", " a", "units", u)
	w.Flush()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = Open(path)
	defer c.Close()
	got := Units[result]{}
	if !c.Last("check-units", " a", &got) {
		t.Fatal("the record was not kept")
	}
	if r, ok := got.Of("fr", "k1"); !ok || r.Errors != 1 {
		t.Errorf("fr under k1: %+v, %v", r, ok)
	}
	if r, ok := got.Of("de", "k2"); !ok || r.Errors != 2 {
		t.Errorf("de under k2: %+v, %v", r, ok)
	}
	for _, q := range [][2]string{{"fr", "k2"}, {"es", "k1"}, {"de", ""}} {
		if r, ok := got.Of(q[0], q[1]); ok || r.Errors != 0 {
			t.Errorf("%s under %q answered %+v", q[0], q[1], r)
		}
	}
	if !got.Set("fr", "k3", result{}) {
		t.Error("Set under a new key said the record did not change")
	}
}

// A file of another format is made again, not emptied in place: its
// pages would stay on bbolt's free list, which every write then copies
// (an edit build at 10,000 × 10 took 21 minutes after a change of format).
func TestOtherFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.db")
	db := OpenDB(path, "format-1")
	big := bytes.Repeat([]byte("x"), 1<<10)
	err := db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		for i := 0; i < 4000 && err == nil; i++ {
			err = b.Put(fmt.Appendf(nil, "%06d", i), big)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.Stat(path)
	db = OpenDB(path, "format-2")
	if db == nil {
		t.Fatal("a file of another format was not opened")
	}
	defer db.Close()
	after, _ := os.Stat(path)
	if after.Size() >= before.Size()/4 {
		t.Errorf("the file of another format is %d bytes, was %d: emptied in place, not made again", after.Size(), before.Size())
	}
	_ = db.View(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte("b")) != nil {
			t.Error("a bucket of the old format is still there")
		}
		if !sameFormat(db, "format-2") {
			t.Error("the new file does not say its format")
		}
		return nil
	})
}
