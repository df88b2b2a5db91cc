package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// reserved are the keys go-i18n reads as message fields (case-insensitive).
// An ID equal to one of them could make go-i18n read the table that holds it
// as a message, so Marshal refuses such IDs.
var reserved = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
	"translation": true,
}

// Marshal returns the catalog as a go-i18n message file in format (toml, json
// or yaml). The bytes depend only on the catalog: entries are written in the
// given order, each keyed by its ID, with the fields description and hash
// (when not empty) and other. Multi-line text is written as a TOML
// multi-line string or a YAML literal block when that reads back exactly,
// and as an escaped string otherwise. In TOML, the texts a translator
// types into (other, the plural forms) are written between double quotes,
// where an apostrophe can be typed as it is (other = "", other = "L'effet"):
// see tomlText. IDs must be unique and not empty, and
// all text must be valid UTF-8.
func Marshal(c *Catalog, format string) ([]byte, error) {
	if err := validate(c); err != nil {
		return nil, err
	}
	switch format {
	case "toml":
		return marshalTOML(c)
	case "json":
		return marshalJSON(c)
	case "yaml":
		return marshalYAML(c)
	}
	return nil, fmt.Errorf("catalog: unknown format %q (want toml, json or yaml)", format)
}

func validate(c *Catalog) error {
	seen := make(map[string]bool, len(c.Entries))
	for i, e := range c.Entries {
		if e.ID == "" {
			return fmt.Errorf("catalog: entry %d has an empty ID", i+1)
		}
		if reserved[strings.ToLower(e.ID)] {
			return fmt.Errorf("catalog: entry %d: ID %q is a go-i18n field name", i+1, e.ID)
		}
		if seen[e.ID] {
			return fmt.Errorf("catalog: duplicate ID %q", e.ID)
		}
		seen[e.ID] = true
		for _, f := range [...]struct{ name, s string }{{"ID", e.ID}, {"description", e.Description}, {"hash", e.Hash}, {"other", e.Other}} {
			if !utf8.ValidString(f.s) {
				return fmt.Errorf("catalog: entry %q: %s is not valid UTF-8", e.ID, f.name)
			}
		}
	}
	return nil
}

func header(c *Catalog) string {
	return fmt.Sprintf("%s: %s catalog, written by lingo.", oneLine(c.Slug), oneLine(c.Lang))
}

// oneLine keeps a header comment on one line whatever the slug holds.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
}

// tomlMessage and tomlMessageML are the fields of one message; the second
// writes multi-line text as TOML multi-line strings.
type tomlMessage struct {
	Description string `toml:"description,omitempty"`
	Hash        string `toml:"hash,omitempty"`
	Zero        string `toml:"zero,omitempty"`
	One         string `toml:"one,omitempty"`
	Two         string `toml:"two,omitempty"`
	Few         string `toml:"few,omitempty"`
	Many        string `toml:"many,omitempty"`
	Other       string `toml:"other"`
}

type tomlMessageML struct {
	Description string `toml:"description,omitempty,multiline"`
	Hash        string `toml:"hash,omitempty"`
	Zero        string `toml:"zero,omitempty,multiline"`
	One         string `toml:"one,omitempty,multiline"`
	Two         string `toml:"two,omitempty,multiline"`
	Few         string `toml:"few,omitempty,multiline"`
	Many        string `toml:"many,omitempty,multiline"`
	Other       string `toml:"other,multiline"`
}

func marshalTOML(c *Catalog) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("# " + header(c) + "\n")
	for _, e := range c.Entries {
		b, err := tomlEntry(e)
		if err != nil {
			return nil, fmt.Errorf("catalog: entry %q: %w", e.ID, err)
		}
		out.WriteByte('\n')
		out.WriteString(commentLines(e.Comment))
		out.Write(b)
	}
	return out.Bytes(), nil
}

// commentLines is comment as "# " lines, each ending in a newline.
func commentLines(comment string) string {
	if comment == "" {
		return ""
	}
	var b strings.Builder
	for _, line := range strings.Split(comment, "\n") {
		b.WriteString(strings.TrimRight("# "+oneLine(line), " ") + "\n")
	}
	return b.String()
}

// tomlEntry encodes one entry as a table whose header is the quoted ID.
// The texts a translator types into (other and the plural forms) are
// written between double quotes, where an apostrophe is valid as typed (see
// tomlText); the rest as go-toml writes it. Where that does not read back
// exactly, go-toml writes the whole entry, multi-line strings preferred,
// escaped ones as the last resort.
func tomlEntry(e Entry) ([]byte, error) {
	p := e.Plural
	if b, err := toml.Marshal(map[string]tomlMeta{e.ID: {e.Description, e.Hash}}); err == nil {
		for _, f := range [...]struct{ name, text string }{{"zero", p["zero"]}, {"one", p["one"]}, {"two", p["two"]}, {"few", p["few"]}, {"many", p["many"]}} {
			if f.text != "" {
				b = append(b, f.name+" = "+tomlText(f.text)+"\n"...)
			}
		}
		b = append(b, "other = "+tomlText(e.Other)+"\n"...)
		if tomlReadsBack(b, e) {
			return b, nil
		}
	}
	ml := map[string]tomlMessageML{e.ID: {e.Description, e.Hash, p["zero"], p["one"], p["two"], p["few"], p["many"], e.Other}}
	b, err := toml.Marshal(ml)
	if err == nil && tomlReadsBack(b, e) {
		return b, nil
	}
	b, err = toml.Marshal(map[string]tomlMessage{e.ID: {e.Description, e.Hash, p["zero"], p["one"], p["two"], p["few"], p["many"], e.Other}})
	if err != nil {
		return nil, err
	}
	if !tomlReadsBack(b, e) {
		return nil, fmt.Errorf("cannot be written as TOML that reads back exactly")
	}
	return b, nil
}

// quoteRun is the length of the run of quotation marks around s[i].
func quoteRun(s string, i int) int {
	return len(s[:i]) - len(strings.TrimRight(s[:i], `"`)) + len(s[i:]) - len(strings.TrimLeft(s[i:], `"`))
}

// tomlMeta is the part of an entry lingo writes and translators leave
// alone: go-toml writes it (literal strings where it can).
type tomlMeta struct {
	Description string `toml:"description,omitempty,multiline"`
	Hash        string `toml:"hash,omitempty"`
}

// tomlText writes a translator's text so that what translators type most
// stays valid as typed: between double quotes ("L'effet"), never single
// ones, where the next apostrophe would end the text; and where the text
// holds a quotation mark or a line break, between triple double quotes,
// where a " is valid as typed too ("""Il a dit "oui"."""). A backslash is
// written \\; control characters other than a line break are escaped.
func tomlText(s string) string {
	multi := strings.ContainsAny(s, "\"\n")
	var b strings.Builder
	if multi {
		b.WriteString(`"""` + "\n")
	} else {
		b.WriteByte('"')
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			b.WriteString(`\\`)
		case c == '"' && (!multi || quoteRun(s, i) >= 3):
			b.WriteString(`\"`) // on one line, or in a run of three: it would close the text
		case c == '\n' && multi:
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, c)
		default:
			b.WriteByte(c)
		}
	}
	if multi {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}

// tomlReadsBack reports whether b, entry e as TOML, reads back as e.
func tomlReadsBack(b []byte, e Entry) bool {
	k := readBackKey(b, e)
	readBack.Lock()
	ok := readBack.exact[k]
	readBack.Unlock()
	if ok {
		return true
	}
	var back map[string]map[string]string
	if err := toml.Unmarshal(b, &back); err != nil || len(back) != 1 {
		return false
	}
	if m, ok := back[e.ID]; !ok || !sameFields(m, e) {
		return false
	}
	readBack.Lock()
	if len(readBack.exact) >= readBackSize {
		clear(readBack.exact)
	}
	readBack.exact[k] = true
	readBack.Unlock()
	return true
}

// readBack remembers, by a hash of their bytes and of the entry (its
// key), the entries tomlReadsBack found exact: a build writes most
// catalogs two or three times (sync compares, then writes them; the
// runtime bundle), and reading an entry back cost as much as writing it.
var readBack = struct {
	sync.Mutex
	exact map[uint64]bool
}{exact: map[uint64]bool{}}

// readBackSize bounds readBack (about 2 MB); past it, it starts again.
const readBackSize = 1 << 16

var readBackSeed = maphash.MakeSeed()

// readBackKey is the key of entry e written as b in readBack.
func readBackKey(b []byte, e Entry) uint64 {
	var h maphash.Hash
	h.SetSeed(readBackSeed)
	h.Write(b)
	for _, f := range []string{e.ID, e.Description, e.Hash, e.Other} {
		h.WriteByte(0)
		h.WriteString(f)
	}
	for _, form := range PluralForms {
		h.WriteByte(0)
		h.WriteString(e.Plural[form])
	}
	return h.Sum64()
}

func marshalJSON(c *Catalog) ([]byte, error) {
	if len(c.Entries) == 0 {
		return []byte("{}\n"), nil
	}
	var out bytes.Buffer
	out.WriteString("{\n")
	for i, e := range c.Entries {
		out.WriteString("  " + jsonString(e.ID) + ": {\n")
		var fields []string
		if e.Description != "" {
			fields = append(fields, `    "description": `+jsonString(e.Description))
		}
		if e.Hash != "" {
			fields = append(fields, `    "hash": `+jsonString(e.Hash))
		}
		for _, form := range PluralForms {
			if v := e.Plural[form]; v != "" {
				fields = append(fields, `    "`+form+`": `+jsonString(v))
			}
		}
		fields = append(fields, `    "other": `+jsonString(e.Other))
		out.WriteString(strings.Join(fields, ",\n"))
		out.WriteString("\n  }")
		if i < len(c.Entries)-1 {
			out.WriteByte(',')
		}
		out.WriteByte('\n')
	}
	out.WriteString("}\n")
	return out.Bytes(), nil
}

// jsonString quotes s as a JSON string, leaving <, > and & as they are.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a valid UTF-8 string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func marshalYAML(c *Catalog) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	doc := &yaml.Node{Kind: yaml.DocumentNode, HeadComment: header(c), Content: []*yaml.Node{root}}
	if len(c.Entries) == 0 {
		root.Style = yaml.FlowStyle
	}
	for _, e := range c.Entries {
		msg := &yaml.Node{Kind: yaml.MappingNode}
		if e.Description != "" {
			msg.Content = append(msg.Content, yamlStr("description", 0), yamlText(e.Description))
		}
		if e.Hash != "" {
			msg.Content = append(msg.Content, yamlStr("hash", 0), yamlText(e.Hash))
		}
		for _, form := range PluralForms {
			if v := e.Plural[form]; v != "" {
				msg.Content = append(msg.Content, yamlStr(form, 0), yamlText(v))
			}
		}
		msg.Content = append(msg.Content, yamlStr("other", 0), yamlText(e.Other))
		key := yamlStr(e.ID, 0)
		key.HeadComment = strings.TrimSuffix(commentLines(e.Comment), "\n")
		root.Content = append(root.Content, key, msg)
	}
	b, err := encodeYAML(doc)
	if err != nil {
		return nil, err
	}
	if readsBackYAML(b, c) {
		return b, nil
	}
	// Some multi-line text does not survive a literal block; quote it all.
	for _, n := range root.Content {
		for _, f := range n.Content {
			if f.Style == yaml.LiteralStyle {
				f.Style = yaml.DoubleQuotedStyle
			}
		}
	}
	if b, err = encodeYAML(doc); err != nil {
		return nil, err
	}
	if !readsBackYAML(b, c) {
		return nil, fmt.Errorf("catalog: cannot be written as YAML that reads back exactly")
	}
	return b, nil
}

func yamlStr(s string, style yaml.Style) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: style}
}

// yamlText asks for a literal block for multi-line text; the encoder itself
// falls back to a quoted string when a block cannot hold the text.
func yamlText(s string) *yaml.Node {
	if strings.Contains(s, "\n") && !strings.Contains(s, "\r") {
		return yamlStr(s, yaml.LiteralStyle)
	}
	return yamlStr(s, 0)
}

func encodeYAML(doc *yaml.Node) (b []byte, err error) {
	defer func() {
		// The encoder panics on some inputs instead of returning an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("catalog: cannot write YAML: %v", r)
		}
	}()
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	return out.Bytes(), nil
}

func readsBackYAML(b []byte, c *Catalog) bool {
	var back map[string]map[string]string
	if err := yaml.Unmarshal(b, &back); err != nil || len(back) != len(c.Entries) {
		return false
	}
	for _, e := range c.Entries {
		m, ok := back[e.ID]
		if !ok || !sameFields(m, e) {
			return false
		}
	}
	return true
}

// sameFields reports whether decoded fields m hold exactly entry e.
func sameFields(m map[string]string, e Entry) bool {
	if m["description"] != e.Description || m["hash"] != e.Hash || m["other"] != e.Other {
		return false
	}
	for _, form := range PluralForms {
		if m[form] != e.Plural[form] {
			return false
		}
	}
	return true
}
