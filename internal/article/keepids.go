package article

import (
	"strconv"

	"github.com/lingo-l10n/lingo/internal/worddiff"
)

// EditSimilarity is how similar (in words) a changed message must stay to
// the old one in the same place to keep its ID, and with it its
// translation, marked stale. Less similar text is a new message.
const EditSimilarity = 0.5

// Message is a message of an earlier source catalog: its ID and its text.
type Message struct{ ID, Text string }

// KeepIDs carries the IDs of the previous source catalog (prev) over to
// an article's segments, whose own IDs (IDs) are fresh: a segment with
// the text of an earlier message (moved or untouched) takes its ID, and
// an edited segment takes the ID of the similar message that stood
// between the same neighbours. Other segments keep their fresh IDs, made
// unique against those carried over.
func KeepIDs(fresh []string, segs []Segment, prev []Message) []string {
	ids := make([]string, len(segs))
	from := make([]int, len(segs)) // index in prev, or -1
	used := make([]bool, len(prev))
	byText := make(map[string][]int, len(prev))
	for j, e := range prev {
		n := Normalize(e.Text)
		byText[n] = append(byText[n], j)
	}
	for i := range segs {
		from[i] = -1
		n := Normalize(segs[i].Text)
		if q := byText[n]; len(q) > 0 {
			from[i], used[q[0]] = q[0], true
			byText[n] = q[1:]
		}
	}
	for i := range segs {
		if from[i] < 0 {
			lo, hi := neighbours(from, i)
			from[i] = bestEdit(segs[i].Text, prev, used, lo, hi)
		}
	}
	taken := make(map[string]bool, len(segs))
	for i := range segs {
		if from[i] >= 0 {
			ids[i] = prev[from[i]].ID
			taken[ids[i]] = true
		}
	}
	for i := range segs {
		if ids[i] != "" {
			continue
		}
		id := fresh[i]
		for n := 2; taken[id]; n++ {
			id = fresh[i] + "-" + strconv.Itoa(n)
		}
		ids[i], taken[id] = id, true
	}
	return ids
}

// neighbours is the range of previous indices open to segment i: after the
// old place of the nearest matched segment before it, and before that of
// the nearest one after it.
func neighbours(from []int, i int) (int, int) {
	lo, hi := -1, 1<<62
	for k := i - 1; k >= 0; k-- {
		if from[k] >= 0 {
			lo = from[k]
			break
		}
	}
	for k := i + 1; k < len(from); k++ {
		if from[k] >= 0 {
			hi = from[k]
			break
		}
	}
	return lo, hi
}

// bestEdit finds the unused previous message between lo and hi most similar
// to text, if it is similar enough to be an edit of it, and marks it used.
func bestEdit(text string, prev []Message, used []bool, lo, hi int) int {
	best, bestRatio := -1, EditSimilarity
	for j := lo + 1; j < hi && j < len(prev); j++ {
		if used[j] || !worddiff.MayReach(text, prev[j].Text, bestRatio) {
			continue
		}
		if r := worddiff.Ratio(text, prev[j].Text); r >= bestRatio {
			best, bestRatio = j, r
		}
	}
	if best >= 0 {
		used[best] = true
	}
	return best
}
