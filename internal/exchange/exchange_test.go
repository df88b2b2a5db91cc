package exchange_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/exchange"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/review"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// newExchange is a synced project of one article with both its entries
// translated into French, which requires review.
func newExchange(t *testing.T) exchange.Exchange {
	t.Helper()
	dir := t.TempDir()
	for path, text := range map[string]string{
		"lingo.toml":              "source = \"en\"\nlanguages = [\"fr\"]\n[lang.fr]\nrequire_review = true\n",
		"content/dose.md":         "# After a dose\n\nCall the clinic if it lasts longer.\n",
		"locales/fr/dose.fr.toml": "['dose.h1-c5aaa93e']\nother = 'Après une dose'\n\n['dose.p-854d7c6f']\nother = 'Appelez la clinique si cela dure plus longtemps.'\n",
		"home/.gitconfig":         "[user]\n\tname = Sam Importer\n",
	} {
		path = filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// git's user.name is Sam Importer: no import may record a review under it.
	t.Setenv("HOME", filepath.Join(dir, "home"))
	t.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(dir, "home", ".gitconfig"))
	ws, err := workspace.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	x := exchange.Exchange{Reviews: review.Reviews{Gate: gate.Gate{Syncer: syncer.Syncer{Project: ws}}}}
	if _, err := x.Sync([]string{"fr"}, syncer.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	return x
}

// TestImportSignOffNeedsBy: a unit signed off in an exchange file records
// a review only when ImportOptions.By names the reviewer; without it the
// translations are imported, no review is recorded (not under git's
// user.name) and each sign-off is reported in NotReviewed.
func TestImportSignOffNeedsBy(t *testing.T) {
	for _, tt := range []struct {
		name, format, from, to string
		by                     string
		reviewed, notReviewed  int
	}{
		{"xliff 1.2, no --by", "xliff", `state="translated"`, `state="signed-off"`, "", 0, 2},
		{"xliff 1.2, blank --by", "xliff", `state="translated"`, `state="signed-off"`, "  ", 0, 2},
		{"xliff 1.2, --by", "xliff", `state="translated"`, `state="signed-off"`, "Dr. Lee", 2, 0},
		{"xliff 2.0, no --by", "xliff2", `state="translated"`, `state="final"`, "", 0, 2},
		{"xliff 2.0, --by", "xliff2", `state="translated"`, `state="final"`, "Dr. Lee", 2, 0},
		{"po, no --by", "po", "#, fuzzy\n", "", "", 0, 0},
		{"po, --by", "po", "#, fuzzy\n", "", "Dr. Lee", 2, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			x := newExchange(t)
			data, err := x.Export("fr", tt.format)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tt.from) {
				t.Fatalf("the export has no %q:\n%s", tt.from, data)
			}
			data = []byte(strings.ReplaceAll(string(data), tt.from, tt.to))
			res, err := x.ImportWith("fr."+tt.format, data, exchange.ImportOptions{By: tt.by})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Reviewed) != tt.reviewed || len(res.NotReviewed) != tt.notReviewed {
				t.Errorf("reviewed %v, not reviewed %v: want %d and %d", res.Reviewed, res.NotReviewed, tt.reviewed, tt.notReviewed)
			}
			for _, why := range res.NotReviewed {
				if !strings.Contains(why, "--by NAME") {
					t.Errorf("not reviewed %q: want it to say --by NAME", why)
				}
			}
			st, err := x.ReadState("fr", "dose")
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for id, rec := range st {
				if rec.Review == nil {
					continue
				}
				n++
				if rec.Review.By != strings.TrimSpace(tt.by) {
					t.Errorf("%s reviewed by %q, want %q", id, rec.Review.By, tt.by)
				}
			}
			if n != tt.reviewed {
				t.Errorf("%d reviews recorded, want %d", n, tt.reviewed)
			}
		})
	}
}
