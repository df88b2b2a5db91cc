// Package lang validates language tags. lingo takes tags from lingo.toml,
// from flags and from file names, and turns each into part of a path, so it
// accepts only well-formed BCP 47 tags (golang.org/x/text/language) made of
// letters, digits and hyphens, with a known language: never "english",
// "en_US.UTF-8" or "../x".
package lang

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Parse validates a BCP 47 language tag and returns its canonical form
// ("pt-br" gives "pt-BR").
func Parse(s string) (string, error) {
	if s == "" {
		return "", errors.New("empty language tag")
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return "", fmt.Errorf("invalid language tag %q", s)
		}
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", fmt.Errorf("invalid language tag %q", s)
	}
	if _, conf := t.Base(); conf != language.Exact {
		return "", fmt.Errorf("invalid language tag %q: no language", s)
	}
	return t.String(), nil
}

// Pseudo reports whether tag is a pseudo-locale, region XA (accented) or XB
// (right-to-left) as lingo pseudo writes them, and returns the tag of the
// language it imitates ("en-XA" gives "en") and the label that tells it
// apart in a language list ("pseudo", "pseudo-bidi"): CLDR has no name for
// these regions, and "English" twice in a list would be wrong.
func Pseudo(tag string) (base, label string, ok bool) {
	switch {
	case strings.HasSuffix(tag, "-XA"):
		return strings.TrimSuffix(tag, "-XA"), "pseudo", true
	case strings.HasSuffix(tag, "-XB"):
		return strings.TrimSuffix(tag, "-XB"), "pseudo-bidi", true
	}
	return tag, "", false
}
