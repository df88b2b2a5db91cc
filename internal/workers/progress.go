package workers

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress hears about long work, one step after another: what it is
// (reading, syncing, checking, rendering) and how many units it counts;
// the CLI draws it on a terminal, tests ignore it.
type Progress interface {
	Start(what string, total int)
	Step()
	Done()
}

// NoProgress reports nothing.
type NoProgress struct{}

func (NoProgress) Start(string, int) {}
func (NoProgress) Step()             {}
func (NoProgress) Done()             {}

// LockedProgress lets the workers of a step share one Progress.
type LockedProgress struct {
	mu sync.Mutex
	Progress
}

// Step steps the Progress, one worker at a time.
func (l *LockedProgress) Step() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.Progress.Step()
}

// timings is where Time prints each step's wall time as it ends ("lingo:
// 0.812 s sync"): standard error when LINGO_TIMINGS is set (BENCHMARKS.md).
var timings = map[bool]io.Writer{true: os.Stderr}[os.Getenv("LINGO_TIMINGS") != ""]

// Time starts timing step; call what it returns when the step ends.
func Time(step string) func() {
	if timings == nil {
		return func() {}
	}
	start := time.Now()
	return func() { fmt.Fprintf(timings, "lingo: %6.3f s %s\n", time.Since(start).Seconds(), step) }
}
