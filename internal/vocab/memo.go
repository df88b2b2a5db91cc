package vocab

import "github.com/lingo-l10n/lingo/internal/memo"

// remembered is what a remembering Lang read (Remembering): each text's
// reading, terms and first negation, by the text.
type remembered struct {
	readings  memo.Map[Reading]
	terms     memo.Map[[]Term]
	negations memo.Map[negation]
}

type negation struct {
	word string
	ok   bool
}

// Remembering returns l reading each text once: a source's texts, read
// again for each language a translation of them is checked in. It keeps
// every text it read, so it lives as long as one article's checks; its
// results are shared, and no caller changes them. Safe for concurrent use.
func (l *Lang) Remembering() *Lang {
	m := *l
	m.memo = &remembered{}
	return &m
}
