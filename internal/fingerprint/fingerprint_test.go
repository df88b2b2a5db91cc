package fingerprint

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// touch moves a file's modification time without changing its size.
func touch(t *testing.T, path string, at time.Time) {
	t.Helper()
	if err := os.Chtimes(path, at, at); err != nil {
		t.Fatal(err)
	}
}

func TestTree(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.md", "x/b.md", "x/y/c.md", "x/y/z/d.md", "state/s.json"} {
		write(t, filepath.Join(root, f), f)
	}
	byMtime := func(name string) bool { return name == "state" }
	sum := func() Sum { s, _ := Tree(root, byMtime); return s }
	base := sum()
	if base.Files != 5 { // four files, and the state folder as one
		t.Fatalf("files = %d, want 5", base.Files)
	}
	if again := sum(); again != base {
		t.Fatalf("two sums of the same tree differ: %v, %v", base, again)
	}
	later := time.Now().Add(time.Hour)
	changes := []struct {
		name   string
		change func()
	}{
		{"touched", func() { touch(t, filepath.Join(root, "x/y/c.md"), later) }},
		{"edited in place, same size", func() {
			write(t, filepath.Join(root, "a.md"), "A.md")
			touch(t, filepath.Join(root, "a.md"), later.Add(time.Second))
		}},
		{"added", func() { write(t, filepath.Join(root, "x/new.md"), "") }},
		{"removed", func() { os.Remove(filepath.Join(root, "x/y/z/d.md")) }},
		{"renamed", func() { os.Rename(filepath.Join(root, "x/b.md"), filepath.Join(root, "x/b2.md")) }},
		{"renamed into a folder summed by its time", func() {
			write(t, filepath.Join(root, "tmp"), "new state")
			os.Rename(filepath.Join(root, "tmp"), filepath.Join(root, "state/s.json"))
			touch(t, filepath.Join(root, "state"), later.Add(2*time.Second))
		}},
	}
	prev := base
	for _, c := range changes {
		c.change()
		if now := sum(); now == prev {
			t.Errorf("%s: sum did not change", c.name)
		} else {
			prev = now
		}
	}
}

func TestTreeDirs(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "fr/x/a.html"), "a")
	write(t, filepath.Join(root, "de/b.html"), "b")
	_, dirs := Tree(root, nil)
	if len(dirs) != 4 {
		t.Fatalf("dirs = %v, want root, fr, fr/x, de", dirs)
	}
	base := Files(dirs...)
	os.Remove(filepath.Join(root, "fr/x/a.html")) // a removal changes its folder's time
	touch(t, filepath.Join(root, "fr/x"), time.Now().Add(time.Hour))
	if Files(dirs...) == base {
		t.Error("removing a file did not change the sum of its folders")
	}
	os.RemoveAll(filepath.Join(root, "de"))
	if Files(dirs...).Files != 3 {
		t.Error("a folder that is gone still counts")
	}
}

func TestMissingRoot(t *testing.T) {
	if s, dirs := Tree(filepath.Join(t.TempDir(), "none"), nil); s != (Sum{}) || len(dirs) != 1 {
		t.Errorf("missing root: %v %v", s, dirs)
	}
}

// BenchmarkTree sums a tree of 10,000 files in 100 folders.
func BenchmarkTree(b *testing.B) {
	root := b.TempDir()
	for d := 0; d < 100; d++ {
		for f := 0; f < 100; f++ {
			path := filepath.Join(root, "d"+string(rune('a'+d%26))+string(rune('a'+d/26)), "f"+string(rune('a'+f%26))+string(rune('a'+f/26))+".md")
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(path, nil, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		Tree(root, nil)
	}
}

// Dirs lists the folders of a tree, those skipped aside, and no file.
func TestDirs(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"a/b", "c", ".lingo/x"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "a", "f.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got := Dirs(root, func(name string) bool { return name == ".lingo" })
	want := []string{root, filepath.Join(root, "a"), filepath.Join(root, "a", "b"), filepath.Join(root, "c")}
	if !slices.Equal(got, want) {
		t.Errorf("Dirs = %v, want %v", got, want)
	}
	if got := Dirs(filepath.Join(root, "missing"), nil); len(got) != 0 {
		t.Errorf("Dirs of a missing root = %v", got)
	}
}

// A writer that keeps a tree's sum from the sums of the files it writes,
// before and after (File), gets the sum a new walk would.
func TestFileKeepsTreeSum(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.toml", "x/b.toml", "x/y/c.json"} {
		write(t, filepath.Join(root, f), f)
	}
	sum, _ := Tree(root, nil)
	change := func(path string, do func()) {
		sum = sum.Sub(File(path))
		do()
		sum = sum.Add(File(path))
	}
	later := time.Now().Add(time.Hour)
	change(filepath.Join(root, "x", "b.toml"), func() { write(t, filepath.Join(root, "x", "b.toml"), "edited") })
	change(filepath.Join(root, "a.toml"), func() { touch(t, filepath.Join(root, "a.toml"), later) })
	change(filepath.Join(root, "new", "d.toml"), func() { write(t, filepath.Join(root, "new", "d.toml"), "new") })
	change(filepath.Join(root, "x", "y", "c.json"), func() { os.Remove(filepath.Join(root, "x", "y", "c.json")) })
	if walked, _ := Tree(root, nil); walked != sum {
		t.Fatalf("sum kept from the files written = %v, a walk says %v", sum, walked)
	}
	if File(filepath.Join(root, "missing")) != (Sum{}) {
		t.Fatal("a missing file adds to the sum")
	}
}

// Seen keeps one stat of each regular file its walk summed, as Stat says
// it, and none of a folder or a link (a reader follows links: the link's
// own stat is not the file's).
func TestSeen(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"a.toml", "x/b.toml"} {
		write(t, filepath.Join(root, f), f)
	}
	if err := os.Symlink(filepath.Join(root, "a.toml"), filepath.Join(root, "link.toml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	var seen Seen
	if got, want := seen.Tree(root), func() Sum { s, _ := Tree(root, nil); return s }(); got != want {
		t.Fatalf("Seen.Tree sums %v, Tree %v", got, want)
	}
	for _, f := range []string{"a.toml", "x/b.toml"} {
		path := filepath.Join(root, filepath.FromSlash(f))
		size, mtime, id, ok := seen.Stat(path)
		wsize, wmtime, wid, err := Stat(path)
		if !ok || err != nil || size != wsize || mtime != wmtime || id != wid {
			t.Errorf("%s: seen %d %d %d %v, stat says %d %d %d %v", f, size, mtime, id, ok, wsize, wmtime, wid, err)
		}
	}
	for _, f := range []string{"x", "link.toml", "missing.toml"} {
		if _, _, _, ok := seen.Stat(filepath.Join(root, f)); ok {
			t.Errorf("%s: seen, want not (a folder, a link, no file)", f)
		}
	}
	seen.Forget(filepath.Join(root, "a.toml"))
	if _, _, _, ok := seen.Stat(filepath.Join(root, "a.toml")); ok {
		t.Error("a forgotten file is still seen")
	}
	seen.Drop()
	if _, _, _, ok := seen.Stat(filepath.Join(root, "x", "b.toml")); ok {
		t.Error("a file is still seen after Drop")
	}
}

// Files lists what filepath.WalkDir finds under a folder a walk went
// into, in its order, links included, folders skipped as asked.
func TestSeenFiles(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"es/a/b.toml", "es/a-c.toml", "es/ab/x.toml", "es/a.toml", "es/.lingo/s.json", "es/x/.lingo/t.json", "es/x/y/z.toml", "fr/f.toml"} {
		write(t, filepath.Join(root, filepath.FromSlash(f)), f)
	}
	links := os.Symlink(filepath.Join(root, "es", "a.toml"), filepath.Join(root, "es", "link.toml")) == nil
	var seen Seen
	seen.Tree(root)
	skip := func(name string) bool { return name == ".lingo" }
	dir := filepath.Join(root, "es")
	var want []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if d.IsDir() && skip(d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			want = append(want, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	n := 5 // es/ but its .lingo folders
	if links {
		n++
	}
	if len(want) != n {
		t.Fatalf("WalkDir found %d files, want %d: %q", len(want), n, want)
	}
	got, ok := seen.Files(dir, skip)
	if !ok || !slices.Equal(got, want) {
		t.Errorf("Files = %q, %v; WalkDir finds %q", got, ok, want)
	}
	if _, ok := seen.Files(filepath.Join(root, "de"), skip); ok {
		t.Error("Files lists a folder no walk went into")
	}
	seen.Drop()
	if _, ok := seen.Files(dir, skip); ok {
		t.Error("Files lists after Drop")
	}
}

// TestSeenSumBy: SumBy sums by key what every regular file a walk saw
// adds to the tree's sum (as File says), but for files forgotten, links,
// files of no key, and keys a file of which is not trusted.
func TestSeenSumBy(t *testing.T) {
	root := t.TempDir()
	files := []string{"es/a.toml", "es/x/y.toml", "es/x/z.toml", "fr/a.toml", "fr/b.toml", "fr/c.toml", "fr/notes.txt"}
	for _, f := range files {
		write(t, filepath.Join(root, filepath.FromSlash(f)), f)
	}
	_ = os.Symlink(filepath.Join(root, "es", "a.toml"), filepath.Join(root, "es", "b.toml"))
	var seen Seen
	seen.Tree(root)
	distrusted := filepath.Join(root, "fr", "c.toml")
	_, old, _, _ := Lstat(distrusted)
	if err := os.Chtimes(distrusted, time.Unix(0, old+1e9), time.Unix(0, old+1e9)); err != nil {
		t.Fatal(err)
	}
	seen.Tree(filepath.Join(root, "fr")) // seen again, a second later
	seen.Forget(filepath.Join(root, "fr", "b.toml"))
	_, late, _, _ := Lstat(distrusted)
	keysIn := func(dir string) (string, func(string) (string, bool)) {
		rel, _ := filepath.Rel(root, dir)
		lang, sub, _ := strings.Cut(filepath.ToSlash(rel), "/")
		return sub, func(name string) (string, bool) {
			stem, ok := strings.CutSuffix(name, ".toml")
			return lang + ":" + stem, ok // the key need not start with the part given
		}
	}
	got := seen.SumBy(keysIn, func(mtime int64) bool { return mtime < late })
	sum := func(fs ...string) uint64 {
		var h uint64
		for _, f := range fs {
			h += File(filepath.Join(root, filepath.FromSlash(f))).Hash
		}
		return h
	}
	want := map[string]uint64{"es:a": sum("es/a.toml"), "xes:y": sum("es/x/y.toml"), "xes:z": sum("es/x/z.toml"), "fr:a": sum("fr/a.toml")}
	if !maps.Equal(got, want) {
		t.Errorf("SumBy = %x, want %x", got, want)
	}
}
