package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/lingo-l10n/lingo/internal/check"
)

// writeJSON prints the report as indented JSON, with empty arrays rather
// than null, in the shape of testdata/lingo-check.schema.json.
func writeJSON(w *bufio.Writer, s Stream) error {
	doc := check.Report{Findings: []check.Finding{}, Totals: s.Totals}
	if doc.Totals == nil {
		doc.Totals = []check.Totals{}
	}
	return encodeStreaming(w, doc, "findings", s.Findings)
}

// encodeStreaming writes doc as encodeJSON does, with the items streamed
// into its array named key, which doc holds empty: the same bytes as
// encoding doc with the items in it, one item in memory at a time.
func encodeStreaming[T any](w *bufio.Writer, doc any, key string, items iter.Seq2[T, error]) error {
	var head bytes.Buffer
	if err := encodeJSON(&head, doc); err != nil {
		return err
	}
	marker := []byte(`"` + key + `": [`)
	at := bytes.Index(head.Bytes(), marker)
	if at < 0 || !bytes.HasPrefix(head.Bytes()[at+len(marker):], []byte("]")) {
		return fmt.Errorf("no empty %q array to stream into", key)
	}
	at += len(marker)
	indent := head.Bytes()[bytes.LastIndexByte(head.Bytes()[:at], '\n')+1:]
	indent = indent[:len(indent)-len(bytes.TrimLeft(indent, " "))] // the key's
	prefix := string(indent) + "  "
	w.Write(head.Bytes()[:at])
	n := 0
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	for v, err := range items {
		if err != nil {
			return err
		}
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		if n > 0 {
			w.WriteByte(',')
		}
		w.WriteString("\n" + prefix)
		w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		n++
	}
	if n > 0 {
		w.WriteString("\n")
		w.Write(indent)
	}
	_, err := w.Write(head.Bytes()[at:])
	return err
}

// encodeJSON writes v with two-space indentation and a final newline, and
// leaves <, > and & as they are (messages quote HTML).
func encodeJSON(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
