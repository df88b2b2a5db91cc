package workbench_test

import (
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

// secondArticle adds article b, translated into French and synced, and
// returns the path of its French catalog.
func secondArticle(t *testing.T, p *project.Project) string {
	t.Helper()
	write(t, filepath.Join(p.Config.ContentDir(), "b.md"), "# Dosage\n")
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	path := p.CatalogPath("fr", "b")
	write(t, path, strings.Replace(string(read(t, path)), `other = ""`, `other = 'Posologie'`, 1))
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// A save that sync would refuse (another catalog of the language is
// broken) writes nothing and says which file to fix; once it is fixed, the
// same save succeeds.
func TestSaveSyncRefused(t *testing.T) {
	p := newProject(t)
	other := secondArticle(t, p)
	good := read(t, other)
	write(t, other, strings.Replace(string(good), `other = "Posologie"`, `other = "Posologie`, 1))
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[1]
	path := p.CatalogPath("fr", "a")
	before := read(t, path)
	state := filepath.Join(filepath.Dir(path), ".lingo", "a.json")
	beforeState := read(t, state)
	body := map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}
	w := do(t, s, "POST", "/api/save/fr/a", body, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "lingo sync for fr fails: locales/fr/b.fr.toml:") {
		t.Errorf("save while b's catalog is broken: %d %s", w.Code, w.Body)
	}
	if !bytes.Equal(read(t, path), before) || !bytes.Equal(read(t, state), beforeState) {
		t.Errorf("a refused save wrote:\n%s", read(t, path))
	}
	write(t, other, string(good))
	if w := do(t, s, "POST", "/api/save/fr/a", body, true); w.Code != 200 {
		t.Errorf("the same save once b is fixed: %d %s", w.Code, w.Body)
	}
	if !strings.Contains(string(read(t, path)), "Avalez 2 comprimés.") {
		t.Errorf("not saved:\n%s", read(t, path))
	}
}

// smallDisk mounts a tmpfs of size bytes at dir for the length of the
// test; where mounting is not allowed (not root) it skips, but fails when
// the environment variable CI is set (.ci/run runs as root).
func smallDisk(t *testing.T, dir, size string) {
	t.Helper()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("cannot mount a small tmpfs (%v: %s): CI runs as root", err, out)
		}
		t.Skipf("cannot mount a small tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
}

// A save whose sync fails while writing (the disk of lingo's state is
// full) is rolled back: the catalog is as it was, and the answer says so.
func TestSaveRolledBack(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[1]
	path := p.CatalogPath("fr", "a")
	before := read(t, path)
	stateDir := filepath.Join(filepath.Dir(path), ".lingo")
	kept := map[string][]byte{}
	entries, err := os.ReadDir(stateDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range entries {
		kept[f.Name()] = read(t, filepath.Join(stateDir, f.Name()))
	}
	smallDisk(t, stateDir, "64k")
	for name, data := range kept {
		write(t, filepath.Join(stateDir, name), string(data))
	}
	// Fill the disk.
	filler, err := os.Create(filepath.Join(stateDir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for _, err = filler.Write(make([]byte, 4096)); err == nil; _, err = filler.Write(make([]byte, 4096)) {
	}
	filler.Close()
	w := do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true)
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "not saved (locales/fr/a.fr.toml is as it was): lingo sync for fr failed") || !strings.Contains(w.Body.String(), "no space left") {
		t.Errorf("save on a full disk: %d %s", w.Code, w.Body)
	}
	if got := read(t, path); !bytes.Equal(got, before) {
		t.Errorf("the catalog was left as saved:\n%s", got)
	}
	for name, data := range kept {
		if !bytes.Equal(read(t, filepath.Join(stateDir, name)), data) {
			t.Errorf("%s changed", name)
		}
	}
	// Room again: the same save succeeds.
	os.Remove(filepath.Join(stateDir, "filler"))
	if w := do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true); w.Code != 200 {
		t.Errorf("the save once there is room: %d %s", w.Code, w.Body)
	}
}
