// Package pagebook keeps publishing's record of pages: what each page of
// each article was made from, the files lingo wrote for it (the only files
// publishing ever removes) and what the index pages show of it, per
// article in one bbolt file of the output folder (<output>/.lingo/pages.db),
// so that a build reads and writes the records of the articles it made
// again, not of every page. Five buckets, by slug: pages (the article's
// records, by language, as JSON), fresh (what its pages were last made or
// found up to date from: while it holds and the output folder is as the
// last build left it, the article's pages are up to date, unread),
// summaries (its pages' summaries: what each language's result adds up
// and the index pages show), and apart from them, for the builds that
// read them for every article, counts and titles. The record is an input
// like any other (anyone who can edit the output folder can edit it): a
// record is kept only when it names a page lingo writes, and its files
// only when they are that page's. The record of an older lingo
// (<output>/.lingo-build.json, one JSON of every page) is read once,
// written into the file and removed.
package pagebook

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unique"

	json "github.com/goccy/go-json"
	bolt "go.etcd.io/bbolt"

	"github.com/lingo-l10n/lingo/internal/readinglevel"
	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Record is what the record keeps of an article in a language: the
// inputs its outputs were made from, the files lingo wrote for it, and
// what the index pages need.
type Record struct {
	Inputs  string   `json:"inputs,omitempty"`
	Unit    string   `json:"unit,omitempty"`    // the key of the page's unit (its article in its language) it was made from
	Outputs []string `json:"outputs,omitempty"` // relative to the output folder, forward slashes
	Summary Summary
	// PDF is what the page's PDF handout was printed from.
	PDF string `json:"pdf,omitempty"`
}

// Summary is an article in a language, for the index and status pages.
type Summary struct {
	Counts
	Title string `json:"title"` // in the page's language where it is translated
	// Reading is how hard the page's own text reads: the source's, or the
	// translation's current entries (none for a pseudo-locale).
	Reading *readinglevel.Brief `json:"reading,omitempty"`
}

// Counts is a page's kind and what its summary counts: all a build holds
// of the pages it finds up to date unread (Quick), whose titles and
// reading levels an index page made again reads back (Summaries).
type Counts struct {
	Kind      string `json:"kind"`
	Total     int    `json:"total,omitempty"`     // messages
	Current   int    `json:"current,omitempty"`   // translated and current
	Own       int    `json:"own,omitempty"`       // published in their translation
	Fallbacks int    `json:"fallbacks,omitempty"` // shown in another language (translated pages)
	InSource  int    `json:"in_source,omitempty"` // passages a reader sees in the source language (translated pages)
	Stale     int    `json:"stale,omitempty"`     // stale messages
	Machine   int    `json:"machine,omitempty"`   // machine drafts: never published until a person edits or reviews them
}

// Files is the project's own files: publishing's Publisher.
type Files interface {
	Contained(path string) error      // nil when lingo may write at path
	Rel(path string) string           // path as messages name it
	Remove(path string) (bool, error) // remove a file lingo wrote
}

// recordFile is the record's file, relative to the output folder, and
// recordFormat its layout: a file of another layout is made again.
const (
	recordFile   = ".lingo/pages.db"
	recordFormat = "lingo-pages-1"
)

var (
	pagesBucket     = []byte("pages")
	freshBucket     = []byte("fresh")
	summariesBucket = []byte("summaries")
	countsBucket    = []byte("counts")         // each article's pages' counts (Quick)
	titlesBucket    = []byte("titles-by-lang") // and kinds and titles, by language then slug (Listed)
	bookBucket      = []byte("book")
	metaKey         = []byte("meta")
)

// Meta is what the record keeps of the whole site.
type Meta struct {
	Version string `json:"version"`
	// IndexPages is what each index and status page was made from, by
	// its path relative to the output folder (indexPage.key): while it
	// holds, the page is not made again.
	IndexPages map[string]string `json:"index_pages,omitempty"`
	// IndexInputs is what the index pages share with every page (lingo's
	// version, the configuration, the page words, the site's name and its
	// languages): while it and every page's summary hold, they show the
	// same.
	IndexInputs string `json:"index_inputs,omitempty"`
	// Langs are the languages pages are recorded in.
	Langs []string `json:"langs,omitempty"`
}

// LangsAfter are first, then the languages pages are recorded in beyond
// first, sorted.
func (m Meta) LangsAfter(first []string) []string {
	out := slices.Clone(first)
	for _, lang := range m.Langs {
		if !slices.Contains(first, lang) {
			out = append(out, lang)
		}
	}
	return out
}

// Book is the record as the last runs left it.
type Book struct {
	files  Files
	dir    string   // the output folder
	path   string   // the file
	db     *bolt.DB // nil when there is no file
	legacy map[string]map[string]Record
	Meta   Meta // as the last runs left it

	mu       sync.Mutex
	warnings []string   // the entries left out, each once
	staged   []staged   // by Put, not yet written
	records  int        // of them, those with records
	writing  sync.Mutex // one write at a time
	opening  sync.RWMutex
}

// view runs fn in a read transaction of the file, and reports whether
// there is one (the first write makes it, while others may read).
func (b *Book) view(fn func(tx *bolt.Tx) error) bool {
	b.opening.RLock()
	db := b.db
	b.opening.RUnlock()
	if db == nil {
		return false
	}
	_ = db.View(fn)
	return true
}

// staged is an article's record after this run, put and not yet written.
type staged struct {
	slug  string
	recs  map[string]Record // nil: its records stay as they are
	fresh string
}

// putBatch is how many articles Put stages before it writes them, in one
// transaction.
const putBatch = 256

// Open opens the record of the output folder dir; a damaged one is an
// empty one. The file is made by the first write (Put, Flush or Write).
func Open(dir string, files Files) (*Book, error) {
	b := &Book{files: files, dir: dir, path: filepath.Join(dir, filepath.FromSlash(recordFile))}
	if _, err := os.Stat(b.path); err != nil {
		b.readLegacy()
		return b, nil
	}
	if err := b.open(); err != nil {
		return nil, err
	}
	_ = b.db.View(func(tx *bolt.Tx) error {
		if bk := tx.Bucket(bookBucket); bk != nil && json.Unmarshal(bk.Get(metaKey), &b.Meta) != nil {
			b.Meta = Meta{}
		}
		return nil
	})
	return b, nil
}

// open opens the file, making it and its folder if need be.
func (b *Book) open() error {
	if err := b.files.Contained(b.path); err != nil {
		return err
	}
	if b.db = unitcache.OpenDB(b.path, recordFormat); b.db == nil {
		return fmt.Errorf("%s: cannot be opened (is another lingo running?)", b.files.Rel(b.path))
	}
	return nil
}

// Close closes the file.
func (b *Book) Close() {
	if b.db != nil {
		_ = b.db.Close()
	}
}

// readLegacy reads the manifest of an older lingo, if there is one.
func (b *Book) readLegacy() {
	m, warnings := readManifest(b.dir, b.files)
	if m.Pages == nil {
		return
	}
	b.warnings = warnings
	b.legacy = map[string]map[string]Record{}
	for key, rec := range m.Pages {
		lang, slug := splitKey(key)
		if b.legacy[slug] == nil {
			b.legacy[slug] = map[string]Record{}
		}
		b.legacy[slug][lang] = rec
	}
	b.Meta = Meta{Version: m.Version, IndexPages: m.IndexPages, IndexInputs: m.IndexInputs}
	for lang := range maps.Keys(m.Pages) {
		lang, _ = splitKey(lang)
		if !slices.Contains(b.Meta.Langs, lang) {
			b.Meta.Langs = append(b.Meta.Langs, lang)
		}
	}
	slices.Sort(b.Meta.Langs)
}

// Article is the record of the pages of slug, by language: nil for none.
func (b *Book) Article(slug string) map[string]Record {
	if b.legacy != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		return maps.Clone(b.legacy[slug])
	}
	var recs map[string]Record
	b.view(func(tx *bolt.Tx) error {
		if bk := tx.Bucket(pagesBucket); bk != nil && json.Unmarshal(bk.Get([]byte(slug)), &recs) != nil {
			recs = nil
		}
		return nil
	})
	return b.keepOwn(slug, recs)
}

// keepOwn is recs less the pages and files lingo does not write, with a
// warning for each.
func (b *Book) keepOwn(slug string, recs map[string]Record) map[string]Record {
	var warnings []string
	warn := func(entry, why string) { warnings = append(warnings, b.ignored(entry, why)) }
	for lang, rec := range recs {
		if rec, ok := ownPage(lang, slug, rec, warn); ok {
			recs[lang] = rec
		} else {
			delete(recs, lang)
		}
	}
	if len(warnings) > 0 {
		b.mu.Lock()
		b.warnings = append(b.warnings, warnings...)
		b.mu.Unlock()
	}
	return recs
}

// ignored is the warning for an entry of the record left out.
func (b *Book) ignored(entry, why string) string {
	return workspace.Ignored(b.files.Rel(b.path), nil, entry, why)
}

// Warnings are the entries of the record left out, sorted, each once.
func (b *Book) Warnings() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	slices.Sort(b.warnings)
	return slices.Compact(b.warnings)
}

// Quick is what the record says of slug's pages without reading them:
// what they were last made or found up to date from ("" for nothing), and
// their summaries' counts, without titles and reading levels: at 10,000
// articles × 10 languages, 16 MB less held by an edit build.
func (b *Book) Quick(slug string) (string, map[string]Summary) {
	var counts map[string]Counts
	fresh := b.read(slug, countsBucket, &counts)
	if counts == nil {
		return "", nil
	}
	sums := make(map[string]Summary, len(counts))
	for lang, c := range counts {
		c.Kind = unique.Make(c.Kind).Value() // one string of each kind, not one a page
		sums[lang] = Summary{Counts: c}
	}
	return fresh, sums
}

// Listed are the pages of lang as its index lists them, by slug: their
// kinds and titles, read in one pass over the language's part of the
// record (1 MB at 10,000 × 10), not every article's summaries (30 MB);
// false for a record of an earlier lingo, which has them in its summaries
// alone.
func (b *Book) Listed(lang string) (map[string]Summary, bool) {
	if b.legacy != nil {
		return nil, false
	}
	out, ok := map[string]Summary{}, false
	b.view(func(tx *bolt.Tx) error {
		bk := tx.Bucket(titlesBucket)
		if ok = bk != nil; !ok {
			return nil
		}
		prefix := []byte(lang + "\x00")
		c := bk.Cursor()
		for k, v := c.Seek(prefix); bytes.HasPrefix(k, prefix); k, v = c.Next() {
			kind, title, _ := strings.Cut(string(v), "\x00")
			out[string(k[len(prefix):])] = Summary{Counts: Counts{Kind: unique.Make(kind).Value()}, Title: title}
		}
		return nil
	})
	if !ok {
		return nil, false
	}
	return out, true
}

// Summaries are the summaries of slug's pages, by language, in full; nil
// for none.
func (b *Book) Summaries(slug string) map[string]Summary {
	if b.legacy != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		return SummariesOf(b.legacy[slug])
	}
	var sums map[string]Summary
	b.read(slug, summariesBucket, &sums)
	return sums
}

// SummariesOf is the summaries of recs, by language; nil for none.
func SummariesOf(recs map[string]Record) map[string]Summary {
	if recs == nil {
		return nil
	}
	sums := make(map[string]Summary, len(recs))
	for lang, rec := range recs {
		sums[lang] = rec.Summary
	}
	return sums
}

// read decodes slug's value in bucket (its pages' summaries, counts or
// titles) into v, and returns what its pages were last made or found up
// to date from.
func (b *Book) read(slug string, bucket []byte, v any) string {
	if b.legacy != nil {
		return ""
	}
	var fresh string
	b.view(func(tx *bolt.Tx) error {
		fb, sb := tx.Bucket(freshBucket), tx.Bucket(bucket)
		if sb == nil && bytes.Equal(bucket, countsBucket) { // an earlier lingo's record: its summaries hold them
			sb = tx.Bucket(summariesBucket)
		}
		if fb != nil && sb != nil && json.Unmarshal(sb.Get([]byte(slug)), v) == nil {
			fresh = string(fb.Get([]byte(slug)))
		}
		return nil
	})
	return fresh
}

// Slugs are the articles the record holds pages of, sorted, and the
// entries that name no article (to be dropped, each with a warning).
func (b *Book) Slugs() ([]string, []string) {
	if b.legacy != nil {
		var out []string
		for slug := range b.legacy {
			out = append(out, slug)
		}
		slices.Sort(out)
		return out, nil
	}
	var out, bad []string
	b.view(func(tx *bolt.Tx) error {
		// The counts have the same keys as the records (putArticle), in
		// a sixth of the pages: a key's page is read to list it, and at
		// 10,000 × 10 the records' are 57 MB, the summaries' 30 MB, the
		// counts' 9 MB, read by every build anyway (Quick). A record
		// without counts (an earlier lingo's, until its next write) lists
		// its summaries.
		bk := tx.Bucket(countsBucket)
		if bk == nil {
			bk = tx.Bucket(summariesBucket)
		}
		if bk == nil {
			return nil
		}
		return bk.ForEach(func(k, _ []byte) error {
			if s := string(k); workspace.IsSlug(s) {
				out = append(out, s)
			} else {
				bad = append(bad, s)
			}
			return nil
		})
	})
	for _, s := range bad {
		b.mu.Lock()
		b.warnings = append(b.warnings, b.ignored(s, "not an article path"))
		b.mu.Unlock()
	}
	return out, bad
}

// FreshKey is what the pages of an article in langs and formats are made
// from, its inputs being inputs.
func FreshKey(inputs string, langs, formats []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", inputs, strings.Join(langs, ","), strings.Join(formats, ","))
	return hex.EncodeToString(h.Sum(nil))
}

// Write is what a run changes in the record.
type Write struct {
	Pages   map[string]map[string]Record // by slug: the article's records after the run
	Fresh   map[string]string            // by slug: its fresh key, "" for none
	Deleted []string                     // articles no more, and entries that name none
	Meta    Meta
}

// Write writes w into the record, one transaction, and removes the
// manifest of an older lingo once its records are in.
func (b *Book) Write(w *Write) error {
	if err := b.Flush(); err != nil {
		return err
	}
	if w.Pages == nil {
		w.Pages = map[string]map[string]Record{}
	}
	for slug, recs := range b.legacy { // the older lingo's records (its own pages and files, or this run's), kept
		if _, ok := w.Pages[slug]; !ok && !slices.Contains(w.Deleted, slug) {
			w.Pages[slug] = recs
		}
	}
	err := b.db.Update(func(tx *bolt.Tx) error {
		pages, fresh, sums, counts, titles, book, err := buckets(tx)
		if err != nil {
			return err
		}
		for _, slug := range w.Deleted {
			if err := putCounts(counts, titles, []byte(slug), nil); err != nil { // its titles in every language
				return err
			}
			for _, bk := range []*bolt.Bucket{pages, fresh, sums, counts} {
				if err := bk.Delete([]byte(slug)); err != nil {
					return err
				}
			}
		}
		// In order: the same writes make the same file.
		for _, slug := range slices.Sorted(maps.Keys(w.Pages)) {
			if err := putArticle(pages, sums, counts, titles, slug, w.Pages[slug]); err != nil {
				return err
			}
		}
		for _, slug := range slices.Sorted(maps.Keys(w.Fresh)) {
			if err := putFresh(fresh, slug, w.Fresh[slug]); err != nil {
				return err
			}
		}
		meta, err := json.Marshal(w.Meta)
		if err != nil {
			return err
		}
		return book.Put(metaKey, meta)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", b.files.Rel(b.path), err)
	}
	if b.legacy != nil {
		legacy := filepath.Join(b.dir, manifestFile)
		if _, err := b.files.Remove(legacy); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// Put stages the record of slug's pages after this run (recs nil: as it
// is) and what they were made or found up to date from (fresh; "" for
// nothing), and writes what is staged every putBatch articles' records: a
// build holds no article's record past its batch (at 10,000 × 10, 100,000
// pages' files and summaries); fresh keys alone wait for Flush. The
// record of an older lingo is written whole, by Write. Safe for
// concurrent use.
func (b *Book) Put(slug string, recs map[string]Record, fresh string) error {
	b.mu.Lock()
	b.staged = append(b.staged, staged{slug, recs, fresh})
	if recs != nil {
		b.records++
	}
	if b.legacy != nil && recs != nil {
		b.legacy[slug] = recs
	}
	var batch []staged
	if b.records >= putBatch && b.legacy == nil {
		batch, b.staged, b.records = b.staged, nil, 0
	}
	b.mu.Unlock()
	return b.write(batch)
}

// Flush writes what Put staged, making the file if need be.
func (b *Book) Flush() error {
	b.mu.Lock()
	batch := b.staged
	b.staged, b.records = nil, 0
	b.mu.Unlock()
	return b.write(batch)
}

// write writes batch into the record, in order of slug, one transaction;
// it makes the file if need be.
func (b *Book) write(batch []staged) error {
	b.writing.Lock()
	defer b.writing.Unlock()
	if b.db == nil {
		if err := os.MkdirAll(filepath.Dir(b.path), 0o755); err != nil {
			return err
		}
		b.opening.Lock()
		err := b.open()
		b.opening.Unlock()
		if err != nil {
			return err
		}
	}
	if len(batch) == 0 {
		return nil
	}
	slices.SortStableFunc(batch, func(x, y staged) int { return strings.Compare(x.slug, y.slug) }) // a slug put again: the last put last
	err := b.db.Update(func(tx *bolt.Tx) error {
		pages, fresh, sums, counts, titles, _, err := buckets(tx)
		if err != nil {
			return err
		}
		for _, s := range batch {
			if s.recs != nil && b.legacy == nil {
				if err := putArticle(pages, sums, counts, titles, s.slug, s.recs); err != nil {
					return err
				}
			}
			if err := putFresh(fresh, s.slug, s.fresh); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", b.files.Rel(b.path), err)
	}
	return nil
}

// putFresh puts slug's fresh key, or deletes it for "".
func putFresh(fresh *bolt.Bucket, slug, key string) error {
	switch {
	case key == "":
		return fresh.Delete([]byte(slug))
	case !bytes.Equal(fresh.Get([]byte(slug)), []byte(key)):
		return fresh.Put([]byte(slug), []byte(key))
	}
	return nil
}

// buckets are the record's buckets in tx, made if need be.
func buckets(tx *bolt.Tx) (pages, fresh, sums, counts, titles, book *bolt.Bucket, err error) {
	had := tx.Bucket(countsBucket) != nil && tx.Bucket(titlesBucket) != nil
	bks := make([]*bolt.Bucket, 6)
	for i, name := range [][]byte{pagesBucket, freshBucket, summariesBucket, countsBucket, titlesBucket, bookBucket} {
		if bks[i], err = tx.CreateBucketIfNotExists(name); err != nil {
			return nil, nil, nil, nil, nil, nil, err
		}
	}
	// Counts and titles are small and put in key order: packed, the pages
	// an edit build reads them from are half as many.
	bks[3].FillPercent, bks[4].FillPercent = 0.9, 0.9
	if !had { // a record of a lingo before the counts and titles: each article's, from its summaries
		err = bks[2].ForEach(func(slug, data []byte) error {
			var sums map[string]Summary
			if json.Unmarshal(data, &sums) != nil {
				return nil // read as no record
			}
			return putCounts(bks[3], bks[4], slug, sums)
		})
	}
	return bks[0], bks[1], bks[2], bks[3], bks[4], bks[5], err
}

// putCounts puts the counts of an article's pages, and each one's kind
// and title under its language and slug, sums being their summaries by
// language; the titles of languages it has no page in any more go (all of
// them for sums nil).
func putCounts(counts, titles *bolt.Bucket, slug []byte, sums map[string]Summary) error {
	var old map[string]Counts
	if json.Unmarshal(counts.Get(slug), &old) == nil {
		for lang := range old {
			if _, ok := sums[lang]; !ok {
				if err := titles.Delete(titleKey(lang, slug)); err != nil {
					return err
				}
			}
		}
	}
	if sums == nil {
		return nil
	}
	c := make(map[string]Counts, len(sums))
	for lang, sum := range sums {
		c[lang] = sum.Counts
		if err := titles.Put(titleKey(lang, slug), []byte(sum.Kind+"\x00"+sum.Title)); err != nil {
			return err
		}
	}
	data, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return counts.Put(slug, data)
}

// titleKey is the key of the title of slug's page in lang.
func titleKey(lang string, slug []byte) []byte {
	return append([]byte(lang+"\x00"), slug...)
}

// putArticle stores the records of slug and their summaries.
func putArticle(pages, summaries, counts, titles *bolt.Bucket, slug string, recs map[string]Record) error {
	data, err := json.Marshal(recs)
	if err != nil {
		return err
	}
	if err := pages.Put([]byte(slug), data); err != nil {
		return err
	}
	sums := SummariesOf(recs)
	if data, err = json.Marshal(sums); err != nil {
		return err
	}
	if err := summaries.Put([]byte(slug), data); err != nil {
		return err
	}
	return putCounts(counts, titles, []byte(slug), sums)
}
