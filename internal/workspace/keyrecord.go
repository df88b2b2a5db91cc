package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"maps"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/filehash"
)

// The keys of an article and of its units are kept in the unit cache
// between runs, each article's with the signature of the files they were
// made from: their paths, sizes, modification times and identities (change
// time and inode), what a walk sees, as git's index keeps them. While the
// signature holds, the keys hold, and no file of the article is hashed
// or looked up in the file table: at 10,000 articles × 10 languages a
// build asks for 110,000 keys, made from 230,000 files. A file modified too
// close to when the keys were made is not trusted (filehash.Trusted).

// keysBucket holds the kept keys, by slug.
const keysBucket = "keys"

// keyRecord is what is kept of an article's keys.
type keyRecord struct {
	Sig     string            `json:"sig"` // the signature of the files the keys were made from
	At      int64             `json:"at"`  // when the run that made them began, nanoseconds since the epoch
	Article string            `json:"article"`
	Units   map[string]string `json:"units"` // by language
}

// recall is the kept keys of slug, if its files are as they were when the
// keys were made.
func (g *Graph) recall(slug string) (keyRecord, bool) {
	var rec keyRecord
	if !g.Cache.Last(keysBucket, slug, &rec) || rec.Article == "" {
		return rec, false
	}
	sig, trusted := g.signature(slug, slices.Sorted(maps.Keys(rec.Units)), rec.At)
	return rec, trusted && sig == rec.Sig
}

// keepKeys keeps the keys made in this run of the articles whose keys
// were not recalled, with their units' keys made from them.
func (g *Graph) keepKeys() {
	made := map[string]*keyRecord{}
	g.keys.mu.RLock()
	for _, slug := range g.keys.made {
		if m, ok := g.keys.m[articleName(slug)]; ok {
			made[slug] = &keyRecord{At: g.opened, Article: m.key, Units: map[string]string{}}
		}
	}
	for name, m := range g.keys.m {
		lang, slug, _ := strings.Cut(name, "\x00")
		if rec := made[slug]; rec != nil && lang != "" && m.article == rec.Article {
			rec.Units[lang] = m.key
		}
	}
	g.keys.mu.RUnlock()
	w := g.Writer()
	for slug, rec := range made {
		rec.Sig, _ = g.signature(slug, slices.Sorted(maps.Keys(rec.Units)), rec.At)
		w.PutValue(keysBucket, slug, "k", rec)
	}
	w.Flush()
}

// signature signs the files the keys of slug and of its units in langs
// are made from (articleKey, unitKey), and reports whether each was
// modified long enough before at to be trusted.
func (g *Graph) signature(slug string, langs []string, at int64) (string, bool) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", g.shared, strings.Join(langs, ","))
	_, trusted := g.sign(h, g.p.ArticlePath(slug), at)
	trusted = g.signCatalog(h, g.p.Config.Source, slug, at) && trusted
	for _, lang := range langs {
		_, ok := g.sign(h, g.p.StatePath(lang, slug), at)
		trusted = g.signCatalog(h, lang, slug, at) && ok && trusted
	}
	return hex.EncodeToString(h.Sum(nil)), trusted
}

// signCatalog signs the catalog of lang for slug as catalogInto hashes
// it: the file in lingo.toml's format, or when there is none, those in
// the others.
func (g *Graph) signCatalog(h hash.Hash, lang, slug string, at int64) bool {
	present, trusted := g.sign(h, g.p.CatalogPath(lang, slug), at)
	for _, ext := range g.p.OtherExts() {
		if present {
			break
		}
		_, ok := g.sign(h, catalog.Path(g.p.Config.LocalesDir(), lang, slug, ext), at)
		trusted = trusted && ok
	}
	return trusted
}

// sign writes what a walk sees of the file at path into h, and reports
// whether there is one, and whether it was modified long enough before at
// to be trusted.
func (g *Graph) sign(h hash.Hash, path string, at int64) (present, trusted bool) {
	size, mtime, id, err := g.files.Stat(path)
	if err != nil {
		fmt.Fprintf(h, "%s\x00-\n", path)
		return false, true
	}
	fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\n", path, size, mtime, id)
	return true, filehash.Trusted(mtime, at)
}
