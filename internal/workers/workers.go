// Package workers runs a function over n items on every core, and stops
// handing out items once its context is done.
package workers

import (
	"context"
	"runtime"
	"sync"
)

// Run runs fn(0) … fn(n-1) on every core and returns the error of the
// lowest index that failed, so that the error reported does not depend on
// scheduling. Once ctx is done no further item starts (those running
// finish), and Run returns ctx's error: a safe point, since each item
// writes its files whole or not at all.
func Run(ctx context.Context, n int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	var stopped error
	for i := 0; i < n && stopped == nil; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			stopped = ctx.Err()
		}
	}
	close(next)
	wg.Wait()
	if stopped != nil {
		return stopped
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
