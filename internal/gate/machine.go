package gate

import (
	"fmt"
	"strings"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/structure"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// draftPrefix starts the message of every finding on a machine draft.
const draftPrefix = "machine draft: "

// OnDraft reports a finding on a machine draft (lingo draft) no person
// has edited or reviewed: work to do, never about a published text.
func OnDraft(f check.Finding) bool {
	return f.Check == "machine" || strings.HasPrefix(f.Check, "machine-") || strings.HasPrefix(f.Message, draftPrefix)
}

// assessDraft judges machine draft m, the i-th message of a: the draft
// is work to do (the machine finding, at the level of missing entries),
// the engine's marks are findings, and so is what lingo check finds in
// it, at most as warnings (a draft is never published: what it gets
// wrong is what its translator fixes). The error-level findings count in
// mm.Errors all the same, so that a review of a failing draft is refused.
func (p Gate) assessDraft(c *check.Checker, a *workspace.Article, lang string, m syncer.Message, mm *translation.Message, cc *CatalogCheck, add func(line int, id, name, msg string)) {
	name := "a machine translation engine"
	if m.Machine != nil {
		name = m.Machine.Name()
	}
	msg := fmt.Sprintf("a machine draft (%s), never published until a person edits it or reviews it (lingo review --lang %s %s)", name, lang, m.ID)
	if m.Old != "" {
		msg += fmt.Sprintf("; drafted from an older %s text (lingo draft --stale drafts it again)", p.Config.Source)
	}
	add(m.Line, m.ID, "machine", msg)
	if m.Machine != nil {
		for _, mk := range m.Machine.Marks {
			add(m.Line, m.ID, "machine-"+mk.Kind, fmt.Sprintf("%s%s marks %q as %s", draftPrefix, m.Machine.Engine, mk.Word, markWhat[mk.Kind]))
		}
	}
	if m.Old != "" {
		return // drafted for another source text: its checks say nothing of today's
	}
	found, unsafe := c.Verdict(check.Translation{Lang: lang, File: cc.File, Line: m.Line, ID: m.ID,
		Source: m.Source, SourceLang: p.Config.Source, Text: m.Translation, Plural: m.Plural, Refs: a.Refs})
	for _, f := range found {
		if f.Severity == check.Error {
			mm.Errors++
			f.Severity = check.Warning
		}
		f.Message = draftPrefix + f.Message
		cc.Found = append(cc.Found, f)
	}
	if unsafe {
		mm.Errors++
	}
}

// markWhat says what each of the engine's marks means.
var markWhat = map[string]string{
	"unknown":    "a word it does not know (left as it is)",
	"generation": "a word it could not inflect",
	"transfer":   "a word it could not transfer",
}

// draftStructure checks that each machine draft of ms, spliced alone into
// article a, keeps the article's structure; a draft that does not gets a
// structure finding (a warning: it is not published) and an error in
// msgs, so that it cannot be reviewed as it is.
func (p Gate) draftStructure(a *workspace.Article, lang string, ms []syncer.Message, msgs []translation.Message, cc *CatalogCheck, c *check.Checker) {
	var drafts []int
	for i, m := range ms {
		if m.State == syncer.Machine && m.Old == "" && m.Translation != "" {
			drafts = append(drafts, i)
		}
	}
	if len(drafts) == 0 {
		return
	}
	only := make([]translation.Message, len(msgs))
	for _, i := range drafts {
		only[i] = translation.Message{State: syncer.Current}
	}
	for i := range only {
		if only[i].State != syncer.Current {
			only[i] = translation.Message{State: syncer.Missing}
		}
	}
	for _, i := range p.BreaksStructure(c, a, ms, only) {
		m := ms[i]
		msgs[i].Errors++
		if f, ok := c.Finding(lang, cc.File, m.Line, m.ID, structure.CheckStructure, draftPrefix+
			"spliced into the article, it would change its structure: edit it into the text of this one element"); ok {
			if f.Severity == check.Error {
				f.Severity = check.Warning
			}
			cc.Found = append(cc.Found, f)
		}
	}
}
