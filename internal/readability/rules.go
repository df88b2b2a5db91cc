package readability

import "strings"

// The spelling rules of each language's vowel nuclei: where a run of
// vowels is more than one syllable (hiatus), and what is written but not
// spoken. Each rule is measured by the hand-labelled words in
// testdata/syllables (TestSyllables prints the accuracy per language).

// partStart is the start of the pattern part that holds position i.
func (w word) partStart(i int) int {
	for ; i > 0; i-- {
		if w.cut[i] {
			return i
		}
	}
	return 0
}

// endsAt reports whether the part that holds position i ends right after it.
func (w word) endsAt(i int) bool { return i+1 < len(w.r) && w.cut[i+1] }

// enVowel reports an English vowel letter that is heard as one.
func enVowel(w []rune, i int) bool {
	switch r := w[i]; r {
	case 'a', 'e', 'i', 'o':
		return true
	case 'u': // qu, and gu before a vowel (language, guess): a consonant
		return !(at(w, i-1) == 'q' || at(w, i-1) == 'g' && in(at(w, i+1), "aeiouy"))
	case 'y': // a consonant at the start and between vowels (yes, beyond, player)
		return i > 0 && !(in(at(w, i+1), "aeiou") && in(at(w, i-1), "aeiou"))
	}
	return false
}

// silentAfter reports that the letter before position p makes a final e
// silent: a consonant, or the u of -que and -gue (unique, fatigue).
func silentAfter(w []rune, p int, vowel func([]rune, int) bool) bool {
	if p < 1 || vowel(w, p-1) {
		return false
	}
	return w[p-1] != 'u' || in(at(w, p-2), "qg")
}

var english = rules{
	vowel:     enVowel,
	cutVowels: true,
	split: func(w word, i int) bool {
		r := w.r
		prev, cur, next := r[i-1], r[i], at(r, i+1)
		before := at(r, i-2)
		switch string([]rune{prev, cur}) {
		case "ia", "io", "iu": // radio, medium, associate; not -tion, -cial, -sion, -gion
			return !in(before, "tcsxg") || cur == 'a' && next == 't'
		case "ya", "ye", "yi", "yo", "yu": // lying, embryo: y is a vowel here
			return true
		case "ea": // idea, area
			return i == len(r)-1
		case "eo": // video, neon; not people, surgeon
			return next != 'p' && !(before == 'g' && next == 'n')
		case "ua", "uo": // usual, duo
			return true
		case "ue": // fluent, cruel; not value, issues, blue
			return i < len(r)-1 && !hasSuffix(r, "ues") && !hasSuffix(r, "ued")
		case "ie": // quiet, anxiety, client, science; not patient, ancient, pie, pied
			if next == 't' {
				return true
			}
			if next == 'n' && in(at(r, i+2), "tc") {
				return !(in(before, "tc") && !in(at(r, i-3), "s"))
			}
			return false
		case "oe": // poem, poet; not toe, does
			return next == 'm' || next == 't'
		}
		return false
	},
	fix: func(w word, nuclei []int) int {
		r, n := w.r, len(w.r)
		fix := 0
		lone := func(p int) bool { return nucleusAt(nuclei, p) && silentAfter(r, p, enVowel) }
		switch {
		case len(nuclei) < 2:
		case hasSuffix(r, "e") && lone(n-1):
			// silent e (make, whole); a consonant before -le is a syllable (table, little)
			if !(r[n-2] == 'l' && isConsonant(at(r, n-3), "aeiouy")) {
				fix--
			}
		case hasSuffix(r, "es") && lone(n-2):
			// -es is a syllable after a sibilant (boxes, changes, places) and in -les (tables)
			if !in(r[n-3], "sxzcg") && !hasSuffix(r, "ches") && !hasSuffix(r, "shes") &&
				!(r[n-3] == 'l' && isConsonant(at(r, n-4), "aeiouy")) {
				fix--
			}
		case hasSuffix(r, "ed") && lone(n-2):
			if !in(r[n-3], "td") { // wanted, needed; but liked, jumped
				fix--
			}
		}
		// a silent e that ends a part inside the word, the first part of a
		// compound (some-thing, care-giver) or before a suffix (hope-ful,
		// like-ly, re-cep-tive-ness)
		for _, p := range nuclei {
			if p >= n-2 || r[p] != 'e' || !w.endsAt(p) || !lone(p) {
				continue
			}
			start, rest := w.partStart(p), string(r[p+1:])
			if start > 0 && !strings.HasPrefix(rest, "ful") && !strings.HasPrefix(rest, "less") &&
				!strings.HasPrefix(rest, "ly") && !strings.HasPrefix(rest, "ment") && !strings.HasPrefix(rest, "ness") {
				continue
			}
			for _, q := range nuclei {
				if q >= start && q < p {
					fix--
					break
				}
			}
		}
		// -ism, -asm, -thm: a syllable with no vowel letter (mechanism, rhythm)
		for _, end := range []string{"ism", "isms", "asm", "asms", "thm", "thms"} {
			if hasSuffix(r, end) {
				fix++
				break
			}
		}
		return fix
	},
}

var spanish = rules{
	vowel: func(w []rune, i int) bool {
		switch r := w[i]; {
		case in(r, "aeioáéíóúü"):
			return true
		case r == 'u': // que, qui, gue, gui: the u is not heard
			return !(in(at(w, i-1), "qg") && in(at(w, i+1), "eiéí"))
		case r == 'y': // hoy, muy, y: a vowel at the end only
			return i == len(w)-1 && (i == 0 || in(at(w, i-1), "aeiou"))
		}
		return false
	},
	split: func(w word, i int) bool {
		// two strong vowels (a, e, o, and an accented í or ú) are two
		// syllables; a weak one (i, u) with any vowel is a diphthong
		strong := func(r rune) bool { return in(r, "aeoáéóíú") }
		return strong(w.r[i-1]) && strong(w.r[i])
	},
}

// frVowel reports a French vowel letter that is heard as one.
func frVowel(w []rune, i int) bool {
	switch r := w[i]; {
	case r == 'u': // qu, and gu before e, i, y: not heard
		return !(at(w, i-1) == 'q' || at(w, i-1) == 'g' && in(at(w, i+1), "eiyéèê"))
	case r == 'y': // yeux: a consonant before a vowel at the start
		return !(i == 0 && in(at(w, i+1), "aeiouéèê"))
	}
	return in(w[i], "aeioàâäéèêëîïôöùûüœæ")
}

var french = rules{
	vowel: frVowel,
	split: func(w word, i int) bool {
		r := w.r
		prev, cur := r[i-1], r[i]
		switch {
		case prev == 'é' && cur == 'e' && (i == len(r)-1 || i == len(r)-2 && r[i+1] == 's'): // durée, années
			return false
		case prev == 'é', prev == 'y': // réalité, créer; payer, voyage
			return true
		case in(cur, "ëïü"): // naïf, noël, égoïste
			return true
		case prev == 'o' && in(cur, "éèê"): // poète
			return true
		case prev == 'i' && in(at(r, i-2), "lr") && i >= 3 && !frVowel(r, i-3): // client, crier, oublier
			return true
		}
		return false
	},
	fix: func(w word, nuclei []int) int {
		r, n := w.r, len(w.r)
		fix := 0
		lone := func(p int) bool { return nucleusAt(nuclei, p) && silentAfter(r, p, frVowel) }
		// a final e or es after a consonant is mute (table, problèmes)
		if len(nuclei) > 1 && (hasSuffix(r, "e") && lone(n-1) || hasSuffix(r, "es") && lone(n-2)) {
			fix--
		}
		// -ement after one consonant sound and a vowel: the e is mute
		// (rapidement, seulement, traitement), not after two (simplement)
		if p := n - 5; len(nuclei) > 2 && hasSuffix(r, "ement") && lone(p) {
			q := p - 1
			if digraph := string(r[max(q-1, 0) : q+1]); digraph == "gn" || digraph == "ch" || digraph == "ph" || digraph == "th" {
				q--
			}
			if q > 0 && frVowel(r, q-1) {
				fix--
			}
		}
		return fix
	},
}

var german = rules{
	cutVowels: true,
	vowel: func(w []rune, i int) bool {
		if w[i] == 'u' && at(w, i-1) == 'q' {
			return false
		}
		return in(w[i], "aeiouäöüy")
	},
	split: func(w word, i int) bool {
		pair := func(a, b rune) bool {
			switch string([]rune{a, b}) {
			case "ei", "ai", "au", "eu", "äu", "ie", "aa", "ee", "oo", "ey", "ay":
				return true
			}
			return false
		}
		r := w.r
		if !pair(r[i-1], r[i]) {
			return true
		}
		// the vowel before ends a pair already: Feu-er, Bau-er
		return i >= 2 && !w.cut[i-1] && in(r[i-2], "aeiouäöüy") && pair(r[i-2], r[i-1])
	},
	fix: func(w word, nuclei []int) int {
		// -tion, -sion, -tient, -zia: the i is a glide (Nation, Patient)
		fix := 0
		for _, p := range nuclei {
			if p >= 2 && w.r[p-1] == 'i' && nucleusAt(nuclei, p-1) && in(w.r[p-2], "tsz") && in(w.r[p], "oea") {
				fix--
			}
		}
		return fix
	},
}
