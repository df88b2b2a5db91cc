// Package testcorpus finds the real corpora that tests and benchmarks read:
// testdata/corpus at the root of the repository (see its README.md), part of
// every clone. Tests never skip for a missing corpus: without it they fail.
package testcorpus

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of testdata/corpus joined with elem (for
// example Dir(t, "hugo-docs", "en")), found from the working directory of the
// test (its package's folder) by walking up to the folder holding go.mod. It
// fails the test when that path does not exist.
func Dir(tb testing.TB, elem ...string) string {
	tb.Helper()
	root, err := repoRoot()
	if err != nil {
		tb.Fatalf("testcorpus: %v", err)
	}
	dir := filepath.Join(append([]string{root, "testdata", "corpus"}, elem...)...)
	if _, err := os.Stat(dir); err != nil {
		tb.Fatalf("testcorpus: corpus missing (it is part of the repository): %v", err)
	}
	return dir
}

// repoRoot is the nearest folder at or above the working directory that
// holds go.mod.
func repoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod in %s or above", wd)
		}
		dir = parent
	}
}

// Tree reads every file under dir, by path relative to it.
func Tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files[rel], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
