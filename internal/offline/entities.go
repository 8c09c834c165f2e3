package offline

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// maxEntities caps the data model: a spec with more than a handful of
// entities from word matching is mostly noise.
const maxEntities = 8

// entityName names the thing a noun phrase refers to, or reports that it
// is not a stored thing (a channel, a screen, a time, an activity).
// Determiners, possessors and adjectives go ("the day's findings" →
// Finding, "scheduled work orders" → Work order); "history" means a list
// of the thing ("check-in history" → Check-in); a log holds entries.
func entityName(np []token) (string, bool) {
	var ws []token
	for _, t := range np {
		if !t.isWord() {
			break
		}
		lw := t.lw()
		if prepositions[lw] || conjunctions[lw] {
			break
		}
		switch {
		case strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "’s"):
			ws = ws[:0] // the possessor is another thing
		case determiners[lw] || lw == "only" || hasDigit(lw) || pronouns[lw]:
		default:
			ws = append(ws, t)
		}
	}
	for len(ws) > 1 && isAdjective(ws[0].lw()) {
		ws = ws[1:]
	}
	if len(ws) > 1 && ws[len(ws)-1].lw() == "history" {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return "", false
	}
	last := ws[len(ws)-1].lw()
	head := strings.ToLower(singular(ws[len(ws)-1].text)) // "SMS" stays "sms"
	// "rendering" is an activity; "findings" are things.
	activity := verbForm(last) != nil && verbForm(last).ing == last
	if nonEntities[head] || uiNouns[head] || messageNouns[head] || activity {
		return "", false
	}
	words := make([]string, len(ws))
	for i, t := range ws {
		words[i] = t.text
		if !plural.IsAcronym(t.text) {
			words[i] = t.lw()
		}
	}
	words[len(words)-1] = singular(words[len(words)-1])
	if head == "log" {
		words = append(words, "entry")
	}
	return upperFirst(strings.Join(words, " ")), true
}

// isAdjective reports whether a word before a noun describes it rather
// than naming it: "live", "daily", "flagged", "multi-currency".
func isAdjective(w string) bool {
	if adjectives[w] || len(w) > 4 && strings.HasSuffix(w, "ly") || isParticiple(w) {
		return true
	}
	if strings.HasSuffix(w, "ed") && len(w) > 4 {
		return true
	}
	for _, p := range []string{"multi-", "non-", "cross-", "self-", "pre-", "post-"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return hasAnySuffix(w, "able", "ible")
}

// fieldList reads the fields a phrase lists: "a cadence (daily, weekdays,
// weekly) and an owner" gives cadence (notes "daily, weekdays, weekly")
// and owner. one makes plural names singular ("tax rates" → tax_rate),
// as for the fields of one item; a report's columns keep their number.
func fieldList(ts []token, one bool) []artifact.Field {
	var out []artifact.Field
	var item []token
	depth := 0
	flush := func() {
		if f, ok := fieldOf(item, one); ok {
			out = append(out, f)
		}
		item = nil
	}
	for _, t := range ts {
		switch lw := t.lw(); {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case depth == 0 && (t.text == "," || lw == "and" || lw == "or"):
			flush()
			continue
		case depth == 0 && (t.text == ";" || t.text == "." || prepositions[lw] && lw != "per" && lw != "of"):
			flush()
			return out
		}
		item = append(item, t)
	}
	flush()
	return out
}

// fieldOf makes one field from a listed item.
func fieldOf(item []token, one bool) (artifact.Field, bool) {
	var words, notes []token
	depth := 0
	for _, t := range item {
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case depth > 0:
			notes = append(notes, t)
		case !determiners[t.lw()] && t.lw() != "only" && t.isWord():
			words = append(words, t)
		}
	}
	if len(words) == 0 {
		return artifact.Field{}, false
	}
	// The head is the word before "per"/"of": "arrivals per hour" is a
	// field, "a few taps" is not.
	head := words[len(words)-1]
	for i, w := range words {
		if i > 0 && (w.lw() == "per" || w.lw() == "of") {
			head = words[i-1]
			break
		}
	}
	if h := strings.ToLower(singular(head.text)); nonEntities[h] || pronouns[h] {
		return artifact.Field{}, false
	}
	if one {
		words[len(words)-1].text = singular(words[len(words)-1].text)
	}
	name := snake(join(words))
	return artifact.Field{Name: name, Type: fieldType(name), Notes: join(trimPunct(notes))}, true
}

// fieldType guesses a field's type from its name only where the name
// makes it plain; everything else is a string.
func fieldType(name string) string {
	parts := strings.Split(name, "_")
	has := func(words ...string) bool {
		for _, p := range parts {
			for _, w := range words {
				if p == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case strings.HasSuffix(name, "_at") || has("date", "time", "timestamp", "deadline"):
		return "timestamp"
	case strings.HasPrefix(name, "is_") || strings.HasPrefix(name, "has_"):
		return "boolean"
	case has("count", "quantity") || name == "number" || strings.HasPrefix(name, "number_of"):
		return "integer"
	case has("amount", "price", "total", "cost", "balance", "rate", "discount"):
		return "decimal"
	}
	return "string"
}
