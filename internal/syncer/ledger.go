package syncer

import (
	"encoding/binary"

	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// The "sync-ledger" bucket is a ledger (unitcache.Ledger) of the articles
// whose units, and source catalog, the last sync left with nothing to
// write, kept under the shared inputs (with the source) and the languages
// synced: of each, the texts of its messages without translation, all a
// sync needs of an article in which nothing changed. A sync reads 64
// records for them, not each article's record (syncBucket), whose every
// unit's key and text keys made a sync at 10,000 articles × 10 languages
// decode 25 MB.
const ledgerBucket = "sync-ledger"

// untranslated is an article in the ledger: per language synced, the
// textKeys of its messages without translation.
type untranslated []textKeys

// textKeys are textKeys, 8 bytes each (little-endian): a language a
// quarter translated has 250,000 of them at 10,000 articles, which sync
// holds as the ledger has them.
type textKeys []byte

// packKeys are keys as textKeys.
func packKeys(keys []uint64) textKeys {
	var b textKeys
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	return b
}

// any reports whether one of t is in keys.
func (t textKeys) any(keys map[uint64]bool) bool {
	for b := t; len(b) >= 8; b = b[8:] {
		if keys[binary.LittleEndian.Uint64(b)] {
			return true
		}
	}
	return false
}

// ledger is the ledger of a sync of langs.
func (p Syncer) ledger(g *workspace.Graph, langs []string) unitcache.Ledger[untranslated] {
	return unitcache.NewLedger[untranslated](g.Cache, ledgerBucket, g.Shared(), langs)
}

// ledgerEntry is the ledger's entry of article slug, whose record kept
// has every unit of langs, and its source catalog, as sync left them.
func (p Syncer) ledgerEntry(slug string, kept unitcache.Units[syncRecord], langs []string) unitcache.Entry[untranslated] {
	keys := []string{kept[p.Config.Source].Key}
	texts := make(untranslated, len(langs))
	for k, lang := range langs {
		keys = append(keys, kept[lang].Key)
		texts[k] = packKeys(kept[lang].Result.Missing)
	}
	return unitcache.Entry[untranslated]{Slug: slug, Keys: unitcache.KeysSum(keys...), Value: texts}
}

// writeLedger stores the shards of the ledger an article of which
// changed, came or went (s.stale): each of its articles' entry.
func (p Syncer) writeLedger(g *workspace.Graph, store *workspace.CacheWriter, langs, slugs []string, s *synced) {
	ledger := p.ledger(g, langs)
	for sh, members := range unitcache.Shards(slugs) {
		if !s.stale[sh] {
			continue
		}
		entries := make([]unitcache.Entry[untranslated], 0, len(members))
		for _, i := range members {
			if s.entries[i].Slug == "" {
				break // not recorded: the shard is worked out again next time
			}
			entries = append(entries, s.entries[i])
		}
		if len(entries) == len(members) {
			ledger.Put(store, sh, entries)
		}
	}
}
