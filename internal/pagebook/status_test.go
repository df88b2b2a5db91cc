package pagebook

import "testing"

// TestIsSectionPage: of the pages a record names, only a section's status
// page is removed once its section is gone: never a path a crafted record
// makes lead elsewhere.
func TestIsSectionPage(t *testing.T) {
	for rel, want := range map[string]bool{
		"status/care.html":               true,
		"status/news-2026.html":          true,
		"status.html":                    false,
		"fr/index.html":                  false,
		"status/../fr/index.html":        false,
		"status/../../locales/x.html":    false,
		"status/care/after.html":         false,
		"status/care.toml":               false,
		"status/..\\..\\lingo.toml.html": false,
		"/status/care.html":              false,
	} {
		if got := IsSectionPage(rel); got != want {
			t.Errorf("IsSectionPage(%q) = %v, want %v", rel, got, want)
		}
	}
	if got := StatusOf("care/after"); got != "status/care.html" || !IsSectionPage(got) {
		t.Errorf("StatusOf(care/after) = %q", got)
	}
	if got := StatusOf("ketamine"); got != StatusFile {
		t.Errorf("StatusOf(ketamine) = %q, want %q", got, StatusFile)
	}
}
