package htmlpage

import (
	"strings"
	"unicode/utf8"

	langtag "github.com/lingo-l10n/lingo/internal/lang"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// rtlScripts are the ISO 15924 codes of the scripts written right to left:
// living ones (Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Hanifi
// Rohingya, Mandaic, Samaritan, Mende Kikakui, Yezidi) and historic ones.
var rtlScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Aran": true, "Armi": true, "Avst": true,
	"Chrs": true, "Cprt": true, "Elym": true, "Hatr": true, "Hebr": true,
	"Hung": true, "Khar": true, "Lydi": true, "Mand": true, "Mani": true,
	"Mend": true, "Merc": true, "Mero": true, "Narb": true, "Nbat": true,
	"Nkoo": true, "Orkh": true, "Ougr": true, "Palm": true, "Phli": true,
	"Phlp": true, "Phlv": true, "Phnx": true, "Prti": true, "Rohg": true,
	"Samr": true, "Sarb": true, "Sogd": true, "Sogo": true, "Syrc": true,
	"Syre": true, "Syrj": true, "Syrn": true, "Thaa": true, "Yezi": true,
}

// pseudoBidi is the region of the right-to-left pseudo-locales
// ("en-XB", "ar-XB").
var pseudoBidi = language.MustParseRegion("XB")

// Dir returns the text direction of a BCP 47 language tag: "rtl" when the
// language is written in a right-to-left script (Arabic, Hebrew, Persian,
// Urdu, Pashto, Sindhi, Central Kurdish, Yiddish, Divehi, Syriac, N'Ko,
// Adlam…) and for the bidi pseudo-locales (region XB), else "ltr". The
// script is the tag's own ("pa-Arab", "ku-Arab") or the most likely one for
// its language; a tag that does not parse, or whose script cannot be
// guessed, is "ltr".
func Dir(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	if r, conf := tag.Region(); conf == language.Exact && r == pseudoBidi {
		return "rtl"
	}
	if s, conf := tag.Script(); conf != language.No && rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}

// NativeName returns the name of a language in that language, as a
// language switcher shows it: "English", "Français", "العربية",
// "Português (Brasil)", "Српски (ћирилица)". The first letter is put in
// upper case by the rules of the language (CLDR's names are lower case in
// running text). A tag that does not parse, or that CLDR has no native name
// for, is returned as it was given.
func NativeName(lang string) string {
	if base, label, ok := langtag.Pseudo(lang); ok {
		return NativeName(base) + " (" + label + ")"
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	name := selfName(tag)
	if name == "" {
		return lang
	}
	r, size := utf8.DecodeRuneInString(name)
	return cases.Upper(tag).String(string(r)) + name[size:]
}

// selfName is CLDR's name of tag in its own language, region and script
// included ("português (Brasil)"), or "".
func selfName(tag language.Tag) string {
	namer := display.Tags(tag)
	if namer == nil {
		return display.Self.Name(tag)
	}
	name := namer.Name(tag)
	if name == "" {
		return display.Self.Name(tag)
	}
	// x/text names a tag by its closest entry, which for an explicit script
	// can be another language ("sr-Latn" comes out as "srpskohrvatski").
	// Then the name is built from the language and the script.
	base, _ := tag.Base()
	script, sconf := tag.Script()
	if sconf != language.Exact {
		return name
	}
	bt, err := language.Compose(base)
	if err != nil {
		return name
	}
	scripts := display.Scripts(tag)
	if scripts == nil {
		return name
	}
	baseName, scriptName := namer.Name(bt), scripts.Name(script)
	if baseName == "" || scriptName == "" || strings.Contains(name, baseName) {
		return name
	}
	return baseName + " (" + scriptName + ")"
}
