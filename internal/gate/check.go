package gate

import (
	"fmt"
	"iter"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/catalog"
	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/frontmatter"
	"github.com/lingo-l10n/lingo/internal/glossary"
	"github.com/lingo-l10n/lingo/internal/spill"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/unitcache"
	"github.com/lingo-l10n/lingo/internal/workers"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Check checks the catalogs of langs against the articles: completeness
// against each language's min_complete, then every current translation.
// The catalogs are read as they are on disk (run sync first to bring them
// up to date); a catalog that does not parse is an error. Articles are
// checked on all cores, one at a time per core in every language, and
// their findings go to a temporary file, so that memory follows the
// largest article, not the corpus or the number of findings. The caller
// reads the findings with Findings and must Close the result.
func (p Gate) Check(langs []string) (*Checked, error) {
	return p.check(langs, false)
}

// check is Check; with errorsOnly, the findings read back are those at
// error level alone (the totals still count every finding): what a build
// reports, read from the unit cache without its warnings.
func (p Gate) check(langs []string, errorsOnly bool) (*Checked, error) {
	c, err := p.NewChecker()
	if err != nil {
		return nil, err
	}
	slugs, err := p.Slugs()
	if err != nil {
		return nil, err
	}
	var gone []check.Finding                  // the catalogs of deleted articles
	ins := make([]workspace.Gone, len(langs)) // each language's folder read on a core of its own
	err = workers.Run(p.Context(), len(langs), func(k int) error {
		return p.CollectOrphans(langs[k], &ins[k], slugs)
	})
	if err != nil {
		return nil, err
	}
	for k, lang := range langs {
		in := ins[k]
		for _, path := range in.Catalogs {
			msg := "the catalog of an article that no longer exists (lingo sync archives its translations and removes it)"
			if f, ok := c.Finding(lang, p.Rel(path), 0, "", "orphan", msg); ok {
				gone = append(gone, f)
			}
		}
		for _, path := range in.Foreign {
			msg := "named like a catalog, but not one lingo wrote (no article has its IDs): lingo leaves it alone"
			if f, ok := c.Finding(lang, p.Rel(path), 0, "", "foreign", msg); ok {
				gone = append(gone, f)
			}
		}
	}
	res, err := p.newChecked(langs)
	if err != nil {
		return nil, err
	}
	err = p.WithGraph(func(g *workspace.Graph) error {
		store := g.Writer()
		prog := p.Steps()
		prog.Start("checking", len(slugs))
		defer prog.Done()
		var err error
		if errorsOnly { // a build's: from the ledger where it holds
			groups := unitcache.Shards(slugs)
			err = workers.Run(p.Context(), len(groups), func(s int) error {
				return p.checkShard(c, g, store, s, slugs, groups[s], langs, res, prog.Step)
			})
		} else {
			err = workers.Run(p.Context(), len(slugs), func(i int) error {
				prog.Step()
				units, found, err := p.checkArticle(c, g, store, slugs[i], langs, false)
				if err != nil {
					return err
				}
				return res.add(units, found)
			})
		}
		if err == nil {
			store.Flush()
			g.PruneUnits(checkBucket, slugs)
			g.PruneUnits(findingsBucket, slugs)
			g.PruneUnits(summaryBucket, slugs)
		}
		return err
	})
	if err != nil {
		res.Close()
		return nil, err
	}
	res.finish(append(p.unknownLangs(c), gone...))
	return res, nil
}

// Checked is what Check found. The totals are in memory; the findings are
// on disk, one batch per catalog, and Findings reads them back one batch
// at a time, in check.Sort's order.
type Checked struct {
	Totals []check.Totals // per language, in the order checked
	Checks []string       // the IDs of the checks that found something, sorted

	isGap  func(check.Finding) bool
	spill  *spill.File[check.Finding]
	mu     sync.Mutex
	files  map[string][]fileBatch    // per language, the catalogs with findings
	gaps   []int                     // missing and stale entries, per language of Totals
	level  map[string]check.Severity // of missing and stale entries, per language
	checks map[string]bool
	others []check.Finding // in locale folders of no configured language
}

// fileBatch is where the findings of one catalog lie in the spill file.
type fileBatch struct {
	file  string
	batch spill.Batch
}

func (p Gate) newChecked(langs []string) (*Checked, error) {
	s, err := spill.New[check.Finding]()
	if err != nil {
		return nil, err
	}
	res := &Checked{isGap: p.isGap, spill: s, files: map[string][]fileBatch{}, gaps: make([]int, len(langs)),
		level: map[string]check.Severity{}, checks: map[string]bool{}}
	for _, lang := range langs {
		res.Totals = append(res.Totals, check.Totals{Lang: lang, MinPercent: p.Config.Gate(lang)})
	}
	return res, nil
}

// add keeps what checking one article found, a unitCheck per language of
// Totals: its counts in the totals, and found, the findings of each unit
// to list, in the spill file.
func (r *Checked) add(units []UnitCheck, found [][]check.Finding) error {
	batches := make([]spill.Batch, len(units))
	for li, f := range found {
		if len(f) == 0 {
			continue
		}
		check.Sort(f)
		b, err := r.spill.Add(f)
		if err != nil {
			return err
		}
		batches[li] = b
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for li, u := range units {
		t := &r.Totals[li]
		t.Messages += u.Messages
		t.Translated += u.Current
		t.Errors += u.Errors
		t.Warnings += u.Warnings
		r.gaps[li] += u.Gaps
		if len(found[li]) > 0 {
			r.files[t.Lang] = append(r.files[t.Lang], fileBatch{u.File, batches[li]})
		}
		for _, c := range u.Checks {
			r.checks[c] = true
		}
	}
	return nil
}

// UnitCheck is what checking one unit found, counted, with its findings
// at error level: what a build reports.
type UnitCheck struct {
	File     string          `json:"file"`
	Messages int             `json:"messages,omitempty"`
	Current  int             `json:"current,omitempty"`
	Gaps     int             `json:"gaps,omitempty"` // missing and stale entries: their language's completeness sets their level
	Errors   int             `json:"errors,omitempty"`
	Warnings int             `json:"warnings,omitempty"`
	Checks   []string        `json:"checks,omitempty"`  // the checks that found something
	Failing  []check.Finding `json:"failing,omitempty"` // the findings at error level, gaps aside
	Notable  []check.Finding `json:"notable,omitempty"` // the warnings on what the entry says (IsNotable): a build lists them
}

// Summarize counts what checking a unit found.
func (p Gate) Summarize(cc CatalogCheck) UnitCheck {
	u := UnitCheck{File: cc.File, Messages: cc.Messages, Current: cc.Current}
	for _, f := range cc.Found {
		if !slices.Contains(u.Checks, f.Check) {
			u.Checks = append(u.Checks, f.Check)
		}
		switch {
		case p.isGap(f):
			u.Gaps++
		case f.Severity == check.Error:
			u.Errors++
			u.Failing = append(u.Failing, f)
		case f.Severity == check.Waived:
		default:
			u.Warnings++
			if IsNotable(f) {
				u.Notable = append(u.Notable, f)
			}
		}
	}
	return u
}

// finish completes the totals once every article is counted: missing and
// stale entries are warnings, work not yet done, unless lingo.toml sets
// their severity or the language is below its gate. others are the
// findings in no language checked.
func (r *Checked) finish(others []check.Finding) {
	for li := range r.Totals {
		t := &r.Totals[li]
		t.Percent = translation.Percent(t.Translated, t.Messages)
		if t.Percent < t.MinPercent {
			r.level[t.Lang] = check.Error
			t.Errors += r.gaps[li]
		} else {
			r.level[t.Lang] = check.Warning
			t.Warnings += r.gaps[li]
		}
	}
	for lang := range r.files {
		slices.SortFunc(r.files[lang], func(a, b fileBatch) int { return strings.Compare(a.file, b.file) })
	}
	check.Sort(others)
	r.others = others
	for _, f := range others {
		r.checks[f.Check] = true
	}
	r.Checks = slices.Sorted(maps.Keys(r.checks))
}

// Add lists findings made apart from the checks of each catalog (the
// reading levels of articles), counted in their language's totals.
func (r *Checked) Add(fs []check.Finding) {
	for _, f := range fs {
		r.others = append(r.others, f)
		r.checks[f.Check] = true
		for i := range r.Totals {
			switch t := &r.Totals[i]; {
			case t.Lang != f.Lang:
			case f.Severity == check.Error:
				t.Errors++
			default:
				t.Warnings++
			}
		}
	}
	check.Sort(r.others)
	r.Checks = slices.Sorted(maps.Keys(r.checks))
}

// Errors counts the findings at error level.
func (r *Checked) Errors() int {
	n := 0
	for _, t := range r.Totals {
		n += t.Errors
	}
	for _, f := range r.others {
		if f.Severity == check.Error {
			n++
		}
	}
	return n
}

// Findings reads the findings back, sorted by language, file, line, check
// and message, with the severity of missing and stale entries set from
// their language's completeness.
func (r *Checked) Findings() iter.Seq2[check.Finding, error] {
	return func(yield func(check.Finding, error) bool) {
		langs := slices.Collect(maps.Keys(r.files))
		for _, f := range r.others {
			langs = append(langs, f.Lang)
		}
		slices.Sort(langs)
		others := r.others
		for _, lang := range slices.Compact(langs) {
			for len(others) > 0 && others[0].Lang == lang {
				if !yield(others[0], nil) {
					return
				}
				others = others[1:]
			}
			for _, fb := range r.files[lang] {
				found, err := r.spill.Read(fb.batch)
				if err != nil {
					yield(check.Finding{}, err)
					return
				}
				for _, f := range found {
					if r.isGap(f) {
						f.Severity = r.level[f.Lang]
					}
					if !yield(f, nil) {
						return
					}
				}
			}
		}
	}
}

// Report reads every finding keep keeps (all of them if keep is nil) into
// a report, with the totals.
func (r *Checked) Report(keep func(check.Finding) bool) (*check.Report, error) {
	rep := &check.Report{Findings: []check.Finding{}, Totals: r.Totals}
	for f, err := range r.Findings() {
		if err != nil {
			return nil, err
		}
		if keep == nil || keep(f) {
			rep.Findings = append(rep.Findings, f)
		}
	}
	return rep, nil
}

// Close removes the findings' temporary file.
func (r *Checked) Close() error {
	return r.spill.Close()
}

// isGap reports a missing or stale finding whose severity lingo.toml does
// not set: its language's completeness sets it.
func (p Gate) isGap(f check.Finding) bool {
	_, set := p.Config.Check.Severity[f.Check]
	return !set && (f.Check == "missing" || f.Check == "stale" || f.Check == "machine")
}

// CatalogCheck is what checking one article's catalog in one language
// found.
type CatalogCheck struct {
	File     string          `json:"file"`
	Messages int             `json:"messages"`
	Current  int             `json:"current"`
	Found    []check.Finding `json:"found"`
}

// checkArticle checks one article's catalog in each of langs: its missing,
// stale and orphan entries, and every translation that may be published.
// It returns, per language, the counts and the findings to list: all of
// them, or with errorsOnly those at error level (and the missing and stale
// entries of a language whose gate may make them errors). What it found
// in a unit whose inputs have not changed since is in the unit cache.
func (p Gate) checkArticle(c *check.Checker, g *workspace.Graph, store *workspace.CacheWriter, slug string, langs []string, errorsOnly bool) ([]UnitCheck, [][]check.Finding, error) {
	keys, err := g.UnitKeys(slug, langs)
	if err != nil {
		return nil, nil, err
	}
	units, found := make([]UnitCheck, len(langs)), make([][]check.Finding, len(langs))
	kept := workspace.ReadUnits[UnitCheck](g, summaryBucket, slug)
	changed := false
	var a *workspace.Article
	c = c.ForArticle() // each source text read once for every language
	for li, lang := range langs {
		unit, gaps := workspace.UnitName(lang, slug), p.Config.Gate(lang) > 0
		u, ok := kept.Of(lang, keys[li])
		if !ok {
			ok = g.Cache.Get(checkBucket, unit, keys[li], &u)
		}
		if ok {
			units[li] = u
			if errorsOnly && !gaps {
				found[li] = slices.Concat(u.Failing, u.Notable)
			} else {
				ok = g.Cache.Get(findingsBucket, unit, keys[li], &found[li])
			}
		}
		if !ok {
			if a == nil {
				if a, err = p.Load(slug); err != nil {
					return nil, nil, err
				}
			}
			j, err := p.Judge(c, a, lang, nil)
			if err != nil {
				return nil, nil, err
			}
			units[li], found[li] = p.Summarize(j.Result), j.Result.Found
			PutCheck(store, unit, keys[li], units[li], found[li])
		}
		changed = kept.Set(lang, keys[li], units[li]) || changed
	}
	if changed {
		workspace.PutUnits(store, summaryBucket, slug, kept)
	}
	if errorsOnly {
		for li := range found {
			found[li] = slices.DeleteFunc(slices.Clone(found[li]), func(f check.Finding) bool {
				return f.Severity != check.Error && !p.isGap(f) && !IsNotable(f)
			})
		}
	}
	return units, found, nil
}

// Judgement is what one article's catalog in one language comes to: what
// lingo check reports of it, and what of it is published.
type Judgement struct {
	Plan      syncer.ArticlePlan // the messages as sync classified them
	Result    CatalogCheck
	Page      translation.Page
	Published map[string]string     // message ID → its published translation
	Current   int                   // messages translated and current
	Msgs      []translation.Message // per message: state, error-level findings, reviewed
}

// Judge classifies each message of article a in lang (as sync does, with
// the state lingo recorded), checks every translation that may be
// published, and decides, per entry and for the page, what is published:
// lingo check, publishing, review, import and the workbench all call it,
// so that what check rejects is never published. A draft, when not nil,
// stands in place of its entry, as a save of it would leave the catalog
// (its hash that of today's source text, which the translator was shown).
func (p Gate) Judge(c *check.Checker, a *workspace.Article, lang string, draft *Draft) (*Judgement, error) {
	cat, st, err := p.ReadTarget(lang, a.Slug)
	if err != nil {
		return nil, err
	}
	if draft != nil {
		i := slices.Index(a.IDs, draft.ID)
		if i < 0 {
			return nil, fmt.Errorf("%w: %s has no message %s", workspace.ErrNoArticle, a.Slug, draft.ID)
		}
		SetEntry(cat, draft.ID, draft.Text, article.Hash(a.Segs[i].Text))
	}
	return p.JudgeCatalog(c, a, lang, cat, st)
}

// JudgeFunc is Judge with a checker.
type JudgeFunc func(a *workspace.Article, lang string, draft *Draft) (*Judgement, error)

// Judges returns Judge with checker c for one article at a time: each
// JudgeFunc it gives reads each source text of its article once for all
// the article's languages (check.Checker.ForArticle).
func (p Gate) Judges(c *check.Checker) func() JudgeFunc {
	return func() JudgeFunc {
		ac := c.ForArticle()
		return func(a *workspace.Article, lang string, draft *Draft) (*Judgement, error) {
			return p.Judge(ac, a, lang, draft)
		}
	}
}

// JudgeCatalog is Judge on cat and st, article a's catalog and state in
// lang as they are or as a change would leave them (an import's).
func (p Gate) JudgeCatalog(c *check.Checker, a *workspace.Article, lang string, cat *catalog.Catalog, st workspace.Records) (*Judgement, error) {
	ap, err := p.PlanArticle(lang, a, cat, st, syncer.SyncOptions{Lenient: true, NoMemory: true})
	if err != nil {
		return nil, err
	}
	return p.Assess(c, a, lang, ap), nil
}

// Assess is judge's decision on the messages of ap, article a in lang, as
// sync classified them.
func (p Gate) Assess(c *check.Checker, a *workspace.Article, lang string, ap syncer.ArticlePlan) *Judgement {
	j := &Judgement{Plan: ap, Published: map[string]string{}}
	cc := &j.Result
	cc.File = p.Rel(ap.Path)
	add := func(line int, id, name, msg string) {
		if f, ok := c.Finding(lang, cc.File, line, id, name, msg); ok {
			cc.Found = append(cc.Found, f)
		}
	}
	publishStale := p.Config.StalePolicy(lang) == "translation"
	msgs := make([]translation.Message, len(ap.Messages))
	for i, m := range ap.Messages {
		cc.Messages++
		msgs[i].State, msgs[i].Reviewed = m.State, m.Reviewed
		switch m.State {
		case syncer.Missing:
			add(m.Line, m.ID, "missing", "not translated yet")
		case syncer.Stale:
			add(m.Line, m.ID, "stale", fmt.Sprintf("the %s text changed since this was translated (lingo diff --lang %s)", p.Config.Source, lang))
		case syncer.Current:
			cc.Current++
		case syncer.Machine:
			p.assessDraft(c, a, lang, m, &msgs[i], cc, add)
		}
		if m.State == syncer.Current || m.State == syncer.Stale && publishStale {
			found, unsafe := c.Verdict(check.Translation{Lang: lang, File: cc.File, Line: m.Line, ID: m.ID,
				Source: m.Source, SourceLang: p.Config.Source, Text: m.Translation, Plural: m.Plural, Refs: a.Refs})
			for k := range found {
				waive(&found[k], m.Waivers)
				if found[k].Severity == check.Error {
					msgs[i].Errors++
				}
			}
			if unsafe || check.Hidden(m.Source, m.Translation, lang) {
				msgs[i].Errors++
			}
			cc.Found = append(cc.Found, found...)
		}
	}
	p.draftStructure(a, lang, ap.Messages, msgs, cc, c)
	for _, i := range p.BreaksStructure(c, a, ap.Messages, msgs) {
		m := ap.Messages[i]
		msgs[i].Errors++
		add(m.Line, m.ID, structure.CheckStructure, "spliced into the article, the translation would change its structure: "+
			"write it as the text of this one element (no blank line, no line that starts a heading, list, quote, code block or HTML block)")
	}
	for _, e := range ap.Orphans {
		add(e.Line, e.ID, "orphan", "no message of the source article has this ID (lingo sync refuses it)")
	}
	requireReview := p.Config.RequireReview(lang)
	if requireReview {
		p.Unreviewed(lang, ap.Messages, msgs, add)
	}
	j.Page = translation.Decide(msgs, translation.Policy{MinComplete: p.Config.MinComplete(lang), PublishStale: publishStale, RequireReview: requireReview})
	for i, m := range ap.Messages {
		if j.Page.Published[i] {
			j.Published[m.ID] = m.Translation
		}
	}
	j.Current, j.Msgs = cc.Current, msgs
	return j
}

// waive marks f waived when ws, the waivers its entry keeps, waive its
// check: a person judged it wrong on exactly this source and translation.
func waive(f *check.Finding, ws []translation.Waiver) {
	if w := translation.Waived(ws, f.Check); w != nil {
		f.Severity, f.Waiver = check.Waived, &check.Waiver{By: w.By, Why: w.Why, At: w.At}
	}
}

// BreaksStructure checks what a reader would get: the article with the
// translations of msgs that have no error yet (those that may be
// published) spliced in must have the source's skeleton (its blocks, the
// raw HTML and shortcodes in them). When it does not, each translation is
// tried on its own, and those that change it are returned (all of them if
// none does alone). One parse of the article when nothing is wrong.
func (p Gate) BreaksStructure(c *check.Checker, a *workspace.Article, ms []syncer.Message, msgs []translation.Message) []int {
	var cands []int
	for i, m := range ms {
		if m.Translation != "" && msgs[i].Errors == 0 && (msgs[i].State == syncer.Current || msgs[i].State == syncer.Stale) {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	src := c.SourceSkeleton(body(a.Src))
	spliced := func(with []int) structure.Skeleton {
		texts := make(map[string]string, len(with))
		for _, i := range with {
			texts[ms[i].ID] = ms[i].Translation
		}
		md := article.Render(a.Src, a.Segs, a.IDs, func(id string) (string, bool) { t, ok := texts[id]; return t, ok })
		return p.Shapes().Skeleton(body(md))
	}
	if _, _, differs := structure.Differs(src, spliced(cands)); !differs {
		return nil
	}
	var bad []int
	for _, i := range cands {
		if _, _, differs := structure.Differs(src, spliced([]int{i})); differs {
			bad = append(bad, i)
		}
	}
	if len(bad) == 0 {
		return cands
	}
	return bad
}

// body is an article without its front matter.
func body(md []byte) []byte {
	if fm, err := frontmatter.Split(md); err == nil {
		return md[fm.Body:]
	}
	return md
}

// unknownLangs reports locale folders of languages lingo.toml does not
// list (pseudo-locales such as en-XA aside).
func (p Gate) unknownLangs(c *check.Checker) []check.Finding {
	entries, err := os.ReadDir(p.Config.LocalesDir())
	if err != nil {
		return nil
	}
	var out []check.Finding
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		// Folder names compare as tags, in any case (zh-hans is zh-Hans);
		// one spelled otherwise than lingo writes it is that language's
		// only where the system finds it under lingo's spelling too.
		msg := fmt.Sprintf("locale folder %s is not one of the languages in %s", name, filepath.Base(p.Config.Path))
		if tag, ok := p.Config.FolderLang(name); ok {
			if tag == name || sameDir(filepath.Join(p.Config.LocalesDir(), name), filepath.Join(p.Config.LocalesDir(), tag)) {
				continue
			}
			msg = fmt.Sprintf("locale folder %s is not where lingo reads and writes %s (%s): rename it", name, tag, filepath.ToSlash(p.Rel(filepath.Join(p.Config.LocalesDir(), tag))))
		}
		if f, ok := c.Finding(name, filepath.ToSlash(p.Rel(filepath.Join(p.Config.LocalesDir(), name))), 0, "", "unknown-lang", msg); ok {
			out = append(out, f)
		}
	}
	return out
}

// sameDir reports whether a and b are the same folder.
func sameDir(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// glossaryPath is the glossary file's path, "" when there is none.
// NewChecker is lingo check's checker, with the project's options: check,
// publishing, import, review and the workbench all judge with it.
func (p Gate) NewChecker() (*check.Checker, error) {
	g, err := p.glossary()
	if err != nil {
		return nil, err
	}
	return check.New(check.Options{Glossary: g, Prefixes: p.Config.Check.Prefixes,
		Severity: p.Config.Check.Severity, Length: p.Config.LengthBand, Vocabulary: p.Config.Check.Vocab}), nil
}

// Unreviewed reports, in a language that publishes only reviewed entries,
// each current entry without error-level findings that no reviewer signed
// off (the Unreviewed check), through add.
func (p Gate) Unreviewed(lang string, ms []syncer.Message, msgs []translation.Message, add func(line int, id, name, msg string)) {
	for i, m := range ms {
		if m.State == syncer.Current && msgs[i].Errors == 0 && !m.Reviewed {
			add(m.Line, m.ID, "unreviewed", fmt.Sprintf("not reviewed: %s publishes only reviewed entries (require_review), so the %s text shows here until a reviewer signs it off (lingo review --lang %s %s)",
				lang, p.Config.Source, lang, m.ID))
		}
	}
}

// SetEntry sets the translation of entry id of c, and the hash of the
// source text it was made for; an entry c lacks is added.
func SetEntry(c *catalog.Catalog, id, text, hash string) {
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			c.Entries[i].Other, c.Entries[i].Hash = text, hash
			return
		}
	}
	c.Entries = append(c.Entries, catalog.Entry{ID: id, Other: text, Hash: hash})
}

// Draft is a translation typed in the workbench and not saved: the text of
// one entry, made for the source text it was shown beside.
type Draft struct {
	ID   string
	Text string
}

// CheckErrors checks every target language and keeps what a build lists:
// the errors, which keep entries from being published, and the warnings
// on what published entries say (IsNotable: a dropped negation, a length
// far from the source's); the totals count every finding.
func (p Gate) CheckErrors() (*check.Report, error) {
	res, err := p.check(p.Config.Languages, true)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	return res.Report(func(f check.Finding) bool { return f.Severity == check.Error || IsNotable(f) })
}

// IsNotable reports a warning about what a published translation means
// (a dropped negation, an untranslated passage, a glossary term), as
// opposed to where its entry stands (missing, stale, unreviewed), its
// typography (white space, length) or a file that is not one of the
// project's: the entry is published, and the build says so.
func IsNotable(f check.Finding) bool {
	switch f.Check {
	case "missing", "stale", "unreviewed", "orphan", "foreign", "unknown-lang", "whitespace", "double-space", "length":
		return false
	}
	if OnDraft(f) {
		return false // a machine draft is never published: nothing it says reaches a reader
	}
	return f.Severity == check.Warning
}

// glossary loads the configured Glossary, if any.
func (p Gate) glossary() (*glossary.Glossary, error) {
	if p.Config.Glossary == "" {
		return nil, nil
	}
	g, err := glossary.Load(p.GlossaryPath())
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	return g, nil
}

// Waivable says whether a person may waive the findings of check name on
// an entry (lingo accept --check): any check on what a translation says,
// but not where an entry stands (missing, stale, unreviewed, machine: translate,
// accept or review it), a file's findings, or what keeps a translation
// from being published whatever lingo.toml says (unsafe HTML and URLs,
// hidden controls, a broken structure). Otherwise a *WaiveCheckError.
func Waivable(name string) error {
	switch name {
	case "missing", "stale", "unreviewed", "machine", "orphan", "foreign", "unknown-lang", "input",
		"structure", "control", "unsafe-html", "unsafe-url", "event-handler", "foreign-host":
		return &WaiveCheckError{Check: name, Known: true}
	}
	if _, known := check.Defaults[name]; !known {
		return &WaiveCheckError{Check: name}
	}
	return nil
}

// WaiveCheckError is a check Waivable refuses: unknown, or one a waiver
// cannot answer.
type WaiveCheckError struct {
	Check string
	Known bool
}

func (e *WaiveCheckError) Error() string {
	if !e.Known {
		var names []string
		for name := range check.Defaults {
			if Waivable(name) == nil {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return fmt.Sprintf("--check %s: no such check (a waiver is for one of: %s)", e.Check, strings.Join(names, ", "))
	}
	return fmt.Sprintf("--check %s: not a finding a person can waive (a missing or stale entry is translated or accepted, an unreviewed one reviewed; unsafe content, hidden controls and a broken structure are never published)", e.Check)
}
