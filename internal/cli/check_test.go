package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSummary: lingo check --format github appends a job summary to
// the file GITHUB_STEP_SUMMARY names (or --summary), after what the file
// held; no other format writes one, nor github without a file.
func TestCheckSummary(t *testing.T) {
	dir := newProject(t)
	if code, _, stderr := runBuffers(t.Context(), "-C", dir, "sync"); code != ExitOK {
		t.Fatalf("lingo sync: exit %d: %s", code, stderr)
	}
	const before = "an earlier step's summary\n"
	tests := []struct {
		name    string
		env     string // GITHUB_STEP_SUMMARY: "env" for the test's file, "" unset
		args    []string
		summary bool // the file gets a summary
	}{
		{"github, variable set", "env", []string{"--format", "github"}, true},
		{"github, --summary", "", []string{"--format", "github", "--summary", "FILE"}, true},
		{"github, no variable", "", []string{"--format", "github"}, false},
		{"text", "env", nil, false},
		{"json", "env", []string{"--format", "json"}, false},
		{"sarif", "env", []string{"--format", "sarif"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "step_summary")
			if err := os.WriteFile(file, []byte(before), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.env == "env" {
				t.Setenv("GITHUB_STEP_SUMMARY", file)
			} else {
				t.Setenv("GITHUB_STEP_SUMMARY", "")
			}
			args := []string{"-C", dir, "check"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "FILE", file))
			}
			code, stdout, stderr := runBuffers(t.Context(), args...)
			if code != ExitOK || stderr != "" {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := string(data)
			if !tt.summary {
				if got != before {
					t.Errorf("the summary file changed:\n%s", got)
				}
				return
			}
			rest, ok := strings.CutPrefix(got, before)
			if !ok {
				t.Fatalf("the summary file lost what it held:\n%s", got)
			}
			for _, want := range []string{
				"## lingo check: 0 errors, 3 warnings\n",
				"\n| fr | 3 | 0 (0.0%) | - | 0 | 3 |\n",
				"\n| warning | locales/fr/sleep.fr.toml:",
			} {
				if !strings.Contains(rest, want) {
					t.Errorf("summary lacks %q:\n%s", want, rest)
				}
			}
			if !strings.HasPrefix(stdout, "::warning file=locales/fr/sleep.fr.toml,") {
				t.Errorf("stdout:\n%s", stdout)
			}
		})
	}
}

// TestCheckSummaryErrors: a summary file that cannot be written is exit
// 2 after the annotations; unreadable input is annotated and summarized.
func TestCheckSummaryErrors(t *testing.T) {
	dir := newProject(t)
	if code, _, stderr := runBuffers(t.Context(), "-C", dir, "sync"); code != ExitOK {
		t.Fatalf("lingo sync: exit %d: %s", code, stderr)
	}
	t.Setenv("GITHUB_STEP_SUMMARY", filepath.Join(t.TempDir(), "no such folder", "summary"))
	code, stdout, stderr := runBuffers(t.Context(), "-C", dir, "check", "--format", "github")
	if code != ExitUsage || !strings.HasPrefix(stderr, "lingo: job summary: ") || !strings.HasPrefix(stdout, "::warning ") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	file := filepath.Join(t.TempDir(), "summary")
	t.Setenv("GITHUB_STEP_SUMMARY", file)
	catalog := filepath.Join(dir, "locales", "fr", "sleep.fr.toml")
	if err := os.WriteFile(catalog, []byte("['sleep.h1-1']\nother 'Sommeil'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runBuffers(t.Context(), "-C", dir, "check", "--format", "github")
	if code != ExitUsage || !strings.HasPrefix(stdout, "::error file=locales/fr/sleep.fr.toml,line=2,col=7,title=input::") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\n| error | locales/fr/sleep.fr.toml:2 |  | input | ") {
		t.Errorf("summary:\n%s", data)
	}
}
