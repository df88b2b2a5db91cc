package publish

import (
	"testing"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/gate"
	"github.com/lingo-l10n/lingo/internal/syncer"
	"github.com/lingo-l10n/lingo/internal/translation"
	"github.com/lingo-l10n/lingo/internal/workspace"
)

// TestTextsParentReview: a page in pt-BR shows its own published
// translation, else pt's; where pt-BR requires review, pt's only when
// parent_review is set and pt's translation is reviewed in pt, else the
// source text.
func TestTextsParentReview(t *testing.T) {
	ids := []string{"own", "parent-reviewed", "parent-unreviewed", "none"}
	judged := map[string]*gate.Judgement{
		"pt-BR": judgement("pt-BR", ids, map[string]bool{"own": true}, map[string]bool{"own": true}),
		"pt": judgement("pt", ids, map[string]bool{"own": true, "parent-reviewed": true, "parent-unreviewed": true},
			map[string]bool{"parent-reviewed": true}),
	}
	for _, tt := range []struct {
		name     string
		settings config.LangSettings
		want     map[string]string // ID → the language whose text shows
	}{
		{"no review required", config.LangSettings{},
			map[string]string{"own": "pt-BR", "parent-reviewed": "pt", "parent-unreviewed": "pt"}},
		{"require_review", config.LangSettings{RequireReview: true},
			map[string]string{"own": "pt-BR"}},
		{"require_review, parent_review", config.LangSettings{RequireReview: true, ParentReview: true},
			map[string]string{"own": "pt-BR", "parent-reviewed": "pt"}},
	} {
		cfg := config.Default("en", []string{"pt", "pt-BR"})
		cfg.Lang = map[string]config.LangSettings{"pt-BR": tt.settings}
		p := Publisher{gate.Gate{Syncer: syncer.Syncer{Project: workspace.New(cfg)}}}
		ap := &articlePages{a: &workspace.Article{IDs: ids}, judged: judged}
		got := p.texts(ap, "pt-BR")
		if len(got) != len(tt.want) {
			t.Errorf("%s: %v, want texts of %v", tt.name, got, tt.want)
		}
		for id, lang := range tt.want {
			if got[id] != lang+":"+id {
				t.Errorf("%s: %s shows %q, want %s's", tt.name, id, got[id], lang)
			}
		}
	}
}

// judgement is lang's judgement of the messages ids: those of published
// published as "<lang>:<id>", those of reviewed reviewed.
func judgement(lang string, ids []string, published, reviewed map[string]bool) *gate.Judgement {
	j := &gate.Judgement{Published: map[string]string{}, Msgs: make([]translation.Message, len(ids))}
	for i, id := range ids {
		if published[id] {
			j.Published[id] = lang + ":" + id
			j.Msgs[i] = translation.Message{State: translation.Current, Reviewed: reviewed[id]}
		}
	}
	return j
}
