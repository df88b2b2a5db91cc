// Command lingo is a localization pipeline for Markdown articles: it splits
// articles into go-i18n message catalogs, and renders every language back.
// See the README and 'lingo --help'.
package main

import (
	"os"
	"runtime/debug"

	"github.com/lingo-l10n/lingo/internal/cli"
)

// memoryLimit is the memory past which Go's garbage collector runs more
// often than its default pace (which lets the heap grow to twice what is
// live): lingo's live heap follows the largest article and stays far
// below it on large corpora, so this keeps the resident size near what is
// live. A soft limit: what is live is never refused. GOMEMLIMIT overrides
// it.
const memoryLimit = 150 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(cli.Run(os.Args, cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
