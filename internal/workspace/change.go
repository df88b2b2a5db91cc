package workspace

// Change is one file a command wrote or removed: what its plan did, for
// the caller to print or count, never to parse.
type Change struct {
	Path    string // relative to the project, forward slashes
	Removed bool   // removed rather than written
	Why     string // for a removal: why
}

// String is the path, and for a removal why it went:
// "out/fr/a.html (removed: article deleted)".
func (c Change) String() string {
	if c.Removed {
		return c.Path + " (removed: " + c.Why + ")"
	}
	return c.Path
}

// Wrote is a Change for each path written.
func Wrote(paths []string) []Change {
	out := make([]Change, len(paths))
	for i, p := range paths {
		out[i] = Change{Path: p}
	}
	return out
}
