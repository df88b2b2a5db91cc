package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"os"

	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// A bundle file is made again on every build, but most of its parts are
// those of the file already written. Its layout, kept in the unit cache
// under the hash of the file's bytes, says where each article's part
// stands in it and from what inputs it was made: while the file on disk is
// the one lingo wrote, an unchanged unit's part is cut from it, and only
// the parts of changed units come from the cache or the gate. A build
// after one edit then reads each bundle file once, not a cache entry per
// unit (which, at 10,000 articles × 10 languages, would touch most of the
// cache).

// layoutBucket keeps, per language, the layout of its bundle file.
const layoutBucket = "bundle-layout"

// layout is where each part of a bundle file stands, by slug.
type layout map[string]span

// span is one article's part in a bundle file: its unit's key, and the
// bytes it takes.
type span struct {
	Key        string `json:"key"`
	Start, End int
}

// oldFile is the bundle file of a language as the last build wrote it,
// and its layout; nil when the file is not there, not the one lingo
// wrote, or its layout is not known.
type oldFile struct {
	data   []byte
	layout layout
}

// readOld reads lang's bundle file and finds its layout.
func (b Bundler) readOld(g *workspace.Graph, lang string) *oldFile {
	data, err := os.ReadFile(b.Path(lang))
	if err != nil {
		return nil
	}
	var l layout
	if !g.Cache.Get(layoutBucket, lang, hash(data), &l) {
		return nil
	}
	for _, s := range l {
		if s.Start < 0 || s.Start > s.End || s.End > len(data) {
			return nil
		}
	}
	return &oldFile{data, l}
}

// part is the part of slug in the old file when it was made from the
// unit key key.
func (f *oldFile) part(slug, key string) ([]byte, bool) {
	if f == nil {
		return nil, false
	}
	s, ok := f.layout[slug]
	if !ok || s.Key != key {
		return nil, false
	}
	return f.data[s.Start:s.End], true
}

// putLayout stores the layout of data, lang's bundle file, whose parts,
// those of slugs made from keys, start at start.
func putLayout(store *workspace.CacheWriter, lang string, data []byte, start int, slugs []string, parts [][]byte, keys []string) {
	l := make(layout, len(slugs))
	for i, slug := range slugs {
		l[slug] = span{Key: keys[i], Start: start, End: start + len(parts[i])}
		start += len(parts[i])
	}
	store.Put(unitcache.Item{Bucket: layoutBucket, Unit: lang, Key: hash(data), Value: l})
}

func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
