// Package plural writes English plurals: of a noun ("story" → "stories",
// "person" → "people") and of a count with its noun ("1 story",
// "3 stories"). It is the one pluraliser prodgen's documents, reports and
// generated prototypes share.
package plural

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// irregular holds the nouns the rules in Noun get wrong, by their
// lower-case singular; a noun that is its own plural, or has none, maps to
// itself.
var irregular = map[string]string{
	"person": "people", "child": "children", "man": "men", "woman": "women",
	"mouse": "mice", "foot": "feet", "tooth": "teeth", "goose": "geese",
	"criterion": "criteria",
	"data":      "data", "media": "media", "metadata": "metadata", "news": "news",
	"series": "series", "species": "species", "feedback": "feedback",
	"information": "information", "equipment": "equipment", "software": "software",
	"staff": "staff", "personnel": "personnel",
	// Nouns in -f and -fe whose plural is -ves.
	"shelf": "shelves", "half": "halves", "leaf": "leaves", "loaf": "loaves", "wolf": "wolves", "calf": "calves",
	"knife": "knives", "wife": "wives", "life": "lives", "thief": "thieves", "self": "selves",
}

// Noun returns the English plural of a noun, or of the last word of a
// compound joined by spaces or hyphens ("user story" → "user stories",
// "check-in" → "check-ins"). The rules, in order:
//
//   - an irregular noun takes its own plural ("person" → "people",
//     "criterion" → "criteria") or stays as it is ("staff", "data"), with
//     the capital of word's first letter ("Person" → "People");
//   - an acronym, a word in capitals, takes "es" after S, X, Z, CH or SH
//     ("SMS" → "SMSes") and "s" otherwise ("API" → "APIs");
//   - a consonant and "y" become "ies" ("story" → "stories"); a vowel and
//     "y" take "s" ("day" → "days");
//   - "is" becomes "es" ("analysis" → "analyses");
//   - "ss", "us", "x", "z", "ch" and "sh" take "es" ("address" →
//     "addresses", "status" → "statuses", "box" → "boxes");
//   - any other word ending in "s" is taken to be plural already
//     ("settings", "metrics");
//   - every other word takes "s" ("invoice" → "invoices").
func Noun(word string) string {
	if i := strings.LastIndexAny(word, " -"); i >= 0 {
		return word[:i+1] + Noun(word[i+1:])
	}
	lw := strings.ToLower(word)
	if p, ok := irregular[lw]; ok {
		return matchCase(p, word)
	}
	if IsAcronym(word) {
		if hasAnySuffix(lw, "s", "x", "z", "ch", "sh") {
			return word + "es"
		}
		return word + "s"
	}
	n, m := len(lw), len(word)
	switch {
	case n >= 2 && lw[n-1] == 'y' && !isVowel(lw[n-2]):
		return word[:m-1] + "ies"
	case strings.HasSuffix(lw, "is"):
		return word[:m-2] + "es"
	case hasAnySuffix(lw, "ss", "us", "x", "z", "ch", "sh"):
		return word + "es"
	case strings.HasSuffix(lw, "s"):
		return word
	}
	return word + "s"
}

// Singular returns the English singular of a noun, or of the last word of
// a compound joined by spaces or hyphens ("user stories" → "user story",
// "check-ins" → "check-in"). It undoes Noun for the nouns prodgen's briefs
// and specs use, and leaves a noun that is singular already, has no plural
// or is an acronym as it is ("status", "staff", "SMS"). The rules, in
// order:
//
//   - an irregular noun, singular or plural, gives its singular ("people" →
//     "person", "person" and "data" stay), with the capital of word's first
//     letter ("People" → "Person");
//   - an acronym stays ("SMS"), and loses the "s" or "es" Noun gives it
//     ("APIs" → "API", "SMSes" → "SMS");
//   - a word of fewer than three letters, and a word ending in "ss", "us"
//     or "is", stay ("as", "address", "status", "analysis");
//   - "ies" becomes "y" in a word of five letters or more ("stories" →
//     "story", but "ties" → "tie");
//   - "yses" becomes "ysis" ("analyses" → "analysis");
//   - "ouses", "auses" and the word "uses" lose the "s" ("houses" →
//     "house", "causes" → "cause");
//   - "sses", "uses", "xes", "zzes", "ches" and "shes" lose the "es"
//     ("addresses" → "address", "statuses" → "status", "boxes" → "box");
//   - any other final "s" goes ("invoices" → "invoice", "days" → "day",
//     "sizes" → "size", "metrics" → "metric");
//   - every other word is singular already ("invoice").
//
// Where English is ambiguous it guesses: "caches" → "cach", and Noun's
// "quizes" reads back as "quize".
func Singular(word string) string {
	if i := strings.LastIndexAny(word, " -"); i >= 0 {
		return word[:i+1] + Singular(word[i+1:])
	}
	lw := strings.ToLower(word)
	if _, ok := irregular[lw]; ok {
		return word
	}
	if s, ok := singulars[lw]; ok {
		return matchCase(s, word)
	}
	n := len(word)
	switch {
	case IsAcronym(word):
		return word
	case strings.HasSuffix(word, "es") && IsAcronym(word[:n-2]) && hasAnySuffix(lw[:len(lw)-2], "s", "x", "z", "ch", "sh"):
		return word[:n-2]
	case strings.HasSuffix(word, "s") && IsAcronym(word[:n-1]):
		return word[:n-1]
	case len(lw) < 3 || hasAnySuffix(lw, "ss", "us", "is"):
		return word
	case strings.HasSuffix(lw, "ies") && len(lw) > 4:
		return word[:n-3] + "y"
	case strings.HasSuffix(lw, "yses"):
		return word[:n-2] + "is"
	case hasAnySuffix(lw, "ouses", "auses") || lw == "uses":
		return word[:n-1]
	case hasAnySuffix(lw, "sses", "uses", "xes", "zzes", "ches", "shes"):
		return word[:n-2]
	case strings.HasSuffix(lw, "s"):
		return word[:n-1]
	}
	return word
}

// singulars is irregular the other way round: each irregular plural by its
// singular.
var singulars = func() map[string]string {
	m := make(map[string]string, len(irregular))
	for one, many := range irregular {
		m[many] = one
	}
	return m
}()

// Count writes n and the noun, the noun's plural unless n is 1: "1 story",
// "3 stories", "0 errors"; in a compound noun the last word is made
// plural ("2 acceptance criteria").
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + Noun(noun)
}

// IsAcronym reports whether w is written in capitals, with at least two
// letters ("SMS", "QR", "2FA"); "A" and "Api" are not.
func IsAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// matchCase gives s the capital of model's first letter.
func matchCase(s, model string) string {
	r, _ := utf8.DecodeRuneInString(model)
	if !unicode.IsUpper(r) {
		return s
	}
	first, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[size:]
}

// And lists items as English does: "A", "A and B", "A, B and C"; "" for
// none.
func And(items []string) string { return list(items, "and") }

// Or lists alternatives as And lists items: "A or B", "A, B or C".
func Or(items []string) string { return list(items, "or") }

func list(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}
