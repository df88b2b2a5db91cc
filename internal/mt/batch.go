package mt

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"
)

// errSplit is a batch whose translation does not come back as one
// paragraph per message, in order: it is translated again in halves.
var errSplit = errors.New("the engine's output does not split into its messages")

// join wraps each of texts in a paragraph of its own, <p id="mN">, so that
// many messages go through an engine in one request; split takes them
// apart again.
func join(texts []string) string {
	var b strings.Builder
	for i, t := range texts {
		fmt.Fprintf(&b, "<p id=\"m%d\">%s</p>\n", i, t)
	}
	return b.String()
}

// split is the translation of each paragraph join made, in order; errSplit
// when a paragraph is missing, repeated or out of order.
func split(out string, n int) ([]string, error) {
	res := make([]string, n)
	z := nethtml.NewTokenizer(strings.NewReader(out))
	cur, next := -1, 0
	var b strings.Builder
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			break
		}
		raw := string(z.Raw())
		name, hasAttr := z.TagName()
		switch {
		case tt == nethtml.StartTagToken && string(name) == "p" && hasAttr:
			i, ok := paragraphID(z)
			if !ok || i != next || cur >= 0 {
				return nil, errSplit
			}
			cur, next = i, next+1
			b.Reset()
		case tt == nethtml.EndTagToken && string(name) == "p" && cur >= 0:
			res[cur], cur = b.String(), -1
		case cur >= 0:
			b.WriteString(raw)
		}
	}
	if next != n || cur >= 0 {
		return nil, errSplit
	}
	return res, nil
}

// paragraphID is the N of a paragraph's id="mN".
func paragraphID(z *nethtml.Tokenizer) (int, bool) {
	for {
		k, v, more := z.TagAttr()
		if string(k) == "id" && strings.HasPrefix(string(v), "m") {
			i, err := strconv.Atoi(string(v[1:]))
			return i, err == nil
		}
		if !more {
			return 0, false
		}
	}
}

// halves translates texts with do in batches of join; a batch whose
// output does not split is done again in halves, down to one message.
func halves(texts []string, do func(string) (string, error)) ([]string, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	out, err := do(join(texts))
	if err != nil {
		return nil, err
	}
	res, err := split(out, len(texts))
	if err == nil || len(texts) == 1 {
		return res, err
	}
	mid := len(texts) / 2
	a, err := halves(texts[:mid], do)
	if err != nil {
		return nil, err
	}
	b, err := halves(texts[mid:], do)
	return append(a, b...), err
}

// batches cuts texts into runs of at most maxTexts texts and about
// maxBytes bytes (a longer text is a run of its own).
func batches(texts []string, maxTexts, maxBytes int) [][]string {
	var out [][]string
	start, size := 0, 0
	for i, t := range texts {
		if i > start && (i-start >= maxTexts || size+len(t) > maxBytes) {
			out = append(out, texts[start:i])
			start, size = i, 0
		}
		size += len(t)
	}
	if start < len(texts) {
		out = append(out, texts[start:])
	}
	return out
}
