package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// spans finds the prose of a run of lines of block n: the Text nodes outside
// code spans, autolinks and raw HTML, less shortcodes and placeholders, as
// ranges of the message text. It also finds the reference links whose text
// is their label.
func (w *walker) spans(n ast.Node, run []article.Range) ([]article.Range, []article.Ref) {
	m := offsetMap{run: run}
	var spans []article.Range
	var refs []article.Ref
	body := w.src[w.base:]
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindCodeSpan, ast.KindAutoLink, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		case ast.KindLink, ast.KindImage:
			if ref, ok := w.refLink(c, body, m); ok {
				refs = append(refs, ref)
			}
			if r, ok := w.inlineTitle(c, body, m); ok {
				spans = append(spans, r)
			}
		case ast.KindText:
			seg := c.(*ast.Text).Segment
			for _, r := range w.subtractCodes(article.Range{Start: w.base + seg.Start, End: w.base + seg.Stop}) {
				if mr, ok := m.toMessage(r); ok {
					spans = append(spans, mr)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(spans, func(a, b article.Range) int { return a.Start - b.Start })
	return spans, refs
}

// subtractCodes removes shortcodes, placeholders and opaque ranges from r.
func (w *walker) subtractCodes(r article.Range) []article.Range {
	var out []article.Range
	pos := r.Start
	for pos < r.End {
		if c, ok := w.coverAt(pos); ok {
			pos = c.End
			continue
		}
		end := pos
		for end < r.End {
			if _, ok := w.coverAt(end); ok {
				break
			}
			end++
		}
		out = append(out, article.Range{Start: pos, End: end})
		pos = end
	}
	return out
}

// refLink reports a shortcut ("[text]") or collapsed ("[text][]") reference
// link, whose text is also its label.
func (w *walker) refLink(link ast.Node, body []byte, m offsetMap) (article.Ref, bool) {
	first, last := textBounds(link, body)
	if first < 1 || last < 0 || last >= len(body) || body[first-1] != '[' || body[last] != ']' {
		return article.Ref{}, false
	}
	label := body[first:last]
	if _, ok := w.ctx.Reference(util.ToLinkReference(label)); !ok {
		return article.Ref{}, false
	}
	after := body[last+1:]
	switch {
	case len(after) > 0 && after[0] == '(':
		return article.Ref{}, false
	case len(after) > 1 && after[0] == '[' && after[1] == ']':
		at, ok := m.offset(w.base + last + 2)
		return article.Ref{At: at, Insert: string(label)}, ok
	case len(after) > 0 && after[0] == '[':
		return article.Ref{}, false
	}
	at, ok := m.offset(w.base + last + 1)
	return article.Ref{At: at, Insert: "[" + string(label) + "]"}, ok
}

// inlineTitle finds the title of an inline link or image
// ([text](/url "Title")) in the message text.
func (w *walker) inlineTitle(link ast.Node, body []byte, m offsetMap) (article.Range, bool) {
	var title []byte
	switch l := link.(type) {
	case *ast.Link:
		title = l.Title
	case *ast.Image:
		title = l.Title
	}
	_, last := textBounds(link, body)
	if len(title) == 0 || last < 0 || !bytes.HasPrefix(body[last:], []byte("](")) {
		return article.Range{}, false
	}
	end := m.run[len(m.run)-1].End - w.base
	i := bytes.Index(body[last:end], title)
	if i < 0 {
		return article.Range{}, false
	}
	start := w.base + last + i
	return m.toMessage(article.Range{Start: start, End: start + len(title)})
}

// textBounds is the start of the first and the end of the last Text node
// under n, in body offsets, widened over the emphasis and code span
// delimiters around them; -1 when there is none.
func textBounds(n ast.Node, body []byte) (int, int) {
	first, last := -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			if first < 0 {
				first = t.Segment.Start
			}
			last = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	if first < 0 {
		return -1, -1
	}
	const delims = "`*_~ "
	for first > 0 && strings.IndexByte(delims, body[first-1]) >= 0 {
		first--
	}
	for last < len(body) && strings.IndexByte(delims, body[last]) >= 0 {
		last++
	}
	return first, last
}

// offsetMap maps source offsets inside the pieces of a message to offsets of
// the message text, where pieces are joined by "\n".
type offsetMap struct{ run []article.Range }

// offset maps one source offset; the end of a piece maps too.
func (m offsetMap) offset(pos int) (int, bool) {
	base := 0
	for _, p := range m.run {
		if pos >= p.Start && pos <= p.End {
			return base + pos - p.Start, true
		}
		base += p.Len() + 1
	}
	return 0, false
}

// toMessage maps a source range that lies in one piece, clipped to it.
func (m offsetMap) toMessage(r article.Range) (article.Range, bool) {
	base := 0
	for _, p := range m.run {
		s, e := max(r.Start, p.Start), min(r.End, p.End)
		if s < e {
			return article.Range{Start: base + s - p.Start, End: base + e - p.Start}, true
		}
		base += p.Len() + 1
	}
	return article.Range{}, false
}
