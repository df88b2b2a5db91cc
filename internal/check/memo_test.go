package check_test

import (
	"reflect"
	"sync"
	"testing"

	"github.com/lingo-l10n/lingo/internal/check"
)

// TestForArticle checks the CNCF glossary's human translations with a
// Checker per article, every language of an article at once, and with
// the run's Checker: what a source text's translations are found to have
// does not depend on what the article's Checker read of it before, for
// another language.
func TestForArticle(t *testing.T) {
	c := check.New(check.Options{})
	byArticle := map[string][]check.Translation{}
	for _, p := range cncfPairs(t) {
		byArticle[p.Article] = append(byArticle[p.Article], p.Translation)
	}
	shared := 0
	for name, trs := range byArticle {
		ac := c.ForArticle()
		type verdict struct {
			found  []check.Finding
			unsafe bool
		}
		got := make([]verdict, len(trs))
		var wg sync.WaitGroup
		for i, tr := range trs {
			wg.Go(func() { got[i].found, got[i].unsafe = ac.Verdict(tr) })
		}
		wg.Wait()
		sources := map[string]int{}
		for i, tr := range trs {
			sources[tr.Source]++
			found, unsafe := c.Verdict(tr)
			if !reflect.DeepEqual(got[i], verdict{found, unsafe}) {
				t.Errorf("%s, %s line %d: the article's Checker found %v (unsafe %v), the run's %v (unsafe %v)", name, tr.Lang, tr.Line, got[i].found, got[i].unsafe, found, unsafe)
			}
		}
		for _, n := range sources {
			if n > 1 {
				shared++
			}
		}
	}
	if shared < 300 {
		t.Errorf("%d source texts checked in more than one language, want the corpus (over 300)", shared)
	}
}

// BenchmarkForArticle checks the glossary's translations article by
// article, with the run's Checker and with one Checker per article.
func BenchmarkForArticle(b *testing.B) {
	c := check.New(check.Options{})
	var t testing.T
	byArticle := map[string][]check.Translation{}
	for _, p := range cncfPairs(&t) {
		byArticle[p.Article] = append(byArticle[p.Article], p.Translation)
	}
	for _, mode := range []string{"run", "article"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				for _, trs := range byArticle {
					ac := c
					if mode == "article" {
						ac = c.ForArticle()
					}
					for _, tr := range trs {
						ac.Verdict(tr)
					}
				}
			}
		})
	}
}
