// Package views is what lingo serve's workbench asks of a project: one
// article in one language entry by entry, the findings of a translation
// being typed, saving and reviewing one entry. Each goes through the path
// its command takes: the gate for check, sync for saving, review for
// sign-offs.
package views

import "github.com/lingo-l10n/lingo/internal/publish"

// Views serves the workbench's requests on a project.
type Views struct{ publish.Publisher }
