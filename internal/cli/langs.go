package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/project"
)

// langSet says which languages a command's --lang takes besides the
// project's target languages.
type langSet struct {
	source bool // the source language (render)
	pseudo bool // a pseudo-locale (en-XA, ar-XB) with catalogs (render, check, status)
}

// resolveLangs resolves --lang values (BCP 47 tags in any case, each may be
// a comma-separated list) against the project: none gives every target
// language, after the source where set takes it; a language the project
// does not have is a usage error that names the ones it has. Every command
// with --lang resolves it here, so all of them take and refuse the same.
func resolveLangs(p *project.Project, values []string, set langSet) ([]string, error) {
	langs, err := parseLangs(values)
	if err != nil {
		return nil, err
	}
	cfg := p.Config
	if len(langs) == 0 {
		if set.source {
			return append([]string{cfg.Source}, cfg.Languages...), nil
		}
		return cfg.Languages, nil
	}
	for _, l := range langs {
		if err := knownLang(p, l, set); err != nil {
			return nil, err
		}
	}
	return langs, nil
}

// knownLang reports l, a canonical tag, when set does not take it.
func knownLang(p *project.Project, l string, set langSet) error {
	cfg := p.Config
	switch {
	case slices.Contains(cfg.Languages, l):
		return nil
	case l == cfg.Source && set.source:
		return nil
	case l == cfg.Source:
		return usagef("--lang %s is the source language; the project's languages are %s (lingo.toml)", l, list(cfg.Languages))
	case set.pseudo && check.IsPseudo(l):
		dir := filepath.Join(cfg.LocalesDir(), l)
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return nil
		}
		return usagef("--lang %s: a pseudo-locale without catalogs (%s); run `lingo pseudo --lang %s` first", l, filepath.ToSlash(p.Rel(dir)), l)
	}
	also := ""
	if set.pseudo {
		also = ", or a pseudo-locale `lingo pseudo` filled (en-XA)"
	}
	return usagef("--lang %s: not one of the project's languages %s (lingo.toml)%s", l, list(cfg.Languages), also)
}

// list shows tags as lingo.toml lists them.
func list(tags []string) string {
	return "[" + strings.Join(tags, ", ") + "]"
}
