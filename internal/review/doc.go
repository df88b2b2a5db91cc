// Package review records people's judgements of entries, in the entry's
// state file: reviewers' sign-offs (who approved the exact source text and
// translation of an entry; only an entry the gate passes, translated,
// current and without error-level findings, can be reviewed) and waivers
// (who judged one check's finding wrong on the exact source text and
// translation of an entry, and why: the gate then counts it as waived).
package review

import "github.com/lingo-l10n/lingo/internal/gate"

// Reviews records the reviews of a project.
type Reviews struct{ gate.Gate }
