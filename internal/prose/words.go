package prose

import (
	"strings"
	"sync"
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
// consistent. British and American spellings are not merged.
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

// IsStopWord reports whether a lower-case word is a function word
// (article, pronoun, auxiliary, preposition…) that a comparison of
// content leaves out.
func IsStopWord(w string) bool { return stopWords[w] }

// ContentStems lists the stems of a text's content words, in order: its
// words less stop words and light words ("available", "see", "shown",
// "system", "user"…), irregular past forms first taken to their base
// ("paid" is "pay").
func ContentStems(s string) []string {
	var out []string
	for _, w := range Words(s) {
		if stopWords[w] || lightWords[w] {
			continue
		}
		if b, ok := irregular[w]; ok {
			w = b
		}
		st := Stem(w)
		if lightStems()[st] {
			continue // "worked" as "works": light in every form
		}
		out = append(out, st)
	}
	return out
}

// lightStems are the stems of the light words, so that every form of a
// light word is light ("worked" as "works").
var lightStems = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for w := range lightWords {
		out[Stem(w)] = true
	}
	return out
})

// ContentSet is the set of ContentStems of a text.
func ContentSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, st := range ContentStems(s) {
		out[st] = true
	}
	return out
}

func setOf(ws ...string) map[string]bool {
	out := make(map[string]bool, len(ws))
	for _, w := range ws {
		out[w] = true
	}
	return out
}
