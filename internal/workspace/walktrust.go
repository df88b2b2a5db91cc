package workspace

import (
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/filehash"
)

// An article whose files a build's walk sees as the last build's walk saw
// them (paths, sizes, modification times, identities: summed) keeps the
// keys that build left it, unsigned (keymemo.Memos.Walk): signing every
// file took a sixth of an edit build at 10,000 × 10. The sums are kept in
// the unit cache with the keys, under the shared inputs' hash.

const walkBucket = "walk"

// TrustWalk hands the graph a walk of the project's inputs, begun at at
// (nanoseconds since the epoch): sumBy is fingerprint.Seen.SumBy.
func (g *Graph) TrustWalk(sumBy func(keysIn func(dir string) (string, func(name string) (string, bool)), trusted func(mtime int64) bool) map[string]uint64, at int64) {
	if g.contentDir == "" {
		return // the project's folders are not clean: every article is signed
	}
	defer Time("the walk compared with the last build's")()
	sums := sumBy(g.slugsIn, func(mtime int64) bool { return filehash.Trusted(mtime, at) })
	last, _ := g.GetBytes(walkBucket, walkBucket, g.shared)
	g.keys.Walk(sums, last)
}

// slugsIn is the folder of the articles a file of folder dir belongs to
// (slash-separated, with its slash, "" for the top), and the name below
// it of the article a file named name belongs to: its Markdown, a catalog
// or a state file; false for any other.
func (g *Graph) slugsIn(dir string) (string, func(name string) (string, bool)) {
	under := func(root string) (string, bool) { // "" for root, else with the slash after it
		rel, ok := strings.CutPrefix(dir+string(filepath.Separator), root+string(filepath.Separator))
		return filepath.ToSlash(rel), ok
	}
	if rel, ok := under(g.contentDir); ok {
		return rel, func(name string) (string, bool) { return strings.CutSuffix(name, ".md") }
	}
	rel, ok := under(g.localesDir)
	lang, rel, _ := strings.Cut(rel, "/")
	if !ok || lang == "" {
		return "", func(string) (string, bool) { return "", false }
	}
	if state, ok := strings.CutPrefix(rel, StateDir+"/"); ok {
		return state, func(name string) (string, bool) { return strings.CutSuffix(name, ".json") }
	}
	return rel, func(name string) (string, bool) {
		stem, fileLang, _, ok := CatalogName(name)
		return stem, ok && fileLang == lang
	}
}
