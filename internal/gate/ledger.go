package gate

import (
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// The "check-ledger" bucket is a ledger (unitcache.Ledger) of what a
// build's check (CheckErrors) found in each article, kept under the shared
// inputs and the languages checked: a build reads 64 records for the
// articles whose units did not change, not a record of each (the
// "check-units" bucket, whose records name every unit's key).
const ledgerBucket = "check-ledger"

// checked is an article in the ledger: per language checked, its unit
// counted (UnitCheck, its findings in Found) and the findings a build
// lists.
type checked struct {
	Units []UnitCheck       `json:"u"`
	Found [][]check.Finding `json:"f"`
}

// checkShard checks for a build the articles of shard s of the ledger
// (members: their indexes in slugs), calling step for each: those whose
// units' keys are the ones the shard's record has are answered from it,
// the others checked (checkArticle). Each article's counts and findings
// go to res. The record is stored again when an article changed, came or
// went.
func (p Gate) checkShard(c *check.Checker, g *workspace.Graph, store *workspace.CacheWriter, s int, slugs []string, members []int, langs []string, res *Checked, step func()) error {
	ledger := unitcache.NewLedger[checked](g.Cache, ledgerBucket, g.Shared(), langs)
	old := ledger.Read(s)
	entries := make([]unitcache.Entry[checked], 0, len(members))
	changed := len(old) != len(members)
	for _, i := range members {
		step()
		keys, err := g.UnitKeys(slugs[i], langs)
		if err != nil {
			return err
		}
		e, ok := old[slugs[i]]
		if sum := unitcache.KeysSum(keys...); !ok || e.Keys != sum || len(e.Value.Units) != len(langs) {
			units, found, err := p.checkArticle(c, g, store, slugs[i], langs, true)
			if err != nil {
				return err
			}
			for li := range units {
				units[li].Failing, units[li].Notable = nil, nil
			}
			e, changed = unitcache.Entry[checked]{Slug: slugs[i], Keys: sum, Value: checked{units, found}}, true
		}
		entries = append(entries, e)
		if err := res.add(e.Value.Units, e.Value.Found); err != nil {
			return err
		}
	}
	if changed {
		ledger.Put(store, s, entries)
	}
	return nil
}
