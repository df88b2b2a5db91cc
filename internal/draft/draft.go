// Package draft fills a language's entries that no one has translated
// with machine drafts (lingo draft): it plans the language as sync would,
// translation memory first (an exact match wins over a draft), sends what
// is still missing to an engine (internal/mt) in batches, and writes the
// drafts through sync, each recorded with its engine and exact text, so
// that the translation model (internal/translation) keeps it a draft,
// never published, until a person edits or reviews it. It never replaces
// a translation a person wrote, current or stale; a failing engine writes
// nothing.
package draft

import (
	"context"
	"fmt"
	"slices"

	"github.com/lingo-l10n/lingo/internal/mt"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// Drafter drafts the catalogs of a project.
type Drafter struct{ syncer.Syncer }

// Options say what Draft fills.
type Options struct {
	Lang     string
	Articles []string // slugs; none for every article
	// Stale also drafts again the machine drafts made for an older source
	// text, and drafts the new text of each stale entry a person
	// translated into its STALE notice, beside the translation, which
	// stays as it is.
	Stale bool
}

// Result is what Draft did.
type Result struct {
	Lang    string
	Engine  string // the engine and its version
	Drafted int    // entries that got a machine draft
	Marked  int    // of them, drafts with an engine's marks (unknown words...)
	Lost    int    // of them, drafts whose markup the engine did not keep whole
	Memory  int    // missing entries translation memory fills instead
	Kept    int    // stale entries a person translated: kept, not drafted
	Beside  int    // (Stale) of the drafted, stale entries a person translated: the draft beside their translation
	Written []workspace.Change
}

// Draft fills the entries of opts.Lang that are missing (and with
// opts.Stale, the outdated machine drafts) with e's drafts.
func (p Drafter) Draft(ctx context.Context, e mt.Engine, opts Options) (*Result, error) {
	res := &Result{Lang: opts.Lang, Engine: e.Name()}
	if v := e.Version(); v != "" {
		res.Engine += " " + v
	}
	arts, err := p.LoadAll()
	if err != nil {
		return nil, err
	}
	if len(opts.Articles) > 0 {
		arts = slices.DeleteFunc(arts, func(a *workspace.Article) bool { return !slices.Contains(opts.Articles, a.Slug) })
		for _, slug := range opts.Articles {
			if !slices.ContainsFunc(arts, func(a *workspace.Article) bool { return a.Slug == slug }) {
				return nil, fmt.Errorf("%w: %s", workspace.ErrNoArticle, slug)
			}
		}
	}
	lp, err := p.Plan(opts.Lang, arts, syncer.SyncOptions{})
	if err != nil {
		return nil, err
	}
	bare, err := p.Plan(opts.Lang, arts, syncer.SyncOptions{NoMemory: true})
	if err != nil {
		return nil, err
	}
	var ids []string
	var msgs []mt.Message
	beside := map[string]bool{} // stale entries a person translated
	for k, ap := range lp.Articles {
		a := arts[k]
		for i, m := range ap.Messages {
			switch {
			case m.State == syncer.Missing, m.State == syncer.Machine && m.Old != "" && opts.Stale:
				ids = append(ids, m.ID)
				msgs = append(msgs, mt.Encode(&a.Segs[i]))
			case bare.Articles[k].Messages[i].State == syncer.Missing:
				res.Memory++
			case m.State == syncer.Stale && opts.Stale:
				ids = append(ids, m.ID)
				msgs = append(msgs, mt.Encode(&a.Segs[i]))
				beside[m.ID] = true
			case m.State == syncer.Stale:
				res.Kept++
			}
		}
	}
	drafts, err := translate(ctx, e, msgs)
	if err != nil {
		return nil, fmt.Errorf("draft %s with %s: %w (nothing written)", opts.Lang, res.Engine, err)
	}
	fill := make(map[string]translation.Draft, len(ids))
	for k, d := range drafts {
		if d.Text == "" {
			continue
		}
		td := translation.Draft{Engine: e.Name(), Version: e.Version(), Text: d.Text}
		for _, mk := range d.Marks {
			td.Marks = append(td.Marks, translation.Mark{Kind: mk.Kind, Word: mk.Word})
		}
		fill[ids[k]] = td
		if beside[ids[k]] {
			res.Beside++
			continue
		}
		res.Drafted++
		if len(d.Marks) > 0 {
			res.Marked++
		}
		if len(d.Lost) > 0 {
			res.Lost++
		}
	}
	if len(fill) == 0 {
		return res, nil
	}
	res.Written, err = p.Sync([]string{opts.Lang}, syncer.SyncOptions{Drafts: fill, Redraft: opts.Stale})
	return res, err
}

// translate sends each distinct text of msgs to e once, in e's batches,
// and decodes the answers.
func translate(ctx context.Context, e mt.Engine, msgs []mt.Message) ([]mt.Draft, error) {
	index := map[string]int{}
	var texts []string
	for _, m := range msgs {
		if _, ok := index[m.HTML]; !ok {
			index[m.HTML] = len(texts)
			texts = append(texts, m.HTML)
		}
	}
	if len(texts) == 0 {
		return nil, nil
	}
	out, err := e.Translate(ctx, texts)
	if err != nil {
		return nil, err
	}
	if len(out) != len(texts) {
		return nil, fmt.Errorf("%d translations for %d texts", len(out), len(texts))
	}
	drafts := make([]mt.Draft, len(msgs))
	for k, m := range msgs {
		drafts[k] = m.Decode(out[index[m.HTML]])
	}
	return drafts, nil
}
