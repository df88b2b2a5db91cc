package report

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/lingo-l10n/lingo/internal/check"
)

// ANSI escape sequences used when colour is on.
const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiReset  = "\x1b[0m"
)

// writeText prints findings grouped by file, in the order the files first
// appear in the report, then a table of per-language totals and a count.
func writeText(buf *bytes.Buffer, r *check.Report, color bool) {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}

	var files []string
	byFile := map[string][]check.Finding{}
	for _, f := range r.Findings {
		if _, seen := byFile[f.File]; !seen {
			files = append(files, f.File)
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	errors, warnings := 0, 0
	for i, file := range files {
		if i > 0 {
			buf.WriteByte('\n')
		}
		name := file
		if name == "" {
			name = "(no file)"
		}
		buf.WriteString(paint(ansiBold, clean(name)) + "\n")
		for _, f := range byFile[file] {
			sev := level(f.Severity)
			code := ansiYellow
			if sev == "error" {
				errors++
				code = ansiRed
			} else {
				warnings++
			}
			buf.WriteString("  ")
			if f.Line > 0 {
				buf.WriteString(strconv.Itoa(f.Line) + ": ")
			}
			fmt.Fprintf(buf, "%s [%s] %s\n", paint(code, sev), clean(f.Check), clean(label(f)))
		}
	}

	if len(r.Totals) > 0 {
		if len(files) > 0 {
			buf.WriteByte('\n')
		}
		tw := tabwriter.NewWriter(buf, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "lang\ttranslated\tpercent\tmin_complete\terrors\twarnings")
		for _, t := range r.Totals {
			min := "-"
			if t.MinPercent > 0 {
				min = percent(t.MinPercent)
			}
			fmt.Fprintf(tw, "%s\t%d/%d\t%s\t%s\t%d\t%d\n",
				clean(t.Lang), t.Translated, t.Messages, percent(t.Percent), min, t.Errors, t.Warnings)
		}
		tw.Flush()
	}

	if len(files) > 0 || len(r.Totals) > 0 {
		buf.WriteByte('\n')
	}
	if len(r.Totals) > 0 {
		errors, warnings = totalCounts(r)
	}
	if errors+warnings == 0 {
		buf.WriteString("no findings\n")
		return
	}
	fmt.Fprintf(buf, "%s, %s\n", plural(errors, "error"), plural(warnings, "warning"))
}

// percent formats p (0 to 100) with one decimal, rounded down so that an
// incomplete language never shows as 100.0%.
func percent(p float64) string {
	p = math.Floor(p*10) / 10
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// clean keeps each finding on one line and the terminal in a sane state:
// control characters other than tab (line breaks, escape sequences) are
// written as Go escapes (\n, \r, \x1b).
func clean(s string) string {
	if strings.IndexFunc(s, isEscaped) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isEscaped(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r) // '\n', '\x1b', '\u0085'
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

func isEscaped(r rune) bool { return r != '\t' && unicode.IsControl(r) }

// totalCounts counts the errors and warnings of r by its totals, which
// also count findings a report leaves out (lingo build lists only the
// errors), and its findings in no language of the totals.
func totalCounts(r *check.Report) (errors, warnings int) {
	langs := map[string]bool{}
	for _, t := range r.Totals {
		langs[t.Lang] = true
		errors, warnings = errors+t.Errors, warnings+t.Warnings
	}
	for _, f := range r.Findings {
		switch {
		case langs[f.Lang]:
		case level(f.Severity) == "error":
			errors++
		default:
			warnings++
		}
	}
	return errors, warnings
}
