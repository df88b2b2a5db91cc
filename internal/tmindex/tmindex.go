// Package tmindex keeps translation memory on disk, indexed, so that
// looking up a few texts costs in proportion to them and to what matches
// them, not to the memory: a build after one edit never reads the other
// articles or catalogs of the language to find offers. Each unit (an
// article in a language) is indexed under the key of its inputs, and
// indexed again only when that key changes; its translations are kept with
// the source text each was made from. Source texts are kept once for every
// language, under the words tm.IndexWords gives and under tm.Key; a
// lookup (Recall) takes tm.Recall's probes, keeps the sources it wants,
// and offers their translations in the language. The index is a cache in
// one bbolt file: deleting it costs one read of the units, nothing else,
// and a file that cannot be opened indexes nothing (Open's caller then
// offers the whole memory as before).
package tmindex

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"maps"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"github.com/lingo-l10n/lingo/internal/tm"
	"github.com/lingo-l10n/lingo/internal/unitcache"
)

// format changes when the layout does: a file of another format is
// made again.
const format = "lingo-tmindex-4"

// The buckets: meta; texts (source key → references, source); exact
// (tm.Key ‖ source key); words (word length, word, word count, source
// key → the source's tm.Sketch, which leaves most sources a lookup
// finds unread); uses (source key, slug, 0, entry number → how many languages
// translate that entry from that source); and per language "lang <tag>",
// holding keys (slug → unit key), units (slug → each pair's entry number
// and source key) and tr (slug, 0, entry number → source key,
// translation). The keys are a bucket of their own because every lookup
// reads all of them (Compare): at 10,000 articles that is 10,000 keys,
// where the units' pairs are 17 MB a language.
//
// Translations are keyed by their unit, not by their source text, so
// that indexing units in the order of their slugs (a first sync) appends
// to each language's tr, and what is put at random places (the source
// texts, their words and uses) is written once for every language: in
// BenchmarkIndexFirstBuild, a source key first wrote 1.9 GB of pages for
// a 460 MB file (a page rewritten for nearly every translation).
var (
	usesBucket  = []byte("uses")
	textsBucket = []byte("texts")
	exactBucket = []byte("exact")
	wordsBucket = []byte("words")
	keysBucket  = []byte("keys")
	unitsBucket = []byte("units")
	trBucket    = []byte("tr")
)

// Index is a translation memory index; a nil *Index indexes nothing.
type Index struct{ db *bolt.DB }

// Pair is one translation of a unit: entry J of its catalog, made from
// Source.
type Pair struct {
	J                   int
	Source, Translation string
}

// Unit is what one unit offers, indexed under its Key.
type Unit struct {
	Slug, Key string
	Pairs     []Pair
}

// Open opens the index at path, making it (and its folder) if need be.
// It returns nil when the file cannot be used (another lingo holds it
// for more than a moment, or it cannot be made): nothing is indexed then.
func Open(path string) *Index {
	db := unitcache.OpenDB(path, format)
	if db == nil {
		return nil
	}
	return &Index{db: db}
}

// Close closes the index.
func (x *Index) Close() error {
	if x == nil {
		return nil
	}
	return x.db.Close()
}

// Written is how many bytes of pages the index wrote since it was opened
// (BenchmarkIndexFirstBuild).
func (x *Index) Written() int64 {
	st := x.db.Stats()
	return st.TxStats.GetPageAlloc()
}

// Compare compares the keys of the indexed units of lang with keys, the
// key now of the unit of each of slugs (sorted): it returns the slugs'
// numbers whose unit is not indexed under its key, and the indexed units
// of slugs not among them. One pass over the index's keys in their order,
// with nothing kept of them: every lookup compares 10,000 at 10,000
// articles.
func (x *Index) Compare(lang string, slugs, keys []string) (stale []int, gone []string, err error) {
	if x == nil {
		return nil, nil, nil
	}
	i := 0
	err = x.db.View(func(tx *bolt.Tx) error {
		b := langBucket(tx, lang, keysBucket)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for slug, key := c.First(); slug != nil; slug, key = c.Next() {
			for ; i < len(slugs) && slugs[i] < string(slug); i++ {
				stale = append(stale, i) // not indexed
			}
			if i < len(slugs) && slugs[i] == string(slug) {
				if string(key) != keys[i] {
					stale = append(stale, i)
				}
				i++
			} else {
				gone = append(gone, string(slug))
			}
		}
		return nil
	})
	for ; i < len(slugs); i++ {
		stale = append(stale, i)
	}
	return stale, gone, err
}

// KeysOf returns the key the unit of each of slugs in lang was indexed
// under ("" for none).
func (x *Index) KeysOf(lang string, slugs []string) ([]string, error) {
	keys := make([]string, len(slugs))
	if x == nil {
		return keys, nil
	}
	err := x.db.View(func(tx *bolt.Tx) error {
		if b := langBucket(tx, lang, keysBucket); b != nil {
			for i, slug := range slugs {
				keys[i] = string(b.Get([]byte(slug)))
			}
		}
		return nil
	})
	return keys, err
}

// Update indexes units of lang, each in place of what its slug had, and
// removes the units of gone, in one transaction.
func (x *Index) Update(lang string, units []Unit, gone []string) error {
	if x == nil || len(units)+len(gone) == 0 {
		return nil
	}
	return x.db.Update(func(tx *bolt.Tx) error { return update(tx, lang, units, gone) })
}

// UpdateLangs is Update of each language's units, in one transaction: the
// units of one article in every language index the same source texts and
// words, whose pages are then written once, not once a language.
func (x *Index) UpdateLangs(units map[string][]Unit) error {
	if x == nil || len(units) == 0 {
		return nil
	}
	return x.db.Update(func(tx *bolt.Tx) error {
		for _, lang := range slices.Sorted(maps.Keys(units)) {
			if err := update(tx, lang, units[lang], nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// update is Update in tx; what it sets is written before it returns.
func update(tx *bolt.Tx, lang string, units []Unit, gone []string) error {
	b, err := buckets(tx, lang)
	if err != nil {
		return err
	}
	// The new references first, so that a text a unit keeps is not
	// unindexed and indexed again.
	var old []ref
	for _, u := range units {
		old = append(old, b.refs(u.Slug)...)
		b.index(u)
	}
	for _, slug := range gone {
		old = append(old, b.refs(slug)...)
		b.delete(b.units, []byte(slug))
		b.delete(b.keys, []byte(slug))
	}
	for _, r := range old {
		b.release(r)
	}
	return b.flush()
}

// Recall offers r the translations of lang whose source r wants (the
// same as a text it looks for, or similar enough), with its unit's place
// in the memory: order gives the number of a slug's unit, increasing with
// the slugs, and false for a unit to leave out (an article that is no
// more). The key of an offer is that number and the entry's, as sync
// offers the memory it reads. Of the translations of one source text, it
// offers the one of the smallest key, which is the one r keeps. The
// sources found are read and offered on every core (order is called
// from each), in an order that does not change what r keeps.
func (x *Index) Recall(lang string, r *tm.Recall, order func(slug string) (int, bool)) error {
	if x == nil || r.Len() == 0 {
		return nil
	}
	var found [][16]byte
	err := x.db.View(func(tx *bolt.Tx) error {
		found = candidates(tx, r)
		return nil
	})
	if err != nil || len(found) == 0 {
		return err
	}
	var next atomic.Int64
	read := func() error {
		return x.db.View(func(tx *bolt.Tx) error {
			texts, uses, tr := tx.Bucket(textsBucket), tx.Bucket(usesBucket), langBucket(tx, lang, trBucket)
			if texts == nil || uses == nil || tr == nil {
				return nil
			}
			for i := next.Add(1) - 1; i < int64(len(found)); i = next.Add(1) - 1 {
				offer(r, found[i], texts, uses, tr, order)
			}
			return nil
		})
	}
	// A core for each 256 sources: an edit's few are read on this one.
	errs := make([]error, min(runtime.GOMAXPROCS(0), (len(found)+255)/256))
	var wg sync.WaitGroup
	for w := range errs[1:] {
		wg.Go(func() { errs[w+1] = read() })
	}
	errs[0] = read()
	wg.Wait()
	return errors.Join(errs...)
}

// candidates are the sources r's texts and probes find, each once: the
// same as a text (white space aside), and those under a probe's word
// whose sketch does not rule them out.
func candidates(tx *bolt.Tx, r *tm.Recall) [][16]byte {
	var found [][16]byte
	seen := map[[16]byte]bool{}
	add := func(src [16]byte) {
		if !seen[src] {
			seen[src] = true
			found = append(found, src)
		}
	}
	if exact := tx.Bucket(exactBucket); exact != nil {
		for _, text := range r.Texts() {
			key := tm.Key(text)
			c := exact.Cursor()
			for k, _ := c.Seek(key[:]); k != nil && bytes.HasPrefix(k, key[:]); k, _ = c.Next() {
				add([16]byte(k[16:32]))
			}
		}
	}
	words := tx.Bucket(wordsBucket)
	if words == nil {
		return found
	}
	for _, p := range r.Probes() {
		head := wordHead(p.Word)
		c := words.Cursor()
		for k, v := c.Seek(binary.BigEndian.AppendUint32(head, uint32(p.Lo))); k != nil && bytes.HasPrefix(k, head); k, v = c.Next() {
			rest := k[len(head):]
			a := int(binary.BigEndian.Uint32(rest))
			if a > p.Hi {
				break
			}
			if len(v) == len(tm.Sketch{}) && !r.MayWant(p, a, tm.Sketch(v)) {
				continue
			}
			add([16]byte(rest[4:20]))
		}
	}
	return found
}

// offer offers r the translation of source src in tr, if r wants src.
func offer(r *tm.Recall, src [16]byte, texts, uses, tr *bolt.Bucket, order func(slug string) (int, bool)) {
	v := texts.Get(src[:])
	if len(v) < 4 {
		return
	}
	m := r.Match(string(v[4:]))
	if !m.Any() {
		return
	}
	c := uses.Cursor()
	for k, _ := c.Seek(src[:]); k != nil && bytes.HasPrefix(k, src[:]); k, _ = c.Next() {
		slug, j, ok := parseUse(k)
		if i, keep := order(slug); ok && keep {
			// the language's translation of the entry, if made from
			// this source: the first is the one Recall keeps (ties go
			// to the smallest key), so the others are not read
			if t := tr.Get(k[len(src):]); len(t) >= len(src) && bytes.Equal(t[:len(src)], src[:]) {
				r.OfferMatch(uint64(i)<<32|uint64(j), m, string(t[len(src):]))
				return
			}
		}
	}
}

// ref is one pair of a unit as its record keeps it: the entry number and
// the key of its source text.
type ref struct {
	slug string
	j    uint32
	src  [16]byte
}

// txBuckets are the buckets one transaction writes, with what it writes
// to them, kept until flush puts it in the order of its keys: an update
// writes texts and words in the random order of their hashes, which bbolt
// puts many times slower than in order (unitcache.PutSorted).
type txBuckets struct {
	texts, exact, words, uses, keys, units, tr *bolt.Bucket
	writes                                     map[*bolt.Bucket]map[string][]byte // nil: deleted
}

// get is the value of key in bk as this transaction left it.
func (b *txBuckets) get(bk *bolt.Bucket, key []byte) []byte {
	if v, ok := b.writes[bk][string(key)]; ok {
		return v
	}
	return bk.Get(key)
}

// set sets key to val in bk; a nil val deletes it.
func (b *txBuckets) set(bk *bolt.Bucket, key, val []byte) {
	if b.writes[bk] == nil {
		b.writes[bk] = map[string][]byte{}
	}
	b.writes[bk][string(key)] = val
}

// put sets key to val (never nil) in bk.
func (b *txBuckets) put(bk *bolt.Bucket, key, val []byte) { b.set(bk, key, append([]byte{}, val...)) }

// delete deletes key from bk.
func (b *txBuckets) delete(bk *bolt.Bucket, key []byte) { b.set(bk, key, nil) }

// flush writes what the transaction set, bucket by bucket, in order.
func (b *txBuckets) flush() error {
	for bk, writes := range b.writes {
		if err := unitcache.PutSorted(bk, writes); err != nil {
			return err
		}
	}
	return nil
}

func buckets(tx *bolt.Tx, lang string) (*txBuckets, error) {
	b := txBuckets{writes: map[*bolt.Bucket]map[string][]byte{}}
	var err error
	for _, p := range []struct {
		b    **bolt.Bucket
		name []byte
	}{{&b.texts, textsBucket}, {&b.exact, exactBucket}, {&b.words, wordsBucket}, {&b.uses, usesBucket}} {
		if *p.b, err = tx.CreateBucketIfNotExists(p.name); err != nil {
			return nil, err
		}
	}
	l, err := tx.CreateBucketIfNotExists([]byte("lang " + lang))
	if err != nil {
		return nil, err
	}
	if b.keys, err = l.CreateBucketIfNotExists(keysBucket); err != nil {
		return nil, err
	}
	if b.units, err = l.CreateBucketIfNotExists(unitsBucket); err != nil {
		return nil, err
	}
	if b.tr, err = l.CreateBucketIfNotExists(trBucket); err != nil {
		return nil, err
	}
	// Units are indexed mostly in the order of their slugs: a page that
	// splits is the last one, which next puts fill.
	for _, bk := range []*bolt.Bucket{b.keys, b.units, b.tr} {
		bk.FillPercent = 0.9
	}
	return &b, nil
}

// langBucket is the bucket name of lang, nil if there is none.
func langBucket(tx *bolt.Tx, lang string, name []byte) *bolt.Bucket {
	l := tx.Bucket([]byte("lang " + lang))
	if l == nil {
		return nil
	}
	return l.Bucket(name)
}

// refs returns the pairs the unit of slug has indexed, and deletes their
// translations.
func (b *txBuckets) refs(slug string) []ref {
	list := b.get(b.units, []byte(slug))
	var refs []ref
	for ; len(list) >= 20; list = list[20:] {
		r := ref{slug: slug, j: binary.BigEndian.Uint32(list), src: [16]byte(list[4:20])}
		refs = append(refs, r)
		b.delete(b.tr, trKey(slug, r.j))
	}
	return refs
}

// index indexes unit u: its record, its translations, and a reference to
// each source text, indexing the texts new to the index.
func (b *txBuckets) index(u Unit) {
	rec := []byte{} // not nil: a unit with no pairs is indexed
	for _, p := range u.Pairs {
		if p.Source == "" || p.Translation == "" {
			continue
		}
		src := sourceKey(p.Source)
		rec = binary.BigEndian.AppendUint32(rec, uint32(p.J))
		rec = append(rec, src[:]...)
		b.put(b.tr, trKey(u.Slug, uint32(p.J)), append(src[:], p.Translation...))
		b.hold(ref{slug: u.Slug, j: uint32(p.J), src: src}, p.Source)
	}
	b.put(b.units, []byte(u.Slug), rec)
	b.put(b.keys, []byte(u.Slug), []byte(u.Key))
}

// hold adds a use of the source text of r (its entry, in one more
// language), and a reference to the text when the entry is new to it,
// indexing the text if it is new.
func (b *txBuckets) hold(r ref, text string) {
	k := useKey(r)
	n := count(b.get(b.uses, k))
	b.put(b.uses, k, binary.BigEndian.AppendUint32(nil, n+1))
	if n > 0 {
		return
	}
	v := b.get(b.texts, r.src[:])
	n = count(v)
	b.put(b.texts, r.src[:], append(binary.BigEndian.AppendUint32(nil, n+1), text...))
	if n == 0 {
		b.each(r.src, text, b.put)
	}
}

// release takes away a use of the source text of r, the entry's reference
// to the text with its last use, and unindexes the text with its last
// reference.
func (b *txBuckets) release(r ref) {
	k := useKey(r)
	switch n := count(b.get(b.uses, k)); {
	case n == 0:
		return
	case n > 1:
		b.put(b.uses, k, binary.BigEndian.AppendUint32(nil, n-1))
		return
	}
	b.delete(b.uses, k)
	v := b.get(b.texts, r.src[:])
	if len(v) < 4 {
		return
	}
	if n := count(v); n > 1 {
		b.put(b.texts, r.src[:], append(binary.BigEndian.AppendUint32(nil, n-1), v[4:]...))
		return
	}
	b.delete(b.texts, r.src[:])
	b.each(r.src, string(v[4:]), func(bk *bolt.Bucket, k, _ []byte) { b.delete(bk, k) })
}

// count is the count a uses or texts value starts with; 0 for none.
func count(v []byte) uint32 {
	if len(v) < 4 {
		return 0
	}
	return binary.BigEndian.Uint32(v)
}

// each calls fn with the exact and words keys of a source text, and the
// value each holds.
func (b *txBuckets) each(src [16]byte, text string, fn func(bk *bolt.Bucket, k, v []byte)) {
	key := tm.Key(text)
	fn(b.exact, append(key[:], src[:]...), nil)
	words, n := tm.IndexWords(text)
	sketch := tm.SketchOf(text)
	for _, w := range words {
		k := binary.BigEndian.AppendUint32(wordHead(w), uint32(n))
		fn(b.words, append(k, src[:]...), sketch[:])
	}
}

// sourceKey is the key of a source text, byte for byte.
func sourceKey(text string) [16]byte {
	var k [16]byte
	sum := sha256.Sum256([]byte(text))
	copy(k[:], sum[:16])
	return k
}

// wordHead is the start of the words keys of w.
func wordHead(w string) []byte {
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(w))), w...)
}

// trKey is the key of a translation: its unit's slug, its entry.
func trKey(slug string, j uint32) []byte {
	return binary.BigEndian.AppendUint32(append([]byte(slug), 0), j)
}

// useKey is the key of a use of a source text: the text's key, then the
// entry's trKey.
func useKey(r ref) []byte {
	return append(r.src[:], trKey(r.slug, r.j)...)
}

// parseUse reads the slug and entry of a use from its key.
func parseUse(k []byte) (slug string, j uint32, ok bool) {
	if len(k) < 16+1+4 || k[len(k)-5] != 0 {
		return "", 0, false
	}
	return string(k[16 : len(k)-5]), binary.BigEndian.Uint32(k[len(k)-4:]), true
}
