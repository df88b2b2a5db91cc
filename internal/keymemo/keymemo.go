// Package keymemo holds the keys a run of lingo made for the build graph
// (workspace), by article: an article's key, and each of its units' keys
// with the article key it was made from. At 10,000 articles × 10
// languages a build holds 110,000 keys and asks for them about a million
// times, so one lookup finds an article's keys, with no name to make for
// them. A key forgotten (a file it was made from was written) is made
// again by the next asker; a key being made while one is forgotten is not
// kept (generations).
package keymemo

import (
	"slices"
	"sync"
	"unique"
)

// Key is a key the graph made; a unit's, with the article key it was made
// from.
type Key struct{ Article, Key string }

// Memos are the keys of a run; the zero value holds none. Safe for
// concurrent use.
type Memos struct {
	mu    sync.RWMutex
	m     map[string]*slugKeys // by slug
	gen   int64                // bumped by each forget
	made  []string             // the articles whose keys were made, not recalled
	size  int                  // the articles of the run, once known: m is made that large
	width int                  // the most units of an article so far
	walk  walk                 // what the walks say of the articles' files (walk.go)
}

// slugKeys are the keys of one article and of its units.
type slugKeys struct {
	article string // "" until made
	units   []unitKey
}

// unitKey is the key of the unit of lang.
type unitKey struct {
	lang string
	Key
}

// Get is the key of slug's unit in lang (of the article for ""), with the
// generation to Put one under.
func (k *Memos) Get(slug, lang string) (Key, int64, bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	s := k.m[slug]
	switch {
	case s == nil:
	case lang == "":
		return Key{Key: s.article}, k.gen, s.article != ""
	default:
		for _, u := range s.units {
			if u.lang == lang {
				return u.Key, k.gen, true
			}
		}
	}
	return Key{}, k.gen, false
}

// Units is the article key of slug and its units' keys in langs, made
// from it, in one lookup: false unless every one is held (a step asks for
// the keys of every article in every language).
func (k *Memos) Units(slug string, langs []string) (article string, keys []string, ok bool) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	s := k.m[slug]
	if s == nil || s.article == "" {
		return "", nil, false
	}
	keys = make([]string, len(langs))
	for i, lang := range langs {
		j := slices.IndexFunc(s.units, func(u unitKey) bool { return u.lang == lang })
		if j < 0 || s.units[j].Article != s.article {
			return "", nil, false
		}
		keys[i] = s.units[j].Key.Key
	}
	return s.article, keys, true
}

// Gen is the generation to Put a key under that is being made now.
func (k *Memos) Gen() int64 {
	k.mu.RLock()
	defer k.mu.RUnlock()
	return k.gen
}

// Put keeps key as that of slug's unit in lang (of the article for ""),
// unless a key was forgotten since generation gen.
func (k *Memos) Put(gen int64, slug, lang string, key Key) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.gen != gen {
		return
	}
	if k.m == nil {
		k.m = make(map[string]*slugKeys, k.size)
	}
	s := k.m[slug]
	if s == nil {
		s = &slugKeys{}
		k.m[slug] = s
	}
	if lang == "" {
		s.article = key.Key
		return
	}
	for i := range s.units {
		if s.units[i].lang == lang {
			s.units[i].Key = key
			return
		}
	}
	if s.units == nil { // as many as the widest article's: appends would hold half as many again
		s.units = make([]unitKey, 0, max(k.width, 1))
	}
	s.units = append(s.units, unitKey{unique.Make(lang).Value(), key}) // one string of each language, not one a unit
	k.width = max(k.width, len(s.units))
}

// Forget forgets the key of slug's unit in lang (of the article for ""),
// a file it was made from being written: the article is no longer
// Untouched.
func (k *Memos) Forget(slug, lang string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	if k.walk.written != nil {
		k.walk.written[slug] = true
	}
	s := k.m[slug]
	switch {
	case s == nil:
	case lang == "":
		s.article = ""
	default:
		for i, u := range s.units {
			if u.lang == lang {
				s.units = append(s.units[:i], s.units[i+1:]...)
				break
			}
		}
	}
}

// ForgetAll forgets every key, a shared input being written: no article
// is Untouched.
func (k *Memos) ForgetAll() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.gen++
	k.m, k.walk.all = nil, true
}

// MadeFrom notes that a key of slug's article or units was made, not
// recalled from the last run: Made lists them.
func (k *Memos) MadeFrom(slug string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.made = append(k.made, slug)
}

// Made calls fn with each article whose keys were made in this run and
// are held, its key, and its units' keys made from it, by language.
func (k *Memos) Made(fn func(slug, article string, units map[string]string)) {
	k.mu.RLock()
	defer k.mu.RUnlock()
	done := map[string]bool{}
	for _, slug := range k.made {
		s := k.m[slug]
		if done[slug] || s == nil || s.article == "" {
			continue
		}
		done[slug] = true
		units := map[string]string{}
		for _, u := range s.units {
			if u.Article == s.article {
				units[u.lang] = u.Key.Key
			}
		}
		fn(slug, s.article, units)
	}
}

// Held names the keys held, sorted: "\x00" and the slug for an article's,
// the language, "\x00" and the slug for a unit's.
func (k *Memos) Held() []string {
	k.mu.RLock()
	defer k.mu.RUnlock()
	var names []string
	for slug, s := range k.m {
		if s.article != "" {
			names = append(names, "\x00"+slug)
		}
		for _, u := range s.units {
			names = append(names, u.lang+"\x00"+slug)
		}
	}
	slices.Sort(names)
	return names
}

// Reserve says a run has n articles: the map of their keys is made that
// large rather than grown 14 times (10,000 articles).
func (k *Memos) Reserve(n int) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.size = n
	if k.m == nil {
		k.m = make(map[string]*slugKeys, n)
	}
}
