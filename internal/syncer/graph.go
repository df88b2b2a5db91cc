package syncer

import (
	"hash/fnv"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// The "sync-units" bucket keeps, per article (workspace.ReadUnits), a record
// of its units (unitcache.Units): of each target language, the unit's key
// when sync last left it with nothing to write; of the source language,
// the article's key when its source catalog was written.
const syncBucket = "sync-units"

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
	units       [][]bool                      // per language, per article
	source      []bool                        // per article: its source catalog
	articleKeys []string                      // per article: its key
	kept        []unitcache.Units[syncRecord] // per article with a changed unit: the record of its units (syncBucket)
	// per language, per changed article: the textKeys of its messages
	// without translation that the last sync looked up in translation
	// memory in vain, and that no changed unit offers a translation for:
	// not looked up again
	looked [][]map[uint64]bool
	// the ledger: per article, its entry once its units are clean (read
	// from the ledger, or made from its record, in the shards to write
	// again); per shard, whether to write it again
	entries []unitcache.Entry[untranslated]
	stale   []bool
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
func (p Syncer) syncedUnits(g *workspace.Graph, langs, slugs []string, opts SyncOptions) (*synced, error) {
	if opts.Accept != nil || opts.AcceptAll || opts.NoMemory || opts.Lenient || opts.Drafts != nil || opts.Own != nil {
		return nil, nil
	}
	s := &synced{units: make([][]bool, len(langs)), source: make([]bool, len(slugs)), articleKeys: make([]string, len(slugs)),
		kept: make([]unitcache.Units[syncRecord], len(slugs)), looked: make([][]map[uint64]bool, len(langs)),
		entries: make([]unitcache.Entry[untranslated], len(slugs)), stale: make([]bool, unitcache.LedgerShards)}
	missing := make([][]textKeys, len(langs))
	for k := range langs {
		s.units[k], missing[k], s.looked[k] = make([]bool, len(slugs)), make([]textKeys, len(slugs)), make([]map[uint64]bool, len(slugs))
	}
	ledger, groups := p.ledger(g, langs), unitcache.Shards(slugs)
	err := workers.Run(p.Context(), len(groups), func(sh int) error {
		old := ledger.Read(sh)
		s.stale[sh] = len(old) != len(groups[sh])
		for _, i := range groups[sh] {
			listed, err := p.syncedArticle(g, langs, slugs[i], i, s, missing, old)
			if err != nil {
				return err
			}
			s.stale[sh] = s.stale[sh] || !listed
		}
		if !s.stale[sh] {
			for _, i := range groups[sh] {
				s.entries[i] = unitcache.Entry[untranslated]{} // not written again
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, lang := range langs {
		if err := p.offered(g, lang, slugs, s.units[k], missing[k], s.looked[k]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// syncedArticle finds which units of article i (slug), and its source
// catalog, are as the last sync left them, into s and missing (per
// language, per article: the textKeys of its messages without
// translation), and reports whether old, the article's shard of the
// ledger, had it so: an article whose units all are clean is in the
// ledger under their keys.
func (p Syncer) syncedArticle(g *workspace.Graph, langs []string, slug string, i int, s *synced, missing [][]textKeys, old map[string]unitcache.Entry[untranslated]) (bool, error) {
	a, err := g.ArticleKey(slug)
	if err != nil {
		return false, err
	}
	s.articleKeys[i] = a
	keys, err := g.UnitKeys(slug, langs)
	if err != nil {
		return false, err
	}
	if e, ok := old[slug]; ok && len(e.Value) == len(langs) && e.Keys == unitcache.KeysSum(append([]string{a}, keys...)...) {
		s.source[i], s.entries[i] = true, e
		for k := range langs {
			s.units[k][i], missing[k][i] = true, e.Value[k]
		}
		return true, nil
	}
	kept := workspace.ReadUnits[syncRecord](g, syncBucket, slug)
	_, s.source[i] = kept.Of(p.Config.Source, a)
	for k, lang := range langs {
		var rec syncRecord
		rec, s.units[k][i] = kept.Of(lang, keys[k])
		missing[k][i] = packKeys(rec.Missing)
		if last := kept[lang].Result.Missing; !s.units[k][i] && len(last) > 0 {
			s.looked[k][i] = map[uint64]bool{}
			for _, t := range last {
				s.looked[k][i][t] = true
			}
		}
	}
	if s.article(i) {
		s.entries[i] = p.ledgerEntry(slug, kept, langs)
	} else {
		s.kept[i] = kept // for recordSynced; a clean article's is read again if need be
	}
	return false, nil
}

// offered marks as changed (clean[i] false) the clean units of lang whose
// messages without translation (the textKeys of missing) a changed unit
// of the language has a translation for, and takes those texts out of
// looked, the texts of changed units not to look up again.
func (p Syncer) offered(g *workspace.Graph, lang string, slugs []string, clean []bool, missing []textKeys, looked []map[uint64]bool) error {
	if !slices.Contains(clean, false) {
		return nil // no unit changed: none offers anything new
	}
	if !wants(clean, missing, looked) {
		return nil
	}
	// The texts changed units translate: a few hundred, where the
	// messages without translation of clean units may be 250,000 (a
	// language a quarter translated at 10,000 articles).
	found := make([][]uint64, len(slugs))
	err := workers.Run(p.Context(), len(slugs), func(i int) error {
		if clean[i] {
			return nil
		}
		a, err := p.Load(slugs[i])
		if err != nil {
			return err
		}
		c, st, err := p.ReadTarget(lang, slugs[i])
		if err != nil {
			return err
		}
		for j, src := range EntrySources(a, c, st) {
			if src != "" && c.Entries[j].Other != "" {
				found[i] = append(found[i], textKey(src))
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
		if clean[i] && missing[i].any(offers) {
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

// wants reports whether a clean unit has a message without translation,
// or a changed unit a text looked up in vain: whether what changed units
// offer can matter.
func wants(clean []bool, missing []textKeys, looked []map[uint64]bool) bool {
	for i := range clean {
		if clean[i] && len(missing[i]) > 0 || len(looked[i]) > 0 {
			return true
		}
	}
	return false
}

// recordSynced records the units sync wrote or found up to date, under
// the keys of their files as sync left them.
func (p Syncer) recordSynced(g *workspace.Graph, langs, slugs []string, plans []*LangPlan, before *synced) {
	if before == nil {
		return
	}
	store := g.Writer()
	var changed []changedUnit
	var mu sync.Mutex
	_ = workers.Run(p.Context(), len(slugs), func(i int) error {
		if before.article(i) {
			return nil
		}
		a, err := g.ArticleKey(slugs[i])
		if err != nil {
			return err
		}
		kept := before.kept[i]
		if kept == nil { // clean until a changed unit offered it a translation
			kept = workspace.ReadUnits[syncRecord](g, syncBucket, slugs[i])
		}
		kept.Set(p.Config.Source, a, syncRecord{})
		var ours []changedUnit
		for k, lang := range langs {
			if before.unit(k, i) && a == before.articleKeys[i] {
				continue
			}
			key, err := g.UnitKey(a, lang, slugs[i])
			if err != nil {
				return err
			}
			kept.Set(lang, key, syncRecord{Missing: plans[k].missingKeys[i]})
			ours = append(ours, changedUnit{lang: k, article: i, key: key})
		}
		workspace.PutUnits(store, syncBucket, slugs[i], kept)
		before.entries[i] = p.ledgerEntry(slugs[i], kept, langs)
		mu.Lock()
		changed = append(changed, ours...)
		mu.Unlock()
		return nil
	})
	for i := range slugs {
		if !before.article(i) {
			before.stale[unitcache.ShardOf(slugs[i])] = true
		}
	}
	p.writeLedger(g, store, langs, slugs, before)
	store.Flush()
	g.PruneUnits(syncBucket, slugs)
	p.indexSynced(g, langs, slugs, changed)
}
