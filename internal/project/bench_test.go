package project_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
)

// BenchmarkCheck checks the pseudo-locale of hugo-docs/en (992 articles,
// every message translated) on one core and on all of them: the ratio shows
// how well check uses the cores.
func BenchmarkCheck(b *testing.B) {
	p := corpusProjectB(b, hugoCorpus(b))
	if _, err := p.Pseudo("en-XA"); err != nil {
		b.Fatal(err)
	}
	for _, procs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			for b.Loop() {
				b.ReportMetric(float64(checkCount(b, p, []string{"en-XA"})), "findings")
			}
		})
	}
}

// checkCount runs lingo check on langs and reads back its findings, as
// lingo check prints them, and counts them.
func checkCount(b *testing.B, p *project.Project, langs []string) int {
	res, err := p.Check(langs)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Close()
	n := 0
	for _, err := range res.Findings() {
		if err != nil {
			b.Fatal(err)
		}
		n++
	}
	return n
}
