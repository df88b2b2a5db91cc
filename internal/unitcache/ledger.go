package unitcache

import (
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"
)

// A Ledger keeps what a step worked out for each article of a project in
// LedgerShards records of many articles (ShardOf), each article's entry
// under the hash of its units' keys (KeysSum): a step that asks after
// every article on every run reads 64 records, and works out again (or
// reads its own record of) only the articles whose units changed; at
// 10,000 articles, 64 reads in place of 10,000. Every record is stored
// under Key, what the step's results hang on beyond the units (the
// shared inputs, the languages): a record under another key is none.
type Ledger[T any] struct {
	Cache  *Cache
	Bucket string
	Key    string
}

// NewLedger is the ledger in bucket of c of a step whose results hang on
// shared (the build graph's shared inputs, which hash lingo.toml and so
// the source language) and langs, in order: its Key.
func NewLedger[T any](c *Cache, bucket, shared string, langs []string) Ledger[T] {
	return Ledger[T]{Cache: c, Bucket: bucket, Key: shared + "\x00" + strings.Join(langs, "\x00")}
}

// LedgerShards is how many records a Ledger keeps its articles in: an
// edit writes again the records of the articles it changed, a 64th of
// the ledger each.
const LedgerShards = 64

// Entry is an article in its shard's record.
type Entry[T any] struct {
	Slug  string `json:"s"`
	Keys  string `json:"k"` // KeysSum of its units' keys
	Value T      `json:"v"`
}

// ShardOf is the shard of a Ledger the article slug is kept in.
func ShardOf(slug string) int {
	h := fnv.New32a()
	h.Write([]byte(slug))
	return int(h.Sum32() % LedgerShards)
}

// Shards groups the indexes of slugs by their shard.
func Shards(slugs []string) [][]int {
	out := make([][]int, LedgerShards)
	for i, slug := range slugs {
		s := ShardOf(slug)
		out[s] = append(out[s], i)
	}
	return out
}

// KeysSum hashes an article's units' keys, in order.
func KeysSum(keys ...string) string {
	h := sha256.New()
	for _, k := range keys {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// Read is the record of shard s, its entries by slug; empty when there is
// none under l.Key.
func (l Ledger[T]) Read(s int) map[string]Entry[T] {
	var entries []Entry[T]
	if data, ok := l.Cache.GetCompressed(l.Bucket, strconv.Itoa(s), l.Key); !ok || json.Unmarshal(data, &entries) != nil {
		entries = nil
	}
	out := make(map[string]Entry[T], len(entries))
	for _, e := range entries {
		out[e.Slug] = e
	}
	return out
}

// Put queues on w the record of shard s: entries, every article it holds,
// as JSON compressed (Writer.PutCompressed): a build's check findings and counts
// (gate's ledger) take 4 MB of pages to map, not 20 MB.
func (l Ledger[T]) Put(w *Writer, s int, entries []Entry[T]) {
	data, err := json.Marshal(entries)
	if err != nil {
		return // the shard is worked out again next time
	}
	w.PutCompressed(l.Bucket, strconv.Itoa(s), l.Key, data)
}
