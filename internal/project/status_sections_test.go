package project_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStatusSections: the status page has a row per section (an article's
// first folder), linked to the section's own page, which lists its
// articles; an edit in one section writes that section's page again and no
// other's, and a section left without articles loses its page.
func TestStatusSections(t *testing.T) {
	dir := repoProject(t)
	write := func(rel, title, body string) {
		path := filepath.Join(dir, "content", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("---\ntitle: "+title+"\n---\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("care/after.md", "After care", "Rest for two hours after each session.")
	write("care/before.md", "Before care", "Do not eat for six hours before a session.")
	write("news/opening.md", "New clinic", "The clinic opens in March.")
	build(t, dir)
	read := func(rel string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(dir, "out", filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	top, care := read("status.html"), read("status/care.html")
	for _, want := range []string{`href="status/care.html"`, `href="status/news.html"`, ">care<", ">news<", "Ketamine"} {
		if !strings.Contains(top, want) {
			t.Errorf("status.html does not hold %s", want)
		}
	}
	if strings.Contains(top, "After care") {
		t.Error("status.html lists an article of a section, which its section's page lists")
	}
	for _, want := range []string{"After care", "Before care", `href="../status.html"`, `href="../fr/care/after.html"`} {
		if !strings.Contains(care, want) {
			t.Errorf("status/care.html does not hold %s", want)
		}
	}
	if strings.Contains(care, "New clinic") || strings.Contains(care, "Ketamine") {
		t.Error("status/care.html lists an article of another section")
	}

	// A translator translates an article in care: its fr page is published.
	cat := filepath.Join(dir, "locales", "fr", "care", "after.fr.toml")
	replaceIn(t, cat, `other = ""`, `other = "Après les soins"`)
	replaceIn(t, cat, `other = ""`, `other = "Reposez-vous deux heures après chaque séance."`)
	res, _ := build(t, dir)
	var written []string
	for _, c := range res.Written {
		written = append(written, c.Path)
	}
	for _, want := range []string{"out/status/care.html", "out/status.html"} {
		if !slices.Contains(written, want) {
			t.Errorf("after a care article's translation, %s was not written (wrote %v)", want, written)
		}
	}
	if slices.Contains(written, "out/status/news.html") {
		t.Errorf("after a care article's translation, the news page was written again (%v)", written)
	}
	if care := read("status/care.html"); !strings.Contains(care, `title="Après les soins"`) || !strings.Contains(care, ">100%<") {
		t.Errorf("status/care.html does not link the new fr page, 100%% translated:\n%s", care)
	}

	// The author deletes the only news article.
	if err := os.Remove(filepath.Join(dir, "content", "news", "opening.md")); err != nil {
		t.Fatal(err)
	}
	res, _ = build(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "out", "status", "news.html")); !os.IsNotExist(err) {
		t.Errorf("status/news.html is still there after its section's last article went (%v)", err)
	}
	removed := false
	for _, c := range res.Written {
		removed = removed || c.Removed && c.Path == "out/status/news.html"
	}
	if !removed {
		t.Errorf("the build does not report status/news.html removed: %v", res.Written)
	}
	if strings.Contains(read("status.html"), "status/news.html") {
		t.Error("status.html still links the news section")
	}
}
