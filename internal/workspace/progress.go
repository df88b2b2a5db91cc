package workspace

import "github.com/lingo-l10n/lingo/internal/workers"

// The stages and the CLI report progress and time their steps through
// the project they work on, with the workers' Progress and Time.
type (
	Progress       = workers.Progress
	NoProgress     = workers.NoProgress
	LockedProgress = workers.LockedProgress
)

// Time is workers.Time.
func Time(step string) func() { return workers.Time(step) }

// Steps is the project's Progress, safe for the workers of a step.
func (p *Project) Steps() Progress {
	if p.Progress == nil {
		return NoProgress{}
	}
	return &LockedProgress{Progress: p.Progress}
}
