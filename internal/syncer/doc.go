// Package syncer brings a language's catalogs up to date with the source
// articles: it classifies each entry (missing, stale, current) from the
// article, the catalog and the state lingo keeps, fills entries from
// translation memory, archives translations whose message left, and plans
// every file before it writes one (Plan, then Sync). Status, extract and
// pseudo-locales are counted and written from the same plans.
package syncer

import "github.com/lingo-l10n/lingo/internal/workspace"

// Syncer plans and syncs the catalogs of a project.
type Syncer struct{ *workspace.Project }
