package workspace

import (
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/lingo-l10n/lingo/internal/config"
)

// TestOutRelIsACopy: the name OutRel gives an output is not a slice of
// the path it was given, which a build keeping the outputs of every page
// would keep whole.
func TestOutRelIsACopy(t *testing.T) {
	dir := t.TempDir()
	p := &Project{Config: &config.Config{Dir: dir, Output: "out"}}
	path := filepath.Join(dir, "out", "es", "guides", "dosing.html")
	rel := p.OutRel(path)
	if rel != "es/guides/dosing.html" {
		t.Fatalf("OutRel(%q) = %q", path, rel)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(path)))
	if at := uintptr(unsafe.Pointer(unsafe.StringData(rel))); at >= start && at < start+uintptr(len(path)) {
		t.Errorf("OutRel(%q) is a slice of the path it was given", path)
	}
}
