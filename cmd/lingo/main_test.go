package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// TestMain makes the test binary double as the lingo command: testscript
// puts it on the scripts' PATH under that name.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"lingo": main})
}

// TestScript runs the end-to-end scripts in testdata/script, one behaviour
// per file. Run with -update to rewrite their expected output.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(env *testscript.Env) error {
			// Under -race every lingo process would sleep a second on exit.
			env.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"crlf":  cmdCRLF,
			"bom":   cmdBOM,
			"chomp": cmdChomp,
			"subst": cmdSubst,
			"gen":   cmdGen,
			"ls":    cmdLs,
			"repo":  cmdRepo,
			"mtime": cmdMtime,
		},
	})
}

// rewrite applies f to each named file in the script's work directory.
func rewrite(ts *testscript.TestScript, neg bool, name string, files []string, f func([]byte) []byte) {
	if neg {
		ts.Fatalf("unsupported: ! %s", name)
	}
	if len(files) == 0 {
		ts.Fatalf("usage: %s FILE...", name)
	}
	for _, file := range files {
		path := ts.MkAbs(file)
		data, err := os.ReadFile(path)
		ts.Check(err)
		ts.Check(os.WriteFile(path, f(data), 0o644))
	}
}

// cmdCRLF converts the line endings of files from LF to CRLF: crlf FILE...
// (txtar archives cannot hold a carriage return reliably).
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	rewrite(ts, neg, "crlf", args, func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
	})
}

// cmdBOM puts a UTF-8 byte order mark at the start of files: bom FILE...
func cmdBOM(ts *testscript.TestScript, neg bool, args []string) {
	rewrite(ts, neg, "bom", args, func(b []byte) []byte {
		return append([]byte("\uFEFF"), b...)
	})
}

// cmdChomp removes the final line ending (LF or CRLF) of files: chomp FILE...
func cmdChomp(ts *testscript.TestScript, neg bool, args []string) {
	rewrite(ts, neg, "chomp", args, func(b []byte) []byte {
		b = bytes.TrimSuffix(b, []byte("\n"))
		return bytes.TrimSuffix(b, []byte("\r"))
	})
}

// cmdSubst replaces every OLD with NEW in FILE, both read as the body of a
// Go double-quoted string, so '\xff' is the single byte 0xff:
// subst FILE OLD NEW.
func cmdSubst(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: subst FILE OLD NEW")
	}
	unquote := func(s string) []byte {
		u, err := strconv.Unquote(`"` + s + `"`)
		if err != nil {
			ts.Fatalf("subst: %q: %v", s, err)
		}
		return []byte(u)
	}
	old, new := unquote(args[1]), unquote(args[2])
	rewrite(ts, neg, "subst", args[:1], func(b []byte) []byte {
		if !bytes.Contains(b, old) {
			ts.Fatalf("subst: %s does not contain %q", args[0], old)
		}
		return bytes.ReplaceAll(b, old, new)
	})
}

// cmdGen writes a large or deeply nested input that a txtar archive should
// not hold: gen KIND FILE N, where KIND is
//
//	paragraph  one paragraph of N bytes of words, one final newline
//	quotes     a block quote nested N deep ("> > > ... deep")
//	lists      a list item nested N deep ("- - - ... deep")
//	items      a flat list of N items ("- item 1" …), one a line
//	emphasis   N nested emphasis and N nested link brackets
//	catalog    a TOML catalog of N messages for the article a that the
//	           article does not have
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! gen")
	}
	if len(args) != 3 {
		ts.Fatalf("usage: gen paragraph|quotes|lists|items|emphasis|catalog FILE N")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil || n < 0 {
		ts.Fatalf("gen: bad count %q", args[2])
	}
	var b bytes.Buffer
	switch args[0] {
	case "paragraph":
		const words = "lorem ipsum dolor sit amet, 50-80% in 2-3 days. "
		for b.Len()+len(words) <= n-1 {
			b.WriteString(words)
		}
		b.WriteString(strings.Repeat("x", n-1-b.Len()))
		b.WriteByte('\n')
	case "quotes":
		b.WriteString(strings.Repeat("> ", n) + "deep\n")
	case "lists":
		b.WriteString(strings.Repeat("- ", n) + "deep\n")
	case "items":
		for i := range n {
			fmt.Fprintf(&b, "- item %d\n", i+1)
		}
	case "emphasis":
		b.WriteString(strings.Repeat("*", n) + "deep" + strings.Repeat("*", n) + "\n\n")
		b.WriteString(strings.Repeat("[", n) + "deep" + strings.Repeat("]", n) + "\n")
	case "catalog":
		for i := range n {
			fmt.Fprintf(&b, "['a.p-%08x']\nother = 'x'\n\n", i)
		}
	default:
		ts.Fatalf("gen: unknown kind %q", args[0])
	}
	path := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	ts.Check(os.WriteFile(path, b.Bytes(), 0o644))
}

// cmdLs prints the names in a folder, sorted, one a line, so a script can
// compare them with a golden list: ls DIR.
func cmdLs(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: ls DIR")
	}
	entries, err := os.ReadDir(ts.MkAbs(args[0]))
	ts.Check(err)
	for _, e := range entries {
		fmt.Fprintln(ts.Stdout(), e.Name())
	}
}

// cmdRepo copies this repository's own project (lingo.toml, glossary.toml,
// content/ and locales/) into the script's work directory: repo.
func cmdRepo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: repo")
	}
	root := filepath.Join("..", "..")
	for _, name := range []string{"lingo.toml", "glossary.toml"} {
		data, err := os.ReadFile(filepath.Join(root, name))
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(name), data, 0o644))
	}
	for _, name := range []string{"content", "locales"} {
		ts.Check(os.CopyFS(ts.MkAbs(name), os.DirFS(filepath.Join(root, name))))
	}
}

// cmdMtime sets the modification time of files, given in RFC 3339, so a
// script can show what lingo derives from it: mtime TIME FILE...
func cmdMtime(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mtime TIME FILE...")
	}
	t, err := time.Parse(time.RFC3339, args[0])
	ts.Check(err)
	for _, f := range args[1:] {
		ts.Check(os.Chtimes(ts.MkAbs(f), t, t))
	}
}
