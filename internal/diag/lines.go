package diag

import (
	"bytes"
	"sort"
)

// Lines indexes where each line of a text starts, to turn byte offsets into
// 1-based lines and byte columns, in logarithmic time each.
type Lines []int

// NewLines indexes the lines of src.
func NewLines(src []byte) Lines {
	ls := make(Lines, 1, 1+bytes.Count(src, []byte{'\n'}))
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return ls
		}
		off += i + 1
		ls = append(ls, off)
	}
}

// Position is the 1-based line and byte column of offset off.
func (ls Lines) Position(off int) (line, col int) {
	i := sort.SearchInts(ls, off+1) - 1
	return i + 1, off - ls[i] + 1
}
