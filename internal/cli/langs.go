package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/urfave/cli/v2"
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

// langFlag is --lang of a command that takes several languages: repeatable
// (--lang fr --lang es) or a comma-separated list (--lang fr,es), or both.
func langFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "lang", Usage: "only language `L` (repeatable, or comma-separated)"}
}

// langsRequired is langFlag for a command that needs at least one language.
func langsRequired() cli.Flag {
	return &cli.StringSliceFlag{Name: "lang", Required: true, Usage: "language `L` (repeatable, or comma-separated)"}
}

// oneLangFlag is --lang of a command that works on one language at a
// time. It is read as every --lang is (langFlag), so that a second language
// is refused in plain words (resolveOneLang) instead of one of them being
// dropped unseen.
func oneLangFlag(required bool) cli.Flag {
	return &cli.StringSliceFlag{Name: "lang", Required: required, Usage: "language `L` (one)"}
}

// resolveOneLang resolves the --lang values of command, which works on one
// language: none gives "" (for a default), more than one is a usage error
// that says to run command once per language.
func resolveOneLang(p *project.Project, command string, values []string, set langSet) (string, error) {
	langs, err := parseLangs(values)
	if err != nil {
		return "", err
	}
	switch len(langs) {
	case 0:
		return "", nil
	case 1:
	default:
		return "", usagef("--lang %s: %s takes one language; run it once per language", strings.Join(langs, ","), command)
	}
	if p == nil {
		return langs[0], nil
	}
	if _, err := resolveLangs(p, langs, set); err != nil {
		return "", err
	}
	return langs[0], nil
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
