package align

// match returns the pairs (i, j) with a[i] == b[j] of a longest common
// subsequence of a and b, in increasing order: Myers' O(ND) difference
// algorithm in linear space (the middle-snake bisection), after trimming the
// common prefix and suffix. For similar sequences D is small and the time
// linear in len(a)+len(b). Elements found on one side only can never
// match and are set aside first, so unrelated sequences cost little too.
// The elements are small non-negative integers.
func match(a, b []int) []Pair {
	size := 0
	for _, x := range a {
		size = max(size, x+1)
	}
	for _, x := range b {
		size = max(size, x+1)
	}
	inA, inB := make([]bool, size), make([]bool, size)
	for _, x := range a {
		inA[x] = true
	}
	for _, x := range b {
		inB[x] = true
	}
	fa, ia := common(a, inB)
	fb, ib := common(b, inA)
	var out []Pair
	matchInto(&out, fa, fb, 0, 0)
	for k, p := range out {
		out[k] = Pair{ia[p.Src], ib[p.Tr]}
	}
	return out
}

// common returns the elements of s found in other, and their indices in s.
func common(s []int, other []bool) ([]int, []int) {
	var kept, at []int
	for i, x := range s {
		if other[x] {
			kept = append(kept, x)
			at = append(at, i)
		}
	}
	return kept, at
}

// matchInto appends the pairs of a and b, offset by (da, db), to out.
func matchInto(out *[]Pair, a, b []int, da, db int) {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		*out = append(*out, Pair{da + pre, db + pre})
		pre++
	}
	a, b, da, db = a[pre:], b[pre:], da+pre, db+pre
	suf := 0
	for suf < len(a) && suf < len(b) && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	n, m := len(a)-suf, len(b)-suf
	if n > 0 && m > 0 {
		x, y, ok := bisect(a[:n], b[:m])
		if ok && (x > 0 || y > 0) && (x < n || y < m) {
			matchInto(out, a[:x], b[:y], da, db)
			matchInto(out, a[x:n], b[y:m], da+x, db+y)
		}
		// Without a split point nothing in the middle pairs: a safe
		// answer, never a wrong one (it cannot happen for a correct
		// bisection, whose overlap lies strictly inside).
	}
	for s := range suf {
		*out = append(*out, Pair{da + n + s, db + m + s})
	}
}

// bisect finds the point where a forward and a reverse shortest edit path
// of a and b meet (Myers 1986, section 4b), with a and b non-empty and
// differing in their first and last elements.
func bisect(a, b []int) (int, int, bool) {
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off, vlen := maxD, 2*maxD+2
	v1, v2 := make([]int, vlen), make([]int, vlen)
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0
	k1start, k1end, k2start, k2end := 0, 0, 0, 0
	for d := 0; d < maxD; d++ {
		for k1 := -d + k1start; k1 <= d-k1end; k1 += 2 {
			k1off := off + k1
			var x1 int
			if k1 == -d || (k1 != d && v1[k1off-1] < v1[k1off+1]) {
				x1 = v1[k1off+1]
			} else {
				x1 = v1[k1off-1] + 1
			}
			y1 := x1 - k1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1++
				y1++
			}
			v1[k1off] = x1
			switch {
			case x1 > n:
				k1end += 2
			case y1 > m:
				k1start += 2
			case front:
				if k2off := off + delta - k1; k2off >= 0 && k2off < vlen && v2[k2off] != -1 {
					if x1 >= n-v2[k2off] {
						return x1, y1, true
					}
				}
			}
		}
		for k2 := -d + k2start; k2 <= d-k2end; k2 += 2 {
			k2off := off + k2
			var x2 int
			if k2 == -d || (k2 != d && v2[k2off-1] < v2[k2off+1]) {
				x2 = v2[k2off+1]
			} else {
				x2 = v2[k2off-1] + 1
			}
			y2 := x2 - k2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2++
				y2++
			}
			v2[k2off] = x2
			switch {
			case x2 > n:
				k2end += 2
			case y2 > m:
				k2start += 2
			case !front:
				if k1off := off + delta - k2; k1off >= 0 && k1off < vlen && v1[k1off] != -1 {
					x1 := v1[k1off]
					y1 := off + x1 - k1off
					if x1 >= n-x2 {
						return x1, y1, true
					}
				}
			}
		}
	}
	return 0, 0, false
}
