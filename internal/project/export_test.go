package project

import "github.com/lingo-l10n/lingo/internal/catalog"

// ParseCatalog parses a catalog file, for tests.
var ParseCatalog = catalog.Parse
