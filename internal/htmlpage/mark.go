package htmlpage

import (
	"bytes"

	"golang.org/x/net/html"
)

// MarkPassage turns the first passage of page's text between MarkOpen and
// MarkClose into a <mark id="lingo-mark"> element (the workbench's preview
// scrolls to it), and drops marks that landed elsewhere (an attribute,
// the <title>).
func MarkPassage(page []byte) []byte {
	var out bytes.Buffer
	z := html.NewTokenizer(bytes.NewReader(page))
	inTitle, opened, closed := false, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			inTitle = string(name) == "title" && tt == html.StartTagToken
		case html.TextToken:
			if !inTitle && !opened && bytes.Contains(raw, []byte(MarkOpen)) {
				raw = bytes.Replace(raw, []byte(MarkOpen), []byte(`<mark id="lingo-mark">`), 1)
				opened = true
			}
			if !inTitle && opened && !closed && bytes.Contains(raw, []byte(MarkClose)) {
				raw = bytes.Replace(raw, []byte(MarkClose), []byte(`</mark>`), 1)
				closed = true
			}
		}
		raw = bytes.ReplaceAll(raw, []byte(MarkOpen), nil)
		raw = bytes.ReplaceAll(raw, []byte(MarkClose), nil)
		out.Write(raw)
	}
	return out.Bytes()
}

// The marks a caller puts around the passage MarkPassage highlights, as
// text: two characters of Unicode's private use area, which no page holds.
const (
	MarkOpen  = "\ue000"
	MarkClose = "\ue001"
)
