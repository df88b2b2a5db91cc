package interchange

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/lingo-l10n/lingo/internal/diag"
	"golang.org/x/text/language"
)

// machinePrefix and machineSuffix frame the translator comment that
// names a machine draft's engine.
const (
	machinePrefix = "# machine draft ("
	machineSuffix = "): not published until a person edits or reviews it"
)

// hashPrefix starts the extracted comment that carries a unit's hash; it
// is always the first "#." line of an entry lingo writes.
const hashPrefix = "lingo-hash: "

// pluralForms are gettext's Plural-Forms of common languages, by base
// language; a language not listed gets no Plural-Forms header (lingo's
// messages are singular, so gettext needs none).
var pluralForms = map[string]string{
	"ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
	"bg": "nplurals=2; plural=(n != 1);", "ca": "nplurals=2; plural=(n != 1);",
	"cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
	"da": "nplurals=2; plural=(n != 1);", "de": "nplurals=2; plural=(n != 1);",
	"el": "nplurals=2; plural=(n != 1);", "en": "nplurals=2; plural=(n != 1);",
	"es": "nplurals=2; plural=(n != 1);", "et": "nplurals=2; plural=(n != 1);",
	"fi": "nplurals=2; plural=(n != 1);", "fr": "nplurals=2; plural=(n > 1);",
	"he": "nplurals=2; plural=(n != 1);", "hi": "nplurals=2; plural=(n > 1);",
	"hu": "nplurals=2; plural=(n != 1);", "id": "nplurals=1; plural=0;",
	"it": "nplurals=2; plural=(n != 1);", "ja": "nplurals=1; plural=0;",
	"ko": "nplurals=1; plural=0;", "nb": "nplurals=2; plural=(n != 1);",
	"nl": "nplurals=2; plural=(n != 1);",
	"pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	"pt": "nplurals=2; plural=(n != 1);",
	"ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	"sv": "nplurals=2; plural=(n != 1);", "th": "nplurals=1; plural=0;",
	"tr": "nplurals=2; plural=(n != 1);",
	"uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
	"vi": "nplurals=1; plural=0;", "zh": "nplurals=1; plural=0;",
}

// pluralFormsOf is the Plural-Forms of a BCP 47 tag, "" when not known.
// Brazilian Portuguese counts like French.
func pluralFormsOf(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	base, _ := t.Base()
	if reg, _ := t.Region(); base.String() == "pt" && reg.String() == "BR" {
		return pluralForms["fr"]
	}
	return pluralForms[base.String()]
}

// writePO writes a gettext PO file: a header with the languages (and the
// Plural-Forms of the target language when known) and every field msgfmt
// --check asks for (PO-Revision-Date from d.Revised; Last-Translator and
// Language-Team as gettext's msginit --no-translator writes them, since a
// catalog records no translator), then one entry per
// unit with msgctxt = ID, "#." lines for the hash and context, "#:" for
// the location, "#, fuzzy" for needs-review and "#| msgid" for the
// previous source.
func writePO(d *Document) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# lingo export: " + oneLine(d.SourceLang) + " to " + oneLine(d.TargetLang) + "\n")
	b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	revised := d.Revised
	if revised.IsZero() {
		revised = time.Unix(0, 0)
	}
	header := []string{
		"Project-Id-Version: lingo",
		"PO-Revision-Date: " + revised.UTC().Format("2006-01-02 15:04-0700"),
		"Last-Translator: Automatically generated",
		"Language-Team: none",
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=UTF-8",
		"Content-Transfer-Encoding: 8bit",
		"Language: " + d.TargetLang,
		"X-Source-Language: " + d.SourceLang,
	}
	if pf := pluralFormsOf(d.TargetLang); pf != "" {
		header = append(header, "Plural-Forms: "+pf)
	}
	for _, h := range header {
		b.WriteString(poQuote(h+"\n") + "\n")
	}
	for _, u := range d.Units {
		for _, s := range []string{u.Hash, u.Context, u.Location} {
			if strings.ContainsAny(s, "\r\x00") || s != u.Context && strings.Contains(s, "\n") {
				return nil, fmt.Errorf("interchange: unit %q: a comment cannot hold %q in PO", u.ID, s)
			}
		}
		b.WriteString("\n")
		if u.State == Machine {
			if strings.ContainsAny(u.Engine, "\r\n\x00") {
				return nil, fmt.Errorf("interchange: unit %q: a comment cannot hold %q in PO", u.ID, u.Engine)
			}
			b.WriteString(machinePrefix + u.Engine + machineSuffix + "\n")
		}
		b.WriteString("#. " + hashPrefix + u.Hash + "\n")
		if u.Context != "" {
			for _, line := range strings.Split(u.Context, "\n") {
				b.WriteString("#. " + line + "\n")
			}
		}
		if u.Location != "" {
			b.WriteString("#: " + u.Location + "\n")
		}
		if u.State == NeedsReview || u.State == Machine {
			b.WriteString("#, fuzzy\n")
		}
		if u.Previous != "" {
			b.WriteString(poField("#| msgctxt", u.ID))
			b.WriteString(poField("#| msgid", u.Previous))
		}
		b.WriteString(poField("msgctxt", u.ID))
		b.WriteString(poField("msgid", u.Source))
		b.WriteString(poField("msgstr", u.Target))
	}
	return b.Bytes(), nil
}

// poField writes `keyword "string"`, splitting a string with line breaks
// into one quoted line per line after an empty first string.
func poField(keyword, s string) string {
	prefix := ""
	if strings.HasPrefix(keyword, "#| ") {
		prefix = "#| "
	}
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 1 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) <= 1 {
		return keyword + " " + poQuote(s) + "\n"
	}
	var b strings.Builder
	b.WriteString(keyword + " \"\"\n")
	for _, l := range lines {
		b.WriteString(prefix + poQuote(l) + "\n")
	}
	return b.String()
}

// poQuote is s as a C string gettext reads back exactly.
func poQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\v':
			b.WriteString(`\v`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\%03o`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// poEntry is an entry as read, with the line of its first line.
type poEntry struct {
	line                    int
	extracted               []string
	refs                    []string
	flags                   []string
	prevCtxt, prevID        *string
	ctxt, id, idPlural, str *string
	strN                    map[int]string
	obsolete                bool
	engine                  string // a machine draft's engine (its translator comment)
}

// readPO reads a PO file. Obsolete entries (#~) are left out; plural
// entries are refused, as lingo's messages are singular.
func readPO(data []byte) (*Document, error) {
	p := &poParser{lines: strings.Split(string(data), "\n")}
	entries, err := p.entries()
	if err != nil {
		return nil, err
	}
	d := &Document{}
	for _, e := range entries {
		if e.id == nil {
			return nil, &diag.Error{Line: e.line, Col: 1, Msg: "entry without msgid"}
		}
		if e.str == nil && e.strN == nil {
			return nil, &diag.Error{Line: e.line, Col: 1, Msg: "entry without msgstr"}
		}
		if e.ctxt == nil && *e.id == "" {
			if err := readHeader(d, e); err != nil {
				return nil, err
			}
			continue
		}
		if e.idPlural != nil || e.strN != nil {
			return nil, &diag.Error{Line: e.line, Col: 1, Msg: "plural entry: lingo's messages are singular"}
		}
		u := Unit{Source: *e.id, Target: *e.str, State: New}
		if e.ctxt != nil {
			u.ID = *e.ctxt
		} else {
			u.ID = *e.id
		}
		ext := e.extracted
		if len(ext) > 0 && strings.HasPrefix(ext[0], strings.TrimSpace(hashPrefix)) {
			u.Hash = strings.TrimPrefix(strings.TrimPrefix(ext[0], strings.TrimSpace(hashPrefix)), " ")
			ext = ext[1:]
		}
		u.Context = strings.Join(ext, "\n")
		u.Location = strings.Join(e.refs, " ")
		if e.prevID != nil {
			u.Previous = *e.prevID
		}
		u.Engine = e.engine
		switch {
		case hasFlag(e.flags, "fuzzy") && u.Engine != "" && u.Target != "":
			u.State = Machine
		case hasFlag(e.flags, "fuzzy"):
			u.State = NeedsReview
		case u.Target != "":
			u.State = Translated
		}
		d.Units = append(d.Units, u)
	}
	return d, nil
}

func hasFlag(flags []string, f string) bool {
	for _, fl := range flags {
		if fl == f {
			return true
		}
	}
	return false
}

// pluralFormsRE reads a Plural-Forms header value.
var pluralFormsRE = regexp.MustCompile(`^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*[^;]+;?\s*$`)

// readHeader takes the languages from the header entry and checks its
// Plural-Forms against the target language.
func readHeader(d *Document, e *poEntry) error {
	nplurals := ""
	for _, line := range strings.Split(*e.str, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "Language":
			d.TargetLang = value
		case "X-Source-Language":
			d.SourceLang = value
		case "Plural-Forms":
			m := pluralFormsRE.FindStringSubmatch(value)
			if m == nil {
				return &diag.Error{Line: e.line, Col: 1, Msg: fmt.Sprintf("Plural-Forms %q is not \"nplurals=N; plural=EXPRESSION;\"", value)}
			}
			nplurals = m[1]
		}
	}
	if want := pluralFormsOf(d.TargetLang); want != "" && nplurals != "" {
		if w := pluralFormsRE.FindStringSubmatch(want); w[1] != nplurals {
			return &diag.Error{Line: e.line, Col: 1, Msg: fmt.Sprintf("Plural-Forms has nplurals=%s, but %s has %s plural forms", nplurals, d.TargetLang, w[1])}
		}
	}
	return nil
}

// poParser reads PO lines into entries.
type poParser struct {
	lines []string
	i     int
}

func (p *poParser) errorf(col int, format string, args ...any) error {
	return &diag.Error{Line: p.i + 1, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (p *poParser) entries() ([]*poEntry, error) {
	var out []*poEntry
	var cur *poEntry
	// last is the string the next continuation line adds to.
	var last *string
	lastN := -1
	flush := func() {
		if cur != nil && !cur.obsolete {
			out = append(out, cur)
		}
		cur, last = nil, nil
	}
	begin := func() {
		if cur == nil {
			cur = &poEntry{line: p.i + 1}
		}
	}
	for ; p.i < len(p.lines); p.i++ {
		line := strings.TrimSuffix(p.lines[p.i], "\r")
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			if cur != nil && (cur.str != nil || cur.strN != nil || cur.obsolete) {
				flush()
			}
			continue
		case strings.HasPrefix(trimmed, "#~"):
			if cur != nil && (cur.str != nil || cur.strN != nil) {
				flush()
			}
			begin()
			cur.obsolete = true
			continue
		case strings.HasPrefix(trimmed, "#|"):
			if cur != nil && (cur.str != nil || cur.strN != nil) {
				flush()
			}
			begin()
			rest := strings.TrimSpace(trimmed[2:])
			kw, val, err := p.keyword(rest, len(line)-len(rest)+1)
			if err != nil {
				return nil, err
			}
			s := new(string)
			*s = val
			switch kw {
			case "msgctxt":
				cur.prevCtxt = s
			case "msgid":
				cur.prevID = s
			case "":
				if last == nil {
					return nil, p.errorf(1, "continuation line without a keyword before it")
				}
				*last += val
				continue
			default:
				continue
			}
			last = s
			continue
		case strings.HasPrefix(trimmed, "#"):
			if cur != nil && (cur.str != nil || cur.strN != nil) {
				flush()
			}
			begin()
			last = nil
			text := trimmed[1:]
			switch {
			case strings.HasPrefix(text, "."):
				cur.extracted = append(cur.extracted, strings.TrimPrefix(line[strings.Index(line, "#.")+2:], " "))
			case strings.HasPrefix(text, ":"):
				cur.refs = append(cur.refs, strings.TrimSpace(text[1:]))
			case strings.HasPrefix(trimmed, machinePrefix) && strings.HasSuffix(trimmed, machineSuffix):
				cur.engine = strings.TrimSuffix(strings.TrimPrefix(trimmed, machinePrefix), machineSuffix)
			case strings.HasPrefix(text, ","):
				for _, f := range strings.Split(text[1:], ",") {
					cur.flags = append(cur.flags, strings.TrimSpace(f))
				}
			}
			continue
		}
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		kw, val, err := p.keyword(trimmed, col)
		if err != nil {
			return nil, err
		}
		if kw == "" {
			if last == nil {
				return nil, p.errorf(col, "string without a keyword before it")
			}
			*last += val
			if lastN >= 0 {
				cur.strN[lastN] = *last
			}
			continue
		}
		if cur != nil && (kw == "msgctxt" || kw == "msgid") && (cur.str != nil || cur.strN != nil || kw == "msgctxt" && cur.id != nil) {
			flush()
		}
		begin()
		s := new(string)
		*s = val
		lastN = -1
		var dup bool
		switch {
		case kw == "msgctxt":
			dup, cur.ctxt = cur.ctxt != nil, s
		case kw == "msgid":
			dup, cur.id = cur.id != nil, s
		case kw == "msgid_plural":
			dup, cur.idPlural = cur.idPlural != nil, s
		case kw == "msgstr":
			if cur.id == nil {
				return nil, p.errorf(col, "msgstr without msgid")
			}
			dup, cur.str = cur.str != nil, s
		case strings.HasPrefix(kw, "msgstr["):
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(kw, "msgstr["), "]"))
			if err != nil || !strings.HasSuffix(kw, "]") {
				return nil, p.errorf(col, "bad keyword %q", kw)
			}
			if cur.strN == nil {
				cur.strN = map[int]string{}
			}
			cur.strN[n] = val
			lastN = n
		default:
			return nil, p.errorf(col, "unknown keyword %q", kw)
		}
		if dup {
			return nil, p.errorf(col, "%s given twice in one entry", kw)
		}
		last = s
	}
	flush()
	return out, nil
}

// keyword reads `keyword "string"` or a bare `"string"` (keyword "").
func (p *poParser) keyword(s string, col int) (string, string, error) {
	kw := ""
	if !strings.HasPrefix(s, `"`) {
		i := strings.IndexAny(s, " \t\"")
		if i < 0 {
			return "", "", p.errorf(col, "expected a keyword and a quoted string, found %q", s)
		}
		kw = s[:i]
		rest := strings.TrimLeft(s[i:], " \t")
		col += len(s) - len(rest)
		s = rest
	}
	val, err := poUnquote(s)
	if err != nil {
		return "", "", p.errorf(col, "%s", err.Error())
	}
	return kw, val, nil
}

// poUnquote reads one C string that makes up all of s.
func poUnquote(s string) (string, error) {
	s = strings.TrimRight(s, " \t")
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("expected a quoted string, found %q", s)
	}
	body := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '"' {
			return "", fmt.Errorf("unescaped quote in %s", s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", fmt.Errorf("string ends in a backslash: %s", s)
		}
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\\', '"', '\'', '?':
			b.WriteByte(e)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			n, _ := strconv.ParseUint(body[i:j], 8, 8)
			b.WriteByte(byte(n))
			i = j - 1
		case 'x':
			j := i + 1
			for j < len(body) && j < i+3 && strings.IndexByte("0123456789abcdefABCDEF", body[j]) >= 0 {
				j++
			}
			if j == i+1 {
				return "", fmt.Errorf(`\x without hex digits in %s`, s)
			}
			n, _ := strconv.ParseUint(body[i+1:j], 16, 8)
			b.WriteByte(byte(n))
			i = j - 1
		default:
			return "", fmt.Errorf(`unknown escape \%c in %s`, e, s)
		}
	}
	return b.String(), nil
}
