package htmlpage

import "testing"

// MarkPassage marks the passage in the page's text only: the marks that
// landed in the title or an attribute go, unmarked.
func TestMarkPassage(t *testing.T) {
	page := "<html><head><title>" + MarkOpen + "Dose" + MarkClose + "</title></head><body>" +
		`<img alt="` + MarkOpen + "x" + MarkClose + `">` +
		"<p>Take " + MarkOpen + "one dose" + "</p><p>a day" + MarkClose + ".</p></body></html>"
	want := `<html><head><title>Dose</title></head><body><img alt="x"><p>Take <mark id="lingo-mark">one dose</p><p>a day</mark>.</p></body></html>`
	if got := string(MarkPassage([]byte(page))); got != want {
		t.Errorf("MarkPassage =\n%s\nwant\n%s", got, want)
	}
}
