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

func TestParentReview(t *testing.T) {
	c, err := Load(write(t, "source = \"en\"\nlanguages = [\"pt\", \"pt-BR\"]\n[lang.pt-br]\nrequire_review = true\nparent_review = true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !c.ParentReview("pt-BR") || c.ParentReview("pt") {
		t.Errorf("ParentReview pt-BR %v, pt %v: want true, false", c.ParentReview("pt-BR"), c.ParentReview("pt"))
	}
	for _, tt := range []struct{ name, toml, want string }{
		{"not a boolean", "[lang.pt-BR]\nrequire_review = true\nparent_review = 1\n",
			":5:17: lang.pt-BR.parent_review must be true or false"},
		{"without require_review", "[lang.pt-BR]\nparent_review = true\n",
			":3:2: [lang.pt-BR] parent_review = true needs require_review = true"},
		{"misspelt", "[lang.pt-BR]\nrequire_review = true\nparents_review = true\n",
			":5:1: unknown key \"lang.pt-BR.parents_review\""},
	} {
		_, err := Load(write(t, "source = \"en\"\nlanguages = [\"pt\", \"pt-BR\"]\n"+tt.toml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}
