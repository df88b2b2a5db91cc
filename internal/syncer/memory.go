package syncer

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/tm"
	"github.com/lingo-l10n/lingo/internal/tmindex"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Translation memory from its index (internal/tmindex). A language's
// memory is every translation of its catalogs, each with the source text
// it was made from (EntrySources), then its archive. Read in full, it
// costs a read of every article and catalog of the language; the index
// keeps each unit's translations under the unit's key, so that a sync
// that looks up a few texts reads only the units whose key changed since
// they were indexed (the ones an edit touched) and asks the index for
// the rest. What the index offers is what reading the memory would offer
// (the same translations, with the same keys), and tm.Recall keeps the
// same best offer.

// indexTexts is the most texts a lookup asks the index for, or twice the
// language's articles if more; more (a first sync) are looked for by
// offering the whole memory, which indexes it on the way. At 10,000
// articles, a first sync looks for 20,000 texts at a time (recallTexts):
// were each such window to read the whole memory, sync would read every
// article of the language once per window.
var indexTexts = 2000

// staleUnits is how many units of a language may need indexing again
// before the whole memory is offered instead (also when more than a
// quarter of the language).
var staleUnits = 64

// memoryIndex is the index of one language's memory during a lookup.
type memoryIndex struct {
	x     *tmindex.Index
	lang  string
	slugs []string
	keys  []string // per article: its unit's key now
	stale []int    // the articles whose unit is not indexed under its key now, in order
	gone  []string // the indexed units of articles that are no more
}

// openMemory returns the index of lang's memory with the keys of its
// units, nil when there is none (no build graph, or its file cannot be
// used).
func (p Syncer) openMemory(lang string, slugs []string) *memoryIndex {
	var m *memoryIndex
	_ = p.WithGraph(func(g *workspace.Graph) error {
		x := tmindex.Open(g.CachePath(memoryFile))
		if x == nil {
			return nil
		}
		keys, err := p.unitKeys(g, lang, slugs, nil)
		var stale []int
		var gone []string
		if err == nil {
			stale, gone, err = x.Compare(lang, slugs, keys)
		}
		if err != nil {
			x.Close()
			return nil
		}
		m = &memoryIndex{x: x, lang: lang, slugs: slugs, keys: keys, stale: stale, gone: gone}
		return nil
	})
	return m
}

// unitKeys is the key of each article's unit in lang; "" for the
// articles want rejects (a nil want takes every one).
func (p Syncer) unitKeys(g *workspace.Graph, lang string, slugs []string, want func(i int) bool) ([]string, error) {
	keys := make([]string, len(slugs))
	err := workers.Run(p.Context(), len(slugs), func(i int) error {
		if want != nil && !want(i) {
			return nil
		}
		k, err := g.UnitKeys(slugs[i], []string{lang})
		if err == nil {
			keys[i] = k[0]
		}
		return err
	})
	return keys, err
}

// memoryFile is the index's file in the cache's folder.
const memoryFile = "tm.db"

// close closes the index.
func (m *memoryIndex) close() {
	if m != nil {
		_ = m.x.Close()
	}
}

// tooStale reports whether so many units are not indexed under their key
// now that offering the whole memory costs less than indexing them again
// for one lookup.
func (m *memoryIndex) tooStale() bool {
	return m != nil && len(m.stale) > staleUnits && len(m.stale) > len(m.slugs)/4
}

// isStale reports whether article i's unit is not indexed under its key
// now.
func (m *memoryIndex) isStale(i int) bool {
	_, found := slices.BinarySearch(m.stale, i)
	return found
}

// indexUnit is what the unit of article a (slug), with its catalog c and
// state st in a language, offers, under key.
func indexUnit(slug, key string, a *workspace.Article, c *catalog.Catalog, st workspace.Records) tmindex.Unit {
	u := tmindex.Unit{Slug: slug, Key: key}
	for j, src := range EntrySources(a, c, st) {
		if src != "" && c.Entries[j].Other != "" {
			u.Pairs = append(u.Pairs, tmindex.Pair{J: j, Source: src, Translation: c.Entries[j].Other})
		}
	}
	return u
}

// recall offers r the memory of the language's catalogs: the units whose
// key changed since they were indexed as they are now (read reads them),
// the others from the index. It reports false, having offered nothing,
// when that would not be cheaper than offering the whole memory: too many
// texts, or too many units whose key changed. Of those, it indexes again
// the ones sync does not write next (writes): those it writes, indexSynced
// indexes as written (indexing an edited unit here too cost 12 ms a
// language at 10,000 × 10, a write of the index for each).
func (m *memoryIndex) recall(p Syncer, r *tm.Recall, read target, writes func(i int) bool) (bool, error) {
	if m == nil || r.Len() > max(indexTexts, 2*len(m.slugs)) {
		return false, nil
	}
	if m.tooStale() {
		return false, nil
	}
	stale := m.stale
	units := make([]tmindex.Unit, len(stale))
	err := workers.Run(p.Context(), len(stale), func(k int) error {
		a, c, st, err := read(stale[k])
		if err == nil {
			units[k] = indexUnit(m.slugs[stale[k]], m.keys[stale[k]], a, c, st)
		}
		return err
	})
	if err != nil {
		return false, err
	}
	var index []tmindex.Unit
	offered := map[string]bool{}
	for k, u := range units {
		if !writes(stale[k]) {
			index = append(index, u)
			continue
		}
		offered[u.Slug] = true
		for _, pair := range u.Pairs {
			r.Offer(uint64(stale[k])<<32|uint64(pair.J), pair.Source, pair.Translation)
		}
	}
	if err := m.x.Update(m.lang, index, m.gone); err != nil {
		return false, nil // the index is a cache: offer the memory instead
	}
	order := func(slug string) (int, bool) {
		i, ok := slices.BinarySearch(m.slugs, slug)
		return i, ok && !offered[slug]
	}
	if err := m.x.Recall(m.lang, r, order); err != nil {
		return false, nil
	}
	return true, nil
}

// indexer indexes the units a full read of the memory reads, whose key
// changed, a batch at a time.
type indexer struct {
	m     *memoryIndex
	mu    sync.Mutex
	units []tmindex.Unit
}

// add indexes article i's unit if its key changed.
func (ix *indexer) add(i int, a *workspace.Article, c *catalog.Catalog, st workspace.Records) {
	if ix == nil || !ix.m.isStale(i) {
		return
	}
	u := indexUnit(ix.m.slugs[i], ix.m.keys[i], a, c, st)
	ix.mu.Lock()
	ix.units = append(ix.units, u)
	var full []tmindex.Unit
	if len(ix.units) >= 64 {
		full, ix.units = ix.units, nil
	}
	ix.mu.Unlock()
	// Indexed outside the lock: the other workers read their units
	// meanwhile (bbolt takes one writer at a time).
	ix.update(full)
}

// flush indexes what is queued, and the units of articles that are gone.
func (ix *indexer) flush() {
	if ix == nil {
		return
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.update(ix.units)
	ix.units = nil
	_ = ix.m.x.Update(ix.m.lang, nil, ix.m.gone)
}

// update indexes units. The index is a cache: a unit it failed to take is
// indexed again by a later lookup, its key being still not the one
// recorded.
func (ix *indexer) update(units []tmindex.Unit) {
	if len(units) > 0 {
		_ = ix.m.x.Update(ix.m.lang, units, nil)
	}
}

// changedUnit is a unit a sync recorded under a new key: language k of
// the sync, article i.
type changedUnit struct {
	lang, article int
	key           string
}

// indexSynced indexes again the units of changed whose key is not the one
// the index has (sync wrote their files), reading them as sync left them,
// a batch of articles at a time: the next lookup then reads nothing. A
// first sync writes nearly every unit; left stale, they would make the
// next lookup, an edit's, read and index every article of each language
// (37 s for one added sentence at 1,000 × 10, over ten minutes at 10,000).
func (p Syncer) indexSynced(g *workspace.Graph, langs, slugs []string, changed []changedUnit) {
	if len(changed) == 0 {
		return
	}
	x := tmindex.Open(g.CachePath(memoryFile))
	if x == nil {
		return
	}
	defer x.Close()
	byLang := make([][]changedUnit, len(langs))
	for _, u := range changed {
		byLang[u.lang] = append(byLang[u.lang], u)
	}
	stale := map[int][]changedUnit{} // per article: its units to index
	for k, us := range byLang {
		names := make([]string, len(us))
		for j, u := range us {
			names[j] = slugs[u.article]
		}
		have, err := x.KeysOf(langs[k], names)
		if err != nil {
			return
		}
		for j, u := range us {
			if have[j] != u.key {
				stale[u.article] = append(stale[u.article], u)
			}
		}
	}
	p.indexUnits(x, langs, slugs, stale)
}

// indexUnits indexes the units of stale (per article: its units to
// index), reading them as they are, a batch of articles at a time, each
// article read once for all its languages.
func (p Syncer) indexUnits(x *tmindex.Index, langs, slugs []string, stale map[int][]changedUnit) {
	for articles := slices.Sorted(maps.Keys(stale)); len(articles) > 0; {
		batch := articles[:min(len(articles), indexBatch)]
		articles = articles[len(batch):]
		units := make([][]tmindex.Unit, len(langs))
		var mu sync.Mutex
		err := workers.Run(p.Context(), len(batch), func(b int) error {
			i := batch[b]
			a, err := p.Load(slugs[i])
			if err != nil {
				return err
			}
			for _, u := range stale[i] {
				c, st, err := p.ReadTarget(langs[u.lang], slugs[i])
				if err != nil {
					return err
				}
				unit := indexUnit(slugs[i], u.key, a, c, st)
				mu.Lock()
				units[u.lang] = append(units[u.lang], unit)
				mu.Unlock()
			}
			return nil
		})
		if err != nil {
			return // the index is a cache: a later lookup indexes them
		}
		byLang := map[string][]tmindex.Unit{}
		for k, us := range units {
			slices.SortFunc(us, func(x, y tmindex.Unit) int { return strings.Compare(x.Slug, y.Slug) })
			if len(batch) > oneTransaction {
				_ = x.Update(langs[k], us, nil)
			} else if len(us) > 0 {
				byLang[langs[k]] = us
			}
		}
		_ = x.UpdateLangs(byLang)
	}
}

// staleIndex indexes, once in a sync, the units of every language that
// the sync leaves as they are but the index does not have under their key
// now (the index was deleted, or made again in a new format): when one
// lookup finds too many of them in its language to ask the index
// (memoryIndex.tooStale), the other languages have them too. Each
// article is read once for all its languages, not once a language as
// each language's lookup reading its whole memory would (one edit at
// 1,000 × 10 after the index was deleted: 23 s before, 17 s now; at
// 10,000 × 10 the index's own writes take nearly all of the 16 minutes
// either way). The units sync writes are indexed once written
// (indexSynced).
type staleIndex struct {
	done  bool // the languages' lookups run one after the other
	langs []string
	slugs []string
	plans []*LangPlan // per language: upToDate, the units the sync leaves as they are
}

// pending reports whether the units are still to index.
func (s *staleIndex) pending() bool { return s != nil && !s.done }

// index indexes the units; the index must not be open.
func (s *staleIndex) index(p Syncer) {
	s.done = true
	_ = p.WithGraph(func(g *workspace.Graph) error { return s.indexWith(p, g) })
}

func (s *staleIndex) indexWith(p Syncer, g *workspace.Graph) error {
	x := tmindex.Open(g.CachePath(memoryFile))
	if x == nil {
		return nil
	}
	defer x.Close()
	stale := map[int][]changedUnit{} // per article: its units to index
	for k, lang := range s.langs {
		// Those the sync writes are indexed once written.
		keys, err := p.unitKeys(g, lang, s.slugs, func(i int) bool { return s.plans[k].upToDate[i] })
		if err != nil {
			return err
		}
		out, _, err := x.Compare(lang, s.slugs, keys)
		if err != nil {
			return err
		}
		for _, i := range out {
			if s.plans[k].upToDate[i] {
				stale[i] = append(stale[i], changedUnit{lang: k, article: i, key: keys[i]})
			}
		}
	}
	p.indexUnits(x, s.langs, s.slugs, stale)
	return nil
}

// indexBatch is how many articles indexSynced reads before it indexes
// their units. bbolt's transactions cost more than in proportion to what
// they write: at 1,000 × 10, with keys put at random, batches of 16, 64
// and 256 articles indexed a first sync's units in 19, 13 and 22 s (a
// build with batches of 1,024 had not finished after 15 min); with keys
// put in order (tmindex), 64 and 256 took 14 and 17 s.
const indexBatch = 64

// oneTransaction is how many articles' units at most are indexed in one
// transaction for every language (tmindex.UpdateLangs), as an edit's are:
// the languages share the pages of the texts and words indexed. A batch
// of many articles is indexed a language at a time: one transaction for
// every language of 64 articles made a lost index at 1,000 × 10 take
// 20 s, not 17 s.
const oneTransaction = 4
