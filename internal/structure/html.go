package structure

import (
	"bytes"
	stdhtml "html"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// tag is a raw HTML tag as the tokenizer reads it.
type tag struct {
	name  string
	end   bool
	attrs []html.Attribute // sorted by key, then value
}

// tags returns the tags of raw HTML, normalized: tag names and attribute
// keys lower case (as the tokenizer gives them), attribute values decoded
// and re-quoted with '"', attributes sorted. A self-closing tag "<br/>" is
// "<br>", as HTML reads it. Comments, doctypes and text are left out.
func tags(raw []byte) []string {
	var out []string
	for _, t := range readTags(raw) {
		out = append(out, t.String())
	}
	return out
}

// readTags tokenizes raw HTML into its tags.
func readTags(raw []byte) []tag {
	var out []tag
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			attrs := slices.Clone(t.Attr)
			slices.SortStableFunc(attrs, func(a, b html.Attribute) int {
				if c := strings.Compare(a.Key, b.Key); c != 0 {
					return c
				}
				return strings.Compare(a.Val, b.Val)
			})
			out = append(out, tag{name: t.Data, attrs: attrs})
		case html.EndTagToken:
			out = append(out, tag{name: z.Token().Data, end: true})
		}
	}
}

// parseTag reads back a tag that tags normalized.
func parseTag(s string) tag {
	if ts := readTags([]byte(s)); len(ts) > 0 {
		return ts[0]
	}
	return tag{name: s}
}

// String is the normalized form of t.
func (t tag) String() string {
	var b strings.Builder
	b.WriteByte('<')
	if t.end {
		b.WriteByte('/')
	}
	b.WriteString(t.name)
	for _, a := range t.attrs {
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(strings.NewReplacer(`&`, `&amp;`, `"`, `&quot;`).Replace(a.Val))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	return b.String()
}

// textAttrs are attributes whose values are prose, translated with the
// message: compared by presence only, and never read as URLs.
var textAttrs = []string{"alt", "title", "aria-label", "aria-description", "placeholder", "label"}

// compareKey is t's normalized form with translatable attribute values
// blanked, so that a translated title does not count as a changed tag.
func (t tag) compareKey() string {
	k := tag{name: t.name, end: t.end, attrs: slices.Clone(t.attrs)}
	for i := range k.attrs {
		if slices.Contains(textAttrs, k.attrs[i].Key) {
			k.attrs[i].Val = ""
		}
	}
	return k.String()
}

// shapeKey is t's normalized form with every attribute value blanked: a
// tag as a reader's page structure sees it.
func (t tag) shapeKey() string {
	k := tag{name: t.name, end: t.end, attrs: slices.Clone(t.attrs)}
	for i := range k.attrs {
		k.attrs[i].Val = ""
	}
	return k.String()
}

// hostAttrs are attributes whose values are fetched or followed as URLs.
var hostAttrs = []string{"href", "src", "srcset", "action", "formaction", "poster", "data", "cite", "background", "xlink:href", "longdesc", "manifest", "ping"}

// urls returns the values of t's attributes that name URLs; srcset gives one
// URL per candidate.
func (t tag) urls() []string {
	var out []string
	for _, a := range t.attrs {
		if !slices.Contains(hostAttrs, a.Key) {
			continue
		}
		if a.Key != "srcset" {
			out = append(out, a.Val)
			continue
		}
		for c := range strings.SplitSeq(a.Val, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				out = append(out, f[0])
			}
		}
	}
	return out
}

// normURL returns u as a browser reads it, for the safety checks: character
// references decoded (repeatedly, to see through double encoding), white
// space, control and format characters removed, backslashes read as
// slashes, lower-cased.
func normURL(u string) string {
	for range 4 {
		d := stdhtml.UnescapeString(u)
		if d == u {
			break
		}
		u = d
	}
	u = strings.Map(func(r rune) rune {
		if r <= ' ' || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		if r == '\\' {
			return '/'
		}
		return unicode.ToLower(r)
	}, u)
	return u
}

// dangerousScheme returns the script-capable scheme of u ("javascript",
// "vbscript", "data"), or "".
func dangerousScheme(u string) string {
	n := normURL(u)
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(n, s) {
			return strings.TrimSuffix(s, ":")
		}
	}
	return ""
}

// host returns the host of an absolute http(s) or protocol-relative URL,
// lower-cased and without user info, port or trailing dot; "" otherwise.
func host(u string) string {
	n := normURL(u)
	switch {
	case strings.HasPrefix(n, "http://"):
		n = n[len("http://"):]
	case strings.HasPrefix(n, "https://"):
		n = n[len("https://"):]
	case strings.HasPrefix(n, "//"):
		n = n[2:]
	default:
		return ""
	}
	n = strings.TrimLeft(n, "/") // browsers skip extra slashes
	if i := strings.IndexAny(n, "/?#"); i >= 0 {
		n = n[:i]
	}
	if i := strings.LastIndexByte(n, '@'); i >= 0 {
		n = n[i+1:]
	}
	if strings.HasPrefix(n, "[") { // IPv6 literal
		if i := strings.IndexByte(n, ']'); i >= 0 {
			return n[:i+1]
		}
		return n
	}
	if i := strings.IndexByte(n, ':'); i >= 0 {
		n = n[:i]
	}
	return strings.TrimSuffix(n, ".")
}
