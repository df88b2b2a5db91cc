package project_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildResultFile: a build that finds nothing changed returns the last
// build's result from out/.lingo/build-result.json, and only the result the
// stamp names: one changed since (or gone) makes the build work it out
// again, never report what another build found.
func TestBuildResultFile(t *testing.T) {
	dir := repoProject(t)
	_, want := build(t, dir)
	path := filepath.Join(dir, "out", ".lingo", "build-result.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, got := build(t, dir); got != want {
		t.Errorf("nothing changed: the build reports\n%s\nwant\n%s", got, want)
	}
	// Someone edits the result: the languages' percentages change.
	forged := strings.ReplaceAll(string(data), `"percent":`, `"percent":1`)
	if forged == string(data) {
		t.Fatal("the result holds no percentages")
	}
	if err := os.WriteFile(path, []byte(forged), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, got := build(t, dir); got != want {
		t.Errorf("after the result file changed, the build reports\n%s\nwant\n%s", got, want)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if _, got := build(t, dir); got != want {
		t.Errorf("after the result file went, the build reports\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the build did not write its result again: %v", err)
	}
}
