package article

import (
	"crypto/sha1"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSameText compares SameText and Hash with what Normalize says, on
// texts built from a few words and every kind of white space.
func TestSameText(t *testing.T) {
	pieces := []string{"a", "b", "ab", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "é", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 20000 {
		a, b := text(), text()
		want := Normalize(a) == Normalize(b)
		if got := SameText(a, b); got != want {
			t.Fatalf("SameText(%q, %q) = %v, Normalize says %v", a, b, got, want)
		}
		if got := Hash(a) == Hash(b); got != want {
			t.Fatalf("Hash(%q) == Hash(%q) is %v, Normalize says %v", a, b, got, want)
		}
	}
	if Hash("Drink  water.\n") != "sha1-"+fmt.Sprintf("%x", sha1.Sum([]byte("Drink water."))) {
		t.Error("Hash is not the SHA-1 of the normalized text")
	}
}

func TestIsID(t *testing.T) {
	for id, want := range map[string]bool{
		"a.p-a1945f71":            true,
		"a.p-a1945f71-2":          true,
		"a.fm-title-0b93366c":     true,
		"guides/x.li-44a3b170":    false, // another article
		"a.HelloWorld":            false,
		"a.p-A1945F71":            false,
		"a.p-a1945f7":             false,
		"a.-a1945f71":             false,
		"HelloWorld":              false,
		"a.param-alt-5b981e08-10": true,
	} {
		if got := IsID(id, "a"); got != want {
			t.Errorf("IsID(%q, a) = %v, want %v", id, got, want)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	text := "Ketamine blocks NMDA receptors in the brain; at low doses, given under supervision, it can lift depression within hours."
	for b.Loop() {
		Hash(text)
	}
}
