package mt

import (
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/markdown"
)

// segment is the first message of md, as lingo extracts it.
func segment(t *testing.T, md string) Message {
	t.Helper()
	segs, err := markdown.New(markdown.Options{}).Segments([]byte(md))
	if err != nil || len(segs) == 0 {
		t.Fatalf("Segments(%q) = %v, %v", md, segs, err)
	}
	return Encode(&segs[0])
}

// Encode turns markup into elements an engine carries over; Decode puts
// the markup back byte for byte around the translated words, wherever the
// engine moved them, and takes its marks off the words.
func TestEncodeDecode(t *testing.T) {
	for _, tc := range []struct {
		name, md, html, out, want string
		marks                     []Mark
		lost                      bool
	}{
		{name: "emphasis and code",
			md:   "Take **5 mg** with `water` now.\n",
			html: `Take <b id="g0">5 mg</b> with <code id="g2">0</code> now.`,
			out:  `Toma <b id="g0">5 *mg</b> con <code id="g2">0</code> ahora.`,
			want: "Toma **5 mg** con `water` ahora.", marks: []Mark{{"unknown", "mg"}}},
		{name: "link moved with its words",
			md:   "See [the red house](https://example.org/a \"A\") today.\n",
			html: `See <a id="g0">the red house</a>A<code id="g2">0</code> today.`,
			out:  `Ve <a id="g0">la casa roja</a>A<code id="g2">0</code> hoy.`,
			want: `Ve [la casa roja](https://example.org/a "A") hoy.`},
		{name: "a pair split by reordering is joined",
			md:   "**Lowering the Default Mode Network:** it works.\n",
			out:  `<b id="g0">Bajando el Default Red</b> de <b id="g0">Modo:</b> funciona.`,
			want: "**Bajando el Default Red de Modo:** funciona."},
		{name: "a run the engine dropped",
			md:   "Run `hugo` here.\n",
			out:  `Corre aquí.`,
			want: "Corre aquí.", lost: true},
		{name: "entities, spaces and the source's own signs",
			md:   "Use A & B; #1 is \"best\"  here.\n",
			out:  `Usa A &amp; B;  #1 es "mejor" aquí. `,
			want: `Usa A & B; #1 es "mejor" aquí.`},
		{name: "generation and transfer marks",
			md:   "Give the dog a chance.\n",
			out:  `Da el perro una #casualidad @foo.`,
			want: "Da el perro una casualidad foo.", marks: []Mark{{"generation", "casualidad"}, {"transfer", "foo"}}},
		{name: "inline html and a shortcode",
			md:   "Press <kbd>Ctrl</kbd> and {{< icon \"x\" >}} to go.\n",
			out:  `Pulsa <code id="g0">0</code>Ctrl<code id="g1">0</code> y <code id="g2">0</code> para ir.`,
			want: "Pulsa <kbd>Ctrl</kbd> y {{< icon \"x\" >}} para ir."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := segment(t, tc.md)
			if tc.html != "" && m.HTML != tc.html {
				t.Errorf("Encode = %s, want %s", m.HTML, tc.html)
			}
			d := m.Decode(tc.out)
			if d.Text != tc.want {
				t.Errorf("Decode = %q, want %q", d.Text, tc.want)
			}
			if !slices.Equal(d.Marks, tc.marks) {
				t.Errorf("marks = %v, want %v", d.Marks, tc.marks)
			}
			if (len(d.Lost) > 0) != tc.lost {
				t.Errorf("lost = %v, want %v", d.Lost, tc.lost)
			}
		})
	}
}

// split takes back, in order, exactly the paragraphs join made; anything
// else is errSplit, and halves then translates in halves.
func TestSplit(t *testing.T) {
	in := []string{"uno", `dos <b id="g0">tres</b>`, ""}
	got, err := split(join(in), 3)
	if err != nil || !slices.Equal(got, in) {
		t.Fatalf("split(join) = %q, %v", got, err)
	}
	for _, bad := range []string{
		`<p id="m0">a</p><p id="m2">c</p><p id="m1">b</p>`,
		`<p id="m0">a</p><p id="m1">b</p>`,
		`<p id="m0">a</p><p id="m0">a</p><p id="m1">b</p><p id="m2">c</p>`,
		`<p id="m0">a<p id="m1">b</p><p id="m2">c</p>`,
	} {
		if _, err := split(bad, 3); err != errSplit {
			t.Errorf("split(%q) = %v, want errSplit", bad, err)
		}
	}
	calls := 0
	out, err := halves([]string{"a", "b", "c", "d"}, func(s string) (string, error) {
		calls++
		if calls == 1 {
			return "<p>broken</p>", nil
		}
		return s, nil
	})
	if err != nil || !slices.Equal(out, []string{"a", "b", "c", "d"}) || calls != 3 {
		t.Errorf("halves = %q, %v after %d calls", out, err, calls)
	}
	if b := batches([]string{"aa", "bb", "cc", "dddddd", "e"}, 2, 5); len(b) != 4 {
		t.Errorf("batches = %q", b)
	}
}
