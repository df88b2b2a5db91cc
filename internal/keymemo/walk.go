package keymemo

import (
	"encoding/binary"
	"maps"
	"slices"
)

// An article's kept keys (those the build graph keeps between runs) hold
// while its files are as the run that left them current saw them. The
// graph hands the memos what this run's walk saw of each article's files,
// summed (Walk), and what the last run kept (KeepWalk); an article whose
// sum is the same, and none of whose files is written in this run
// (Forget), is Untouched: its kept keys hold, and its files need not be
// signed one by one.

// walk is what the walks of this run and of the last say of the articles.
type walk struct {
	sums      map[string]uint64 // by slug, of the articles whose files this run's walk can trust
	untouched map[string]bool   // those as the last run's walk saw them
	written   map[string]bool   // those a file of which was written in this run
	all       bool              // a shared input was written
}

// Walk hands the memos this run's walk: sums, by slug, of the articles
// whose every file it could trust, and last, what the last run kept
// (KeepWalk).
func (k *Memos) Walk(sums map[string]uint64, last []byte) {
	kept := decodeSums(last)
	k.mu.Lock()
	defer k.mu.Unlock()
	k.walk = walk{sums: sums, untouched: map[string]bool{}, written: map[string]bool{}}
	for slug, sum := range sums {
		if s, ok := kept[slug]; ok && s == sum {
			k.walk.untouched[slug] = true
		}
	}
}

// Untouched reports whether the files of slug are as the last run's walk
// saw them, and none was written since.
func (k *Memos) Untouched(slug string) bool {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.walk.untouched[slug] && !k.walk.written[slug] && !k.walk.all
}

// KeepWalk is what the next run's Walk takes as last: the sums of the
// articles whose kept keys hold for the files this run's walk saw, those
// untouched and those whose keys the run holds (made, and kept, or
// recalled); false when there is nothing to keep (no walk, or a shared
// input written: every key changes). An article a file of which was
// written has another sum now, which the next walk sees.
func (k *Memos) KeepWalk() ([]byte, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	if k.walk.sums == nil || k.walk.all {
		return nil, false
	}
	var out []byte
	for _, slug := range slices.Sorted(maps.Keys(k.walk.sums)) {
		if s := k.m[slug]; k.walk.untouched[slug] || s != nil && s.article != "" {
			out = binary.AppendUvarint(out, uint64(len(slug)))
			out = binary.LittleEndian.AppendUint64(append(out, slug...), k.walk.sums[slug])
		}
	}
	return out, true
}

// decodeSums reads what KeepWalk kept; what does not decode is left out.
func decodeSums(data []byte) map[string]uint64 {
	sums := map[string]uint64{}
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || uint64(len(data)-k) < n+8 {
			return sums
		}
		sums[string(data[k:k+int(n)])] = binary.LittleEndian.Uint64(data[k+int(n):])
		data = data[k+int(n)+8:]
	}
	return sums
}
