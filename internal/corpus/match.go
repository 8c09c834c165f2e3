package corpus

import (
	"strings"
	"unicode"
)

// Words splits a text into lower-case words: runs of letters and digits. A
// possessive "'s" is dropped first, so "tenant's" is "tenant".
func Words(s string) []string {
	s = strings.NewReplacer("'s ", " ", "’s ", " ").Replace(s + " ")
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Stem reduces a lower-case word to a light stem, so a word's plural and
// its -ed and -ing forms compare equal: "categories" and "category" give
// "category", "booked", "booking" and "books" give "book", "shared" and
// "sharing" give "shar", "planned" gives "plan". It is deliberately simple
// (no dictionary, nothing language-specific beyond these English endings)
// and is applied to both sides of a comparison, so it only has to be
// consistent. British and American spellings are not merged: keys list
// both when a brief could be read either way.
func Stem(w string) string {
	switch {
	case len(w) > 4 && (strings.HasSuffix(w, "ies") || strings.HasSuffix(w, "ied")):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !hasAnySuffix(w, "ss", "us", "is"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			w = undouble(w[:len(w)-len(suf)])
			break
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// undouble drops the second of two equal final consonants ("plann" →
// "plan"), except l, s and z, which stay doubled in the base word too
// ("install", "pass", "buzz").
func undouble(w string) string {
	n := len(w)
	if n < 2 || w[n-1] != w[n-2] || strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w
	}
	return w[:n-1]
}

func hasAnySuffix(s string, sufs ...string) bool {
	for _, suf := range sufs {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// stems is the set of stems of a text's words.
type stems map[string]bool

func stemsOf(s string) stems {
	out := stems{}
	for _, w := range Words(s) {
		out[Stem(w)] = true
	}
	return out
}

// has reports whether the text holds key: one of its "|"-separated
// alternatives, each of whose words must be there.
func (st stems) has(key string) bool {
	for _, alt := range strings.Split(key, "|") {
		ws := Words(alt)
		found := len(ws) > 0
		for _, w := range ws {
			found = found && st[Stem(w)]
		}
		if found {
			return true
		}
	}
	return false
}

// hasAll reports whether the text holds every key. An item without keys
// matches nothing.
func (st stems) hasAll(keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		if !st.has(k) {
			return false
		}
	}
	return true
}

// Matches reports whether text holds every key, by the rule of the package
// comment.
func Matches(text string, keys []string) bool {
	return stemsOf(text).hasAll(keys)
}
