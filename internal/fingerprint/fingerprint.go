// Package fingerprint tells quickly whether a file tree changed: it sums a
// hash of the name, size, modification time and (where the system has
// them) change time and inode of every file, as git's index does, so that
// a file rewritten with its old size and modification time restored still
// counts as changed; reading
// directories on all cores and nothing inside the files. The sum does not
// depend on the order the files are visited in, so directories are walked
// concurrently. Trees that only their owner writes, and always by rename,
// can be summed by their directories' modification times alone (a rename
// into a directory changes it), which costs a stat per directory instead
// of per file.
package fingerprint

import (
	"cmp"
	"encoding/binary"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Sum is a fingerprint: two sums differ when a file was added, removed,
// renamed, resized or touched between them.
type Sum struct {
	Hash  uint64 `json:"hash"`
	Files int64  `json:"files"`
}

// Add combines two sums.
func (s Sum) Add(t Sum) Sum { return Sum{s.Hash + t.Hash, s.Files + t.Files} }

// Sub takes t, a part of s, out of it.
func (s Sum) Sub(t Sum) Sum { return Sum{s.Hash - t.Hash, s.Files - t.Files} }

// File is what the file at path adds to the sum of a Tree that holds it
// (path as the walk names it: the tree's root joined with the names below
// it): nothing when there is no such file. A writer of files in a tree
// can keep the tree's sum current from the sums of the files it wrote,
// taken before and after, without walking the tree again.
func File(path string) Sum {
	size, mtime, id, err := Lstat(path)
	if err != nil {
		return Sum{}
	}
	return Sum{entry(filepath.Dir(path), filepath.Base(path), size, mtime, id), 1}
}

// entry hashes one file's (or directory's) path, size, modification time
// and identity (its change time and inode, 0 where unknown).
func entry(dir, name string, size, mtime int64, id uint64) uint64 {
	h := fnv.New64a()
	h.Write([]byte(dir))
	h.Write([]byte{0})
	h.Write([]byte(name))
	var b [24]byte
	binary.LittleEndian.PutUint64(b[:8], uint64(size))
	binary.LittleEndian.PutUint64(b[8:16], uint64(mtime))
	binary.LittleEndian.PutUint64(b[16:], id)
	h.Write(b[:])
	return h.Sum64()
}

// Tree sums every file under root. A directory for which byMtime returns
// true counts by its own modification time, its contents unread; dirs
// lists every directory walked into (root included), for Files. A missing
// root sums to zero.
func Tree(root string, byMtime func(name string) bool) (sum Sum, dirs []string) {
	return walkTree(root, byMtime, nil)
}

func walkTree(root string, byMtime func(name string) bool, seen *Seen) (sum Sum, dirs []string) {
	w := &walker{byMtime: byMtime, seen: seen, sem: make(chan struct{}, 4*runtime.GOMAXPROCS(0))}
	w.wg.Add(1)
	w.walk(root)
	w.wg.Wait()
	return Sum{w.hash.Load(), w.files.Load()}, w.dirs
}

// Seen is what walks saw of the regular files they summed: one stat of
// each, which a reader of the same files (filehash) takes in place of its
// own. A file written since must be forgotten (Forget). It is safe for
// concurrent use.
type Seen struct {
	mu   sync.RWMutex        // read by every core at once (a build's keys: 230,000 files at 10,000 × 10)
	dirs map[string]*seenDir // by the folder's path as the walk named it
}

// seenDir is what a walk saw of one folder's regular files, by name,
// sorted.
type seenDir struct {
	names []string
	files []seenFile
}

type seenFile struct {
	size, mtime int64
	id, entry   uint64 // entry: what the file adds to its tree's Sum
	forgotten   bool
	other       bool // not a regular file (a symbolic link): listed by Files, never stat'ed from here
}

// Tree is Tree(root, nil), keeping what it sees of each regular file in s.
func (s *Seen) Tree(root string) Sum {
	sum, _ := walkTree(root, nil, s)
	return sum
}

// Stat is what a walk saw of the regular file at path (named as the walk
// named it: its root joined with the names below it); ok is false when
// no walk saw it, or it was forgotten.
func (s *Seen) Stat(path string) (size, mtime int64, id uint64, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	f := s.find(path)
	if f == nil || f.forgotten || f.other {
		return 0, 0, 0, false
	}
	return f.size, f.mtime, f.id, true
}

// SumBy sums the files the walks saw, but for those forgotten and those
// not regular, by the key each belongs to: keysIn(dir) gives the part
// every key of a file of dir starts with, and the rest of the key a file
// named name belongs to, if any. A key any of whose files trusted refuses
// (by its modification time) is left out. A file adds to its key what it
// adds to its tree's Sum: its path, size, modification time and identity,
// hashed.
func (s *Seen) SumBy(keysIn func(dir string) (string, func(name string) (string, bool)), trusted func(mtime int64) bool) map[string]uint64 {
	type sum struct {
		hash      uint64
		untrusted bool
	}
	sums := map[string]*sum{}
	s.mu.RLock()
	for dir, d := range s.dirs {
		prefix, rest := keysIn(dir)
		key := []byte(prefix)
		for i, f := range d.files {
			r, ok := rest(d.names[i])
			if !ok || f.forgotten || f.other {
				continue
			}
			key = append(key[:len(prefix)], r...)
			k := sums[string(key)] // looked up without a copy of the key
			if k == nil {
				k = &sum{}
				sums[string(key)] = k
			}
			k.hash += f.entry
			k.untrusted = k.untrusted || !trusted(f.mtime)
		}
	}
	s.mu.RUnlock()
	out := make(map[string]uint64, len(sums))
	for key, k := range sums {
		if !k.untrusted {
			out[key] = k.hash
		}
	}
	return out
}

// Forget forgets the file at path, which was written since it was seen.
func (s *Seen) Forget(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.find(path); f != nil {
		f.forgotten = true
	}
}

// Drop forgets every file, to free the memory a walk of 100,000 files
// takes once its readers are done: Stat then sees none.
func (s *Seen) Drop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dirs = nil
}

// Files lists the files (every entry but folders) the walks saw under
// root, but for those below a folder skip names, in the order
// filepath.WalkDir visits them: what a walk of root would find, without
// reading a folder again. ok is false when no walk went into root, or
// Drop forgot it. Files written since are listed as they were seen: a
// caller that removes files lists them again itself.
func (s *Seen) Files(root string, skip func(name string) bool) (paths []string, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.dirs[root] == nil {
		return nil, false
	}
	sep := string(os.PathSeparator)
	for dir, d := range s.dirs {
		rel, below := strings.CutPrefix(dir, root)
		if !below || rel != "" && !strings.HasPrefix(rel, sep) || slices.ContainsFunc(strings.Split(rel, sep), skip) {
			continue
		}
		for _, name := range d.names {
			paths = append(paths, dir+sep+name)
		}
	}
	slices.SortFunc(paths, walkOrder)
	return paths, true
}

// walkOrder orders paths as filepath.WalkDir visits them: name by name,
// so that a folder's files come before those of a longer name beside it
// ("a/b" before "a-c"): the separator sorts first.
func walkOrder(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return cmp.Compare(sepFirst(a[i]), sepFirst(b[i]))
		}
	}
	return cmp.Compare(len(a), len(b))
}

func sepFirst(c byte) int {
	if c == os.PathSeparator {
		return -1
	}
	return int(c)
}

// find is what was seen of the file at path, nil if nothing; s.mu held
// (for reading at least).
func (s *Seen) find(path string) *seenFile {
	i := strings.LastIndexByte(path, os.PathSeparator)
	if i < 0 {
		return nil
	}
	d := s.dirs[path[:i]]
	if d == nil {
		return nil
	}
	if j, ok := slices.BinarySearch(d.names, path[i+1:]); ok {
		return &d.files[j]
	}
	return nil
}

// add keeps what a walk saw of the regular files of dir: names and files,
// in the same order.
func (s *Seen) add(dir string, names []string, files []seenFile) {
	// Kept until the build's keys are made: at their exact length, not
	// the up to twice that of their appends (9 MB at 10,000 × 10).
	d := &seenDir{names: slices.Clone(names), files: slices.Clone(files)}
	sort.Sort(d)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs == nil {
		s.dirs = map[string]*seenDir{}
	}
	s.dirs[dir] = d
}

func (d *seenDir) Len() int           { return len(d.names) }
func (d *seenDir) Less(i, j int) bool { return d.names[i] < d.names[j] }
func (d *seenDir) Swap(i, j int) {
	d.names[i], d.names[j] = d.names[j], d.names[i]
	d.files[i], d.files[j] = d.files[j], d.files[i]
}

type walker struct {
	seen    *Seen // if not nil, told of each regular file
	byMtime func(name string) bool
	// sem has four slots per core for walking a directory in a goroutine
	// of its own: with one, a folder found while both are taken is walked
	// in line after the one that found it, and a core can sit idle (the
	// walk of 10,000 × 10, interleaved: 0.365 s with one slot a core,
	// 0.325 s with four, 0.321 s with 16).
	sem   chan struct{}
	wg    sync.WaitGroup
	hash  atomic.Uint64
	files atomic.Int64
	mu    sync.Mutex
	dirs  []string
}

// walk sums the files of dir and walks its subdirectories, each in a new
// goroutine while a core is free, else in this one.
func (w *walker) walk(dir string) {
	defer w.wg.Done()
	w.mu.Lock()
	w.dirs = append(w.dirs, dir)
	w.mu.Unlock()
	var sum Sum
	var names []string
	var files []seenFile
	subdirs := statDir(dir, func(name string, isDir, isRegular bool, size, mtime int64, id uint64) bool {
		if isDir && w.byMtime != nil && w.byMtime(name) {
			sum = sum.Add(Sum{entry(dir, name, 0, mtime, id), 1})
			return false
		}
		if isDir {
			return true
		}
		e := entry(dir, name, size, mtime, id)
		sum = sum.Add(Sum{e, 1})
		if w.seen != nil {
			names, files = append(names, name), append(files, seenFile{size: size, mtime: mtime, id: id, entry: e, other: !isRegular})
		}
		return false
	})
	if w.seen != nil {
		w.seen.add(dir, names, files)
	}
	w.hash.Add(sum.Hash)
	w.files.Add(sum.Files)
	for _, name := range subdirs {
		sub := filepath.Join(dir, name)
		w.wg.Add(1)
		select {
		case w.sem <- struct{}{}:
			go func() { w.walk(sub); <-w.sem }()
		default:
			w.walk(sub)
		}
	}
}

// Dirs lists root and every folder under it but those skip names, reading
// folders only: no file is stat'ed. A missing root lists nothing.
func Dirs(root string, skip func(name string) bool) []string {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil
	}
	dirs := []string{root}
	for _, e := range entries {
		if e.IsDir() && (skip == nil || !skip(e.Name())) {
			dirs = append(dirs, Dirs(filepath.Join(root, e.Name()), skip)...)
		}
	}
	return dirs
}

// Files sums the files (or directories, by their own modification time)
// at paths; one that is missing adds nothing, which changes the sum too.
func Files(paths ...string) Sum {
	var s Sum
	for _, p := range paths {
		if size, mtime, id, err := Lstat(p); err == nil {
			s = s.Add(Sum{entry(p, "", size, mtime, id), 1})
		}
	}
	return s
}
