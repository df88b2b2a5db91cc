package project_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
)

// reviewProject writes a project with one article translated into French:
// a clean heading and a paragraph whose number drifted.
func reviewProject(t *testing.T) *project.Project {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"lingo.toml":      "source = \"en\"\nlanguages = [\"fr\"]\n[lang.fr]\nrequire_review = true\n",
		"content/dose.md": "# After a dose\n\nMost people feel relief within 2-3 days.\n",
		"locales/fr/dose.fr.toml": "['dose.h1-c5aaa93e']\nother = 'Après une dose'\n\n" +
			"['dose.p-a8253896']\nother = 'La plupart des gens sont soulagés en 3–4 jours.'\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	return p
}

// reviewed lists the messages of fr that planning finds reviewed, as
// "ID by NAME".
func reviewed(t *testing.T, p *project.Project) []string {
	t.Helper()
	plans, err := p.Plans([]string{"fr"}, project.SyncOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range plans[0].Articles[0].Messages {
		if m.Reviewed {
			out = append(out, m.ID+" by "+m.ReviewedBy)
		}
	}
	return out
}

func TestReview(t *testing.T) {
	p := reviewProject(t)
	if _, err := p.Review("fr", nil, ""); !errors.Is(err, project.ErrNoReviewer) {
		t.Errorf("no reviewer: %v, want ErrNoReviewer", err)
	}

	// Naming the failing entry refuses the whole review.
	_, err := p.Review("fr", []string{"dose.h1-c5aaa93e", "dose.p-a8253896"}, "Dr. A")
	var re *project.ReviewError
	if !errors.As(err, &re) || len(re.Refused) != 1 || re.Refused[0].ID != "dose.p-a8253896" ||
		re.Refused[0].Line == 0 || !strings.Contains(re.Refused[0].Why, "numbers") {
		t.Fatalf("failing entry: %v, want a ReviewError refusing dose.p-a8253896 at its line for numbers", err)
	}
	if got := reviewed(t, p); len(got) != 0 {
		t.Fatalf("a refused review recorded %v", got)
	}

	// Every entry: the one that may be reviewed.
	ids, err := p.Review("fr", nil, "Dr. A")
	if err != nil || !slices.Equal(ids, []string{"dose.h1-c5aaa93e"}) {
		t.Fatalf("Review(all) = %v, %v; want [dose.h1-c5aaa93e]", ids, err)
	}
	want := []string{"dose.h1-c5aaa93e by Dr. A"}
	if got := reviewed(t, p); !slices.Equal(got, want) {
		t.Fatalf("reviewed %v, want %v", got, want)
	}

	// Sync keeps it, and writes nothing when nothing changed.
	if written, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil || len(written) != 0 {
		t.Fatalf("sync after review wrote %v, %v", written, err)
	}
	if got := reviewed(t, p); !slices.Equal(got, want) {
		t.Fatalf("after sync: reviewed %v, want %v", got, want)
	}

	// An edit of the translation undoes it, and sync drops the record.
	cat := p.CatalogPath("fr", "dose")
	data, err := os.ReadFile(cat)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cat, []byte(strings.Replace(string(data), "Après une dose", "Après la dose", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := reviewed(t, p); len(got) != 0 {
		t.Fatalf("after an edit: reviewed %v, want none", got)
	}
	if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	state, err := os.ReadFile(filepath.Join(p.Config.LocalesDir(), "fr", ".lingo", "dose.json"))
	if err != nil || strings.Contains(string(state), `"review"`) {
		t.Fatalf("state after the edit and a sync keeps a review (%v):\n%s", err, state)
	}
}
