package structure

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"golang.org/x/net/html"
)

// RawText is the content of a script or style element of a message: the
// bytes between its start tag and its end tag, as written. A browser runs
// or applies it and shows none of it, so a translation keeps it byte for
// byte.
type RawText struct {
	Element string // "script" or "style"
	Content string
}

// rawTextElements are the elements whose content is RawText.
var rawTextElements = []string{"script", "style"}

// markup is what the HTML tokenizer reads in the raw HTML of a message.
type markup struct {
	comments []string  // HTML comments, as written ("<!-- x -->")
	raw      []RawText // script and style contents, in document order
	hidden   []hide    // what the reader does not see, in order, not overlapping
	attrs    []string  // values of prose attributes (alt, title...), in document order
}

// hide is a range of a message the reader does not see, and what the
// reader sees in its place ("" or a line break).
type hide struct {
	article.Range
	with string
}

// readMarkup reads the raw HTML of msg as a browser reads it: pieces are
// the ranges of msg that goldmark reads as raw HTML (inline tags and
// comments, HTML blocks), in document order, and the text between a piece
// that opens a script or style element and the piece that closes it is the
// element's content, whatever goldmark made of it. An element left open
// runs to the end of the message.
func readMarkup(msg []byte, pieces []article.Range) markup {
	var m markup
	open, openAt := "", 0 // the raw text element open, and where its content starts
	for _, p := range pieces {
		z := html.NewTokenizer(bytes.NewReader(msg[p.Start:p.End]))
		at := p.Start
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			start := at
			at += len(z.Raw())
			if open != "" {
				if tt != html.EndTagToken {
					continue
				}
				if name, _ := z.TagName(); string(name) == open {
					m.raw = append(m.raw, RawText{Element: open, Content: string(msg[openAt:start])})
					m.hidden = append(m.hidden, hide{Range: article.Range{Start: openAt, End: at}})
					open = ""
				}
				continue
			}
			switch tt {
			case html.TextToken:
				continue // seen
			case html.CommentToken:
				if !closed(msg[start:at]) {
					continue // lingo writes it as text (escaped), or the splice check sees what it swallows
				}
				m.comments = append(m.comments, string(msg[start:at]))
			case html.StartTagToken, html.SelfClosingTagToken:
				name, more := z.TagName()
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					if slices.Contains(textAttrs, string(k)) {
						m.attrs = append(m.attrs, string(v))
					}
				}
				if slices.Contains(rawTextElements, string(name)) { // "<script/>" opens one too
					open, openAt = string(name), at
				}
				if string(name) == "br" {
					m.hidden = append(m.hidden, hide{Range: article.Range{Start: start, End: at}, with: "\n"})
					continue
				}
			}
			m.hidden = append(m.hidden, hide{Range: article.Range{Start: start, End: at}})
		}
	}
	if open != "" {
		m.raw = append(m.raw, RawText{Element: open, Content: string(msg[openAt:])})
		m.hidden = append(m.hidden, hide{Range: article.Range{Start: openAt, End: len(msg)}})
	}
	return m
}

// closed reports a comment (or the bogus comment of "<!x>" or "<?x>")
// that ends where a browser ends it, before the end of the text: an HTML
// block that a translation opens with "<!--" is read to the end of the
// message, but lingo writes that line as text (a backslash before "<").
func closed(comment []byte) bool {
	if bytes.HasPrefix(comment, []byte("<!--")) {
		return bytes.Equal(comment, []byte("<!-->")) || bytes.Equal(comment, []byte("<!--->")) ||
			len(comment) >= len("<!---->") && (bytes.HasSuffix(comment, []byte("-->")) || bytes.HasSuffix(comment, []byte("--!>")))
	}
	return bytes.HasSuffix(comment, []byte(">"))
}

// seen is msg without what m hides: the text a reader sees, Markdown
// as written.
func (m markup) seen(msg []byte) string {
	if len(m.hidden) == 0 {
		return string(msg)
	}
	var b strings.Builder
	last := 0
	for _, h := range m.hidden {
		b.Write(msg[last:h.Start])
		b.WriteString(h.with)
		last = h.End
	}
	b.Write(msg[last:])
	return b.String()
}

// Seen is the text of the message as a reader sees it, for the checks that
// read its words and numbers (numbers, units, negation): the message with
// its raw HTML markup removed (tags with their attributes, comments, and
// the content of script and style elements; a <br> is a line break).
// Markdown is left as written.
func (sh Shape) Seen() string { return sh.seen }

// AttrText is the text of the message's prose HTML attributes (alt, title,
// aria-label...), one value a line in document order: text a reader sees
// elsewhere than in the running text (on hover, read aloud).
func (sh Shape) AttrText() string { return sh.attrText }

// compareRawText reports each script or style content of tr that is not,
// byte for byte, one of src's (as multisets: a translator may move a
// sentence and its script) as a change of one of src's that tr lost. An
// element tr adds is unsafe-html's (its start tag is new), one tr drops
// is the html check's (its tags are missing).
func compareRawText(src, tr []RawText) []Problem {
	key := func(r RawText) string { return r.Element + "\x00" + r.Content }
	have := make(map[string]int)
	for _, r := range src {
		have[key(r)]++
	}
	var added []RawText
	for _, r := range tr {
		if have[key(r)] > 0 {
			have[key(r)]--
			continue
		}
		added = append(added, r)
	}
	var lost []RawText
	for _, r := range src {
		if have[key(r)] > 0 {
			have[key(r)]--
			lost = append(lost, r)
		}
	}
	var ps []Problem
	for _, a := range added {
		if i := slices.IndexFunc(lost, func(l RawText) bool { return l.Element == a.Element }); i >= 0 {
			ps = append(ps, Problem{Check: CheckHTML, Error: true, Message: fmt.Sprintf("the content of <%s> changed: %q became %q (a translation keeps it byte for byte)", a.Element, lost[i].Content, a.Content)})
			lost = slices.Delete(lost, i, i+1)
		}
	}
	return ps
}
