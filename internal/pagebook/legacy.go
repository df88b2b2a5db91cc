package pagebook

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// The manifest is an input like any other: anyone who can edit the output
// folder (a pull request, where out/ is committed) can edit it. Its files
// are the only ones publishing removes, so an entry is kept only when it
// names a page lingo writes: a language tag as lingo spells it, a clean
// article path, and outputs named as lingo names that page's files.

// manifest is the record of an older lingo: every page of the last runs,
// by "<lang> <slug>", in one JSON file.
type manifest struct {
	Version     string            `json:"version"`
	Pages       map[string]Record `json:"pages"`
	IndexPages  map[string]string `json:"index_pages,omitempty"`
	IndexInputs string            `json:"index_inputs,omitempty"`
}

// manifestFile is its file, in the output folder.
const manifestFile = ".lingo-build.json"

// readManifest reads the manifest of the output folder dir, keeping only
// the pages and files lingo writes, and a warning at its line for each
// entry left out.
func readManifest(dir string, files Files) (manifest, []string) {
	file := filepath.Join(dir, manifestFile)
	data, err := os.ReadFile(file)
	if err != nil {
		return manifest{}, nil
	}
	return parseManifest(files.Rel(file), data)
}

// parseManifest parses the manifest data of the file named name, keeping
// only the pages and files lingo writes (a damaged manifest is an empty
// one), with a warning at its line for each entry left out.
func parseManifest(name string, data []byte) (manifest, []string) {
	var m manifest
	if json.Unmarshal(data, &m) != nil {
		return manifest{}, nil
	}
	var warnings []string
	warn := func(s, why string) {
		warnings = append(warnings, workspace.Ignored(name, data, s, why))
	}
	for key, rec := range m.Pages {
		lang, slug := splitKey(key)
		if rec, ok := ownPage(lang, slug, rec, warn); ok {
			m.Pages[key] = rec
		} else {
			delete(m.Pages, key)
		}
	}
	slices.Sort(warnings)
	return m, warnings
}

// ownPage is rec, the record of the page of slug in lang, less the files
// that are not that page's; false when lang and slug name no page lingo
// writes. warn is told of each entry left out.
func ownPage(lang, slug string, rec Record, warn func(entry, why string)) (Record, bool) {
	key := lang + " " + slug
	if why := pageProblem(lang, slug); why != "" {
		warn(key, why)
		return Record{}, false
	}
	own := ownOutputs(lang, slug)
	kept := rec.Outputs[:0:0]
	for _, out := range rec.Outputs {
		if slices.Contains(own, out) {
			kept = append(kept, out)
		} else {
			warn(out, "not a file of the page "+key)
		}
	}
	rec.Outputs = kept
	return rec, true
}

// pageProblem says why lang and slug, from a manifest key, name no page
// lingo writes; "" when they do.
func pageProblem(lang, slug string) string {
	if !workspace.IsLang(lang) {
		return "not a language tag as lingo writes it"
	}
	if !workspace.IsSlug(slug) {
		return "not an article path"
	}
	return ""
}

// ownOutputs are the names, relative to the output folder, lingo gives the
// files of an article's page in lang, in every layout and format, and
// in the Hugo tree.
func ownOutputs(lang, slug string) []string {
	return []string{lang + "/" + slug + ".md", slug + "." + lang + ".md", lang + "/" + slug + ".html", lang + "/" + slug + ".pdf", HugoRel(lang, slug)}
}

// HugoDir is the root of the Hugo tree in the output folder.
const HugoDir = "hugo"

// HugoRel is the path of an article's Hugo page in lang, relative to the
// output folder.
func HugoRel(lang, slug string) string {
	return HugoDir + "/content/" + lang + "/" + slug + ".md"
}

// splitKey splits a manifest key into its language and slug.
func splitKey(key string) (string, string) {
	lang, slug, _ := strings.Cut(key, " ")
	return lang, slug
}
