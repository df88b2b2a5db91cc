// Package report prints a check.Report for people and for machines. Write
// renders one report in one of four formats: text (findings grouped by
// locale file, a per-language summary table and a count, optionally in
// ANSI colour), json (the report itself, described by the JSON Schema in
// testdata/lingo-check.schema.json), github (GitHub Actions workflow
// commands that annotate the file and line of a finding: errors first,
// the most important first, as many as GitHub shows, and a notice that
// counts the rest) and sarif (SARIF 2.1.0, for code-scanning tools).
// WriteGitHub also writes a Markdown job summary. WriteStream prints the
// same bytes from findings read one at a time (lingo check keeps them on
// disk), so that printing a million findings holds one (github holds the
// 40 it may show). Every format is deterministic: the same report gives
// the same bytes.
package report

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"maps"
	"slices"
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

// Stream is a report read once, in order: lingo check keeps its findings
// on disk and reads them back as they are printed. Its totals and the IDs
// of its checks are known before.
type Stream struct {
	Findings iter.Seq2[check.Finding, error] // a finding, or the error that stops the reading
	Totals   []check.Totals
	Checks   []string // every check ID among the findings, sorted (SARIF lists its rules before its results)
}

// Write prints r to w in format: "text", "json", "github" or "sarif". color
// asks for ANSI colour and only affects text, which groups the findings by
// file in the order the files first appear. A nil report prints as an
// empty one. An unknown format is an *UnknownFormatError and writes
// nothing.
func Write(w io.Writer, r *check.Report, format string, color bool) error {
	if r == nil {
		r = &check.Report{}
	}
	fs := r.Findings
	if format == "text" {
		fs = byFile(fs)
	}
	ids := map[string]bool{}
	for _, f := range fs {
		ids[f.Check] = true
	}
	return WriteStream(w, Stream{Findings: all(fs), Totals: r.Totals, Checks: slices.Sorted(maps.Keys(ids))}, format, color)
}

// WriteStream prints s to w as Write prints a report; text expects the
// findings of a file together. It holds one finding at a time. An
// unknown format is an *UnknownFormatError and writes nothing.
func WriteStream(w io.Writer, s Stream, format string, color bool) error {
	var write func(*bufio.Writer, Stream) error
	switch format {
	case "text":
		write = func(b *bufio.Writer, s Stream) error { return writeText(b, s, color) }
	case "json":
		write = writeJSON
	case "github":
		write = func(b *bufio.Writer, s Stream) error { return writeGitHub(b, s, nil) }
	case "sarif":
		write = writeSARIF
	default:
		return &UnknownFormatError{Format: format}
	}
	if s.Findings == nil {
		s.Findings = all(nil)
	}
	b := bufio.NewWriter(w)
	err := write(b, s)
	if err == nil {
		err = b.Flush()
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", format, err)
	}
	return nil
}

// all yields the findings of fs.
func all(fs []check.Finding) iter.Seq2[check.Finding, error] {
	return func(yield func(check.Finding, error) bool) {
		for _, f := range fs {
			if !yield(f, nil) {
				return
			}
		}
	}
}

// byFile orders fs by file, in the order the files first appear, keeping
// the order of each file's findings.
func byFile(fs []check.Finding) []check.Finding {
	first := map[string]int{}
	for i, f := range fs {
		if _, seen := first[f.File]; !seen {
			first[f.File] = i
		}
	}
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b check.Finding) int { return first[a.File] - first[b.File] })
	return out
}

// level maps a severity to "error" or "warning": anything that is not an
// error is reported as a warning, so that a finding never goes unseen
// (a waived finding is one, in formats that have no level for it).
func level(s check.Severity) string {
	if s == check.Error {
		return "error"
	}
	return "warning"
}

// label is what a finding says first: its message ID, then its message.
func label(f check.Finding) string {
	s := f.Message
	if f.ID != "" {
		s = f.ID + ": " + s
	}
	if w := f.Waiver; w != nil {
		s += " (waived by " + w.By
		if w.Why != "" {
			s += ": " + w.Why
		}
		s += ")"
	}
	return s
}
