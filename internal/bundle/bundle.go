// Package bundle writes lingo's runtime bundle, the go-i18n message files
// an app loads: in <output>/bundle/, one TOML file per language,
// active.<lang>.toml, that go-i18n's Bundle loads under its tag. A target
// language's file holds, of every message of every article, the
// translation the gate publishes (gate.Judge: current, no error-level
// finding, reviewed where require_review) and nothing else; the source
// language's file holds the source text of every message, so that an app
// falls back to it, never to a stale or failing translation. It is made
// whole on every build, one language at a time, each unit's part (an
// article in a language) cut from the file the last build wrote, or taken
// from the unit cache, while the unit's inputs are unchanged; a file is
// written only when its bytes change, and only bundle files lingo recorded
// writing are ever removed.
package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Folder is the bundle's folder, inside the output folder.
const Folder = "bundle"

// format is the bundle's format: go-i18n's own example files are TOML.
const format = "toml"

// recordFile, in the output folder, lists the bundle files lingo wrote:
// the only ones it removes.
var recordFile = filepath.Join(".lingo", "bundle.json")

// cacheBucket keeps, per unit, the unit's part of its language's bundle
// file (part).
const cacheBucket = "bundle"

// Bundler writes the runtime bundle of a project.
type Bundler struct{ gate.Gate }

// Dir is the bundle's folder: <output>/bundle.
func (b Bundler) Dir() string { return filepath.Join(b.Config.OutputDir(), Folder) }

// Path is the bundle file of lang: <output>/bundle/active.<lang>.toml.
func (b Bundler) Path(lang string) string { return filepath.Join(b.Dir(), fileName(lang)) }

// fileName is the name of lang's bundle file, from which go-i18n takes its
// tag and format.
func fileName(lang string) string { return "active." + lang + "." + format }

// Result is what Write did.
type Result struct {
	Written []string           // the bundle files written, relative to the project
	Removed []workspace.Change // the bundle files removed, with why
	// Warnings are the entries of the bundle's record that Write ignored,
	// each at its line: it removes only files it writes.
	Warnings []string
}

// Write makes the bundle file of the source and of every target language,
// one language at a time, and writes those whose bytes changed; then it
// removes the bundle files an earlier build wrote that this one does not
// (a language no longer in lingo.toml). Articles are judged on every core;
// a unit whose inputs did not change since the last build is taken from
// the unit cache.
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
	var names, gone []string
	for _, lang := range langs {
		names = append(names, fileName(lang))
	}
	for _, name := range old {
		if !slices.Contains(names, name) {
			gone = append(gone, name)
		}
	}
	// Recorded before any is written: an interrupted build leaves none
	// unrecorded.
	if err := b.writeRecord(append(slices.Clone(names), gone...)); err != nil {
		return nil, err
	}
	res := &Result{Warnings: warnings}
	err = b.WithGraph(func(g *workspace.Graph) error {
		keys, err := b.unitKeys(g, slugs, langs)
		if err != nil {
			return err
		}
		prog := b.Steps()
		prog.Start("bundling", len(slugs)*len(langs))
		defer prog.Done()
		store := g.Writer()
		defer store.Flush()
		for li, lang := range langs {
			f, err := b.file(c, g, store, prog, slugs, langs, keys, li)
			if err != nil {
				return err
			}
			if !f.same {
				written, err := b.WriteAll([]workspace.Pending{{Path: b.Path(lang), Data: f.data}})
				res.Written = append(res.Written, written...)
				if err != nil {
					return err
				}
			}
			if !f.same || f.relaid {
				putLayout(store, lang, b.Path(lang), f.layout)
			}
		}
		g.PruneUnits(cacheBucket, slugs)
		return nil
	})
	if err != nil {
		return res, err
	}
	for _, name := range gone {
		path := filepath.Join(b.Dir(), name)
		removed, err := b.Remove(path)
		if err != nil {
			return res, err
		}
		if removed {
			res.Removed = append(res.Removed, workspace.Change{Path: b.Rel(path), Removed: true, Why: b.whyGone(name)})
		}
	}
	return res, b.writeRecord(names)
}

// bundleFile is a bundle file made again.
type bundleFile struct {
	data   []byte
	same   bool   // the file on disk already holds data
	layout layout // where each part stands in data
	relaid bool   // some part was not cut from the file on disk
}

// file is the bundle file of langs[li]: a head saying what it is, then
// the part of each article in slugs, in order. keys are the articles'
// units' keys (unitKeys).
func (b Bundler) file(c *check.Checker, g *workspace.Graph, store *workspace.CacheWriter, prog workspace.Progress, slugs, langs []string, keys [][]string, li int) (*bundleFile, error) {
	lang := langs[li]
	old := b.readOld(g, lang)
	parts, partKeys := make([][]byte, len(slugs)), make([]string, len(slugs))
	var made atomic.Int64 // parts not cut from the old file
	err := workers.Run(b.Context(), len(slugs), func(i int) error {
		prog.Step()
		partKeys[i] = keys[i][li]
		var ok bool
		if parts[i], ok = old.part(slugs[i], partKeys[i]); ok {
			return nil
		}
		made.Add(1)
		var err error
		parts[i], err = b.part(c, store, g, slugs[i], langs, keys[i], li)
		return err
	})
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	size := 1024
	for _, part := range parts {
		size += len(part)
	}
	out.Grow(size)
	for _, line := range strings.Split(b.about(lang), "\n") {
		out.WriteString("# " + line + "\n")
	}
	head := out.Len()
	for _, part := range parts {
		out.Write(part)
	}
	return &bundleFile{
		data:   out.Bytes(),
		same:   old != nil && bytes.Equal(old.data, out.Bytes()),
		layout: layOut(head, slugs, parts, partKeys),
		relaid: old == nil || made.Load() > 0 || len(old.layout) != len(slugs),
	}, nil
}

// unitKeys are the keys of each article's units in each of langs: of the
// article itself in the source language, whose text depends on it alone.
func (b Bundler) unitKeys(g *workspace.Graph, slugs, langs []string) ([][]string, error) {
	keys := make([][]string, len(slugs))
	err := workers.Run(b.Context(), len(slugs), func(i int) error {
		akey, err := g.ArticleKey(slugs[i])
		if err != nil {
			return err
		}
		keys[i] = make([]string, len(langs))
		for li, lang := range langs {
			keys[i][li] = akey
			if lang != b.Config.Source {
				if keys[i][li], err = g.UnitKey(akey, lang, slugs[i]); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return keys, err
}

// about is what the head of lang's bundle file says of it.
func (b Bundler) about(lang string) string {
	if lang == b.Config.Source {
		return fmt.Sprintf("lingo's runtime bundle, %s: the source text of every message, go-i18n's\n"+
			"fallback for each message a language does not publish.\n"+
			"Written by lingo build; do not edit: every build writes it again.", lang)
	}
	return fmt.Sprintf("lingo's runtime bundle, %s: only the translations lingo publishes (current,\n"+
		"no error-level finding, reviewed where required); any other message falls\n"+
		"back to the %s file.\n"+
		"Written by lingo build; do not edit: every build writes it again.", lang, b.Config.Source)
}

// part is the part of article slug in the bundle file of langs[li]: its
// entries, each after an empty line. keys are its units' keys, by
// language. What is in the unit cache under the unit's key is taken from
// there; else the unit is judged, and its part stored.
func (b Bundler) part(c *check.Checker, store *workspace.CacheWriter, g *workspace.Graph, slug string, langs, keys []string, li int) ([]byte, error) {
	lang, unit := langs[li], workspace.UnitName(langs[li], slug)
	if raw, ok := g.GetBytes(cacheBucket, unit, keys[li]); ok {
		return raw, nil
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
	store.PutBytes(cacheBucket, unit, keys[li], part)
	return part, nil
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
	store.PutBytes(cacheBucket, workspace.UnitName(lang, slug), key, part)
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

// record lists, by name, the files of the bundle folder lingo wrote.
type record struct {
	Files []string `json:"files"`
}

// whyGone says why the bundle file name is no longer written.
func (b Bundler) whyGone(name string) string {
	lang, _ := parseName(name)
	return lang + " is not a language of " + filepath.Base(b.Config.Path)
}

// writeRecord records names, sorted, as the bundle files lingo wrote.
func (b Bundler) writeRecord(names []string) error {
	names = slices.Clone(names)
	slices.Sort(names)
	f, err := workspace.JSONFile(filepath.Join(b.Config.OutputDir(), recordFile), record{Files: names})
	if err != nil {
		return err
	}
	_, err = b.WriteAll([]workspace.Pending{f})
	return err
}

// readRecord reads the names of the bundle files lingo wrote, leaving out,
// with a warning at its line, each that is not the name of a bundle file
// (anyone who can edit the output folder can edit the record). A record
// that cannot be read names none.
func (b Bundler) readRecord() ([]string, []string) {
	path := filepath.Join(b.Config.OutputDir(), recordFile)
	data, err := os.ReadFile(path)
	var rec record
	if err != nil || json.Unmarshal(data, &rec) != nil {
		return nil, nil
	}
	var names, warnings []string
	for _, name := range rec.Files {
		if _, ok := parseName(name); ok {
			names = append(names, name)
			continue
		}
		warnings = append(warnings, fmt.Sprintf("%s:%d: %s: ignored (not a file of the bundle); lingo removes only files it writes",
			b.Rel(path), lineOf(data, name), name))
	}
	return names, warnings
}

// parseName reads the language of a bundle file's name (fileName), and
// reports whether name is one: a language tag as lingo writes it, no
// folder.
func parseName(name string) (string, bool) {
	rest, ok := strings.CutPrefix(name, "active.")
	if !ok {
		return "", false
	}
	lang, ok := strings.CutSuffix(rest, "."+format)
	if tag, err := config.ParseTag(lang); !ok || err != nil || tag != lang {
		return "", false
	}
	return lang, true
}

// lineOf is the line of data where the JSON string s first stands, 1 when
// it is not found.
func lineOf(data []byte, s string) int {
	quoted, _ := json.Marshal(s)
	before, _, found := strings.Cut(string(data), string(quoted))
	if !found {
		return 1
	}
	return strings.Count(before, "\n") + 1
}
