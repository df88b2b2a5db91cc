package structure

import (
	"reflect"
	"strings"
	"testing"
)

var refs = map[string]string{"guide": "/en/guide", "nih": "https://www.nih.gov/ketamine"}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Shape
	}{
		{
			name: "links, reference links, images and autolinks",
			text: `Take **2 doses** and see [the guide](/en/guide "Guide"), [the FAQ][nih], [guide] or ![a brain](/img/b.png) at <https://example.org> or www.example.com`,
			want: Shape{
				Links:  []string{"/en/guide", "https://www.nih.gov/ketamine", "/en/guide", "https://example.org", "http://www.example.com"},
				Images: []string{"/img/b.png"},
				Strong: 1,
			},
		},
		{
			name: "escapes and entities in destinations are resolved",
			text: `[a](/en/a\_b) [b](/en/caf&eacute;)`,
			want: Shape{Links: []string{"/en/a_b", "/en/café"}},
		},
		{
			name: "code spans, emphasis",
			text: "Run `lingo check` and ``a ` b``, *really* ***now***, or `two\nlines` and\n  `three\n  lines`",
			want: Shape{Code: []string{"lingo check", "a ` b", "two lines", "three lines"}, Emphasis: 2, Strong: 1},
		},
		{
			name: "inline HTML, normalized",
			text: `A <SPAN data-x='1' class="dose">dose</span> of <abbr title="N-methyl-D-aspartate">NMDA</abbr><br/>`,
			want: Shape{HTML: []string{`<span class="dose" data-x="1">`, `</span>`, `<abbr title="N-methyl-D-aspartate">`, `</abbr>`, `<br>`}},
		},
		{
			name: "HTML block",
			text: `<script>alert("x")</script> after`,
			want: Shape{HTML: []string{`<script>`, `</script>`}, RawText: []RawText{{"script", `alert("x")`}}},
		},
		{
			name: "inline script and style, comments",
			text: "Take <script>var a = 1*2*3;</script> it <!-- note --> <style>p { color: red }</style>",
			want: Shape{HTML: []string{`<script>`, `</script>`, `<style>`, `</style>`}, Emphasis: 1, Comments: []string{"<!-- note -->"},
				RawText: []RawText{{"script", "var a = 1*2*3;"}, {"style", "p { color: red }"}}},
		},
		{
			name: "a script left open runs to the end",
			text: "Take <script>var a = 1; it",
			want: Shape{HTML: []string{`<script>`}, RawText: []RawText{{"script", "var a = 1; it"}}},
		},
		{
			name: "shortcodes and placeholders",
			text: `See {{< figure src="/img/b.png" alt="A brain" >}} and {{ .Count }} doses {{% note %}}`,
			want: Shape{Shortcodes: []string{`{{< figure src="/img/b.png" alt="A brain" >}}`, `{{ .Count }}`, `{{% note %}}`}},
		},
		{
			name: "footnote references, defined elsewhere in the article",
			text: "Ketamine[^1] acts on NMDA[^nmda], not `[^code]`, twice[^1].",
			want: Shape{Footnotes: []string{"1", "nmda", "1"}, Code: []string{"[^code]"}},
		},
		{
			name: "unbalanced delimiters",
			text: `Take **2 doses a day and *rest`,
			want: Shape{Unbalanced: []string{"**", "*"}},
		},
		{
			name: "literal stars and underscores that cannot delimit are not unbalanced",
			text: `5 * 3 = 15, snake_case_name, \*escaped\*, {{< x a="*b" >}}`,
			want: Shape{Shortcodes: []string{`{{< x a="*b" >}}`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.text, refs)
			got.seen, got.attrText = "", "" // TestSeen
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got %#v\nwant %#v", tt.text, got, tt.want)
			}
		})
	}
}

var fr = Options{Prefixes: map[string]string{"/en/": "/fr/"}}

func TestCompare(t *testing.T) {
	tests := []struct {
		name    string
		src, tr string
		opts    Options
		want    []string // "check: message", in order; "check!" marks an error
	}{
		// links
		{name: "links reordered", src: "See [the guide](/en/guide) and [the FAQ](/en/faq).", tr: "Voir [la FAQ](/en/faq) et [le guide](/en/guide)."},
		{name: "localized prefix", src: "See [the guide](/en/guide) and [the FAQ](/en/faq).", tr: "Voir [la FAQ](/fr/faq) et [le guide](/en/guide).", opts: fr},
		{name: "reference link resolved", src: "See [the guide][guide].", tr: "Siehe [den Leitfaden](/en/guide)."},
		{name: "dropped link", src: "See [the guide](/en/guide) and [the FAQ](/en/faq).", tr: "Voir [le guide](/fr/guide) et la FAQ.", opts: fr,
			want: []string{"links!: link /en/faq is missing"}},
		{name: "changed link", src: "See [the guide](/en/guide).", tr: "Voir [le guide](/en/gide).",
			want: []string{"links!: link /en/guide became /en/gide"}},
		{name: "prefix of another language", src: "See [the guide](/en/guide).", tr: "Voir [le guide](/de/guide).", opts: fr,
			want: []string{"links!: link /en/guide became /de/guide"}},
		{name: "added link", src: "See the guide.", tr: "Siehe [den Leitfaden](/de/guide).",
			want: []string{"links!: link /de/guide was added"}},
		// images
		{name: "image alt translated", src: "![a brain](/img/b.png)", tr: "![un cerveau](/img/b.png)"},
		{name: "image changed", src: "![a brain](/img/b.png)", tr: "![ein Gehirn](/img/gehirn.png)",
			want: []string{"images!: image /img/b.png became /img/gehirn.png"}},
		// code
		{name: "code kept", src: "Run `lingo check` then `lingo build`.", tr: "Lancez `lingo build` après `lingo check`."},
		{name: "code changed", src: "Run `lingo check`.", tr: "Lancez `lingo vérifier`.",
			want: []string{"code!: code `lingo check` became `lingo vérifier`"}},
		// emphasis
		{name: "emphasis kept", src: "Take **2 doses** *daily*.", tr: "Prenez *chaque jour* **2 doses**."},
		{name: "strong left open", src: "Take **2 doses** daily.", tr: "Prenez **2 doses par jour.",
			want: []string{"emphasis: 1 strong (**text**) in the source, 0 in the translation", `emphasis!: unbalanced "**": emphasis left open or never opened`}},
		{name: "emphasis dropped", src: "Take *only* 2 doses.", tr: "Nehmen Sie nur 2 Dosen.",
			want: []string{"emphasis: 1 emphasis (*text*) in the source, 0 in the translation"}},
		{name: "literal star in both", src: "Price: 20 EUR*", tr: "Prix : 20 EUR*"},
		// html
		{name: "html title translated", src: `<abbr title="N-methyl-D-aspartate">NMDA</abbr> receptors`, tr: `Récepteurs <abbr title="N-méthyl-D-aspartate">NMDA</abbr>`},
		{name: "html attribute changed", src: `A <span class="dose">dose</span>.`, tr: `Eine <span class="dosis">Dosis</span>.`,
			want: []string{`html!: HTML <span class="dose"> became <span class="dosis">`}},
		{name: "html tag dropped", src: `Line<br>break`, tr: `Saut de ligne`,
			want: []string{`html!: HTML <br> is missing`}},
		{name: "html comment kept", src: `Rest <!-- reviewed --> after a dose.`, tr: `Repos <!-- reviewed --> après une dose.`},
		{name: "html comment added", src: `Do not take more than 3 g a day.`, tr: `Nehmen Sie <!-- nicht --> mehr als 3 g pro Tag ein.`,
			want: []string{`html!: HTML comment added: <!-- nicht --> (the reader does not see it; write the text outside a comment)`}},
		{name: "an unclosed comment is text", src: `Para two.`, tr: "Para deux\n<!--"},
		{name: "html comment changed", src: `Rest <!-- reviewed --> after a dose.`, tr: `Repos <!-- relu --> après une dose.`,
			want: []string{`html!: HTML comment added: <!-- relu --> (the reader does not see it; write the text outside a comment)`, `html!: HTML comment <!-- reviewed --> is missing`}},
		// shortcodes
		{name: "shortcode alt translated", src: `{{< figure src="/img/b.png" alt="A brain" >}} {{ .Count }} doses`, tr: `{{ .Count }} doses {{< figure src="/img/b.png" alt="Un cerveau" >}}`},
		{name: "shortcode changed", src: `{{< figure src="/img/b.png" alt="A brain" >}}`, tr: `{{< figure src="/img/cerveau.png" alt="Un cerveau" >}}`,
			want: []string{`shortcodes!: shortcode {{< figure src="/img/b.png" alt="A brain" >}} became {{< figure src="/img/cerveau.png" alt="Un cerveau" >}}`}},
		{name: "placeholder translated", src: `{{ .Count }} doses`, tr: `{{ .Nombre }} doses`,
			want: []string{`shortcodes!: shortcode {{ .Count }} became {{ .Nombre }}`}},
		// footnotes
		{name: "footnotes reordered", src: "Ketamine[^1] acts on NMDA[^nmda].", tr: "Sur NMDA[^nmda] agit la kétamine[^1]."},
		{name: "footnote dropped", src: "Ketamine[^1] acts on NMDA[^nmda].", tr: "Ketamin[^1] wirkt auf NMDA.",
			want: []string{"footnotes!: footnote [^nmda] is missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(Compare(Parse(tt.src, refs), Parse(tt.tr, refs), tt.opts))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Compare(%q, %q)\n got %q\nwant %q", tt.src, tt.tr, got, tt.want)
			}
		})
	}
}

func TestSafety(t *testing.T) {
	tests := []struct {
		name    string
		src, tr string
		want    []string
	}{
		{name: "same structure", src: `See <a href="/en/guide">the guide</a> and [NIH](https://www.nih.gov/ketamine).`,
			tr: `Voir <a href="/en/guide">le guide</a> et [NIH](https://www.nih.gov/ketamine-fr).`},
		{name: "source's own handler and data image kept", src: `<button onclick="toggle()">Show</button> ![dot](data:image/png;base64,AAAA)`,
			tr: `<button onclick="toggle()">Afficher</button> ![point](data:image/png;base64,AAAA)`},
		{name: "added script", src: "Take 2 doses.", tr: "Prenez 2 doses.<script>alert(1)</script>",
			want: []string{"unsafe-html!: raw HTML <script> that the source does not have"}},
		{name: "script as an HTML block", src: "Take 2 doses.", tr: "<script>alert(1)</script> Prenez 2 doses.",
			want: []string{"unsafe-html!: raw HTML <script> that the source does not have"}},
		{name: "script and style content kept, moved", src: `Take <script>var dose = 3;</script> it <style>p{}</style>.`,
			tr: `<style>p{}</style> Nehmen Sie <script>var dose = 3;</script> es.`},
		{name: "script content changed", src: `Take it <script>var dose = 3;</script> with water.`,
			tr:   `Nehmen Sie es <script>var dose = 30;</script> mit Wasser.`,
			want: []string{`html!: the content of <script> changed: "var dose = 3;" became "var dose = 30;" (a translation keeps it byte for byte)`}},
		{name: "style content changed, white space only", src: `Read <style>p{}</style> this.`, tr: `Lesen <style>p {}</style> dies.`,
			want: []string{`html!: the content of <style> changed: "p{}" became "p {}" (a translation keeps it byte for byte)`}},
		{name: "script content closed early", src: `Take <script>var dose = 3;</script> it.`, tr: `Nehmen <script></script>var dose = 3; es.`,
			want: []string{`html!: the content of <script> changed: "var dose = 3;" became "" (a translation keeps it byte for byte)`}},
		{name: "added iframe and style", src: "Take <em>2</em> doses.", tr: `Nehmen <em>2</em> <iframe src="/x"></iframe><style>p{}</style>`,
			want: []string{"unsafe-html!: raw HTML <iframe src=\"/x\"> that the source does not have", "unsafe-html!: raw HTML <style> that the source does not have"}},
		{name: "javascript link", src: "See [the guide](/en/guide).", tr: "Voir [le guide](javascript:alert(1)).",
			want: []string{"unsafe-url!: javascript: URL in link: javascript:alert(1)"}},
		{name: "javascript link hidden by case and entity", src: "See [the guide](/en/guide).", tr: "Voir [le guide](JaVa&#x53;cript:alert(1)).",
			want: []string{"unsafe-url!: javascript: URL in link: JaVaScript:alert(1)"}},
		{name: "javascript link hidden by an escape and a tab", src: "See [the guide](/en/guide).", tr: "Voir [le guide](<java&#9;script\\:alert(1)>).",
			want: []string{"unsafe-url!: javascript: URL in link: java\tscript:alert(1)"}},
		{name: "vbscript autolink", src: "See the guide.", tr: "Voir <vbscript:msgbox(1)>.",
			want: []string{"unsafe-url!: vbscript: URL in link: vbscript:msgbox(1)"}},
		{name: "data image", src: "![a brain](/img/b.png)", tr: "![un cerveau](data:text/html;base64,PHNjcmlwdD4=)",
			want: []string{"unsafe-url!: data: URL in image: data:text/html;base64,PHNjcmlwdD4="}},
		{name: "javascript in HTML attribute with entities", src: `<a href="/en/guide">guide</a>`, tr: `<a href=" java&#115;cript:alert(1)">guide</a>`,
			want: []string{"unsafe-url!: javascript: URL in <a>:  javascript:alert(1)"}},
		{name: "javascript in a link reference definition", src: "See the guide.", tr: "Voir [le guide][x].\n\n[x]: javascript:alert(1)",
			want: []string{"unsafe-url!: javascript: URL in link: javascript:alert(1)", "unsafe-url!: javascript: URL in link reference [x]: javascript:alert(1)"}},
		{name: "event handler", src: `<a href="/en/guide">guide</a>`, tr: `<a href="/en/guide" onclick="steal()">guide</a>`,
			want: []string{`event-handler!: event handler onclick="steal()" on <a>`}},
		{name: "event handler on added tag", src: `Take 2 doses.`, tr: `<img src=x ONERROR=alert(1)> Prenez 2 doses.`,
			want: []string{`unsafe-html!: raw HTML <img onerror="alert(1)" src="x"> that the source does not have`, `event-handler!: event handler onerror="alert(1)" on <img>`}},
		{name: "foreign host", src: "See [NIH](https://www.nih.gov/ketamine).", tr: "Voir [NIH](https://evil.example/ketamine).",
			want: []string{"foreign-host!: link to host evil.example, which the source does not use: https://evil.example/ketamine"}},
		{name: "foreign host behind user info", src: "See [NIH](https://www.nih.gov/ketamine).", tr: "Voir [NIH](https://www.nih.gov@Evil.Example/).",
			want: []string{"foreign-host!: link to host evil.example, which the source does not use: https://www.nih.gov@Evil.Example/"}},
		{name: "foreign host in an image, protocol-relative", src: "![a brain](/img/b.png)", tr: "![un cerveau](//evil.example/b.png)",
			want: []string{"foreign-host!: image to host evil.example, which the source does not use: //evil.example/b.png"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := describe(Safety(Parse(tt.src, refs), Parse(tt.tr, refs)))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Safety(%q, %q)\n got %q\nwant %q", tt.src, tt.tr, got, tt.want)
			}
		})
	}
}

// TestSeen gives the text a reader sees of a message, which the numbers,
// units and negation checks read, and its prose attributes.
func TestSeen(t *testing.T) {
	tests := []struct {
		name, text, seen, attrs string
	}{
		{"plain Markdown is kept as written", "Take **2 doses** of [it](/en/x) `now`.", "Take **2 doses** of [it](/en/x) `now`.", ""},
		{"a comment is not seen", "Nehmen Sie <!-- nicht --> mehr als 3 g ein.", "Nehmen Sie  mehr als 3 g ein.", ""},
		{"tags and their attributes are not seen", `Nehmen Sie <abbr title="nicht">mehr</abbr> als 3<sup>2</sup> g.`, "Nehmen Sie mehr als 32 g.", "nicht"},
		{"a line break is a line break", "nicht<br>mehr<br/>als", "nicht\nmehr\nals", ""},
		{"script and style content is not seen", "Take <script>var dose = 30;</script>3 g <style>p::after{content:'0'}</style>a day.", "Take 3 g a day.", ""},
		{"a script left open hides the rest", "Take 3 g <script>var x; 30 g", "Take 3 g ", ""},
		{"code spans are text", "Type `<!-- x -->` and `<b>`.", "Type `<!-- x -->` and `<b>`.", ""},
		{"escaped markup is text", `Write \<!-- x --> and &lt;b&gt;.`, `Write \<!-- x --> and &lt;b&gt;.`, ""},
		{"prose attributes in order", `<img alt="3 brains" src="/b.png"> <abbr title="at most 30 g" class="x">a day</abbr>`, " a day", "3 brains\nat most 30 g"},
		{"an unclosed comment is text", "Para deux\n<!-- 3 g", "Para deux\n<!-- 3 g", ""},
		{"an HTML block", "<div title=\"t\">\n<p>Block 3</p><!-- c -->\n</div>", "\nBlock 3\n", "t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := Parse(tt.text, refs)
			if sh.Seen() != tt.seen || sh.AttrText() != tt.attrs {
				t.Errorf("Parse(%q): Seen %q, AttrText %q; want %q, %q", tt.text, sh.Seen(), sh.AttrText(), tt.seen, tt.attrs)
			}
		})
	}
}

// describe shows problems as "check: message", "check!: message" for errors.
func describe(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		mark := ""
		if p.Error {
			mark = "!"
		}
		out = append(out, p.Check+mark+": "+p.Message)
	}
	return out
}

func TestCheckIDs(t *testing.T) {
	ids := []string{CheckLinks, CheckImages, CheckCode, CheckEmphasis, CheckHTML, CheckShortcodes, CheckFootnotes,
		CheckUnsafeHTML, CheckUnsafeURL, CheckEventHandler, CheckForeignHost}
	want := "links images code emphasis html shortcodes footnotes unsafe-html unsafe-url event-handler foreign-host"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("check IDs = %q, want %q", got, want)
	}
}
