package report

import (
	"bufio"
	"strconv"
	"strings"
)

// writeGitHub prints one GitHub Actions workflow command per finding:
//
//	::error file=locales/fr/a.fr.toml,line=12,title=numbers::a.p-1a2b: number 3 is not in the source
//
// A file-level finding (line 0) has no line property. Values are escaped as
// the runner unescapes them (actions/runner, ActionCommand.cs).
func writeGitHub(buf *bufio.Writer, s Stream) error {
	for f, err := range s.Findings {
		if err != nil {
			return err
		}
		buf.WriteString("::" + level(f.Severity))
		var props []string
		if f.File != "" {
			props = append(props, "file="+escapeProperty(f.File))
		}
		if f.Line > 0 {
			props = append(props, "line="+strconv.Itoa(f.Line))
		}
		if f.Col > 0 {
			props = append(props, "col="+strconv.Itoa(f.Col))
		}
		if f.Check != "" {
			props = append(props, "title="+escapeProperty(f.Check))
		}
		if len(props) > 0 {
			buf.WriteString(" " + strings.Join(props, ","))
		}
		buf.WriteString("::" + escapeData(label(f)) + "\n")
	}
	return nil
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes the message of a workflow command.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
