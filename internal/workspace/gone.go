package workspace

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/diag"
)

// Gone is what a language's folder holds of articles that are gone, and
// catalogs to convert to lingo.toml's format.
type Gone struct {
	Archive []Archived // the archive, and the translations of articles that are gone
	Remove  []string   // the catalogs and state files of articles that are gone
	// catalogs in another format, of articles still there: [old, new]
	Converted [][2]string
	// Catalogs are the catalogs of articles that are gone (in Remove,
	// with their state files).
	Catalogs []string
	// Foreign are the files named like a catalog of an article lingo does
	// not know (go-i18n's active.fr.toml, an app's own strings): never
	// read further, rewritten or removed.
	Foreign []string
}

// CollectOrphans archives the catalogs of articles that are gone, and
// refuses catalog files whose language is not their folder's. A catalog in
// another format than lingo.toml's, of an article still there, is to be
// converted (otherFormat): it goes in in.converted.
//
// Within a run that holds the build graph, a language's folder is walked
// once: its findings are given again until lingo removes a file under
// locales/ (the files it writes are catalogs of the run's articles in
// lingo.toml's format, and state files, which change none of them).
func (p *Project) CollectOrphans(lang string, in *Gone, articles []string) error {
	if p.graph == nil {
		return p.collectOrphans(lang, in, articles)
	}
	if w, ok := p.graph.orphans.find(lang, articles); ok {
		in.add(w.found)
		return w.err
	}
	before := *in
	err := p.collectOrphans(lang, in, articles)
	p.graph.orphans.keep(lang, articles, in.since(before), err)
	return err
}

// add appends what g holds to in.
func (in *Gone) add(g Gone) {
	in.Archive = append(in.Archive, g.Archive...)
	in.Remove = append(in.Remove, g.Remove...)
	in.Converted = append(in.Converted, g.Converted...)
	in.Catalogs = append(in.Catalogs, g.Catalogs...)
	in.Foreign = append(in.Foreign, g.Foreign...)
}

// since is what in gained after it was before, copied.
func (in *Gone) since(before Gone) Gone {
	return Gone{
		Archive:   slices.Clone(in.Archive[len(before.Archive):]),
		Remove:    slices.Clone(in.Remove[len(before.Remove):]),
		Converted: slices.Clone(in.Converted[len(before.Converted):]),
		Catalogs:  slices.Clone(in.Catalogs[len(before.Catalogs):]),
		Foreign:   slices.Clone(in.Foreign[len(before.Foreign):]),
	}
}

// orphanWalks are the walks of CollectOrphans in one run, by language.
type orphanWalks struct {
	mu    sync.Mutex
	walks map[string]orphanWalk
	gone  bool // lingo removed a file under locales/ in this run
}

// orphanWalk is what one walk of a language's folder found, for a list of
// articles.
type orphanWalk struct {
	articles []string
	found    Gone
	err      error
}

func (o *orphanWalks) find(lang string, articles []string) (orphanWalk, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	w, ok := o.walks[lang]
	return w, ok && slices.Equal(w.articles, articles)
}

func (o *orphanWalks) keep(lang string, articles []string, found Gone, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.walks == nil {
		o.walks = map[string]orphanWalk{}
	}
	o.walks[lang] = orphanWalk{slices.Clone(articles), found, err}
}

// forget drops every walk: lingo removed a file under locales/.
func (o *orphanWalks) forget() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.walks, o.gone = nil, true
}

// removed reports whether lingo removed a file under locales/ in this
// run: a walk taken before it no longer lists the folder as it is.
func (o *orphanWalks) removed() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.gone
}

func (p *Project) collectOrphans(lang string, in *Gone, articles []string) error {
	dir := filepath.Join(p.Config.LocalesDir(), lang)
	slugs := make(map[string]bool, len(articles))
	for _, s := range articles {
		slugs[s] = true
	}
	visit := func(path string) error {
		rel, _ := filepath.Rel(dir, path)
		slug, fileLang, ext, ok := CatalogName(rel)
		if !ok || ext != p.Config.Format && fileLang != lang {
			// Files in other formats are catalogs only where named
			// like one.
			return nil
		}
		if fileLang != lang {
			return &diag.Error{Path: p.Rel(path), Line: 1, Col: 1, Msg: fmt.Sprintf("file name does not end in .%s.%s: a catalog's language must be its folder's", lang, ext)}
		}
		if slugs[slug] {
			if ext != p.Config.Format {
				if err := p.otherFormat(lang, slug, path, in.Archive); err != nil {
					return err
				}
				in.Converted = append(in.Converted, [2]string{path, p.CatalogPath(lang, slug)})
			}
			return nil
		}
		c, err := p.ReadCatalogFile(path)
		if err != nil {
			if p.stateMissing(lang, slug) {
				in.Foreign = append(in.Foreign, path)
				return nil
			}
			return err
		}
		if !p.Ours(lang, slug, c) {
			in.Foreign = append(in.Foreign, path)
			return nil
		}
		st, err := p.ReadState(lang, slug)
		if err != nil {
			return err
		}
		from := &Origins{p: p, lang: lang, slug: slug}
		from.file = path
		for _, e := range c.Entries {
			if e.Other != "" && !IsDraft(e.Other, st[e.ID]) {
				a := Archived{Source: SourceOf(e, st[e.ID], from), Translation: e.Other, Slug: slug, ID: e.ID}
				if a.Source == "" {
					// Made for a text of another article, maybe: the
					// one it was renamed to (resolve).
					a.want = MadeFor(e, st[e.ID])
				}
				in.Archive = append(in.Archive, a)
			}
		}
		in.Catalogs = append(in.Catalogs, path)
		in.Remove = append(in.Remove, path, p.StatePath(lang, slug))
		return nil
	}
	if paths, ok := p.listed(dir); ok {
		for _, path := range paths {
			if err := visit(path); err != nil {
				return err
			}
		}
		return nil
	}
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if os.IsNotExist(err) && path == dir {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == StateDir {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		return visit(path)
	})
}

// listed is what this run's walk saw under dir (Listed), but state
// folders, while lingo has removed no file under locales/ since.
func (p *Project) listed(dir string) ([]string, bool) {
	if p.Listed == nil || p.graph == nil || p.graph.orphans.removed() {
		return nil, false
	}
	return p.Listed(dir, func(name string) bool { return name == StateDir })
}

// Ours reports whether c, a catalog file of lang named for slug, which is
// no article now, is one lingo wrote: lingo keeps state for it, or every
// entry has a message ID of that article (<slug>.<kind>-<hash>). Anything
// else (an app's own go-i18n strings) is not lingo's to archive or remove.
func (p *Project) Ours(lang, slug string, c *catalog.Catalog) bool {
	if !p.stateMissing(lang, slug) {
		return true
	}
	if len(c.Entries) == 0 {
		return false
	}
	for _, e := range c.Entries {
		if !article.IsID(e.ID, slug) {
			return false
		}
	}
	return true
}

// stateMissing reports whether lingo keeps no state file for slug in lang.
func (p *Project) stateMissing(lang, slug string) bool {
	_, err := os.Stat(p.StatePath(lang, slug))
	return errors.Is(err, fs.ErrNotExist)
}

// Wanted is the archived translations of articles that are gone whose
// source text was not found with them, by the hash of that text: an
// article still there (the one it was renamed to) may have it.
type Wanted struct {
	mu     sync.Mutex
	byHash map[string][]*Archived
}

func Wants(archives ...[]Archived) *Wanted {
	w := &Wanted{byHash: map[string][]*Archived{}}
	for _, archive := range archives {
		for k := range archive {
			if a := &archive[k]; a.Source == "" && a.want != "" {
				w.byHash[a.want] = append(w.byHash[a.want], a)
			}
		}
	}
	return w
}

// Resolve gives the translations that want a text of article a that text.
func (w *Wanted) Resolve(a *Article) {
	if len(w.byHash) == 0 {
		return
	}
	for _, s := range a.Segs {
		if found := w.byHash[article.Hash(s.Text)]; len(found) > 0 {
			w.mu.Lock()
			for _, e := range found {
				e.Source = cmp.Or(e.Source, s.Text)
			}
			w.mu.Unlock()
		}
	}
}

// IsDraft reports whether text, an entry's translation with record rec, is
// the machine draft lingo draft wrote there, untouched: memory and the
// archive never keep it as a translation.
func IsDraft(text string, rec Record) bool {
	return rec.Machine != nil && rec.Machine.Text == text
}
