// Package lang validates language tags. lingo takes tags from lingo.toml,
// from flags and from file names, and turns each into part of a path, so it
// accepts only well-formed BCP 47 tags (golang.org/x/text/language) made of
// letters, digits and hyphens, with a known language: never "english",
// "en_US.UTF-8" or "../x".
package lang

import (
	"errors"
	"fmt"

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
