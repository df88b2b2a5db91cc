package hugotree

import (
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/pelletier/go-toml/v2"
)

func TestWithKeys(t *testing.T) {
	partial := Params{Status: Partial, InSource: 2, Source: "en"}
	fallback := Params{Status: Fallback, InSource: 9, Source: "en", Canonical: "/en/a/"}
	tests := []struct {
		name, in string
		params   Params
		want     string
	}{
		{"yaml", "---\ntitle: A\nlang: fr\n---\n\nBody\n", partial,
			"---\ntranslationKey: \"a\"\nlingo:\n  status: \"partial\"\n  passages_in_source: 2\n  source_lang: \"en\"\ntitle: A\nlang: fr\n---\n\nBody\n"},
		{"yaml fallback", "---\ntitle: A\n---\nBody", fallback,
			"---\ntranslationKey: \"a\"\nlingo:\n  status: \"fallback\"\n  passages_in_source: 9\n  source_lang: \"en\"\n  canonical: \"/en/a/\"\ntitle: A\n---\nBody"},
		{"the author's translationKey", "---\ntranslationKey: mine\n---\nBody", partial,
			"---\nlingo:\n  status: \"partial\"\n  passages_in_source: 2\n  source_lang: \"en\"\ntranslationKey: mine\n---\nBody"},
		{"toml with a table", "+++\ntitle = 'A'\n[params]\nx = 1\n+++\nBody\n", partial,
			"+++\ntranslationKey = \"a\"\nlingo = { status = \"partial\", passages_in_source = 2, source_lang = \"en\" }\ntitle = 'A'\n[params]\nx = 1\n+++\nBody\n"},
		{"crlf", "---\r\ntitle: A\r\n---\r\nBody\r\n", Params{Status: Source, Source: "en"},
			"---\r\ntranslationKey: \"a\"\r\nlingo:\r\n  status: \"source\"\r\n  passages_in_source: 0\r\n  source_lang: \"en\"\r\ntitle: A\r\n---\r\nBody\r\n"},
		{"none", "# Body\n", partial,
			"---\ntranslationKey: \"a\"\nlingo:\n  status: \"partial\"\n  passages_in_source: 2\n  source_lang: \"en\"\n---\n# Body\n"},
		{"json", "{\n  \"title\": \"A\"\n}\nBody\n", partial,
			"{\n  \"title\": \"A\",\n  \"translationKey\": \"a\",\n  \"lingo\": {\"status\": \"partial\", \"passages_in_source\": 2, \"source_lang\": \"en\"}\n}\nBody\n"},
	}
	for _, tt := range tests {
		if got := string(WithKeys([]byte(tt.in), "a", tt.params)); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// TestHugoI18n: the notices of lingo's page words, as Hugo's i18n files
// (go-i18n TOML), one text per plural form of the language, the count left
// to Hugo.
func TestHugoI18n(t *testing.T) {
	words, err := pagewords.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang    string
		forms   []string
		other   string
		missing string
	}{
		{"fr", []string{"one", "other"}, "{{ .Count }} passages de cette page sont affichés en anglais, car leur traduction n’est pas encore prête.",
			"Cet article n’est pas encore traduit en français\u00a0: il est affiché en anglais."},
		{"ar", []string{"few", "many", "one", "other", "two", "zero"}, "يُعرض {{ .Count }} مقطع من هذه الصفحة باللغة الإنجليزية لأن ترجمتها لم تكتمل بعد.",
			"لم تُترجم هذه المقالة إلى اللغة العربية بعد، ولذلك تُعرض باللغة الإنجليزية."},
	} {
		data, err := i18n(words.For(tt.lang), tt.lang, "en")
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]map[string]string
		if err := toml.Unmarshal(data, &got); err != nil {
			t.Fatalf("%s: %v\n%s", tt.lang, err, data)
		}
		var forms []string
		for f := range got[passages] {
			forms = append(forms, f)
		}
		slices.Sort(forms)
		if strings.Join(forms, " ") != strings.Join(tt.forms, " ") {
			t.Errorf("%s: plural forms %v, want %v", tt.lang, forms, tt.forms)
		}
		if got[passages]["other"] != tt.other {
			t.Errorf("%s: other = %q, want %q", tt.lang, got[passages]["other"], tt.other)
		}
		if got[notTranslated]["other"] != tt.missing {
			t.Errorf("%s: not translated = %q, want %q", tt.lang, got[notTranslated]["other"], tt.missing)
		}
	}
}
