package project_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// TestCatalogsLoadInGoI18n extracts the repo's own content in every format,
// with a pseudo-locale, and loads each file with go-i18n's own Bundle: the
// tag comes from the file name and every message localizes to its text.
func TestCatalogsLoadInGoI18n(t *testing.T) {
	for _, format := range []string{"toml", "json", "yaml"} {
		t.Run(format, func(t *testing.T) {
			cfg := config.Default("en", nil)
			cfg.Dir = t.TempDir()
			cfg.Content, _ = filepath.Abs("../../content")
			cfg.Format = format
			p := project.New(cfg)
			if _, err := p.Extract(); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Pseudo("en-XA"); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil {
				t.Fatal(err)
			}
			arts, err := p.LoadAll()
			if err != nil || len(arts) == 0 {
				t.Fatalf("articles: %v (%d)", err, len(arts))
			}
			for _, a := range arts {
				bundle := i18n.NewBundle(language.English)
				for ext, fn := range catalog.UnmarshalFuncs() {
					bundle.RegisterUnmarshalFunc(ext, fn)
				}
				mf, err := bundle.LoadMessageFile(p.CatalogPath("fr", a.Slug))
				if err != nil || mf.Tag != language.French || len(mf.Messages) != len(a.IDs) {
					t.Fatalf("go-i18n loads the untranslated fr catalog as %v with %d messages (%v)", mf.Tag, len(mf.Messages), err)
				}
			}
			for _, lang := range []string{"en", "en-XA"} {
				bundle := i18n.NewBundle(language.English)
				for ext, fn := range catalog.UnmarshalFuncs() {
					bundle.RegisterUnmarshalFunc(ext, fn)
				}
				for _, a := range arts {
					path := p.CatalogPath(lang, a.Slug)
					if _, err := bundle.LoadMessageFile(path); err != nil {
						t.Fatalf("go-i18n cannot load %s: %v", path, err)
					}
					c, err := p.ReadCatalog(lang, a.Slug)
					if err != nil {
						t.Fatal(err)
					}
					loc := i18n.NewLocalizer(bundle, lang)
					for _, e := range c.Entries {
						got, tag, err := loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: e.ID})
						if err != nil || got != e.Other || tag != language.Make(lang) {
							t.Errorf("%s %s: go-i18n gives %q (%v, %v), want %q in %s", path, e.ID, got, tag, err, e.Other, lang)
						}
					}
				}
			}
		})
	}
}

// TestRepoCatalogsCurrent checks that the committed source catalogs are
// what extract writes for the committed content.
func TestRepoCatalogsCurrent(t *testing.T) {
	p, err := project.Open("../../lingo.toml")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := p.LoadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		want, err := catalog.Marshal(p.SourceCatalog(a), p.Config.Format)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(p.CatalogPath(p.Config.Source, a.Slug))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: source catalog is out of date; run lingo extract (%v)", a.Slug, err)
		}
	}
}

// TestRepoStatus checks the repo's own translations: Spanish, French and
// German complete and current, Arabic at least half done.
func TestRepoStatus(t *testing.T) {
	p, err := project.Open("../../lingo.toml")
	if err != nil {
		t.Fatal(err)
	}
	stats, err := p.Status(p.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]project.Stats{}
	for _, s := range stats {
		got[s.Lang] = s
	}
	for _, lang := range []string{"es", "fr", "de"} {
		if s := got[lang]; s.Percent != 100 || s.Messages == 0 {
			t.Errorf("%s: %+v, want 100%% translated", lang, s)
		}
	}
	if s := got["ar"]; s.Percent < 50 || s.Percent >= 100 || s.Stale != 0 {
		t.Errorf("ar: %+v, want partly translated, nothing stale", s)
	}
}
