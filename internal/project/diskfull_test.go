package project_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
)

// smallDisk mounts a tmpfs of size bytes at a new folder, for the length of
// the test; where mounting is not allowed (not root) it skips, but fails
// when the environment variable CI is set (.ci/run runs as root).
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("cannot mount a small tmpfs (%v: %s): CI runs as root", err, out)
		}
		t.Skipf("cannot mount a small tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	return dir
}

// TestDiskFull renders and syncs onto a disk that fills up: the command
// fails with "no space left", and every file there is either absent or
// complete, never cut short (the record of the pages written, a bbolt
// file, whole); catalogs already written stay as they were.
func TestDiskFull(t *testing.T) {
	var article strings.Builder
	article.WriteString("---\ntitle: Big\n---\n\n")
	for i := 0; i < 3000; i++ {
		article.WriteString("Paragraph number " + strings.Repeat("x", 60) + " with some words to translate.\n\n")
	}
	cfg := config.Default("en", []string{"fr"})
	cfg.Dir = t.TempDir()
	os.MkdirAll(filepath.Join(cfg.Dir, "content"), 0o755)
	for _, slug := range []string{"a", "b", "c"} {
		os.WriteFile(filepath.Join(cfg.Dir, "content", slug+".md"), []byte(article.String()), 0o644)
	}
	min := 0.0
	cfg.Lang = map[string]config.LangSettings{"fr": {MinComplete: &min}}

	cfg.Output = smallDisk(t, "600k")
	p := project.New(cfg)
	_, err := p.Publish(project.PublishOptions{Langs: []string{"en", "fr"}, Formats: project.Formats}, project.NoProgress{})
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("publish on a full disk: %v, want no space left", err)
	}
	filepath.WalkDir(cfg.Output, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		switch filepath.Ext(path) {
		case ".html":
			if !bytes.HasSuffix(data, []byte("</html>\n")) {
				t.Errorf("%s is cut short (%d bytes)", path, len(data))
			}
		case ".md":
			if !bytes.HasSuffix(data, []byte("to translate.\n\n")) {
				t.Errorf("%s is cut short (%d bytes)", path, len(data))
			}
		case ".db": // the record of the pages written before the disk filled
			if rel, _ := filepath.Rel(cfg.Output, path); filepath.ToSlash(rel) != recordFile {
				t.Errorf("left behind: %s", path)
			} else if err := checkRecord(path); err != nil {
				t.Errorf("%s: %v", path, err)
			}
		default:
			t.Errorf("left behind: %s", path)
		}
		return nil
	})

	cfg.Output = "out"
	cfg.Locales = smallDisk(t, "300k")
	p = project.New(cfg)
	if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("sync on a full disk: %v, want no space left", err)
	}
	filepath.WalkDir(cfg.Locales, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(path, ".toml") {
			data, _ := os.ReadFile(path)
			if _, err := project.ParseCatalog(path, data); err != nil {
				t.Errorf("a catalog on the full disk does not parse: %v", err)
			}
		}
		return nil
	})
}

// checkRecord opens the bbolt file at path and checks every page of it.
func checkRecord(path string) error {
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
}
