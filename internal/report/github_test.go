package report

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
)

// finding is a finding of the French catalog a.fr.toml at line.
func finding(line int, checkID string, sev check.Severity) check.Finding {
	return check.Finding{Lang: "fr", File: "locales/fr/a.fr.toml", Line: line, ID: fmt.Sprintf("a.p-%d", line),
		Check: checkID, Severity: sev, Message: checkID + " at line " + fmt.Sprint(line)}
}

// manyReport has more findings than GitHub shows, in lingo check's
// order (by line): the missing entries come first in the file, the
// worst findings last.
func manyReport(missing, errs int) *check.Report {
	r := &check.Report{}
	line := 1
	for range missing {
		r.Findings = append(r.Findings, finding(line, "missing", check.Warning))
		line++
	}
	for _, c := range []string{"length", "negation", "unsafe-url"} {
		r.Findings = append(r.Findings, finding(line, c, check.Warning))
		line++
	}
	for i := range errs {
		c := []string{"links", "numbers", "structure", "stale"}[i%4]
		r.Findings = append(r.Findings, finding(line, c, check.Error))
		line++
	}
	warnings := missing + 3
	r.Totals = []check.Totals{{Lang: "fr", Messages: 100, Translated: 100 - missing, Percent: float64(100 - missing),
		MinPercent: 50, Errors: errs, Warnings: warnings}}
	return r
}

// writeGitHubSummary returns the annotations and the job summary of r.
func writeGitHubSummary(t *testing.T, r *check.Report) (annotations, summary string) {
	t.Helper()
	var out, sum bytes.Buffer
	if err := WriteGitHub(&out, &sum, Stream{Findings: all(r.Findings), Totals: r.Totals}); err != nil {
		t.Fatal(err)
	}
	return out.String(), sum.String()
}

// checkGolden compares got with testdata/golden/name, or rewrites it
// under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestGitHubSummaryGolden checks the job summaries, and that the
// annotations printed beside one are Write's, the notice naming it.
func TestGitHubSummaryGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string // golden file testdata/golden/<name>.summary.md
		report *check.Report
	}{
		{"sample", sampleReport()},
		{"clean", cleanReport()},
		{"empty", &check.Report{}},
		{"many", manyReport(30, 13)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			annotations, summary := writeGitHubSummary(t, tc.report)
			plain := string(write(t, tc.report, "github", false))
			if got := strings.ReplaceAll(annotations, "; the job summary has the first 20.", "."); got != plain {
				t.Errorf("annotations beside a summary:\n%s\nwithout:\n%s", annotations, plain)
			}
			checkGolden(t, tc.name+".summary.md", []byte(summary))
		})
	}
}

func TestRank(t *testing.T) {
	for _, tc := range []struct {
		check string
		want  int
	}{
		{"unsafe-html", 0}, {"unsafe-url", 0}, {"unsafe", 0}, {"event-handler", 0}, {"foreign-host", 0},
		{"control", 0}, {"structure", 0}, {"input", 0},
		{"numbers", 1}, {"units", 1}, {"negation", 1},
		{"links", 2}, {"code", 2}, {"glossary", 2}, {"length", 2}, {"orphan", 2}, {"foreign", 2}, {"", 2},
		{"missing", 3}, {"stale", 3}, {"unreviewed", 3},
	} {
		if got := Rank(tc.check); got != tc.want {
			t.Errorf("Rank(%q) = %d, want %d", tc.check, got, tc.want)
		}
	}
}

// annotated reads the annotations back as "severity check" pairs, and
// the notice's message.
func annotated(t *testing.T, out string) (got []string, notice string) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		cmd := parseCommand(t, line)
		if cmd.name == "notice" {
			if notice != "" {
				t.Errorf("a second notice: %q", line)
			}
			notice = cmd.data
			continue
		}
		if notice != "" {
			t.Errorf("an annotation after the notice: %q", line)
		}
		got = append(got, cmd.name+" "+cmd.props["title"])
	}
	return got, notice
}

// TestGitHubOrder: errors first, then warnings, each by Rank, at most 10
// of each, then one notice that counts the others.
func TestGitHubOrder(t *testing.T) {
	rep := func(add ...check.Finding) *check.Report { return &check.Report{Findings: add} }
	missing := func(n int, sev check.Severity) []check.Finding {
		var fs []check.Finding
		for i := range n {
			fs = append(fs, finding(i+1, "missing", sev))
		}
		return fs
	}
	repeat := func(s string, n int) []string { return slices.Repeat([]string{s}, n) }
	for _, tc := range []struct {
		name   string
		report *check.Report
		want   []string
		notice string
	}{
		{"30 missing, 1 numbers error: the error first",
			rep(append(missing(30, check.Warning), finding(99, "numbers", check.Error))...),
			append([]string{"error numbers"}, repeat("warning missing", 10)...),
			"20 more warnings are not annotated here (GitHub shows 10 errors and 10 warnings per step): run lingo check to list every finding."},
		{"warnings by importance, missing last",
			rep(finding(1, "stale", check.Warning), finding(2, "length", check.Warning), finding(3, "negation", check.Warning),
				finding(4, "unreviewed", check.Warning), finding(5, "foreign-host", check.Warning), finding(6, "missing", check.Warning),
				finding(7, "units", check.Warning), finding(8, "whitespace", check.Warning)),
			[]string{"warning foreign-host", "warning negation", "warning units", "warning length", "warning whitespace",
				"warning stale", "warning unreviewed", "warning missing"},
			""},
		{"errors by importance, before every warning",
			rep(finding(1, "unsafe-html", check.Warning), finding(2, "missing", check.Error), finding(3, "links", check.Error),
				finding(4, "numbers", check.Error), finding(5, "event-handler", check.Error), finding(6, "control", check.Error)),
			[]string{"error event-handler", "error control", "error numbers", "error links", "error missing", "warning unsafe-html"},
			""},
		{"missing below the gate: errors too, after the others",
			rep(append(missing(12, check.Error), finding(50, "structure", check.Error), finding(51, "length", check.Warning))...),
			append(append([]string{"error structure"}, repeat("error missing", 9)...), "warning length"),
			"3 more errors are not annotated here (GitHub shows 10 errors and 10 warnings per step): run lingo check to list every finding."},
		{"both kinds left out",
			rep(append(missing(11, check.Warning), missing(12, check.Error)...)...),
			append(repeat("error missing", 10), repeat("warning missing", 10)...),
			"2 more errors and 1 more warning are not annotated here (GitHub shows 10 errors and 10 warnings per step): run lingo check to list every finding."},
		{"one left out",
			rep(missing(11, check.Warning)...),
			repeat("warning missing", 10),
			"1 more warning is not annotated here (GitHub shows 10 errors and 10 warnings per step): run lingo check to list every finding."},
		{"exactly 10 of each: no notice",
			rep(append(missing(10, check.Warning), missing(10, check.Error)...)...),
			append(repeat("error missing", 10), repeat("warning missing", 10)...),
			""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, notice := annotated(t, string(write(t, tc.report, "github", false)))
			if !slices.Equal(got, tc.want) {
				t.Errorf("annotations\n%q\nwant\n%q", got, tc.want)
			}
			if notice != tc.notice {
				t.Errorf("notice %q\nwant   %q", notice, tc.notice)
			}
		})
	}
}

// TestGitHubNoticeNamesSummary: with a job summary, the notice says it
// holds more.
func TestGitHubNoticeNamesSummary(t *testing.T) {
	out, summary := writeGitHubSummary(t, manyReport(30, 0))
	_, notice := annotated(t, out)
	if !strings.HasSuffix(notice, "run lingo check to list every finding; the job summary has the first 20.") {
		t.Errorf("notice %q", notice)
	}
	if !strings.Contains(summary, "The first 20 of 33 findings") {
		t.Errorf("summary:\n%s", summary)
	}
}

// TestSelectionStable: the kept findings are the first n of a stable
// sort by Rank, whatever the order and the number of findings.
func TestSelectionStable(t *testing.T) {
	checks := []string{"missing", "stale", "numbers", "links", "unsafe-html", "negation", "length", "structure"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var fs []check.Finding
		for i := range rng.IntN(60) {
			sev := check.Warning
			if rng.IntN(3) == 0 {
				sev = check.Error
			}
			fs = append(fs, finding(i+1, checks[rng.IntN(len(checks))], sev))
		}
		n := 1 + rng.IntN(25)
		sel, err := selectFindings(Stream{Findings: all(fs)}, n)
		if err != nil {
			t.Fatal(err)
		}
		want := slices.Clone(fs)
		slices.SortStableFunc(want, func(a, b check.Finding) int {
			if (a.Severity == check.Error) != (b.Severity == check.Error) {
				if a.Severity == check.Error {
					return -1
				}
				return 1
			}
			return Rank(a.Check) - Rank(b.Check)
		})
		errs := 0
		for _, f := range fs {
			if f.Severity == check.Error {
				errs++
			}
		}
		if sel.errorCount != errs || sel.warningCount != len(fs)-errs {
			t.Fatalf("round %d: counted %d errors, %d warnings; want %d, %d", round, sel.errorCount, sel.warningCount, errs, len(fs)-errs)
		}
		got := append(slices.Clone(sel.errors), sel.warnings...)
		wantKept := append(slices.Clone(want[:min(errs, n)]), want[errs:][:min(len(fs)-errs, n)]...)
		if !slices.Equal(got, wantKept) {
			t.Fatalf("round %d (n=%d): kept\n%v\nwant\n%v", round, n, got, wantKept)
		}
		if first := sel.first(n); !slices.Equal(first, want[:min(len(want), n)]) {
			t.Fatalf("round %d (n=%d): first %v, want %v", round, n, first, want[:min(len(want), n)])
		}
	}
}

// TestSummaryCells: whatever a finding holds, each row of the findings
// table is one line of exactly five cells, and Markdown in a message is
// shown as text.
func TestSummaryCells(t *testing.T) {
	r := sampleReport()
	r.Findings = append(r.Findings,
		check.Finding{Lang: "fr", File: "locales/fr/a|b.fr.toml", Line: 2, ID: "a|b.p-1", Check: "numbers", Severity: check.Error,
			Message: "a | b `code` *em* _em_ [link](http://x) ![img](y) <b>bold</b> &amp; ~~del~~ $x$ \\ end"},
		check.Finding{Lang: "fr", File: "locales/fr/a.fr.toml", Line: 3, ID: "a.p-2", Check: "numbers", Severity: check.Error,
			Message: strings.Repeat("é", 300)},
	)
	_, summary := writeGitHubSummary(t, r)
	rows := 0
	for _, line := range strings.Split(summary, "\n") {
		if !strings.HasPrefix(line, "| error |") && !strings.HasPrefix(line, "| warning |") {
			continue
		}
		rows++
		cells := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cells != 6 {
			t.Errorf("%d cell borders in %q", cells, line)
		}
	}
	listed := len(r.Findings) - 1 // the waived one is not a problem to list
	if rows != listed {
		t.Errorf("%d rows for %d findings:\n%s", rows, listed, summary)
	}
	for _, want := range []string{
		"| error | locales/fr/a\\|b.fr.toml:2 | a\\|b.p-1 | numbers | a \\| b \\`code\\` \\*em\\* \\_em\\_ \\[link\\](http://x) \\!\\[img\\](y) \\<b\\>bold\\</b\\> \\&amp; \\~\\~del\\~\\~ \\$x\\$ \\\\ end |",
		"| " + strings.Repeat("é", 200) + "… |",
		`trailing white space differs:\\r\\n"fim " vs "fim"\\n |`,
		`the translation is the source text unchanged: "Olá\\x1b\[2J" |`,
		"| error | locales/de/ketamine.de.toml | ",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
}

// TestGitHubStreamError: when reading the findings fails, nothing is
// written, neither annotations nor summary.
func TestGitHubStreamError(t *testing.T) {
	r := sampleReport()
	findings := func(yield func(check.Finding, error) bool) {
		if yield(r.Findings[0], nil) {
			yield(check.Finding{}, errors.New("spill: unexpected EOF"))
		}
	}
	var out, sum bytes.Buffer
	err := WriteGitHub(&out, &sum, Stream{Findings: findings, Totals: r.Totals})
	if err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
		t.Errorf("WriteGitHub = %v, want the reading error", err)
	}
	if out.Len() != 0 || sum.Len() != 0 {
		t.Errorf("wrote %q and %q", out.String(), sum.String())
	}
	if err := WriteGitHub(&out, failWriter{}, Stream{Findings: all(r.Findings), Totals: r.Totals}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("WriteGitHub to a failing summary = %v", err)
	}
}
