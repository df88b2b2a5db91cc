package mt

import (
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/article"
	nethtml "golang.org/x/net/html"
)

// Message is one message in the form an engine translates: its prose as
// HTML text, and each run of markup between the prose (emphasis
// delimiters, link brackets and destinations, code spans, inline HTML,
// shortcodes, placeholders), found by goldmark when the article was
// parsed, as an element the engine carries over and Decode puts back byte
// for byte. Emphasis and link brackets become paired elements (<b>, <a>)
// so that the engine moves them with the words they hold; the other runs
// become a <code> element holding one neutral word.
type Message struct {
	HTML   string
	prose  string   // the prose, to tell the engine's marks from the source's own
	gaps   []string // the markup runs, by index
	pair   []int    // per gap: the index of the gap it pairs with, -1 for none
	opener []bool   // per gap: it opens a pair
}

// Encode is segment seg's text as an engine translates it. A shortcut
// reference link's label is written out after its text ([text][label]),
// so that a translated text keeps its link.
func Encode(seg *article.Segment) Message {
	text := seg.Text
	type run struct {
		s      string
		markup bool
	}
	var runs []run
	pos, ref := 0, 0
	markup := func(end int) {
		var b strings.Builder
		for ; ref < len(seg.Refs) && seg.Refs[ref].At <= end; ref++ {
			at := max(seg.Refs[ref].At, pos)
			b.WriteString(text[pos:at])
			b.WriteString(seg.Refs[ref].Insert)
			pos = at
		}
		b.WriteString(text[pos:end])
		pos = end
		if b.Len() > 0 {
			runs = append(runs, run{b.String(), true})
		}
	}
	for _, sp := range seg.Spans {
		if sp.Start < pos || sp.End > len(text) || sp.Start > sp.End {
			continue
		}
		markup(sp.Start)
		runs = append(runs, run{text[sp.Start:sp.End], false})
		pos = sp.End
	}
	markup(len(text))
	var m Message
	for _, r := range runs {
		if r.markup {
			m.gaps = append(m.gaps, r.s)
		}
	}
	m.pair, m.opener = make([]int, len(m.gaps)), make([]bool, len(m.gaps))
	m.pairUp()
	var b, all strings.Builder
	k := 0
	for _, r := range runs {
		if r.markup {
			b.WriteString(m.element(k))
			k++
			continue
		}
		p := strings.ReplaceAll(r.s, "\n", " ")
		all.WriteString(p + " ")
		b.WriteString(html.EscapeString(p))
	}
	m.HTML, m.prose = b.String(), all.String()
	return m
}

// pairUp pairs emphasis delimiters with the same delimiters after them,
// and a link's or image's opening bracket with the "](...)" or "]" that
// closes it, nested as goldmark nests them; any other run stands alone.
func (m *Message) pairUp() {
	var stack []int
	for k, g := range m.gaps {
		m.pair[k] = -1
		if n := len(stack); n > 0 {
			top := m.gaps[stack[n-1]]
			if isEmphasis(top) && g == top || isLinkOpen(top) && strings.HasPrefix(g, "]") {
				m.pair[k], m.pair[stack[n-1]] = stack[n-1], k
				stack = stack[:n-1]
				continue
			}
		}
		if isEmphasis(g) || isLinkOpen(g) {
			stack = append(stack, k)
			m.opener[k] = true
		}
	}
	for _, k := range stack {
		m.opener[k] = false // never closed: a run of its own
	}
}

func isEmphasis(g string) bool {
	return g != "" && strings.Trim(g, "*_~") == ""
}

func isLinkOpen(g string) bool { return g == "[" || g == "![" }

// element is the HTML that stands for gap k.
func (m *Message) element(k int) string {
	id := "g" + strconv.Itoa(k)
	switch {
	case m.opener[k] && isLinkOpen(m.gaps[k]):
		return `<a id="` + id + `">`
	case m.opener[k]:
		return `<b id="` + id + `">`
	case m.pair[k] >= 0:
		if isEmphasis(m.gaps[k]) {
			return "</b>"
		}
		return "</a>"
	}
	return `<code id="` + id + `">0</code>`
}

// Draft is an engine's translation of a message, decoded.
type Draft struct {
	Text  string
	Marks []Mark
	// Lost names markup runs the engine dropped or repeated (lingo
	// check's structure checks report what that breaks).
	Lost []string
}

// Mark is a word an engine marked: Apertium's * (unknown), # (generation)
// and @ (transfer).
type Mark struct {
	Kind string // unknown, generation or transfer
	Word string
}

var markKinds = map[byte]string{'*': "unknown", '#': "generation", '@': "transfer"}

// Decode turns out, the engine's translation of m.HTML, back into a
// message: each element back to the markup run it stands for, the text
// unescaped with its white space runs made one space, and the engine's
// marks taken off the words and listed.
func (m *Message) Decode(out string) Draft {
	var d Draft
	var b strings.Builder
	seen := make([]int, len(m.gaps))
	// An engine that reorders words may split a pair in two (Apertium:
	// <b>A B</b> C <b>D</b> for "**A B C D**"): its opening run goes at
	// the first opening, its closing run at the last closing.
	times, met := m.count(out), make([]int, len(m.gaps))
	var open []int // gaps whose closing run goes at the next end tag
	z := nethtml.NewTokenizer(strings.NewReader(out))
	skip := 0 // inside an opaque element: its word is not text
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case nethtml.TextToken:
			if skip == 0 {
				b.WriteString(m.unmark(tok.Data, &d))
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			k, ok := m.gapOf(tok)
			if !ok {
				continue
			}
			met[k]++
			if met[k] == 1 || !m.opener[k] {
				seen[k]++
				b.WriteString(m.gaps[k])
			}
			switch {
			case m.opener[k] && tt == nethtml.StartTagToken:
				open = append(open, k)
			case tt == nethtml.StartTagToken:
				skip++
			}
		case nethtml.EndTagToken:
			switch {
			case skip > 0:
				skip--
			case len(open) > 0 && (tok.Data == "a" || tok.Data == "b"):
				o := open[len(open)-1]
				open = open[:len(open)-1]
				if met[o] == times[o] {
					k := m.pair[o]
					seen[k]++
					b.WriteString(m.gaps[k])
				}
			}
		}
	}
	for k, g := range m.gaps {
		if seen[k] != 1 {
			d.Lost = append(d.Lost, g)
		}
	}
	d.Text = tidy(b.String())
	return d
}

// count is how many times each gap's element opens in out.
func (m *Message) count(out string) []int {
	n := make([]int, len(m.gaps))
	z := nethtml.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return n
		}
		if tt == nethtml.StartTagToken || tt == nethtml.SelfClosingTagToken {
			if k, ok := m.gapOf(z.Token()); ok {
				n[k]++
			}
		}
	}
}

// tidy makes each run of spaces, tabs and line breaks one space and
// trims the ends.
func tidy(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// gapOf is the gap an element of m stands for.
func (m *Message) gapOf(tok nethtml.Token) (int, bool) {
	for _, a := range tok.Attr {
		if a.Key != "id" || !strings.HasPrefix(a.Val, "g") {
			continue
		}
		k, err := strconv.Atoi(a.Val[1:])
		if err == nil && k >= 0 && k < len(m.gaps) {
			return k, true
		}
	}
	return 0, false
}

// unmark takes the engine's marks off the words of text, listing them in
// d: a *, # or @ right before a letter or digit that the source's prose
// does not have there.
func (m *Message) unmark(text string, d *Draft) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		kind, isMark := markKinds[c]
		if isMark && (i == 0 || !isWord(text[:i], false)) && i+1 < len(text) && isWord(text[i+1:], true) {
			word := wordAt(text[i+1:])
			if !strings.Contains(m.prose, string(c)+word) {
				if mk := (Mark{Kind: kind, Word: word}); !slices.Contains(d.Marks, mk) {
					d.Marks = append(d.Marks, mk)
				}
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isWord reports whether s starts (first) or ends with a letter or digit.
func isWord(s string, first bool) bool {
	var r rune
	if first {
		r, _ = utf8.DecodeRuneInString(s)
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordAt is the word s starts with.
func wordAt(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' })
	if end < 0 {
		return s
	}
	return s[:end]
}

// String is the message as sent, for errors.
func (m Message) String() string { return fmt.Sprintf("%.60q", m.HTML) }
