package publish

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	json "github.com/goccy/go-json"
	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/pagebook"
	"github.com/lingo-l10n/lingo/internal/pagewords"
	"github.com/lingo-l10n/lingo/internal/readinglevel"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// markFallbacks extends lookup for HTML: a prose message shown in the
// source language is wrapped in a span that names its language and
// direction, so that screen readers switch voice and an English sentence in
// an Arabic page keeps its punctuation where it belongs; and marked for the
// eye (class in-source: a dotted underline, htmlpage's style), with title,
// its hover text in the reader's language, saying why it is not in it.
func (p Publisher) markFallbacks(a *workspace.Article, lookup func(string) (string, bool), title string) func(string) (string, bool) {
	open := fmt.Sprintf(`<span lang="%s" dir="%s" class="%s" title="%s">`, p.Config.Source, htmlpage.Dir(p.Config.Source),
		htmlpage.InSourceClass, html.EscapeString(title))
	return inSource(a, lookup, func(s *article.Segment) string { return open + s.Text + "</span>" })
}

// inSource extends lookup with the messages it has no text for that a page
// shows in the source language marked (prose: not raw HTML, not a message
// that is escaped in place): their source text, as mark writes it.
func inSource(a *workspace.Article, lookup func(string) (string, bool), mark func(s *article.Segment) string) func(string) (string, bool) {
	segs := make(map[string]*article.Segment, len(a.IDs))
	for i, id := range a.IDs {
		segs[id] = &a.Segs[i]
	}
	return func(id string) (string, bool) {
		if t, ok := lookup(id); ok {
			return t, true
		}
		s := segs[id]
		if s == nil || s.Escape != nil || s.Kind == article.KindHTML {
			return "", false
		}
		return mark(s), true
	}
}

// relURL is the URL of file to, relative to the page at from.
func relURL(from, to string) string {
	r, err := filepath.Rel(filepath.Dir(from), to)
	if err != nil {
		return filepath.ToSlash(to)
	}
	return filepath.ToSlash(r)
}

// href is the URL of file to from the page at from: absolute under
// [site] base_url when it is set, else relative.
func (p Publisher) href(from, to string) string {
	base := p.Config.Site.BaseURL
	if base == "" {
		return relURL(from, to)
	}
	r, err := filepath.Rel(p.Config.OutputDir(), to)
	if err != nil {
		return relURL(from, to)
	}
	return strings.TrimSuffix(base, "/") + "/" + filepath.ToSlash(r)
}

// htmlPage renders article ap.a in lang as a standalone page: the
// translation with its fallbacks marked, or the source article under a
// notice in the reader's language, pointing search engines to the source
// with rel=canonical.
func (p Publisher) htmlPage(run *publishRun, ap *articlePages, lang string, lookup func(string) (string, bool), notice string) ([]byte, error) {
	a, kind := ap.a, ap.kinds[lang]
	path := p.HTMLPath(lang, a.Slug)
	md := a.Src
	if kind == pageTranslation {
		md = frontmatter.SetKey(article.Render(a.Src, a.Segs, a.IDs, p.markFallbacks(a, lookup, run.words.For(lang).MarkTitle(p.Config.Source))), p.Config.LangKey, lang)
	}
	fm, err := frontmatter.Split(md)
	if err != nil {
		return nil, err
	}
	fields, _ := frontmatter.Fields(md, fm, []string{"title", "description"})
	page := htmlpage.Page{Lang: lang, Title: a.Slug, Body: md[fm.Body:], Trusted: kind != pageTranslation,
		Notice: notice, IndexHref: relURL(path, p.indexOf(lang)),
		IndexTitle: p.Config.Site.Title}
	for _, l := range union(p.ProjectLangs(), []string{lang}) {
		if k := ap.kinds[l]; k == pageSource || k == pageTranslation {
			page.Alternates = append(page.Alternates, htmlpage.Alternate{Lang: l, Href: p.href(path, p.HTMLPath(l, a.Slug)),
				Name: htmlpage.NativeName(l), Current: l == lang})
		}
	}
	if kind == pageFallback {
		page.BodyLang = p.Config.Source
		page.Canonical = p.href(path, p.HTMLPath(p.Config.Source, a.Slug))
	}
	for _, f := range fields {
		switch f.Field {
		case "title":
			page.Title = f.Text
		case "description":
			page.Description = f.Text
		}
	}
	return htmlpage.Render(page)
}

// Title is the article's Title: its front matter Title, else its first
// level-1 heading, translated where texts (its published translations in
// a language, or nil) has it; else its slug.
func Title(a *workspace.Article, texts map[string]string) string {
	at := article.TitleAt(a.Segs)
	if at < 0 {
		return a.Slug
	}
	if t, ok := texts[a.IDs[at]]; ok {
		return t
	}
	return a.Segs[at].Text
}

// indexPage is one of the pages that list the articles, before rendering:
// a list (a language's index, the site's) or the status table.
type indexPage struct {
	path   string
	key    string                 // what it is made from: while it holds, the page is not made again
	render func() ([]byte, error) // nil for a page known to show what it shows
}

// listPage is the page at path that lists l.
func listPage(path string, l htmlpage.List, shared string) indexPage {
	head := l
	head.Items = nil
	items := make([]any, len(l.Items))
	for i, it := range l.Items {
		items[i] = it
	}
	return indexPage{path: path, key: pageKey(shared, "list", head, items),
		render: func() ([]byte, error) { return htmlpage.RenderList(l) }}
}

// pageKey hashes an index page's kind, its head and its items, one at a
// time: the status page of 10,000 articles in 10 languages has 10,000 rows.
func pageKey(shared, kind string, head any, items []any) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", workspace.Version, shared)
	enc := json.NewEncoder(h)
	err := enc.Encode(kind)
	err = cmp.Or(err, enc.Encode(head))
	for _, it := range items {
		err = cmp.Or(err, enc.Encode(it))
	}
	if err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

const statusBucket = "status-rows"

// indexPages are the pages that list the articles: each language's index
// (every article by its title in that language, the untranslated ones
// marked and linked to the source), the site's index (its languages), and
// the status page (how far each article is translated in each language,
// the numbers of lingo status). A language's index that shows what it
// showed is not made again.
func (p Publisher) indexPages(run *publishRun, g *workspace.Graph, slugs []string, jobs []articleJob, n *nextBook, shown map[string]bool) []indexPage {
	var pages []indexPage
	out := p.Config.OutputDir()
	src := p.Config.Source
	langs := n.w.Meta.LangsAfter(run.langs)
	sums := summaries{run, slugs, jobs, n, langs}
	old := run.book.Meta.IndexPages
	site := p.siteName()
	for _, lang := range langs {
		path := p.indexOf(lang)
		if rel := p.OutRel(path); shown[rel] {
			pages = append(pages, indexPage{path: path, key: old[rel]})
			continue
		}
		words := run.words.For(lang)
		l := htmlpage.List{Lang: lang, Title: cmp.Or(p.Config.Site.Title, htmlpage.NativeName(lang)), Heading: words.Articles()}
		for _, other := range langs {
			l.Alternates = append(l.Alternates, htmlpage.Alternate{Lang: other, Href: p.href(path, p.indexOf(other)), Current: other == lang})
		}
		listed, _ := run.book.Listed(lang)
		for i, slug := range slugs {
			if sum, ok := sums.at(i, lang, listed); ok {
				l.Items = append(l.Items, p.listItem(words, lang, slug, sum))
			}
		}
		l.Footer = []htmlpage.ListItem{{Title: cmp.Or(site, words.Languages()), Href: relURL(path, filepath.Join(out, "index.html"))}}
		pages = append(pages, listPage(path, l, g.Shared()))
	}
	path := filepath.Join(out, "index.html")
	words := run.words.For(src)
	l := htmlpage.List{Lang: src, Title: cmp.Or(site, words.Languages()), Heading: words.Languages(),
		Footer: []htmlpage.ListItem{{Title: words.Status(), Href: pagebook.StatusFile}}}
	for _, lang := range langs {
		l.Items = append(l.Items, htmlpage.ListItem{Title: htmlpage.NativeName(lang), Href: relURL(path, p.indexOf(lang)), Lang: lang})
	}
	pages = append(pages, listPage(path, l, g.Shared()))
	return append(pages, p.statusPages(run, g, sums, n.w.Meta.IndexInputs, shown, old)...)
}

// indexOf is the index page of lang.
func (p Publisher) indexOf(lang string) string {
	return filepath.Join(p.Config.OutputDir(), lang, "index.html")
}

// summaries are the summaries of each article's pages after this run, by
// language, as the record has them once every article's was put: they
// are looked up an article at a time, not held (at 10,000 articles × 10
// languages, 110,000).
type summaries struct {
	run   *publishRun
	slugs []string
	jobs  []articleJob
	n     *nextBook
	langs []string // the languages of the pages recorded after this run
}

// of is the summaries of article i's pages, by language, in full.
func (s summaries) of(i int) map[string]pagebook.Summary {
	if recs, ok := s.n.w.Pages[s.slugs[i]]; ok { // a handout printed
		return pagebook.SummariesOf(recs)
	}
	return s.run.book.Summaries(s.slugs[i])
}

// counts is the summaries of article i's pages, by language, as this run
// holds them (Publisher.finish: without titles and reading levels), with
// the other languages' from the record.
func (s summaries) counts(i int) map[string]pagebook.Summary {
	sums := make(map[string]pagebook.Summary, len(s.langs))
	for li, lang := range s.run.opts.Langs {
		sums[lang] = s.jobs[i].outs[li].summary
	}
	if len(s.langs) > len(s.run.opts.Langs) {
		for lang, sum := range s.of(i) {
			if _, ok := sums[lang]; !ok {
				sums[lang] = sum
			}
		}
	}
	return sums
}

// at is the summary of article i's page in lang, if it has one, with its
// title: listed's where there are (lang's pages as the record lists them:
// pagebook.Book.Listed).
func (s summaries) at(i int, lang string, listed map[string]pagebook.Summary) (pagebook.Summary, bool) {
	if listed != nil {
		sum, ok := listed[s.slugs[i]]
		return sum, ok
	}
	sum, ok := s.of(i)[lang]
	return sum, ok
}

// indexLayout names how the index and status pages are laid out: a
// change makes every one of them again (status pages split by section: 2).
const indexLayout = "2"

// indexInputs hashes what the index pages of langs share with every
// page: how they are laid out, lingo's version, the configuration and the page words (g's shared
// inputs), the site's name and the languages, in order.
func (p Publisher) indexInputs(g *workspace.Graph, langs []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", indexLayout, g.Shared(), p.siteName(), strings.Join(langs, "\x00"))
	return hex.EncodeToString(h.Sum(nil))
}

// indexShown reports, by path relative to the output folder, whether each
// index page the last run wrote shows what this run's would, next being
// the record after this run: made from the same shared inputs, listing
// the same pages, no page made again in this run showing otherwise there
// (changed: showsOtherwise), and there. Such a page is not made again:
// after an edit that changes no title or count, no other article's
// summary is read for it.
func (p Publisher) indexShown(run *publishRun, next *nextBook, changed map[string]bool) map[string]bool {
	old, shown := run.book.Meta, map[string]bool{}
	if old.IndexInputs != next.w.Meta.IndexInputs || next.reshaped {
		return shown
	}
	for rel := range old.IndexPages {
		shown[rel] = !changed[rel] && p.exists(rel)
	}
	return shown
}

// showsOtherwise are the index pages (relative to the output folder) on
// which a page of job's article made again in this run shows otherwise
// than its record did: its item in its language's index; its cell and
// counts in the status tables.
func (p Publisher) showsOtherwise(run *publishRun, slug string, j *articleJob) []string {
	var rels []string
	src := run.words.For(p.Config.Source)
	for li, lang := range run.opts.Langs {
		now := j.outs[li]
		if now.skipped {
			continue
		}
		was, words, list := j.recs[lang].Summary, run.words.For(lang), p.OutRel(p.indexOf(lang))
		if p.listItem(words, lang, slug, was) != p.listItem(words, lang, slug, now.summary) {
			rels = append(rels, list)
		}
		counted := was.Current == now.summary.Current && was.Total == now.summary.Total
		page := pagebook.StatusOf(slug)
		path := p.OutPath(page)
		if !counted || p.statusEntry(src, path, lang, slug, was) != p.statusEntry(src, path, lang, slug, now.summary) {
			rels = append(rels, page)
		}
		if !counted {
			rels = append(rels, pagebook.StatusFile)
		}
	}
	return rels
}

// writeIndexPages writes those of pages whose key differs from the last
// run's (old, by path relative to the output folder) or which are not
// there, and returns every page's key and the files written.
func (p Publisher) writeIndexPages(pages []indexPage, old map[string]string) (map[string]string, []string, error) {
	keys := map[string]string{}
	var files []workspace.Pending
	for _, ip := range pages {
		rel := p.OutRel(ip.path)
		keys[rel] = ip.key
		if ip.render == nil || ip.key != "" && ip.key == old[rel] && p.exists(rel) {
			continue
		}
		data, err := ip.render()
		if err != nil {
			return nil, nil, err
		}
		files = append(files, workspace.Pending{Path: ip.path, Data: data})
	}
	written, err := p.WriteAll(files)
	return keys, written, err
}

// removeIndexPages removes the section status pages the last run wrote
// (old) that this run's pages (keys) no longer include: their sections
// have no article left.
func (p Publisher) removeIndexPages(old, keys map[string]string) ([]workspace.Change, error) {
	var removed []workspace.Change
	for _, rel := range slices.Sorted(maps.Keys(old)) {
		if _, ok := keys[rel]; ok || !pagebook.IsSectionPage(rel) {
			continue
		}
		path := p.OutPath(rel)
		gone, err := p.Remove(path)
		if err != nil {
			return removed, err
		}
		if gone {
			removed = append(removed, workspace.Change{Path: p.Rel(path), Removed: true, Why: "no article in its section"})
		}
	}
	return removed, nil
}

// siteName names the site on its index pages: [site] title, else the name
// of the project's folder (never the tool's), else "".
func (p Publisher) siteName() string {
	if p.Config.Site.Title != "" {
		return p.Config.Site.Title
	}
	name := filepath.Base(p.Config.Dir)
	if name == "." || name == string(filepath.Separator) || name == "" || strings.HasSuffix(name, ":\\") {
		return ""
	}
	return name
}

// readingNote says how hard a page reads, in the status page's words:
// its grade and ease by its language's formula, or its sentence length.
func readingNote(words *pagewords.Page, r *readinglevel.Brief) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	switch {
	case r == nil:
		return ""
	case r.Formula == "":
		return words.SentenceLength(f(r.WordsPerSentence))
	}
	return words.Reading(f(r.Grade), f(r.Ease), r.Formula)
}

// listItem is the item of the page of slug in lang, summed up as s, in
// lang's index, whose words are words.
func (p Publisher) listItem(words *pagewords.Page, lang, slug string, s pagebook.Summary) htmlpage.ListItem {
	path, src := p.indexOf(lang), p.Config.Source
	it := htmlpage.ListItem{Title: s.Title, Href: relURL(path, p.HTMLPath(lang, slug))}
	if s.Kind == pageFallback || s.Kind == pageNone {
		it.Href, it.Lang, it.Mark = relURL(path, p.HTMLPath(src, slug)), src, words.InSource(src)
	}
	return it
}

// statusEntry is the cell of the page of slug in lang, summed up as s, in
// the status table at path, whose words (the source language's) are words.
func (p Publisher) statusEntry(words *pagewords.Page, path, lang, slug string, s pagebook.Summary) htmlpage.IndexEntry {
	src := p.Config.Source
	e := htmlpage.IndexEntry{Slug: slug, Title: s.Title, Lang: lang, Percent: translation.Percent(s.Current, s.Total),
		Published: s.Kind != pageNone, Href: relURL(path, p.HTMLPath(lang, slug))}
	switch {
	case s.Kind == pageFallback || s.Kind == pageNone:
		e.Note = words.InSource(src)
	case s.InSource > 0:
		e.Note = words.Passages(s.InSource, src)
	}
	if s.Machine > 0 {
		e.Note = strings.TrimPrefix(e.Note+" · "+words.Drafts(s.Machine), " · ")
	}
	e.Reading = readingNote(words, s.Reading)
	return e
}

// statusItem is a row of a status page: an article's (its index in the
// build's slugs), or a section's on the status page (its page).
type statusItem struct {
	article int
	section string
}

// statusPages are <output>/status.html and a page per section,
// <output>/status/<section>.html (pagebook.StatusOf), each a table of, per article
// and language, the share of messages translated and current, and a
// last row per language over its articles, as lingo status and lingo
// check count them. The status page has a row per section, linked to its
// page, and one per article outside any. A page in shown is not made
// again (old: the key each page was made from). Each article's row is
// kept in g's unit cache under what it shows: a build after one edit
// makes one row, and one section's page, again; at 10,000 articles in 10
// languages, one page of every row would be 35 MB.
func (p Publisher) statusPages(run *publishRun, g *workspace.Graph, sums summaries, inputs string, shown map[string]bool, old map[string]string) []indexPage {
	var top []statusItem
	sections := map[string][]statusItem{}
	var order []string
	for i, slug := range sums.slugs {
		rel := pagebook.StatusOf(slug)
		if rel == pagebook.StatusFile {
			top = append(top, statusItem{article: i})
			continue
		}
		if _, ok := sections[rel]; !ok {
			order = append(order, rel)
			top = append(top, statusItem{section: rel})
		}
		sections[rel] = append(sections[rel], statusItem{article: i})
	}
	var pages []indexPage
	for _, rel := range append(order, pagebook.StatusFile) {
		if shown[rel] {
			pages = append(pages, indexPage{path: p.OutPath(rel), key: old[rel]})
			continue
		}
		items := sections[rel]
		if rel == pagebook.StatusFile {
			items = top
		}
		pages = append(pages, p.statusPage(run, g, sums, inputs, rel, items, sections))
	}
	return pages
}

// statusPage is the status page at rel (relative to the output folder)
// of items, sections being the articles of each section's page.
func (p Publisher) statusPage(run *publishRun, g *workspace.Graph, sums summaries, inputs, rel string, items []statusItem, sections map[string][]statusItem) indexPage {
	src := p.Config.Source
	words := run.words.For(src)
	path := p.OutPath(rel)
	table := htmlpage.Table{Lang: src, Title: words.Status()}
	if rel != pagebook.StatusFile {
		table.Title = pagebook.SectionName(rel) + " · " + words.Status()
		table.UpHref, table.UpTitle = relURL(path, p.OutPath(pagebook.StatusFile)), words.Status()
	}
	if info, err := os.Stat(path); err == nil {
		table.Size = int(info.Size()) + 64<<10 // about as large as the last
	}
	// Each row's counts by language: an article's, or its section's.
	counts := make([]map[string][2]int, len(items))
	current, total := map[string]int{}, map[string]int{}
	for n, it := range items {
		members := []statusItem{it}
		if it.section != "" {
			members = sections[it.section]
		}
		counts[n] = map[string][2]int{}
		for _, m := range members {
			for lang, sum := range sums.counts(m.article) {
				c := counts[n][lang]
				counts[n][lang] = [2]int{c[0] + sum.Current, c[1] + sum.Total}
				current[lang] += sum.Current
				total[lang] += sum.Total
			}
		}
	}
	var totals []htmlpage.IndexEntry
	for _, lang := range sums.langs {
		if _, ok := total[lang]; ok || len(items) == 0 {
			table.Columns = append(table.Columns, lang)
		}
		if total[lang] > 0 || len(items) == 0 {
			totals = append(totals, htmlpage.IndexEntry{Slug: "\x00all", Title: words.Articles(), Lang: lang,
				Percent: translation.Percent(current[lang], total[lang])})
		}
	}
	// An article's row is named by a tag of what it shows, a section's
	// by its counts: the page's key hashes them.
	keyItems := make([]any, len(items), len(items)+1)
	for n, it := range items {
		if it.section != "" {
			keyItems[n] = []any{it.section, counts[n]}
		} else {
			keyItems[n] = rowTag(inputs, rel, table.Columns, sums.slugs[it.article], sums.of(it.article))
		}
	}
	rows := func(yield func([]byte, error) bool) {
		store := g.Writer()
		defer store.Flush()
		row := func(n int, it statusItem) ([]byte, error) {
			if it.section != "" {
				return p.sectionRow(table.Columns, path, it.section, counts[n])
			}
			tag, slug := keyItems[n].(string), sums.slugs[it.article]
			if row, ok := g.GetBytes(statusBucket, slug, tag); ok {
				return row, nil
			}
			row, err := p.statusRow(words, path, table.Columns, slug, sums.of(it.article))
			if err == nil {
				store.PutBytes(statusBucket, slug, tag, row)
			}
			return row, err
		}
		for n, it := range items {
			if !yield(row(n, it)) {
				return
			}
		}
		if len(totals) > 0 {
			yield(htmlpage.RenderRow(src, table.Columns, totals))
		}
	}
	return indexPage{path: path, key: pageKey(g.Shared(), "status", []any{rel, table.Columns}, append(keyItems, totals)),
		render: func() ([]byte, error) { return htmlpage.RenderTable(table, rows) }}
}

// sectionRow is the row of the section whose page is rel on the status
// page (at path) of cols, counts being its articles' by language.
func (p Publisher) sectionRow(cols []string, path, rel string, counts map[string][2]int) ([]byte, error) {
	var entries []htmlpage.IndexEntry
	for _, lang := range cols {
		if c, ok := counts[lang]; ok {
			entries = append(entries, htmlpage.IndexEntry{Slug: rel, Title: pagebook.SectionName(rel), Lang: lang,
				Percent: translation.Percent(c[0], c[1]), Published: true, Href: relURL(path, p.OutPath(rel))})
		}
	}
	if len(entries) == 0 {
		return nil, nil
	}
	return htmlpage.RenderRow(p.Config.Source, cols, entries)
}

// statusRow is the row of article slug in the status table at path of cols,
// whose words (the source language's) are words, its pages summed up as
// sums; none when it has no page.
func (p Publisher) statusRow(words *pagewords.Page, path string, cols []string, slug string, sums map[string]pagebook.Summary) ([]byte, error) {
	var entries []htmlpage.IndexEntry
	for _, lang := range cols {
		if sum, ok := sums[lang]; ok {
			entries = append(entries, p.statusEntry(words, path, lang, slug, sum))
		}
	}
	if len(entries) == 0 {
		return nil, nil
	}
	return htmlpage.RenderRow(p.Config.Source, cols, entries)
}

// rowTag names what the row of slug on the status page rel (relative to
// the output folder) of cols shows: its summaries by language, and what
// every index page is made from (inputs).
func rowTag(inputs, rel string, cols []string, slug string, sums map[string]pagebook.Summary) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00", workspace.Version, inputs, rel, strings.Join(cols, ","), slug)
	_ = json.NewEncoder(h).Encode(sums) // a map's keys sorted: the same summaries hash the same
	return hex.EncodeToString(h.Sum(nil))
}
