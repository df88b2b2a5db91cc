package report

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/check"
)

// summaryMessageRunes is as much of a message as a summary cell shows: a
// message can quote a whole paragraph, and GitHub refuses a step's
// summary past 1 MiB.
const summaryMessageRunes = 200

// writeSummary prints a GitHub job summary in Markdown: a heading with
// the count, a table of per-language totals, and a table of the selected
// findings (errors first, each kind by importance). lingo check knows
// each language's messages and findings, not which pages publish, so
// there are no published, partial or fallback columns.
func writeSummary(w *bufio.Writer, totals []check.Totals, sel selection) {
	total := sel.errorCount + sel.warningCount
	if total == 0 {
		w.WriteString("## lingo check: no findings\n")
	} else {
		fmt.Fprintf(w, "## lingo check: %s, %s\n", plural(sel.errorCount, "error"), plural(sel.warningCount, "warning"))
	}
	if len(totals) > 0 {
		w.WriteString("\n| language | messages | translated | gate | errors | warnings |\n")
		w.WriteString("| --- | ---: | ---: | ---: | ---: | ---: |\n")
		for _, t := range totals {
			gate := "-"
			if t.MinPercent > 0 {
				gate = percent(t.MinPercent)
			}
			fmt.Fprintf(w, "| %s | %d | %d (%s) | %s | %d | %d |\n",
				markdownCell(t.Lang), t.Messages, t.Translated, percent(t.Percent), gate, t.Errors, t.Warnings)
		}
	}
	if total == 0 {
		return
	}
	shown := sel.first(summaryFindings)
	if len(shown) < total {
		fmt.Fprintf(w, "\nThe first %d of %d findings, errors first, the most important first; run `lingo check` to list them all:\n",
			len(shown), total)
	} else {
		w.WriteString("\nThe findings, errors first, the most important first:\n")
	}
	w.WriteString("\n| severity | file:line | ID | check | message |\n")
	w.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, f := range shown {
		where := f.File
		if where == "" {
			where = "(no file)"
		}
		if f.Line > 0 {
			where += ":" + strconv.Itoa(f.Line)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n",
			level(f.Severity), markdownCell(where), markdownCell(f.ID), markdownCell(f.Check), markdownCell(shorten(f.Message)))
	}
}

// shorten cuts s to summaryMessageRunes runes, marking the cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= summaryMessageRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == summaryMessageRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// markdownEscaper puts a backslash before the characters that would
// make a table cell something else than the text: a cell break (|),
// emphasis, code, links, HTML, entities, strikethrough and math.
// CommonMark takes a backslash before any ASCII punctuation as that
// character.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "&", `\&`, "~", `\~`, "$", `\$`, "!", `\!`,
)

// markdownCell writes s as the text of one table cell: on one line (as
// the text format cleans it) and with Markdown's characters escaped.
func markdownCell(s string) string {
	return markdownEscaper.Replace(clean(s))
}
