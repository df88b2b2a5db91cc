package frontmatter

import (
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/lingo-l10n/lingo/internal/article"
)

// toml finds the wanted fields of TOML front matter: the string values of
// the key/value pairs before the first table header.
func (f *fieldFinder) toml() ([]article.Segment, error) {
	content := f.content()
	// The full decoder validates what the bare parser does not (duplicate
	// keys, redefined tables) and gives the position of any error.
	var doc map[string]any
	if err := toml.Unmarshal(content, &doc); err != nil {
		return nil, f.tomlError(err)
	}
	var segs []article.Segment
	p := unstable.Parser{}
	p.Reset(content)
	for p.NextExpression() {
		expr := p.Expression()
		if expr.Kind == unstable.Table || expr.Kind == unstable.ArrayTable {
			break // keys from here on belong to a table
		}
		if expr.Kind != unstable.KeyValue {
			continue
		}
		key, ok := simpleKey(expr)
		if !ok || !f.wanted(key) {
			continue
		}
		value := expr.Value()
		text, isString := doc[key].(string)
		if value.Kind != unstable.String || !isString || text == "" {
			continue
		}
		start := int(value.Raw.Offset)
		end := start + int(value.Raw.Length)
		segs = append(segs, f.segment(key, text, start, end, tomlQuote))
	}
	if err := p.Error(); err != nil {
		return nil, f.tomlError(err)
	}
	return segs, nil
}

// simpleKey returns the key of a key/value expression that is not dotted.
func simpleKey(expr *unstable.Node) (string, bool) {
	it := expr.Key()
	if !it.Next() {
		return "", false
	}
	key := string(it.Node().Data)
	if it.Next() {
		return "", false
	}
	return key, true
}

// tomlError turns a go-toml error about the front matter content into an
// *Error positioned in the whole file.
func (f *fieldFinder) tomlError(err error) *Error {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		line, _ := position(f.src, f.block.Start)
		return &Error{Line: line + row - 1, Col: col, Msg: strings.TrimPrefix(de.Error(), "toml: ")}
	}
	var pe *unstable.ParserError
	if errors.As(err, &pe) {
		content := f.content()
		off := cap(content) - cap(pe.Highlight)
		if pe.Highlight == nil || off < 0 || off > len(content) {
			off = 0
		}
		return f.errorAt(f.block.Start+off, pe.Message)
	}
	return f.errorAt(f.block.Start, err.Error())
}
