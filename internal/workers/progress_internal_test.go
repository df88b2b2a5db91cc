package workers

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
	var printed strings.Builder
	timings = &printed
	end := Time("sync")
	Time("publish: pages made")()
	end()
	want := regexp.MustCompile(`^lingo: +\d+\.\d{3} s publish: pages made\nlingo: +\d+\.\d{3} s sync\n$`)
	if !want.MatchString(printed.String()) {
		t.Errorf("printed %q, want a line per step, in the order they ended", printed.String())
	}
	timings = nil
	printed.Reset()
	Time("sync")()
	if printed.Len() != 0 {
		t.Errorf("printed %q with LINGO_TIMINGS unset", printed.String())
	}
}
