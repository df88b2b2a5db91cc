package check_test

import (
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
)

// meaningSources are the English sources of TestUnitsAndNegation, by key.
var meaningSources = map[string]string{
	"dose":    "Give 0.5 mg/kg over 40 minutes.",
	"range":   "Relief peaks at 2-3 days.",
	"not":     "Do not take it with alcohol.",
	"freq":    "Take 5 mg twice daily for 2 weeks.",
	"convert": "Take 500 mg.",
	"percent": "About 45% of adults respond within 24 hours.",
	"never":   "Store below 25 °C and never freeze.",
}

// TestUnitsAndNegation gives, per language, a correct translation of each
// source (no units or negation finding) and a broken one (the finding of
// the check named).
func TestUnitsAndNegation(t *testing.T) {
	tests := []struct {
		lang, src, good, bad, want string
	}{
		{"es", "dose", "Administre 0,5 mg/kg durante 40 minutos.", "Administre 0,5 µg/kg durante 40 minutos.", "units"},
		{"es", "range", "El alivio alcanza su máximo a los 2–3 días.", "El alivio alcanza su máximo a los 2 días.", "units"},
		{"es", "not", "No lo tome con alcohol.", "Tómelo con alcohol.", "negation"},
		{"es", "freq", "Tome 5 mg dos veces al día durante 2 semanas.", "Tome 5 mg dos veces por semana durante 2 semanas.", "units"},
		{"es", "convert", "Tome 500 mg.", "Tome 0,5 g.", "units"},
		{"es", "percent", "Alrededor del 45 % de los adultos responde en 24 horas.", "Alrededor del 45 % de los adultos responde en 24 días.", "units"},
		{"es", "never", "Consérvelo por debajo de 25 °C y nunca lo congele.", "Consérvelo por debajo de 25 °C y congélelo.", "negation"},

		{"fr", "dose", "Administrer 0,5 mg/kg en 40 minutes.", "Administrer 0,5 mg/l en 40 minutes.", "units"},
		{"fr", "range", "Le soulagement culmine à 2–3 jours.", "Le soulagement culmine à 2 jours.", "units"},
		{"fr", "not", "Ne la prenez pas avec de l’alcool.", "Prenez-la avec de l’alcool.", "negation"},
		{"fr", "freq", "Prenez 5 mg deux fois par jour pendant 2 semaines.", "Prenez 5 mg deux fois par semaine pendant 2 semaines.", "units"},
		{"fr", "convert", "Prenez 500 mg.", "Prenez 0,5 g.", "units"},
		{"fr", "percent", "Environ 45 % des adultes répondent en 24 heures.", "Environ 45 % des adultes répondent en 24 jours.", "units"},
		{"fr", "never", "Conserver à moins de 25 °C et ne jamais congeler.", "Conserver à moins de 25 °C et congeler.", "negation"},

		{"de", "dose", "0,5 mg/kg über 40 Minuten geben.", "0,5 mg über 40 Minuten geben.", "units"},
		{"de", "range", "Die Linderung erreicht nach 2–3 Tagen ihr Maximum.", "Die Linderung erreicht nach 3 Tagen ihr Maximum.", "units"},
		{"de", "not", "Nehmen Sie es nicht mit Alkohol ein.", "Nehmen Sie es mit Alkohol ein.", "negation"},
		{"de", "freq", "Nehmen Sie 2 Wochen lang zweimal täglich 5 mg ein.", "Nehmen Sie 2 Wochen lang zweimal wöchentlich 5 mg ein.", "units"},
		{"de", "convert", "Nehmen Sie 500 mg ein.", "Nehmen Sie 0,5 g ein.", "units"},
		{"de", "percent", "Etwa 45 % der Erwachsenen sprechen innerhalb von 24 Std. an.", "Etwa 45 % der Erwachsenen sprechen innerhalb von 24 Minuten an.", "units"},
		{"de", "never", "Unter 25 °C lagern und niemals einfrieren.", "Unter 25 °C lagern und einfrieren.", "negation"},

		{"ar", "dose", "أعطِ 0.5 ملغ/كغ على مدى 40 دقيقة.", "أعطِ 0.5 ميكروغرام/كغ على مدى 40 دقيقة.", "units"},
		{"ar", "range", "يبلغ التحسن ذروته بعد ٢-٣ أيام.", "يبلغ التحسن ذروته بعد ٢ أيام.", "units"},
		{"ar", "not", "لا تتناوله مع الكحول.", "تناوله مع الكحول.", "negation"},
		{"ar", "freq", "تناول 5 ملغ مرتين يوميًا لمدة 2 أسبوع.", "تناول 5 ملغ مرتين أسبوعيًا لمدة 2 أسبوع.", "units"},
		{"ar", "convert", "تناول 500 ملغ.", "تناول 0.5 غ.", "units"},
		{"ar", "percent", "يستجيب نحو 45٪ من البالغين خلال 24 ساعة.", "يستجيب نحو 45٪ من البالغين خلال 24 يومًا.", "units"},
		{"ar", "never", "يُحفظ في درجة حرارة أقل من 25 °C ولا يُجمَّد أبدًا.", "يُحفظ في درجة حرارة أقل من 25 °C ويُجمَّد.", "negation"},

		{"pt", "dose", "Administre 0,5 mg/kg durante 40 minutos.", "Administre 0,5 mg/kg durante 40 horas.", "units"},
		{"pt", "range", "O alívio atinge o pico em 2 a 3 dias.", "O alívio atinge o pico em 2 dias.", "units"},
		{"pt", "not", "Não tome com álcool.", "Tome com álcool.", "negation"},
		{"pt", "freq", "Tome 5 mg duas vezes ao dia durante 2 semanas.", "Tome 5 mg duas vezes por semana durante 2 semanas.", "units"},
		{"pt", "convert", "Tome 500 mg.", "Tome 0,5 g.", "units"},
		{"pt", "percent", "Cerca de 45% dos adultos respondem em 24 horas.", "Cerca de 45% dos adultos respondem em 2 horas.", "units"},
		{"pt", "never", "Conserve abaixo de 25 °C e nunca congele.", "Conserve abaixo de 25 °C e congele.", "negation"},

		{"it", "dose", "Somministrare 0,5 mg/kg in 40 minuti.", "Somministrare 0,5 mg/ml in 40 minuti.", "units"},
		{"it", "range", "Il sollievo raggiunge il picco in 2-3 giorni.", "Il sollievo raggiunge il picco in 2 giorni.", "units"},
		{"it", "not", "Non assumerlo con alcol.", "Assumerlo con alcol.", "negation"},
		{"it", "freq", "Assumere 5 mg due volte al giorno per 2 settimane.", "Assumere 5 mg due volte alla settimana per 2 settimane.", "units"},
		{"it", "convert", "Assumere 500 mg.", "Assumere 0,5 g.", "units"},
		{"it", "percent", "Circa il 45% degli adulti risponde entro 24 ore.", "Circa il 45% degli adulti risponde entro 24 giorni.", "units"},
		{"it", "never", "Conservare sotto i 25 °C e non congelare mai.", "Conservare sotto i 25 °C e congelare.", "negation"},

		{"zh", "dose", "在40分钟内给予0.5 mg/kg。", "在40分钟内给予0.5 µg/kg。", "units"},
		{"zh", "range", "缓解在2-3天达到高峰。", "缓解在2天达到高峰。", "units"},
		{"zh", "not", "不要与酒精同服。", "请与酒精同服。", "negation"},
		{"zh", "freq", "每天两次，每次5毫克，持续2周。", "每周两次，每次5毫克，持续2周。", "units"},
		{"zh", "convert", "服用500毫克。", "服用0.5克。", "units"},
		{"zh", "percent", "约45%的成年人在24小时内起效。", "约45%的成年人在24天内起效。", "units"},
		{"zh", "never", "储存于25 °C以下，切勿冷冻。", "储存于25 °C以下，可以冷冻。", "negation"},

		{"ja", "dose", "0.5 mg/kgを40分かけて投与します。", "0.5 mg/kgを40時間かけて投与します。", "units"},
		{"ja", "range", "症状の緩和は2〜3日でピークに達します。", "症状の緩和は3日でピークに達します。", "units"},
		{"ja", "not", "アルコールと一緒に服用しないでください。", "アルコールと一緒に服用してください。", "negation"},
		{"ja", "freq", "5 mgを1日2回、2週間服用してください。", "5 mgを週2回、2週間服用してください。", "units"},
		{"ja", "convert", "500 mgを服用します。", "0.5 gを服用します。", "units"},
		{"ja", "percent", "成人の約45%が24時間以内に反応します。", "成人の約45%が24日以内に反応します。", "units"},
		{"ja", "never", "25 °C以下で保存し、決して凍結しないでください。", "25 °C以下で保存し、凍結してください。", "negation"},
	}
	c := check.New(check.Options{})
	run := func(lang, src, text string) (got []string, msgs []string) {
		file := "locales/" + lang + "/a." + lang + ".toml"
		for _, f := range c.Check(check.Translation{Lang: lang, SourceLang: "en", File: file, Line: 7, ID: "a.p-1", Source: src, Text: text}) {
			if f.Check == "units" || f.Check == "negation" {
				if f.File != file || f.Line != 7 || f.ID != "a.p-1" {
					t.Errorf("%s finding at %s:%d %s, want %s:7 a.p-1", f.Check, f.File, f.Line, f.ID, file)
				}
				got = append(got, f.Check)
				msgs = append(msgs, f.Message)
			}
		}
		return got, msgs
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.src, func(t *testing.T) {
			src := meaningSources[tt.src]
			if got, msgs := run(tt.lang, src, tt.good); len(got) > 0 {
				t.Errorf("correct %q: %v", tt.good, msgs)
			}
			if got, msgs := run(tt.lang, src, tt.bad); !slices.Contains(got, tt.want) {
				t.Errorf("broken %q: %v, want %s", tt.bad, msgs, tt.want)
			} else {
				t.Logf("%s: %v", tt.want, msgs)
			}
		})
	}
}
