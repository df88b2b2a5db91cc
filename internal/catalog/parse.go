package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/lang"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// UnmarshalFuncs are the unmarshal functions lingo registers with go-i18n,
// by file extension. An application that loads lingo's catalogs into an
// i18n.Bundle registers the same ones with Bundle.RegisterUnmarshalFunc.
func UnmarshalFuncs() map[string]i18n.UnmarshalFunc {
	return map[string]i18n.UnmarshalFunc{
		"toml": toml.Unmarshal,
		"json": json.Unmarshal,
		"yaml": yaml.Unmarshal,
		"yml":  yaml.Unmarshal,
	}
}

// pos is a 1-based line and byte column.
type pos struct{ line, col int }

func (p pos) less(q pos) bool {
	return p.line < q.line || p.line == q.line && p.col < q.col
}

// Parse reads the catalog file at path from data. The format comes from the
// extension (toml, json, yaml or yml) and the language from the file name,
// which must be <slug>.<lang>.<ext>; the slug is the part of the path after
// the last folder named <lang>, or the file's stem when there is none.
//
// The messages are those go-i18n's own parser reads. Parse is stricter than
// go-i18n: every message must be a string or a table of the fields
// description, hash and other, all strings; plural forms, null values,
// arrays and IDs that occur twice (after go-i18n joins nested keys with ".")
// are errors. Problems in the file are reported as an *Error. A TOML file
// still in the layout Marshal writes is read by a smaller decoder that gives
// the same entries (canonical.go); any other file, and every error, comes
// from the full parsers.
func Parse(path string, data []byte) (*Catalog, error) {
	base := filepath.Base(path)
	parts := strings.Split(base, ".")
	if len(parts) < 3 || parts[0] == "" {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("file name %q is not <slug>.<lang>.<format>", base)}
	}
	ext, rawLang := parts[len(parts)-1], parts[len(parts)-2]
	format := ext
	if ext == "yml" {
		format = "yaml"
	}
	if format != "toml" && format != "json" && format != "yaml" {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("unknown catalog format %q (want toml, json or yaml)", ext)}
	}
	lang, err := parseLang(rawLang)
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	c := &Catalog{Lang: lang, Slug: slugOf(path, rawLang, strings.Join(parts[:len(parts)-2], "."))}

	// A byte order mark, as Windows editors save, is not part of the
	// catalog: positions are counted after it, as editors count them, and
	// Marshal writes the catalog without it.
	data = bytes.TrimPrefix(data, []byte(bom))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		p := position(data, off)
		return nil, &Error{Path: path, Line: p.line, Col: p.col, Msg: "invalid UTF-8"}
	}
	if len(data) == 0 {
		// go-i18n reads an empty file as no messages, whatever the format.
		return c, nil
	}
	if format == "toml" {
		// Most catalogs are still as lingo wrote them: those are read
		// without go-toml (canonical.go), the rest by the full parser.
		if entries, ok := parseCanonical(data); ok {
			c.Entries = entries
			return c, nil
		}
	}
	return parseFull(c, path, format, data)
}

// parseFull reads the entries of c from data, the valid UTF-8 of the
// catalog file at path in format, through the format's decoder and
// go-i18n's parser.
func parseFull(c *Catalog, path, format string, data []byte) (*Catalog, error) {
	base := filepath.Base(path)
	ext := strings.TrimPrefix(filepath.Ext(base), ".")
	var (
		err   error
		tree  any
		index map[string]pos
	)
	switch format {
	case "toml":
		tree, index, err = indexTOML(data)
	case "json":
		tree, index, err = indexJSON(data)
	case "yaml":
		tree, index, err = indexYAML(data)
	}
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, &Error{Path: path, Line: pe.at.line, Col: pe.at.col, Msg: pe.msg}
		}
		// A decoder's error without a position is the whole file's.
		return nil, &Error{Path: path, Line: 1, Col: 1, Msg: err.Error()}
	}

	w := walker{index: index, byID: map[string]int{}}
	if err := w.top(tree); err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, &Error{Path: path, Line: pe.at.line, Col: pe.at.col, Msg: pe.msg}
		}
		return nil, &Error{Path: path, Msg: err.Error()}
	}

	// What go-i18n reads is what lingo reads: take the messages from its
	// parser and only their order and lines from the walk above. It reads
	// the tree decoded above, as its unmarshal function for the format
	// (UnmarshalFuncs) would decode it again.
	decoded := func(_ []byte, v any) error { *v.(*any) = tree; return nil }
	mf, err := i18n.ParseMessageFileBytes(data, base, map[string]i18n.UnmarshalFunc{ext: decoded})
	if err != nil {
		return nil, &Error{Path: path, Msg: "go-i18n: " + err.Error()}
	}
	if len(mf.Messages) != len(w.entries) {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("go-i18n reads %d messages, lingo %d", len(mf.Messages), len(w.entries))}
	}
	for _, m := range mf.Messages {
		i, ok := w.byID[m.ID]
		if !ok {
			return nil, &Error{Path: path, Msg: fmt.Sprintf("go-i18n reads message %q that lingo does not", m.ID)}
		}
		e := &w.entries[i]
		if e.Other != m.Other || e.Description != m.Description || e.Hash != m.Hash {
			return nil, &Error{Path: path, Line: e.Line, Col: w.at[i].col, Msg: fmt.Sprintf("go-i18n reads message %q differently", m.ID)}
		}
	}
	order := make([]int, len(w.entries))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return w.at[order[a]].less(w.at[order[b]]) })
	c.Entries = make([]Entry, len(order))
	for i, j := range order {
		c.Entries[i] = w.entries[j]
	}
	return c, nil
}

// parseLang validates a language tag from a file name and returns its
// canonical form.
func parseLang(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("file name has no language")
	}
	tag, err := lang.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid language tag %q in file name", s)
	}
	return tag, nil
}

// slugOf guesses the slug from path: the part after the last folder named
// lang, with the stem as its last element.
func slugOf(path, lang, stem string) string {
	dirs := strings.Split(filepath.ToSlash(filepath.Dir(path)), "/")
	for i := len(dirs) - 1; i >= 0; i-- {
		if dirs[i] == lang {
			return strings.Join(append(dirs[i+1:len(dirs):len(dirs)], stem), "/")
		}
	}
	return stem
}

// position returns the line and byte column of offset off in data.
// MaxEntries is the most messages lingo reads from one catalog file: far
// more than any article has, and a bound on the time a hostile file costs
// (go-toml's decoder takes time quadratic in the number of tables).
const MaxEntries = 20_000

// posAt is the position of offset off by the line index ls.
func posAt(ls diag.Lines, off int) pos {
	line, col := ls.Position(off)
	return pos{line, col}
}

func position(data []byte, off int) pos {
	if off > len(data) {
		off = len(data)
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return pos{line, col}
}

// posError is an error at a known position.
type posError struct {
	at  pos
	msg string
}

func (e *posError) Error() string { return fmt.Sprintf("%d:%d: %s", e.at.line, e.at.col, e.msg) }

// pathKey is the index key of a key path.
func pathKey(path []string) string {
	var b strings.Builder
	for _, s := range path {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	return b.String()
}

// walker goes through a decoded file the way go-i18n does, collecting the
// messages and checking lingo's stricter rules.
type walker struct {
	index   map[string]pos
	entries []Entry
	at      []pos
	byID    map[string]int
}

func (w *walker) pos(path []string) pos {
	return w.index[pathKey(path)]
}

func (w *walker) top(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		if _, ok := v.(map[any]any); ok {
			return w.walkMap(v, nil)
		}
		return &posError{pos{1, 1}, "expected a table of messages (an empty catalog is {})"}
	}
	if isMessage(m) {
		return &posError{pos{1, 1}, "expected a table of messages keyed by ID, found a single message"}
	}
	return w.walkMap(m, nil)
}

func (w *walker) walkMap(v any, path []string) error {
	var keys []string
	vals := map[string]any{}
	switch m := v.(type) {
	case map[string]any:
		for k, x := range m {
			keys = append(keys, k)
			vals[k] = x
		}
	case map[any]any:
		for k, x := range m {
			s, ok := k.(string)
			if !ok {
				return &posError{w.pos(path), fmt.Sprintf("key %v is not a string", k)}
			}
			keys = append(keys, s)
			vals[s] = x
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := append(path[:len(path):len(path)], k)
		if err := w.walkValue(vals[k], p); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) walkValue(v any, path []string) error {
	at := w.pos(path)
	id := strings.Join(path, ".")
	switch x := v.(type) {
	case string:
		return w.add(Entry{ID: id, Other: x, Line: at.line}, at)
	case map[string]any:
		if !isMessage(x) {
			if hasReserved(x) {
				return &posError{at, fmt.Sprintf("message %q mixes message fields with other keys", id)}
			}
			return w.walkMap(x, path)
		}
		e := Entry{ID: id, Line: at.line}
		seen := map[string]bool{}
		for k, f := range x {
			lk := strings.ToLower(k)
			if seen[lk] {
				return &posError{at, fmt.Sprintf("message %q has the field %q twice", id, lk)}
			}
			seen[lk] = true
			s, _ := f.(string)
			switch lk {
			case "description":
				e.Description = s
			case "hash":
				e.Hash = s
			case "other":
				e.Other = s
			case "zero", "one", "two", "few", "many":
				if e.Plural == nil {
					e.Plural = map[string]string{}
				}
				e.Plural[lk] = s
			default:
				return &posError{at, fmt.Sprintf("message %q: field %q is not supported (lingo messages have description, hash and other)", id, k)}
			}
		}
		return w.add(e, at)
	case map[any]any:
		return &posError{at, fmt.Sprintf("message %q has a key that is not a string", id)}
	case nil:
		return &posError{at, fmt.Sprintf("message %q is empty (null)", id)}
	case []any:
		return &posError{at, fmt.Sprintf("message %q is a list; lingo messages are strings or tables", id)}
	default:
		return &posError{at, fmt.Sprintf("message %q is a %T; lingo messages are strings or tables", id, v)}
	}
}

func (w *walker) add(e Entry, at pos) error {
	if i, ok := w.byID[e.ID]; ok {
		first := w.at[i]
		if at.less(first) {
			at, first = first, at
		}
		return &posError{at, fmt.Sprintf("message ID %q is defined twice (first at line %d)", e.ID, first.line)}
	}
	w.byID[e.ID] = len(w.entries)
	w.entries = append(w.entries, e)
	w.at = append(w.at, at)
	return nil
}

// isReservedField reports whether go-i18n reads key k with value v as a
// message field (see go-i18n's isReserved).
func isReservedField(k string, v any) bool {
	if !reserved[strings.ToLower(k)] {
		return false
	}
	if k == "translation" {
		return true
	}
	_, ok := v.(string)
	return ok
}

// isMessage reports whether go-i18n reads m as one message: it has message
// fields only.
func isMessage(m map[string]any) bool {
	return hasReserved(m) && func() bool {
		for k, v := range m {
			if !isReservedField(k, v) {
				return false
			}
		}
		return true
	}()
}

func hasReserved(m map[string]any) bool {
	for k, v := range m {
		if isReservedField(k, v) {
			return true
		}
	}
	return false
}

// indexTOML decodes data and maps every key path to its position.
func indexTOML(data []byte) (any, map[string]pos, error) {
	index, perr := positionsTOML(data)
	if _, ok := perr.(*posError); ok {
		return nil, nil, perr
	}
	var tree any
	if err := toml.Unmarshal(data, &tree); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			return nil, nil, &posError{pos{line, col}, explainTOML(data, line, col, de.Error())}
		}
		return nil, nil, err
	}
	if perr != nil {
		return nil, nil, perr
	}
	return tree, index, nil
}

// positionsTOML maps every key path of data to its position with go-toml's
// own parser, in linear time. It refuses more than MaxEntries tables before
// data is decoded; a syntax error is left for the decoder to report.
func positionsTOML(data []byte) (map[string]pos, error) {
	index := map[string]pos{}
	var p unstable.Parser
	p.Reset(data)
	ls := diag.NewLines(data)
	record := func(path []string, at pos) {
		var key strings.Builder // the keys of path's prefixes, as pathKey makes them
		for _, s := range path {
			key.WriteString(strconv.Itoa(len(s)))
			key.WriteByte(':')
			key.WriteString(s)
			if _, ok := index[key.String()]; !ok {
				index[key.String()] = at
			}
		}
	}
	keyOf := func(it unstable.Iterator, prefix []string) ([]string, pos) {
		path := append([]string(nil), prefix...)
		var at pos
		first := true
		for it.Next() {
			n := it.Node()
			if first {
				at = posAt(ls, int(n.Raw.Offset))
				first = false
			}
			path = append(path, string(n.Data))
		}
		return path, at
	}
	var inline func(n *unstable.Node, prefix []string)
	inline = func(n *unstable.Node, prefix []string) {
		path, at := keyOf(n.Key(), prefix)
		record(path, at)
		if v := n.Value(); v.Kind == unstable.InlineTable {
			for it := v.Children(); it.Next(); {
				if c := it.Node(); c.Kind == unstable.KeyValue {
					inline(c, path)
				}
			}
		}
	}
	var table []string
	tables := 0
	for p.NextExpression() {
		e := p.Expression()
		if k := e.Kind; k == unstable.Table || k == unstable.ArrayTable {
			if tables++; tables > MaxEntries {
				return nil, &posError{pos{1, 1}, fmt.Sprintf("more than %d entries: lingo reads at most %d per catalog file (one article's messages)", MaxEntries, MaxEntries)}
			}
		}
		switch e.Kind {
		case unstable.Table:
			var at pos
			table, at = keyOf(e.Key(), nil)
			record(table, at)
		case unstable.ArrayTable:
			var at pos
			table, at = keyOf(e.Key(), nil)
			record(table, at)
			// Keys inside array tables are never looked up: arrays are
			// refused when the tree is walked.
			table = append(table, "\x00[]")
		case unstable.KeyValue:
			inline(e, table)
		}
	}
	return index, p.Error()
}

// indexJSON decodes data and maps every key path to its position, refusing
// duplicate keys, which encoding/json would silently merge.
func indexJSON(data []byte) (any, map[string]pos, error) {
	ls := diag.NewLines(data)
	var tree any
	if err := json.Unmarshal(data, &tree); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off := int(se.Offset) - 1
			if off < 0 {
				off = 0
			}
			return nil, nil, &posError{position(data, off), se.Error()}
		}
		return nil, nil, err
	}
	index := map[string]pos{}
	dec := json.NewDecoder(bytes.NewReader(data))
	var value func(path []string) error
	value = func(path []string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen := map[string]bool{}
			for dec.More() {
				off := int(dec.InputOffset())
				for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
					off++
				}
				at := posAt(ls, off)
				kt, err := dec.Token()
				if err != nil {
					return err
				}
				k, _ := kt.(string)
				if seen[k] {
					return &posError{at, fmt.Sprintf("duplicate key %q", k)}
				}
				seen[k] = true
				p := append(path[:len(path):len(path)], k)
				index[pathKey(p)] = at
				if err := value(p); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for dec.More() {
				if err := value(append(path[:len(path):len(path)], "\x00[]")); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	if err := value(nil); err != nil {
		return nil, nil, err
	}
	return tree, index, nil
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// indexYAML decodes data and maps every key path to its position. A
// catalog is one YAML document: go-i18n and lingo read only the first, so
// a second one is refused rather than dropped.
func indexYAML(data []byte) (any, map[string]pos, error) {
	var doc, next yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, nil, yamlError(err)
	}
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, nil, &posError{pos{next.Line, next.Column}, "a second YAML document starts here: a catalog is one document (go-i18n reads only the first); merge its entries into the first or remove it"}
	case err != io.EOF:
		return nil, nil, yamlError(err)
	}
	var tree any
	if err := yaml.Unmarshal(data, &tree); err != nil {
		err = yamlError(err)
		if _, ok := err.(*posError); !ok && strings.Contains(err.Error(), "aliasing") {
			// The library gives no position: point at the first alias.
			at := pos{1, 1}
			if a := firstAlias(&doc); a != nil {
				at = pos{a.Line, a.Column}
			}
			return nil, nil, &posError{at, err.Error() + ": its aliases (*name) expand to too much text; lingo messages need no aliases"}
		}
		return nil, nil, err
	}
	index := map[string]pos{}
	var walk func(n *yaml.Node, path []string, depth int) error
	walk = func(n *yaml.Node, path []string, depth int) error {
		if depth > 100 {
			return &posError{pos{n.Line, n.Column}, "nesting too deep"}
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			return walk(n.Alias, path, depth+1)
		}
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			at := pos{k.Line, k.Column}
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				if k.ShortTag() == "!!merge" {
					return &posError{at, "YAML merge keys (<<) are not supported"}
				}
				return &posError{at, fmt.Sprintf("key %q is not a string", k.Value)}
			}
			p := append(path[:len(path):len(path)], k.Value)
			if _, ok := index[pathKey(p)]; !ok {
				index[pathKey(p)] = at
			}
			if err := walk(n.Content[i+1], p, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if len(doc.Content) > 0 {
		if err := walk(doc.Content[0], nil, 0); err != nil {
			return nil, nil, err
		}
	}
	return tree, index, nil
}

// firstAlias returns the first alias node of n in document order, or nil.
func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// yamlError turns the YAML library's "yaml: line N: msg" into a posError; the
// library reports no column, so the column is 1.
func yamlError(err error) error {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			return &posError{pos{n, 1}, "yaml: " + m[2]}
		}
	}
	return err
}
