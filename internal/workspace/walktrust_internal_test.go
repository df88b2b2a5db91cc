package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/fingerprint"
)

// TestTrustWalk: a build trusts the kept keys of the articles whose files
// its walk sees as the last build's walk saw them, and of no other: not
// on the first build, not of an article a catalog of which changed
// (modified long ago, as a checkout leaves it), not of one lingo writes a
// file of in the run, not of one modified as the walk began, and not of
// one whose keys the last build did not hold (a changed article it never
// asked about). It keeps trusting those it did not ask about, but not
// the keys another lingo (another version: other shared inputs) kept since.
// Whatever it trusts, the keys it gives are those made again from the
// files.
func TestTrustWalk(t *testing.T) {
	p, dir := keysProject(t)
	slugs := []string{"a", "guides/b"}
	hour := time.Now().Add(-time.Hour)
	rewrite := func(rel, data string) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, hour, hour); err != nil {
			t.Fatal(err)
		}
	}
	// run walks the project, hands the walk to a graph, calls during, then
	// asks for the keys of ask; it returns the articles trusted at first.
	run := func(name string, during func(), ask ...string) (trusted []string) {
		t.Helper()
		at := time.Now().UnixNano()
		var seen fingerprint.Seen
		seen.Tree(p.Config.ContentDir())
		seen.Tree(p.Config.LocalesDir())
		p.Known = seen.Stat
		defer func() { p.Known = nil }()
		err := p.WithGraph(func(g *Graph) error {
			g.TrustWalk(seen.SumBy, at)
			for _, slug := range slugs { // as recall trusts them
				var rec keyRecord
				if g.keys.Untouched(slug) && g.Cache.Last(keysBucket, slug, &rec) && rec.Shared == g.shared {
					trusted = append(trusted, slug)
				}
			}
			during()
			for _, slug := range ask {
				if err := keysMadeAgain(t, g, name, slug, []string{"fr", "de"}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return trusted
	}
	nothing := func() {}
	// keepA keeps a's key record as edit leaves it, as another lingo would.
	keepA := func(edit func(rec *keyRecord)) {
		err := p.WithGraph(func(g *Graph) error {
			var rec keyRecord
			g.Cache.Last(keysBucket, "a", &rec)
			edit(&rec)
			w := g.Writer()
			w.PutValue(keysBucket, "a", "k", rec)
			w.Flush()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name   string
		before func()
		during func()
		ask    []string
		want   []string
	}{
		{"first build", nothing, nothing, slugs, nil},
		{"nothing changed", nothing, nothing, slugs, slugs},
		{"a catalog changed", func() { rewrite("locales/fr/guides/b.fr.toml", "y = 'b'\n") }, nothing, slugs, []string{"a"}},
		{"lingo writes a catalog", nothing, func() {
			if _, err := p.WriteAll([]Pending{{Path: filepath.Join(dir, "locales", "de", "a.de.toml"), Data: []byte("x = 'w'\n")}}); err != nil {
				t.Fatal(err)
			}
		}, slugs, slugs},
		{"after a catalog written as the run went", nothing, nothing, slugs, []string{"guides/b"}},
		{"once it can be trusted", func() { rewrite("locales/de/a.de.toml", "x = 'w'\n") }, nothing, slugs, []string{"guides/b"}},
		{"a catalog changed, its keys not asked for", func() { rewrite("locales/fr/guides/b.fr.toml", "z = 'b'\n") }, nothing, []string{"a"}, []string{"a"}},
		{"after a run that did not ask", nothing, nothing, slugs, []string{"a"}},
		{"then", nothing, nothing, slugs, slugs},
		{"keys of one asked for", nothing, nothing, []string{"a"}, slugs},
		{"after it", nothing, nothing, slugs, slugs}, // the other's kept: untouched
		{"a state file made", func() { rewrite("locales/fr/.lingo/guides/b.json", "{}\n") }, nothing, slugs, []string{"a"}},
		{"an article edited", func() { rewrite("content/a.md", "# A, again\n") }, nothing, slugs, []string{"guides/b"}},
		{"a source catalog made", func() { rewrite("locales/en/guides/b.en.toml", "") }, nothing, slugs, []string{"a"}},
		{"then again", nothing, nothing, slugs, slugs},
		{"after another lingo kept other keys", func() { // its own version, its own keys: those a's files do not give here
			keepA(func(rec *keyRecord) {
				*rec = keyRecord{Shared: "another lingo's", Article: "A", Units: map[string]string{"fr": "A-fr", "de": "A-de"}}
			})
		}, nothing, slugs, []string{"guides/b"}},
		{"once kept again", nothing, nothing, slugs, slugs},
		{"a record kept by an earlier lingo", func() { // signed under the same inputs, not naming them
			keepA(func(rec *keyRecord) { rec.Shared = "" })
		}, nothing, slugs, []string{"guides/b"}},
		{"after it is kept again", nothing, nothing, slugs, slugs},
	} {
		c.before()
		if got := run(c.name, c.during, c.ask...); !slices.Equal(got, c.want) {
			t.Errorf("%s: trusted %q, want %q", c.name, got, c.want)
		}
	}
}
