package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/lingo-l10n/lingo/internal/check"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sampleReport has a bit of everything: several languages and files, both
// severities and a waived finding, a file-level finding, and messages and paths with the
// characters each format must escape (%, :, ",", line breaks, quotes,
// HTML, an ANSI escape, a space).
func sampleReport() *check.Report {
	return &check.Report{
		Findings: []check.Finding{
			{Lang: "de", File: "locales/de/ketamine.de.toml", Line: 0, ID: "", Check: "missing", Severity: check.Error,
				Message: "no catalog for this article; run lingo sync"},
			{Lang: "fr", File: "locales/fr/ketamine.fr.toml", Line: 12, ID: "ketamine.p-1a2b3c4d", Check: "numbers", Severity: check.Error,
				Message: "number 3 is not in the source"},
			{Lang: "fr", File: "locales/fr/ketamine.fr.toml", Line: 12, ID: "ketamine.p-1a2b3c4d", Check: "unsafe-html", Severity: check.Error,
				Message: `the translation adds raw HTML: <script>alert("x")</script> & more`},
			{Lang: "fr", File: "locales/fr/ketamine.fr.toml", Line: 30, ID: "ketamine.li-9f8e7d6c", Check: "numbers", Severity: check.Error,
				Message: "the source says 50-80%, the translation 50-8% (45%25 is not %0A a newline)"},
			{Lang: "fr", File: "locales/fr/ketamine.fr.toml", Line: 41, ID: "ketamine.p-00ff00ff", Check: "length", Severity: check.Warning,
				Message: "the translation is 2.4 times as long as the source"},
			{Lang: "fr", File: "locales/fr/ketamine.fr.toml", Line: 50, ID: "ketamine.p-0a0b0c0d", Check: "negation", Severity: check.Waived,
				Message: `the source says "Never" and the translation has no negation`,
				Waiver:  &check.Waiver{By: "Dr. A", Why: `"sans" keeps it`, At: "2026-12-06T07:00:00Z"}},
			{Lang: "pt-BR", File: "locales/pt-BR/guides/a, b: c.pt-BR.toml", Line: 7, ID: "guides/a, b: c.h-5", Check: "whitespace", Severity: check.Warning,
				Message: "trailing white space differs:\r\n\"fim \" vs \"fim\"\n"},
			{Lang: "pt-BR", File: "locales/pt-BR/guides/a, b: c.pt-BR.toml", Line: 9, ID: "guides/a, b: c.p-6", Check: "untranslated", Severity: check.Warning,
				Message: "the translation is the source text unchanged: \"Olá\x1b[2J\""},
		},
		Totals: []check.Totals{
			{Lang: "de", Messages: 42, Translated: 0, Percent: 0, MinPercent: 0, Errors: 1, Warnings: 0},
			{Lang: "fr", Messages: 42, Translated: 41, Percent: 41 * 100.0 / 42, MinPercent: 90, Errors: 3, Warnings: 1},
			{Lang: "pt-BR", Messages: 2500, Translated: 2499, Percent: 2499 * 100.0 / 2500, MinPercent: 100, Errors: 0, Warnings: 2},
		},
	}
}

// cleanReport has languages but no findings.
func cleanReport() *check.Report {
	return &check.Report{Totals: []check.Totals{
		{Lang: "es", Messages: 10, Translated: 10, Percent: 100, MinPercent: 80},
	}}
}

var goldenCases = []struct {
	name   string // golden file testdata/golden/<name>
	report *check.Report
	format string
	color  bool
}{
	{"sample.txt", sampleReport(), "text", false},
	{"sample.color.txt", sampleReport(), "text", true},
	{"sample.json", sampleReport(), "json", false},
	{"sample.github", sampleReport(), "github", false},
	{"many.github", manyReport(30, 13), "github", false},
	{"sample.sarif", sampleReport(), "sarif", false},
	{"clean.txt", cleanReport(), "text", false},
	{"clean.json", cleanReport(), "json", false},
	{"clean.sarif", cleanReport(), "sarif", false},
	{"empty.txt", &check.Report{}, "text", false},
	{"empty.json", &check.Report{}, "json", false},
	{"empty.github", &check.Report{}, "github", false},
	{"empty.sarif", &check.Report{}, "sarif", false},
}

func write(t *testing.T, r *check.Report, format string, color bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, format, color); err != nil {
		t.Fatalf("Write(%s): %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			checkGolden(t, tc.name, write(t, tc.report, tc.format, tc.color))
		})
	}
}

// TestDeterministic writes every golden case many times, concurrently, and
// wants the same bytes each time.
func TestDeterministic(t *testing.T) {
	for _, tc := range goldenCases {
		first := write(t, tc.report, tc.format, tc.color)
		var wg sync.WaitGroup
		outs := make([][]byte, 8)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if err := Write(&buf, tc.report, tc.format, tc.color); err == nil {
					outs[i] = buf.Bytes()
				}
			}()
		}
		wg.Wait()
		for i, out := range outs {
			if !bytes.Equal(out, first) {
				t.Errorf("%s: run %d differs from the first", tc.name, i)
			}
		}
	}
}

func TestFormats(t *testing.T) {
	for _, f := range Formats {
		if out := write(t, sampleReport(), f, false); len(out) == 0 {
			t.Errorf("%s: empty output", f)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, sampleReport(), "xml", false)
	var ufe *UnknownFormatError
	if !errors.As(err, &ufe) || ufe.Format != "xml" {
		t.Fatalf("Write(xml) = %v, want *UnknownFormatError", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Write(xml) wrote %q", buf.String())
	}
}

func TestNilReport(t *testing.T) {
	for _, f := range Formats {
		if got, want := write(t, nil, f, false), write(t, &check.Report{}, f, false); !bytes.Equal(got, want) {
			t.Errorf("%s: nil report prints %q, empty report %q", f, got, want)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, f := range Formats {
		if err := Write(failWriter{}, sampleReport(), f, false); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: Write to a failing writer = %v", f, err)
		}
	}
}

func TestTextColor(t *testing.T) {
	plain := string(write(t, sampleReport(), "text", false))
	if strings.Contains(plain, "\x1b") {
		t.Errorf("text without colour has an escape sequence:\n%q", plain)
	}
	colored := string(write(t, sampleReport(), "text", true))
	for _, want := range []string{
		ansiBold + "locales/fr/ketamine.fr.toml" + ansiReset,
		ansiRed + "error" + ansiReset,
		ansiYellow + "warning" + ansiReset,
	} {
		if !strings.Contains(colored, want) {
			t.Errorf("coloured text lacks %q", want)
		}
	}
	// Escapes in messages are shown, never sent to the terminal.
	if !strings.Contains(colored, `"Olá\x1b[2J"`) {
		t.Errorf("coloured text does not show the message's escape sequence")
	}
}

// TestTextOneLinePerFinding: a finding never spans lines, whatever its
// message holds.
func TestTextOneLinePerFinding(t *testing.T) {
	r := sampleReport()
	r.Totals = nil
	lines := strings.Split(strings.TrimSuffix(string(write(t, r, "text", false)), "\n"), "\n")
	files := 3
	blank := files - 1 + 1 // between files, and before the count
	if want := len(r.Findings) + files + blank + 1; len(lines) != want {
		t.Errorf("got %d lines, want %d:\n%s", len(lines), want, strings.Join(lines, "\n"))
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{{0, "0.0%"}, {100, "100.0%"}, {99.96, "99.9%"}, {97.61904761904762, "97.6%"}, {50, "50.0%"}} {
		if got := percent(tc.p); got != tc.want {
			t.Errorf("percent(%v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

// runnerCommand is a workflow command as the GitHub Actions runner parses
// it (actions/runner, src/Runner.Common/ActionCommand.cs, TryParseV2).
type runnerCommand struct {
	name  string
	props map[string]string
	data  string
}

// unescape undoes escapes in the runner's order, "%25" last.
func unescape(s string, property bool) string {
	pairs := []string{"%0D", "\r", "%0A", "\n"}
	if property {
		pairs = append(pairs, "%3A", ":", "%2C", ",")
	}
	pairs = append(pairs, "%25", "%")
	for i := 0; i < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

func parseCommand(t *testing.T, line string) runnerCommand {
	t.Helper()
	line = strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(line, "::") {
		t.Fatalf("not a workflow command: %q", line)
	}
	end := strings.Index(line[2:], "::")
	if end < 0 {
		t.Fatalf("no :: after the command: %q", line)
	}
	info, data := line[2:2+end], line[2+end+2:]
	cmd := runnerCommand{name: info, props: map[string]string{}, data: unescape(data, false)}
	if name, props, ok := strings.Cut(info, " "); ok {
		cmd.name = name
		for _, p := range strings.Split(strings.TrimSpace(props), ",") {
			if k, v, ok := strings.Cut(p, "="); ok && k != "" && v != "" {
				cmd.props[k] = unescape(v, true)
			}
		}
	}
	return cmd
}

// TestGitHubRunnerRoundTrip: each finding, written alone, reads back as
// the runner reads it.
func TestGitHubRunnerRoundTrip(t *testing.T) {
	fs := sampleReport().Findings
	for _, msg := range []string{"45%", "45%25", "%0A is not a newline", "100%%", "a:b,c", "x::y", "line\nbreak", "cr\rlf\r\n", "%3A%2C", ""} {
		fs = append(fs, check.Finding{Lang: "fr", File: "locales/fr/50%, 2:3.fr.toml", Line: 3, ID: "x.p-1", Check: "numbers", Severity: check.Error, Message: msg})
	}
	for i, f := range fs {
		out := string(write(t, &check.Report{Findings: []check.Finding{f}}, "github", false))
		if f.Severity == check.Waived {
			if out != "" {
				t.Errorf("finding %d, waived, is annotated: %s", i, out)
			}
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 1 {
			t.Fatalf("finding %d: got %d lines:\n%s", i, len(lines), out)
		}
		cmd := parseCommand(t, lines[0])
		if cmd.name != string(f.Severity) {
			t.Errorf("finding %d: command %q, want %q", i, cmd.name, f.Severity)
		}
		want := map[string]string{"file": f.File, "title": f.Check}
		if f.Line > 0 {
			want["line"] = strconv.Itoa(f.Line)
		}
		if !reflect.DeepEqual(cmd.props, want) {
			t.Errorf("finding %d: properties %q, want %q", i, cmd.props, want)
		}
		if cmd.data != label(f) {
			t.Errorf("finding %d: message %q, want %q", i, cmd.data, label(f))
		}
	}
}

// TestGitHubFileLevel: a finding about a whole file has no line; the
// sample's (a missing catalog) comes after the errors that are worse.
func TestGitHubFileLevel(t *testing.T) {
	out := string(write(t, sampleReport(), "github", false))
	if !strings.HasPrefix(out, "::error file=locales/fr/ketamine.fr.toml,line=12,title=unsafe-html::") {
		t.Errorf("the first annotation is not the unsafe HTML:\n%s", out)
	}
	want := "::error file=locales/de/ketamine.de.toml,title=missing::no catalog for this article; run lingo sync\n::warning "
	if !strings.Contains(out, want) {
		t.Errorf("the last error is not %q:\n%s", want, out)
	}
	if !strings.Contains(out, "::error file=locales/fr/ketamine.fr.toml,line=12,title=numbers::ketamine.p-1a2b3c4d: number 3 is not in the source\n") {
		t.Errorf("no line-level error in:\n%s", out)
	}
}

// compile loads a JSON Schema from testdata.
func compile(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///testdata/" + file
	if err := c.AddResource(url, doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return sch
}

func validate(sch *jsonschema.Schema, out []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		return err
	}
	return sch.Validate(v)
}

// mutate decodes out, lets edit change it, and encodes it again.
func mutate(t *testing.T, out []byte, edit func(doc map[string]any)) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	edit(doc)
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSARIFSchema(t *testing.T) {
	sch := compile(t, "sarif-schema-2.1.0.json")
	for _, tc := range goldenCases {
		if tc.format != "sarif" {
			continue
		}
		if err := validate(sch, write(t, tc.report, "sarif", false)); err != nil {
			t.Errorf("%s is not valid SARIF 2.1.0: %v", tc.name, err)
		}
	}

	// The validator does reject what the schema forbids.
	out := write(t, sampleReport(), "sarif", false)
	result := func(doc map[string]any) map[string]any {
		return doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[1].(map[string]any)
	}
	for name, edit := range map[string]func(map[string]any){
		"level fatal": func(doc map[string]any) { result(doc)["level"] = "fatal" },
		"startLine 0": func(doc map[string]any) {
			loc := result(doc)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
			loc["region"] = map[string]any{"startLine": 0}
		},
		// (The validator parses URIs with net/url, which takes spaces;
		// TestSARIFContent checks that fileURI encodes them.)
		"uri with backslashes": func(doc map[string]any) {
			loc := result(doc)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
			loc["artifactLocation"].(map[string]any)["uri"] = `locales\fr\a.toml`
		},
		"no version": func(doc map[string]any) { delete(doc, "version") },
	} {
		if err := validate(sch, mutate(t, out, edit)); err == nil {
			t.Errorf("SARIF with %s passed validation", name)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	var log sarifLog
	if err := json.Unmarshal(write(t, sampleReport(), "sarif", false), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if r.ShortDescription.Text == "" {
			t.Errorf("rule %s has no description", r.ID)
		}
	}
	if want := []string{"length", "missing", "negation", "numbers", "unsafe-html", "untranslated", "whitespace"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("rules %v, want %v", ids, want)
	}
	fps := map[string]bool{}
	for i, res := range run.Results {
		f := sampleReport().Findings[i]
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID || res.RuleID != f.Check {
			t.Errorf("result %d: ruleId %s, ruleIndex %d", i, res.RuleID, res.RuleIndex)
		}
		if res.Properties.Lang != f.Lang || res.Properties.MessageID != f.ID {
			t.Errorf("result %d: properties %+v", i, res.Properties)
		}
		loc := res.Locations[0].PhysicalLocation
		if (loc.Region == nil) != (f.Line == 0) || loc.Region != nil && loc.Region.StartLine != f.Line {
			t.Errorf("result %d: region %+v for line %d", i, loc.Region, f.Line)
		}
		fp := res.PartialFingerprints[fingerprintKey]
		if fps[fp] {
			t.Errorf("result %d: fingerprint %s repeats", i, fp)
		}
		fps[fp] = true
	}
	if got := run.Results[6].Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "locales/pt-BR/guides/a,%20b:%20c.pt-BR.toml" {
		t.Errorf("uri %q", got)
	}
	if got := fileURI("a:b/c.toml"); got != "./a:b/c.toml" {
		t.Errorf("fileURI(a:b/c.toml) = %q", got)
	}
}

func TestJSONSchema(t *testing.T) {
	sch := compile(t, "lingo-check.schema.json")
	for _, tc := range goldenCases {
		if tc.format != "json" {
			continue
		}
		if err := validate(sch, write(t, tc.report, "json", false)); err != nil {
			t.Errorf("%s does not match lingo-check.schema.json: %v", tc.name, err)
		}
	}

	out := write(t, sampleReport(), "json", false)
	finding := func(doc map[string]any) map[string]any { return doc["findings"].([]any)[0].(map[string]any) }
	for name, edit := range map[string]func(map[string]any){
		"severity fatal":   func(doc map[string]any) { finding(doc)["severity"] = "fatal" },
		"negative line":    func(doc map[string]any) { finding(doc)["line"] = -1 },
		"backslash file":   func(doc map[string]any) { finding(doc)["file"] = `locales\fr\a.fr.toml` },
		"unknown field":    func(doc map[string]any) { finding(doc)["column"] = 3 },
		"column zero":      func(doc map[string]any) { finding(doc)["col"] = 0 },
		"null findings":    func(doc map[string]any) { doc["findings"] = nil },
		"no languages":     func(doc map[string]any) { delete(doc, "languages") },
		"percent over 100": func(doc map[string]any) { doc["languages"].([]any)[0].(map[string]any)["percent"] = 101 },
	} {
		if err := validate(sch, mutate(t, out, edit)); err == nil {
			t.Errorf("JSON with %s passed validation", name)
		}
	}
}

// TestJSONRoundTrip: the json output decodes to the report it came from.
func TestJSONRoundTrip(t *testing.T) {
	want := sampleReport()
	var got check.Report
	if err := json.Unmarshal(write(t, want, "json", false), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, want) {
		t.Errorf("round trip:\ngot  %+v\nwant %+v", got, *want)
	}
	if out := string(write(t, &check.Report{}, "json", false)); out != "{\n  \"findings\": [],\n  \"languages\": []\n}\n" {
		t.Errorf("empty report: %q", out)
	}
}

// TestTextCountsByTotals checks the last line of a report that lists only
// its errors, as lingo build's does: the warnings come from the totals.
func TestTextCountsByTotals(t *testing.T) {
	r := &check.Report{
		Findings: []check.Finding{
			{Lang: "fr", File: "locales/fr/a.fr.toml", Line: 3, ID: "a.p-1", Check: "numbers", Severity: check.Error, Message: "50-80% became 50%"},
			{Lang: "xx", File: "locales/xx", Check: "unknown-lang", Severity: check.Warning, Message: "not a language of lingo.toml"},
		},
		Totals: []check.Totals{{Lang: "fr", Messages: 10, Translated: 7, Percent: 70, Errors: 1, Warnings: 3}},
	}
	var b strings.Builder
	if err := Write(&b, r, "text", false); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.String(), "\n1 error, 4 warnings\n") {
		t.Errorf("last line wrong:\n%s", b.String())
	}
}

// TestWriteStreamError checks that an error reading the findings stops
// every format and is returned.
func TestWriteStreamError(t *testing.T) {
	r := sampleReport()
	findings := func(yield func(check.Finding, error) bool) {
		if yield(r.Findings[0], nil) {
			yield(check.Finding{}, errors.New("spill: unexpected EOF"))
		}
	}
	for _, f := range Formats {
		var buf bytes.Buffer
		err := WriteStream(&buf, Stream{Findings: findings, Totals: r.Totals, Checks: []string{"missing"}}, f, false)
		if err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
			t.Errorf("%s: WriteStream = %v, want the reading error", f, err)
		}
	}
}

// TestDocsTextExample: the text output shown in docs/ci.md is what Write
// prints for its findings.
func TestDocsTextExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, _ := strings.Cut(string(doc), "\n## Other CI systems\n")
	_, block, ok := strings.Cut(section, "\n```text\n")
	block, _, ok2 := strings.Cut(block, "\n```\n")
	if !ok || !ok2 {
		t.Fatal("docs/ci.md: no text block under \"Other CI systems\"")
	}
	fr := func(line int, id, checkID string, sev check.Severity, msg string) check.Finding {
		return check.Finding{Lang: "fr", File: "locales/fr/a.fr.toml", Line: line, ID: id, Check: checkID, Severity: sev, Message: msg}
	}
	r := &check.Report{
		Findings: []check.Finding{
			fr(4, "a.h1-da7f99e8", "missing", check.Warning, "not translated yet"),
			fr(10, "a.p-df2a4e16", "numbers", check.Error, "number 3 of the source is missing"),
			fr(16, "a.p-e0c2d1bb", "negation", check.Error, `the source says "not" ("Do not drive after a dose.") and the translation has no negation: "Conduisez prudemment après une dose."`),
		},
		Totals: []check.Totals{{Lang: "fr", Messages: 3, Translated: 2, Percent: 200.0 / 3, Errors: 2, Warnings: 1}},
	}
	if got := string(write(t, r, "text", false)); got != block+"\n" {
		t.Errorf("docs/ci.md shows\n%s\nlingo check prints\n%s", block, got)
	}
}
