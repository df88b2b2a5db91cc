package workbench_test

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

// The Waive button on an entry's finding records, as lingo accept --check
// does, the workbench reviewer's waiver with the reason typed: the finding
// is then waived, the button gone, and lingo status lists the waiver. A
// finding the entry does not have, a stale entry, or a page loaded before
// the catalog changed is refused (409) and nothing is recorded.
func TestWaive(t *testing.T) {
	p := newProject(t)
	// The heading kept in English: an untranslated warning.
	path := p.CatalogPath("fr", "a")
	write(t, path, strings.Replace(string(read(t, path)), `other = "Soins"`, `other = "Aftercare"`, 1))
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[0]
	if !slices.Equal(e.Waivable, []string{"untranslated"}) || v.Entries[1].Waivable != nil {
		t.Fatalf("waivable: %v and %v, want [untranslated] and none", e.Waivable, v.Entries[1].Waivable)
	}
	page := do(t, s, "GET", "/article/fr/a", nil, false).Body.String()
	if n := strings.Count(page, `<button type="button" class="waive" data-check="untranslated"`); n != 1 {
		t.Errorf("the page has %d Waive buttons for the untranslated heading, want 1", n)
	}

	state := filepath.Join(filepath.Dir(path), ".lingo", "a.json")
	before := read(t, state)
	for _, c := range []struct {
		name string
		body map[string]any
		want string
	}{
		{"a finding it does not have", map[string]any{"id": e.ID, "check": "numbers", "why": "x", "file_hash": v.FileHash}, "no numbers finding on this entry"},
		{"a check no one waives", map[string]any{"id": e.ID, "check": "unreviewed", "file_hash": v.FileHash}, "not a finding a person can waive"},
		{"a page loaded before a change", map[string]any{"id": e.ID, "check": "untranslated", "file_hash": "0"}, "changed on disk since the page was loaded"},
	} {
		w := do(t, s, "POST", "/api/waive/fr/a", c.body, true)
		if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), c.want) {
			t.Errorf("%s: %d %s, want 409 %q", c.name, w.Code, w.Body, c.want)
		}
	}
	if w := do(t, s, "POST", "/api/waive/fr/a", map[string]any{"id": e.ID, "check": "untranslated", "file_hash": v.FileHash}, false); w.Code != http.StatusForbidden {
		t.Errorf("a waiver without the token: %d", w.Code)
	}
	if got := read(t, state); string(got) != string(before) {
		t.Errorf("a refused waiver wrote the state:\n%s", got)
	}

	w := do(t, s, "POST", "/api/waive/fr/a", map[string]any{"id": e.ID, "check": "untranslated", "why": "the clinic's name for it", "file_hash": v.FileHash}, true)
	if w.Code != 200 {
		t.Fatalf("waive: %d %s", w.Code, w.Body)
	}
	got := decode[struct {
		Entry project.EntryView `json:"entry"`
	}](t, w).Entry
	if len(got.Findings) != 1 || got.Findings[0].Severity != check.Waived || got.Findings[0].Waiver == nil ||
		got.Findings[0].Waiver.By != "Dr. Test" || got.Findings[0].Waiver.Why != "the clinic's name for it" || got.Waivable != nil {
		t.Errorf("after the waiver: %+v", got)
	}
	page = do(t, s, "GET", "/article/fr/a", nil, false).Body.String()
	if strings.Contains(page, `class="waive"`) || !strings.Contains(page, "(waived by Dr. Test: the clinic&#39;s name for it)") {
		t.Errorf("the page after the waiver:\n%s", page)
	}
	_, waivers, err := p.StatusWaivers([]string{"fr"})
	if err != nil || len(waivers[0]) != 1 || waivers[0][0].ID != e.ID || waivers[0][0].Check != "untranslated" || waivers[0][0].By != "Dr. Test" {
		t.Errorf("lingo status lists %+v (%v)", waivers, err)
	}

	// A stale entry: update it or accept it first.
	makeStale(t, p)
	v = view(t, s)
	w = do(t, s, "POST", "/api/waive/fr/a", map[string]any{"id": v.Entries[2].ID, "check": "untranslated", "file_hash": v.FileHash}, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "stale") {
		t.Errorf("waiver of a stale entry: %d %s", w.Code, w.Body)
	}
}
