package readinglevel

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/syncer"
)

// source is a short article in plain words: a heading, two paragraphs
// and front matter, which is not prose.
var source = []article.Segment{
	{Kind: article.KindFrontMatter, Text: "A title that is not scored", Line: 2},
	{Kind: article.KindHeading, Text: "How it *helps*", Line: 5},
	{Kind: article.KindParagraph, Text: "Ketamine can help you feel better. It works fast. Your nurse will stay with you. Tell her if you feel sick. You can go home the same day. Ask a friend to drive you. Do not drive for one day. Rest and drink water.", Line: 7},
	{Kind: article.KindParagraph, Text: "Most people feel calm. Some feel a bit odd for an hour. This goes away. Call us if you are not sure what to do. We are here to help you.", Line: 9},
}

func msgs(translations ...string) []syncer.Message {
	out := make([]syncer.Message, len(source))
	for i, s := range source {
		out[i] = syncer.Message{Source: s.Text, State: syncer.Missing}
		if i < len(translations) && translations[i] != "" {
			out[i].State, out[i].Translation, out[i].Line = syncer.Current, translations[i], 10+3*i
		}
	}
	return out
}

func TestFindings(t *testing.T) {
	plain := []string{"", "Cómo *ayuda*",
		"La ketamina puede ayudarle a sentirse mejor. Actúa rápido. Su enfermera se quedará con usted. Dígale si se siente mal. Puede irse a casa el mismo día. Pida a un amigo que le lleve. No conduzca durante un día. Descanse y beba agua.",
		"Casi todos se sienten tranquilos. Algunos se sienten un poco raros durante una hora. Esto pasa. Llámenos si no sabe qué hacer. Estamos aquí para ayudarle."}
	hard := []string{"", "Mecanismos terapéuticos",
		"La administración intravenosa de ketamina, un antagonista del receptor glutamatérgico, proporciona habitualmente una mejoría sintomática considerablemente rápida, mientras que la supervisión profesional continuada durante la sesión terapéutica permite identificar inmediatamente cualquier manifestación adversa, incluidas las alteraciones perceptivas o cardiovasculares transitorias.",
		"Posteriormente, la mayoría de los pacientes experimenta una sensación de tranquilidad, aunque determinadas alteraciones disociativas pueden persistir transitoriamente durante aproximadamente sesenta minutos, circunstancia que justifica la recomendación de abstenerse de conducir vehículos."}
	r := NewReader()
	c := check.New(check.Options{})
	rel := func(p string) string { return p }
	for _, tc := range []struct {
		name    string
		tr      []string
		grade   float64
		want    []string // "check@line"
		entries int
	}{
		{"plain text under the grade", plain, 8, nil, 3},
		{"plain text over a grade of 1", plain, 1, nil, 3},
		{"a translation much harder than its source", hard, 8, []string{"reading-harder@16"}, 3},
		{"too little translated to compare", []string{"", "", hard[2]}, 8, nil, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := r.Source("en", source)
			if err != nil {
				t.Fatal(err)
			}
			l, err := r.Translation("en", "es", source, msgs(tc.tr...))
			if err != nil {
				t.Fatal(err)
			}
			if src.Of != 3 || l.Of != 3 || l.Entries != tc.entries {
				t.Errorf("source %d/%d entries, translation %d/%d, want 3/3 and %d/3", src.Entries, src.Of, l.Entries, l.Of, tc.entries)
			}
			fs := Findings(c, Article{Slug: "a", File: "content/a.md", Source: src, Langs: []Level{l}, Files: []string{"locales/es/a.es.toml"}}, tc.grade, rel)
			var got []string
			for _, f := range fs {
				got = append(got, f.Check+"@"+itoa(f.Line))
				if f.Severity != check.Warning {
					t.Errorf("%s: severity %s, want warning", f.Check, f.Severity)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("findings %v, want %v; source %s, es %s (its source %.1f)", fs, tc.want, src.Summary(), l.Summary(), l.Source.Ease)
			}
		})
	}
}

// TestGrade reports a source above the grade at the line of its longest
// sentence, naming the longest sentences with their lines.
func TestGrade(t *testing.T) {
	hard := []article.Segment{
		{Kind: article.KindHeading, Text: "Mechanisms", Line: 3},
		{Kind: article.KindParagraph, Text: "Ketamine is a dissociative anesthetic.", Line: 5},
		{Kind: article.KindParagraph, Text: "Intravenous administration of ketamine, an antagonist of glutamatergic receptors, ordinarily provides considerably rapid symptomatic improvement, while continuous professional supervision throughout the therapeutic session permits immediate identification of adverse manifestations.", Line: 7},
	}
	src, err := NewReader().Source("en", hard)
	if err != nil {
		t.Fatal(err)
	}
	fs := Findings(check.New(check.Options{}), Article{File: "content/a.md", Source: src}, 8, func(p string) string { return p })
	if len(fs) != 1 {
		t.Fatalf("findings %v, want one (%s)", fs, src.Summary())
	}
	f := fs[0]
	for _, want := range []string{"reads at grade 2", "above reading_grade 8", "line 7 (29 words): \"Intravenous administration", "line 5 (5 words)", "line 3 (1 word)"} {
		if !strings.Contains(f.Message, want) {
			t.Errorf("message %q lacks %q", f.Message, want)
		}
	}
	if f.Check != CheckGrade || f.File != "content/a.md" || f.Line != 7 || f.Lang != "en" {
		t.Errorf("finding %+v, want reading-grade at content/a.md:7 in en", f)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestForArticle: a Reader of one article scores the source and each
// translation as the run's Reader does, reading each source text once.
func TestForArticle(t *testing.T) {
	run := NewReader()
	a := run.ForArticle()
	for _, tr := range [][]string{nil, {"", "Cómo *ayuda*"}, {"", "Wie es *hilft*", "Ketamin kann helfen. Es wirkt schnell."}} {
		want, err1 := run.Translation("en", "es", source, msgs(tr...))
		got, err2 := a.Translation("en", "es", source, msgs(tr...))
		if err1 != nil || err2 != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: the article's Reader scored %+v (%v), the run's %+v (%v)", tr, got, err2, want, err1)
		}
	}
	want, _ := run.Source("en", source)
	if got, _ := a.Source("en", source); !reflect.DeepEqual(got, want) {
		t.Errorf("source: the article's Reader scored %+v, the run's %+v", got, want)
	}
	if n := len(source) - 1; a.sources.Len() != n {
		t.Errorf("the article's Reader read %d source texts, want the %d of its prose", a.sources.Len(), n)
	}
}
