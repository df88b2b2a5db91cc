// Package exchange exports a language's messages for CAT tools and
// platforms (XLIFF 1.2, XLIFF 2.0, PO) and imports their translations
// back through the gate: an import is refused exactly where lingo check
// would fail the translation.
package exchange

import "github.com/lingo-l10n/lingo/internal/review"

// Exchange exports and imports the translations of a project.
type Exchange struct{ review.Reviews }
