// Package review records reviewers' sign-offs: who approved the exact
// source text and translation of an entry, in the entry's state file.
// Only an entry the gate passes (translated, current, without error-level
// findings) can be reviewed.
package review

import "github.com/lingo-l10n/lingo/internal/gate"

// Reviews records the reviews of a project.
type Reviews struct{ gate.Gate }
