package workspace

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/filehash"
	"github.com/lingo-l10n/lingo/internal/keymemo"
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
// modification time changed, and an article's keys are recalled from the
// last run while none of its files changed (keyrecord.go).

// cacheFolder holds the unit cache and the file table, in the project's
// .lingo folder, which a .gitignore keeps out of version control: safe to
// delete.
func (p *Project) cacheFolder() string {
	return filepath.Join(p.Config.Dir, ".lingo", "cache")
}

// Graph is one run's view of the build Graph.
type Graph struct {
	p                      *Project
	keys                   keymemo.Memos // article and unit keys, for this run
	slugs                  []string      // the articles, once listed
	files                  *filehash.Table
	Cache                  *unitcache.Cache
	shared                 string          // the hash of the shared inputs
	inputs                 map[string]bool // the shared inputs' files
	created                string          // the first folder of the cache's path that did not exist
	opened                 int64           // when the graph was opened, nanoseconds since the epoch
	contentDir, localesDir string          // the project's folders, if clean (slugPaths)
	orphans                orphanWalks
}

// CachePath is the path of a file named name in the cache's folder
// (translation memory's index keeps its own file there).
func (g *Graph) CachePath(name string) string { return filepath.Join(g.p.cacheFolder(), name) }

// openGraph opens the file table and the unit cache, and hashes the shared
// inputs. The caller must close it.
func (p *Project) openGraph() (*Graph, error) {
	g := &Graph{p: p, files: filehash.Open(filepath.Join(p.cacheFolder(), "files")),
		Cache: unitcache.Open(filepath.Join(p.cacheFolder(), "units.db")), created: firstMissing(p.cacheFolder()),
		opened: time.Now().UnixNano()}
	g.files.Known = p.Known
	if c, l := p.Config.ContentDir(), p.Config.LocalesDir(); filepath.Clean(c) == c && filepath.Clean(l) == l {
		g.contentDir, g.localesDir = c, l
	}
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
	g.inputs = map[string]bool{}
	for _, path := range paths {
		if _, err := g.hashInto(h, path); err != nil {
			g.close(err)
			return nil, err
		}
		g.inputs[path] = true
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
// nothing on disk. A run interrupted at a safe point keeps what it
// recorded, as a complete one does: the files it wrote are on disk, and
// the next run goes on from there (else an interrupted first build does
// its sync again: a quarter of an hour at 10,000 × 10).
func (g *Graph) close(err error) {
	defer Time("the build graph closed")()
	keep := err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	if keep {
		g.keepKeys()
	}
	_ = g.Cache.Close()
	if keep {
		_ = g.files.Save()
	}
	_ = g.files.Close()
	if keep {
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

// forget forgets the keys made from files lingo writes: the unit's
// whose catalog or state the file is, the article's whose Markdown or
// source catalog it is (its units' keys, made from the article's, are
// then made again), and every key for a shared input. The file table
// hashes a file again when its size or modification time changed.
func (g *Graph) forget(files []Pending) {
	for _, f := range files {
		if g.inputs[f.Path] {
			g.keys.ForgetAll()
		} else if slug, lang, ok := g.keyOf(f.Path); ok {
			g.keys.Forget(slug, lang)
		}
	}
}

// keyOf is the key made from the file at path: of the unit of lang and
// slug whose catalog or state file it is, or of the article slug ("" for
// lang) whose Markdown or source catalog it is; false for any other file.
func (g *Graph) keyOf(path string) (slug, lang string, ok bool) {
	cfg := g.p.Config
	if rel, err := filepath.Rel(cfg.ContentDir(), path); err == nil && filepath.IsLocal(rel) && strings.HasSuffix(rel, ".md") {
		return filepath.ToSlash(strings.TrimSuffix(rel, ".md")), "", true
	}
	rel, err := filepath.Rel(cfg.LocalesDir(), path)
	if err != nil || !filepath.IsLocal(rel) {
		return "", "", false
	}
	lang, file, _ := strings.Cut(filepath.ToSlash(rel), "/")
	if state, ok := strings.CutPrefix(file, StateDir+"/"); ok {
		slug = strings.TrimSuffix(state, ".json")
	} else if s, fileLang, _, ok := CatalogName(file); ok && fileLang == lang {
		slug = s
	} else {
		return "", "", false
	}
	if lang == cfg.Source {
		lang = ""
	}
	return slug, lang, true
}

// memo is the key of slug's unit in lang, or of the article for lang "",
// made by compute once per run until a file it was made from is written:
// sync, publishing, the bundle and check ask for every unit's key. A
// unit's key is kept with the article key it was made from, and made
// again when asked for with another.
func (g *Graph) memo(slug, lang, article string, compute func() (string, error)) (string, error) {
	m, gen, ok := g.keys.Get(slug, lang)
	if ok && m.Article == article {
		return m.Key, nil
	}
	key, err := compute()
	if err != nil {
		return "", err
	}
	g.keys.Put(gen, slug, lang, keymemo.Key{Article: article, Key: key})
	return key, nil
}

// hashInto writes path and the hash of its file into h; "" is no file.
// It returns the hash.
func (g *Graph) hashInto(h io.Writer, path string) (string, error) {
	sum := filehash.Absent
	if path != "" {
		var err error
		if sum, err = g.files.Hash(path); err != nil {
			return "", err
		}
	}
	_, err := fmt.Fprintf(h, "%s\x00%s\x00", g.p.Rel(path), sum)
	return sum, err
}

// catalogFiles visits the files the catalog of lang for slug is read
// from: the file in lingo.toml's format, or when visit says there is none,
// those in the others. Keys hash them (catalogInto) and kept keys sign
// them (signer): the same files, always.
func (g *Graph) catalogFiles(sp slugPaths, lang string, visit func(path string) (there bool, err error)) error {
	there, err := visit(sp.catalog(lang, g.p.Config.Format))
	if err != nil || there {
		return err
	}
	for _, ext := range g.p.OtherExts() {
		if _, err := visit(sp.catalog(lang, ext)); err != nil {
			return err
		}
	}
	return nil
}

// catalogInto hashes into h the catalog of lang for slug (catalogFiles).
func (g *Graph) catalogInto(h io.Writer, sp slugPaths, lang string) error {
	return g.catalogFiles(sp, lang, func(path string) (bool, error) {
		sum, err := g.hashInto(h, path)
		return sum != filehash.Absent, err
	})
}

// slugPaths names the files of an article's keys as ArticlePath,
// CatalogPath and StatePath do, put together from clean names rather than
// joined and cleaned: a build signs 220,000 files at 10,000 × 10.
type slugPaths struct {
	g               *Graph
	slug, rel       string // rel: slug with the system's separators
	contentDir, loc string // the project's folders; "" where a path is joined
}

func (g *Graph) pathsOf(slug string) slugPaths {
	sp := slugPaths{g: g, slug: slug, rel: filepath.FromSlash(slug)}
	if filepath.IsLocal(sp.rel) && filepath.Clean(sp.rel) == sp.rel {
		sp.contentDir, sp.loc = g.contentDir, g.localesDir
	}
	return sp
}

func (sp slugPaths) article() string {
	if sp.contentDir == "" {
		return sp.g.p.ArticlePath(sp.slug)
	}
	return sp.contentDir + string(filepath.Separator) + sp.rel + ".md"
}

func (sp slugPaths) catalog(lang, ext string) string {
	if sp.loc == "" || !cleanName(lang) {
		return catalog.Path(sp.g.p.Config.LocalesDir(), lang, sp.slug, ext)
	}
	return sp.loc + string(filepath.Separator) + lang + string(filepath.Separator) + sp.rel + "." + lang + "." + ext
}

func (sp slugPaths) state(lang string) string {
	if sp.loc == "" || !cleanName(lang) {
		return sp.g.p.StatePath(lang, sp.slug)
	}
	return sp.loc + string(filepath.Separator) + lang + string(filepath.Separator) + StateDir + string(filepath.Separator) + sp.rel + ".json"
}

// cleanName reports whether joining leaves name, a folder's, as it is.
func cleanName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, `/\`)
}

// ArticleKey hashes what an article is read from: its Markdown and its
// source catalog (which carries its message IDs over). The keys of the
// article and of its units are recalled from the last run that made them
// while none of their files changed (recall).
func (g *Graph) ArticleKey(slug string) (string, error) {
	gen := g.keys.Gen() // recalled keys are not kept past a file written since
	var recalled map[string]string
	key, err := g.memo(slug, "", "", func() (string, error) {
		if rec, ok := g.recall(slug); ok {
			if rec.Shared != g.shared { // signed under these inputs, by an earlier lingo: kept again, naming them
				g.keys.MadeFrom(slug)
			}
			recalled = rec.Units
			return rec.Article, nil
		}
		g.keys.MadeFrom(slug)
		return g.articleKey(slug)
	})
	for lang, unit := range recalled {
		g.keys.Put(gen, slug, lang, keymemo.Key{Article: key, Key: unit})
	}
	return key, err
}

func (g *Graph) articleKey(slug string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", g.shared)
	sp := g.pathsOf(slug)
	if _, err := g.hashInto(h, sp.article()); err != nil {
		return "", err
	}
	if err := g.catalogInto(h, sp, g.p.Config.Source); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// UnitKey hashes the inputs of the unit of lang and the article whose
// articleKey is article: the article, the unit's catalog and its state.
func (g *Graph) UnitKey(article, lang, slug string) (string, error) {
	return g.memo(slug, lang, article, func() (string, error) {
		g.keys.MadeFrom(slug)
		return g.unitKey(article, lang, slug)
	})
}

func (g *Graph) unitKey(article, lang, slug string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", article, lang)
	sp := g.pathsOf(slug)
	if err := g.catalogInto(h, sp, lang); err != nil {
		return "", err
	}
	if _, err := g.hashInto(h, sp.state(lang)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// UnitKeys is the key of the unit of slug in each of langs.
func (g *Graph) UnitKeys(slug string, langs []string) ([]string, error) {
	if _, keys, ok := g.keys.Units(slug, langs); ok {
		return keys, nil
	}
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

// articleUnit names in the cache the record of an article's units
// (unitcache.Units): a unit of no language, which PruneUnits prunes with
// the article.
func articleUnit(slug string) string { return UnitName("", slug) }

// ReadUnits is the record of slug's units in bucket; empty when there is
// none.
func ReadUnits[T any](g *Graph, bucket, slug string) unitcache.Units[T] {
	u := unitcache.Units[T]{}
	if !g.Cache.Last(bucket, articleUnit(slug), &u) {
		clear(u)
	}
	return u
}

// PutUnits queues units, the record of slug's units, in bucket.
func PutUnits(w *CacheWriter, bucket, slug string, units any) {
	w.PutValue(bucket, articleUnit(slug), "units", units)
}

// PruneUnits removes from the cache's bucket the units of articles that
// are no more.
func (g *Graph) PruneUnits(bucket string, slugs []string) {
	h := sha256.New()
	for _, s := range slugs {
		h.Write([]byte(s + "\n"))
	}
	_ = g.Cache.Prune(bucket, hex.EncodeToString(h.Sum(nil)), func(unit string) bool {
		_, slug, _ := strings.Cut(unit, " ")
		_, found := slices.BinarySearch(slugs, slug)
		return found
	})
}

// CacheWriter stores results in the unit cache a batch at a time, from
// every core.
type CacheWriter = unitcache.Writer

// Shared is the hash of the inputs every unit shares (lingo's version,
// lingo.toml, the glossary, the page words, the check vocabulary).
func (g *Graph) Shared() string { return g.shared }

// Writer is a CacheWriter on the graph's unit cache.
func (g *Graph) Writer() *CacheWriter { return g.Cache.Writer() }

// GetBytes is what PutBytes stored for unit under key in bucket, if it
// did.
func (g *Graph) GetBytes(bucket, unit, key string) ([]byte, bool) {
	var raw unitcache.Raw
	ok := g.Cache.Get(bucket, unit, key, &raw)
	return raw, ok
}
