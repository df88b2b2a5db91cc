package workspace

import "sync"

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

func (NoProgress) Step() {}

func (NoProgress) Done() {}

// Steps is the project's Progress, safe for the workers of a step.
func (p *Project) Steps() Progress {
	if p.Progress == nil {
		return NoProgress{}
	}
	return &LockedProgress{Progress: p.Progress}
}

// LockedProgress lets the workers of Publish share one Progress.
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
