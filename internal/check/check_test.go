package check_test

import (
	"os"
	"path/filepath"
	"slices"
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
