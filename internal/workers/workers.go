// Package workers runs a function over n items on every core.
package workers

import (
	"runtime"
	"sync"
)

// Run runs fn(0) … fn(n-1) on every core and returns the error of the
// lowest index that failed, so that the error reported does not depend on
// scheduling.
func Run(n int, fn func(i int) error) error {
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
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
