// Package check is lingo's quality gate: it compares every translation with
// its source message and reports findings (a missing or stale entry, a
// number that drifted, a dropped link, added HTML, a glossary term not
// used...), each with a stable check ID, a severity, and the line of the
// entry in its locale file. Output formats live in package report.
package check

// Severity says whether a finding fails the gate.
type Severity string

// Severities, from gravest.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	// Waived is a finding a person waived on its entry (lingo accept
	// --check): shown, with its Waiver, but neither an error nor a warning.
	Waived Severity = "waived"
)

// Finding is one problem with one entry (or one file) of a locale.
type Finding struct {
	Lang     string   `json:"lang"`
	File     string   `json:"file"`          // relative to the project root, with forward slashes
	Line     int      `json:"line"`          // 1-based; 0 when the finding concerns the whole file
	Col      int      `json:"col,omitempty"` // 1-based byte column, where known (input errors)
	ID       string   `json:"id"`            // message ID; "" for a file-level finding
	Check    string   `json:"check"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Waiver   *Waiver  `json:"waiver,omitempty"` // who waived it, for a Waived finding
}

// Waiver says who waived a finding, why and when (RFC 3339).
type Waiver struct {
	By  string `json:"by"`
	Why string `json:"why,omitempty"`
	At  string `json:"at"`
}

// Totals counts one language's messages and findings.
type Totals struct {
	Lang       string  `json:"lang"`
	Messages   int     `json:"messages"`
	Translated int     `json:"translated"`
	Percent    float64 `json:"percent"`
	MinPercent float64 `json:"min_complete"` // the gate: below it, missing and stale entries are errors
	Errors     int     `json:"errors"`
	Warnings   int     `json:"warnings"`
}

// Report is the result of a check run: findings sorted by language, file,
// line and check, and per-language totals in the order asked for.
type Report struct {
	Findings []Finding `json:"findings"`
	Totals   []Totals  `json:"languages"`
}

// Errors counts the findings at error level.
func (r *Report) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == Error {
			n++
		}
	}
	return n
}
