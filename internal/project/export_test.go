package project

import "github.com/lingo-l10n/lingo/internal/catalog"

// ParseCatalog parses a catalog file, for tests.
var ParseCatalog = catalog.Parse

// SetRecallTexts sets recallTexts until the returned func restores it, for
// tests.
func SetRecallTexts(n int) (restore func()) {
	old := recallTexts
	recallTexts = n
	return func() { recallTexts = old }
}
