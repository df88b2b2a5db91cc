package vocab

import (
	"strings"
	"testing"
)

// BenchmarkQuantities reads the quantities, negations and direction terms
// of a long paragraph, as the units, negation and direction checks do for
// every translation.
func BenchmarkQuantities(b *testing.B) {
	v, err := Load("")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Patients received 0.5 mg/kg over 40 minutes, twice daily for 2-3 weeks; do not take it with alcohol, and about 45% responded within 24 hours. ", 8)
	l := v.For("en")
	for b.Loop() {
		l.Quantities(text)
		l.Negation(text)
		l.Terms(text)
	}
}
