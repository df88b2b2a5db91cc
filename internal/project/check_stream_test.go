package project_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
)

// TestCheckFindingsInOrder checks that the findings lingo check keeps on
// disk come back sorted (language, file, line, check, message) whichever
// core checked which article, that the totals count each of them once, and
// that the IDs of the checks are those of the findings.
func TestCheckFindingsInOrder(t *testing.T) {
	p := genPublishProject(t, 40)
	res, err := p.Check(p.Config.Languages)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	rep, err := res.Report(nil)
	if err != nil {
		t.Fatal(err)
	}
	sorted := slices.Clone(rep.Findings)
	check.Sort(sorted)
	if !slices.Equal(rep.Findings, sorted) {
		t.Error("findings are not in check.Sort's order")
	}
	counted, errors := map[string]int{}, 0
	ids := map[string]bool{}
	for _, f := range rep.Findings {
		counted[f.Lang]++
		ids[f.Check] = true
		if f.Severity == check.Error {
			errors++
		}
	}
	for _, tot := range res.Totals {
		if n := tot.Errors + tot.Warnings; n != counted[tot.Lang] {
			t.Errorf("%s: totals count %d findings, %d listed", tot.Lang, n, counted[tot.Lang])
		}
	}
	if errors != res.Errors() {
		t.Errorf("Errors() = %d, %d listed", res.Errors(), errors)
	}
	if want := slices.Sorted(maps.Keys(ids)); !slices.Equal(res.Checks, want) {
		t.Errorf("Checks = %v, findings of %v", res.Checks, want)
	}
	if len(rep.Findings) < 100 || len(counted) < 2 {
		t.Errorf("the test needs findings in several languages: %d in %d", len(rep.Findings), len(counted))
	}
}
