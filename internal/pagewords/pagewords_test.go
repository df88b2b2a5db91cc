package pagewords

import (
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
)

// embeddedLangs are the languages of the embedded message files.
var embeddedLangs = []string{"en", "es", "fr", "de", "ar"}

// messages calls every method of Page that returns a message, by message ID.
var messages = []struct {
	id   string
	call func(*Page) string
}{
	{idNotTranslated, func(p *Page) string { return p.NotTranslated("en") }},
	{idPassages, func(p *Page) string { return p.Passages(3, "en") }},
	{idArticles, (*Page).Articles},
	{idLanguages, (*Page).Languages},
	{idInSource, func(p *Page) string { return p.InSource("en") }},
	{idStatus, (*Page).Status},
	{idReading, func(p *Page) string { return p.Reading("8.1", "64.2", "Flesch–Kincaid") }},
	{idSentences, func(p *Page) string { return p.SentenceLength("17.1") }},
	{idDrafts, func(p *Page) string { return p.Drafts(3) }},
	{idPageOf, func(p *Page) string { return p.PageOf("{page}", "{pages}") }},
	{idSourceVersion, func(p *Page) string { return p.SourceVersion("3f2a9c1e0b7d") }},
	{idUpdating, func(p *Page) string { return p.Updating("en") }},
	{idMarked, func(p *Page) string { return p.Marked("en") }},
	{idMarkTitle, func(p *Page) string { return p.MarkTitle("en") }},
}

// sameAsEnglish are the words that are rightly spelt as in English.
var sameAsEnglish = map[string]bool{
	"fr/" + idArticles: true, // « Articles »
}

func mustNew(t *testing.T, dirs ...string) *Words {
	t.Helper()
	w, err := New(dirs...)
	if err != nil {
		t.Fatalf("New(%q): %v", dirs, err)
	}
	return w
}

// writeFiles makes a directory with files (name → content) and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestEveryLanguageHasEveryMessage(t *testing.T) {
	w := mustNew(t)
	if got := w.Langs(); got[0] != "en" || !sameSet(got, embeddedLangs) {
		t.Errorf("Langs() = %q, want en first, then the rest of %q", got, embeddedLangs)
	}
	en := w.For("en")
	for _, lang := range embeddedLangs {
		p := w.For(lang)
		if p.Lang() != lang {
			t.Errorf("For(%q).Lang() = %q", lang, p.Lang())
		}
		for _, m := range messages {
			got := m.call(p)
			if strings.TrimSpace(got) == "" || strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
				t.Errorf("%s %s = %q", lang, m.id, got)
			}
			// The text comes from the language's own file, not English.
			if _, tag := p.lookup(m.id, p.data("en"), countFor(m.id)); tag != language.Make(lang) {
				t.Errorf("%s %s comes from %v", lang, m.id, tag)
			}
			if english := m.call(en); lang != "en" && got == english && !sameAsEnglish[lang+"/"+m.id] {
				t.Errorf("%s %s = %q, the same as English", lang, m.id, got)
			}
		}
	}
}

func countFor(id string) any {
	if id == idPassages || id == idDrafts {
		return 3
	}
	return nil
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

func TestTexts(t *testing.T) {
	w := mustNew(t)
	for _, tc := range []struct {
		lang string
		call func(*Page) string
		want string
	}{
		{"en", func(p *Page) string { return p.NotTranslated("en") }, "This article is not yet translated into English: it is shown in English."},
		{"en", func(p *Page) string { return p.InSource("fr") }, "(in French)"},
		{"en", (*Page).Articles, "Articles"},
		{"en", (*Page).Languages, "Languages"},
		{"en", (*Page).Status, "Translation status"},
		{"fr", func(p *Page) string { return p.NotTranslated("en") }, "Cet article n’est pas encore traduit en français\u00a0: il est affiché en anglais."},
		{"fr", func(p *Page) string { return p.InSource("en") }, "(en anglais)"},
		{"fr", (*Page).Languages, "Langues"},
		{"fr", (*Page).Status, "État des traductions"},
		{"fr-CA", func(p *Page) string { return p.NotTranslated("en") }, "Cet article n’est pas encore traduit en français canadien\u00a0: il est affiché en anglais."},
		{"es", func(p *Page) string { return p.NotTranslated("en") }, "Este artículo aún no está traducido al español: se muestra en inglés."},
		{"es", func(p *Page) string { return p.InSource("de") }, "(en alemán)"},
		{"de", func(p *Page) string { return p.NotTranslated("en") }, "Dieser Artikel ist noch nicht auf Deutsch verfügbar und wird deshalb auf Englisch angezeigt."},
		{"de", func(p *Page) string { return p.InSource("en") }, "(auf Englisch)"},
		{"de", (*Page).Articles, "Artikel"},
		{"ar", func(p *Page) string { return p.NotTranslated("en") }, "لم تُترجم هذه المقالة إلى اللغة العربية بعد، ولذلك تُعرض باللغة الإنجليزية."},
		{"ar", func(p *Page) string { return p.InSource("en") }, "(باللغة الإنجليزية)"},
		{"ar", (*Page).Articles, "المقالات"},
		{"en", func(p *Page) string { return p.PageOf("2", "5") }, "Page 2 of 5"},
		{"de", func(p *Page) string { return p.PageOf("2", "5") }, "Seite 2 von 5"},
		{"ar", func(p *Page) string { return p.PageOf("{page}", "{pages}") }, "صفحة {page} من {pages}"},
		{"fr", func(p *Page) string { return p.SourceVersion("3f2a9c1e0b7d") }, "Établi d’après la version 3f2a9c1e0b7d de l’original"},
		// A reader whose language has no words reads English, and the
		// notice names their language.
		{"it", func(p *Page) string { return p.NotTranslated("en") }, "This article is not yet translated into Italian: it is shown in English."},
		{"xx", func(p *Page) string { return p.NotTranslated("fr") }, "This article is not yet translated into xx: it is shown in French."},
		{"", func(p *Page) string { return p.NotTranslated("fr") }, "This article is not yet translated into English: it is shown in French."},
	} {
		if got := tc.call(w.For(tc.lang)); got != tc.want {
			t.Errorf("For(%q): got\n\t%q\nwant\n\t%q", tc.lang, got, tc.want)
		}
	}
}

func TestPassagesPlural(t *testing.T) {
	w := mustNew(t)
	pages := map[string]*Page{}
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 passage of this page is shown in English, because its translation is not ready yet."},
		{"en", 3, "3 passages of this page are shown in English, because their translation is not ready yet."},
		{"en", 0, "0 passages of this page are shown in English, because their translation is not ready yet."},
		// French CLDR: 0 and 1 are "one", round millions "many".
		{"fr", 0, "0 passage de cette page est affiché en anglais, car sa traduction n’est pas encore prête."},
		{"fr", 1, "1 passage de cette page est affiché en anglais, car sa traduction n’est pas encore prête."},
		{"fr", 3, "3 passages de cette page sont affichés en anglais, car leur traduction n’est pas encore prête."},
		{"fr", 1000000, "1000000 de passages de cette page sont affichés en anglais, car leur traduction n’est pas encore prête."},
		{"fr", 1000001, "1000001 passages de cette page sont affichés en anglais, car leur traduction n’est pas encore prête."},
		// Spanish CLDR: only 1 is "one", round millions "many".
		{"es", 0, "0 fragmentos de esta página se muestran en inglés porque su traducción aún no está lista."},
		{"es", 1, "1 fragmento de esta página se muestra en inglés porque su traducción aún no está lista."},
		{"es", 2, "2 fragmentos de esta página se muestran en inglés porque su traducción aún no está lista."},
		{"es", 2000000, "2000000 de fragmentos de esta página se muestran en inglés porque su traducción aún no está lista."},
		{"de", 1, "1 Abschnitt dieser Seite wird auf Englisch angezeigt, weil die Übersetzung noch nicht fertig ist."},
		{"de", 3, "3 Abschnitte dieser Seite werden auf Englisch angezeigt, weil die Übersetzung noch nicht fertig ist."},
		// Arabic CLDR: zero, one, two, few (n%100 in 3..10), many (n%100
		// in 11..99), other.
		{"ar", 0, "لا يُعرض أي مقطع من هذه الصفحة باللغة الإنجليزية."},
		{"ar", 1, "يُعرض مقطع واحد من هذه الصفحة باللغة الإنجليزية لأن ترجمته لم تكتمل بعد."},
		{"ar", 2, "يُعرض مقطعان من هذه الصفحة باللغة الإنجليزية لأن ترجمتهما لم تكتمل بعد."},
		{"ar", 3, "يُعرض 3 مقاطع من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 10, "يُعرض 10 مقاطع من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 11, "يُعرض 11 مقطعًا من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 99, "يُعرض 99 مقطعًا من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 100, "يُعرض 100 مقطع من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 103, "يُعرض 103 مقاطع من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
		{"ar", 111, "يُعرض 111 مقطعًا من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد."},
	} {
		if pages[tc.lang] == nil {
			pages[tc.lang] = w.For(tc.lang)
		}
		for range 2 { // one page per language, asked twice: each count its own text
			if got := pages[tc.lang].Passages(tc.n, "en"); got != tc.want {
				t.Errorf("For(%q).Passages(%d): got\n\t%q\nwant\n\t%q", tc.lang, tc.n, got, tc.want)
			}
		}
	}

	// Arabic: six counts, six forms.
	ar := w.For("ar")
	seen := map[string]int{}
	for _, n := range []int{0, 1, 2, 3, 11, 100} {
		text := ar.Passages(n, "en")
		if m, ok := seen[text]; ok {
			t.Errorf("ar: Passages(%d) = Passages(%d) = %q", n, m, text)
		}
		seen[text] = n
	}
}

// cldrForms are the plural categories of CLDR (as of go-i18n v2.7.0, CLDR
// 4x: French and Spanish have "many" for round millions) for the embedded
// languages.
var cldrForms = map[string][]string{
	"en": {"one", "other"},
	"de": {"one", "other"},
	"es": {"one", "many", "other"},
	"fr": {"one", "many", "other"},
	"ar": {"zero", "one", "two", "few", "many", "other"},
}

// forms returns the plural forms that m defines.
func forms(m *i18n.Message) []string {
	var f []string
	for _, x := range []struct {
		name, text string
	}{{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other}} {
		if x.text != "" {
			f = append(f, x.name)
		}
	}
	return f
}

// TestMessageFiles checks each embedded file against English: the same
// message IDs, and for the plural message exactly the CLDR forms of its
// language, which go-i18n's rules all pick and no more.
func TestMessageFiles(t *testing.T) {
	entries, err := fs.ReadDir(locales, localesDir)
	if err != nil {
		t.Fatal(err)
	}
	unmarshal := map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal}
	files := map[string]*i18n.MessageFile{}
	for _, e := range entries {
		name := path.Join(localesDir, e.Name())
		buf, err := locales.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := i18n.ParseMessageFileBytes(buf, name, unmarshal)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := "locales/active." + f.Tag.String() + ".toml"; name != want {
			t.Errorf("%s: language %v, want the file named %s", name, f.Tag, want)
		}
		files[f.Tag.String()] = f
	}
	var langs []string
	for l := range files {
		langs = append(langs, l)
	}
	if !sameSet(langs, embeddedLangs) {
		t.Fatalf("embedded languages %q, want %q", langs, embeddedLangs)
	}

	ids := func(f *i18n.MessageFile) []string {
		var s []string
		for _, m := range f.Messages {
			s = append(s, m.ID)
		}
		sort.Strings(s)
		return s
	}
	wantIDs := ids(files["en"])
	var methodIDs []string
	for _, m := range messages {
		methodIDs = append(methodIDs, m.id)
	}
	if !sameSet(wantIDs, methodIDs) {
		t.Errorf("active.en.toml has %q, Page's methods use %q", wantIDs, methodIDs)
	}
	for _, m := range files["en"].Messages {
		if m.Description == "" {
			t.Errorf("active.en.toml: %s has no description for translators", m.ID)
		}
	}

	w := mustNew(t)
	for _, lang := range embeddedLangs {
		f := files[lang]
		if got := ids(f); !slices.Equal(got, wantIDs) {
			t.Errorf("active.%s.toml has %q, want %q (as active.en.toml)", lang, got, wantIDs)
		}
		for _, m := range f.Messages {
			want := []string{"other"}
			if m.ID == idPassages || m.ID == idDrafts {
				want = cldrForms[lang]
			}
			if got := forms(m); !slices.Equal(got, want) {
				t.Errorf("active.%s.toml: %s has forms %q, want %q", lang, m.ID, got, want)
			}
		}

		// go-i18n's own plural rules: every count finds its form (no
		// error), and between them the counts use every form defined.
		loc := w.localizers[language.Make(lang)]
		texts := map[string]bool{}
		counts := []int{1000000, 2000000, 1000001, 1100000, 10000000}
		for n := range 1100 {
			counts = append(counts, n)
		}
		for _, n := range counts {
			text, err := loc.Localize(&i18n.LocalizeConfig{
				MessageID:    idPassages,
				TemplateData: map[string]any{"Count": n, "Source": "English"},
				PluralCount:  n,
			})
			if err != nil || text == "" {
				t.Errorf("%s: Passages(%d) = %q, %v", lang, n, text, err)
				continue
			}
			texts[strings.ReplaceAll(text, strconv.Itoa(n), "#")] = true
		}
		if len(texts) != len(cldrForms[lang]) {
			t.Errorf("%s: the counts give %d texts, want one per form %q:\n%s", lang, len(texts), cldrForms[lang], strings.Join(slices.Sorted(maps.Keys(texts)), "\n"))
		}
	}
}

func TestFor(t *testing.T) {
	w := mustNew(t)
	for _, tc := range []struct{ in, lang, requested string }{
		{"en", "en", "en"},
		{"fr", "fr", "fr"},
		{"fr-CA", "fr", "fr-CA"},
		{"fr-ca", "fr", "fr-CA"},
		{"fr_CA", "fr", "fr-CA"},
		{"es-MX", "es", "es-MX"},
		{"es-419", "es", "es-419"},
		{"de-AT", "de", "de-AT"},
		{"de-CH", "de", "de-CH"},
		{"ar-EG", "ar", "ar-EG"},
		{"ar-SA", "ar", "ar-SA"},
		{"en-GB", "en", "en-GB"},
		{"xx", "en", "xx"},
		{"it", "en", "it"},
		{"pt-BR", "en", "pt-BR"},
		// As go-i18n's Localizer with [lang, "en"]: a related language
		// (Galician ~ Spanish, Breton ~ French) still gets English.
		{"gl", "en", "gl"},
		{"br", "en", "br"},
		{"und", "en", "und"},
		{"", "en", ""},
		{"  ", "en", ""},
		{"!!", "en", "!!"},
		{"x-private", "en", "x-private"},
	} {
		p := w.For(tc.in)
		if p.Lang() != tc.lang || p.Requested() != tc.requested {
			t.Errorf("For(%q): Lang() = %q, Requested() = %q; want %q, %q", tc.in, p.Lang(), p.Requested(), tc.lang, tc.requested)
		}
		if tc.lang == "en" {
			if got := p.Articles(); got != "Articles" {
				t.Errorf("For(%q).Articles() = %q, want English", tc.in, got)
			}
		}
	}
}

func TestLanguageName(t *testing.T) {
	w := mustNew(t)
	for _, tc := range []struct{ lang, tag, want string }{
		{"fr", "en", "anglais"},
		{"de", "en", "Englisch"},
		{"es", "en", "inglés"},
		{"ar", "en", "الإنجليزية"},
		{"en", "en", "English"},
		{"fr", "fr", "français"},
		{"fr", "ar", "arabe"},
		{"fr-CA", "en", "anglais"},
		{"de", "fr-CA", "Kanadisches Französisch"},
		{"xx", "de", "German"},
		{"fr", "xx", "xx"},
		{"fr", "", ""},
		{"fr", "not a tag", "not a tag"},
	} {
		if got := w.For(tc.lang).LanguageName(tc.tag); got != tc.want {
			t.Errorf("For(%q).LanguageName(%q) = %q, want %q", tc.lang, tc.tag, got, tc.want)
		}
	}
	// A page language that x/text has no names in: the language's own name.
	p := w.For("fr")
	p.namer = nil
	if got := p.LanguageName("de"); got != "Deutsch" {
		t.Errorf("without names: LanguageName(de) = %q, want Deutsch", got)
	}
}

func TestOverride(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"active.fr.toml": "[Articles]\nother = \"Nos articles\"\n",
		"active.it.toml": `
[NotTranslated]
other = "Questo articolo non è ancora tradotto in {{.Language}}: è mostrato in {{.Source}}."

[Passages]
one = "{{.Count}} passaggio di questa pagina è mostrato in {{.Source}}."
many = "{{.Count}} di passaggi di questa pagina sono mostrati in {{.Source}}."
other = "{{.Count}} passaggi di questa pagina sono mostrati in {{.Source}}."

[Articles]
other = "Articoli"
`,
		"fr-CA.json":        `{"Languages": "Langues du Canada"}`,
		"active.en-GB.toml": "[Status]\nother = \"Translation status (UK)\"\n",
		"active.de.yaml":    "Status: Übersetzungsstand\n",
		"README.md":         "not a message file",
		".#active.fr.toml":  "[Articles]\nother = \"an editor's lock file\"\n",
	})
	if err := os.Mkdir(filepath.Join(dir, "sub.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	w := mustNew(t, dir, filepath.Join(dir, "missing"))

	for _, tc := range []struct {
		lang string
		call func(*Page) string
		want string
	}{
		// Replaced in French, the rest of French stays.
		{"fr", (*Page).Articles, "Nos articles"},
		{"fr", (*Page).Languages, "Langues"},
		{"fr", (*Page).Status, "État des traductions"},
		{"en", (*Page).Articles, "Articles"},
		// Italian added; what it lacks is English.
		{"it", (*Page).Articles, "Articoli"},
		{"it", func(p *Page) string { return p.NotTranslated("en") }, "Questo articolo non è ancora tradotto in italiano: è mostrato in inglese."},
		{"it", func(p *Page) string { return p.Passages(1, "en") }, "1 passaggio di questa pagina è mostrato in inglese."},
		{"it", func(p *Page) string { return p.Passages(2, "en") }, "2 passaggi di questa pagina sono mostrati in inglese."},
		{"it", (*Page).Status, "Translation status"},
		{"it-CH", (*Page).Articles, "Articoli"},
		// Canadian French added: what it lacks is French, then English.
		{"fr-CA", (*Page).Languages, "Langues du Canada"},
		{"fr-CA", (*Page).Articles, "Nos articles"},
		{"fr-CA", func(p *Page) string { return p.InSource("en") }, "(en anglais)"},
		{"en-GB", (*Page).Status, "Translation status (UK)"},
		{"en-GB", (*Page).Articles, "Articles"},
		{"en-US", (*Page).Status, "Translation status"},
		// YAML.
		{"de", (*Page).Status, "Übersetzungsstand"},
		{"de", (*Page).Articles, "Artikel"},
	} {
		if got := tc.call(w.For(tc.lang)); got != tc.want {
			t.Errorf("For(%q): got %q, want %q", tc.lang, got, tc.want)
		}
	}
	for lang, want := range map[string]string{"it": "it", "it-CH": "it", "fr-CA": "fr-CA", "fr-BE": "fr", "en-GB": "en-GB", "en-AU": "en-GB", "en-US": "en"} {
		if got := w.For(lang).Lang(); got != want {
			t.Errorf("For(%q).Lang() = %q, want %q", lang, got, want)
		}
	}

	// A later directory replaces an earlier one; the embedded words stay
	// as they were for a Words without directories.
	later := writeFiles(t, map[string]string{"active.fr.toml": "[Articles]\nother = \"Les articles\"\n"})
	if got := mustNew(t, dir, later).For("fr").Articles(); got != "Les articles" {
		t.Errorf("two dirs: fr Articles = %q, want the later dir's", got)
	}
	if got := mustNew(t).For("fr").Articles(); got != "Articles" {
		t.Errorf("no dirs: fr Articles = %q", got)
	}
}

// TestBrokenOverride: a project's message that go-i18n loads but cannot use
// falls back rather than giving an empty or English text where it can.
func TestBrokenOverride(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		// Plural form missing: go-i18n's "other" in French.
		"active.fr.toml": "[Passages]\nother = \"{{.Count}} passages en {{.Source}}\"\n\n[Articles]\nother = \"{{.Broken\"\n",
		// Blank, and a template that does not parse: the embedded English.
		"active.en.toml": "[Status]\nother = \"  \"\n\n[Languages]\nother = \"{{if}}\"\n",
	})
	w := mustNew(t, dir)
	for _, tc := range []struct {
		lang string
		call func(*Page) string
		want string
	}{
		{"fr", func(p *Page) string { return p.Passages(1, "en") }, "1 passages en anglais"},
		{"fr", (*Page).Articles, "Articles"},
		{"fr", (*Page).Languages, "Langues"},
		{"en", (*Page).Status, "Translation status"},
		{"en", (*Page).Languages, "Languages"},
		{"es", (*Page).Status, "Estado de las traducciones"},
	} {
		if got := tc.call(w.For(tc.lang)); got != tc.want {
			t.Errorf("For(%q): got %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestMalformed(t *testing.T) {
	for name, content := range map[string]string{
		"active.fr.toml": "[Articles\nother = ",
		"active.es.json": `{"Articles": `,
		"active.de.yaml": "Articles: [unclosed\n",
		"active.ar.toml": "Articles = 3\n",
		"notes.toml":     "[Articles]\nother = \"x\"\n", // no language
	} {
		dir := writeFiles(t, map[string]string{name: content, "active.it.toml": "[Articles]\nother = \"Articoli\"\n"})
		w, err := New(dir)
		file := filepath.ToSlash(filepath.Join(dir, name))
		if err == nil {
			t.Errorf("%s: New gave no error (%v)", name, w.Langs())
			continue
		}
		if !strings.HasPrefix(err.Error(), file+": ") {
			t.Errorf("%s: error %q does not start with %q", name, err, file+": ")
		}
		t.Logf("%s: %v", name, err)
	}

	// A dir that is a file is an error too; a missing one is not.
	dir := writeFiles(t, map[string]string{"file": "x"})
	if _, err := New(filepath.Join(dir, "file")); err == nil || !strings.Contains(err.Error(), "file") {
		t.Errorf("New(a file) = %v, want an error naming it", err)
	}
	if _, err := New(filepath.Join(dir, "missing"), ""); err != nil {
		t.Errorf("New(missing dirs) = %v", err)
	}
}

// TestNeverEmpty: odd input gives text, never a panic or an empty string.
func TestNeverEmpty(t *testing.T) {
	w := mustNew(t)
	for _, lang := range []string{"", " ", "und", "xx", "!!", "x-foo", "zz-Latn", "en-US-u-nu-arab", "ar", "fr", "zh-Hant-TW", strings.Repeat("a", 1000)} {
		p := w.For(lang)
		for _, source := range []string{"en", "", "xx", "?"} {
			for _, n := range []int{-1, 0, 1, 2, math.MaxInt, math.MinInt} {
				for _, text := range []string{p.NotTranslated(source), p.Passages(n, source), p.InSource(source), p.Articles(), p.Languages(), p.Status()} {
					if strings.TrimSpace(text) == "" {
						t.Errorf("For(%q), source %q, n %d: empty text", lang, source, n)
					}
				}
			}
		}
	}
}

func TestConcurrent(t *testing.T) {
	w := mustNew(t)
	var wg sync.WaitGroup
	results := make([][]string, 8)
	for g := range results {
		wg.Go(func() {
			for i := range 50 {
				p := w.For(embeddedLangs[(g+i)%len(embeddedLangs)])
				results[g] = append(results[g], p.NotTranslated("en"), p.Passages(i, "fr"), p.Status())
			}
		})
	}
	wg.Wait()
	for g, r := range results {
		if len(r) != 150 {
			t.Errorf("goroutine %d: %d results", g, len(r))
		}
	}
}

func ExamplePage_Passages() {
	words, err := New()
	if err != nil {
		panic(err)
	}
	for _, lang := range []string{"en", "de"} {
		for _, n := range []int{1, 4} {
			fmt.Println(words.For(lang).Passages(n, "fr"))
		}
	}
	// Output:
	// 1 passage of this page is shown in French, because its translation is not ready yet.
	// 4 passages of this page are shown in French, because their translation is not ready yet.
	// 1 Abschnitt dieser Seite wird auf Französisch angezeigt, weil die Übersetzung noch nicht fertig ist.
	// 4 Abschnitte dieser Seite werden auf Französisch angezeigt, weil die Übersetzung noch nicht fertig ist.
}

// TestFilled: a message filled in through markers (the reading level and
// sentence length of the status page's cells) reads as the message
// localized with its values, in every language, value after value on one
// page.
func TestFilled(t *testing.T) {
	w := mustNew(t)
	for _, lang := range []string{"en", "fr", "es", "de", "ar", "it"} {
		p := w.For(lang)
		for _, v := range [][3]string{{"8.1", "64.2", "Flesch–Kincaid"}, {"15.3", "19.5", "Fernández Huerta"}, {"8.1", "64.2", "Flesch–Kincaid"}} {
			data := p.data("")
			data["Grade"], data["Ease"], data["Formula"] = v[0], v[1], v[2]
			want, _ := p.lookup(idReading, data, nil)
			if got := p.Reading(v[0], v[1], v[2]); got != want || !strings.Contains(got, v[0]) {
				t.Errorf("%s: Reading%q = %q, want %q", lang, v, got, want)
			}
			data = p.data("")
			data["Words"] = v[1]
			want, _ = p.lookup(idSentences, data, nil)
			if got := p.SentenceLength(v[1]); got != want || !strings.Contains(got, v[1]) {
				t.Errorf("%s: SentenceLength(%q) = %q, want %q", lang, v[1], got, want)
			}
		}
	}
}
