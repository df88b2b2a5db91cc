package workspace

import (
	"regexp"
	"strings"
	"testing"
)

// TestTime: with LINGO_TIMINGS set, each step timed prints one line, its
// wall time in seconds and its name, as it ends; without, nothing.
func TestTime(t *testing.T) {
	was := timings
	defer func() { timings = was }()
	var out strings.Builder
	timings = &out
	end := Time("sync")
	Time("publish: pages made")()
	end()
	want := regexp.MustCompile(`^lingo: +\d+\.\d{3} s publish: pages made\nlingo: +\d+\.\d{3} s sync\n$`)
	if !want.MatchString(out.String()) {
		t.Errorf("printed %q, want a line per step, in the order they ended", out.String())
	}
	timings = nil
	out.Reset()
	Time("sync")()
	if out.Len() != 0 {
		t.Errorf("printed %q with LINGO_TIMINGS unset", out.String())
	}
}
