package config

import (
	"fmt"
	"slices"
	"strings"
)

// ShortcodeParams says which parameters of a Hugo shortcode are text to
// translate: [shortcodes.<name>] in lingo.toml.
//
//	[shortcodes.tab]
//	positional = [0]                     # {{< tab "Name" >}}
//	[shortcodes.figure]
//	named = ["alt", "title", "caption", "attr"]
//
// A list that is not given is the built-in one for the shortcode (see
// DefaultShortcodes), else that of [shortcodes."*"], the entry for every
// shortcode without one of its own; an empty list means none.
type ShortcodeParams struct {
	// Named are parameter names (alt = "…").
	Named []string `toml:"named"`
	// Positional are indexes among the positional parameters, from 0,
	// as Hugo's .Get counts them.
	Positional []int `toml:"positional"`
}

// AnyShortcode names the [shortcodes] entry for every shortcode without
// one of its own.
const AnyShortcode = "*"

// DefaultShortcodes are the built-in [shortcodes] entries: for any
// shortcode, alt, title and caption; Hugo's figure adds its attribution
// (attr) and details its summary; a tab's name is its first positional
// parameter ({{< tab "macOS" >}}, as the Hugo Book theme writes it) or its
// header (Docsy). Each call returns a fresh copy.
func DefaultShortcodes() map[string]ShortcodeParams {
	return map[string]ShortcodeParams{
		AnyShortcode: {Named: []string{"alt", "title", "caption"}},
		"figure":     {Named: []string{"alt", "title", "caption", "attr"}},
		"details":    {Named: []string{"summary", "title"}},
		"tab":        {Named: []string{"alt", "title", "caption", "header"}, Positional: []int{0}},
	}
}

// ShortcodeText returns, for every shortcode with an entry (built-in or
// in lingo.toml) and for AnyShortcode, the parameters that are text.
func (c *Config) ShortcodeText() map[string]ShortcodeParams {
	out := DefaultShortcodes()
	if own, ok := c.Shortcodes[AnyShortcode]; ok {
		out[AnyShortcode] = inherit(own, out[AnyShortcode])
	}
	for name, own := range c.Shortcodes {
		if name == AnyShortcode {
			continue
		}
		base, ok := out[name]
		if !ok {
			base = out[AnyShortcode]
		}
		out[name] = inherit(own, base)
	}
	return out
}

// inherit fills the lists own does not give from base.
func inherit(own, base ShortcodeParams) ShortcodeParams {
	if own.Named == nil {
		own.Named = slices.Clone(base.Named)
	}
	if own.Positional == nil {
		own.Positional = slices.Clone(base.Positional)
	}
	return own
}

// shortcodes validates [shortcodes.<name>]: a name a shortcode can have,
// parameter names that are not empty, positions from 0.
func (v *validator) shortcodes(c *Config) {
	for _, name := range sortedKeys(c.Shortcodes) {
		p := c.Shortcodes[name]
		switch {
		case name != AnyShortcode && (strings.TrimSpace(name) == "" || strings.ContainsAny(name, " \t\r\n\"'`=<>%{}")):
			v.failTable(fmt.Sprintf("[shortcodes.%q]: %q is not a shortcode name", name, name), "shortcodes", name)
		case slices.ContainsFunc(p.Named, func(s string) bool { return strings.TrimSpace(s) == "" }):
			v.failTable(fmt.Sprintf("[shortcodes.%s] named: empty parameter name", name), "shortcodes", name)
		case slices.ContainsFunc(p.Positional, func(i int) bool { return i < 0 }):
			v.failTable(fmt.Sprintf("[shortcodes.%s] positional: want indexes from 0 (the first positional parameter)", name), "shortcodes", name)
		}
	}
}
