// Package gate is lingo's one gate: Judge decides, for one article in one
// language, what lingo check reports and which translations may be
// published (current, or stale under stale = "translation"; clean of
// error-level findings; safe; keeping the article's structure; reviewed
// where require_review says so). lingo check, publishing, review, import
// and the workbench all ask it, so none can disagree. Check runs it over
// every unit, with the unit cache.
package gate

import "github.com/lingo-l10n/lingo/internal/syncer"

// Gate judges the catalogs of a project.
type Gate struct{ syncer.Syncer }
