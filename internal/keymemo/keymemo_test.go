package keymemo

import (
	"slices"
	"testing"
)

// A key is given back until forgotten; a unit's with the article key it
// was made from; a key made while another was forgotten is not kept.
func TestMemos(t *testing.T) {
	var k Memos
	k.Reserve(2)
	gen := k.Gen()
	k.Put(gen, "a", "", Key{Key: "A"})
	k.Put(gen, "a", "fr", Key{"A", "A-fr"})
	k.Put(gen, "a", "de", Key{"A", "A-de"})
	k.Put(gen, "b", "fr", Key{"B", "B-fr"})
	if got, _, ok := k.Get("a", "fr"); !ok || got != (Key{"A", "A-fr"}) {
		t.Errorf("a in fr: %v, %v", got, ok)
	}
	if got, _, ok := k.Get("a", ""); !ok || got.Key != "A" {
		t.Errorf("article a: %v, %v", got, ok)
	}
	if _, _, ok := k.Get("b", ""); ok {
		t.Error("article b's key, never made, was found")
	}
	k.Forget("a", "fr")
	if _, _, ok := k.Get("a", "fr"); ok {
		t.Error("a forgotten key was found")
	}
	k.Put(gen, "a", "fr", Key{"A", "stale"}) // made before the forget
	if _, _, ok := k.Get("a", "fr"); ok {
		t.Error("a key made before a forget was kept")
	}
	want := []string{"\x00a", "de\x00a", "fr\x00b"}
	if held := k.Held(); !slices.Equal(held, want) {
		t.Errorf("held %q, want %q", held, want)
	}
	k.ForgetAll()
	if held := k.Held(); len(held) != 0 {
		t.Errorf("held %q after ForgetAll", held)
	}
}

// Made lists each article whose keys were made, once, with its units'
// keys made from its key now.
func TestMade(t *testing.T) {
	var k Memos
	gen := k.Gen()
	k.Put(gen, "a", "", Key{Key: "A2"})
	k.Put(gen, "a", "fr", Key{"A2", "A2-fr"})
	k.Put(gen, "a", "de", Key{"A1", "A1-de"}) // made from an older article key
	k.Put(gen, "b", "", Key{Key: "B"})
	k.MadeFrom("a")
	k.MadeFrom("a")
	var got []string
	k.Made(func(slug, article string, units map[string]string) {
		got = append(got, slug+" "+article)
		if slug == "a" && (len(units) != 1 || units["fr"] != "A2-fr") {
			t.Errorf("a's units: %v", units)
		}
	})
	if !slices.Equal(got, []string{"a A2"}) {
		t.Errorf("made %q", got)
	}
}

// TestUnits: an article's unit keys come in one lookup only when every
// one asked for is held and made from the article key held.
func TestUnits(t *testing.T) {
	var k Memos
	gen := k.Gen()
	k.Put(gen, "a", "", Key{Key: "A"})
	k.Put(gen, "a", "fr", Key{"A", "A-fr"})
	k.Put(gen, "a", "de", Key{"A", "A-de"})
	k.Put(gen, "a", "it", Key{"A0", "A0-it"}) // made from an older article key
	k.Put(gen, "b", "fr", Key{"B", "B-fr"})   // no article key held
	if a, keys, ok := k.Units("a", []string{"de", "fr"}); !ok || a != "A" || !slices.Equal(keys, []string{"A-de", "A-fr"}) {
		t.Errorf("a in de, fr: %q %q %v", a, keys, ok)
	}
	for _, c := range []struct {
		slug  string
		langs []string
	}{{"a", []string{"fr", "it"}}, {"a", []string{"fr", "nl"}}, {"b", []string{"fr"}}, {"c", nil}} {
		if _, keys, ok := k.Units(c.slug, c.langs); ok {
			t.Errorf("%s in %q: %q, want none", c.slug, c.langs, keys)
		}
	}
}
