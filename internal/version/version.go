// Package version says which lingo this is: the release version GoReleaser
// links in, or else what the Go toolchain recorded in the binary (the
// module version of `go install ...@v1.2.3`, or the commit of a build from
// a checkout, with "+dirty" when it had uncommitted changes).
package version

import "runtime/debug"

// release is set at link time by release builds:
// -ldflags "-X github.com/lingo-l10n/lingo/internal/version.release=1.2.3".
var release string

// String is this binary's version, "devel" when nothing better is known.
func String() string {
	if release != "" {
		return release
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return fromBuildInfo(info)
}

// fromBuildInfo reads the version the Go toolchain recorded: the main
// module's version when it has one, else the VCS revision.
func fromBuildInfo(info *debug.BuildInfo) string {
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return "devel-" + rev[:min(len(rev), 12)] + dirty
}
