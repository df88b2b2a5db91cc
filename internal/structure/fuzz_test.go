package structure

import (
	"reflect"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`Take **2 doses** and see [the guide](/en/guide "Guide") or ![a brain](/img/b.png)`,
		"Run `lingo check`, *now*[^1] <span class=\"x\">x</span> {{< figure alt=\"a\" >}} {{ .N }}",
		"<script>alert(1)</script>", "a <script>x</script> <style>y", "a <!-- b --> c<br>d", "[x](JaVa&#x53;cript:alert(1)) [y][guide] <https://a.b>",
		"**open *and _under_ __x", "[^", "[^]", "[^a]: b\n\n[^a]", "```\n[^1]", "- [ ] task ~~gone~~\n\n| a | b |\n|---|---|\n| c | d |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh := Parse(s, refs)
		if again := Parse(s, refs); !reflect.DeepEqual(sh, again) {
			t.Fatalf("Parse(%q) is not deterministic", s)
		}
		if ps := Compare(sh, sh, fr); len(ps) != 0 {
			t.Fatalf("Compare of %q with itself: %v", s, ps)
		}
		for _, p := range Safety(sh, sh) {
			if p.Check == CheckHTML {
				t.Fatalf("Safety of %q with itself: %v", s, p)
			}
		}
	})
}
