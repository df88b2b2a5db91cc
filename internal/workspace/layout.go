package workspace

import (
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Version is lingo's version; it is part of every output's inputs, so a new
// lingo renders everything again.
const Version = "0.6.0"

// Folder is the project Folder lingo.toml names rel (relative to the
// project root), "" for none: the page words, the check vocabulary.
func (p *Project) Folder(rel string) string {
	if rel == "" {
		return ""
	}
	return filepath.Join(p.Config.Dir, rel)
}

// OutRel is path relative to the output folder, with forward slashes: how
// the manifest names the files it records, so that it moves with the
// folder.
func (p *Project) OutRel(path string) string {
	r, err := filepath.Rel(p.Config.OutputDir(), path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	// A copy, not a slice of path: a build keeps every page's outputs.
	return strings.Clone(filepath.ToSlash(r))
}

// OutPath is the path of rel, relative to the output folder.
func (p *Project) OutPath(rel string) string {
	return filepath.Join(p.Config.OutputDir(), filepath.FromSlash(rel))
}

// ProjectLangs are the source and the target languages of lingo.toml.
func (p *Project) ProjectLangs() []string {
	return append([]string{p.Config.Source}, p.Config.Languages...)
}

// Chain is the fallback Chain of lang: itself, then each parent that is a
// project language, ending at the source (which falls back to its text).
func (p *Project) Chain(lang string) []string {
	out := []string{lang}
	if lang == p.Config.Source {
		return out
	}
	for t := language.Make(lang).Parent(); t != language.Und; t = t.Parent() {
		if s := t.String(); slices.Contains(p.Config.Languages, s) {
			out = append(out, s)
		}
	}
	return out
}

// Outputs lists the files an article has in lang.
func (p *Project) Outputs(lang, slug string, formats []string) []string {
	var out []string
	for _, f := range formats {
		if f == "md" {
			out = append(out, p.MDPath(lang, slug))
		} else {
			out = append(out, p.HTMLPath(lang, slug))
		}
	}
	return out
}

func (p *Project) MDPath(lang, slug string) string {
	if p.Config.Layout == "suffix" {
		return filepath.Join(p.Config.OutputDir(), filepath.FromSlash(slug)+"."+lang+".md")
	}
	return filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(slug)+".md")
}

func (p *Project) HTMLPath(lang, slug string) string {
	return filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(slug)+".html")
}

// PDFPath is the PDF handout of an article in lang, beside its HTML page.
func (p *Project) PDFPath(lang, slug string) string {
	return filepath.Join(p.Config.OutputDir(), lang, filepath.FromSlash(slug)+".pdf")
}

func (p *Project) GlossaryPath() string {
	if p.Config.Glossary == "" || filepath.IsAbs(p.Config.Glossary) {
		return p.Config.Glossary
	}
	return filepath.Join(p.Config.Dir, p.Config.Glossary)
}

// IsTarget reports whether lang is one of the project's target languages.
func (p *Project) IsTarget(lang string) bool {
	for _, l := range p.Config.Languages {
		if l == lang {
			return true
		}
	}
	return false
}
