package config

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func write(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadValid(t *testing.T) {
	tests := []struct {
		name, text string
		want       *Config
	}{
		{"defaults", "", Default("en", nil)},
		{"product example", `source    = "en"
languages = ["es", "fr", "de"]
content   = "content"
locales   = "locales"
output    = "out"
format    = "toml"
`, Default("en", []string{"es", "fr", "de"})},
		{"canonical tags", `source = "EN"
languages = ["pt-br", "zh-hant", "en-xa", "ar"]
`, Default("en", []string{"pt-BR", "zh-Hant", "en-XA", "ar"})},
		{"hugo profile", "languages = [\"fr\"]\nprofile = \"hugo\"\n", func() *Config {
			c := Default("en", []string{"fr"})
			c.Profile = "hugo"
			return c
		}()},
		{"lang table in any case", `languages = ["zh-hans", "PT-br"]
[lang.ZH-HANS]
gate = 30
[lang.pt-BR]
min_complete = 50
`, func() *Config {
			c := Default("en", []string{"zh-Hans", "pt-BR"})
			half := 50.0
			c.Lang = map[string]LangSettings{"zh-Hans": {Gate: 30}, "pt-BR": {MinComplete: &half}}
			return c
		}()},
		{"everything", `source = "fr"
languages = []
content = "articles"
locales = "i18n"
output = "public"
format = "yaml"
front_matter = ["title"]
code_shortcodes = []
`, &Config{Source: "fr", Languages: []string{}, Content: "articles", Locales: "i18n", Output: "public", Format: "yaml",
			FrontMatter: []string{"title"}, CodeShortcodes: []string{}, Layout: "dir", LangKey: "lang", Stale: "source",
			DefaultMinComplete: 80, Fallback: "source", PDF: PDF{Paper: "A4"}}},
		{"pdf handouts", "[pdf]\nenabled = true\npaper = \"Letter\"\nuntranslated = true\nchromium = \"/opt/chrome\"\n", func() *Config {
			c := Default("en", nil)
			c.PDF = PDF{Enabled: true, Paper: "Letter", Untranslated: true, Chromium: "/opt/chrome"}
			return c
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, tt.text)
			got, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if got.Path != path || got.Dir != filepath.Dir(path) {
				t.Errorf("Path, Dir = %q, %q; want %q, %q", got.Path, got.Dir, path, filepath.Dir(path))
			}
			got.Path, got.Dir = "", ""
			if len(got.Languages) == 0 && len(tt.want.Languages) == 0 {
				got.Languages, tt.want.Languages = nil, nil
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLoadInvalid(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"word as tag", "source = \"en\"\nlanguages = [\"english\"]\n", `lingo.toml:2:14: invalid language tag "english"`},
		{"posix locale", "source = \"en_US.UTF-8\"\n", `lingo.toml:1:10: invalid language tag "en_US.UTF-8"`},
		{"path", "languages = [\"fr\", \"../x\"]\n", `lingo.toml:1:20: invalid language tag "../x"`},
		{"path suffix", "languages = [\"fr/..\"]\n", `lingo.toml:1:14: invalid language tag "fr/.."`},
		{"space", "source = 'EN US'\n", `lingo.toml:1:10: invalid language tag "EN US"`},
		{"empty", "source = \"\"\n", `lingo.toml:1:10: empty language tag`},
		{"und", "languages = [\n  \"fr\",\n  \"und\",\n]\n", `lingo.toml:3:3: invalid language tag "und": no language`},
		{"unknown region", "languages = [\"zz\"]\n", `lingo.toml:1:14: invalid language tag "zz"`},
		{"source in languages", "source = \"en\"\nlanguages = [\"fr\", \"EN\"]\n", `lingo.toml:2:20: language "EN" is the source language`},
		{"duplicate", "languages = [\"pt-BR\", \"pt-br\"]\n", `lingo.toml:1:23: duplicate language "pt-br"`},
		{"format", "\nformat = \"xml\"\n", `lingo.toml:2:10: invalid format "xml" (want toml, json or yaml)`},
		{"empty folder", "output = \"  \"\n", `lingo.toml:1:10: output must name a folder`},
		{"unknown key", "source = \"en\"\nlanguage = [\"fr\"]\n", `lingo.toml:2:1: unknown key "language"`},
		{"unknown table", "[render]\nhtml = true\n", `lingo.toml:1:2: unknown key "render"`},
		{"wrong type", "languages = \"fr\"\n", `lingo.toml:1:13: languages must be a list of strings`},
		{"wrong element type", "source = 1\n", `lingo.toml:1:10: source must be a string`},
		{"syntax", "source = \"en\nformat = \"toml\"\n", `lingo.toml:1:13: toml: basic strings cannot have new lines`},
		{"empty front matter key", "front_matter = [\"title\", \"\"]\n", `lingo.toml:1:26: empty name in front_matter`},
		{"reading grade too high", "[check]\nlength = [0.5, 2]\nreading_grade = 30\n",
			`lingo.toml:3:17: check.reading_grade = 30: want a school grade from 1 to 20 (NIH asks for patient material below 8), or 0 for no reading-level check`},
		{"reading grade negative", "[check.severity]\nlinks = \"error\"\n[check]\nreading_grade = -1\n",
			`lingo.toml:4:17: check.reading_grade = -1: want a school grade from 1 to 20 (NIH asks for patient material below 8), or 0 for no reading-level check`},
		{"reading grade not a number", "[check]\nreading_grade = \"8\"\n", `lingo.toml:2:17: check.reading_grade must be a number`},
		{"hugo content/en beside output content", "content = \"content/en\"\noutput = \"content\"\n",
			`lingo.toml:2:10: output "content" holds content "content/en": lingo would read its own pages back as articles, and write over (or remove) files it did not write; use a folder beside content, e.g. output = "public"`},
		{"output is content", "languages = [\"fr\"]\noutput = \"content\"\n",
			`lingo.toml:2:10: output "content" is inside content "content": lingo would read its own pages back as articles, and write over (or remove) files it did not write; use a folder beside content, e.g. output = "public"`},
		{"output inside content", "output = \"content/./public/\"\n",
			`lingo.toml:1:10: output "content/./public/" is inside content "content": lingo would read its own pages back as articles, and write over (or remove) files it did not write; use a folder beside content, e.g. output = "public"`},
		{"content is the root", "content = \".\"\n",
			`lingo.toml:1:11: content "." holds locales "locales": lingo would read catalogs as articles, or write catalogs among them; use a folder beside locales, e.g. content = "content"`},
		{"content is the root, spelled out", "content = \"a/..\"\noutput = \"public\"\n",
			`lingo.toml:1:11: content "a/.." holds locales "locales": lingo would read catalogs as articles, or write catalogs among them; use a folder beside locales, e.g. content = "content"`},
		{"output outside", "output = \"..\"\n",
			`lingo.toml:1:10: output ".." is outside the project (the folder of lingo.toml): lingo reads and writes only inside it; use a folder in it, e.g. output = "public"`},
		{"content escapes", "content = \"docs/../../site/content\"\n",
			`lingo.toml:1:11: content "docs/../../site/content" is outside the project (the folder of lingo.toml): lingo reads and writes only inside it; use a folder in it, e.g. content = "content"`},
		{"absolute", "locales = \"/srv/locales\"\n",
			`lingo.toml:1:11: locales "/srv/locales" is absolute: lingo keeps its folders inside the project (the folder of lingo.toml); use a path relative to it, e.g. locales = "locales"`},
		{"locales inside content", "locales = \"content/locales\"\n",
			`lingo.toml:1:11: locales "content/locales" is inside content "content": lingo would read catalogs as articles, or write catalogs among them; use a folder beside content, e.g. locales = "locales"`},
		{"locales inside output", "locales = \"out/locales\"\n",
			`lingo.toml:1:11: locales "out/locales" is inside output "out": rendering would write over (or remove) catalogs, and publish them; use a folder beside output, e.g. locales = "locales"`},
		{"output inside locales", "output = \"locales/out\"\n",
			`lingo.toml:1:10: output "locales/out" is inside locales "locales": rendering would write over (or remove) catalogs, and publish them; use a folder beside locales, e.g. output = "public"`},
		{"output is the root", "output = \".\"\n",
			`lingo.toml:1:10: output "." holds content "content": lingo would read its own pages back as articles, and write over (or remove) files it did not write; use a folder beside content, e.g. output = "public"`},
		{"suggestion taken", "content = \"public\"\noutput = \"public/x\"\n",
			`lingo.toml:2:10: output "public/x" is inside content "public": lingo would read its own pages back as articles, and write over (or remove) files it did not write; use a folder beside content, e.g. output = "out"`},
		{"lang key is a translated field", "front_matter = [\"title\", \"summary\"]\nlang_key = \"title\"\n",
			`lingo.toml:2:12: lang_key "title" is a translated front matter field: rendering would replace each translation's title with its language tag; use a key of its own, e.g. lang_key = "lang", or "" for none`},
		{"lang key is the default field", "lang_key = \"Description\"\n",
			`lingo.toml:1:12: lang_key "Description" is a translated front matter field: rendering would replace each translation's description with its language tag; use a key of its own, e.g. lang_key = "lang", or "" for none`},
		{"lang table of no language", "languages = [\"fr\"]\n[lang.de]\ngate = 10\n",
			`lingo.toml:2:2: [lang.de]: de is not one of the languages [fr]`},
		{"lang table of the source", "languages = [\"fr\"]\n[lang.EN]\ngate = 10\n",
			`lingo.toml:2:2: [lang.EN]: EN is not one of the languages [fr]`},
		{"lang table twice", "languages = [\"pt-BR\"]\n[lang.pt-BR]\ngate = 10\n[lang.pt-br]\ngate = 20\n",
			`lingo.toml:4:2: [lang.pt-br]: language pt-BR has settings already ([lang.pt-BR])`},
		{"lang table not a tag", "languages = [\"fr\"]\n[lang.french]\ngate = 10\n",
			`lingo.toml:2:2: [lang.french]: invalid language tag "french"`},
		{"profile", "languages = [\"fr\"]\nprofile = \"jekyll\"\n", `lingo.toml:2:11: invalid profile "jekyll" (want "hugo", or "" for none)`},
		{"profile in any case", "profile = \"Hugo\"\n", `lingo.toml:1:11: invalid profile "Hugo" (want "hugo", or "" for none)`},
		{"profile not a string", "profile = true\n", `lingo.toml:1:11: profile must be a string`},
		{"pdf paper", "languages = [\"fr\"]\n[pdf]\nenabled = true\npaper = \"a4\"\n", `lingo.toml:4:9: pdf.paper = "a4": want "A4" or "Letter"`},
		{"pdf paper dotted", "pdf.paper = \"A5\"\n", `lingo.toml:1:13: pdf.paper = "A5": want "A4" or "Letter"`},
		{"pdf enabled not a bool", "[pdf]\nenabled = \"yes\"\n", `lingo.toml:2:11: pdf.enabled must be true or false`},
		{"pdf unknown key", "[pdf]\npaper_size = \"A4\"\n", `lingo.toml:2:1: unknown key "pdf.paper_size"`},
		{"lang table value, any case", "languages = [\"zh-Hans\"]\n[lang.zh-hans]\ngate = 101\n",
			`lingo.toml:2:2: [lang.zh-hans] gate = 101: want 0 to 100`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(write(t, tt.text))
			if err == nil {
				t.Fatalf("Load succeeded, want %s", tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is a %T, want *Error", err, err)
			}
			ce.Path = filepath.Base(ce.Path)
			if ce.Error() != tt.want {
				t.Errorf("error:\n got %s\nwant %s", ce, tt.want)
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("error %v does not wrap fs.ErrNotExist", err)
	}
	want := path + " not found: run `lingo init` to create one: open " + path + ": no such file or directory"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
}

func TestParseTag(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"en", "en"}, {"fr", "fr"}, {"pt-BR", "pt-BR"}, {"pt-br", "pt-BR"}, {"zh-Hant", "zh-Hant"},
		{"en-XA", "en-XA"}, {"ar", "ar"}, {"EN", "en"},
	} {
		if got, err := ParseTag(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseTag(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"english", "en_US.UTF-8", "../x", "", "fr/..", "EN US", "und", "und-Latn", "x-foo", "zz", "en\n", "é"} {
		if got, err := ParseTag(in); err == nil {
			t.Errorf("ParseTag(%q) = %q, want an error", in, got)
		}
	}
}

// FolderLang names the language of a locale folder as a tag, and says
// whether it is the project's: the source, a target or a pseudo-locale.
func TestFolderLang(t *testing.T) {
	c := &Config{Source: "en", Languages: []string{"fr", "zh-Hans"}}
	for name, want := range map[string]struct {
		tag string
		ok  bool
	}{
		"fr": {"fr", true}, "FR": {"fr", true}, "en": {"en", true}, "zh-hans": {"zh-Hans", true},
		"en-XA": {"en-XA", true}, "de": {"de", false}, "not a tag": {"", false},
	} {
		if tag, ok := c.FolderLang(name); tag != want.tag || ok != want.ok {
			t.Errorf("FolderLang(%q) = %q, %v; want %q, %v", name, tag, ok, want.tag, want.ok)
		}
	}
}

func TestMarshalGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    *Config
	}{
		{"init", Default("en", nil)},
		{"languages", Default("en", []string{"es", "fr", "pt-BR"})},
		{"quoted", &Config{Source: "fr", Languages: []string{"en"}, Content: `my\docs "x"`, Locales: "it's", Output: "out", Format: "json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.c.Marshal()
			golden := filepath.Join("testdata", tt.name+".toml")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("Marshal differs from %s (run go test -update):\n%s", golden, got)
			}
			// Marshal → Load gives the same configuration back.
			path := write(t, string(got))
			back, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			back.Path, back.Dir = "", ""
			want2 := *tt.c
			if len(want2.Languages) == 0 {
				want2.Languages = back.Languages
			}
			if want2.Layout == "" {
				want2.Layout, want2.LangKey, want2.Stale = back.Layout, back.LangKey, back.Stale
			}
			if want2.Fallback == "" {
				want2.Fallback = back.Fallback
			}
			if want2.PDF.Paper == "" {
				want2.PDF.Paper = back.PDF.Paper
			}
			if want2.FrontMatter == nil {
				want2.FrontMatter = back.FrontMatter
				want2.CodeShortcodes = back.CodeShortcodes
			}
			if !reflect.DeepEqual(back, &want2) {
				t.Errorf("round trip:\n got %+v\nwant %+v", back, &want2)
			}
		})
	}
}

func TestDirs(t *testing.T) {
	root := t.TempDir()
	c := Default("en", nil)
	c.Dir = root
	c.Output = filepath.Join(root, "elsewhere")
	if got, want := c.ContentDir(), filepath.Join(root, "content"); got != want {
		t.Errorf("ContentDir() = %q, want %q", got, want)
	}
	if got, want := c.LocalesDir(), filepath.Join(root, "locales"); got != want {
		t.Errorf("LocalesDir() = %q, want %q", got, want)
	}
	if got, want := c.OutputDir(), filepath.Join(root, "elsewhere"); got != want {
		t.Errorf("OutputDir() = %q, want %q", got, want)
	}
	path := filepath.Join(root, "sub", FileName)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("content = \"./articles/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := loaded.ContentDir(), filepath.Join(root, "sub", "articles"); got != want {
		t.Errorf("ContentDir() of a loaded config = %q, want %q", got, want)
	}
}
