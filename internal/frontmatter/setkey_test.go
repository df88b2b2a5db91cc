package frontmatter

import "testing"

func TestSetKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"yaml", "---\ntitle: A\n---\n\nBody\n", "---\ntitle: A\nlang: fr\n---\n\nBody\n"},
		{"yaml with the key", "---\nlang: en\ntitle: A\n---\nBody", "---\nlang: \"fr\"\ntitle: A\n---\nBody"},
		{"toml", "+++\ntitle = 'A'\n+++\nBody\n", "+++\ntitle = 'A'\nlang = \"fr\"\n+++\nBody\n"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nBody\r\n", "---\r\ntitle: A\r\nlang: fr\r\n---\r\nBody\r\n"},
		{"none", "# Body\n", "---\nlang: fr\n---\n# Body\n"},
		{"bom, none", "\ufeff# Body\n", "\ufeff---\nlang: fr\n---\n# Body\n"},
	}
	for _, tt := range tests {
		if got := string(SetKey([]byte(tt.in), "lang", "fr")); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := string(SetKey([]byte("# Body\n"), "", "fr")); got != "# Body\n" {
		t.Errorf("no key: %q", got)
	}
}
