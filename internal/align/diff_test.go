package align

import (
	"math/rand/v2"
	"testing"
)

// TestMatchIsLCS checks match against the textbook dynamic program on
// random sequences: its pairs are equal elements, increasing on both sides,
// and as many as a longest common subsequence has.
func TestMatchIsLCS(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := make([]int, r.IntN(30))
		b := make([]int, r.IntN(30))
		alphabet := 1 + r.IntN(6)
		for i := range a {
			a[i] = r.IntN(alphabet)
		}
		for i := range b {
			b[i] = r.IntN(alphabet)
		}
		got := match(a, b)
		for k, p := range got {
			if a[p.Src] != b[p.Tr] || (k > 0 && (p.Src <= got[k-1].Src || p.Tr <= got[k-1].Tr)) {
				t.Fatalf("match(%v, %v) = %v: not a common subsequence", a, b, got)
			}
		}
		if want := lcs(a, b); len(got) != want {
			t.Fatalf("match(%v, %v) has %d pairs, the LCS %d", a, b, len(got), want)
		}
	}
}

func lcs(a, b []int) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
