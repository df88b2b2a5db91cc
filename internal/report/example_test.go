package report_test

import (
	"os"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/report"
)

func ExampleWrite() {
	r := &check.Report{
		Findings: []check.Finding{{
			Lang: "fr", File: "locales/fr/a.fr.toml", Line: 12, ID: "a.p-1a2b3c4d",
			Check: "numbers", Severity: check.Error, Message: "number 3 is not in the source",
		}},
		Totals: []check.Totals{{Lang: "fr", Messages: 4, Translated: 3, Percent: 75, MinPercent: 90, Errors: 1}},
	}
	report.Write(os.Stdout, r, "text", false)
	report.Write(os.Stdout, r, "github", false)
	// Output:
	// locales/fr/a.fr.toml
	//   12: error [numbers] a.p-1a2b3c4d: number 3 is not in the source
	//
	// lang  translated  percent  gate   errors  warnings
	// fr    3/4         75.0%    90.0%  1       0
	//
	// 1 error, 0 warnings
	// ::error file=locales/fr/a.fr.toml,line=12,title=numbers::a.p-1a2b3c4d: number 3 is not in the source
}
