package publish

import "testing"

func TestWithLangKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"yaml", "---\ntitle: A\n---\n\nBody\n", "---\ntitle: A\nlang: fr\n---\n\nBody\n"},
		{"yaml with the key", "---\nlang: en\ntitle: A\n---\nBody", "---\nlang: \"fr\"\ntitle: A\n---\nBody"},
		{"toml", "+++\ntitle = 'A'\n+++\nBody\n", "+++\ntitle = 'A'\nlang = \"fr\"\n+++\nBody\n"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nBody\r\n", "---\r\ntitle: A\r\nlang: fr\r\n---\r\nBody\r\n"},
		{"none", "# Body\n", "---\nlang: fr\n---\n# Body\n"},
		{"bom, none", "\ufeff# Body\n", "\ufeff---\nlang: fr\n---\n# Body\n"},
	}
	for _, tt := range tests {
		if got := string(withLangKey([]byte(tt.in), "lang", "fr")); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := string(withLangKey([]byte("# Body\n"), "", "fr")); got != "# Body\n" {
		t.Errorf("no key: %q", got)
	}
}

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
		if got := isSectionPage(rel); got != want {
			t.Errorf("isSectionPage(%q) = %v, want %v", rel, got, want)
		}
	}
	if got := statusOf("care/after"); got != "status/care.html" || !isSectionPage(got) {
		t.Errorf("statusOf(care/after) = %q", got)
	}
	if got := statusOf("ketamine"); got != statusFile {
		t.Errorf("statusOf(ketamine) = %q, want %q", got, statusFile)
	}
}
