package project

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/translation"
)

// stateDir is the folder, inside each language's locale folder, where lingo
// keeps what a translator never edits: the source text each translation was
// made from, and the archive of translations whose message was removed.
const stateDir = ".lingo"

// record is what lingo remembers of one translated entry.
type record = translation.Record

// state is the records of one target catalog, by message ID.
type state map[string]record

// archived is a translation whose message left the source.
type archived struct {
	Source      string `json:"source"`
	Translation string `json:"translation"`
	Slug        string `json:"slug"`
	ID          string `json:"id"`
	want        string // the hash of the source text, while Source is not known
}

func (p *Project) statePath(lang, slug string) string {
	return filepath.Join(p.Config.LocalesDir(), lang, stateDir, filepath.FromSlash(slug)+".json")
}

func (p *Project) archivePath(lang string) string {
	return filepath.Join(p.Config.LocalesDir(), lang, stateDir, "archive.json")
}

// readJSON reads a state file into v; a missing file leaves v as it is.
func (p *Project) readJSON(path string, v any) error {
	data, err := p.readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w (lingo's own state: restore it from version control)", p.rel(path), err)
	}
	return nil
}

func (p *Project) readState(lang, slug string) (state, error) {
	st := state{}
	return st, p.readJSON(p.statePath(lang, slug), &st)
}

// readTarget reads the catalog of lang for slug and its state file.
func (p *Project) readTarget(lang, slug string) (*catalog.Catalog, state, error) {
	c, err := p.ReadCatalog(lang, slug)
	if err != nil {
		return nil, nil, err
	}
	st, err := p.readState(lang, slug)
	return c, st, err
}

func (p *Project) readArchive(lang string) ([]archived, error) {
	var a []archived
	return a, p.readJSON(p.archivePath(lang), &a)
}

// jsonFile encodes v as an indented JSON file; maps come out sorted.
func jsonFile(path string, v any) (pending, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return pending{}, err
	}
	return pending{path: path, data: append(data, '\n')}, nil
}

// sortArchive orders the archive and drops repeats, so that its bytes
// depend only on its contents.
func sortArchive(a []archived) []archived {
	sort.Slice(a, func(i, j int) bool {
		x, y := a[i], a[j]
		if x.Source != y.Source {
			return x.Source < y.Source
		}
		if x.Translation != y.Translation {
			return x.Translation < y.Translation
		}
		if x.Slug != y.Slug {
			return x.Slug < y.Slug
		}
		return x.ID < y.ID
	})
	out := a[:0]
	for i, e := range a {
		if i > 0 && e.Source == a[i-1].Source && e.Translation == a[i-1].Translation {
			continue
		}
		out = append(out, e)
	}
	return out
}
