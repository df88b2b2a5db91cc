package markdown_test

import (
	"slices"
	"testing"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/shortcode"
)

// hugoShortcodes is what lingo's config gives by default (config.DefaultShortcodes).
var hugoShortcodes = map[string]markdown.ShortcodeText{
	markdown.AnyShortcode: {Named: []string{"alt", "title", "caption"}},
	"figure":              {Named: []string{"alt", "title", "caption", "attr"}},
	"details":             {Named: []string{"summary", "title"}},
	"tab":                 {Named: []string{"alt", "title", "caption", "header"}, Positional: []int{0}},
}

// TestShortcodeParams: the parameters Options.Shortcodes names are
// messages, named or positional; nothing else of a call is.
func TestShortcodeParams(t *testing.T) {
	tests := []struct {
		name   string
		opts   map[string]markdown.ShortcodeText
		src    string
		fields []string // Field=Text of each shortcode segment
	}{
		{"no option: alt, title, caption of any shortcode", nil,
			"{{< figure src=\"a.png\" alt=\"A cat\" attr=\"Jane Doe\" >}}\n\n{{< details summary=\"More\" title=\"T\" >}}\n",
			[]string{"alt=A cat", "title=T"}},
		{"figure's attr, details' summary", hugoShortcodes,
			"{{< figure src=\"a.png\" alt=\"A cat\" attr=\"Photo: Jane\" attrlink=\"https://x.org\" >}}\n\n{{< details summary=\"See the details\" open=true >}}\nInside.\n{{< /details >}}\n",
			[]string{"alt=A cat", "attr=Photo: Jane", "summary=See the details"}},
		{"tab's first positional parameter, in any quotes", hugoShortcodes,
			"{{< tabs >}}\n{{< tab \"macOS\" >}}\nBrew.\n{{< /tab >}}\n{{< tab `Windows` 2 >}}\nWinget.\n{{< /tab >}}\n{{< tab Linux >}}\nApt.\n{{< /tab >}}\n{{< /tabs >}}\n",
			[]string{"0=macOS", "0=Windows", "0=Linux"}},
		{"positional parameters of other shortcodes are not text", hugoShortcodes,
			"{{% glossary-term \"default sort order\" %}}\n\n{{< ref \"other.md\" >}}\n",
			nil},
		{"positions count positional parameters only", map[string]markdown.ShortcodeText{
			"note": {Positional: []int{1}},
		},
			"{{< note \"info\" \"Be careful\" \"x\" >}}\n",
			[]string{"1=Be careful"}},
		{"an entry replaces the default for its shortcode", map[string]markdown.ShortcodeText{
			"figure":              {Named: []string{"caption"}},
			markdown.AnyShortcode: {},
		},
			"{{< figure alt=\"A cat\" caption=\"Cats\" >}}\n\n{{< img alt=\"A dog\" >}}\n",
			[]string{"caption=Cats"}},
		{"values without letters and closing calls are not text", hugoShortcodes,
			"{{< tab \"2024\" >}}\nx\n{{< /tab >}}\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := markdown.New(markdown.Options{CodeShortcodes: []string{"highlight"}, Shortcodes: tt.opts})
			segs, err := p.Segments([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range segs {
				if s.Kind == article.KindShortcode {
					got = append(got, s.Field+"="+s.Text)
				}
			}
			if !slices.Equal(got, tt.fields) {
				t.Errorf("shortcode segments = %q, want %q", got, tt.fields)
			}
		})
	}
}

// TestShortcodeParamEscape: a translation of a parameter is written back
// in its quotes so that the call still reads as one shortcode whose
// parameter holds the translation, as Hugo reads it.
func TestShortcodeParamEscape(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{"double quotes", `{{< tab "Name" >}}`, `Le "nom"`, `{{< tab "Le \"nom\"" >}}`},
		{"a quote the translator escaped stays as it is", `{{< tab "Say \"hi\"" >}}`, `Dis \"salut\"`, `{{< tab "Dis \"salut\"" >}}`},
		{"a final backslash would escape the closing quote", `{{< tab "Name" >}}`, `C:\`, `{{< tab "C:\ " >}}`},
		{"backticks have no escapes", "{{< tab `Name` >}}", "Le `nom`", "{{< tab `Le 'nom'` >}}"},
		{"unquoted becomes quoted", `{{< tab Name >}}`, `Le "nom" propre`, `{{< tab "Le \"nom\" propre" >}}`},
		{"named, one line", `{{< figure attr="Photo" >}}`, "Photo :\nJeanne", `{{< figure attr="Photo : Jeanne" >}}`},
	}
	p := markdown.New(markdown.Options{Shortcodes: hugoShortcodes})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src + "\n")
			segs, err := p.Segments(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(segs) != 1 || segs[0].Kind != article.KindShortcode {
				t.Fatalf("segments = %+v, want one shortcode parameter", segs)
			}
			ids := article.IDs("a", segs)
			out := article.Render(src, segs, ids, func(string) (string, bool) { return tt.tr, true })
			if string(out) != tt.want+"\n" {
				t.Fatalf("rendered %q, want %q", out, tt.want+"\n")
			}
			scs := shortcode.Scan(out, article.Range{Start: 0, End: len(out)})
			if len(scs) != 1 || scs[0].Range.End != len(tt.want) {
				t.Fatalf("rendered call does not scan as one shortcode: %+v", scs)
			}
		})
	}
}
