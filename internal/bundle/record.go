package bundle

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// The record, in the output folder, says which bundle files lingo wrote:
// the only ones it removes. Every article has a file in every language,
// so it lists the languages and the articles, not each file (at 10,000
// articles × 10 languages, 100,000 names), and is written only when one of
// them comes or goes. Anyone who can edit the output folder can edit it:
// an entry is kept only when it names a file lingo writes.
var recordFile = filepath.Join(".lingo", "bundle.json")

// record lists the languages and articles of the bundle files lingo wrote.
type record struct {
	Langs []string `json:"langs"`
	Slugs []string `json:"slugs"`
	// Files are the files of a bundle of one file per language
	// (active.<lang>.toml), as lingo wrote it before: each is removed.
	Files []string `json:"files,omitempty"`
}

// newRecord is the record of the files of langs and slugs, sorted.
func newRecord(langs, slugs []string) record {
	r := record{Langs: slices.Clone(langs), Slugs: slices.Clone(slugs)}
	slices.Sort(r.Langs)
	slices.Sort(r.Slugs)
	return r
}

// union is the record of the files of r and of s.
func (r record) union(s record) record {
	u := newRecord(append(slices.Clone(r.Langs), s.Langs...), append(slices.Clone(r.Slugs), s.Slugs...))
	u.Langs, u.Slugs = slices.Compact(u.Langs), slices.Compact(u.Slugs)
	u.Files = append(slices.Clone(r.Files), s.Files...)
	return u
}

// goneFile is a bundle file lingo wrote and no longer writes: that of
// slug in lang, or file, a name in the bundle folder.
type goneFile struct{ lang, slug, file string }

// minus are the files r records that now does not: of a language, or an
// article, no longer there.
func (r record) minus(now record) []goneFile {
	var out []goneFile
	for _, name := range r.Files {
		out = append(out, goneFile{file: name})
	}
	for _, lang := range r.Langs {
		kept := slices.Contains(now.Langs, lang)
		for _, slug := range r.Slugs {
			if _, found := slices.BinarySearch(now.Slugs, slug); !kept || !found {
				out = append(out, goneFile{lang: lang, slug: slug})
			}
		}
	}
	return out
}

// whyGone says why the bundle file f is no longer written.
func (b Bundler) whyGone(f goneFile, now record) string {
	switch {
	case f.file != "":
		return "the bundle is now one file per article: " + Folder + "/<lang>/<article>.<lang>." + format
	case !slices.Contains(now.Langs, f.lang):
		return f.lang + " is not a language of " + filepath.Base(b.Config.Path)
	}
	return "article deleted"
}

// writeRecord writes r as the record, unless it records what was already
// recorded (was).
func (b Bundler) writeRecord(was, r record) error {
	if slices.Equal(was.Langs, r.Langs) && slices.Equal(was.Slugs, r.Slugs) && slices.Equal(was.Files, r.Files) {
		return nil
	}
	f, err := workspace.JSONFile(filepath.Join(b.Config.OutputDir(), recordFile), r)
	if err != nil {
		return err
	}
	_, err = b.WriteAll([]workspace.Pending{f})
	return err
}

// readRecord reads the record, leaving out, with a warning at its line,
// each entry that names no file lingo writes. A record that cannot be
// read records nothing.
func (b Bundler) readRecord() (record, []string) {
	path := filepath.Join(b.Config.OutputDir(), recordFile)
	data, err := os.ReadFile(path)
	var rec record
	if err != nil || json.Unmarshal(data, &rec) != nil {
		return record{}, nil
	}
	var warnings []string
	keep := func(names []string, ok func(string) bool, what string) []string {
		var kept []string
		for _, name := range names {
			if ok(name) {
				kept = append(kept, name)
				continue
			}
			warnings = append(warnings, workspace.Ignored(b.Rel(path), data, name, "not "+what))
		}
		return kept
	}
	rec.Langs = keep(rec.Langs, workspace.IsLang, "a language tag as lingo writes it")
	rec.Slugs = keep(rec.Slugs, workspace.IsSlug, "an article path")
	rec.Files = keep(rec.Files, isOldFile, "a file of the bundle")
	out := newRecord(rec.Langs, rec.Slugs)
	out.Files = rec.Files
	return out, warnings
}

// isOldFile reports whether name is that of a bundle file of one file per
// language, as lingo wrote it before: active.<lang>.toml, no folder.
func isOldFile(name string) bool {
	rest, ok := strings.CutPrefix(name, "active.")
	lang, ok2 := strings.CutSuffix(rest, "."+format)
	return ok && ok2 && workspace.IsLang(lang)
}
