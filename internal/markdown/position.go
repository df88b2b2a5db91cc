package markdown

import "sort"

// lineIndex holds the offset at which each line of a source starts.
type lineIndex []int

func lineStarts(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position is the 1-based line and byte column of offset pos.
func (l lineIndex) position(pos int) (int, int) {
	i := sort.Search(len(l), func(i int) bool { return l[i] > pos }) - 1
	return i + 1, pos - l[i] + 1
}

// position is the 1-based line and column of offset pos in src.
func position(src []byte, pos int) (int, int) {
	return lineStarts(src[:pos]).position(pos)
}
