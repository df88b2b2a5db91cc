package unitcache

import (
	"path/filepath"
	"slices"
	"testing"
)

// A ledger's shard gives back the entries stored under its key, and none
// under another; every article is in one shard, the same on every run.
func TestLedger(t *testing.T) {
	path := filepath.Join(t.TempDir(), "units.db")
	c := Open(path)
	l := Ledger[result]{Cache: c, Bucket: "ledger", Key: "shared"}
	if got := l.Read(3); len(got) != 0 {
		t.Fatalf("an empty cache's shard: %v", got)
	}
	w := c.Writer()
	l.Put(w, 3, []Entry[result]{{Slug: "a", Keys: KeysSum("k1", "k2"), Value: result{Errors: 1}}, {Slug: "b/c", Keys: KeysSum("k3"), Value: result{Names: []string{"x"}}}})
	w.Flush()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	c = Open(path)
	defer c.Close()
	l.Cache = c
	got := l.Read(3)
	if e := got["a"]; e.Keys != KeysSum("k1", "k2") || e.Value.Errors != 1 || len(got) != 2 || got["b/c"].Value.Names[0] != "x" {
		t.Errorf("shard 3: %+v", got)
	}
	if got := l.Read(4); len(got) != 0 {
		t.Errorf("shard 4, never stored: %v", got)
	}
	other := Ledger[result]{Cache: c, Bucket: "ledger", Key: "other"}
	if got := other.Read(3); len(got) != 0 {
		t.Errorf("shard 3 under another key: %v", got)
	}
	w = c.Writer()
	w.PutValue("ledger", "5", "shared", []Entry[result]{{Slug: "a", Keys: KeysSum("k1", "k2")}}) // not compressed: an earlier layout
	w.Flush()
	if got := l.Read(5); len(got) != 0 {
		t.Errorf("a shard of another layout: %v", got)
	}

	slugs := []string{"a", "b/c", "news/x", "news/y", "z"}
	seen := map[int]bool{}
	for s, members := range Shards(slugs) {
		for _, i := range members {
			if seen[i] || ShardOf(slugs[i]) != s {
				t.Errorf("%s in shard %d (ShardOf %d), seen before: %v", slugs[i], s, ShardOf(slugs[i]), seen[i])
			}
			seen[i] = true
		}
	}
	if len(seen) != len(slugs) {
		t.Errorf("Shards placed %d of %d articles", len(seen), len(slugs))
	}
	sums := []string{KeysSum("ab", "c"), KeysSum("a", "bc"), KeysSum("c", "ab"), KeysSum("ab")}
	if len(slices.Compact(slices.Sorted(slices.Values(sums)))) != len(sums) {
		t.Errorf("KeysSum gave the same hash to other keys: %v", sums)
	}
}
