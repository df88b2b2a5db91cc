package interchange

import (
	"strings"
)

// states12 maps unit states to XLIFF 1.2 target states.
var states12 = map[State]string{New: "new", Translated: "translated", NeedsReview: "needs-review-translation", Reviewed: "signed-off",
	Machine: "needs-review-translation"}

// mtSuggestion is the state-qualifier of a machine draft's target.
const mtSuggestion = "mt-suggestion"

// writeXLIFF12 writes XLIFF 1.2: one <file> per run of units from the
// same article (original = the location's file), a <trans-unit> per unit
// with its ID as id and resname, protected pieces as <ph> holding their
// text, and the context, location, previous source and hash as notes.
func writeXLIFF12(d *Document) ([]byte, error) {
	w := &xmlWriter{}
	sp := newSplitter()
	w.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.raw(`<xliff xmlns="` + ns12 + `" version="1.2">` + "\n")
	files := runs(d.Units)
	if len(files) == 0 {
		files = [][]Unit{nil}
	}
	for _, us := range files {
		w.raw("  <file")
		w.attr("original", original(us))
		w.attr("source-language", d.SourceLang)
		if d.TargetLang != "" {
			w.attr("target-language", d.TargetLang)
		}
		w.attr("datatype", "plaintext")
		w.raw(">\n    <body>\n")
		for _, u := range us {
			w.raw("      <trans-unit")
			w.attr("id", u.ID)
			w.attr("resname", u.ID)
			w.attr("xml:space", "preserve")
			w.raw(">\n")
			var p protect
			w.raw("        <source>")
			for _, pc := range sp.split(u.Source) {
				w.ph12(pc, p.source)
			}
			w.raw("</source>\n")
			if u.State != New || u.Target != "" {
				w.raw(`        <target state="` + states12[u.State] + `"`)
				if u.State == Machine {
					w.attr("state-qualifier", mtSuggestion)
				}
				w.raw(">")
				for _, pc := range sp.split(u.Target) {
					w.ph12(pc, p.target)
				}
				w.raw("</target>\n")
			}
			for _, n := range notes(u) {
				w.element("        ", "note", []string{"from", n[0]}, n[1])
			}
			w.raw("      </trans-unit>\n")
		}
		w.raw("    </body>\n  </file>\n")
	}
	w.raw("</xliff>\n")
	return w.buf.Bytes(), w.err
}

func (w *xmlWriter) ph12(pc piece, id func(string) int) {
	if !pc.protected {
		w.text(pc.text)
		return
	}
	w.raw(`<ph id="` + itoa(id(pc.text)) + `">`)
	w.text(pc.text)
	w.raw("</ph>")
}

// notes are the notes of a unit that are set, as (name, text) pairs.
func notes(u Unit) [][2]string {
	var out [][2]string
	for _, n := range [][2]string{{noteContext, u.Context}, {noteLocation, u.Location}, {notePrevious, u.Previous}, {noteHash, u.Hash}, {noteMachine, u.Engine}} {
		if n[1] != "" {
			out = append(out, n)
		}
	}
	return out
}

// runs groups consecutive units of the same article.
func runs(us []Unit) [][]Unit {
	var out [][]Unit
	for i, u := range us {
		if i == 0 || file(u.Location) != file(us[i-1].Location) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], u)
	}
	return out
}

// file is the file part of a location "content/slug.md:12".
func file(loc string) string {
	if i := strings.LastIndexByte(loc, ':'); i >= 0 {
		return loc[:i]
	}
	return loc
}

// original names the article a run of units comes from.
func original(us []Unit) string {
	if len(us) > 0 && file(us[0].Location) != "" {
		return file(us[0].Location)
	}
	return "lingo"
}

// readXLIFF12 reads an XLIFF 1.2 document: every trans-unit of every file,
// in document order, groups included.
func readXLIFF12(root *xnode) (*Document, error) {
	d := &Document{}
	for i, f := range root.elements() {
		if f.name.Local != "file" {
			continue
		}
		src, trg := f.attr("source-language"), f.attr("target-language")
		if i == 0 || d.SourceLang == "" && d.TargetLang == "" {
			d.SourceLang, d.TargetLang = src, trg
		} else if src != d.SourceLang || trg != d.TargetLang {
			return nil, f.errorf("file is %s → %s, the one before %s → %s", src, trg, d.SourceLang, d.TargetLang)
		}
		for _, b := range f.elements() {
			if b.name.Local == "body" {
				if err := d.units12(b); err != nil {
					return nil, err
				}
			}
		}
	}
	return d, nil
}

func (d *Document) units12(parent *xnode) error {
	for _, n := range parent.elements() {
		switch n.name.Local {
		case "group":
			if err := d.units12(n); err != nil {
				return err
			}
		case "trans-unit":
			u, err := unit12(n)
			if err != nil {
				return err
			}
			d.Units = append(d.Units, u)
		}
	}
	return nil
}

func unit12(n *xnode) (Unit, error) {
	u := Unit{ID: n.attr("resname"), State: New}
	if u.ID == "" {
		u.ID = n.attr("id")
	}
	if u.ID == "" {
		return u, n.errorf("trans-unit has no id")
	}
	var hasSource bool
	for _, k := range n.elements() {
		var err error
		switch k.name.Local {
		case "source":
			hasSource = true
			u.Source, err = inline12(k)
		case "target":
			if u.Target, err = inline12(k); err != nil {
				return u, err
			}
			u.State = state12(k.attr("state"), u.Target)
			if u.State == NeedsReview && k.attr("state-qualifier") == mtSuggestion {
				u.State = Machine
			}
		case "note":
			text, err := plain(k)
			if err != nil {
				return u, err
			}
			switch k.attr("from") {
			case noteContext:
				u.Context = text
			case noteLocation:
				u.Location = text
			case notePrevious:
				u.Previous = text
			case noteHash:
				u.Hash = text
			case noteMachine:
				u.Engine = text
			}
		}
		if err != nil {
			return u, err
		}
	}
	if !hasSource {
		return u, n.errorf("trans-unit %q has no <source>", u.ID)
	}
	return u, nil
}

// state12 reads a target's state attribute.
func state12(s, target string) State {
	switch {
	case strings.HasPrefix(s, "needs-review"):
		return NeedsReview
	case (s == "signed-off" || s == "final") && target != "":
		return Reviewed
	case s == "translated" || s == "signed-off" || s == "final":
		return Translated
	case s == "" && target != "":
		return Translated
	}
	return New
}

// inline12 is the text of a source or target: text, with <ph>, <it>,
// <bpt> and <ept> replaced by the original text they hold, and <g> and
// <mrk> by their content.
func inline12(n *xnode) (string, error) {
	var b strings.Builder
	var walk func(n *xnode) error
	walk = func(n *xnode) error {
		for _, k := range n.kids {
			switch k.name.Local {
			case "":
				b.WriteString(k.text)
			case "ph", "it", "bpt", "ept":
				text, err := plain(k)
				if err != nil {
					return err
				}
				b.WriteString(text)
			case "g", "mrk":
				if err := walk(k); err != nil {
					return err
				}
			default:
				return k.errorf("unsupported inline element <%s> (lingo reads <ph>, <it>, <bpt>, <ept>, <g> and <mrk>)", k.name.Local)
			}
		}
		return nil
	}
	err := walk(n)
	return b.String(), err
}

// plain is the text of an element that must hold text only.
func plain(n *xnode) (string, error) {
	var b strings.Builder
	for _, k := range n.kids {
		if k.name.Local != "" {
			return "", k.errorf("unexpected <%s> inside <%s>", k.name.Local, n.name.Local)
		}
		b.WriteString(k.text)
	}
	return b.String(), nil
}
