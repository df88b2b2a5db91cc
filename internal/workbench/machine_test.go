package workbench_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/draft"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

// echo is an engine that "translates" by prefixing each text.
type echo struct{}

func (echo) Translate(_ context.Context, texts []string) ([]string, error) {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = "AR " + t
	}
	return out, nil
}
func (echo) Name() string    { return "echo" }
func (echo) Version() string { return "1.0" }

// The workbench shows a machine draft pre-filled, with a badge naming its
// engine; saving it unchanged keeps it a draft, and the accept key takes
// it as the translator's own: current, and a translation like any other.
func TestMachineDraftAccepted(t *testing.T) {
	p := newProject(t)
	if _, err := draft.For(p.Project).Draft(context.Background(), echo{}, draft.Options{Lang: "ar"}); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, p, workbench.Options{Langs: []string{"ar"}})
	w := do(t, s, "GET", "/article/ar/a", nil, false)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "machine draft · echo 1.0") || !strings.Contains(w.Body.String(), ">AR Aftercare</textarea>") {
		t.Fatalf("article page: %d\n%s", w.Code, w.Body)
	}
	v := decode[project.ArticleView](t, do(t, s, "GET", "/api/article/ar/a", nil, false))
	e := v.Entries[0]
	if e.State != "machine" || e.Machine != "echo 1.0" || e.Translation != "AR Aftercare" || e.Published || v.Stats.Machine != 3 {
		t.Fatalf("draft entry: %+v, stats %+v", e, v.Stats)
	}
	entry := func(w *httptest.ResponseRecorder) project.EntryView {
		t.Helper()
		if w.Code != 200 {
			t.Fatalf("%d %s", w.Code, w.Body)
		}
		return decode[struct {
			Entry    project.EntryView `json:"entry"`
			FileHash string            `json:"file_hash"`
		}](t, w).Entry
	}
	// Saved as it is: still the engine's, still a draft.
	got := entry(do(t, s, "POST", "/api/save/ar/a", map[string]any{"id": e.ID, "text": e.Translation, "file_hash": v.FileHash, "source_hash": e.SourceHash}, true))
	if got.State != "machine" {
		t.Errorf("saved unchanged: %s, want machine", got.State)
	}
	v = decode[project.ArticleView](t, do(t, s, "GET", "/api/article/ar/a", nil, false))
	got = entry(do(t, s, "POST", "/api/accept/ar/a", map[string]any{"id": e.ID, "file_hash": v.FileHash, "source_hash": e.SourceHash}, true))
	if got.State != "current" || got.Machine != "" || got.Translation != "AR Aftercare" {
		t.Errorf("accepted: %+v", got)
	}
	// Only a machine draft can be accepted so.
	v = decode[project.ArticleView](t, do(t, s, "GET", "/api/article/ar/a", nil, false))
	w = do(t, s, "POST", "/api/accept/ar/a", map[string]any{"id": e.ID, "file_hash": v.FileHash, "source_hash": e.SourceHash}, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "not a machine draft") {
		t.Errorf("accept of a current entry: %d %s", w.Code, w.Body)
	}
	if v.Stats.Machine != 2 || v.Stats.Translated != 1 {
		t.Errorf("stats after accept: %+v", v.Stats)
	}
}
