package filehash

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func sum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func write(t *testing.T, path, data string, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
}

// save saves tb and closes it, as a run does at its end.
func save(t *testing.T, tb *Table) {
	t.Helper()
	if err := tb.Save(); err != nil {
		t.Fatal(err)
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
}

// reopen opens the table at path, closed when the test ends.
func reopen(t *testing.T, path string) *Table {
	tb := Open(path)
	t.Cleanup(func() { tb.Close() })
	return tb
}

func hash(t *testing.T, tb *Table, path string) string {
	t.Helper()
	h, err := tb.Hash(path)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// A file is hashed by its bytes; a missing one is Absent; a changed size or
// modification time is read again.
func TestHash(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.toml")
	tb := Open(filepath.Join(dir, "cache", "files"))
	if got := hash(t, tb, path); got != Absent {
		t.Errorf("missing file: %q, want Absent", got)
	}
	old := time.Now().Add(-time.Hour)
	write(t, path, "one", old)
	if got := hash(t, tb, path); got != sum("one") {
		t.Errorf("got %s, want the hash of its bytes", got)
	}
	write(t, path, "two", old) // same size, same time: see TestTrusted
	write(t, path, "three", old)
	if got := hash(t, tb, path); got != sum("three") {
		t.Errorf("after a change of size: %s, want the new bytes' hash", got)
	}
	write(t, path, "thrEe", old.Add(time.Second))
	if got := hash(t, tb, path); got != sum("thrEe") {
		t.Errorf("after a change of time: %s, want the new bytes' hash", got)
	}
}

// A record is trusted, across runs, while the file's size, times and
// inode are those recorded: the file is not read (its record keeps the
// time it was hashed). That is what makes the table fast, and why a record
// made in the same instant as the file's last change is not trusted
// (TestRacy). Bytes rewritten behind the old size and modification time
// (sed, then touch -r) change the file's change time: it is read again, as
// git reads it.
func TestTrusted(t *testing.T) {
	dir := t.TempDir()
	path, table := filepath.Join(dir, "a.toml"), filepath.Join(dir, "cache", "files")
	old := time.Now().Add(-time.Hour)
	write(t, path, "one", old)
	tb := Open(table)
	hash(t, tb, path)
	first, _ := tb.lookup(path)
	save(t, tb)
	again := Open(table)
	if got := hash(t, again, path); got != sum("one") {
		t.Errorf("got %s", got)
	}
	if rec, _ := again.lookup(path); rec.At != first.At {
		t.Errorf("a saved record of an untouched file was not trusted: the file was read again")
	}
	save(t, again)
	if runtime.GOOS == "windows" {
		return // no change time or inode in its file information: size and time alone
	}
	time.Sleep(10 * time.Millisecond) // a change time the record does not have
	write(t, path, "two", old)        // bytes changed behind size and time
	if got := hash(t, reopen(t, table), path); got != sum("two") {
		t.Errorf("bytes rewritten behind the old size and time: %s, want the new bytes' hash", got)
	}
}

// A file changed right after it was hashed, without a change of size or
// time the file system can tell, is read again.
func TestRacy(t *testing.T) {
	dir := t.TempDir()
	path, table := filepath.Join(dir, "a.toml"), filepath.Join(dir, "cache", "files")
	now := time.Now()
	write(t, path, "one", now)
	tb := Open(table)
	hash(t, tb, path)
	save(t, tb)
	write(t, path, "two", now)
	if got := hash(t, reopen(t, table), path); got != sum("two") {
		t.Errorf("a racy record was trusted: got %s, want the new bytes' hash", got)
	}
}

// A damaged table is an empty one.
func TestDamagedTable(t *testing.T) {
	dir := t.TempDir()
	path, table := filepath.Join(dir, "a.toml"), filepath.Join(dir, "files")
	write(t, path, "one", time.Now().Add(-time.Hour))
	if err := os.WriteFile(table, []byte("not a table"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := hash(t, reopen(t, table), path); got != sum("one") {
		t.Errorf("got %s", got)
	}
}

// A run stores only what it learnt: the records of files it did not ask
// about are kept as they were, and still trusted.
func TestSaveKeepsOthers(t *testing.T) {
	dir := t.TempDir()
	a, b, table := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml"), filepath.Join(dir, "files")
	old := time.Now().Add(-time.Hour)
	write(t, a, "one", old)
	write(t, b, "bee", old)
	tb := Open(table)
	hash(t, tb, a)
	hash(t, tb, b)
	first, _ := tb.lookup(b)
	save(t, tb)

	write(t, a, "three", old)
	tb = Open(table)
	if got := hash(t, tb, a); got != sum("three") {
		t.Errorf("a: %s", got)
	}
	save(t, tb)

	tb = reopen(t, table)
	if got := hash(t, tb, b); got != sum("bee") {
		t.Errorf("b: %s", got)
	}
	if rec, _ := tb.lookup(b); rec.At != first.At {
		t.Errorf("the record of a file the last run did not ask about was lost: b was read again")
	}
}

// TestSavesAsItGoes: a table stores what it learnt every saveEvery
// records, without waiting for Save, and holds no more than that.
func TestSavesAsItGoes(t *testing.T) {
	defer func(n int) { saveEvery = n }(saveEvery)
	saveEvery = 4
	dir := t.TempDir()
	old := time.Now().Add(-time.Hour)
	var paths []string
	for i := range 10 {
		paths = append(paths, filepath.Join(dir, fmt.Sprintf("%d.toml", i)))
		write(t, paths[i], fmt.Sprint(i), old)
	}
	table := filepath.Join(dir, "files")
	tb := Open(table)
	for _, p := range paths {
		hash(t, tb, p)
		if n := len(tb.recs); n >= saveEvery {
			t.Fatalf("the table holds %d records, saves every %d", n, saveEvery)
		}
	}
	if err := tb.Close(); err != nil { // no Save: the last two are not stored
		t.Fatal(err)
	}
	tb = Open(table)
	defer tb.Close()
	for i, p := range paths {
		_, stored := tb.lookup(p)
		if want := i < 8; stored != want {
			t.Errorf("%d.toml stored: %v, want %v", i, stored, want)
		}
	}
}

// TestHashedAt: the table says when it hashed a file only for a hash it
// trusts, of the file as a stat says it is now.
func TestHashedAt(t *testing.T) {
	dir := t.TempDir()
	old, fresh := filepath.Join(dir, "old"), filepath.Join(dir, "fresh")
	write(t, old, "a", time.Now().Add(-time.Hour))
	write(t, fresh, "b", time.Now())
	tab := Open(filepath.Join(dir, "table"))
	before := time.Now().UnixNano()
	for _, p := range []string{old, fresh} {
		if _, err := tab.Hash(p); err != nil {
			t.Fatal(err)
		}
	}
	size, mtime, id, err := tab.Stat(old)
	if err != nil {
		t.Fatal(err)
	}
	if at, ok := tab.HashedAt(old, size, mtime, id); !ok || at < before {
		t.Errorf("HashedAt(old) = %d, %v; want a time after %d", at, ok, before)
	}
	if _, ok := tab.HashedAt(old, size+1, mtime, id); ok {
		t.Error("HashedAt trusts a hash of the file at another size")
	}
	size, mtime, id, err = tab.Stat(fresh)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tab.HashedAt(fresh, size, mtime, id); ok {
		t.Error("HashedAt trusts the hash of a file modified as it was hashed")
	}
	if _, ok := tab.HashedAt(filepath.Join(dir, "none"), 0, 0, 0); ok {
		t.Error("HashedAt of a file never hashed")
	}
}
