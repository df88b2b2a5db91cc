package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/version"
)

func TestExitCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, ExitOK},
		{"findings", &FindingsError{Count: 3}, ExitFindings},
		{"wrapped findings", fmt.Errorf("build: %w", &FindingsError{Count: 1}), ExitFindings},
		{"usage", usagef("--lang: bad tag"), ExitUsage},
		{"wrapped usage", fmt.Errorf("import: %w", &UsageError{Msg: "x"}), ExitUsage},
		{"plain", errors.New("disk full"), ExitUsage},
		{"deadline is not an interruption", context.DeadlineExceeded, ExitUsage},
		{"cancelled", context.Canceled, ExitCancelled},
		{"wrapped cancelled", fmt.Errorf("build: render fr: %w", context.Canceled), ExitCancelled},
		{"cancelled beside findings", errors.Join(&FindingsError{Count: 2}, context.Canceled), ExitCancelled},
		{"locked", project.ErrLocked, ExitLocked},
		{"wrapped locked", fmt.Errorf("%w (it holds %s); try again when it ends", project.ErrLocked, project.LockFile), ExitLocked},
		{"workbench locked", &project.LockedError{Err: fmt.Errorf("save: %w", project.ErrLocked)}, ExitLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := exitCode(tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

// runBuffers runs lingo with args under ctx, with buffers for its streams.
// Tests that call it do not run in parallel: every urfave/cli v2 App writes
// the library's package-level HelpFlag and VersionFlag when it runs, a data
// race between two runs at once.
func runBuffers(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = run(ctx, append([]string{"lingo"}, args...), IO{In: strings.NewReader(""), Out: &out, Err: &errw})
	return code, out.String(), errw.String()
}

func TestRunArgs(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	tests := []struct {
		name       string
		args       []string
		want       int
		stdout     string // a part of standard output
		stderr     string // a part of standard error ("": empty)
		noUsageOut bool   // standard output stays empty
	}{
		{name: "no command shows help", args: nil, want: ExitOK, stdout: "USAGE:"},
		{name: "version", args: []string{"--version"}, want: ExitOK, stdout: "lingo version " + version.String()},
		{name: "help", args: []string{"build", "--help"}, want: ExitOK, stdout: "lingo build"},
		{name: "unknown command", args: []string{"nosuch"}, want: ExitUsage, stderr: `lingo: unknown command "nosuch"`, noUsageOut: true},
		{name: "unknown global flag", args: []string{"--nosuch"}, want: ExitUsage, stderr: "lingo: flag provided but not defined: -nosuch", noUsageOut: true},
		{name: "unknown command flag", args: []string{"build", "--nosuch"}, want: ExitUsage, stderr: "flag provided but not defined: -nosuch", noUsageOut: true},
		{name: "required flag", args: []string{"diff"}, want: ExitUsage, stderr: `Required flag "lang" not set`},
		{name: "missing argument", args: []string{"adopt", "--lang", "fr"}, want: ExitUsage, stderr: "adopt needs at least one PATH", noUsageOut: true},
		{name: "bad language tag", args: []string{"init", "--source", "../x"}, want: ExitUsage, stderr: "--source: invalid language tag", noUsageOut: true},
		{name: "missing folder", args: []string{"-C", missing, "build"}, want: ExitUsage, stderr: "no such folder", noUsageOut: true},
		{name: "bad format", args: []string{"-C", missing, "status", "--format", "xml"}, want: ExitUsage, stderr: `--format "xml": want text or json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runBuffers(t.Context(), tt.args...)
			if code != tt.want {
				t.Errorf("lingo %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(tt.args, " "), code, tt.want, stdout, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("lingo %s: stdout does not contain %q:\n%s", strings.Join(tt.args, " "), tt.stdout, stdout)
			}
			if tt.noUsageOut && stdout != "" {
				t.Errorf("lingo %s: stdout should be empty:\n%s", strings.Join(tt.args, " "), stdout)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("lingo %s: stderr = %q, want it to contain %q", strings.Join(tt.args, " "), stderr, tt.stderr)
			}
		})
	}
}

// newProject makes a project with lingo init, and one article.
func newProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if code, _, stderr := runBuffers(t.Context(), "-C", dir, "init", "--languages", "fr"); code != ExitOK {
		t.Fatalf("lingo init: exit %d: %s", code, stderr)
	}
	article := "---\ntitle: Sleep\n---\n\n# Sleep\n\nSleep matters.\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "sleep.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// lockProject holds dir's lock, as another lingo run would, until the test
// ends.
func lockProject(t *testing.T, dir string) {
	t.Helper()
	l := flock.New(filepath.Join(dir, project.LockFile))
	ok, err := l.TryLock()
	if err != nil || !ok {
		t.Fatalf("lock %s: %v", dir, err)
	}
	t.Cleanup(func() { _ = l.Unlock() })
}

// TestLocked: a writing command that finds the project held by another run
// gives up when its wait ends (here the context's deadline, shorter than
// lockWait) with exit 3, and writes nothing; interrupted while it waits, it
// exits 130.
func TestLocked(t *testing.T) {
	for _, cmd := range []string{"sync", "build", "extract"} {
		t.Run(cmd, func(t *testing.T) {
			dir := newProject(t)
			lockProject(t, dir)

			ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
			defer cancel()
			code, stdout, stderr := runBuffers(ctx, "-C", dir, cmd)
			if code != ExitLocked {
				t.Errorf("lingo %s on a locked project: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", cmd, code, ExitLocked, stdout, stderr)
			}
			if !strings.Contains(stderr, "another lingo run is writing this project") {
				t.Errorf("lingo %s on a locked project: stderr = %q", cmd, stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "locales", "en", "sleep.en.toml")); err == nil {
				t.Errorf("lingo %s wrote a catalog without the lock", cmd)
			}

			ctx, cancel = context.WithCancel(t.Context())
			time.AfterFunc(100*time.Millisecond, cancel)
			code, _, stderr = runBuffers(ctx, "-C", dir, cmd)
			if code != ExitCancelled {
				t.Errorf("lingo %s interrupted while waiting for the lock: exit %d, want %d\nstderr:\n%s", cmd, code, ExitCancelled, stderr)
			}
			if want := "lingo: interrupted"; !strings.HasPrefix(stderr, want) {
				t.Errorf("lingo %s interrupted: stderr = %q, want it to start with %q", cmd, stderr, want)
			}
		})
	}
}

// TestUnlocked: the same commands on a free project run (the lock test
// above fails for the right reason).
func TestUnlocked(t *testing.T) {
	dir := newProject(t)
	code, stdout, stderr := runBuffers(t.Context(), "-C", dir, "sync")
	if code != ExitOK {
		t.Fatalf("lingo sync: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "wrote locales/en/sleep.en.toml") {
		t.Errorf("lingo sync: stdout = %q", stdout)
	}
}
