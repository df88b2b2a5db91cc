package interchange

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReviewedState writes a reviewed unit as XLIFF 1.2 signed-off and
// XLIFF 2.0 final, each valid against its schema, and reads it back as
// reviewed; PO, which has no such state, writes it as translated (no fuzzy
// flag) and reads it back so.
func TestReviewedState(t *testing.T) {
	d := &Document{SourceLang: "en", TargetLang: "fr", Units: []Unit{
		{ID: "a.p-1", Source: "Take `5 mg`.", Target: "Prenez `5 mg`.", State: Reviewed, Hash: "sha1-1"},
		{ID: "a.p-2", Source: "Rest.", Target: "Reposez-vous.", State: Translated, Hash: "sha1-2"},
		{ID: "a.p-3", Source: "Call.", Target: "Appelez.", State: NeedsReview, Previous: "Phone.", Hash: "sha1-3"},
	}}
	for _, tt := range []struct {
		format, mark string
		want         State
	}{
		{"xliff", `<target state="signed-off">`, Reviewed},
		{"xliff2", `<segment state="final">`, Reviewed},
		{"po", "", Translated},
	} {
		data, err := Write(d, tt.format)
		if err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		if tt.mark != "" && strings.Count(string(data), tt.mark) != 1 {
			t.Errorf("%s: want one %s in\n%s", tt.format, tt.mark, data)
		}
		if tt.format == "po" && strings.Count(string(data), "#, fuzzy") != 1 {
			t.Errorf("po: want only the stale unit fuzzy:\n%s", data)
		}
		path := filepath.Join(t.TempDir(), "x"+Extension(tt.format))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		validateFiles(t, tt.format, []string{path})
		back, err := Read(path, data)
		if err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		got := []State{back.Units[0].State, back.Units[1].State, back.Units[2].State}
		if got[0] != tt.want || got[1] != Translated || got[2] != NeedsReview {
			t.Errorf("%s: read back states %v, want [%s translated needs-review]", tt.format, got, tt.want)
		}
	}
	// Signed off in a tool: 1.2 final and signed-off, 2.0 final, are
	// reviewed; 2.0 reviewed is only translated.
	for _, tt := range []struct {
		text string
		want State
	}{
		{`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="en" target-language="fr" datatype="plaintext"><body><trans-unit id="1" resname="a.p-1"><source>A</source><target state="final">B</target></trans-unit></body></file></xliff>`, Reviewed},
		{`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u1" name="a.p-1"><segment state="reviewed"><source>A</source><target>B</target></segment></unit></file></xliff>`, Translated},
		{`<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f"><unit id="u1" name="a.p-1"><segment state="final"><source>A</source><target>B</target></segment><segment state="translated"><source>C</source><target>D</target></segment></unit></file></xliff>`, Translated},
	} {
		d, err := Read("x.xlf", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Units[0].State; got != tt.want {
			t.Errorf("%s: state %s, want %s", tt.text, got, tt.want)
		}
	}
}
