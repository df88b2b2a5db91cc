// Package bundle writes lingo's runtime bundle, the go-i18n message files
// an app loads: in <output>/bundle/, one TOML file per article and
// language, <lang>/<slug>.<lang>.toml, that go-i18n's Bundle loads under
// its tag. A target language's file holds, of the article's messages, the
// translations the gate publishes (gate.Judge: current, no error-level
// finding, reviewed where require_review) and nothing else; the source
// language's file holds the source text of every message, so that an app
// falls back to it, never to a stale or failing translation. A file is
// made again, from the unit cache or the gate, only when its unit's inputs
// changed since lingo wrote it or the file is not as lingo left it (looked
// at when the output folder's folders are not: a file added, removed or
// replaced, as editors save), and written only when its bytes change: an
// edit to one article writes that article's files, whatever the size of
// the project. Only bundle files lingo recorded writing are ever removed.
package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/fingerprint"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Folder is the bundle's folder, inside the output folder.
const Folder = "bundle"

// format is the bundle's format: go-i18n's own example files are TOML.
const format = "toml"

// cacheBucket keeps, per unit, the unit's bundle file without its head
// (part); writtenBucket keeps, per article, a record of its units
// (unitcache.Units): of each, under the key its file was last made from,
// the file's identity as lingo left it (its size, times and inode: git's
// index trusts the same). While both hold, the file is not made again.
// freshBucket keeps one record of every article (articleInputs): the
// inputs of its files when they were last all as lingo left them.
const (
	cacheBucket   = "bundle"
	writtenBucket = "bundle-files"
	freshBucket   = "bundle-fresh"
)

// chunk is how many articles' files of a language are made, then written,
// at a time: what a build holds in memory.
const chunk = 512

// Bundler writes the runtime bundle of a project.
type Bundler struct {
	gate.Gate
	// Intact says the output folder is as the last build left it (the
	// modification times of its folders are those it recorded): a file
	// lingo wrote from a unit's key is there, as publishing trusts its
	// pages, and is not looked at.
	Intact bool
}

// Dir is the bundle's folder: <output>/bundle.
func (b Bundler) Dir() string { return filepath.Join(b.Config.OutputDir(), Folder) }

// Path is the bundle file of article slug in lang:
// <output>/bundle/<lang>/<slug>.<lang>.toml.
func (b Bundler) Path(lang, slug string) string {
	return filepath.Join(b.Dir(), lang, filepath.FromSlash(slug)+"."+lang+"."+format)
}

// Result is what Write did.
type Result struct {
	Written []string           // the bundle files written, relative to the project
	Removed []workspace.Change // the bundle files removed, with why
	// Warnings are the entries of the bundle's record that Write ignored,
	// each at its line: it removes only files it writes.
	Warnings []string
}

// Write makes the bundle file of every article in the source and every
// target language whose inputs changed, and writes those whose bytes
// changed; then it removes the bundle files an earlier build wrote that
// this one does not (an article deleted, a language no longer in
// lingo.toml). Articles are judged on every core; a unit whose inputs did
// not change since the last build is taken from the unit cache.
func (b Bundler) Write() (*Result, error) {
	slugs, err := b.Slugs()
	if err != nil {
		return nil, err
	}
	langs := b.ProjectLangs()
	c, err := b.NewChecker()
	if err != nil {
		return nil, err
	}
	old, warnings := b.readRecord()
	now := newRecord(langs, slugs)
	// Recorded before any is written: an interrupted build leaves none
	// unrecorded.
	if err := b.writeRecord(old, old.union(now)); err != nil {
		return nil, err
	}
	res := &Result{Warnings: warnings}
	err = b.WithGraph(func(g *workspace.Graph) error {
		u, err := b.units(g, slugs, langs)
		if err != nil {
			return err
		}
		prog := b.Steps()
		prog.Start("bundling", len(slugs)*len(langs))
		defer prog.Done()
		store := g.Writer()
		defer store.Flush()
		defer u.keep(store, slugs) // what was written is kept, whatever happens next
		for li := range langs {
			for at := 0; at < len(slugs); at += chunk {
				written, err := b.files(c, g, store, prog, slugs, langs, u, li, at, min(at+chunk, len(slugs)))
				res.Written = append(res.Written, written...)
				if err != nil {
					return err
				}
			}
		}
		u.keepFresh(store, slugs, langs)
		g.PruneUnits(cacheBucket, slugs)
		g.PruneUnits(writtenBucket, slugs)
		return nil
	})
	if err != nil {
		return res, err
	}
	for _, f := range old.minus(now) {
		path := b.Path(f.lang, f.slug)
		if f.file != "" {
			path = filepath.Join(b.Dir(), f.file)
		}
		removed, err := b.Remove(path)
		if err != nil {
			return res, err
		}
		if removed {
			res.Removed = append(res.Removed, workspace.Change{Path: b.Rel(path), Removed: true, Why: b.whyGone(f, now)})
		}
	}
	return res, b.writeRecord(old.union(now), now)
}

// files makes and writes the bundle files of slugs[lo:hi] in langs[li]
// whose unit keys changed since lingo wrote them, or that are not as lingo
// left them, and keeps each one's identity under its key in u. It returns
// the files written.
func (b Bundler) files(c *check.Checker, g *workspace.Graph, store *workspace.CacheWriter, prog workspace.Progress, slugs, langs []string, u *units, li, lo, hi int) ([]string, error) {
	lang := langs[li]
	made := make([]workspace.Pending, hi-lo)
	err := workers.Run(b.Context(), hi-lo, func(n int) error {
		prog.Step()
		i := lo + n
		if u.fresh[i] {
			return nil
		}
		key, path := u.keys[i][li], b.Path(lang, slugs[i])
		if id, ok := u.written[i].Of(lang, key); ok && (b.Intact || id == identity(path)) {
			return nil
		}
		part, err := b.part(c, store, g, slugs[i], langs, u.keys[i], li)
		if err != nil {
			return err
		}
		made[n] = workspace.Pending{Path: path, Data: append([]byte(b.head(lang)), part...)}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var todo []workspace.Pending
	for _, f := range made {
		if f.Path != "" {
			todo = append(todo, f)
		}
	}
	written, err := b.WriteAll(todo) // each whose bytes are on disk is skipped
	if err != nil {
		return written, err
	}
	for n, f := range made {
		if f.Path == "" {
			continue
		}
		if id := identity(f.Path); id != "" {
			i := lo + n
			u.changed[i] = u.written[i].Set(lang, u.keys[i][li], id) || u.changed[i]
		}
	}
	return written, nil
}

// identity is the fingerprint of the file at path (its size, times and
// inode), "" when there is none: a change to the file changes it, a move
// of the project's folder does not (the unit's key names the file).
func identity(path string) string {
	size, mtime, id, err := fingerprint.Lstat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%x.%x.%x", size, mtime, id)
}

// units is what the bundle knows of each article's units.
type units struct {
	keys    [][]string                // per article, by language: the unit's key
	written []unitcache.Units[string] // per article: the identity of each file lingo wrote, under its key (writtenBucket)
	changed []bool                    // per article: written changed
	// per article: its files are as the last run that made them all left
	// them, from the same inputs (articleInputs), in an intact output
	// folder: neither made nor looked at
	fresh  []bool
	inputs []string      // per article: inputsOf its units
	last   articleInputs // the record of the last run, nil when the output folder is not intact
}

// articleInputs is the one record (freshBucket) of the inputs of every
// article's bundle files (inputsOf) when they were last all as lingo left
// them: read in one read, so that an edit build skips the articles that
// did not change without reading a record of each.
type articleInputs map[string]string

// inputsRecord names the record in freshBucket.
const inputsRecord = "articles"

// inputsOf hashes what the bundle files of an article in langs are made
// from: the languages, and the keys of its units in each (keys).
func inputsOf(langs, keys []string) string {
	h := sha256.New()
	for li, lang := range langs {
		fmt.Fprintf(h, "%s\x00%s\x00", lang, keys[li])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// units reads the keys of each article's units in each of langs (of the
// article itself in the source language, whose text depends on it alone),
// and, of an article not fresh, the record of the files lingo wrote of
// them.
func (b Bundler) units(g *workspace.Graph, slugs, langs []string) (*units, error) {
	u := &units{keys: make([][]string, len(slugs)), written: make([]unitcache.Units[string], len(slugs)),
		changed: make([]bool, len(slugs)), fresh: make([]bool, len(slugs)), inputs: make([]string, len(slugs))}
	if b.Intact && !g.Cache.Last(freshBucket, inputsRecord, &u.last) {
		u.last = nil
	}
	err := workers.Run(b.Context(), len(slugs), func(i int) error {
		akey, err := g.ArticleKey(slugs[i])
		if err != nil {
			return err
		}
		// langs[0] is the source language (ProjectLangs), whose unit is the article
		if u.keys[i], err = g.UnitKeys(slugs[i], langs[1:]); err != nil {
			return err
		}
		u.keys[i] = append([]string{akey}, u.keys[i]...)
		u.inputs[i] = inputsOf(langs, u.keys[i])
		if u.fresh[i] = u.last != nil && u.last[slugs[i]] == u.inputs[i]; !u.fresh[i] {
			u.written[i] = workspace.ReadUnits[string](g, writtenBucket, slugs[i])
		}
		return nil
	})
	return u, err
}

// keepFresh queues the record of the articles whose files are all as
// lingo left them, once every language is done: those fresh before, and
// those whose record has every unit under its key; unless it is the last
// run's.
func (u *units) keepFresh(store *workspace.CacheWriter, slugs, langs []string) {
	now := make(articleInputs, len(slugs))
	for i, slug := range slugs {
		all := true
		for li, lang := range langs {
			if _, ok := u.written[i].Of(lang, u.keys[i][li]); !ok {
				all = false
				break
			}
		}
		if u.fresh[i] || all {
			now[slug] = u.inputs[i]
		}
	}
	if !maps.Equal(now, u.last) {
		store.PutValue(freshBucket, inputsRecord, inputsRecord, now)
	}
}

// keep queues the records that changed.
func (u *units) keep(store *workspace.CacheWriter, slugs []string) {
	for i, changed := range u.changed {
		if changed {
			workspace.PutUnits(store, writtenBucket, slugs[i], u.written[i])
		}
	}
}

// head is the comment that opens each bundle file of lang.
func (b Bundler) head(lang string) string {
	if lang == b.Config.Source {
		return "# lingo's runtime bundle, " + lang + ": the source text of this article's messages,\n" +
			"# go-i18n's fallback for each message a language does not publish.\n" +
			"# Written by lingo build; do not edit: a build writes it again.\n"
	}
	return "# lingo's runtime bundle, " + lang + ": only the translations lingo publishes (current, no\n" +
		"# error-level finding, reviewed where required); any other message falls back to\n" +
		"# the " + b.Config.Source + " file. Written by lingo build; do not edit: a build writes it again.\n"
}

// part is the part of article slug in the bundle file of langs[li]: its
// entries, each after an empty line. keys are its units' keys, by
// language. What is in the unit cache under the unit's key is taken from
// there; else the unit is judged, and its part stored.
func (b Bundler) part(c *check.Checker, store *workspace.CacheWriter, g *workspace.Graph, slug string, langs, keys []string, li int) ([]byte, error) {
	lang, unit := langs[li], workspace.UnitName(langs[li], slug)
	if part, ok := storedPart(g, unit, keys[li]); ok {
		return part, nil
	}
	a, err := b.Load(slug)
	if err != nil {
		return nil, err
	}
	entries := sourceEntries(a)
	if lang != b.Config.Source {
		j, err := b.Judge(c, a, lang, nil)
		if err != nil {
			return nil, err
		}
		entries = published(j)
	}
	part, err := marshalPart(lang, slug, entries)
	if err != nil {
		return nil, err
	}
	storePart(store, unit, keys[li], part)
	return part, nil
}

// storePart stores part in the unit cache under the unit's key,
// compressed: the parts are the text of every page published (240 MB at
// 1,000 × 10 as they are), and the bundle reads them all.
func storePart(store *workspace.CacheWriter, unit, key string, part []byte) {
	store.PutCompressed(cacheBucket, unit, key, part)
}

// storedPart is the part storePart stored for unit under key, if it did.
func storedPart(g *workspace.Graph, unit, key string) ([]byte, bool) {
	return g.Cache.GetCompressed(cacheBucket, unit, key)
}

// PutPart stores in the unit cache, under the unit's key, the part of
// article slug in lang's bundle file, from j, the gate's judgement of it:
// publishing, which judges each unit it renders, saves the bundle judging
// it again.
func PutPart(store *workspace.CacheWriter, lang, slug, key string, j *gate.Judgement) error {
	part, err := marshalPart(lang, slug, published(j))
	if err != nil {
		return err
	}
	storePart(store, workspace.UnitName(lang, slug), key, part)
	return nil
}

// marshalPart is entries as go-i18n TOML, catalog.Marshal's, without the
// head line it gives a file: each entry after an empty line.
func marshalPart(lang, slug string, entries []catalog.Entry) ([]byte, error) {
	data, err := catalog.Marshal(&catalog.Catalog{Lang: lang, Slug: slug, Entries: entries}, format)
	if err != nil {
		return nil, fmt.Errorf("bundle %s: %w", lang, err)
	}
	_, body, _ := bytes.Cut(data, []byte("\n"))
	return body, nil
}

// sourceEntries are the messages of article a in the source language.
func sourceEntries(a *workspace.Article) []catalog.Entry {
	out := make([]catalog.Entry, len(a.Segs))
	for i := range a.Segs {
		out[i] = catalog.Entry{ID: a.IDs[i], Other: a.Segs[i].Text}
	}
	return out
}

// published are the messages the gate publishes in j's language, in
// document order, each with the plural forms its entry has.
func published(j *gate.Judgement) []catalog.Entry {
	var out []catalog.Entry
	for _, m := range j.Plan.Messages {
		if text, ok := j.Published[m.ID]; ok {
			out = append(out, catalog.Entry{ID: m.ID, Other: text, Plural: m.Plural})
		}
	}
	return out
}
