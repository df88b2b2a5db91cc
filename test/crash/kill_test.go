//go:build crash

// Package crash kills lingo mid-run, again and again, and checks that every
// catalog and output is left either as it was or as the complete run makes
// it (PRODUCT.md property 6, issue 8 item 3). Run it with
//
//	go test -tags crash -run Kill -count=1 -v ./test/crash/ -crash.n 300
//
// Each iteration changes every article, copies the project and runs the
// command (sync or build, alternately) to completion on the copy, which
// gives the "new" state; then it runs the same command on the project, kills
// it with SIGKILL after a random delay within its typical run time, and
// checks every file against the old and new states. The next run, not
// killed, must take the lock at once and end in exactly the new state.
package crash

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gofrs/flock"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

var (
	flagN        = flag.Int("crash.n", 200, "kill iterations")
	flagArticles = flag.Int("crash.articles", 20, "articles in the generated corpus")
	flagSeed     = flag.Uint64("crash.seed", 0, "random seed (0: from the clock)")
)

var langs = []string{"fr", "de"}

const config = `source    = "en"
languages = ["fr", "de"]
content   = "content"
locales   = "locales"
output    = "out"
format    = "toml"

[lang.fr]
min_complete = 0

[lang.de]
min_complete = 0
`

// file is one file of a snapshot.
type file struct {
	sum  [32]byte
	size int64
	data string // of the bundle's record alone (bundleRecord)
}

// bundleRecord is the record of the bundle's files. A build writes it
// twice: before the first bundle file, the files of the last run and of
// this one (so that one it stops before recording still gets removed),
// and at the end this run's alone. Stopped between the two, it is neither
// old nor new but their union (isUnion).
const bundleRecord = "out/.lingo/bundle.json"

// isUnion reports whether the bundle record got lists the languages,
// articles and files of the records a and b together.
func isUnion(got, a, b string) bool {
	type record struct{ Langs, Slugs, Files []string }
	var g, x, y record
	for _, r := range []struct {
		data string
		v    *record
	}{{got, &g}, {a, &x}, {b, &y}} {
		if json.Unmarshal([]byte(r.data), r.v) != nil {
			return false
		}
	}
	set := func(lists ...[]string) []string {
		s := slices.Sorted(slices.Values(slices.Concat(lists...)))
		return slices.Compact(s)
	}
	return slices.Equal(set(g.Langs), set(x.Langs, y.Langs)) && slices.Equal(set(g.Slugs), set(x.Slugs, y.Slugs)) &&
		slices.Equal(set(g.Files), set(x.Files, y.Files))
}

type snapshot map[string]file // path relative to the project, slashes

// stats are the figures the test reports.
type stats struct {
	iters, syncs, builds   int
	doneBeforeKill         int // the run ended before the signal
	beforeWrites           int // killed with every file still old
	midWrite               int // killed with some files new and some old
	afterWrites            int // killed with every file new, before exit
	newFiles, oldFiles     int // files found new / old after kills, in total
	leftInTmp, leftInProj  int // renameio temp files left by kills
	cleanedByNext          int // leftovers the next run removed
	unexpected, lost       int
	maxLockWait            time.Duration
	maxRecover, sumRecover time.Duration
	refSync, refBuild      time.Duration
}

func TestKill(t *testing.T) {
	seed := *flagSeed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (rerun with -crash.seed %d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	bin := buildLingo(t)
	work := t.TempDir()
	// Both copies of the project are folders named alike: a site without
	// a title takes its folder's name, on every index page.
	proj := filepath.Join(work, "proj", "project")
	ref := filepath.Join(work, "ref", "project")
	tmpSame := filepath.Join(work, "tmp") // same file system as the project
	must(t, os.MkdirAll(tmpSame, 0o755))
	tmpOther := otherFS(t, work) // "" when there is none

	c := newCorpus(*flagArticles, rng)
	must(t, os.MkdirAll(proj, 0o755))
	must(t, os.WriteFile(filepath.Join(proj, "lingo.toml"), []byte(config), 0o644))
	c.write(t, proj)
	runOK(t, bin, proj, tmpSame, "sync")
	translate(t, proj, rng, 1.0)
	runOK(t, bin, proj, tmpSame, "build")

	var st stats
	durs := map[string]time.Duration{}
	for i := 0; i < *flagN; i++ {
		cmd := "sync"
		if i%2 == 1 {
			cmd = "build"
		}
		tmp, mode := tmpSame, "TMPDIR on the project's file system"
		if tmpOther != "" && (i/2)%2 == 1 {
			tmp, mode = tmpOther, "TMPDIR on another file system"
		}
		// A translator's work between runs, then the authors' edits, so
		// that every catalog and output must be rewritten.
		translate(t, proj, rng, 0.7)
		c.edit(t, proj, i)
		before := snap(t, proj)
		trBefore := translations(t, proj)

		// The new state: the same command, run to completion on a copy.
		must(t, os.RemoveAll(ref))
		copyTree(t, proj, ref)
		refCode, refDur := run(t, bin, ref, tmp, cmd, nil)
		if refCode != 0 && refCode != 1 {
			t.Fatalf("iteration %d: %s on the copy exited %d", i, cmd, refCode)
		}
		after := snap(t, ref)
		if d := durs[cmd]; d == 0 {
			durs[cmd] = refDur
		} else {
			durs[cmd] = (d*3 + refDur) / 4
		}

		// The killed run.
		delay := time.Duration(rng.Int64N(int64(durs[cmd]) * 11 / 10))
		exited := killAfter(t, bin, proj, tmp, cmd, delay)
		if exited {
			st.doneBeforeKill++
		}

		// A stale lock must not block: the kernel drops a flock with its
		// holder.
		start := time.Now()
		l := flock.New(filepath.Join(proj, ".lingo.lock"))
		ok, err := l.TryLock()
		if err != nil || !ok {
			t.Fatalf("iteration %d: lock still held after the kill (%v)", i, err)
		}
		must(t, l.Unlock())
		st.maxLockWait = max(st.maxLockWait, time.Since(start))

		killed := snap(t, proj)
		where := fmt.Sprintf("iteration %d (%s killed after %v, %s)", i, cmd, delay.Round(time.Millisecond), mode)
		nNew, nOld, leftovers := compare(t, where, before, after, killed, &st)
		switch {
		case exited:
		case nNew == 0:
			st.beforeWrites++
		case nOld == 0:
			st.afterWrites++
		default:
			st.midWrite++
		}
		st.newFiles += nNew
		st.oldFiles += nOld
		checkFiles(t, where, proj, killed)
		checkTranslations(t, where, proj, trBefore)
		tmpLeft := listDir(t, tmp)
		st.leftInTmp += len(tmpLeft)
		st.leftInProj += len(leftovers)

		// The next run, not killed: it takes the lock at once and ends in
		// exactly the state of the complete run.
		code, dur := run(t, bin, proj, tmp, cmd, nil)
		if code != refCode {
			t.Fatalf("%s: the next run exited %d, the complete run %d", where, code, refCode)
		}
		if dur > refDur*2+time.Second {
			t.Errorf("%s: the next run took %v, the complete run %v: blocked by a stale lock?", where, dur, refDur)
		}
		st.maxRecover = max(st.maxRecover, dur)
		st.sumRecover += dur
		final := snap(t, proj)
		for _, p := range leftovers {
			if _, ok := final[p]; !ok {
				st.cleanedByNext++
			}
			delete(final, p)
			_ = os.Remove(filepath.Join(proj, filepath.FromSlash(p)))
		}
		for _, name := range tmpLeft {
			_ = os.Remove(filepath.Join(tmp, name))
		}
		if d := diff(after, final); d != "" {
			t.Fatalf("%s: the next run does not end in the state of the complete run:\n%s", where, d)
		}
		st.iters++
		if cmd == "sync" {
			st.syncs++
		} else {
			st.builds++
		}
		if t.Failed() {
			break
		}
	}
	st.refSync, st.refBuild = durs["sync"], durs["build"]
	report(t, &st, c)
}

// compare checks every file of the killed state against the old and new
// states and returns how many are new and old (among those the run
// changes) and the temp files the kill left in the project.
func compare(t *testing.T, where string, before, after, killed snapshot, st *stats) (nNew, nOld int, leftovers []string) {
	t.Helper()
	paths := map[string]bool{}
	for _, s := range []snapshot{before, after, killed} {
		for p := range s {
			paths[p] = true
		}
	}
	for _, p := range sorted(paths) {
		if p == ".lingo.lock" {
			continue
		}
		b, inB := before[p]
		a, inA := after[p]
		k, inK := killed[p]
		changed := inA != inB || a != b
		switch {
		case !inK && inB && inA:
			st.lost++
			t.Errorf("%s: %s is gone (both the old and the new state have it)", where, p)
		case !inK:
			if changed {
				if inA {
					nOld++
				} else {
					nNew++
				}
			}
		case inK && !inB && !inA:
			if strings.HasPrefix(filepath.Base(p), ".") {
				leftovers = append(leftovers, p)
				t.Logf("%s: left behind: %s (%d bytes)", where, p, k.size)
			} else {
				st.unexpected++
				t.Errorf("%s: unexpected file %s (%d bytes), neither old nor new", where, p, k.size)
			}
		case inA && k == a:
			if changed {
				nNew++
			}
		case inB && k == b:
			if changed {
				nOld++
			}
		case p == bundleRecord && isUnion(k.data, b.data, a.data):
			nOld++ // recorded before the run's first bundle file
		default:
			st.unexpected++
			t.Errorf("%s: %s is neither old nor new (%d bytes; old %d, new %d)", where, p, k.size, b.size, a.size)
		}
	}
	return nNew, nOld, leftovers
}

// checkFiles parses every catalog and checks every HTML page is whole.
func checkFiles(t *testing.T, where, proj string, s snapshot) {
	t.Helper()
	for p := range s {
		base := filepath.Base(p)
		if strings.HasPrefix(base, ".") && !strings.HasSuffix(base, ".json") {
			continue // a temp file, counted elsewhere
		}
		path := filepath.Join(proj, filepath.FromSlash(p))
		switch {
		case strings.HasPrefix(p, "locales/") && strings.HasSuffix(p, ".toml"):
			data, err := os.ReadFile(path)
			must(t, err)
			if _, err := catalog.Parse(p, data); err != nil {
				t.Errorf("%s: %s does not parse: %v", where, p, err)
			}
		case strings.HasPrefix(p, "out/") && strings.HasSuffix(p, ".html"):
			data, err := os.ReadFile(path)
			must(t, err)
			if !bytes.HasSuffix(data, []byte("</html>\n")) {
				t.Errorf("%s: %s is cut short (%d bytes)", where, p, len(data))
			}
		}
	}
}

// translations lists every translation in the target catalogs and archives,
// as "lang\x00text".
func translations(t *testing.T, proj string) map[string]bool {
	t.Helper()
	tr := map[string]bool{}
	for _, lang := range langs {
		dir := filepath.Join(proj, "locales", lang)
		entries, err := os.ReadDir(dir)
		must(t, err)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), "."+lang+".toml") {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			must(t, err)
			c, err := catalog.Parse(filepath.Join("locales", lang, e.Name()), data)
			if err != nil {
				continue // reported by checkFiles
			}
			for _, m := range c.Entries {
				if m.Other != "" {
					tr[lang+"\x00"+m.Other] = true
				}
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, ".lingo", "archive.json"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		must(t, err)
		for _, s := range archiveTexts(t, data) {
			tr[lang+"\x00"+s] = true
		}
	}
	return tr
}

// checkTranslations: every translation there was before the run is still
// in a catalog or the archive.
func checkTranslations(t *testing.T, where, proj string, before map[string]bool) {
	t.Helper()
	now := translations(t, proj)
	lost := 0
	for k := range before {
		if !now[k] {
			if lost < 3 {
				lang, text, _ := strings.Cut(k, "\x00")
				t.Errorf("%s: %s translation lost: %.80q", where, lang, text)
			}
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%s: %d translations lost", where, lost)
	}
}

func report(t *testing.T, st *stats, c *corpus) {
	t.Logf("corpus: %d articles, %.1f MB of Markdown; complete runs take sync ~%v, build ~%v",
		len(c.arts), float64(c.bytes)/1e6, st.refSync.Round(time.Millisecond), st.refBuild.Round(time.Millisecond))
	t.Logf("iterations %d (sync %d, build %d)", st.iters, st.syncs, st.builds)
	t.Logf("kills: %d before any write, %d mid-write (some files new, some old), %d after every write, %d runs ended before the signal",
		st.beforeWrites, st.midWrite, st.afterWrites, st.doneBeforeKill)
	t.Logf("files found after kills: %d new, %d old; %d neither (partial or unexpected), %d lost",
		st.newFiles, st.oldFiles, st.unexpected, st.lost)
	t.Logf("renameio temp files left by kills: %d in TMPDIR, %d in the project (%d of those removed by the next run)",
		st.leftInTmp, st.leftInProj, st.cleanedByNext)
	if st.iters > 0 {
		t.Logf("lock free after every kill (longest TryLock %v); next runs took %v on average, %v at most",
			st.maxLockWait, (st.sumRecover / time.Duration(st.iters)).Round(time.Millisecond), st.maxRecover.Round(time.Millisecond))
	}
}

// run runs lingo in dir to completion and returns its exit code and time.
func run(t *testing.T, bin, dir, tmp, cmd string, out *bytes.Buffer) (int, time.Duration) {
	t.Helper()
	var buf bytes.Buffer
	if out == nil {
		out = &buf
	}
	c := exec.Command(bin, "-C", dir, cmd)
	c.Env = append(os.Environ(), "TMPDIR="+tmp)
	c.Stdout, c.Stderr = out, out
	start := time.Now()
	err := c.Run()
	d := time.Since(start)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ee.ExitCode() > 1 {
			t.Logf("lingo %s: %s", cmd, tail(out.String()))
		}
		return ee.ExitCode(), d
	}
	must(t, err)
	return 0, d
}

func runOK(t *testing.T, bin, dir, tmp, cmd string) {
	t.Helper()
	var out bytes.Buffer
	if code, _ := run(t, bin, dir, tmp, cmd, &out); code > 1 {
		t.Fatalf("lingo %s exited %d:\n%s", cmd, code, tail(out.String()))
	}
}

// killAfter starts lingo and sends it SIGKILL after delay; it reports
// whether the run had ended by then.
func killAfter(t *testing.T, bin, dir, tmp, cmd string, delay time.Duration) bool {
	t.Helper()
	c := exec.Command(bin, "-C", dir, cmd)
	c.Env = append(os.Environ(), "TMPDIR="+tmp)
	must(t, c.Start())
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
		return true
	case <-time.After(delay):
	}
	if err := c.Process.Signal(syscall.SIGKILL); err != nil {
		<-done
		return true
	}
	err := <-done
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return false
		}
	}
	return true
}

func buildLingo(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	must(t, err)
	bin := filepath.Join(t.TempDir(), "lingo")
	c := exec.Command("go", "build", "-o", bin, "./cmd/lingo")
	c.Dir = root
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// otherFS returns a folder on another file system than dir, so that
// renameio puts its temp files beside their targets; "" if there is none.
func otherFS(t *testing.T, dir string) string {
	t.Helper()
	var a, b syscall.Stat_t
	if syscall.Stat(dir, &a) != nil || syscall.Stat("/dev/shm", &b) != nil || a.Dev == b.Dev {
		t.Log("no second file system: every run has TMPDIR on the project's")
		return ""
	}
	d, err := os.MkdirTemp("/dev/shm", "lingo-crash-")
	if err != nil {
		return ""
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// buildStamp is lingo build's record of the sizes and modification times
// of the project's files, which no two copies share; snapshots leave it out.
const buildStamp = "out/.lingo/build-stamp.json"

// cacheFolder is lingo's cache (the unit cache, a bbolt file, and the file
// table); snapshots leave it out. It is only an optimization (deleting it
// costs work, nothing else), bbolt updates it in place rather than by
// atomic replacement, so a stopped run may leave it neither old nor new,
// and its bytes depend on the history of its writes, not only on what it
// holds: a stopped run and the next one leave other bytes than one
// complete run.
const cacheFolder = ".lingo/cache/"

// runRecords are lingo build's records in the output folder whose bytes
// depend on the history of runs, not only on the files they describe: the
// record of pages (a bbolt file, as the cache is) and the last build's
// result (the files that run wrote, fewer for one that went on from a
// stopped run). Snapshots leave them out; the pages and catalogs they
// describe are compared.
var runRecords = []string{"out/.lingo/pages.db", "out/.lingo/build-result.json"}

func snap(t *testing.T, root string) snapshot {
	t.Helper()
	s := snapshot{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if filepath.ToSlash(rel) == buildStamp {
			return nil // sizes and times of files: differs between any two copies
		}
		if strings.HasPrefix(filepath.ToSlash(rel), cacheFolder) || slices.Contains(runRecords, filepath.ToSlash(rel)) {
			return nil // see cacheFolder and runRecords
		}
		f := file{sum: sha256.Sum256(data), size: int64(len(data))}
		if filepath.ToSlash(rel) == bundleRecord {
			f.data = string(data)
		}
		s[filepath.ToSlash(rel)] = f
		return nil
	})
	must(t, err)
	return s
}

func diff(want, got snapshot) string {
	var b strings.Builder
	n := 0
	paths := map[string]bool{}
	for p := range want {
		paths[p] = true
	}
	for p := range got {
		paths[p] = true
	}
	for _, p := range sorted(paths) {
		if p == ".lingo.lock" {
			continue
		}
		w, inW := want[p]
		g, inG := got[p]
		var msg string
		switch {
		case !inG:
			msg = "missing"
		case !inW:
			msg = "extra"
		case w != g:
			msg = fmt.Sprintf("differs (%d bytes, want %d)", g.size, w.size)
		default:
			continue
		}
		if n++; n <= 10 {
			fmt.Fprintf(&b, "\t%s: %s\n", p, msg)
		}
	}
	if n > 10 {
		fmt.Fprintf(&b, "\t... %d in all\n", n)
	}
	return b.String()
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	must(t, err)
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func sorted(m map[string]bool) []string {
	s := make([]string, 0, len(m))
	for k := range m {
		s = append(s, k)
	}
	sort.Strings(s)
	return s
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
