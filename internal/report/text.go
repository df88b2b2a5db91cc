package report

import (
	"bufio"
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

// writeText prints the findings under the name of their file, then a
// table of per-language totals and a count.
func writeText(w *bufio.Writer, s Stream, color bool) error {
	paint := func(code, s string) string {
		if !color || code == "" {
			return s
		}
		return code + s + ansiReset
	}
	inTotals := map[string]bool{}
	errors, warnings, waived := 0, 0, 0
	for _, t := range s.Totals {
		inTotals[t.Lang] = true
		errors, warnings = errors+t.Errors, warnings+t.Warnings
	}
	listed := false
	file := ""
	for f, err := range s.Findings {
		if err != nil {
			return err
		}
		if !listed || f.File != file {
			if listed {
				w.WriteByte('\n')
			}
			listed, file = true, f.File
			name := file
			if name == "" {
				name = "(no file)"
			}
			w.WriteString(paint(ansiBold, clean(name)) + "\n")
		}
		sev := level(f.Severity)
		code := ansiYellow
		switch {
		case sev == "error":
			code = ansiRed
		case f.Severity == check.Waived:
			sev, code = string(check.Waived), ""
			waived++
		}
		if !inTotals[f.Lang] { // the totals count the others, listed or not
			if sev == "error" {
				errors++
			} else if f.Severity != check.Waived {
				warnings++
			}
		}
		w.WriteString("  ")
		if f.Line > 0 {
			w.WriteString(strconv.Itoa(f.Line) + ": ")
		}
		fmt.Fprintf(w, "%s [%s] %s\n", paint(code, sev), clean(f.Check), clean(label(f)))
	}

	if len(s.Totals) > 0 {
		if listed {
			w.WriteByte('\n')
		}
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "lang\ttranslated\tpercent\tgate\terrors\twarnings")
		for _, t := range s.Totals {
			min := "-"
			if t.MinPercent > 0 {
				min = percent(t.MinPercent)
			}
			fmt.Fprintf(tw, "%s\t%d/%d\t%s\t%s\t%d\t%d\n",
				clean(t.Lang), t.Translated, t.Messages, percent(t.Percent), min, t.Errors, t.Warnings)
		}
		tw.Flush()
	}

	if listed || len(s.Totals) > 0 {
		w.WriteByte('\n')
	}
	switch {
	case waived > 0:
		fmt.Fprintf(w, "%s, %s, %d waived\n", plural(errors, "error"), plural(warnings, "warning"), waived)
	case errors+warnings == 0:
		w.WriteString("no findings\n")
	default:
		fmt.Fprintf(w, "%s, %s\n", plural(errors, "error"), plural(warnings, "warning"))
	}
	return nil
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
