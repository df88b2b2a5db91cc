package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
)

// GitHub's limits: a step shows at most this many annotations of each
// kind (error, warning), and the job summary lists this many findings.
const (
	annotationsPerKind = 10
	summaryFindings    = 20
)

// WriteGitHub prints s to w as GitHub Actions workflow commands that
// annotate the file and line of a finding:
//
//	::error file=locales/fr/a.fr.toml,line=12,title=numbers::a.p-1a2b: number 3 is not in the source
//
// GitHub shows 10 error and 10 warning annotations per step, in the order
// printed, so the errors come first, then the warnings, each in order of
// importance (Rank), at most 10 of each, and then one notice that counts
// the findings left out. When summary is not nil, a Markdown job summary
// (per-language totals and the first 20 findings in the same order) is
// written to it, for the file named by $GITHUB_STEP_SUMMARY. The findings
// are read once, holding at most 20 of each kind; nothing is written if
// reading them fails.
func WriteGitHub(w, summary io.Writer, s Stream) error {
	if s.Findings == nil {
		s.Findings = all(nil)
	}
	b := bufio.NewWriter(w)
	err := writeGitHub(b, s, summary)
	if err == nil {
		err = b.Flush()
	}
	if err != nil {
		return fmt.Errorf("report github: %w", err)
	}
	return nil
}

// writeGitHub prints the annotations to buf, and the job summary to
// summary unless it is nil. A file-level finding (line 0) has no line
// property. Values are escaped as the runner unescapes them
// (actions/runner, ActionCommand.cs).
func writeGitHub(buf *bufio.Writer, s Stream, summary io.Writer) error {
	sel, err := selectFindings(s, summaryFindings)
	if err != nil {
		return err
	}
	for _, fs := range [][]check.Finding{sel.errors, sel.warnings} {
		for _, f := range fs[:min(len(fs), annotationsPerKind)] {
			writeAnnotation(buf, f)
		}
	}
	if note := omittedNotice(sel, summary != nil); note != "" {
		buf.WriteString("::notice title=lingo check::" + escapeData(note) + "\n")
	}
	if summary == nil {
		return nil
	}
	sb := bufio.NewWriter(summary)
	writeSummary(sb, s.Totals, sel)
	if err := sb.Flush(); err != nil {
		return fmt.Errorf("job summary: %w", err)
	}
	return nil
}

// writeAnnotation prints one finding as a workflow command.
func writeAnnotation(buf *bufio.Writer, f check.Finding) {
	buf.WriteString("::" + level(f.Severity))
	var props []string
	if f.File != "" {
		props = append(props, "file="+escapeProperty(f.File))
	}
	if f.Line > 0 {
		props = append(props, "line="+strconv.Itoa(f.Line))
	}
	if f.Col > 0 {
		props = append(props, "col="+strconv.Itoa(f.Col))
	}
	if f.Check != "" {
		props = append(props, "title="+escapeProperty(f.Check))
	}
	if len(props) > 0 {
		buf.WriteString(" " + strings.Join(props, ","))
	}
	buf.WriteString("::" + escapeData(label(f)) + "\n")
}

// omittedNotice says how many findings have no annotation and where to
// see them, or "" when every finding has one.
func omittedNotice(sel selection, summary bool) string {
	errs := max(sel.errorCount-annotationsPerKind, 0)
	warns := max(sel.warningCount-annotationsPerKind, 0)
	var what string
	switch {
	case errs == 0 && warns == 0:
		return ""
	case errs == 0:
		what = plural(warns, "more warning")
	case warns == 0:
		what = plural(errs, "more error")
	default:
		what = plural(errs, "more error") + " and " + plural(warns, "more warning")
	}
	verb := "are"
	if errs+warns == 1 {
		verb = "is"
	}
	note := fmt.Sprintf("%s %s not annotated here (GitHub shows %d errors and %d warnings per step): run lingo check to list every finding",
		what, verb, annotationsPerKind, annotationsPerKind)
	if summary {
		note += fmt.Sprintf("; the job summary has the first %d", summaryFindings)
	}
	return note + "."
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes the message of a workflow command.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
