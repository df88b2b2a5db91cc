package diag_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/lingo-l10n/lingo/internal/diag"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&diag.Error{Path: "a.md", Line: 3, Col: 5, Msg: "bad"}, "a.md:3:5: bad"},
		{&diag.Error{Path: "a.md", Msg: "bad"}, "a.md: bad"},
		{&diag.Error{Line: 3, Col: 5, Msg: "bad"}, "3:5: bad"},
		{diag.In("b.md", &diag.Error{Line: 1, Col: 2, Msg: "x"}), "b.md:1:2: x"},
		{diag.In("b.md", fmt.Errorf("wrapped: %w", &diag.Error{Line: 1, Col: 2, Msg: "x"})), "b.md:1:2: x"},
		{diag.In("b.md", &diag.Error{Path: "c.md", Line: 1, Col: 2, Msg: "x"}), "c.md:1:2: x"},
		{diag.In("b.md", errors.New("unreadable")), "b.md: unreadable"},
	}
	if err := diag.In("x", fs.ErrNotExist); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("In lost the cause: %v", err)
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestLines(t *testing.T) {
	ls := diag.NewLines([]byte("ab\ncd\n\nx"))
	for off, want := range map[int][2]int{0: {1, 1}, 1: {1, 2}, 2: {1, 3}, 3: {2, 1}, 6: {3, 1}, 7: {4, 1}, 8: {4, 2}} {
		if l, c := ls.Position(off); l != want[0] || c != want[1] {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", off, l, c, want[0], want[1])
		}
	}
}
