package project_test

import (
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkCheck checks the pseudo-locale of hugo-docs/en (992 articles,
// every message translated) on one core and on all of them: the ratio shows
// how well check uses the cores.
func BenchmarkCheck(b *testing.B) {
	c := corpus{"hugo-docs/en", corpusRoot + "/hugo-docs/en", "en"}
	p := corpusProjectB(b, c)
	if _, err := p.Pseudo("en-XA"); err != nil {
		b.Fatal(err)
	}
	for _, procs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			for b.Loop() {
				rep, err := p.Check([]string{"en-XA"})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(rep.Findings)), "findings")
			}
		})
	}
}
