package project_test

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHouse keeps the shape issue 23 gave the code: no package under
// internal/ over 2,000 lines of non-test code, project (the facade) under
// 1,500, and none importing more than 12 of lingo's own packages, so that
// each stage stays one job.
func TestHouse(t *testing.T) {
	root := filepath.Join("..")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		lines, own := 0, map[string]bool{}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() {
				if name != "testdata" {
					walk(filepath.Join(dir, name))
				}
				continue
			}
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			path := filepath.Join(dir, name)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines += bytes.Count(src, []byte("\n"))
			f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				if p := strings.Trim(imp.Path.Value, `"`); strings.HasPrefix(p, "github.com/lingo-l10n/lingo/") {
					own[p] = true
				}
			}
		}
		pkg := filepath.ToSlash(dir)
		limit := 2000
		if filepath.Base(dir) == "project" {
			limit = 1500
		}
		if lines > limit {
			t.Errorf("%s: %d lines of non-test code, more than %d: split it by job", pkg, lines, limit)
		}
		if len(own) > 12 {
			t.Errorf("%s imports %d of lingo's packages, more than 12", pkg, len(own))
		}
	}
	for _, d := range dirs {
		if d.IsDir() {
			walk(filepath.Join(root, d.Name()))
		}
	}
}
