package tm

import "testing"

// TestMinShared: minShared is the fewest shared words with which texts of
// a and b words reach Similarity, inside the table of sums and past it.
func TestMinShared(t *testing.T) {
	for a := 0; a < 1500; a += 1 + a/50 {
		for b := 0; b <= a; b += 1 + b/7 {
			got := minShared(a, b)
			if !reaches(got, a, b) || got > 0 && reaches(got-1, a, b) {
				t.Fatalf("minShared(%d, %d) = %d: reaches %v, with one fewer %v", a, b, got, reaches(got, a, b), got > 0 && reaches(got-1, a, b))
			}
		}
	}
}
