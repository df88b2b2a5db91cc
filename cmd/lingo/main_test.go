package main

import (
	"bytes"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

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
