package frontmatter

import (
	"fmt"
	"slices"
)

// SetKey sets the front matter key (the one that names the language of a
// rendered article) to the string value, keeping every other byte of md;
// an article without front matter gets one. An empty key, or front matter
// that does not split, leaves md as it is.
func SetKey(md []byte, key, value string) []byte {
	if key == "" {
		return md
	}
	fm, err := Split(md)
	if err != nil {
		return md
	}
	nl := LineEnding(md)
	if fm.Format == "" {
		return slices.Concat(md[:fm.Body], []byte("---"+nl+key+": "+value+nl+"---"+nl), md[fm.Body:])
	}
	if fields, err := Fields(md, fm, []string{key}); err == nil && len(fields) == 1 {
		r := fields[0].Pieces[0]
		return slices.Concat(md[:r.Start], []byte(fields[0].Escape(value)), md[r.End:])
	}
	if fm.Format == JSON {
		return InsertJSONKey(md, fm, key, value)
	}
	line := key + ": " + value
	if fm.Format == TOML {
		line = key + " = " + fmt.Sprintf("%q", value)
	}
	at := fm.End
	if at > fm.Start && md[at-1] != '\n' {
		line = nl + line
	}
	return slices.Concat(md[:at], []byte(line+nl), md[at:])
}
