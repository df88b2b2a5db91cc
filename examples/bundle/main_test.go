package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/cli"
)

// The list item about BDNF, translated in every language of the repo.
const (
	bdnfID  = "ketamine-and-the-brain.li-185b8673"
	bdnfEN  = "with peak at 2-3 days)."
	bdnfNew = "with peak at 3-4 days)."
	bdnfES  = "con un pico a los 2–3 días)."
	// The paragraph on the mental health crisis, whose Spanish gets a
	// number wrong below.
	crisisID = "ketamine-and-the-brain.p-be7014de"
	crisisEN = "In 2023, 45% of adults"
	crisisES = "el 45\u00a0% de los adultos" // a no-break space before %
)

// repoCopy copies the repo's own project (content, locales, lingo.toml,
// glossary.toml) to a temporary folder.
func repoCopy(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "locales"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"lingo.toml", "glossary.toml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// lingoBuild runs lingo build in dir; exit 1 (findings) is expected once
// a translation fails a check.
func lingoBuild(t *testing.T, dir string) {
	t.Helper()
	var out, errs bytes.Buffer
	if code := cli.Run([]string{"lingo", "-C", dir, "build"}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errs}); code > 1 {
		t.Fatalf("lingo build: exit %d\n%s%s", code, out.String(), errs.String())
	}
}

// replaceIn replaces old with new in the file at path, which must hold it.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// app runs the example program and returns what it printed.
func app(t *testing.T, args ...string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if code := run(args, &out, &errs); code != 0 {
		t.Fatalf("bundle %s: exit %d\n%s", strings.Join(args, " "), code, errs.String())
	}
	return out.String()
}

// TestAppAfterSourceChange builds the repo's own project, and the app
// shows the Spanish of an entry; then the English of that entry changes
// and a translator gets a number wrong in another, lingo builds again, and
// the app shows the new English text for the stale entry and the English
// for the failing one, never either Spanish text.
func TestAppAfterSourceChange(t *testing.T) {
	dir := repoCopy(t)
	lingoBuild(t, dir)
	bundleDir := filepath.Join(dir, "out", "bundle")
	if got := app(t, "-lang", "es", bundleDir, bdnfID, crisisID); !strings.Contains(got, bdnfID+" [es] ") ||
		!strings.Contains(got, bdnfES) || !strings.Contains(got, crisisES) {
		t.Fatalf("before the change, the app printed:\n%s", got)
	}

	replaceIn(t, filepath.Join(dir, "content", "ketamine-and-the-brain.md"), bdnfEN, bdnfNew)
	replaceIn(t, filepath.Join(dir, "locales", "es", "ketamine-and-the-brain.es.toml"), crisisES, "el 47\u00a0% de los adultos")
	lingoBuild(t, dir)
	got := app(t, "-lang", "es", bundleDir, bdnfID, crisisID, "ketamine-and-the-brain.h1-3f6a6f74")
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != 3 {
		t.Fatalf("the app printed:\n%s", got)
	}
	if !strings.HasPrefix(lines[0], bdnfID+" [en] ") || !strings.Contains(lines[0], bdnfNew) {
		t.Errorf("the stale entry: %s\nwant the new English text", lines[0])
	}
	if !strings.HasPrefix(lines[1], crisisID+" [en] ") || !strings.Contains(lines[1], crisisEN) {
		t.Errorf("the failing entry: %s\nwant the English text", lines[1])
	}
	if lines[2] != "ketamine-and-the-brain.h1-3f6a6f74 [es] La ketamina y el cerebro" {
		t.Errorf("a current entry: %s\nwant the Spanish", lines[2])
	}
	for _, never := range []string{bdnfES, "47\u00a0%"} {
		if strings.Contains(got, never) {
			t.Errorf("the app shows %q, which lingo does not publish", never)
		}
	}

	// With no ID, every message of the source language.
	all := app(t, "-lang", "ar", bundleDir)
	if n := strings.Count(all, "\n"); n < 10 || !strings.Contains(all, " [ar] ") || !strings.Contains(all, " [en] ") {
		t.Errorf("every message in ar (%d lines):\n%s", n, all)
	}
}

// TestAppUsage: no folder is bad usage; a folder without a bundle is an
// error that says to run lingo build.
func TestAppUsage(t *testing.T) {
	var out, errs bytes.Buffer
	if code := run(nil, &out, &errs); code != 2 || !strings.Contains(errs.String(), "usage:") {
		t.Errorf("no argument: exit %d, %q", code, errs.String())
	}
	errs.Reset()
	if code := run([]string{t.TempDir()}, &out, &errs); code != 1 || !strings.Contains(errs.String(), "run lingo build") {
		t.Errorf("no bundle: exit %d, %q", code, errs.String())
	}
}
