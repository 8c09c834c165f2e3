package offline

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	if isAcronym(w) {
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

// isAcronym reports whether w is written in capitals ("SMS", "PDF").
func isAcronym(w string) bool {
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

// singular returns the singular of an English noun, or of the last word of
// a compound ("walk-ins" → "walk-in", "Team leads" → "Team lead").
func singular(w string) string {
	if i := strings.LastIndexAny(w, " -"); i >= 0 {
		return w[:i+1] + singular(w[i+1:])
	}
	lw := strings.ToLower(w)
	if _, ok := irregularPlurals[lw]; ok {
		return w
	}
	if s, ok := irregularSingulars[lw]; ok {
		return matchCase(s, w)
	}
	switch {
	case len(lw) < 3 || isAcronym(w) || hasAnySuffix(lw, "ss", "us", "is", "ics"):
		return w
	case strings.HasSuffix(lw, "ies") && len(lw) > 4:
		return w[:len(w)-3] + "y"
	case hasAnySuffix(lw, "sses", "xes", "ches", "shes", "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(lw, "s"):
		return w[:len(w)-1]
	}
	return w
}

// isPlural reports whether a noun is plural ("patients"), as opposed to
// singular or mass ("staff").
func isPlural(w string) bool {
	if i := strings.LastIndexAny(w, " -"); i >= 0 {
		w = w[i+1:]
	}
	lw := strings.ToLower(w)
	if massNouns[lw] || isAcronym(w) {
		return false
	}
	return singular(lw) != lw
}

// matchCase gives s the capitalisation of model's first letter.
func matchCase(s, model string) string {
	r, _ := utf8.DecodeRuneInString(model)
	if unicode.IsUpper(r) {
		return upperFirst(s)
	}
	return s
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
