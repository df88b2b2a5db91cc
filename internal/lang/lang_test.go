package lang_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/lang"
)

func TestParse(t *testing.T) {
	good := map[string]string{"en": "en", "pt-br": "pt-BR", "zh-Hant": "zh-Hant", "en-XA": "en-XA", "ar": "ar"}
	for in, want := range good {
		if got, err := lang.Parse(in); err != nil || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "english", "en_US.UTF-8", "../x", "fr/..", "EN US", "und", "x-foo"} {
		if got, err := lang.Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %q, want an error", bad, got)
		}
	}
}
