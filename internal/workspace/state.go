package workspace

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/translation"
)

// StateDir is the folder, inside each language's locale folder, where lingo
// keeps what a translator never edits: the source text each translation was
// made from, and the archive of translations whose message was removed.
const StateDir = ".lingo"

// Record is what lingo remembers of one translated entry.
type Record = translation.Record

// Records is the records of one target catalog, by message ID.
type Records map[string]Record

// Archived is a translation whose message left the source.
type Archived struct {
	Source      string `json:"source"`
	Translation string `json:"translation"`
	Slug        string `json:"slug"`
	ID          string `json:"id"`
	want        string // the hash of the source text, while Source is not known
}

func (p *Project) StatePath(lang, slug string) string {
	return filepath.Join(p.Config.LocalesDir(), lang, StateDir, filepath.FromSlash(slug)+".json")
}

func (p *Project) ArchivePath(lang string) string {
	return filepath.Join(p.Config.LocalesDir(), lang, StateDir, "archive.json")
}

// readJSON reads a state file into v; a missing file leaves v as it is.
func (p *Project) readJSON(path string, v any) error {
	data, err := p.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w (lingo's own state: restore it from version control)", p.Rel(path), err)
	}
	return nil
}

func (p *Project) ReadState(lang, slug string) (Records, error) {
	st := Records{}
	return st, p.readJSON(p.StatePath(lang, slug), &st)
}

// ReadTarget reads the catalog of lang for slug and its state file.
func (p *Project) ReadTarget(lang, slug string) (*catalog.Catalog, Records, error) {
	c, err := p.ReadCatalog(lang, slug)
	if err != nil {
		return nil, nil, err
	}
	st, err := p.ReadState(lang, slug)
	return c, st, err
}

func (p *Project) ReadArchive(lang string) ([]Archived, error) {
	var a []Archived
	return a, p.readJSON(p.ArchivePath(lang), &a)
}

// JSONFile encodes v as an indented JSON file; maps come out sorted.
func JSONFile(path string, v any) (Pending, error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return Pending{}, err
	}
	return Pending{Path: path, Data: append(data, '\n')}, nil
}

// Ignored is the warning for entry, in the record named name whose bytes
// are data (lingo's own JSON file of what it wrote), left out for why: at
// the entry's line; with no data (a record that has no lines), at the
// file.
func Ignored(name string, data []byte, entry, why string) string {
	if data != nil {
		name = fmt.Sprintf("%s:%d", name, lineOf(data, entry))
	}
	return fmt.Sprintf("%s: %s: ignored (%s); lingo removes only files it writes", name, entry, why)
}

// lineOf is the line of data, a JSON file, where the JSON string s first
// stands, 1 when it is not found.
func lineOf(data []byte, s string) int {
	quoted, _ := json.Marshal(s)
	at := bytes.Index(data, quoted)
	if at < 0 {
		return 1
	}
	return bytes.Count(data[:at], []byte("\n")) + 1
}

// IsLang reports whether s, read from one of lingo's own records, is a
// language tag as lingo writes one.
func IsLang(s string) bool {
	tag, err := config.ParseTag(s)
	return err == nil && tag == s
}

// IsSlug reports whether s, read from one of lingo's own records, is an
// article path as lingo writes one: clean, relative, forward slashes,
// inside its folder. A record naming anything else names no file of
// lingo's.
func IsSlug(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\\\x00") && path.Clean(s) == s &&
		filepath.IsLocal(filepath.FromSlash(s)) && !strings.HasPrefix(s, "../")
}

// SortArchive orders the archive and drops repeats, so that its bytes
// depend only on its contents.
func SortArchive(a []Archived) []Archived {
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
