// Command lingo is a localization pipeline for Markdown articles: it splits
// articles into go-i18n message catalogs, and renders every language back.
// See the README and 'lingo --help'.
package main

import (
	"os"

	"github.com/lingo-l10n/lingo/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args, cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
