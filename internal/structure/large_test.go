package structure

import (
	"fmt"
	"strings"
	"testing"
)

// TestLargeMessages guards against quadratic work on adversarial messages.
func TestLargeMessages(t *testing.T) {
	var fn, sc, links strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&fn, "x[^%d] ", i)
		fmt.Fprintf(&sc, "*{{ .N%d }} ", i)
		fmt.Fprintf(&links, "[a](/en/%d) ", i)
	}
	for _, s := range []string{fn.String(), sc.String(), links.String()} {
		sh := Parse(s, nil)
		tr := Parse(strings.ReplaceAll(s, "/en/", "/de/"), nil)
		_ = Compare(sh, tr, fr)
		_ = Safety(sh, tr)
	}
}
