package bundle

import (
	"bytes"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
)

// TestPartEncoding: a part comes back from the unit cache as it was
// stored, smaller than it is; a part stored as it is (by an earlier lingo)
// or a damaged one reads as none, and is made again.
func TestPartEncoding(t *testing.T) {
	var entries []catalog.Entry
	for _, text := range []string{"Tome el comprimido con agua.", "No conduzca durante un día.", "Descanse y beba agua."} {
		for _, id := range []string{"a", "b", "c", "d"} {
			entries = append(entries, catalog.Entry{ID: "dose." + id + "-" + text[:4], Other: text})
		}
	}
	part, err := marshalPart("es", "dose", entries)
	if err != nil {
		t.Fatal(err)
	}
	raw := encodePart(part)
	if got, ok := decodePart(raw); !ok || !bytes.Equal(got, part) {
		t.Fatalf("decodePart(encodePart(part)) = %q, %v; want the part", got, ok)
	}
	if len(raw) >= len(part) {
		t.Errorf("stored %d bytes for a part of %d", len(raw), len(part))
	}
	for name, old := range map[string][]byte{"as it is": part, "empty": nil, "damaged": append([]byte{0}, part...)} {
		if got, ok := decodePart(old); ok {
			t.Errorf("a part stored %s reads as %q", name, got)
		}
	}
}
