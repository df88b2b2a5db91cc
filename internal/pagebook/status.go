package pagebook

import (
	"path/filepath"
	"strings"
)

// StatusFile is the status page, relative to the output folder, and
// StatusDir the folder of its sections' pages.
const (
	StatusFile = "status.html"
	StatusDir  = "status"
)

// StatusOf is the status page with slug's row, relative to the output
// folder: its section's (its first folder's) page, or for an article
// outside any folder the status page.
func StatusOf(slug string) string {
	if section, _, ok := strings.Cut(slug, "/"); ok {
		return StatusDir + "/" + section + ".html"
	}
	return StatusFile
}

// SectionName is the name of the section whose status page is rel.
func SectionName(rel string) string {
	return strings.TrimSuffix(strings.TrimPrefix(rel, StatusDir+"/"), ".html")
}

// IsSectionPage reports whether rel, a path relative to the output
// folder a record names, is a section's status page: only such a page,
// of the pages a last run recorded, is removed once no article is in it.
func IsSectionPage(rel string) bool {
	name, ok := strings.CutPrefix(rel, StatusDir+"/")
	return ok && strings.HasSuffix(name, ".html") && !strings.ContainsAny(name, "/\\") && filepath.IsLocal(name)
}
