package workspace

import (
	"bytes"
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
)

// Origins finds the source text a translation was made for where the
// state file does not say (a clone without locales/<lang>/.lingo, or a
// translation typed since the last sync): the entry's hash names that
// text, and Origins looks for it where lingo last showed it. That is the
// article's source catalog on disk (sync writes it last, so during a sync
// it still holds the texts of the last one), the comments and descriptions
// lingo wrote in the target catalog (`# en: ...`, `was:`), and the
// article's current texts. Every candidate must have the hash; nothing is
// guessed. It reads those files only when first asked.
type Origins struct {
	p          *Project
	lang, slug string
	file       string            // the target catalog file; "" for the one catalogFileOf finds
	cur        []article.Segment // the article's texts now; nil when it is gone
	loaded     bool
	byID       map[string]string // the source catalog on disk: ID → text (read when first asked, if nil)
	byHash     map[string]string // every text found: hash → text
}

// Origins are those of the translations of article a in lang: its texts
// now, its source catalog as Load read it, and the catalog's comments.
func (p *Project) Origins(lang string, a *Article) *Origins {
	return &Origins{p: p, lang: lang, slug: a.Slug, cur: a.Segs, byID: a.Known}
}

// Text is the source Text with hash, preferring the one message id had
// at the last sync; "" when no file lingo wrote holds it. An empty hash
// (an entry without one, taken as made for its message's Text) is the
// Text message id had at the last sync.
func (o *Origins) Text(id, hash string) string {
	if o == nil {
		return ""
	}
	o.load()
	if t, ok := o.byID[id]; ok && (hash == "" || article.Hash(t) == hash) {
		return t
	}
	if hash == "" {
		return ""
	}
	return o.byHash[hash]
}

func (o *Origins) load() {
	if o.loaded {
		return
	}
	o.loaded, o.byHash = true, map[string]string{}
	hashed := map[string]bool{} // the texts found twice (most are) are hashed once
	add := func(t string) {
		if t != "" && !hashed[t] {
			hashed[t] = true
			if h := article.Hash(t); o.byHash[h] == "" {
				o.byHash[h] = t
			}
		}
	}
	for _, s := range o.cur {
		add(s.Text)
	}
	if o.byID == nil { // unreadable or broken: fewer texts found; the reads that matter say so
		src, _ := o.p.ReadCatalog(o.p.Config.Source, o.slug)
		o.byID = src.Texts()
	}
	for _, id := range slices.Sorted(maps.Keys(o.byID)) {
		add(o.byID[id])
	}
	path, err := o.file, error(nil)
	if path == "" {
		path, err = o.p.CatalogFileOf(o.lang, o.slug)
	}
	if err != nil || path == "" {
		return
	}
	data, err := o.p.ReadFile(path)
	if err != nil {
		return
	}
	var lines []string
	for l := range bytes.Lines(data) {
		l = bytes.TrimRight(l, "\r\n")
		if t, ok := bytes.CutPrefix(l, []byte("#")); ok {
			lines = append(lines, strings.TrimPrefix(string(t), " "))
			continue
		}
		for _, t := range shownTexts(o.p.Config.Source, lines) {
			add(t)
		}
		lines = lines[:0]
	}
	for _, t := range shownTexts(o.p.Config.Source, lines) {
		add(t)
	}
	if c, err := catalog.Parse(o.p.Rel(path), data); err == nil {
		for _, e := range c.Entries {
			for _, t := range shownTexts(o.p.Config.Source, strings.Split(e.Description, "\n")) {
				add(t)
			}
		}
	}
}

// shownTexts are the source texts lingo may have written in lines of a
// comment or description: each text after "<source>: ", "was: " or
// "now: ", running over one line or more (a text may hold line breaks).
func shownTexts(source string, lines []string) []string {
	var out []string
	for i, l := range lines {
		for _, prefix := range []string{source + ": ", "was: ", "now: "} {
			t, ok := strings.CutPrefix(l, prefix)
			if !ok {
				continue
			}
			out = append(out, t)
			for _, more := range lines[i+1:] {
				t += "\n" + more
				out = append(out, t)
			}
		}
	}
	return out
}

// MadeFor is the hash of the source text the translation of entry e was
// made for: the text lingo last showed beside it when the translator
// edited it since, else the text its hash names.
func MadeFor(e catalog.Entry, rec Record) string {
	if shown := cmp.Or(rec.Shown, rec.Hash); rec.Seen != "" && rec.Seen != article.Hash(e.Other) && shown != "" {
		return shown
	}
	return e.Hash
}

// SourceOf is the source text the translation of entry e was made for:
// from the state, else found by its hash.
func SourceOf(e catalog.Entry, rec Record, o *Origins) string {
	h := MadeFor(e, rec)
	if rec.Source != "" && (h == "" || article.Hash(rec.Source) == h) {
		return rec.Source
	}
	if t := o.Text(e.ID, h); t != "" {
		return t
	}
	return rec.Source
}
