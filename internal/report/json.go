package report

import (
	"bytes"
	"encoding/json"

	"github.com/lingo-l10n/lingo/internal/check"
)

// writeJSON prints the report as indented JSON, with empty arrays rather
// than null, in the shape of testdata/lingo-check.schema.json.
func writeJSON(buf *bytes.Buffer, r *check.Report) error {
	out := check.Report{Findings: r.Findings, Totals: r.Totals}
	if out.Findings == nil {
		out.Findings = []check.Finding{}
	}
	if out.Totals == nil {
		out.Totals = []check.Totals{}
	}
	return encodeJSON(buf, out)
}

// encodeJSON writes v with two-space indentation and a final newline, and
// leaves <, > and & as they are (messages quote HTML).
func encodeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
