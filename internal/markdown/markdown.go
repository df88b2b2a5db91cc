// Package markdown finds the translatable segments of a Markdown article. It
// parses the body with goldmark (CommonMark plus GFM tables, strikethrough,
// task lists and autolinks, footnotes and definition lists), takes the text of
// every heading, paragraph, list item, table cell, block quote, footnote and
// definition as one segment each, and asks the frontmatter, htmltext and
// shortcode packages for front matter fields, raw HTML text and shortcode
// parameters. Segments are byte ranges of the source: nothing here rewrites
// Markdown, so rendering can splice translations into the author's bytes.
package markdown

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmltext"
	"github.com/lingo-l10n/lingo/internal/shortcode"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options says which front matter fields and shortcodes matter.
type Options struct {
	FrontMatter    []string // front matter keys whose string values are messages
	CodeShortcodes []string // shortcodes whose inner content is code, never text
	// Shortcodes names the parameters of each shortcode that are
	// messages, by shortcode name; the entry AnyShortcode ("*") is for
	// every other shortcode. Without one, alt, title and caption are.
	Shortcodes map[string]ShortcodeText
}

// ShortcodeText names the parameters of a shortcode that are text to
// translate: named ones by name, positional ones by index among the
// positional parameters (0 is the first), as Hugo's .Get counts them.
type ShortcodeText struct {
	Named      []string
	Positional []int
}

// AnyShortcode is the Options.Shortcodes entry for shortcodes without one
// of their own.
const AnyShortcode = "*"

// defaultShortcodeText is what AnyShortcode means when Options has none.
var defaultShortcodeText = ShortcodeText{Named: []string{"alt", "title", "caption"}}

// shortcodeText is what is text in a call of the shortcode name.
func (o *Options) shortcodeText(name string) ShortcodeText {
	if t, ok := o.Shortcodes[name]; ok {
		return t
	}
	if t, ok := o.Shortcodes[AnyShortcode]; ok {
		return t
	}
	return defaultShortcodeText
}

// Error is bad input at a position of the article (1-based line and byte
// column); the caller names the file.
type Error = diag.Error

// Parser finds segments. It is safe for concurrent use.
type Parser struct {
	md   goldmark.Markdown
	opts Options
}

// Goldmark returns goldmark configured as lingo parses Markdown: CommonMark
// with GFM (tables, strikethrough, task lists, autolinks), footnotes,
// definition lists and heading attributes ({#id}). HTML output uses the same
// configuration, so that what is found and what is shown agree.
func Goldmark(opts ...goldmark.Option) goldmark.Markdown {
	opts = append([]goldmark.Option{
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	}, opts...)
	return goldmark.New(opts...)
}

// New returns a Parser with the given options.
func New(opts Options) *Parser {
	return &Parser{md: Goldmark(), opts: opts}
}

// Parsed is what Parse finds in an article.
type Parsed struct {
	Segments []article.Segment
	// Refs are the link reference definitions ([label]: /url), by label
	// as goldmark normalizes it (util.ToLinkReference), to their
	// destination.
	Refs map[string]string
}

// Segments returns the translatable segments of src in source order.
func (p *Parser) Segments(src []byte) ([]article.Segment, error) {
	parsed, err := p.Parse(src)
	if err != nil {
		return nil, err
	}
	return parsed.Segments, nil
}

// Parse returns the segments of src and its link reference definitions.
func (p *Parser) Parse(src []byte) (*Parsed, error) {
	if i := invalidUTF8(src); i >= 0 {
		l, c := diag.NewLines(src[:i]).Position(i)
		return nil, &Error{Line: l, Col: c, Msg: "invalid UTF-8 (articles must be UTF-8)"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		l, c := diag.NewLines(src[:i]).Position(i)
		return nil, &Error{Line: l, Col: c, Msg: "NUL byte in article"}
	}
	fm, segs, err := p.frontMatter(src)
	if err != nil {
		return nil, err
	}
	for i := range segs {
		segs[i].Spans = p.proseSpans(segs[i].Text)
	}
	w := walker{src: src, base: fm.Body, opts: p.opts}
	ctx := parser.NewContext()
	doc := p.md.Parser().Parse(text.NewReader(src[fm.Body:]), parser.WithContext(ctx))
	w.ctx = ctx
	w.prepare(doc)
	w.walk(doc)
	for i := range w.segs {
		// Text in raw HTML is read as Markdown by the checks (a link,
		// a code span in it must stay): its prose is what they read as text.
		if k := w.segs[i].Kind; k == article.KindHTML || k == article.KindAttribute {
			w.segs[i].Spans = p.proseSpans(w.segs[i].Text)
		}
	}
	segs = append(segs, w.segs...)
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].Start() < segs[j].Start() })
	lines := diag.NewLines(src)
	for i := range segs {
		segs[i].Line, segs[i].Column = lines.Position(segs[i].Start())
	}
	refs := map[string]string{}
	for _, r := range ctx.References() {
		refs[util.ToLinkReference(r.Label())] = string(r.Destination())
	}
	return &Parsed{Segments: segs, Refs: refs}, nil
}

// frontMatter finds the front matter and its translatable fields. A
// delimiter line that does not open key-value pairs ("---" followed by text)
// is Markdown, a thematic break or a setext underline, not front matter; a
// JSON object at the top ("{" and a key) is front matter, malformed or not.
func (p *Parser) frontMatter(src []byte) (frontmatter.Block, []article.Segment, error) {
	fm, err := frontmatter.Split(src)
	if err == nil {
		var segs []article.Segment
		segs, err = frontmatter.Fields(src, fm, p.opts.FrontMatter)
		if err == nil {
			return fm, segs, nil
		}
	}
	if opensKeys(src) || frontmatter.OpensJSON(src) {
		return fm, nil, err
	}
	none := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		none = 3
	}
	return frontmatter.Block{Start: none, End: none, Body: none}, nil, nil
}

// opensKeys reports whether the first line after the opening delimiter
// starts a key: "name:" or "name =".
func opensKeys(src []byte) bool {
	_, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok {
		return false
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	i := 0
	for i < len(line) && (line[i] == '_' || line[i] == '-' || line[i] == '.' || unicode.IsLetter(rune(line[i])) || unicode.IsDigit(rune(line[i]))) {
		i++
	}
	if i == 0 {
		return false
	}
	for i < len(line) && isBlank(line[i]) {
		i++
	}
	return i < len(line) && (line[i] == ':' || line[i] == '=')
}

// walker carries the state of one pass over a document.
type walker struct {
	src     []byte
	base    int // offset of the Markdown body in src
	opts    Options
	ctx     parser.Context
	opaque  []article.Range       // code blocks and code-shortcode contents
	codes   []shortcode.Shortcode // shortcodes and placeholders outside code, in order
	covered []article.Range       // opaque and codes, sorted and merged
	section string
	segs    []article.Segment
}

// prepare finds the code blocks, then the shortcodes outside them.
func (w *walker) prepare(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			if r, ok := w.blockRange(n); ok {
				w.opaque = append(w.opaque, r)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, sc := range shortcode.Scan(w.src, article.Range{Start: w.base, End: len(w.src)}) {
		if !w.inOpaque(sc.Range) {
			w.codes = append(w.codes, sc)
		}
	}
	w.opaque = append(w.opaque, shortcode.CodeRegions(w.src, w.codes, w.opts.CodeShortcodes)...)
	w.covered = slices.Clone(w.opaque)
	for _, sc := range w.codes {
		w.covered = append(w.covered, sc.Range)
	}
	w.covered = merge(w.covered)
}

// merge sorts ranges and joins those that overlap.
func merge(rs []article.Range) []article.Range {
	slices.SortFunc(rs, func(a, b article.Range) int { return a.Start - b.Start })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}

// blockRange is the source range covered by a block's lines.
func (w *walker) blockRange(n ast.Node) (article.Range, bool) {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		return article.Range{}, false
	}
	return article.Range{Start: w.base + lines.At(0).Start, End: w.base + lines.At(lines.Len()-1).Stop}, true
}

func (w *walker) inOpaque(r article.Range) bool {
	for _, o := range w.opaque {
		if r.Start >= o.Start && r.End <= o.End {
			return true
		}
	}
	return false
}

func (w *walker) walk(doc ast.Node) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindFencedCodeBlock, ast.KindCodeBlock:
			return ast.WalkSkipChildren, nil
		case ast.KindLinkReferenceDefinition:
			w.refTitle(n.(*ast.LinkReferenceDefinition))
			return ast.WalkSkipChildren, nil
		case ast.KindHTMLBlock:
			if r, ok := w.blockRange(n); ok && !w.inOpaque(r) {
				w.segs = append(w.segs, htmltext.Segments(w.src, r)...)
			}
			return ast.WalkSkipChildren, nil
		case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock,
			extast.KindTableCell, extast.KindDefinitionTerm:
			w.textBlock(n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// textBlock turns a block of inline content into segments: one for each run
// of lines that holds prose, and one for each translatable parameter of a
// shortcode that stands on lines of its own.
func (w *walker) textBlock(n ast.Node) {
	pieces := w.taskMarker(n, w.pieces(n))
	if len(pieces) == 0 {
		return
	}
	kind, level := kindOf(n)
	if kind == article.KindHeading {
		defer func() { w.section = plainText(n, w.src[w.base:]) }()
	}
	var run []article.Range
	flush := func() {
		if len(run) > 0 {
			w.prose(n, kind, level, run)
			run = nil
		}
	}
	for _, pc := range pieces {
		pc, ok := w.outsideSpanning(pc)
		if !ok || w.structural(pc) {
			flush()
			continue
		}
		run = append(run, pc)
	}
	flush()
	first := sort.Search(len(w.codes), func(i int) bool { return w.codes[i].Range.Start >= pieces[0].Start })
	for _, sc := range w.codes[first:] {
		if sc.Range.Start >= pieces[len(pieces)-1].End {
			break
		}
		if sc.Range.End <= pieces[len(pieces)-1].End && w.standsAlone(sc.Range, pieces) {
			w.params(sc)
		}
	}
}

// pieces are a block's lines, trimmed of indentation, trailing blanks and
// line endings, in absolute offsets.
func (w *walker) pieces(n ast.Node) []article.Range {
	lines := n.Lines()
	out := make([]article.Range, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		start, end := w.base+seg.Start, w.base+seg.Stop
		for start < end && isBlank(w.src[start]) {
			start++
		}
		for end > start && (isBlank(w.src[end-1]) || w.src[end-1] == '\n' || w.src[end-1] == '\r') {
			end--
		}
		if end > start {
			out = append(out, article.Range{Start: start, End: end})
		}
	}
	return out
}

// taskMarker leaves a GFM task list marker ("[ ] ", "[x] ") out of the
// first piece of a list item's block: it is structure, and a translation
// that touched it would break the task list. goldmark has found the
// marker (a TaskCheckBox first child); its bytes are "[", one blank or x,
// "]", then blanks.
func (w *walker) taskMarker(n ast.Node, pieces []article.Range) []article.Range {
	if len(pieces) == 0 || n.FirstChild() == nil || n.FirstChild().Kind() != extast.KindTaskCheckBox {
		return pieces
	}
	p := &pieces[0]
	if p.Len() < 3 || w.src[p.Start] != '[' || w.src[p.Start+2] != ']' {
		return pieces
	}
	p.Start += 3
	for p.Start < p.End && isBlank(w.src[p.Start]) {
		p.Start++
	}
	if p.Start == p.End {
		return pieces[1:]
	}
	return pieces
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// outsideSpanning trims from a line the part of a shortcode that began on
// an earlier line or ends on a later one: the "%}}" that closes a shortcode
// whose parameters fill the lines above is structure, never text. It
// reports false when nothing is left.
func (w *walker) outsideSpanning(pc article.Range) (article.Range, bool) {
	if r, ok := w.shortcodeAt(pc.Start); ok && r.Start < pc.Start {
		pc.Start = min(r.End, pc.End)
	}
	if pc.End > pc.Start {
		if r, ok := w.shortcodeAt(pc.End - 1); ok && r.End > pc.End {
			pc.End = max(r.Start, pc.Start)
		}
	}
	for pc.Start < pc.End && isBlank(w.src[pc.Start]) {
		pc.Start++
	}
	for pc.End > pc.Start && isBlank(w.src[pc.End-1]) {
		pc.End--
	}
	return pc, pc.End > pc.Start
}

// shortcodeAt returns the range of the shortcode or placeholder that holds
// pos.
func (w *walker) shortcodeAt(pos int) (article.Range, bool) {
	i := sort.Search(len(w.codes), func(i int) bool { return w.codes[i].Range.End > pos })
	if i < len(w.codes) && w.codes[i].Range.Start <= pos {
		return w.codes[i].Range, true
	}
	return article.Range{}, false
}

// structural reports whether a line holds nothing but shortcodes,
// placeholders and code: no prose of its own.
func (w *walker) structural(pc article.Range) bool {
	pos := pc.Start
	for pos < pc.End {
		if r, ok := w.coverAt(pos); ok {
			pos = r.End
			continue
		}
		if !isBlank(w.src[pos]) {
			return false
		}
		pos++
	}
	return true
}

// coverAt returns the covered range (code, shortcode, placeholder) that
// holds pos.
func (w *walker) coverAt(pos int) (article.Range, bool) {
	i := sort.Search(len(w.covered), func(i int) bool { return w.covered[i].End > pos })
	if i < len(w.covered) && w.covered[i].Start <= pos {
		return w.covered[i], true
	}
	return article.Range{}, false
}

// standsAlone reports whether the shortcode at r lies on structural lines.
func (w *walker) standsAlone(r article.Range, pieces []article.Range) bool {
	i := sort.Search(len(pieces), func(i int) bool { return pieces[i].End > r.Start })
	for ; i < len(pieces) && pieces[i].Start < r.End; i++ {
		if !w.structural(pieces[i]) {
			return false
		}
	}
	return true
}

// params emits the translatable parameters of a shortcode: those
// Options.Shortcodes names for it. A positional parameter's Field is its
// index ("0").
func (w *walker) params(sc shortcode.Shortcode) {
	if sc.Comment || sc.Placeholder || sc.Closing {
		return
	}
	text := w.opts.shortcodeText(sc.Name)
	pos := -1
	for _, p := range sc.Params {
		field := p.Name
		if p.Name == "" {
			pos++
			field = strconv.Itoa(pos)
		}
		if p.Name == "" && !slices.Contains(text.Positional, pos) || p.Name != "" && !slices.Contains(text.Named, p.Name) ||
			!article.HasLetter(w.src[p.Value.Start:p.Value.End]) {
			continue
		}
		txt := string(w.src[p.Value.Start:p.Value.End])
		w.segs = append(w.segs, article.Segment{
			Kind: article.KindShortcode, Field: field, Section: w.section,
			Text: txt, Pieces: []article.Range{p.Value},
			Spans:  []article.Range{{Start: 0, End: len(txt)}},
			Escape: quoteEscaper(p.Quote),
		})
	}
}

// refTitle emits the title of a link reference definition
// ([label]: /url "Title").
func (w *walker) refTitle(def *ast.LinkReferenceDefinition) {
	r, ok := w.blockRange(def)
	if !ok || !article.HasLetter(def.Title) || w.inOpaque(r) {
		return
	}
	i := bytes.LastIndex(w.src[r.Start:r.End], def.Title)
	if i < 1 {
		return // the title holds escapes: its raw bytes differ from the value
	}
	start := r.Start + i
	txt := string(def.Title)
	w.segs = append(w.segs, article.Segment{
		Kind: article.KindLinkTitle, Section: w.section, Text: txt,
		Pieces:    []article.Range{{Start: start, End: start + len(def.Title)}},
		Spans:     []article.Range{{Start: 0, End: len(txt)}},
		Multiline: true, Escape: titleEscaper(w.src[start-1]),
	})
}

// titleEscaper returns how a translation is written inside a link title
// opened by q: '"', '\” or '('.
func titleEscaper(q byte) func(string) string {
	esc := map[byte]string{'"': `"`, '\'': `'`, '(': "()"}[q]
	return func(t string) string {
		if lines := strings.Split(t, "\n"); len(lines) > 2 { // a blank line would end the definition
			mid := slices.DeleteFunc(lines[1:len(lines)-1], func(l string) bool { return strings.TrimSpace(l) == "" })
			t = strings.Join(slices.Concat(lines[:1], mid, lines[len(lines)-1:]), "\n")
		}
		var b strings.Builder
		for i := 0; i < len(t); i++ {
			if strings.IndexByte(esc, t[i]) >= 0 && (i == 0 || t[i-1] != '\\') {
				b.WriteByte('\\')
			}
			b.WriteByte(t[i])
		}
		return b.String()
	}
}

// quoteEscaper returns how a translation is written inside a shortcode
// parameter quoted with q ('"', '`' or 0 for unquoted): on one line, its
// quotes escaped. A message holds the value's bytes as written, so a
// translation is too:
//
//   - inside "…", where Hugo reads \" as a quote and any other backslash as
//     itself, a quote gets a backslash unless it has one (a translator may
//     copy the source's \"), and a final backslash, which would escape the
//     closing quote, is followed by a space;
//   - inside `…`, which has no escapes, a backtick becomes an apostrophe;
//   - an unquoted value, which would end at a space, becomes "…" as above.
func quoteEscaper(q byte) func(string) string {
	return func(t string) string {
		t = strings.Join(strings.Fields(t), " ")
		switch q {
		case '"':
			return escapeDoubleQuoted(t)
		case '`':
			return strings.ReplaceAll(t, "`", "'")
		}
		return `"` + escapeDoubleQuoted(t) + `"`
	}
}

// escapeDoubleQuoted writes t to go between the double quotes of a
// shortcode parameter.
func escapeDoubleQuoted(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '"' && (i == 0 || t[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(t[i])
	}
	if strings.HasSuffix(t, `\`) {
		b.WriteByte(' ')
	}
	return b.String()
}

// prose emits one segment for a run of lines of a text block, if it holds
// anything to translate.
func (w *walker) prose(n ast.Node, kind article.Kind, level int, run []article.Range) {
	seg := article.Segment{
		Kind: kind, Level: level, Section: w.section,
		Text:   article.JoinPieces(w.src, run),
		Pieces: slices.Clone(run),
	}
	seg.Spans, seg.Refs = w.spans(n, run)
	if !w.hasProse(seg) {
		return
	}
	// A setext heading may span lines; an ATX heading or a table cell may not.
	if (kind != article.KindHeading || len(run) > 1) && kind != article.KindTableCell && kind != article.KindTableHead {
		seg.Multiline = true
		seg.Continue = lineEnding(w.src) + indentOf(w.src, run[0].Start)
	}
	w.segs = append(w.segs, seg)
}

// hasProse reports whether a letter lies in the segment's prose spans.
func (w *walker) hasProse(seg article.Segment) bool {
	for _, sp := range seg.Spans {
		if article.HasLetter([]byte(seg.Text[sp.Start:sp.End])) {
			return true
		}
	}
	return false
}

// lineEnding is "\r\n" for an article written with CRLF, else "\n".
func lineEnding(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// indentOf is as many spaces as the column of pos: enough to continue a
// paragraph inside a list item, and a lazy continuation elsewhere.
func indentOf(src []byte, pos int) string {
	start := bytes.LastIndexByte(src[:pos], '\n') + 1
	return string(bytes.Repeat([]byte(" "), utf8.RuneCount(src[start:pos])))
}

// kindOf names what a text block is, from the node and its ancestors.
func kindOf(n ast.Node) (article.Kind, int) {
	switch n.Kind() {
	case ast.KindHeading:
		return article.KindHeading, n.(*ast.Heading).Level
	case extast.KindTableCell:
		if n.Parent() != nil && n.Parent().Kind() == extast.KindTableHeader {
			return article.KindTableHead, 0
		}
		return article.KindTableCell, 0
	case extast.KindDefinitionTerm:
		return article.KindTerm, 0
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.Kind() {
		case ast.KindListItem:
			return article.KindListItem, 0
		case ast.KindBlockquote:
			return article.KindQuote, 0
		case extast.KindFootnote:
			return article.KindFootnote, 0
		case extast.KindDefinitionDescription:
			return article.KindDefinition, 0
		}
	}
	return article.KindParagraph, 0
}

// plainText is the text of a block's Text nodes, for section names.
func plainText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return string(b.Bytes())
}

func invalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// proseSpans are the ranges of a front matter value or a text in raw HTML
// that are prose when it is read as Markdown, as site generators render
// descriptions (markdownify) and the checks read every message: its text
// outside code spans, autolinks and raw HTML.
func (p *Parser) proseSpans(value string) []article.Range {
	src := []byte(value)
	doc := p.md.Parser().Parse(text.NewReader(src))
	var spans []article.Range
	_ = ast.Walk(doc, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c.Kind() {
		case ast.KindCodeSpan, ast.KindAutoLink, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		case ast.KindText:
			seg := c.(*ast.Text).Segment
			spans = append(spans, article.Range{Start: seg.Start, End: seg.Stop})
		}
		return ast.WalkContinue, nil
	})
	return spans
}
