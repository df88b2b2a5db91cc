package report

import (
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
)

// Rank orders checks by what a reviewer should see first, lowest first:
//
//	0  input, safety and structure: unsafe-*, event-handler, foreign-host,
//	   control, structure (a reader could be harmed or the page broken)
//	1  meaning: numbers, units, negation (a reader could be misinformed)
//	2  every other check (links, code, glossary, plural, hygiene...)
//	3  work not yet done, one finding per entry: missing, stale,
//	   unreviewed, and machine drafts (machine, and the engine's marks)
//
// Within a rank, findings keep the order lingo check gives them
// (language, file, line, check).
func Rank(checkID string) int {
	switch {
	case checkID == "input", strings.HasPrefix(checkID, "unsafe"),
		checkID == "event-handler", checkID == "foreign-host",
		checkID == "control", checkID == "structure":
		return 0
	case checkID == "numbers", checkID == "units", checkID == "negation":
		return 1
	case checkID == "missing", checkID == "stale", checkID == "unreviewed", strings.HasPrefix(checkID, "machine"):
		return 3
	default:
		return 2
	}
}

// selection is what the github format shows of a stream: the first
// errors and warnings in order of importance, and how many of each there
// are in all.
type selection struct {
	errors, warnings         []check.Finding
	errorCount, warningCount int
}

// first returns up to n findings: the selected errors, then warnings.
func (s selection) first(n int) []check.Finding {
	out := s.errors[:min(len(s.errors), n)]
	return append(out[:len(out):len(out)], s.warnings[:min(len(s.warnings), n-len(out))]...)
}

// selectFindings reads s once and keeps the n most important errors and
// the n most important warnings (by Rank, then stream order), so that it
// holds at most 2n findings however many there are.
func selectFindings(s Stream, n int) (selection, error) {
	var sel selection
	var errs, warns topN
	errs.n, warns.n = n, n
	for f, err := range s.Findings {
		if err != nil {
			return selection{}, err
		}
		switch f.Severity {
		case check.Waived: // a person's judgement, not a problem: annotated nowhere
		case check.Error:
			sel.errorCount++
			errs.add(f)
		default:
			sel.warningCount++
			warns.add(f)
		}
	}
	sel.errors, sel.warnings = errs.findings(), warns.findings()
	return sel, nil
}

// topN keeps the first n findings by Rank, ties in the order added.
type topN struct {
	n     int
	items []ranked // sorted
}

type ranked struct {
	rank int
	f    check.Finding
}

func (t *topN) add(f check.Finding) {
	r := ranked{rank: Rank(f.Check), f: f}
	if len(t.items) == t.n && r.rank >= t.items[t.n-1].rank {
		return // sorts after every kept one (the same rank came earlier)
	}
	// The first kept one that sorts after r: a higher rank (r is the
	// latest added, so it follows every kept one of its own rank).
	at := len(t.items)
	for at > 0 && t.items[at-1].rank > r.rank {
		at--
	}
	if len(t.items) < t.n {
		t.items = append(t.items, ranked{})
	}
	copy(t.items[at+1:], t.items[at:])
	t.items[at] = r
}

func (t *topN) findings() []check.Finding {
	out := make([]check.Finding, len(t.items))
	for i, r := range t.items {
		out[i] = r.f
	}
	return out
}
