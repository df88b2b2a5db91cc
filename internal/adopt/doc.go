// Package adopt builds a language's catalogs from articles translated by
// hand, aligning each with its source article block by block.
package adopt

import "github.com/lingo-l10n/lingo/internal/syncer"

// Adopter adopts existing translations into a project.
type Adopter struct{ syncer.Syncer }
