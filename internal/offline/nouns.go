package offline

import (
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/plural"
)

// article returns "a" or "an" for the word that follows it, by sound:
// "an SMS", "an hour", "a user", "a QR code".
func article(next string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(next), " ")
	if w = strings.Trim(w, allPunct); w == "" {
		return "a"
	}
	lw := strings.ToLower(w)
	if plural.IsAcronym(w) {
		if strings.ContainsRune("AEFHILMNORSX", rune(w[0])) {
			return "an"
		}
		return "a"
	}
	for _, p := range []string{"uni", "use", "usu", "user", "one", "eu"} {
		if strings.HasPrefix(lw, p) {
			return "a"
		}
	}
	for _, p := range []string{"hour", "honest", "honour", "honor"} {
		if strings.HasPrefix(lw, p) {
			return "an"
		}
	}
	if isVowel(lw[0]) {
		return "an"
	}
	return "a"
}

// singular is plural.Singular, except that a noun ending in "ics" stays as
// it is ("analytics", "metrics", "clinics"), as offline has always read
// it: as a mass noun, or a plural whose singular the brief never needs.
// plural.Singular undoes plural.Noun ("metrics" → "metric"), which is how
// scaffold has always named the entity of a "/metrics" route.
func singular(w string) string {
	last := w
	if i := strings.LastIndexAny(w, " -"); i >= 0 {
		last = w[i+1:]
	}
	if strings.HasSuffix(strings.ToLower(last), "ics") {
		return w
	}
	return plural.Singular(w)
}

// isPlural reports whether a noun is plural ("patients"), as opposed to
// singular or mass ("staff").
func isPlural(w string) bool {
	if i := strings.LastIndexAny(w, " -"); i >= 0 {
		w = w[i+1:]
	}
	lw := strings.ToLower(w)
	if massNouns[lw] || plural.IsAcronym(w) {
		return false
	}
	return singular(lw) != lw
}

// kebabPlural turns an entity name into a REST collection path segment:
// "Queue entry" → "queue-entries", "Check-in" → "check-ins", "POS" →
// "poses". The name is made plural before it is lower-cased, so that an
// acronym keeps its plural.
func kebabPlural(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return ""
	}
	words[len(words)-1] = plural.Noun(words[len(words)-1])
	return strings.ToLower(strings.Join(words, "-"))
}

// snake turns words into a field name: "first name" → "first_name".
func snake(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("'s", "", "’s", "", "-", "_", "/", "_").Replace(s)
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
		if f == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(f)
	}
	return b.String()
}
