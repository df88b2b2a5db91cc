package bundle

import (
	"os"
	"strconv"

	"github.com/lingo-l10n/lingo/internal/fingerprint"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// A bundle file is made again on every build, but most of its parts are
// those of the file already written. Its layout, kept in the unit cache
// under the file's fingerprint as lingo wrote it (size, modification and
// change times, inode: git's index trusts the same), says where each
// article's part stands in it and from what inputs it was made: while the
// file on disk is the one lingo wrote, an unchanged unit's part is cut from
// it, and only
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

// readOld finds the layout of lang's bundle file, and reads it.
func (b Bundler) readOld(g *workspace.Graph, lang string) *oldFile {
	var l layout
	if !g.Cache.Get(layoutBucket, lang, identity(b.Path(lang)), &l) {
		return nil
	}
	data, err := os.ReadFile(b.Path(lang))
	if err != nil {
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

// layOut is the layout of a file whose parts, those of slugs made from
// keys, start at start.
func layOut(start int, slugs []string, parts [][]byte, keys []string) layout {
	l := make(layout, len(slugs))
	for i, slug := range slugs {
		l[slug] = span{Key: keys[i], Start: start, End: start + len(parts[i])}
		start += len(parts[i])
	}
	return l
}

// putLayout stores l, the layout of lang's bundle file at path, under the
// file's identity as it is now on disk.
func putLayout(store *workspace.CacheWriter, lang, path string, l layout) {
	if id := identity(path); id != "" {
		store.PutValue(layoutBucket, lang, id, l)
	}
}

// identity is the fingerprint of the file at path (its size, times and
// inode), "" when there is none: a change to the file changes it.
func identity(path string) string {
	sum := fingerprint.Files(path)
	if sum.Files == 0 {
		return ""
	}
	return strconv.FormatUint(sum.Hash, 16)
}
