package interchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/lingo-l10n/lingo/internal/diag"
)

// The XLIFF namespaces.
const (
	ns12 = "urn:oasis:names:tc:xliff:document:1.2"
	ns20 = "urn:oasis:names:tc:xliff:document:2.0"
)

// Note names (from in 1.2, category in 2.0) lingo writes and reads back.
const (
	noteContext  = "lingo-context"
	noteLocation = "lingo-location"
	notePrevious = "lingo-previous"
	noteHash     = "lingo-hash"
	noteMachine  = "lingo-machine" // a machine draft's engine
)

// xmlWriter writes indented XML by hand, so that the bytes are lingo's to
// choose: text inside source, target and data is written exactly, line
// breaks and spaces included.
type xmlWriter struct {
	buf bytes.Buffer
	err error
	cp  bool // XLIFF 2.0: characters XML cannot carry become <cp hex="…"/>
}

func (w *xmlWriter) raw(s string) { w.buf.WriteString(s) }

// attr writes ` name="value"`.
func (w *xmlWriter) attr(name, value string) {
	w.buf.WriteString(" " + name + `="`)
	w.escape(value, true)
	w.buf.WriteByte('"')
}

// text writes character data.
func (w *xmlWriter) text(s string) { w.escape(s, false) }

// element writes <name attrs…>text</name> on its own line at indent.
func (w *xmlWriter) element(indent, name string, attrs []string, text string) {
	w.raw(indent + "<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.attr(attrs[i], attrs[i+1])
	}
	w.raw(">")
	w.text(text)
	w.raw("</" + name + ">\n")
}

func (w *xmlWriter) escape(s string, inAttr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			w.buf.WriteString("&amp;")
		case r == '<':
			w.buf.WriteString("&lt;")
		case r == '>':
			w.buf.WriteString("&gt;")
		case r == '"' && inAttr:
			w.buf.WriteString("&quot;")
		case r == '\r':
			w.buf.WriteString("&#xD;")
		case (r == '\n' || r == '\t') && inAttr:
			fmt.Fprintf(&w.buf, "&#x%X;", r)
		case !isXMLChar(r) && w.cp && !inAttr:
			fmt.Fprintf(&w.buf, `<cp hex="%04X"/>`, r)
		case !isXMLChar(r):
			if w.err == nil {
				w.err = fmt.Errorf("interchange: %q holds U+%04X, which XML cannot carry", s, r)
			}
		default:
			w.buf.WriteRune(r)
		}
	}
}

// isXMLChar reports whether XML 1.0 allows r in a document.
func isXMLChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// xnode is an element or a run of text of a parsed XML document, with the
// line and column where it starts.
type xnode struct {
	name      xml.Name // empty for text
	attrs     []xml.Attr
	kids      []*xnode
	text      string
	line, col int
}

func (n *xnode) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && (a.Name.Space == "" || local == "space" || local == "lang") {
			return a.Value
		}
	}
	return ""
}

func (n *xnode) errorf(format string, args ...any) error {
	return &diag.Error{Line: n.line, Col: n.col, Msg: fmt.Sprintf(format, args...)}
}

// elements are n's child elements, text left out.
func (n *xnode) elements() []*xnode {
	var out []*xnode
	for _, k := range n.kids {
		if k.name.Local != "" {
			out = append(out, k)
		}
	}
	return out
}

// parseXML reads a well-formed XML document into a tree.
func parseXML(data []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := &xnode{}
	stack := []*xnode{root}
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				l, c := dec.InputPos()
				if se.Line != l {
					c = 1
				}
				return nil, &diag.Error{Line: se.Line, Col: c, Msg: "XML: " + se.Msg}
			}
			l, c := dec.InputPos()
			return nil, &diag.Error{Line: l, Col: c, Msg: "XML: " + err.Error()}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name, attrs: t.Attr, line: line, col: col}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 1 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, &diag.Error{Line: line, Col: col, Msg: "XML: text outside the root element"}
				}
				continue
			}
			top.kids = append(top.kids, &xnode{text: string(t), line: line, col: col})
		}
	}
	els := root.elements()
	if len(els) != 1 {
		return nil, &diag.Error{Line: 1, Col: 1, Msg: "XML: no root element"}
	}
	return els[0], nil
}

// readXLIFF reads an XLIFF 1.2 or 2.0 document.
func readXLIFF(data []byte) (*Document, error) {
	root, err := parseXML(data)
	if err != nil {
		return nil, err
	}
	if root.name.Local != "xliff" {
		return nil, root.errorf("root element is <%s>, not <xliff>", root.name.Local)
	}
	switch v := root.attr("version"); {
	case root.name.Space == ns20 || strings.HasPrefix(v, "2."):
		return readXLIFF2(root)
	case root.name.Space == ns12 || v == "1.2" || v == "1.1":
		return readXLIFF12(root)
	default:
		return nil, root.errorf("unsupported XLIFF version %q (lingo reads 1.2 and 2.0)", v)
	}
}

// protect numbers the protected pieces of a unit's source and target:
// source pieces in order, and a target piece the id of the first unused
// source piece with the same text, else a new id.
type protect struct {
	next   int
	byText map[string][]int // text → ids of source pieces not matched yet
}

func (p *protect) source(text string) int {
	p.next++
	if p.byText == nil {
		p.byText = map[string][]int{}
	}
	p.byText[text] = append(p.byText[text], p.next)
	return p.next
}

func (p *protect) target(text string) int {
	if ids := p.byText[text]; len(ids) > 0 {
		p.byText[text] = ids[1:]
		return ids[0]
	}
	p.next++
	return p.next
}

func itoa(i int) string { return strconv.Itoa(i) }
