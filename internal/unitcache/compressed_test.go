package unitcache

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompressed: a value comes back as PutCompressed stored it, in fewer
// bytes than it has; a value stored as it is (by an earlier lingo), an
// empty one or a damaged one is none.
func TestCompressed(t *testing.T) {
	c := Open(filepath.Join(t.TempDir(), "units.db"))
	defer c.Close()
	part := []byte(strings.Repeat("\n[dose.p-1]\nother = \"Tome el comprimido con agua.\"\n", 40))
	w := c.Writer()
	w.PutCompressed("bundle", "es dose", "k", part)
	w.PutBytes("bundle", "es as-is", "k", part)
	w.PutBytes("bundle", "es empty", "k", nil)
	w.PutBytes("bundle", "es damaged", "k", append([]byte{0}, part...))
	w.Flush()
	if got, ok := c.GetCompressed("bundle", "es dose", "k"); !ok || !bytes.Equal(got, part) {
		t.Fatalf("GetCompressed = %q, %v; want what was stored", got, ok)
	}
	var raw Raw
	if !c.Get("bundle", "es dose", "k", &raw) || len(raw) >= len(part) {
		t.Errorf("stored %d bytes for %d", len(raw), len(part))
	}
	if _, ok := c.GetCompressed("bundle", "es dose", "other key"); ok {
		t.Error("a value came back under another key")
	}
	for _, unit := range []string{"es as-is", "es empty", "es damaged"} {
		if got, ok := c.GetCompressed("bundle", unit, "k"); ok {
			t.Errorf("%s reads as %q", unit, got)
		}
	}
}
