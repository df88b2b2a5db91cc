package catalog

import (
	"bytes"
	"strings"
	"testing"
)

// TestTypeIntoUntranslated types what a French translator types most into
// the quotes of an untranslated entry of a freshly written catalog: the text
// must parse back as typed.
func TestTypeIntoUntranslated(t *testing.T) {
	c := &Catalog{Lang: "fr", Slug: "a", Entries: []Entry{
		{ID: "a.h1-1", Hash: "sha1-1", Other: "Après une dose", Comment: "en: After a dose"},
		{ID: "a.p-2", Description: "Paragraph", Hash: "sha1-2", Comment: "en: The effect (45 %)"},
		{ID: "a.p-3", Hash: "sha1-3", Plural: map[string]string{"one": "{{.N}} jour"}},
	}}
	data, err := Marshal(c, "toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{`L'effet « 45 % »`, `„Die Wirkung“ – l’effet`, `C'est l'effet « 45 % » d'aujourd'hui`} {
		// Type into one untranslated entry at a time, between its quotes.
		for _, id := range []string{"a.p-2", "a.p-3"} {
			i := strings.Index(string(data), "['"+id+"']\n")
			j := -1
			if i >= 0 {
				j = strings.Index(string(data[i:]), "\nother = \"\"\n")
			}
			if j < 0 {
				t.Fatalf("no untranslated entry %s written as other = \"\":\n%s", id, data)
			}
			at := i + j + len("\nother = \"")
			edited := string(data[:at]) + typed + string(data[at:])
			back, err := Parse("locales/fr/a.fr.toml", []byte(edited))
			if err != nil {
				t.Fatalf("typing %s into %s: %v\n%s", typed, id, err, edited)
			}
			for _, e := range back.Entries {
				want := ""
				switch e.ID {
				case id:
					want = typed
				case "a.h1-1":
					want = "Après une dose"
				}
				if e.Other != want {
					t.Errorf("typing %s into %s: %s reads %q, want %q", typed, id, e.ID, e.Other, want)
				}
			}
		}
	}
}

// TestEmptyOtherForm checks that only an empty text changes form: a
// translated text is written as go-toml writes it.
func TestEmptyOtherForm(t *testing.T) {
	c := &Catalog{Lang: "fr", Slug: "a", Entries: []Entry{
		{ID: "a.p-1", Other: "Bonjour"},
		{ID: "a.p-2", Description: "ends in\nother = ''", Other: ""},
		{ID: "a.p-3", Other: "other = ''"},
		{ID: "a.p-4"},
	}}
	data, err := Marshal(c, "toml")
	if err != nil {
		t.Fatal(err)
	}
	want := `# a: fr catalog, written by lingo.

['a.p-1']
other = "Bonjour"

['a.p-2']
description = """
ends in
other = ''"""
other = ""

['a.p-3']
other = "other = ''"

['a.p-4']
other = ""
`
	if string(data) != want {
		t.Errorf("Marshal:\n%s\nwant\n%s", data, want)
	}
}

// TestTypedTextStaysValid: a translation is written between double quotes
// (triple where it holds a quotation mark or a line break), so an
// apostrophe or a quotation mark a translator types into it afterwards is
// valid as typed.
func TestTypedTextStaysValid(t *testing.T) {
	tests := []struct{ text, typed, want string }{
		{"Le cerveau", "Le cerveau", "Le cerveau, l'essentiel"},
		{`Il dit "non"`, `Il dit "non"`, `Il dit "non", l'a "redit"`},
		{"Ligne\nsuivante", "suivante", "suivante d'abord"},
	}
	for _, tt := range tests {
		c := &Catalog{Lang: "fr", Slug: "a", Entries: []Entry{{ID: "a.p-1", Other: tt.text}}}
		data, err := Marshal(c, "toml")
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("other = '")) {
			t.Errorf("Marshal(%q) wrote a literal string:\n%s", tt.text, data)
		}
		typed := bytes.Replace(data, []byte(tt.typed), []byte(tt.want), 1)
		got, err := Parse("locales/fr/a.fr.toml", typed)
		if err != nil {
			t.Errorf("typing %q into\n%s\nis refused: %v", tt.want, data, err)
			continue
		}
		if want := strings.Replace(tt.text, tt.typed, tt.want, 1); got.Entries[0].Other != want {
			t.Errorf("typed text reads back as %q, want %q", got.Entries[0].Other, want)
		}
	}
}
