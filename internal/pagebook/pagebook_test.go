package pagebook

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/lingo-l10n/lingo/internal/readinglevel"
)

// files is the project's own files, for a test: every path may be
// written, named relative to dir.
type files struct{ dir string }

func (f files) Contained(string) error { return nil }
func (f files) Rel(path string) string {
	r, _ := filepath.Rel(f.dir, path)
	return filepath.ToSlash(r)
}
func (f files) Remove(path string) (bool, error) { return os.Remove(path) == nil, nil }

// open opens the record of the output folder dir/out.
func open(t *testing.T, dir string) *Book {
	t.Helper()
	b, err := Open(filepath.Join(dir, "out"), files{dir})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCraftedRecord: a record crafted in out/.lingo/pages.db keeps only
// lingo's own pages and files: an output outside the output folder or of
// another page, a language that is no tag, a key that is no article path
// are left out, each with a warning naming the file.
func TestCraftedRecord(t *testing.T) {
	dir := t.TempDir()
	b := open(t, dir)
	err := b.Write(&Write{Pages: map[string]map[string]Record{
		"dose":       {"fr": {Outputs: []string{"../README.md", "fr/dose.html", "es/dose.md", "fr/dose.md"}}, "../x": {Outputs: []string{"../x/dose.md"}}},
		"../../etc":  {"fr": {Outputs: []string{"fr/../../etc.md"}}},
		"guides/a b": {"fr": {Outputs: []string{"fr/guides/a b.md"}}},
	}, Meta: Meta{Version: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()

	b = open(t, dir)
	defer b.Close()
	if b.Meta.Version != "x" {
		t.Errorf("meta %+v, want version x", b.Meta)
	}
	slugs, bad := b.Slugs()
	if !slices.Equal(slugs, []string{"dose", "guides/a b"}) || !slices.Equal(bad, []string{"../../etc"}) {
		t.Errorf("slugs %q, left out %q; want [dose guides/a b] and [../../etc]", slugs, bad)
	}
	recs := b.Article("dose")
	if len(recs) != 1 || !slices.Equal(recs["fr"].Outputs, []string{"fr/dose.html", "fr/dose.md"}) {
		t.Errorf("dose keeps %+v, want fr with its two files", recs)
	}
	want := []string{
		"out/.lingo/pages.db: ../../etc: ignored (not an article path)",
		"out/.lingo/pages.db: ../README.md: ignored (not a file of the page fr dose)",
		"out/.lingo/pages.db: ../x dose: ignored (not a language tag as lingo writes it)",
		"out/.lingo/pages.db: es/dose.md: ignored (not a file of the page fr dose)",
	}
	got := b.Warnings()
	if len(got) != len(want) {
		t.Fatalf("warnings %q", got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("warning %d: %q, want %q…", i, got[i], want[i])
		}
	}
}

// TestQuick: an article's fresh key and summaries are read without its
// record; an article deleted is gone from every bucket.
func TestQuick(t *testing.T) {
	dir := t.TempDir()
	b := open(t, dir)
	defer b.Close()
	if fresh, counts := b.Quick("dose"); fresh != "" || counts != nil {
		t.Errorf("no file: %q %v", fresh, counts)
	}
	key := FreshKey("inputs", []string{"en", "fr"}, []string{"md", "html"})
	sum := Summary{Counts: Counts{Kind: "translation", Total: 3, Current: 2, Own: 2, Stale: 1}, Title: "Dose", Reading: &readinglevel.Brief{Words: 40}}
	w := &Write{Pages: map[string]map[string]Record{"dose": {"fr": {Inputs: "inputs", Summary: sum}}}, Fresh: map[string]string{"dose": key}}
	if err := b.Write(w); err != nil {
		t.Fatal(err)
	}
	fresh, counts := b.Quick("dose")
	if fresh != key || counts["fr"] != (Summary{Counts: sum.Counts}) {
		t.Errorf("quick: %q %+v, want %q and the counts of %+v alone", fresh, counts, key, sum)
	}
	if full := b.Summaries("dose"); len(full) != 1 || full["fr"].Title != "Dose" || full["fr"].Reading.Words != 40 || full["fr"].Counts != sum.Counts {
		t.Errorf("summaries: %+v, want fr: %+v", full, sum)
	}
	if err := b.Write(&Write{Deleted: []string{"dose"}}); err != nil {
		t.Fatal(err)
	}
	if fresh, counts := b.Quick("dose"); fresh != "" || counts != nil || b.Article("dose") != nil {
		t.Errorf("deleted, still: %q %v %v", fresh, counts, b.Article("dose"))
	}
}

// TestPutAsItGoes: Put writes what it staged every putBatch articles'
// records, from every core, and Flush the rest; nil records keep an
// article's records and set its fresh key alone, written by Flush.
func TestPutAsItGoes(t *testing.T) {
	dir := t.TempDir()
	b := open(t, dir)
	defer b.Close()
	sum := Summary{Counts: Counts{Kind: "translation", Total: 3, Current: 3, Own: 3}, Title: "Dose"}
	slug := func(i int) string { return fmt.Sprintf("a%04d", i) }
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < putBatch+1; i += 4 {
				recs := map[string]Record{"fr": {Inputs: slug(i), Outputs: []string{"fr/" + slug(i) + ".html"}, Summary: sum}}
				if err := b.Put(slug(i), recs, "fresh"+slug(i)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	written, first := 0, -1
	for i := range putBatch + 1 {
		if b.Article(slug(i)) != nil {
			written++
			if first < 0 {
				first = i
			}
		}
	}
	if written != putBatch {
		t.Errorf("%d articles put, %d written before Flush; want %d", putBatch+1, written, putBatch)
	}
	for range putBatch { // fresh keys alone are no batch: written by Flush
		if err := b.Put(slug(first), nil, "again"); err != nil {
			t.Fatal(err)
		}
	}
	if fresh, _ := b.Quick(slug(first)); fresh != "fresh"+slug(first) {
		t.Errorf("fresh keys alone written before Flush: %q", fresh)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	for i := range putBatch + 1 {
		want := "fresh" + slug(i)
		if i == first {
			want = "again"
		}
		recs := b.Article(slug(i))
		if fresh, _ := b.Quick(slug(i)); fresh != want || recs["fr"].Inputs != slug(i) || recs["fr"].Summary.Title != "Dose" {
			t.Errorf("%s: fresh %q, records %+v; want %q and its records", slug(i), fresh, recs, want)
		}
	}
	if listed, _ := b.Listed("fr"); len(listed) != putBatch+1 {
		t.Errorf("fr lists %d pages, want %d", len(listed), putBatch+1)
	}
}

// TestCountsOfEarlierRecord: a record an earlier lingo wrote, without the
// counts Quick reads, is read from its summaries, and its next write gives
// every article its counts, those the write leaves alone too.
func TestCountsOfEarlierRecord(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	b := open(t, dir)
	dose := Summary{Counts: Counts{Kind: "translation", Total: 3, Current: 2, Own: 2}, Title: "Dose"}
	rest := Summary{Counts: Counts{Kind: "fallback", Total: 5}, Title: "Rest", Reading: &readinglevel.Brief{Words: 9}}
	w := &Write{Pages: map[string]map[string]Record{"dose": {"fr": {Summary: dose}}, "care/rest": {"fr": {Summary: rest}}},
		Fresh: map[string]string{"dose": "k1", "care/rest": "k2"}}
	if err := b.Write(w); err != nil {
		t.Fatal(err)
	}
	b.Close()
	db, err := bolt.Open(filepath.Join(out, ".lingo", "pages.db"), 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return errors.Join(tx.DeleteBucket(countsBucket), tx.DeleteBucket(titlesBucket))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	check := func(when string) {
		t.Helper()
		for slug, want := range map[string]Summary{"dose": dose, "care/rest": rest} {
			if fresh, counts := b.Quick(slug); fresh == "" || counts["fr"] != (Summary{Counts: want.Counts}) {
				t.Errorf("%s: Quick(%s) = %q %+v, want the counts of %+v", when, slug, fresh, counts, want)
			}
		}
		if got, _ := b.Slugs(); !slices.Equal(got, []string{"care/rest", "dose"}) {
			t.Errorf("%s: Slugs() = %v", when, got)
		}
	}
	b = open(t, dir)
	defer b.Close()
	check("without counts")
	if listed, ok := b.Listed("fr"); ok || listed != nil {
		t.Errorf("without titles: Listed(fr) = %v, %v; want none, for the summaries to be read", listed, ok)
	}
	dose.Current = 3
	if err := b.Write(&Write{Pages: map[string]map[string]Record{"dose": {"fr": {Summary: dose}}}}); err != nil {
		t.Fatal(err)
	}
	check("after a write")
	listed, ok := b.Listed("fr")
	if want := (map[string]Summary{"dose": {Counts: Counts{Kind: "translation"}, Title: "Dose"}, "care/rest": {Counts: Counts{Kind: "fallback"}, Title: "Rest"}}); !ok || !maps.Equal(listed, want) {
		t.Errorf("after a write: Listed(fr) = %v, %v; want %v", listed, ok, want)
	}
	// A page no more, an article deleted: their titles go.
	if err := b.Write(&Write{Pages: map[string]map[string]Record{"dose": {"de": {Summary: dose}}}, Deleted: []string{"care/rest"}}); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{"fr": nil, "de": {"dose"}} {
		if listed, _ := b.Listed(lang); !slices.Equal(slices.Sorted(maps.Keys(listed)), want) {
			t.Errorf("after a page and an article went: Listed(%s) = %v, want %v", lang, listed, want)
		}
	}
}

// TestDamagedRecord: a record that is no bbolt file is an empty one: the
// article's pages are made again, and the next write makes the file anew.
func TestDamagedRecord(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	path := filepath.Join(out, filepath.FromSlash(recordFile))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("not a database, but long enough to be read as one's first page......"), 0o644); err != nil {
		t.Fatal(err)
	}
	b := open(t, dir)
	defer b.Close()
	slugs, bad := b.Slugs()
	fresh, sums := b.Quick("dose")
	if b.Meta.Version != "" || len(slugs)+len(bad) != 0 || fresh != "" || sums != nil || b.Article("dose") != nil {
		t.Errorf("a damaged record held %+v %q %q %q %v", b.Meta, slugs, bad, fresh, sums)
	}
	if err := b.Write(&Write{Pages: map[string]map[string]Record{"dose": {"fr": {Inputs: "x"}}}, Meta: Meta{Version: "v"}}); err != nil {
		t.Fatal(err)
	}
	if got := b.Article("dose")["fr"].Inputs; got != "x" {
		t.Errorf("after a write: inputs %q", got)
	}
}
