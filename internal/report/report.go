// Package report prints a check.Report for people and for machines. Write
// renders one report in one of four formats: text (findings grouped by
// locale file, a per-language summary table and a count, optionally in
// ANSI colour), json (the report itself, described by the JSON Schema in
// testdata/lingo-check.schema.json), github (GitHub Actions workflow
// commands that annotate the file and line of each finding) and sarif
// (SARIF 2.1.0, for code-scanning tools). Every format is deterministic: the
// same report gives the same bytes.
package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
)

// Formats lists the formats Write accepts, in the order help shows them.
var Formats = []string{"text", "json", "github", "sarif"}

// UnknownFormatError reports a format name Write does not know.
type UnknownFormatError struct {
	Format string
}

func (e *UnknownFormatError) Error() string {
	return fmt.Sprintf("unknown report format %q (want %s)", e.Format, strings.Join(Formats, ", "))
}

// Write prints r to w in format: "text", "json", "github" or "sarif". color
// asks for ANSI colour and only affects text. A nil report prints as an
// empty one. An unknown format is an *UnknownFormatError and writes
// nothing.
func Write(w io.Writer, r *check.Report, format string, color bool) error {
	if r == nil {
		r = &check.Report{}
	}
	var buf bytes.Buffer
	var err error
	switch format {
	case "text":
		writeText(&buf, r, color)
	case "json":
		err = writeJSON(&buf, r)
	case "github":
		writeGitHub(&buf, r)
	case "sarif":
		err = writeSARIF(&buf, r)
	default:
		return &UnknownFormatError{Format: format}
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", format, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report %s: %w", format, err)
	}
	return nil
}

// level maps a severity to "error" or "warning": anything that is not an
// error is reported as a warning, so that a finding never goes unseen.
func level(s check.Severity) string {
	if s == check.Error {
		return "error"
	}
	return "warning"
}

// label is what a finding says first: its message ID, then its message.
func label(f check.Finding) string {
	if f.ID == "" {
		return f.Message
	}
	return f.ID + ": " + f.Message
}
