package article

import (
	"bytes"
	"strings"
)

// Render splices translations into src. segs must be in source order and
// must not overlap; ids[i] names segs[i]. lookup returns the translation of
// an ID; where it has none, or returns the segment's own text, the source
// bytes stay as they are, so rendering the source catalog reproduces src
// byte for byte.
func Render(src []byte, segs []Segment, ids []string, lookup func(id string) (string, bool)) []byte {
	var out bytes.Buffer
	out.Grow(len(src) + len(src)/4)
	pos := 0
	for i := range segs {
		s := &segs[i]
		out.Write(src[pos:s.Start()])
		pos = s.End()
		t, ok := lookup(ids[i])
		if !ok || t == s.Text {
			out.Write(src[s.Start():s.End()])
			continue
		}
		s.splice(&out, src, t)
	}
	out.Write(src[pos:])
	return out.Bytes()
}

// splice writes translation t in place of the segment, as inline text of
// its element (see inline).
func (s *Segment) splice(out *bytes.Buffer, src []byte, t string) {
	if s.Escape != nil {
		out.WriteString(s.Escape(t))
		return
	}
	t = inline(s.Kind, t, s.Text)
	if !s.Multiline {
		out.WriteString(strings.ReplaceAll(t, "\n", " "))
		return
	}
	lines := strings.Split(t, "\n")
	for i, line := range lines {
		if i > 0 {
			if i < len(s.Pieces) {
				out.Write(src[s.Pieces[i-1].End:s.Pieces[i].Start])
			} else {
				out.WriteString(s.Continue)
			}
		}
		out.WriteString(line)
	}
}
