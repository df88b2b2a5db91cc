package structure

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/shortcode"
)

// Problem is one way a translation breaks its source's structure.
type Problem struct {
	Check   string // a check ID: CheckLinks, …, CheckForeignHost
	Message string // what is wrong, with the values involved
	Error   bool   // true for an error, false for a warning
}

// Options tunes Compare.
type Options struct {
	// Prefixes maps a link prefix of the source to its localized form for
	// the target language ("/en/" → "/fr/"): a translation may swap one for
	// the other in a link or image destination.
	Prefixes map[string]string
}

// Compare reports how the translation's shape tr differs from the source's
// src, in the order of the check IDs, then document order. Lists are
// compared as multisets: reordering is fine. A value that is missing while
// another was added is reported as changed, with both values.
//
// Everything is an error except emphasis counts that differ (a warning: a
// language may stress other words); literal "**", "*", "__" or "_" runs
// the source does not have are errors, since they show as broken emphasis.
// HTML comments are compared as written, under html: one the translation
// adds hides its text from the reader (and once hid it from the checks).
func Compare(src, tr Shape, opts Options) []Problem {
	var ps []Problem
	// localized gives the source forms of a translated destination: the
	// destination with a localized prefix swapped back.
	localized := func(t string) []string {
		var out []string
		for from, to := range opts.Prefixes {
			if strings.HasPrefix(t, to) {
				out = append(out, from+t[len(to):])
			}
		}
		slices.Sort(out)
		return out
	}
	same := func(s string) string { return s }
	lost, added := match(src.Links, tr.Links, same, localized)
	ps = report(ps, CheckLinks, "link", lost, added, same)
	lost, added = match(src.Images, tr.Images, same, localized)
	ps = report(ps, CheckImages, "image", lost, added, same)
	lost, added = match(src.Code, tr.Code, same, nil)
	ps = report(ps, CheckCode, "code", lost, added, func(s string) string { return "`" + s + "`" })

	if src.Emphasis != tr.Emphasis {
		ps = append(ps, Problem{Check: CheckEmphasis, Message: fmt.Sprintf("%d emphasis (*text*) in the source, %d in the translation", src.Emphasis, tr.Emphasis)})
	}
	if src.Strong != tr.Strong {
		ps = append(ps, Problem{Check: CheckEmphasis, Message: fmt.Sprintf("%d strong (**text**) in the source, %d in the translation", src.Strong, tr.Strong)})
	}
	_, added = match(src.Unbalanced, tr.Unbalanced, same, nil)
	for _, u := range added {
		ps = append(ps, Problem{Check: CheckEmphasis, Error: true, Message: fmt.Sprintf("unbalanced %q: emphasis left open or never opened", u)})
	}

	lost, added = match(src.HTML, tr.HTML, func(s string) string { return parseTag(s).compareKey() }, nil)
	ps = report(ps, CheckHTML, "HTML", lost, added, same)
	lost, added = match(src.Comments, tr.Comments, same, nil)
	for _, c := range added {
		ps = append(ps, Problem{Check: CheckHTML, Error: true, Message: fmt.Sprintf("HTML comment added: %s (the reader does not see it; write the text outside a comment)", c)})
	}
	for _, c := range lost {
		ps = append(ps, Problem{Check: CheckHTML, Error: true, Message: fmt.Sprintf("HTML comment %s is missing", c)})
	}
	lost, added = match(src.Shortcodes, tr.Shortcodes, shortcodeKey, nil)
	ps = report(ps, CheckShortcodes, "shortcode", lost, added, same)
	lost, added = match(src.Footnotes, tr.Footnotes, same, nil)
	ps = report(ps, CheckFootnotes, "footnote", lost, added, func(s string) string { return "[^" + s + "]" })
	return ps
}

// match pairs the values of tr with those of src as multisets: first equal
// keys, then a source value among alts of the translated one (alts may be
// nil). It returns the values left over on each side, in document order.
func match(src, tr []string, key func(string) string, alts func(t string) []string) (lost, added []string) {
	usedS := make([]bool, len(src))
	usedT := make([]bool, len(tr))
	bykey := make(map[string][]int)
	for i, s := range src {
		k := key(s)
		bykey[k] = append(bykey[k], i)
	}
	take := func(j int, k string) bool {
		q := bykey[k]
		if len(q) == 0 {
			return false
		}
		usedS[q[0]], usedT[j] = true, true
		bykey[k] = q[1:]
		return true
	}
	for j, t := range tr {
		take(j, key(t))
	}
	if alts != nil {
		for j, t := range tr {
			if usedT[j] {
				continue
			}
			for _, a := range alts(t) {
				if take(j, key(a)) {
					break
				}
			}
		}
	}
	for i, s := range src {
		if !usedS[i] {
			lost = append(lost, s)
		}
	}
	for j, t := range tr {
		if !usedT[j] {
			added = append(added, t)
		}
	}
	return lost, added
}

// report appends the problems for the values lost and added, pairing them in
// document order as changes: "link /en/guide became /en/gide".
func report(ps []Problem, check, noun string, lost, added []string, show func(string) string) []Problem {
	n := min(len(lost), len(added))
	for i := range n {
		ps = append(ps, Problem{Check: check, Error: true, Message: fmt.Sprintf("%s %s became %s", noun, show(lost[i]), show(added[i]))})
	}
	for _, s := range lost[n:] {
		ps = append(ps, Problem{Check: check, Error: true, Message: fmt.Sprintf("%s %s is missing", noun, show(s))})
	}
	for _, s := range added[n:] {
		ps = append(ps, Problem{Check: check, Error: true, Message: fmt.Sprintf("%s %s was added", noun, show(s))})
	}
	return ps
}

// shortcodeKey is a shortcode's raw bytes with the values of its alt, title
// and caption parameters blanked: those are translated.
func shortcodeKey(raw string) string {
	scs := shortcode.Scan([]byte(raw), article.Range{Start: 0, End: len(raw)})
	if len(scs) != 1 {
		return raw
	}
	var b strings.Builder
	last := 0
	for _, p := range scs[0].Params {
		if p.Name == "alt" || p.Name == "title" || p.Name == "caption" {
			b.WriteString(raw[last:p.Value.Start])
			b.WriteString("…")
			last = p.Value.End
		}
	}
	b.WriteString(raw[last:])
	return b.String()
}

// Safety reports what the translation brings in that can harm a reader and
// its source does not have; every problem is an error. The link reference
// definitions the translation's text contains are checked too, since
// spliced into the article they define links for it.
//
//   - unsafe-html: a raw HTML start tag whose name the source does not have
//     as often (any tag: <script>, <iframe>, <style>, <img>...).
//   - unsafe-url: a javascript:, vbscript: or data: URL in a link, an image
//     or an HTML attribute (alt, title and other prose attributes aside),
//     read as a browser does (case, white space, control characters and
//     character references do not hide it), unless the source has the same.
//   - event-handler: an on* attribute in raw HTML whose key and value the
//     source does not have.
//   - foreign-host: a link, image or HTML URL to an absolute http(s) or
//     protocol-relative host that no link, image or HTML URL of the source
//     uses, read both as a browser reads it raw (a backslash is a slash) and
//     as goldmark writes it in an href (a backslash is %5C, so
//     "https://a.example\@b.example/" goes to b.example). A Prefixes entry that maps to another host is reported too.
//   - html: the content of a script or style element that is not, byte for
//     byte, the source's (a browser runs or applies it and shows none of it).
func Safety(src, tr Shape) []Problem {
	ps := compareRawText(src.RawText, tr.RawText)
	srcTags := shapeTags(src)
	trTags := shapeTags(tr)

	names := make(map[string]int)
	for _, t := range srcTags {
		if !t.end {
			names[t.name]++
		}
	}
	for _, t := range trTags {
		if t.end {
			continue
		}
		if names[t.name] > 0 {
			names[t.name]--
			continue
		}
		ps = append(ps, Problem{Check: CheckUnsafeHTML, Error: true, Message: fmt.Sprintf("raw HTML %s that the source does not have", t)})
	}

	srcURLs := shapeURLs(src, srcTags)
	trURLs := shapeURLs(tr, trTags)
	trURLs = append(trURLs, tr.defined...)
	srcNorm := make(map[string]bool)
	srcHosts := make(map[string]bool)
	for _, u := range srcURLs {
		srcNorm[normURL(u.url)] = true
		if h := host(u.url); h != "" {
			srcHosts[h] = true
		}
	}
	for _, u := range trURLs {
		if s := dangerousScheme(u.url); s != "" && !srcNorm[normURL(u.url)] {
			ps = append(ps, Problem{Check: CheckUnsafeURL, Error: true, Message: fmt.Sprintf("%s: URL in %s: %s", s, u.where, u.url)})
		}
	}

	handlers := make(map[string]bool)
	for _, t := range srcTags {
		for _, a := range t.attrs {
			if strings.HasPrefix(a.Key, "on") {
				handlers[a.Key+"\x00"+a.Val] = true
			}
		}
	}
	for _, t := range trTags {
		for _, a := range t.attrs {
			if strings.HasPrefix(a.Key, "on") && !handlers[a.Key+"\x00"+a.Val] {
				ps = append(ps, Problem{Check: CheckEventHandler, Error: true, Message: fmt.Sprintf("event handler %s=%q on <%s>", a.Key, a.Val, t.name)})
			}
		}
	}

	for _, u := range trURLs {
		for _, h := range []string{host(u.url), host(strings.ReplaceAll(u.url, `\`, "%5C"))} {
			if h != "" && !srcHosts[h] {
				ps = append(ps, Problem{Check: CheckForeignHost, Error: true, Message: fmt.Sprintf("%s to host %s, which the source does not use: %s", u.where, h, u.url)})
				break
			}
		}
	}
	return ps
}

// place is a URL and where it was found.
type place struct{ url, where string }

func shapeTags(sh Shape) []tag {
	ts := make([]tag, 0, len(sh.HTML))
	for _, s := range sh.HTML {
		ts = append(ts, parseTag(s))
	}
	return ts
}

// shapeURLs lists the URLs of a shape: links, images, and the attributes of
// its tags other than prose ones.
func shapeURLs(sh Shape, ts []tag) []place {
	var out []place
	for _, l := range sh.Links {
		out = append(out, place{l, "link"})
	}
	for _, l := range sh.Images {
		out = append(out, place{l, "image"})
	}
	for _, t := range ts {
		for _, u := range t.urls() {
			out = append(out, place{u, fmt.Sprintf("<%s>", t.name)})
		}
		for _, a := range t.attrs {
			if !slices.Contains(textAttrs, a.Key) && !slices.Contains(hostAttrs, a.Key) && dangerousScheme(a.Val) != "" {
				out = append(out, place{a.Val, fmt.Sprintf("<%s %s>", t.name, a.Key)})
			}
		}
	}
	return out
}
