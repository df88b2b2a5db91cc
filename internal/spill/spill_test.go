package spill_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/lingo-l10n/lingo/internal/spill"
)

type item struct {
	Name string
	N    int
}

// TestBatches adds batches from several goroutines and reads each back, in
// reverse order, as it was added; empty batches and text that needs
// escaping included.
func TestBatches(t *testing.T) {
	s, err := spill.New[item]()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 200
	want := make([][]item, n)
	got := make([]spill.Batch, n)
	var wg sync.WaitGroup
	for i := range n {
		for j := range i % 7 {
			want[i] = append(want[i], item{Name: fmt.Sprintf("batch %d \"item\" %d\n<é>", i, j), N: i*10 + j})
		}
		wg.Go(func() {
			b, err := s.Add(want[i])
			if err != nil {
				t.Error(err)
			}
			got[i] = b
		})
	}
	wg.Wait()
	for i := n - 1; i >= 0; i-- {
		vs, err := s.Read(got[i])
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(vs, want[i]) {
			t.Fatalf("batch %d: read %v, added %v", i, vs, want[i])
		}
	}
}

// TestCloseRemoves checks that no spill file is left in the temporary
// folder once closed.
func TestCloseRemoves(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	s, err := spill.New[item]()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add([]item{{"a", 1}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(os.TempDir(), "*"))
	if len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
