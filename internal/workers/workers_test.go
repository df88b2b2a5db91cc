package workers

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
)

// Every item runs once, and the error reported is the lowest index's.
func TestRun(t *testing.T) {
	const n = 10000
	var ran [n]atomic.Int32
	err := Run(context.Background(), n, func(i int) error {
		ran[i].Add(1)
		if i%1000 == 999 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "item 999" {
		t.Errorf("Run returned %v, want item 999's error", err)
	}
	for i := range ran {
		if got := ran[i].Load(); got != 1 {
			t.Fatalf("item %d ran %d times", i, got)
		}
	}
	if err := Run(context.Background(), 0, func(int) error { return errors.New("ran") }); err != nil {
		t.Errorf("Run of no items: %v", err)
	}
}

// Once the context is done no item starts, and Run says why it stopped;
// a context done after the last item started changes nothing.
func TestRunStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var ran atomic.Int32
	err := Run(ctx, 1000, func(i int) error {
		if ran.Add(1) == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run returned %v, want context.Canceled", err)
	}
	if got := ran.Load(); got >= 1000 {
		t.Errorf("all %d items ran after the context was done", got)
	}
	ctx, cancel = context.WithCancel(context.Background())
	err = Run(ctx, 3, func(i int) error {
		if i == 2 {
			cancel()
		}
		return nil
	})
	if err != nil {
		t.Errorf("the context was done in the last item, and Run returned %v", err)
	}
}

// BenchmarkRun: 10,000 items that do almost nothing, as a build's loops
// over the units it finds up to date.
func BenchmarkRun(b *testing.B) {
	var sum atomic.Int64
	for b.Loop() {
		_ = Run(context.Background(), 10000, func(i int) error {
			sum.Add(int64(i))
			return nil
		})
	}
}
