package prefill_test

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/prefill"
)

func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		src, dst string
		want     string // "" when the cell is not pre-filled
	}{
		{"60 kg", "fr", "60 kg"},
		{"30 mg", "de", "30 mg"},
		{"0.5 mg/kg", "fr", "0,5 mg/kg"},
		{"0.5 mg/kg", "de", "0,5 mg/kg"},
		{"0.5 mg/kg", "pt-BR", "0,5 mg/kg"},
		{"0.5 mg/kg", "de-CH", "0.5 mg/kg"},
		{"2.5–3 %", "es", "2,5–3 %"},
		{"12,400 mg", "de", "12.400 mg"},
		{"12,400 mg", "fr", "12\u00a0400 mg"},
		{"38 °C", "it", "38 °C"},
		{"1.50 ml", "fr", "1,50 ml"},
		// Not only a quantity: a word, a unit languages write their own way,
		// no unit, two numbers that are not a range.
		{"Dose", "fr", ""},
		{"60 kg body weight", "fr", ""},
		{"Take 30 mg", "fr", ""},
		{"1000 IU", "fr", ""},
		{"4 h", "de", ""},
		{"60", "fr", ""},
		{"2 x 30 mg", "fr", ""},
		{"60 kg.", "fr", ""},
		// A target in another script: its translator's call.
		{"0.5 mg/kg", "ar", ""},
		{"60 kg", "ru", ""},
		{"60 kg", "zh", ""},
	} {
		got, ok := prefill.Quantity(c.src, "en", c.dst)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Quantity(%q, en, %s) = %q, %v; want %q", c.src, c.dst, got, ok, c.want)
		}
	}
}
