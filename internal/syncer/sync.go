package syncer

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/diag"
	"github.com/lingo-l10n/lingo/internal/prefill"
	"github.com/lingo-l10n/lingo/internal/tm"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// State is where a message stands in a target language (translation's).
type State = translation.State

// The states of a message, from worst to best.
const (
	Missing = translation.Missing
	Stale   = translation.Stale
	Current = translation.Current
	Machine = translation.Machine
)

// Message is one message of an article as it stands in a target language.
type Message struct {
	ID          string
	State       State
	Source      string // the current source text
	Old         string // for a stale message: the source text it was translated from, if known
	Translation string
	Plural      map[string]string // plural forms besides other, as the translator wrote them
	Line        int               // line of the entry in the catalog on disk, 0 if not there yet
	// Reviewed says a reviewer signed off exactly this source text and
	// translation (lingo review); ReviewedBy names them.
	Reviewed   bool
	ReviewedBy string
	// Waivers are the waivers of check findings (lingo accept --check)
	// that hold for exactly this source text and translation.
	Waivers []translation.Waiver
	// Machine is, for a machine draft (State Machine), the engine's draft;
	// for a stale entry, a draft of the new source text lingo draft
	// --stale put beside the person's translation, if any.
	Machine *translation.Draft
}

// LangPlan is what sync would make of one target language.
type LangPlan struct {
	Lang     string
	Articles []ArticlePlan
	archive  []workspace.Archived
	remove   []string // catalogs and state files of articles that are gone
	// catalogs in another format than lingo.toml's, to remove once the
	// catalog in its format is written: [old, new]
	converted [][2]string
	missing   []int  // per article: the messages without translation (sync's check only)
	upToDate  []bool // per article: sync has nothing to write (sync's check only)
	// per article: the textKey of each message without translation, for
	// the unit cache: as planned by sync's check, then as written
	missingKeys [][]uint64
	// per article: texts translation memory is not asked again (synced.looked)
	looked []map[uint64]bool
}

// ArticlePlan is one article's catalog in a target language.
type ArticlePlan struct {
	Slug     string
	Path     string // the catalog file
	Messages []Message
	Orphans  []catalog.Entry // entries whose ID the source lacks (Lenient only)
}

// SyncOptions says what sync does besides bringing catalogs up to date.
type SyncOptions struct {
	// Accept confirms stale translations as current: all of them when
	// AcceptAll, else those whose ID is listed.
	Accept    map[string]bool
	AcceptAll bool
	// Lenient lists entries whose ID the source lacks as orphans (for
	// check) instead of refusing the catalog (as sync does).
	Lenient bool
	// NoMemory leaves missing entries missing instead of filling them from
	// translation memory: check reports the files as they are.
	NoMemory bool
	// Drafts fills entries that are still missing once translation memory
	// had its say with machine drafts, by message ID (lingo draft); with
	// Redraft, also machine drafts made for an older source text, and a
	// stale entry a person translated gets its draft beside it (in its
	// STALE notice), never in place of the translation.
	Drafts  map[string]translation.Draft
	Redraft bool
	// Own takes the machine drafts of these IDs as their translator's own
	// (the workbench's accept key): they are current, no longer drafts.
	Own map[string]bool
	// files makes planArticle write the files sync writes (syncLang);
	// otherwise it works out the messages only.
	files bool
}

// Plan works out every target catalog of lang from the articles and the
// files on disk, without writing anything. Broken or unknown input in the
// language's folder is an error, and nothing may be written then.
func (p Syncer) Plan(lang string, arts []*workspace.Article, opts SyncOptions) (*LangPlan, error) {
	in, err := p.readLang(lang, arts)
	if err != nil {
		return nil, err
	}
	lp := &LangPlan{Lang: lang, archive: in.Archive, remove: in.Remove, converted: in.Converted}
	mem, err := p.recall(memorySpan{lo: 0, hi: len(arts), n: len(arts)}, func(i int) (*workspace.Article, *catalog.Catalog, workspace.Records, error) {
		return arts[i], in.cats[i], in.states[i], nil
	}, nil, nil, in.Archive, opts)
	if err != nil {
		return nil, err
	}
	plans := make([]articlePlan, len(arts))
	err = workers.Run(p.Context(), len(arts), func(i int) error {
		var err error
		plans[i], err = p.planArticle(lang, arts[i], in.cats[i], in.states[i], mem, opts)
		in.cats[i], in.states[i] = nil, nil
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, ap := range plans {
		lp.Articles = append(lp.Articles, ap.ArticlePlan)
		lp.archive = append(lp.archive, ap.archive...)
	}
	lp.archive = workspace.SortArchive(lp.archive)
	return lp, nil
}

// langInput is what planning a language reads from its folder.
type langInput struct {
	*workspace.Gone
	cats   []*catalog.Catalog
	states []workspace.Records
}

// readLang reads the archive, catalogs and state files of lang, and the
// catalogs of articles that are gone.
func (p Syncer) readLang(lang string, arts []*workspace.Article) (*langInput, error) {
	slugs := make([]string, len(arts))
	for i, a := range arts {
		slugs[i] = a.Slug
	}
	in, err := p.readGone(lang, slugs)
	if err != nil {
		return nil, err
	}
	w := workspace.Wants(in.Archive)
	for _, a := range arts {
		w.Resolve(a)
	}
	in.cats, in.states = make([]*catalog.Catalog, len(arts)), make([]workspace.Records, len(arts))
	err = workers.Run(p.Context(), len(arts), func(i int) error {
		var err error
		in.cats[i], in.states[i], err = p.ReadTarget(lang, arts[i].Slug)
		return err
	})
	return in, err
}

// readGone reads the archive of lang and the catalogs of articles that
// are gone (those not in slugs).
func (p Syncer) readGone(lang string, slugs []string) (*langInput, error) {
	in := &langInput{Gone: &workspace.Gone{}}
	var err error
	if in.Archive, err = p.ReadArchive(lang); err != nil {
		return nil, err
	}
	return in, p.CollectOrphans(lang, in.Gone, slugs)
}

// articlePlan is one article's part of a LangPlan: its messages, the
// translations it archives, and its files to write (state, then catalog).
type articlePlan struct {
	ArticlePlan
	archive []workspace.Archived
	files   []workspace.Pending
}

// PlanArticle classifies each message of article a in lang, from its
// catalog old and state st, as sync would (translation memory aside):
// the plan the gate judges.
func (p Syncer) PlanArticle(lang string, a *workspace.Article, old *catalog.Catalog, st workspace.Records, opts SyncOptions) (ArticlePlan, error) {
	ap, err := p.planArticle(lang, a, old, st, nil, opts)
	return ap.ArticlePlan, err
}

// planArticle is PlanArticle with translation memory: it also builds the
// files sync writes (opts.files) and archives the translations of
// messages that left the article.
func (p Syncer) planArticle(lang string, a *workspace.Article, old *catalog.Catalog, st workspace.Records, mem *tm.Recall, opts SyncOptions) (articlePlan, error) {
	path := p.CatalogPath(lang, a.Slug)
	inSource := make(map[string]bool, len(a.IDs))
	for _, id := range a.IDs {
		inSource[id] = true
	}
	var plan articlePlan
	from := p.Origins(lang, a)
	byID := make(map[string]catalog.Entry, len(old.Entries))
	for _, e := range old.Entries {
		if !inSource[e.ID] {
			_, known := a.Known[e.ID]
			if _, ok := st[e.ID]; !ok && !known {
				if !opts.Lenient {
					return plan, unknownID(p.Rel(path), e, inSource)
				}
				plan.Orphans = append(plan.Orphans, e)
				continue
			}
			if e.Other != "" && !workspace.IsDraft(e.Other, st[e.ID]) {
				plan.archive = append(plan.archive, workspace.Archived{Source: workspace.SourceOf(e, st[e.ID], from), Translation: e.Other, Slug: a.Slug, ID: e.ID})
			}
			continue
		}
		byID[e.ID] = e
	}
	plan.Slug, plan.Path = a.Slug, path
	out := &catalog.Catalog{Lang: lang, Slug: a.Slug}
	newState := workspace.Records{}
	for i, seg := range a.Segs {
		id := a.IDs[i]
		e, onDisk := byID[id]
		rec := st[id]
		if rec.Source == "" && e.Other != "" && e.Hash != "" && e.Hash != article.Hash(seg.Text) {
			// No state (a clone without it, or a translation typed
			// since the last sync): the hash says which text it was
			// made for.
			rec.Source = from.Text(id, e.Hash)
		}
		if e.Other == "" && !opts.NoMemory {
			// A cell that is only a quantity: written as lingo writes it
			// for the target, a translation no person needs to make.
			if t, ok := prefill.Quantity(seg.Text, p.Config.Source, lang); ok {
				e.Other, e.Hash = t, ""
			}
		}
		m, hash := p.classify(id, seg.Text, e, rec, mem, opts)
		m.Line = e.Line
		if !onDisk {
			m.Line = 0
		}
		rv := ReviewOf(m, e, rec)
		m.Reviewed, m.ReviewedBy = rv != nil, reviewer(rv)
		m.Waivers = WaiversOf(m, e, rec)
		plan.Messages = append(plan.Messages, m)
		if !opts.files {
			continue
		}
		out.Entries = append(out.Entries, p.entry(lang, a, i, m, hash))
		if m.Translation != "" {
			r := translation.RecordOf(m.Source, m.Translation, translation.Verdict{State: m.State, Old: m.Old, Hash: hash})
			r.Review, r.Waivers, r.Machine = rv, m.Waivers, m.Machine
			if m.State == Machine && m.Old != "" {
				r.Source = m.Old
			}
			newState[id] = r
		}
	}
	if !opts.files {
		// Before the sync that converts it, a catalog in another format
		// is the article's: findings point into it.
		if f, err := p.CatalogFileOf(lang, a.Slug); err == nil && f != "" {
			plan.Path = f
		}
		return plan, nil
	}
	data, err := catalog.Marshal(out, p.Config.Format)
	if err != nil {
		return plan, fmt.Errorf("catalog %s for %s: %w", lang, a.Slug, err)
	}
	// The state goes before the catalog: sync never changes a translation
	// a catalog holds, only fills empty ones, so a run killed between the
	// two leaves a state that still describes the old catalog; the other
	// way round, a catalog would lose the old source text of its stale
	// entries.
	if len(newState) > 0 || len(st) > 0 {
		f, err := workspace.JSONFile(p.StatePath(lang, a.Slug), newState)
		if err != nil {
			return plan, err
		}
		plan.files = append(plan.files, f)
	}
	plan.files = append(plan.files, workspace.Pending{Path: path, Data: data})
	return plan, nil
}

// classify decides where one message stands, and the hash its entry keeps:
// the hash of the source text its translation was made from.
func (p Syncer) classify(id, src string, e catalog.Entry, rec workspace.Record, mem *tm.Recall, opts SyncOptions) (Message, string) {
	m, hash := p.classifyEntry(id, src, e, rec, mem, opts)
	if m.State == Stale {
		// A person's stale translation stays; a machine draft of the new
		// text (lingo draft --stale) goes beside it, never in its place.
		if d, ok := opts.Drafts[id]; ok && opts.Redraft {
			m.Machine = &d
		} else if rec.Machine != nil && rec.Machine.Text != m.Translation {
			m.Machine = rec.Machine
		}
	}
	return m, hash
}

// classifyEntry is classify but for the drafts beside stale entries.
func (p Syncer) classifyEntry(id, src string, e catalog.Entry, rec workspace.Record, mem *tm.Recall, opts SyncOptions) (Message, string) {
	m := Message{ID: id, Source: src, Translation: e.Other, Plural: e.Plural}
	if e.Other == "" && !opts.NoMemory {
		if t, from, ok := mem.Lookup(src); ok {
			m.Translation = t
			if article.SameText(from, src) {
				m.State = Current
				return m, article.Hash(src)
			}
			m.State, m.Old = Stale, from
			return m, article.Hash(from)
		}
	}
	if opts.Own[id] {
		rec.Machine = nil
	}
	v := translation.Classify(src, translation.Entry{Text: e.Other, Hash: e.Hash}, rec, opts.AcceptAll || opts.Accept[id])
	m.State, m.Old = v.State, v.Old
	if v.State == Machine {
		m.Machine = rec.Machine
	}
	if d, ok := opts.Drafts[id]; ok && (v.State == Missing || v.State == Machine && v.Hash != article.Hash(src) && opts.Redraft) {
		m.Translation, m.State, m.Old, m.Machine = d.Text, Machine, "", &d
		return m, article.Hash(src)
	}
	return m, v.Hash
}

// entry writes a message as a catalog entry, with the source text beside
// it: in a comment, or in the description where the format has none.
func (p Syncer) entry(lang string, a *workspace.Article, i int, m Message, hash string) catalog.Entry {
	src := p.Config.Source
	comment := src + ": " + m.Source
	if m.State == Machine {
		comment = fmt.Sprintf("MACHINE DRAFT (%s), not published: read it, then edit it or run `lingo review --lang %s %s`.\n%s: %s",
			m.Machine.Name(), lang, m.ID, src, m.Source)
		if m.Old != "" {
			comment += fmt.Sprintf("\ndrafted from: %s", m.Old)
		}
	}
	if m.State == Stale {
		was := m.Old
		if was == "" {
			was = "(not known)"
		}
		comment = fmt.Sprintf("STALE: the %s text changed since this was translated. Update the translation, or run `lingo accept --lang %s %s`.\nwas: %s\nnow: %s",
			src, lang, m.ID, was, m.Source)
		if m.Machine != nil {
			comment += fmt.Sprintf("\nmachine draft of the now text (%s): %s", m.Machine.Name(), m.Machine.Text)
		}
	}
	e := catalog.Entry{ID: m.ID, Description: a.Segs[i].Describe(a.Slug), Hash: hash, Other: m.Translation, Plural: m.Plural, Comment: comment}
	if p.Config.Format == "json" {
		e.Description += "\n" + comment
	}
	return e
}

// unknownID is the error for an entry whose ID is not a message of the
// article: a typo, or a key go-i18n read as a nested message.
func unknownID(path string, e catalog.Entry, inSource map[string]bool) error {
	msg := fmt.Sprintf("message ID %q is not in the source article", e.ID)
	if i := strings.LastIndex(e.ID, "."); i > 0 && inSource[e.ID[:i]] {
		msg = fmt.Sprintf("unknown key %q in entry %q (go-i18n knows description, hash and other)", e.ID[i+1:], e.ID[:i])
	}
	return &diag.Error{Path: path, Line: e.Line, Col: 1, Msg: msg}
}

// target reads article i with its catalog and state file in a language.
type target func(i int) (*workspace.Article, *catalog.Catalog, workspace.Records, error)

// memorySpan says which articles recall looks up texts for (lo to hi-1
// of n), and, for a lookup that may use the index of translation memory,
// their language and the slugs of all n (nil: no index).
type memorySpan struct {
	lo, hi, n int
	lang      string
	slugs     []string
	stale     *staleIndex // indexes every language's units at once, when one lookup finds too many stale
}

// recall is the translation memory of a language for the messages
// without translation of articles span.lo to span.hi-1 of span.n, but
// those of articles skip says are up to date and the texts looked says
// were looked up in vain before: every translation of the language's n
// catalogs (article by article, with the source text it was made from)
// and then of its archive is offered to the texts of those messages,
// from the index of the memory where it can answer (memoryIndex.recall:
// the same offers), else read from every article and catalog, which
// indexes them. It holds only the texts and the best offer for each. It
// is nil where opts say NoMemory or every message has a translation;
// classify then looks nothing up, and marks a translation it is offered
// current if made from the same text (white space aside), else stale.
func (p Syncer) recall(span memorySpan, read target, skip []bool, looked []map[uint64]bool, archive []workspace.Archived, opts SyncOptions) (*tm.Recall, error) {
	if opts.NoMemory {
		return nil, nil
	}
	lo, hi, n := span.lo, span.hi, span.n
	texts := make([][]string, hi-lo)
	err := workers.Run(p.Context(), hi-lo, func(i int) error {
		if skip != nil && skip[lo+i] {
			return nil
		}
		a, c, _, err := read(lo + i)
		if err != nil {
			return err
		}
		done := make(map[string]bool, len(c.Entries))
		for _, e := range c.Entries {
			done[e.ID] = e.Other != ""
		}
		for j, id := range a.IDs {
			if !done[id] && (looked == nil || !looked[lo+i][textKey(a.Segs[j].Text)]) {
				texts[i] = append(texts[i], strings.Clone(a.Segs[j].Text))
			}
		}
		return nil
	})
	if err != nil || slices.IndexFunc(texts, func(t []string) bool { return len(t) > 0 }) < 0 {
		return nil, err
	}
	r := tm.NewRecall(slices.Concat(texts...))
	texts = nil
	var index *memoryIndex
	if span.slugs != nil {
		index = p.openMemory(span.lang, span.slugs)
		if index.tooStale() && span.stale.pending() {
			index.close() // one handle at a time: bbolt locks the file
			span.stale.index(p)
			index = p.openMemory(span.lang, span.slugs)
		}
		defer index.close()
	}
	// The articles whose units this window writes: indexed once written
	// (indexSynced), not by the lookup.
	writes := func(i int) bool { return i >= lo && i < hi && (skip == nil || !skip[i]) }
	indexed, err := index.recall(p, r, read, writes)
	if err != nil {
		return nil, err
	}
	if !indexed {
		var ix *indexer
		if index != nil {
			ix = &indexer{m: index}
		}
		err = workers.Run(p.Context(), n, func(i int) error {
			a, c, st, err := read(i)
			if err != nil {
				return err
			}
			for j, src := range EntrySources(a, c, st) {
				r.Offer(uint64(i)<<32|uint64(j), src, c.Entries[j].Other)
			}
			// Every unit, as it is now: the next window's lookup asks
			// the index, having indexed again the units written since.
			if !writes(i) {
				ix.add(i, a, c, st)
			}
			return nil
		})
		if err == nil {
			ix.flush()
		}
	}
	for k, e := range workspace.SortArchive(slices.Clone(archive)) {
		r.Offer(uint64(n)<<32|uint64(k), e.Source, e.Translation)
	}
	return r, err
}

// EntrySources is the source text each entry of c, article a's catalog in
// a language with state st, was translated from, where known ("" where
// not): what translation memory offers its translation for. A machine
// draft no person has edited or reviewed is offered for nothing: memory
// never turns a draft into a person's translation.
func EntrySources(a *workspace.Article, c *catalog.Catalog, st workspace.Records) []string {
	source := make(map[string]string, len(a.IDs))
	for j, id := range a.IDs {
		source[id] = a.Segs[j].Text
	}
	srcs := make([]string, len(c.Entries))
	for j, e := range c.Entries {
		if workspace.IsDraft(e.Other, st[e.ID]) {
			continue
		}
		srcs[j] = st[e.ID].Source
		if srcs[j] == "" && e.Hash != "" && e.Hash == article.Hash(source[e.ID]) {
			srcs[j] = source[e.ID]
		}
	}
	return srcs
}

// Sync extracts the source catalogs, then brings the catalogs of langs up
// to date, and returns the files written and removed. Every language is read and
// checked before the first file is written, so bad input anywhere changes
// nothing; then each language is planned again and written article by
// article, but for the articles the check found up to date. Articles are
// read again for each pass rather than held, so that memory holds what
// one article needs, not the corpus.
func (p Syncer) Sync(langs []string, opts SyncOptions) ([]workspace.Change, error) {
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	var written []workspace.Change
	err = p.WithGraph(func(g *workspace.Graph) error {
		written, err = p.sync(g, langs, slugs, opts)
		return err
	})
	return written, err
}

func (p Syncer) sync(g *workspace.Graph, langs, slugs []string, opts SyncOptions) ([]workspace.Change, error) {
	end := workspace.Time("sync: units as the last sync left them")
	clean, err := p.syncedUnits(g, langs, slugs, opts)
	end()
	if err != nil {
		return nil, err
	}
	end = workspace.Time("sync: planned")
	checked, sourceUpToDate, err := p.checkLangs(langs, slugs, opts, clean)
	end()
	if err != nil {
		return nil, err
	}
	end = workspace.Time("sync: written")
	written, err := p.syncWrite(langs, slugs, opts, checked, sourceUpToDate)
	end()
	if err == nil {
		defer workspace.Time("sync: recorded")()
		p.recordSynced(g, langs, slugs, checked, clean)
	}
	return written, err
}

// syncWrite writes what checkLangs planned.
func (p Syncer) syncWrite(langs, slugs []string, opts SyncOptions, checked []*LangPlan, sourceUpToDate []bool) ([]workspace.Change, error) {
	// Write order is crash safety: each language's archive, then its
	// articles' state and catalog, and the source catalogs last, since the
	// next run recognizes the IDs of the last sync by them. A run killed at
	// any point leaves files the next run accepts, and no translation lost.
	var written []workspace.Change
	stale := &staleIndex{langs: langs, slugs: slugs, plans: checked}
	for _, lp := range checked {
		w, err := p.syncLang(lp, slugs, stale, opts)
		written = append(written, workspace.Wrote(w)...)
		if err != nil {
			return written, err
		}
	}
	w, err := p.writeEach(len(slugs), func(i int) ([]workspace.Pending, error) {
		if sourceUpToDate[i] {
			return nil, nil
		}
		a, err := p.Load(slugs[i])
		if err != nil {
			return nil, err
		}
		f, err := p.CatalogFile(p.SourceCatalog(a))
		return []workspace.Pending{f}, err
	})
	written = append(written, workspace.Wrote(w)...)
	if err != nil {
		return written, err
	}
	var gone []string
	for _, lp := range checked {
		gone = append(gone, lp.remove...)
	}
	src, srcConverted, err := p.goneSourceCatalogs(slugs)
	if err != nil {
		return written, err
	}
	// A deleted article's source catalog goes once every language has
	// archived its translations.
	if len(langs) == len(p.Config.Languages) {
		gone = append(gone, src...)
	}
	// A catalog in another format goes once the one in lingo.toml's
	// format is written.
	converted := srcConverted
	for _, lp := range checked {
		converted = append(converted, lp.converted...)
	}
	for _, c := range converted {
		if _, err := os.Stat(c[1]); err != nil {
			return written, err
		}
		if removed, err := p.Remove(c[0]); err != nil {
			return written, err
		} else if removed {
			written = append(written, workspace.Change{Path: p.Rel(c[0]), Removed: true, Why: "converted to " + p.Rel(c[1])})
		}
	}
	for _, path := range gone {
		if removed, err := p.Remove(path); err != nil {
			return written, err
		} else if removed {
			written = append(written, workspace.Change{Path: p.Rel(path), Removed: true, Why: "article deleted; translations archived"})
		}
	}
	return written, nil
}

// goneSourceCatalogs lists the source catalogs lingo wrote for articles
// that are no more (workspace.Ours), and those in another format than
// lingo.toml's of
// articles still there, with the one in its format: [old, new].
func (p Syncer) goneSourceCatalogs(slugs []string) (gone []string, converted [][2]string, err error) {
	dir := filepath.Join(p.Config.LocalesDir(), p.Config.Source)
	present := make(map[string]bool, len(slugs))
	for _, s := range slugs {
		present[s] = true
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return filepath.SkipAll
		}
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		slug, lang, ext, ok := workspace.CatalogName(rel)
		switch {
		case !ok || lang != p.Config.Source:
		case !present[slug]:
			// Only a catalog lingo wrote goes; an app's own strings
			// (active.en.toml) stay, whatever they hold.
			if c, err := p.ReadCatalogFile(path); err == nil && p.Ours(lang, slug, c) {
				gone = append(gone, path)
			}
		case ext != p.Config.Format:
			converted = append(converted, [2]string{path, p.CatalogPath(lang, slug)})
		}
		return nil
	})
	return gone, converted, err
}

// checkLangs reads and plans every language without writing, one article
// at a time in every language, so that bad input anywhere is an error
// before anything is written. It returns, per language, the archive to
// write, the files of articles that are gone, how many messages of each
// article have no translation and whether sync has anything to write for
// it; and whether each article's source catalog is up to date.
func (p Syncer) checkLangs(langs, slugs []string, opts SyncOptions, clean *synced) ([]*LangPlan, []bool, error) {
	plans := make([]*LangPlan, len(langs))
	gone := make([][]workspace.Archived, len(langs)) // kept apart until resolved
	// Each language's folder is read for orphans on a core of its own.
	err := workers.Run(p.Context(), len(langs), func(k int) error {
		in, err := p.readGone(langs[k], slugs)
		if err != nil {
			return err
		}
		gone[k] = in.Archive
		plans[k] = &LangPlan{Lang: langs[k], remove: in.Remove, converted: in.Converted,
			missing: make([]int, len(slugs)), upToDate: make([]bool, len(slugs)), missingKeys: make([][]uint64, len(slugs))}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	w := workspace.Wants(gone...)
	if slices.ContainsFunc(plans, func(lp *LangPlan) bool { return len(lp.remove) > 0 }) {
		// A deleted article's translations go to the archive: they look
		// for their source text in every article (the one it was renamed
		// to), and translation memory offers them to every message.
		clean = nil
	}
	if clean != nil {
		for k, lp := range plans {
			lp.looked = clean.looked[k]
		}
	}
	// Sync's own plan, but for translation memory: the same files for an
	// article with no message to look up.
	plan := SyncOptions{Accept: opts.Accept, AcceptAll: opts.AcceptAll, Drafts: opts.Drafts, Redraft: opts.Redraft, Own: opts.Own, NoMemory: true}
	sourceUpToDate := make([]bool, len(slugs))
	var mu sync.Mutex
	prog := p.Steps()
	prog.Start("reading", len(slugs))
	defer prog.Done()
	err = workers.Run(p.Context(), len(slugs), func(i int) error {
		prog.Step()
		if clean.article(i) {
			sourceUpToDate[i] = true
			for _, lp := range plans {
				lp.upToDate[i] = true
			}
			return nil
		}
		a, err := p.Load(slugs[i])
		if err != nil {
			return err
		}
		w.Resolve(a)
		f, err := p.CatalogFile(p.SourceCatalog(a))
		if err != nil {
			return err
		}
		sourceUpToDate[i] = workspace.OnDisk(f)
		for k, lp := range plans {
			if clean.unit(k, i) {
				lp.upToDate[i] = true
				continue
			}
			c, st, err := p.ReadTarget(lp.Lang, a.Slug)
			if err != nil {
				return err
			}
			ap, err := p.planArticle(lp.Lang, a, c, st, nil, plan)
			if err != nil {
				return err
			}
			lp.missingKeys[i] = missingKeys(ap.Messages)
			lp.missing[i] = len(lp.missingKeys[i])
			if lp.missing[i] == 0 {
				if lp.upToDate[i], err = p.upToDate(lp.Lang, a, c, st, ap.Messages, plan); err != nil {
					return err
				}
			}
			mu.Lock()
			lp.archive = append(lp.archive, ap.archive...)
			mu.Unlock()
		}
		return nil
	})
	for k, lp := range plans {
		lp.archive = workspace.SortArchive(append(gone[k], lp.archive...))
	}
	return plans, sourceUpToDate, err
}

// upToDate reports whether the files sync would write for article a in
// lang, planned with opts, are already on disk. Translated messages and no
// state file (a first sync) mean a state file to write, known without
// planning the files.
func (p Syncer) upToDate(lang string, a *workspace.Article, c *catalog.Catalog, st workspace.Records, msgs []Message, opts SyncOptions) (bool, error) {
	if len(st) == 0 && slices.ContainsFunc(msgs, func(m Message) bool { return m.Translation != "" }) {
		return false, nil
	}
	opts.files = true
	ap, err := p.planArticle(lang, a, c, st, nil, opts)
	return err == nil && !slices.ContainsFunc(ap.files, func(f workspace.Pending) bool { return !workspace.OnDisk(f) }), err
}

// syncLang writes the archive of a language as checked, then plans and
// writes its articles' files on every core.
func (p Syncer) syncLang(checked *LangPlan, slugs []string, stale *staleIndex, opts SyncOptions) ([]string, error) {
	var written []string
	if len(checked.archive) > 0 {
		f, err := workspace.JSONFile(p.ArchivePath(checked.Lang), checked.archive)
		if err != nil {
			return nil, err
		}
		if written, err = p.WriteAll([]workspace.Pending{f}); err != nil {
			return written, err
		}
	}
	read := func(i int) (*workspace.Article, *catalog.Catalog, workspace.Records, error) {
		a, err := p.Load(slugs[i])
		if err != nil {
			return nil, nil, nil, err
		}
		c, st, err := p.ReadTarget(checked.Lang, a.Slug)
		return a, c, st, err
	}
	opts.files = true
	prog := p.Steps()
	prog.Start("syncing "+checked.Lang, len(slugs))
	defer prog.Done()
	for _, win := range windows(checked.missing) {
		lo, hi := win[0], win[1]
		o := opts
		o.NoMemory = o.NoMemory || win[2] == 0
		span := memorySpan{lo: lo, hi: hi, n: len(slugs), lang: checked.Lang, slugs: slugs, stale: stale}
		mem, err := p.recall(span, read, checked.upToDate, checked.looked, checked.archive, o)
		if err != nil {
			return written, err
		}
		w, err := p.writeEach(hi-lo, func(i int) ([]workspace.Pending, error) {
			prog.Step()
			if checked.upToDate[lo+i] {
				return nil, nil
			}
			a, c, st, err := read(lo + i)
			if err != nil {
				return nil, err
			}
			ap, err := p.planArticle(checked.Lang, a, c, st, mem, o)
			// The unit cache keeps the messages left without translation
			// as written: those memory filled are not looked up again.
			checked.missingKeys[lo+i] = missingKeys(ap.Messages)
			return ap.files, err
		})
		written = append(written, w...)
		if err != nil {
			return written, err
		}
	}
	return written, nil
}

// missingKeys is the textKey of each message of ms without translation.
func missingKeys(ms []Message) []uint64 {
	var keys []uint64
	for _, m := range ms {
		if m.State == Missing {
			keys = append(keys, textKey(m.Source))
		}
	}
	return keys
}

// recallTexts is how many messages without translation sync looks for in
// translation memory at a time, which bounds the memory that takes. Each
// window of articles costs one more read of the language's catalogs.
var recallTexts = 20000

// windows splits articles into runs, each article's messages without
// translation (missing) and the run's together at most recallTexts unless
// one article has more: [first, end, messages without translation].
func windows(missing []int) [][3]int {
	var runs [][3]int
	for i, m := range missing {
		if k := len(runs) - 1; k >= 0 && runs[k][2]+m <= recallTexts {
			runs[k][1], runs[k][2] = i+1, runs[k][2]+m
			continue
		}
		runs = append(runs, [3]int{i, i + 1, m})
	}
	return runs
}

// writeEach writes the files of n items on every core, each item's files
// in their order, as soon as a few items have them (writeAll syncs them to
// disk together), and returns the paths written in the order of the items.
func (p Syncer) writeEach(n int, files func(i int) ([]workspace.Pending, error)) ([]string, error) {
	const items = 16
	paths := make([][]string, (n+items-1)/items)
	err := workers.Run(p.Context(), len(paths), func(g int) error {
		var batch []workspace.Pending
		var ferr error
		for i := g * items; i < min((g+1)*items, n) && ferr == nil; i++ {
			var fs []workspace.Pending
			if fs, ferr = files(i); ferr == nil {
				batch = append(batch, fs...)
			}
		}
		var err error
		paths[g], err = p.WriteAll(batch)
		return cmp.Or(err, ferr)
	})
	return slices.Concat(paths...), err
}

// ReviewOf is the review an entry keeps: the one recorded, while it
// covers the entry's current source text and the translation the catalog
// holds (not one translation memory offers); nil otherwise.
func ReviewOf(m Message, e catalog.Entry, rec workspace.Record) *translation.Review {
	if m.State != Current || m.Translation == "" || m.Translation != e.Other || !rec.Review.Covers(m.Source, m.Translation, m.Plural) {
		return nil
	}
	return rec.Review
}

// WaiversOf is the waivers an entry keeps: those recorded that cover its
// current source text and the translation the catalog holds; nil when
// none does.
func WaiversOf(m Message, e catalog.Entry, rec workspace.Record) []translation.Waiver {
	if m.State != Current || m.Translation == "" || m.Translation != e.Other {
		return nil
	}
	return translation.Holding(rec.Waivers, m.Source, m.Translation, m.Plural)
}

// reviewer is the name of a review's reviewer; "" for no review.
func reviewer(r *translation.Review) string {
	if r == nil {
		return ""
	}
	return r.By
}
