package check_test
import ("testing";"github.com/lingo-l10n/lingo/internal/check";"github.com/lingo-l10n/lingo/internal/vocab")
func TestTmp(t *testing.T){
	c := check.New(check.Options{})
	src, lang, tr := "Do not use in children under 6 years.", "ja", "6歳未満の小児に使用してください。"
	for _, f := range c.Check(check.Translation{Lang: lang, SourceLang: "en", File: "f", Line: 1, ID: "a", Source: src, Text: tr}) { t.Log(f.Check, f.Severity, f.Message) }
	t.Log(vocab.Default().For("en").Terms(src)); t.Log(vocab.Default().For(lang).Terms(tr))
	t.Log(vocab.Default().For(lang).Negation(tr))
}
