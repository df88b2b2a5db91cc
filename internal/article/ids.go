package article

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Hash identifies a source text, in go-i18n's "sha1-" form. Translations
// record the hash of the text they were made from. Whitespace is folded
// first, so rewrapping a paragraph changes no hash and makes nothing stale.
func Hash(text string) string {
	if !normalized(text) {
		text = Normalize(text)
	}
	h := sha1.New()
	io.WriteString(h, text)
	var sum [sha1.Size]byte
	var b [len("sha1-") + 2*sha1.Size]byte
	copy(b[:], "sha1-")
	hex.Encode(b[len("sha1-"):], h.Sum(sum[:0]))
	return string(b[:])
}

// normalized reports whether text is as Normalize leaves it (words
// between single spaces, none first or last), as most texts are: Hash
// then hashes it as it is, in one write, not word by word.
func normalized(text string) bool {
	space := true // before the first word
	for _, r := range text {
		if unicode.IsSpace(r) {
			if r != ' ' || space {
				return false
			}
			space = true
		} else {
			space = false
		}
	}
	return !space || text == ""
}

// Normalize folds every run of white space (line breaks included) into one
// space and trims the ends: the text as a reader sees it.
func Normalize(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for w := range strings.FieldsSeq(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// SameText reports whether a and b are the same text once white space is
// folded: Normalize(a) == Normalize(b), without building either.
func SameText(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i, j := wordEnd(a), wordEnd(b)
		if a[:i] != b[:j] {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// wordEnd is the length of the word text starts with.
func wordEnd(text string) int {
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		return i
	}
	return len(text)
}

// Tag is the short name of a segment's kind used in its ID: "h2", "p",
// "fm-title", "attr-alt".
func (s *Segment) Tag() string {
	switch {
	case s.Kind == KindHeading:
		return "h" + strconv.Itoa(s.Level)
	case s.Field != "":
		return string(s.Kind) + "-" + s.Field
	}
	return string(s.Kind)
}

// IDs gives every segment of the article at slug a message ID of the form
// "<slug>.<tag>-<hash8>": it depends only on the segment's kind and text
// (white space folded), so
// inserting, deleting or moving one paragraph changes no other ID. The n-th
// repeat of the same kind and text gets the suffix "-n". IDs contain no
// spaces and are unique within the article; the slug makes them unique
// across articles.
func IDs(slug string, segs []Segment) []string {
	ids := make([]string, len(segs))
	seen := make(map[string]int, len(segs))
	for i := range segs {
		sum := sha1.Sum([]byte(Normalize(segs[i].Text)))
		id := fmt.Sprintf("%s.%s-%s", slug, segs[i].Tag(), hex.EncodeToString(sum[:4]))
		seen[id]++
		if n := seen[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		ids[i] = id
	}
	return ids
}

// Describe tells a translator where the segment stands: its kind and the
// section it belongs to, in the article at slug.
func (s *Segment) Describe(slug string) string {
	var b strings.Builder
	b.WriteString(s.kindName())
	if s.Section != "" && s.Kind != KindHeading {
		b.WriteString(` in section "` + s.Section + `"`)
	}
	b.WriteString(" of article " + slug)
	return b.String()
}

// KindName names the segment's kind for a translator: "Paragraph",
// "Heading (level 2)", "Front matter field title".
func (s *Segment) KindName() string { return s.kindName() }

func (s *Segment) kindName() string {
	names := map[Kind]string{
		KindFrontMatter: "Front matter field " + s.Field,
		KindHeading:     "Heading (level " + strconv.Itoa(s.Level) + ")",
		KindParagraph:   "Paragraph",
		KindListItem:    "List item",
		KindQuote:       "Block quote",
		KindTableHead:   "Table header cell",
		KindTableCell:   "Table cell",
		KindFootnote:    "Footnote",
		KindTerm:        "Definition term",
		KindDefinition:  "Definition",
		KindHTML:        "HTML text",
		KindAttribute:   "HTML attribute " + s.Field,
		KindShortcode:   "Shortcode parameter " + s.Field,
		KindLinkTitle:   "Link title",
	}
	if n, ok := names[s.Kind]; ok {
		return n
	}
	return "Text"
}

// IsID reports whether id has the form of the IDs IDs gives the messages
// of article slug: "<slug>.<kind>-<8 hex digits>", perhaps with "-n".
func IsID(id, slug string) bool {
	rest, ok := strings.CutPrefix(id, slug+".")
	if !ok {
		return false
	}
	if i := strings.LastIndexByte(rest, '-'); i >= 0 && len(rest)-i-1 < 8 && isDigits(rest[i+1:]) {
		rest = rest[:i] // the "-n" of a repeated text
	}
	n := len(rest)
	return n > 9 && rest[n-9] == '-' && isHex(rest[n-8:])
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func isHex(s string) bool {
	return strings.Trim(s, "0123456789abcdef") == ""
}
