// Command lingo is a localization pipeline for Markdown articles: it splits
// articles into go-i18n message catalogs, and renders every language back.
// See the README and 'lingo --help'.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/lingo-l10n/lingo/internal/cli"
)

// memoryLimit is the memory past which Go's garbage collector runs more
// often than its default pace (which lets the heap grow to twice what is
// live), so that the resident size stays near what is live: an edit build
// at 10,000 × 10 holds 45–60 MB (BENCHMARKS.md). A soft limit: what is
// live is never refused, but a build that holds more than it collects
// often (a first build of 3,700 articles × 10 languages spent a third of
// its CPU collecting while its pages' prose was held; BENCHMARKS.md,
// fifteenth session). GOMEMLIMIT overrides the limit (GOMEMLIMIT=off:
// none).
const memoryLimit = 150 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run())
}

// run runs the command line; with LINGO_CPUPROFILE set, it writes a CPU
// profile of the run to that file, and with LINGO_MEMPROFILE a profile of
// what it allocated (BENCHMARKS.md uses them).
func run() int {
	if path := os.Getenv("LINGO_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(path)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "lingo: LINGO_MEMPROFILE: %v\n", err)
			}
		}()
	}
	if path := os.Getenv("LINGO_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "lingo: LINGO_CPUPROFILE: %v\n", err)
			return cli.ExitUsage
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	return cli.Run(os.Args, cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
}
