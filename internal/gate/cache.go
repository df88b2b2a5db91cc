package gate

import (
	"slices"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// PutCheck queues what checking a unit found (a copy: the caller goes on
// with its findings).
func PutCheck(w *workspace.CacheWriter, unit, key string, u UnitCheck, found []check.Finding) {
	w.PutValue(checkBucket, unit, key, u)
	w.PutValue(findingsBucket, unit, key, slices.Clone(found))
}

// The "check" bucket keeps what lingo check found in each unit, counted,
// with its errors (UnitCheck); the "findings" bucket every finding, for
// the check that lists them; the "check-units" bucket, per article, the
// UnitCheck of each of its units (unitcache.Units), which a check reads
// in one read per article.
const (
	checkBucket    = "check"
	findingsBucket = "findings"
	summaryBucket  = "check-units"
)
