package memo

import (
	"strings"
	"sync"
	"testing"
)

func TestGet(t *testing.T) {
	var m Map[string]
	calls := 0
	upper := func(s string) func() string {
		return func() string { calls++; return strings.ToUpper(s) }
	}
	for _, s := range []string{"a", "b", "a", "a", "b"} {
		if got := m.Get(s, upper(s)); got != strings.ToUpper(s) {
			t.Errorf("Get(%q) = %q", s, got)
		}
	}
	if calls != 2 {
		t.Errorf("f ran %d times for 2 keys", calls)
	}
}

func TestGetConcurrent(t *testing.T) {
	var m Map[int]
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() {
			key := string(rune('a' + i%4))
			if got := m.Get(key, func() int { return i % 4 }); got != i%4 {
				t.Errorf("Get(%q) = %d, want %d", key, got, i%4)
			}
		})
	}
	wg.Wait()
}
