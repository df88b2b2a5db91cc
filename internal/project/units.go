package project

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/filehash"
	"github.com/lingo-l10n/lingo/internal/unitcache"
)

// The build graph. A unit is an article in a target language: what sync
// writes for it, what check finds in it and what it publishes depend on
// the article, its source catalog, the unit's catalog and state file, and
// the project's shared inputs (lingo's version, lingo.toml, the glossary,
// the page words, the check vocabulary) alone. A unit's key hashes all of
// them; what a command worked out for a unit is kept in the unit cache
// under that key, and worked out again only when the key differs. Files
// are hashed through a table that reads a file only when its size or
// modification time changed.

// cacheFolder holds the unit cache and the file table, in the project's
// .lingo folder, which a .gitignore keeps out of version control: safe to
// delete.
func (p *Project) cacheFolder() string {
	return filepath.Join(p.Config.Dir, ".lingo", "cache")
}

// Graph is one run's view of the build Graph.
type Graph struct {
	p       *Project
	hashes  sync.Map // path → its hash, for this run: forgotten when lingo writes the file
	slugs   []string // the articles, once listed
	files   *filehash.Table
	Cache   *unitcache.Cache
	shared  string // the hash of the shared inputs
	created string // the first folder of the cache's path that did not exist
}

// openGraph opens the file table and the unit cache, and hashes the shared
// inputs. The caller must close it.
func (p *Project) openGraph() (*Graph, error) {
	g := &Graph{p: p, files: filehash.Open(filepath.Join(p.cacheFolder(), "files")),
		Cache: unitcache.Open(filepath.Join(p.cacheFolder(), "units.db")), created: firstMissing(p.cacheFolder())}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", Version, p.Config.Source)
	paths := []string{p.Config.Path, p.GlossaryPath()}
	for _, dir := range []string{p.Folder(p.Config.Words), p.Folder(p.Config.Check.Vocabulary)} {
		if dir == "" {
			continue
		}
		_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				paths = append(paths, path)
			}
			return nil
		})
	}
	for _, path := range paths {
		if err := g.hashInto(h, path); err != nil {
			g.close(err)
			return nil, err
		}
	}
	g.shared = hex.EncodeToString(h.Sum(nil))
	return g, nil
}

// WithGraph runs fn with the graph of the command running (a build's steps
// share one), else with a graph of its own, closed after fn.
func (p *Project) WithGraph(fn func(g *Graph) error) error {
	if p.graph != nil {
		return fn(p.graph)
	}
	g, err := p.openGraph()
	if err != nil {
		return err
	}
	p.graph = g
	err = fn(g)
	p.graph = nil
	g.close(err)
	return err
}

// close saves the file table and closes the cache after a run that ended
// with err; both are caches, so a failure to save them is no error of the
// run. A run that failed leaves no folder it made: bad input changes
// nothing on disk.
func (g *Graph) close(err error) {
	_ = g.Cache.Close()
	if err == nil {
		_ = g.files.Save()
		ignore := filepath.Join(g.p.Config.Dir, ".lingo", ".gitignore")
		if _, err := os.Stat(ignore); errors.Is(err, fs.ErrNotExist) {
			_ = os.WriteFile(ignore, []byte("# lingo's cache: safe to delete, not to commit\n*\n"), 0o644)
		}
	} else if g.created != "" {
		_ = os.RemoveAll(g.created)
	}
}

// firstMissing is the first folder of path, from the root, that does not
// exist; "" when path exists.
func firstMissing(path string) string {
	missing := ""
	for dir := path; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(dir); err == nil {
			return missing
		}
		missing = dir
		if filepath.Dir(dir) == dir {
			return missing
		}
	}
}

// hash is the hash of the file at path (filehash.Absent for none), once
// per run until lingo writes the file.
func (g *Graph) hash(path string) (string, error) {
	if sum, ok := g.hashes.Load(path); ok {
		return sum.(string), nil
	}
	sum, err := g.files.Hash(path)
	if err == nil {
		g.hashes.Store(path, sum)
	}
	return sum, err
}

// forget forgets the hash of files lingo writes.
func (g *Graph) forget(files []Pending) {
	for _, f := range files {
		g.hashes.Delete(f.Path)
	}
}

// hashInto writes path and the hash of its file into h; "" is no file.
func (g *Graph) hashInto(h io.Writer, path string) error {
	sum := filehash.Absent
	if path != "" {
		var err error
		if sum, err = g.hash(path); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintf(h, "%s\x00%s\x00", g.p.rel(path), sum)
	return err
}

// catalogInto hashes into h the catalog of lang for slug: the file in
// lingo.toml's format, or when there is none, those in the others.
func (g *Graph) catalogInto(h io.Writer, lang, slug string) error {
	path := g.p.CatalogPath(lang, slug)
	if err := g.hashInto(h, path); err != nil {
		return err
	}
	if sum, _ := g.hash(path); sum != filehash.Absent {
		return nil
	}
	for _, ext := range g.p.OtherExts() {
		if err := g.hashInto(h, catalog.Path(g.p.Config.LocalesDir(), lang, slug, ext)); err != nil {
			return err
		}
	}
	return nil
}

// ArticleKey hashes what an article is read from: its Markdown and its
// source catalog (which carries its message IDs over).
func (g *Graph) ArticleKey(slug string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", g.shared)
	if err := g.hashInto(h, g.p.ArticlePath(slug)); err != nil {
		return "", err
	}
	if err := g.catalogInto(h, g.p.Config.Source, slug); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// UnitKey hashes the inputs of the unit of lang and the article whose
// articleKey is article: the article, the unit's catalog and its state.
func (g *Graph) UnitKey(article, lang, slug string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", article, lang)
	if err := g.catalogInto(h, lang, slug); err != nil {
		return "", err
	}
	if err := g.hashInto(h, g.p.StatePath(lang, slug)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// UnitKeys is the key of the unit of slug in each of langs.
func (g *Graph) UnitKeys(slug string, langs []string) ([]string, error) {
	a, err := g.ArticleKey(slug)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(langs))
	for i, lang := range langs {
		if keys[i], err = g.UnitKey(a, lang, slug); err != nil {
			return nil, err
		}
	}
	return keys, nil
}

// UnitName names a unit in the cache.
func UnitName(lang, slug string) string { return lang + " " + slug }

// PruneUnits removes from the cache's bucket the units of articles that
// are no more.
func (g *Graph) PruneUnits(bucket string, slugs []string) {
	_ = g.Cache.Prune(bucket, func(unit string) bool {
		_, slug, _ := strings.Cut(unit, " ")
		_, found := slices.BinarySearch(slugs, slug)
		return found
	})
}

// The "sync" bucket keeps, per unit, the unit's key when sync last left it
// with nothing to write, and per article ("<source> <slug>") the article's
// key when its source catalog was written.
const syncBucket = "sync"

// syncRecord is what the cache keeps of a unit sync left as it is.
type syncRecord struct {
	// Missing has the textKey of each of its messages without
	// translation, which translation memory fills once another unit of
	// the language offers a translation of the same text.
	Missing []uint64 `json:"missing,omitempty"`
}

// textKey identifies a text, white space aside (as translation memory
// matches it exactly), across runs.
func textKey(text string) uint64 {
	h := fnv.New64a()
	for w := range strings.FieldsSeq(text) {
		h.Write([]byte(w))
		h.Write([]byte{' '})
	}
	return h.Sum64()
}

// synced is which units of a sync are as the last sync left them; nil is
// none.
type synced struct {
	units       [][]bool // per language, per article
	source      []bool   // per article: its source catalog
	articleKeys []string // per article: its key
	// per language, per changed article: the textKeys of its messages
	// without translation that the last sync looked up in translation
	// memory in vain, and that no changed unit offers a translation for:
	// not looked up again
	looked [][]map[uint64]bool
}

// unit reports whether the unit of language k and article i is clean.
func (s *synced) unit(k, i int) bool { return s != nil && s.units[k][i] }

// article reports whether every unit of article i, and its source catalog,
// are clean.
func (s *synced) article(i int) bool {
	if s == nil || !s.source[i] {
		return false
	}
	for k := range s.units {
		if !s.units[k][i] {
			return false
		}
	}
	return true
}

// syncedUnits finds the units of langs and slugs whose inputs are those
// the last sync left them with. A unit with messages without translation
// counts only while no unit of its language that changed offers a
// translation of one of their texts (translation memory would fill it):
// exact matches only, from the keys of those texts the cache keeps; a
// message that changed is looked up in full (similar texts too) by the
// sync of its own unit. Only a plain sync uses the cache: accepting stale
// translations, or leaving translation memory out, is worked out again.
func (g *Graph) syncedUnits(langs, slugs []string, opts SyncOptions) (*synced, error) {
	if opts.Accept != nil || opts.AcceptAll || opts.NoMemory || opts.Lenient {
		return nil, nil
	}
	s := &synced{units: make([][]bool, len(langs)), source: make([]bool, len(slugs)), articleKeys: make([]string, len(slugs)),
		looked: make([][]map[uint64]bool, len(langs))}
	missing := make([][][]uint64, len(langs))
	for k := range langs {
		s.units[k], missing[k], s.looked[k] = make([]bool, len(slugs)), make([][]uint64, len(slugs)), make([]map[uint64]bool, len(slugs))
	}
	err := parallel(len(slugs), func(i int) error {
		a, err := g.ArticleKey(slugs[i])
		if err != nil {
			return err
		}
		s.articleKeys[i] = a
		var rec syncRecord
		s.source[i] = g.Cache.Get(syncBucket, UnitName(g.p.Config.Source, slugs[i]), a, &rec)
		for k, lang := range langs {
			key, err := g.UnitKey(a, lang, slugs[i])
			if err != nil {
				return err
			}
			rec = syncRecord{}
			s.units[k][i] = g.Cache.Get(syncBucket, UnitName(lang, slugs[i]), key, &rec)
			missing[k][i] = rec.Missing
			if !s.units[k][i] && g.Cache.Last(syncBucket, UnitName(lang, slugs[i]), &rec) && len(rec.Missing) > 0 {
				s.looked[k][i] = map[uint64]bool{}
				for _, t := range rec.Missing {
					s.looked[k][i][t] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, lang := range langs {
		if err := g.offered(lang, slugs, s.units[k], missing[k], s.looked[k]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// offered marks as changed (clean[i] false) the clean units of lang whose
// messages without translation (the textKeys of missing) a changed unit
// of the language has a translation for, and takes those texts out of
// looked, the texts of changed units not to look up again.
func (g *Graph) offered(lang string, slugs []string, clean []bool, missing [][]uint64, looked []map[uint64]bool) error {
	wanted := map[uint64]bool{}
	for i := range slugs {
		if clean[i] {
			for _, k := range missing[i] {
				wanted[k] = true
			}
		}
		for k := range looked[i] {
			wanted[k] = true
		}
	}
	if len(wanted) == 0 || !slices.Contains(clean, false) {
		return nil
	}
	found := make([][]uint64, len(slugs)) // per changed unit: the wanted texts it translates
	err := parallel(len(slugs), func(i int) error {
		if clean[i] {
			return nil
		}
		a, err := g.p.Load(slugs[i])
		if err != nil {
			return err
		}
		c, st, err := g.p.ReadTarget(lang, slugs[i])
		if err != nil {
			return err
		}
		for j, src := range EntrySources(a, c, st) {
			if k := textKey(src); c.Entries[j].Other != "" && wanted[k] {
				found[i] = append(found[i], k)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	offers := map[uint64]bool{}
	for _, keys := range found {
		for _, k := range keys {
			offers[k] = true
		}
	}
	for i := range slugs {
		if clean[i] && slices.ContainsFunc(missing[i], func(k uint64) bool { return offers[k] }) {
			clean[i] = false
		}
		for k := range looked[i] {
			if offers[k] {
				delete(looked[i], k) // offered anew: looked up again
			}
		}
	}
	return nil
}

// recordSynced records the units sync wrote or found up to date, under
// the keys of their files as sync left them.
func (g *Graph) recordSynced(langs, slugs []string, plans []*LangPlan, before *synced) {
	if before == nil {
		return
	}
	var items []unitcache.Item
	var mu sync.Mutex
	_ = parallel(len(slugs), func(i int) error {
		if before.article(i) {
			return nil
		}
		a, err := g.ArticleKey(slugs[i])
		if err != nil {
			return err
		}
		mine := []unitcache.Item{{Bucket: syncBucket, Unit: UnitName(g.p.Config.Source, slugs[i]), Key: a, Value: syncRecord{}}}
		for k, lang := range langs {
			if before.unit(k, i) && a == before.articleKeys[i] {
				continue
			}
			key, err := g.UnitKey(a, lang, slugs[i])
			if err != nil {
				return err
			}
			mine = append(mine, unitcache.Item{Bucket: syncBucket, Unit: UnitName(lang, slugs[i]), Key: key, Value: syncRecord{Missing: plans[k].missingKeys[i]}})
		}
		mu.Lock()
		items = append(items, mine...)
		mu.Unlock()
		return nil
	})
	_ = g.Cache.Put(items)
	g.PruneUnits(syncBucket, slugs)
}

// The "check" bucket keeps what lingo check found in each unit, counted,
// with its errors (unitCheck); the "findings" bucket every finding, for
// the check that lists them.
const (
	checkBucket    = "check"
	findingsBucket = "findings"
)

// CacheWriter stores results in the unit cache a batch at a time, from
// every core: one transaction per batch.
type CacheWriter struct {
	cache *unitcache.Cache
	mu    sync.Mutex
	items []unitcache.Item
}

// Put queues items, and stores the batch when it is full.
func (w *CacheWriter) Put(items ...unitcache.Item) {
	w.mu.Lock()
	w.items = append(w.items, items...)
	var full []unitcache.Item
	if len(w.items) >= 256 {
		full, w.items = w.items, nil
	}
	w.mu.Unlock()
	_ = w.cache.Put(full)
}

// putCheck queues what checking a unit found (a copy: the caller goes on
// with its findings).
func (w *CacheWriter) putCheck(unit, key string, u UnitCheck, found []check.Finding) {
	w.Put(unitcache.Item{Bucket: checkBucket, Unit: unit, Key: key, Value: u},
		unitcache.Item{Bucket: findingsBucket, Unit: unit, Key: key, Value: slices.Clone(found)})
}

// Flush stores what is queued.
func (w *CacheWriter) Flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	_ = w.cache.Put(w.items)
	w.items = nil
}
