package interchange

import (
	"strconv"
	"strings"
)

// subStateStale marks a translated segment whose source has changed since.
const subStateStale = "lingo:stale"

// nsMatches is the namespace of XLIFF 2.0's translation candidates module.
const nsMatches = "urn:oasis:names:tc:xliff:matches:2.0"

// writeXLIFF2 writes XLIFF 2.0: one <file> per run of units from the same
// article, a <unit> per unit (id u1, u2, …; the lingo ID in name) with its
// notes, the original text of its protected pieces in <originalData>, and
// one <segment>. A new unit is state initial without a target; a
// needs-review unit is translated with subState lingo:stale; a reviewed
// one is final (read back as reviewed only when every segment is); a
// machine draft is initial with its text as the target and as a match
// candidate of the matches module (type mt, origin its engine).
func writeXLIFF2(d *Document) ([]byte, error) {
	w := &xmlWriter{cp: true}
	sp := newSplitter()
	w.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.raw(`<xliff xmlns="` + ns20 + `" version="2.0"`)
	w.attr("srcLang", d.SourceLang)
	if d.TargetLang != "" {
		w.attr("trgLang", d.TargetLang)
	}
	w.raw(">\n")
	files := runs(d.Units)
	if len(files) == 0 {
		w.raw(`  <file id="f1" original="lingo">` + "\n" + `    <group id="g1"/>` + "\n  </file>\n")
	}
	n := 0
	for i, us := range files {
		w.raw(`  <file id="f` + itoa(i+1) + `"`)
		w.attr("original", original(us))
		w.raw(">\n")
		for _, u := range us {
			n++
			w.unit2(sp, u, n)
		}
		w.raw("  </file>\n")
	}
	w.raw("</xliff>\n")
	return w.buf.Bytes(), w.err
}

func (w *xmlWriter) unit2(sp *splitter, u Unit, n int) {
	w.raw(`    <unit id="u` + itoa(n) + `"`)
	w.attr("name", u.ID)
	w.attr("xml:space", "preserve")
	w.raw(">\n")
	if u.State == Machine {
		w.raw(`      <mtc:matches xmlns:mtc="` + nsMatches + `">` + "\n")
		w.raw(`        <mtc:match ref="#s1" type="mt"`)
		w.attr("origin", u.Engine)
		w.raw(">\n")
		w.element("          ", "source", nil, u.Source)
		w.element("          ", "target", nil, u.Target)
		w.raw("        </mtc:match>\n      </mtc:matches>\n")
	}
	if ns := notes(u); len(ns) > 0 {
		w.raw("      <notes>\n")
		for _, n := range ns {
			w.element("        ", "note", []string{"category", n[0]}, n[1])
		}
		w.raw("      </notes>\n")
	}
	var p protect
	var data []string // original text by ph id - 1
	src, trg := sp.split(u.Source), sp.split(u.Target)
	if u.State == New && u.Target == "" {
		trg = nil
	}
	ids := func(pcs []piece, id func(string) int) []int {
		out := make([]int, len(pcs))
		for i, pc := range pcs {
			if pc.protected {
				out[i] = id(pc.text)
				if out[i] > len(data) {
					data = append(data, pc.text)
				}
			}
		}
		return out
	}
	srcIDs, trgIDs := ids(src, p.source), ids(trg, p.target)
	if len(data) > 0 {
		w.raw("      <originalData>\n")
		for i, text := range data {
			w.element("        ", "data", []string{"id", "d" + itoa(i+1)}, text)
		}
		w.raw("      </originalData>\n")
	}
	w.raw("      <segment")
	if u.State == Machine {
		w.attr("id", "s1")
	}
	switch u.State {
	case New, Machine:
		w.attr("state", "initial")
	case Translated:
		w.attr("state", "translated")
	case Reviewed:
		w.attr("state", "final")
	case NeedsReview:
		w.attr("state", "translated")
		w.attr("subState", subStateStale)
	}
	w.raw(">\n        <source>")
	w.pieces2(src, srcIDs)
	w.raw("</source>\n")
	if trg != nil || u.State != New {
		w.raw("        <target>")
		w.pieces2(trg, trgIDs)
		w.raw("</target>\n")
	}
	w.raw("      </segment>\n    </unit>\n")
}

func (w *xmlWriter) pieces2(pcs []piece, ids []int) {
	for i, pc := range pcs {
		if pc.protected {
			w.raw(`<ph id="` + itoa(ids[i]) + `" dataRef="d` + itoa(ids[i]) + `"/>`)
			continue
		}
		w.text(pc.text)
	}
}

// readXLIFF2 reads an XLIFF 2.0 document: every unit of every file, in
// document order, groups included.
func readXLIFF2(root *xnode) (*Document, error) {
	d := &Document{SourceLang: root.attr("srcLang"), TargetLang: root.attr("trgLang")}
	var walk func(n *xnode) error
	walk = func(n *xnode) error {
		for _, k := range n.elements() {
			switch k.name.Local {
			case "file", "group":
				if err := walk(k); err != nil {
					return err
				}
			case "unit":
				u, err := unit2(k)
				if err != nil {
					return err
				}
				d.Units = append(d.Units, u)
			}
		}
		return nil
	}
	if err := walk(root); err != nil {
		return nil, err
	}
	return d, nil
}

func unit2(n *xnode) (Unit, error) {
	u := Unit{ID: n.attr("name")}
	if u.ID == "" {
		u.ID = n.attr("id")
	}
	if u.ID == "" {
		return u, n.errorf("unit has no id")
	}
	data := map[string]string{}
	var segs []*xnode
	for _, k := range n.elements() {
		switch k.name.Local {
		case "notes":
			for _, note := range k.elements() {
				text, err := plain(note)
				if err != nil {
					return u, err
				}
				switch note.attr("category") {
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
		case "originalData":
			for _, dk := range k.elements() {
				text, err := inline2(dk, nil)
				if err != nil {
					return u, err
				}
				data[dk.attr("id")] = text
			}
		case "segment", "ignorable":
			segs = append(segs, k)
		}
	}
	if len(segs) == 0 {
		return u, n.errorf("unit %q has no <segment>", u.ID)
	}
	var src, trg strings.Builder
	translated, stale, hasTarget := true, false, false
	final := true // every segment final: signed off
	for _, s := range segs {
		var hasSource, segTarget bool
		var srcText string
		for _, k := range s.elements() {
			text, err := inline2(k, data)
			if err != nil {
				return u, err
			}
			switch k.name.Local {
			case "source":
				hasSource, srcText = true, text
				src.WriteString(text)
			case "target":
				segTarget, hasTarget = true, true
				trg.WriteString(text)
			}
		}
		if !hasSource {
			return u, s.errorf("<%s> has no <source>", s.name.Local)
		}
		if s.name.Local == "ignorable" {
			if !segTarget {
				trg.WriteString(srcText)
			}
			continue
		}
		final = final && s.attr("state") == "final"
		switch st := s.attr("state"); {
		case s.attr("subState") == subStateStale:
			stale = true
		case st != "translated" && st != "reviewed" && st != "final":
			translated = false
		}
	}
	u.Source, u.Target = src.String(), trg.String()
	if !hasTarget {
		u.Target = ""
	}
	switch {
	case u.Engine != "" && !translated && hasTarget:
		u.State = Machine
	case stale:
		u.State = NeedsReview
	case translated && final && hasTarget:
		u.State = Reviewed
	case translated:
		u.State = Translated
	default:
		u.State = New
	}
	return u, nil
}

// inline2 is the text of a source, target or data element: text and <cp>
// characters, with <ph>, <sc> and <ec> replaced by the original data they
// refer to, <pc> by its start data, content and end data, and <mrk> by its
// content. data is nil inside <data> itself.
func inline2(n *xnode, data map[string]string) (string, error) {
	var b strings.Builder
	ref := func(k *xnode, attr string) error {
		id := k.attr(attr)
		if id == "" {
			return nil
		}
		text, ok := data[id]
		if !ok {
			return k.errorf("<%s %s=%q> refers to no <data> of the unit", k.name.Local, attr, id)
		}
		b.WriteString(text)
		return nil
	}
	var walk func(n *xnode) error
	walk = func(n *xnode) error {
		for _, k := range n.kids {
			var err error
			switch name := k.name.Local; {
			case name == "":
				b.WriteString(k.text)
			case name == "cp":
				r, perr := strconv.ParseUint(k.attr("hex"), 16, 32)
				if perr != nil {
					return k.errorf("<cp hex=%q> is not a hexadecimal code point", k.attr("hex"))
				}
				b.WriteRune(rune(r))
			case data == nil:
				return k.errorf("unexpected <%s> inside <%s>", name, n.name.Local)
			case name == "ph" || name == "sc" || name == "ec":
				err = ref(k, "dataRef")
			case name == "pc":
				if err = ref(k, "dataRefStart"); err == nil {
					if err = walk(k); err == nil {
						err = ref(k, "dataRefEnd")
					}
				}
			case name == "mrk":
				err = walk(k)
			case name == "sm" || name == "em":
			default:
				return k.errorf("unsupported inline element <%s>", name)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
	err := walk(n)
	return b.String(), err
}
