package adopt

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/align"
	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// AdoptResult is what Adopt did.
type AdoptResult struct {
	Written  []string   // paths written, relative to the project
	Aligned  int        // messages that took their translation from a translated article
	Articles int        // translated articles paired with a source article
	Gaps     []AdoptGap // blocks left out, and files without a counterpart
}

// AdoptGap is something Adopt left out: a block of a source article or of a
// translated one, a source article without a translation among the paths,
// or a translated file without a source article. File is relative to the
// project (it may start with ".." for a translation kept elsewhere); Line
// is 0 for a whole file.
type AdoptGap struct {
	File   string
	Line   int
	Reason string
}

// adoptFile is one translated article given to Adopt.
type adoptFile struct {
	path    string // as found
	slug    string // of the source article it translates; "" if none
	fromDir bool   // found under a folder argument
}

// Adopt builds lang's catalogs from articles already translated by hand.
//
// Each path is a translated article or a folder of them (a site's
// content/fr/, say). A file under a folder argument translates the source
// article at the same path relative to that folder (fr/guides/sleep.md is
// content/guides/sleep.md); a file given by itself translates the source
// article named by the longest tail of its path that names one
// (site/fr/guides/sleep.md is guides/sleep if that exists, else sleep).
// Every file is parsed with the project's Markdown parser and aligned with
// its source article block by block (see package align); each aligned block
// becomes the translation of its source message, current against the
// source text. A translation already in the catalog is kept, and when the
// file gives another one the difference is reported as a gap: Adopt never
// overwrites a translator's work silently. Blocks that do not align, files
// with no source article, and (when a folder is given) source articles
// with no translation are reported as gaps. Then Adopt syncs lang, so the
// catalogs get their comments and state as sync writes them.
//
// Nothing is written when a translated file does not parse (the error is a
// *diag.Error at its file, line and column) or when lang's catalogs are
// broken.
func (p Adopter) Adopt(lang string, paths []string) (*AdoptResult, error) {
	if lang == p.Config.Source || !slices.Contains(p.Config.Languages, lang) {
		return nil, fmt.Errorf("adopt: %s is not one of the project's target languages %v", lang, p.Config.Languages)
	}
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	bySlug := make(map[string]*workspace.Article, len(arts))
	for _, a := range arts {
		bySlug[a.Slug] = a
	}
	files, dirGiven, err := p.adoptFiles(paths, bySlug)
	if err != nil {
		return nil, err
	}
	res := &AdoptResult{}
	var paired []adoptFile
	for _, f := range files {
		if f.slug == "" {
			res.Gaps = append(res.Gaps, AdoptGap{File: p.relOut(f.path), Reason: "no source article with this path in " + p.Rel(p.Config.ContentDir())})
			continue
		}
		paired = append(paired, f)
	}
	if dirGiven {
		have := make(map[string]bool, len(paired))
		for _, f := range paired {
			have[f.slug] = true
		}
		for _, a := range arts {
			if !have[a.Slug] {
				res.Gaps = append(res.Gaps, AdoptGap{File: p.relOut(a.Path), Reason: "no " + lang + " translation among the paths given"})
			}
		}
	}

	type adopted struct {
		pending workspace.Pending
		write   bool
		aligned int
		gaps    []AdoptGap
	}
	out := make([]adopted, len(paired))
	err = workers.Run(p.Context(), len(paired), func(i int) error {
		f := paired[i]
		a := bySlug[f.slug]
		data, err := os.ReadFile(f.path)
		if err != nil {
			return diag.In(p.relOut(f.path), err)
		}
		parsed, err := p.Parser().Parse(data)
		if err != nil {
			return diag.In(p.relOut(f.path), err)
		}
		tr := parsed.Segments
		pairs, gaps := align.Options{SrcLang: p.Config.Source, TrLang: lang}.Align(a.Segs, tr)
		old, err := p.ReadCatalog(lang, a.Slug)
		if err != nil {
			return err
		}
		c, n, kept := adoptCatalog(a, tr, pairs, old)
		o := &out[i]
		o.aligned = n
		for _, g := range gaps {
			if g.Source {
				o.gaps = append(o.gaps, AdoptGap{File: p.relOut(a.Path), Line: g.Line, Reason: g.Reason})
			} else {
				o.gaps = append(o.gaps, AdoptGap{File: p.relOut(f.path), Line: g.Line, Reason: g.Reason})
			}
		}
		for _, j := range kept {
			o.gaps = append(o.gaps, AdoptGap{File: p.relOut(f.path), Line: tr[j].Line, Reason: "kept the existing translation: the catalog already translates this message otherwise"})
		}
		if c == nil {
			return nil
		}
		o.pending, err = p.CatalogFile(c)
		o.write = true
		return err
	})
	if err != nil {
		return nil, err
	}
	// Refuse before writing anything if sync would refuse lang's catalogs.
	if _, err := p.Plan(lang, arts, syncer.SyncOptions{NoMemory: true}); err != nil {
		return nil, err
	}
	var pend []workspace.Pending
	for _, o := range out {
		if o.write {
			pend = append(pend, o.pending)
		}
		res.Aligned += o.aligned
		res.Gaps = append(res.Gaps, o.gaps...)
	}
	res.Articles = len(paired)
	slices.SortStableFunc(res.Gaps, func(x, y AdoptGap) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line))
	})
	if res.Written, err = p.WriteAll(pend); err != nil {
		return res, err
	}
	synced, err := p.Sync([]string{lang}, syncer.SyncOptions{})
	for _, w := range synced {
		if !slices.Contains(res.Written, w.String()) {
			res.Written = append(res.Written, w.String())
		}
	}
	return res, err
}

// adoptCatalog adds the aligned translations of a to its catalog old: each
// pair's translation goes to its message unless the catalog already holds
// another non-empty translation, which is kept (its index in tr is listed
// in kept). It returns the catalog, nil when nothing changed, and how many
// messages take their translation from the file.
func adoptCatalog(a *workspace.Article, tr []article.Segment, pairs []align.Pair, old *catalog.Catalog) (*catalog.Catalog, int, []int) {
	c := &catalog.Catalog{Lang: old.Lang, Slug: old.Slug, Entries: slices.Clone(old.Entries)}
	at := make(map[string]int, len(c.Entries))
	for i, e := range c.Entries {
		at[e.ID] = i
	}
	n, changed := 0, false
	var kept []int
	for _, pr := range pairs {
		id, text := a.IDs[pr.Src], tr[pr.Tr].Text
		e := catalog.Entry{ID: id, Hash: article.Hash(a.Segs[pr.Src].Text), Other: text}
		k, ok := at[id]
		switch {
		case !ok:
			at[id] = len(c.Entries)
			c.Entries = append(c.Entries, e)
			changed = true
		case c.Entries[k].Other == text:
		case c.Entries[k].Other != "":
			kept = append(kept, pr.Tr)
			continue
		default:
			e.Description, e.Comment = c.Entries[k].Description, c.Entries[k].Comment
			c.Entries[k] = e
			changed = true
		}
		n++
	}
	if !changed {
		return nil, n, kept
	}
	return c, n, kept
}

// adoptFiles lists the translated articles under paths and the source
// article each translates. It reports whether a folder was given. Two files
// translating the same article are an error.
func (p Adopter) adoptFiles(paths []string, bySlug map[string]*workspace.Article) ([]adoptFile, bool, error) {
	var files []adoptFile
	dirGiven := false
	for _, path := range paths {
		info, err := os.Stat(path)
		if err != nil {
			return nil, false, diag.In(p.relOut(path), err)
		}
		if !info.IsDir() {
			files = append(files, adoptFile{path: path, slug: tailSlug(path, bySlug)})
			continue
		}
		dirGiven = true
		err = filepath.WalkDir(path, func(f string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ".md") {
				return nil
			}
			rel, err := filepath.Rel(path, f)
			if err != nil {
				return err
			}
			slug := strings.TrimSuffix(filepath.ToSlash(rel), ".md")
			if bySlug[slug] == nil {
				slug = ""
			}
			files = append(files, adoptFile{path: f, slug: slug, fromDir: true})
			return nil
		})
		if err != nil {
			return nil, false, fmt.Errorf("adopt: %w", err)
		}
	}
	seen := map[string]string{}
	for _, f := range files {
		if f.slug == "" {
			continue
		}
		if other, ok := seen[f.slug]; ok {
			return nil, false, &diag.Error{Path: p.relOut(f.path), Msg: fmt.Sprintf("translates %s, as %s does: give one translation per article", f.slug, p.relOut(other))}
		}
		seen[f.slug] = f.path
	}
	return files, dirGiven, nil
}

// tailSlug is the slug named by the longest tail of path's components that
// names a source article, or "".
func tailSlug(path string, bySlug map[string]*workspace.Article) string {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(path)), "/")
	for i := range parts {
		slug := strings.TrimSuffix(strings.Join(parts[i:], "/"), ".md")
		if bySlug[slug] != nil {
			return slug
		}
	}
	return ""
}

// relOut is path relative to the project root, even when it lies outside
// it ("../site/content/fr/a.md"); an absolute path where none can be made.
func (p Adopter) relOut(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if r, err := filepath.Rel(p.Config.Dir, abs); err == nil {
		return filepath.ToSlash(r)
	}
	return path
}
