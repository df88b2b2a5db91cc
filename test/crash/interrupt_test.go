//go:build crash

package crash

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/cli"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

var flagInterrupts = flag.Int("crash.interrupts", 5, "interrupted builds in TestInterrupt")

// TestInterrupt sends SIGINT (Ctrl-C, not SIGKILL) to lingo build on the
// Hugo documentation (992 articles, French and German) and checks that it
// stops at a safe point (issue 23): exit 130, every file old or new, no
// temporary file left, and the next build ends exactly where a build never
// interrupted does. Run it with
//
//	go test -tags crash -run Interrupt -count=1 -v ./test/crash/
//
// The project's state before the build (a build done, then half of the
// remaining entries translated and every fifth article edited, so that
// catalogs and pages must be written again) is built once; the reference
// build runs to completion on a copy of it, and each iteration interrupts a
// build on a fresh copy after a delay spread over the reference build's
// duration (10%, 30%, ..., 90% with five iterations; of the shortest build
// seen, once one has ended before its signal). A build that got the
// signal may still end as the complete run does, when its work was done,
// but at least half of them must stop with 130. Snapshots leave out
// lingo's cache and the build stamp (see cacheFolder and buildStamp).
func TestInterrupt(t *testing.T) {
	bin := buildLingo(t)
	work := t.TempDir()
	tmp := filepath.Join(work, "tmp") // TMPDIR, on the project's file system
	must(t, os.MkdirAll(tmp, 0o755))

	base := filepath.Join(work, "base")
	must(t, os.MkdirAll(base, 0o755))
	must(t, os.WriteFile(filepath.Join(base, "lingo.toml"), []byte(config), 0o644))
	copyTree(t, testcorpus.Dir(t, "hugo-docs", "en"), filepath.Join(base, "content"))
	rng := rand.New(rand.NewPCG(23, 4))
	runOK(t, bin, base, tmp, "sync")
	translate(t, base, rng, 0.5)
	runOK(t, bin, base, tmp, "build")
	translate(t, base, rng, 0.5)
	editArticles(t, filepath.Join(base, "content"), 5)
	before := snap(t, base)
	trBefore := translations(t, base)

	// Every copy of the project is a folder named alike: a site without
	// a title takes its folder's name, on every index page.
	ref := filepath.Join(work, "ref", "project")
	copyTree(t, base, ref)
	var refOut bytes.Buffer
	refCode, refDur := run(t, bin, ref, tmp, "build", &refOut)
	if refCode != 0 && refCode != 1 {
		t.Fatalf("lingo build on the reference copy exited %d:\n%s", refCode, tail(refOut.String()))
	}
	after := snap(t, ref)
	must(t, os.RemoveAll(ref))
	t.Logf("reference build: exit %d in %v; %d files before, %d after", refCode, refDur.Round(time.Millisecond), len(before), len(after))

	var interrupted, finished, endedFirst int
	n := *flagInterrupts
	dur := refDur // a build's duration: the shortest seen, so that a slow reference run does not put every signal past the end
	for i := range n {
		delay := dur * time.Duration(2*i+1) / time.Duration(2*n)
		proj := filepath.Join(work, fmt.Sprintf("proj%d", i), "project")
		copyTree(t, base, proj)
		where := fmt.Sprintf("iteration %d (SIGINT after %v of ~%v)", i, delay.Round(time.Millisecond), dur.Round(time.Millisecond))

		code, signalled, took, out := interruptAfter(t, bin, proj, tmp, "build", delay)
		if !signalled {
			dur = min(dur, took)
		}
		state := snap(t, proj)
		var st stats
		nNew, nOld, leftovers := compare(t, where, before, after, state, &st)
		switch {
		case code == cli.ExitCancelled && signalled:
			interrupted++
			t.Logf("%s: exit 130, %d files new and %d old of those the build changes: %s", where, nNew, nOld, lastLine(out))
		case code == refCode && diff(after, state) == "":
			// The build had done its work when the signal came (or
			// before it was sent): it ends as the complete run does.
			if signalled {
				finished++
			} else {
				endedFirst++
			}
			t.Logf("%s: exit %d, complete (signal sent: %v)", where, code, signalled)
		default:
			t.Errorf("%s: exit %d (signal sent: %v), want %d, or %d with the complete run's files:\n%s",
				where, code, signalled, cli.ExitCancelled, refCode, tail(out))
		}

		if len(leftovers) > 0 {
			t.Errorf("%s: a stop at a safe point left temporary files in the project: %v", where, leftovers)
		}
		if left := listDir(t, tmp); len(left) > 0 {
			t.Errorf("%s: a stop at a safe point left temporary files in TMPDIR: %v", where, left)
			for _, name := range left {
				_ = os.Remove(filepath.Join(tmp, name))
			}
		}
		checkFiles(t, where, proj, state)
		checkTranslations(t, where, proj, trBefore)

		// The next build, not interrupted, ends in the state of the
		// complete run.
		var nextOut bytes.Buffer
		if next, _ := run(t, bin, proj, tmp, "build", &nextOut); next != refCode {
			t.Errorf("%s: the next build exited %d, the complete run %d:\n%s", where, next, refCode, tail(nextOut.String()))
		}
		if d := diff(after, snap(t, proj)); d != "" {
			t.Errorf("%s: the next build does not end in the state of the complete run:\n%s", where, d)
		}
		must(t, os.RemoveAll(proj))
		if t.Failed() {
			break
		}
	}
	t.Logf("%d builds: %d interrupted (exit 130), %d complete though signalled, %d ended before the signal",
		n, interrupted, finished, endedFirst)
	if signalled := interrupted + finished; interrupted == 0 || interrupted < signalled/2 {
		t.Errorf("SIGINT stopped %d of the %d builds it reached (exit 130); want at least half: does Build stop when its context is cancelled?",
			interrupted, signalled)
	}
}

// editArticles appends a paragraph to every nth article under dir, in the
// order of their paths, as an author's edit between builds.
func editArticles(t *testing.T, dir string, every int) {
	t.Helper()
	s := snap(t, dir)
	for i, p := range sorted(keys(s)) {
		if i%every != 0 {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(p))
		data, err := os.ReadFile(path)
		must(t, err)
		data = append(bytes.TrimRight(data, "\n"), "\n\nA paragraph added before the interrupted build.\n"...)
		must(t, os.WriteFile(path, data, 0o644))
	}
}

func keys(s snapshot) map[string]bool {
	m := make(map[string]bool, len(s))
	for p := range s {
		m[p] = true
	}
	return m
}

// interruptAfter starts lingo and sends it SIGINT after delay. It returns
// the exit code, whether the signal was sent (the run had not ended), how
// long the run took, and what it printed.
func interruptAfter(t *testing.T, bin, dir, tmp, cmd string, delay time.Duration) (code int, signalled bool, took time.Duration, out string) {
	t.Helper()
	var buf bytes.Buffer
	c := exec.Command(bin, "-C", dir, cmd)
	c.Env = append(os.Environ(), "TMPDIR="+tmp)
	c.Stdout, c.Stderr = &buf, &buf
	start := time.Now()
	must(t, c.Start())
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(delay):
		signalled = c.Process.Signal(os.Interrupt) == nil
		err = <-done
	}
	took = time.Since(start)
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, signalled, took, buf.String()
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		return ee.ExitCode(), signalled, took, buf.String()
	case errors.As(err, &ee):
		t.Errorf("lingo %s ended by a signal (%v), not by itself: no signal handler?", cmd, err)
		return -1, signalled, took, buf.String()
	}
	t.Fatal(err)
	return 0, false, 0, ""
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}
