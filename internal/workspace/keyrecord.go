package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

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
	Shared  string            `json:"shared"` // the shared inputs' hash they were made under (Graph.shared)
	Sig     string            `json:"sig"`    // the signature of the files the keys were made from
	At      int64             `json:"at"`     // from when on their files are trusted (signature), nanoseconds since the epoch
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
	if g.keys.Untouched(slug) && rec.Shared == g.shared { // not kept by another lingo since
		return rec, true
	}
	sig, trusted, _ := g.signature(slug, slices.Sorted(maps.Keys(rec.Units)), rec.At, false)
	return rec, trusted && sig == rec.Sig
}

// keepKeys keeps the keys made in this run of the articles whose keys
// were not recalled, with their units' keys made from them, and what this
// run's walk saw of the articles whose kept keys hold.
func (g *Graph) keepKeys() {
	made := map[string]*keyRecord{}
	g.keys.Made(func(slug, article string, units map[string]string) {
		made[slug] = &keyRecord{Shared: g.shared, At: g.opened, Article: article, Units: units}
	})
	w := g.Writer()
	for slug, rec := range made {
		rec.Sig, _, rec.At = g.signature(slug, slices.Sorted(maps.Keys(rec.Units)), rec.At, true)
		w.PutValue(keysBucket, slug, "k", rec)
	}
	if sums, ok := g.keys.KeepWalk(); ok { // what the next build's walk is compared with (walktrust.go)
		w.PutBytes(walkBucket, walkBucket, g.shared, sums)
	}
	w.Flush()
}

// signature signs the files the keys of slug and of its units in langs are made from (articleKey,
// unitKey), reports whether each was modified long enough before at to be trusted, and when keeping,
// from when the keys hold: when the table hashed the last file, if it trusts each hash, else at.
func (g *Graph) signature(slug string, langs []string, at int64, keeping bool) (string, bool, int64) {
	buf := signBufs.Get().(*[]byte)
	defer signBufs.Put(buf)
	s := signer{g: g, at: at, trusted: true, keeping: keeping, buf: (*buf)[:0]}
	defer func() { *buf = s.buf }()
	s.buf = append(append(append(s.buf, g.shared...), 0), strings.Join(langs, ",")...)
	sp := g.pathsOf(slug)
	s.file(sp.article())
	s.catalog(sp, g.p.Config.Source)
	for _, lang := range langs {
		s.file(sp.state(lang))
		s.catalog(sp, lang)
	}
	sum := sha256.Sum256(s.buf)
	if s.unhashed {
		s.hashed = at
	}
	return hex.EncodeToString(sum[:]), s.trusted, max(s.hashed, at)
}

// signBufs are the buffers signatures are written into: one an article,
// 10,000 in a run at 10,000 × 10.
var signBufs = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// signer writes what a walk sees of files into buf, and keeps whether each was modified long
// enough before at to be trusted, and when keeping keys, when the file table hashed them.
type signer struct {
	g                          *Graph
	at, hashed                 int64 // hashed: when the last file was
	buf                        []byte
	trusted, unhashed, keeping bool
}

// file signs the file at path, named relative to the project's folder
// (the keys hold when it moves), and reports whether there is one.
func (s *signer) file(path string) bool {
	size, mtime, id, err := s.g.files.Stat(path)
	s.buf = append(append(s.buf, '\n'), strings.TrimPrefix(path, s.g.p.Config.Dir)...)
	if err != nil {
		s.buf = append(s.buf, 0, '-')
		return false
	}
	for _, n := range []int64{size, mtime, int64(id)} {
		s.buf = strconv.AppendInt(append(s.buf, 0), n, 10)
	}
	s.trusted = s.trusted && filehash.Trusted(mtime, s.at)
	if s.keeping {
		hashed, ok := s.g.files.HashedAt(path, size, mtime, id)
		s.hashed, s.unhashed = max(s.hashed, hashed), s.unhashed || !ok
	}
	return true
}

// catalog signs the files of the catalog of lang (catalogFiles).
func (s *signer) catalog(sp slugPaths, lang string) {
	_ = s.g.catalogFiles(sp, lang, func(path string) (bool, error) { return s.file(path), nil })
}
