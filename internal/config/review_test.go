package config

import (
	"strings"
	"testing"
)

func TestRequireReview(t *testing.T) {
	c, err := Load(write(t, "source = \"en\"\nlanguages = [\"fr\", \"de\"]\n[lang.fr]\nrequire_review = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.RequireReview("fr") || c.RequireReview("de") {
		t.Errorf("RequireReview fr %v, de %v: want true, false", c.RequireReview("fr"), c.RequireReview("de"))
	}
	_, err = Load(write(t, "source = \"en\"\nlanguages = [\"fr\"]\n[lang.fr]\nrequire_review = \"yes\"\n"))
	if err == nil || !strings.Contains(err.Error(), ":4:18: lang.fr.require_review must be true or false") {
		t.Errorf("require_review = \"yes\": %v", err)
	}
}
