package config

import (
	"reflect"
	"testing"
)

func TestShortcodeText(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]ShortcodeParams // entries to compare; others must be the defaults
	}{
		{"defaults", "", map[string]ShortcodeParams{
			AnyShortcode: {Named: []string{"alt", "title", "caption"}},
			"figure":     {Named: []string{"alt", "title", "caption", "attr"}},
			"details":    {Named: []string{"summary", "title"}},
			"tab":        {Named: []string{"alt", "title", "caption", "header"}, Positional: []int{0}},
		}},
		{"a new shortcode inherits what it does not give from *", "[shortcodes.note]\npositional = [1]\n", map[string]ShortcodeParams{
			"note": {Named: []string{"alt", "title", "caption"}, Positional: []int{1}},
		}},
		{"a built-in entry is the base of its own", "[shortcodes.figure]\nnamed = [\"caption\"]\n", map[string]ShortcodeParams{
			"figure": {Named: []string{"caption"}},
		}},
		{"an empty list is none", "[shortcodes.tab]\npositional = []\n", map[string]ShortcodeParams{
			"tab": {Named: []string{"alt", "title", "caption", "header"}, Positional: []int{}},
		}},
		{"* changes every shortcode without its own entry", "[shortcodes.\"*\"]\nnamed = [\"label\"]\n[shortcodes.x]\npositional = [0]\n", map[string]ShortcodeParams{
			AnyShortcode: {Named: []string{"label"}},
			"x":          {Named: []string{"label"}, Positional: []int{0}},
			"figure":     {Named: []string{"alt", "title", "caption", "attr"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(write(t, tt.text))
			if err != nil {
				t.Fatal(err)
			}
			got := c.ShortcodeText()
			for name, want := range tt.want {
				if !reflect.DeepEqual(got[name], want) {
					t.Errorf("ShortcodeText()[%q] = %+v, want %+v", name, got[name], want)
				}
			}
		})
	}
}

func TestShortcodesInvalid(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"empty parameter name", "source = \"en\"\n[shortcodes.figure]\nnamed = [\"alt\", \" \"]\n", `lingo.toml:2:2: [shortcodes.figure] named: empty parameter name`},
		{"negative position", "[shortcodes.tab]\npositional = [-1]\n", `lingo.toml:1:2: [shortcodes.tab] positional: want indexes from 0 (the first positional parameter)`},
		{"not a shortcode name", "[shortcodes.\"a b\"]\nnamed = [\"x\"]\n", `lingo.toml:1:2: [shortcodes."a b"]: "a b" is not a shortcode name`},
		{"unknown key", "[shortcodes.tab]\nnames = [\"x\"]\n", `lingo.toml:2:1: unknown key "shortcodes.tab.names"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, tt.text)
			_, err := Load(path)
			if err == nil {
				t.Fatalf("Load accepted %q", tt.text)
			}
			if got := err.Error(); got != path[:len(path)-len(FileName)]+tt.want {
				t.Errorf("error = %q, want %q", got, tt.want)
			}
		})
	}
}
