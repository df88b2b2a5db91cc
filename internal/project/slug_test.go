package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/project"
)

// TestLoadRefusesIndexPage: content/index.md would be published where the
// language's index page goes, so it is refused at load time; an index.md in
// a subfolder, or a name that only contains "index", is an article.
func TestLoadRefusesIndexPage(t *testing.T) {
	tests := []struct {
		slug, output string
		want         string // the error; "" for an article that loads
	}{
		{"index", "out", "content/index.md: index.md would replace the language index page out/<lang>/index.html; rename it, e.g. home.md"},
		{"Index", "site", "content/Index.md: Index.md would replace the language index page site/<lang>/index.html; rename it, e.g. home.md"},
		{"guides/index", "out", ""},
		{"_index", "out", ""},
		{"home", "out", ""},
		{"indexes", "out", ""},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			dir := t.TempDir()
			cfg := config.Default("en", []string{"fr"})
			cfg.Dir, cfg.Output = dir, tt.output
			path := filepath.Join(dir, "content", filepath.FromSlash(tt.slug)+".md")
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte("# Welcome\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := project.New(cfg).Load(tt.slug)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Load(%q) = %v, want an article", tt.slug, err)
				}
				return
			}
			var de *diag.Error
			if !errors.As(err, &de) || err.Error() != tt.want {
				t.Fatalf("Load(%q) = %v, want *diag.Error %q", tt.slug, err, tt.want)
			}
		})
	}
}
