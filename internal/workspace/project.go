package workspace

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/atomicfile"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/workers"
)

// Project is a lingo project: its config and the parser it implies.
type Project struct {
	Config *config.Config
	parser *markdown.Parser
	shapes *structure.Parser // reads translations for the safety checks of publishing
	graph  *Graph            // the build graph of the command running: a build's steps share it
	ctx    context.Context   // the command's: Context
	// folders is which folders writes may go to, resolved once for the
	// project and every copy of it (WithContext)
	folders *atomicfile.Folders
	// Progress hears how sync and check advance (Publish and Build take
	// theirs); nil is none.
	Progress Progress
	// Known, if set, says what a walk of this run already saw of a file
	// (filehash.Table.Known): the build graph hashes files with no stat
	// of its own.
	Known func(path string) (size, mtime int64, id uint64, ok bool)
	// Listed, if set, lists the files a walk of this run saw under root,
	// but below folders skip names, in the order filepath.WalkDir visits
	// them (fingerprint.Seen.Files); ok is false where it saw none. The
	// search for orphans in a language's folder takes it in place of a
	// walk of its own.
	Listed func(root string, skip func(name string) bool) (paths []string, ok bool)
	// WritesLocales, if set, is told of each file under the catalogs'
	// folder that lingo is about to write or remove, and returns what to
	// call once it has (Build keeps its fingerprint of the inputs current
	// with it).
	WritesLocales func(path string) (done func())
	// MakesFolder, if set, is told of each folder lingo is about to make
	// for a file it writes (Build lists the output folder's folders again
	// only when it made one).
	MakesFolder func(dir string)
	// Reads, if set, hears the path of each file the project reads
	// through ReadFile (articles, catalogs, state files): tests count
	// what a command opens.
	Reads func(path string)
}

// WithContext is p running a command under ctx: its long steps stop at a
// safe point once ctx is done (every file written whole or not at all)
// and return ctx's error. Call it before the command starts.
func (p *Project) WithContext(ctx context.Context) *Project {
	c := *p
	c.ctx = ctx
	return &c
}

// Context is the command's context (WithContext), else Background.
func (p *Project) Context() context.Context {
	if p.ctx == nil {
		return context.Background()
	}
	return p.ctx
}

// Parser is the project's Markdown parser.
func (p *Project) Parser() *markdown.Parser { return p.parser }

// Shapes reads translations for the safety and structure checks.
func (p *Project) Shapes() *structure.Parser { return p.shapes }

// Open loads the config at path and prepares the project.
func Open(path string) (*Project, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	return New(cfg), nil
}

// New prepares a project from a loaded config.
func New(cfg *config.Config) *Project {
	texts := map[string]markdown.ShortcodeText{}
	for name, t := range cfg.ShortcodeText() {
		texts[name] = markdown.ShortcodeText{Named: t.Named, Positional: t.Positional}
	}
	return &Project{Config: cfg, parser: markdown.New(markdown.Options{
		FrontMatter:    cfg.FrontMatter,
		CodeShortcodes: cfg.CodeShortcodes,
		Shortcodes:     texts,
	}), shapes: structure.NewParser(), folders: &atomicfile.Folders{}}
}

// Article is a source article with its segments and their message IDs.
type Article struct {
	Slug  string // path under content/ without ".md", with forward slashes
	Path  string
	Src   []byte
	Segs  []article.Segment
	IDs   []string
	Known map[string]string // the source catalog on disk before this run: ID → text
	Refs  map[string]string // link reference definitions: label → destination
}

// Slugs lists the articles under the content folder, sorted; once per
// command (the steps of a build share the list).
func (p *Project) Slugs() ([]string, error) {
	if p.graph != nil && p.graph.slugs != nil {
		return slices.Clone(p.graph.slugs), nil
	}
	root := p.Config.ContentDir()
	var slugs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".md") {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			slugs = append(slugs, strings.TrimSuffix(filepath.ToSlash(rel), ".md"))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	sort.Strings(slugs)
	if p.graph != nil {
		p.graph.slugs = slices.Clone(slugs)
		p.graph.keys.Reserve(len(slugs))
	}
	return slugs, nil
}

// Load reads and segments the article at slug. Message IDs carry over from
// the source catalog on disk, so an edited message keeps its ID.
func (p *Project) Load(slug string) (*Article, error) {
	path := p.ArticlePath(slug)
	if err := p.checkSlug(slug, path); err != nil {
		return nil, err
	}
	src, err := p.ReadFile(path)
	if err != nil {
		return nil, err
	}
	parsed, err := p.parser.Parse(src)
	if err != nil {
		return nil, diag.In(p.Rel(path), err)
	}
	segs := parsed.Segments
	if len(segs) > catalog.MaxEntries {
		// Its catalogs could not be read back: refuse it here, at the
		// message past the limit, before anything is written.
		return nil, &diag.Error{Path: p.Rel(path), Line: segs[catalog.MaxEntries].Line, Col: 1, Msg: fmt.Sprintf(
			"more than %d messages (%d): a catalog holds at most %d; split the article", catalog.MaxEntries, len(segs), catalog.MaxEntries)}
	}
	prev, err := p.ReadCatalog(p.Config.Source, slug)
	if err != nil {
		return nil, err
	}
	old := make([]article.Message, len(prev.Entries))
	for i, e := range prev.Entries {
		old[i] = article.Message{ID: e.ID, Text: e.Other}
	}
	ids := article.KeepIDs(article.IDs(slug, segs), segs, old)
	return &Article{Slug: slug, Path: path, Src: src, Segs: segs, IDs: ids, Known: prev.Texts(), Refs: parsed.Refs}, nil
}

// ArticlePath is the Markdown file of the article at slug.
func (p *Project) ArticlePath(slug string) string {
	return filepath.Join(p.Config.ContentDir(), filepath.FromSlash(slug)+".md")
}

// checkSlug refuses an article whose pages would overwrite lingo's own:
// content/index.md would be published as <output>/<lang>/index.html, the
// language's index page. The name is compared without case, as macOS and
// Windows file systems do.
func (p *Project) checkSlug(slug, path string) error {
	if !strings.EqualFold(slug, "index") {
		return nil
	}
	name := slug + ".md"
	index := p.Rel(filepath.Join(p.Config.OutputDir(), "<lang>", "index.html"))
	return &diag.Error{Path: p.Rel(path), Msg: fmt.Sprintf("%s would replace the language index page %s; rename it, e.g. home.md", name, index)}
}

// LoadAll reads and segments every article.
func (p *Project) LoadAll() ([]*Article, error) {
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	arts := make([]*Article, len(slugs))
	err = workers.Run(p.Context(), len(slugs), func(i int) error {
		var err error
		arts[i], err = p.Load(slugs[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	return arts, nil
}

// SourceCatalog is the catalog of an article's source language: each
// message's text is its own translation.
func (p *Project) SourceCatalog(a *Article) *catalog.Catalog {
	c := &catalog.Catalog{Lang: p.Config.Source, Slug: a.Slug}
	for i := range a.Segs {
		c.Entries = append(c.Entries, catalog.Entry{
			ID:          a.IDs[i],
			Description: a.Segs[i].Describe(a.Slug),
			Hash:        article.Hash(a.Segs[i].Text),
			Other:       a.Segs[i].Text,
		})
	}
	return c
}

// CatalogPath is where the catalog of lang for slug lives.
func (p *Project) CatalogPath(lang, slug string) string {
	return catalog.Path(p.Config.LocalesDir(), lang, slug, p.Config.Format)
}

// ReadCatalog reads the catalog of lang for slug; a missing file is an
// empty catalog, unless there is one in another format (readOtherFormat).
func (p *Project) ReadCatalog(lang, slug string) (*catalog.Catalog, error) {
	c, err := p.ReadCatalogFile(p.CatalogPath(lang, slug))
	if errors.Is(err, fs.ErrNotExist) {
		return p.readOtherFormat(lang, slug)
	}
	return c, err
}

// ReadCatalogFile reads and parses the catalog file at path; a missing file
// is an error that is fs.ErrNotExist.
func (p *Project) ReadCatalogFile(path string) (*catalog.Catalog, error) {
	data, err := p.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return catalog.Parse(p.Rel(path), data)
}

// Pending is a file to write once every input has been read.
type Pending struct {
	Path string
	Data []byte
}

// OnDisk reports whether f's bytes are already its file's.
func OnDisk(f Pending) bool { return atomicfile.OnDisk(atomicfile.File{Path: f.Path, Data: f.Data}) }

// makesFolder tells MakesFolder of dir if it is not there.
func (p *Project) makesFolder(dir string) {
	if p.MakesFolder == nil {
		return
	}
	if _, err := os.Stat(dir); err != nil {
		p.MakesFolder(dir)
	}
}

// WriteAll writes files atomically, in order, skipping those whose bytes
// are already on disk, and returns the paths written, relative to the
// project. The file system is synced once per syncBatch files.
func (p *Project) WriteAll(files []Pending) ([]string, error) {
	if p.graph != nil {
		defer p.graph.forget(files)
	}
	for _, f := range files {
		if err := p.Contained(f.Path); err != nil {
			return nil, err
		}
	}
	var written []string
	for len(files) > 0 {
		if err := p.Context().Err(); err != nil {
			return written, err
		}
		n := min(len(files), syncBatch)
		batch := make([]atomicfile.File, n)
		dones := map[int]func(){} // WritesLocales'
		for i, f := range files[:n] {
			p.makesFolder(filepath.Dir(f.Path))
			batch[i] = atomicfile.File{Path: f.Path, Data: f.Data}
			if done := p.writesLocales(f.Path); done != nil {
				dones[i] = done
			}
		}
		idx, err := atomicfile.Write(batch)
		for _, i := range idx {
			// A copy: rel's result shares the absolute path's bytes, and a
			// build keeps the paths of every file it writes (220,000 at
			// 10,000 × 10).
			written = append(written, strings.Clone(p.Rel(batch[i].Path)))
			if done := dones[i]; done != nil {
				done()
			}
		}
		if ae := (*atomicfile.Error)(nil); errors.As(err, &ae) {
			return written, fmt.Errorf("write %s: %w", p.Rel(ae.Path), ae.Err)
		} else if err != nil {
			return written, err
		}
		files = files[n:]
	}
	return written, nil
}

// syncBatch is how many files writeAll syncs to disk at once.
const syncBatch = 64

// ReadFile reads a file; an error names it relative to the project.
func (p *Project) ReadFile(path string) ([]byte, error) {
	if p.Reads != nil {
		p.Reads(path)
	}
	data, err := os.ReadFile(path)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, diag.In(p.Rel(path), pe.Err)
	}
	return data, err
}

// Rel is path relative to the project root, for messages, with forward
// slashes on every system (so reports and annotations read the same).
func (p *Project) Rel(path string) string {
	if r, err := filepath.Rel(p.Config.Dir, path); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return path
}

// ErrNoArticle is the error for a slug the project has no article for.
var ErrNoArticle = errors.New("no such article")

// LoadArticle loads the article slug, which must be one of the project's.
func (p *Project) LoadArticle(slug string) (*Article, error) {
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	if !slices.Contains(slugs, slug) {
		return nil, fmt.Errorf("%w: %s", ErrNoArticle, slug)
	}
	return p.Load(slug)
}
