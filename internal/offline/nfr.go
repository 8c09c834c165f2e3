package offline

import (
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/plural"
)

// stateVerbs describe how things are, not what the system does; a
// sentence built on one is a fact ("Clinics have 1–3 front-desk staff"),
// and putting "must" in it would change its meaning.
var stateVerbs = set("have", "live", "exist", "want", "need", "cost", "belong", "mean", "know", "think",
	"assume", "seem", "look", "lack", "own", "expect", "hope", "like", "prefer", "spend", "come", "go",
	"happen", "become", "feel", "say")

// constraintText phrases a constraint as a requirement while keeping the
// brief's words and numbers. Each clause (split at ";") gets "must" where
// it has a verb that can take one: "Pages load in…" → "Pages must load
// in…", "store them encrypted" → "the system must store them encrypted",
// "members can delete" → "members must be able to delete". A clause with
// "must" already, without a verb, or stating a fact stays as written. A
// leading label ("HIPAA:") is kept.
func constraintText(text string, proper map[string]bool) string {
	body := bare(clean(markdown.Plain(text)))
	ws := strings.Fields(body)
	for i, w := range ws {
		if words, ok := comparisons[w]; ok && i+1 < len(ws) && hasDigit(ws[i+1]) {
			ws[i] = words
		}
	}
	body = strings.Join(ws, " ")
	label := ""
	if l, rest, ok := strings.Cut(body, ": "); ok && isLabel(l) {
		label, body = l, rest
	}
	clauses := strings.Split(body, "; ")
	for i, c := range clauses {
		clauses[i] = mustClause(c, proper)
	}
	out := strings.Join(clauses, "; ")
	if label != "" {
		return sentence(label + ": " + out)
	}
	return sentence(out)
}

// isLabel reports whether the text before a colon is a short label
// ("HIPAA", "Budget") rather than part of a sentence.
func isLabel(s string) bool {
	ts := tokenize(s)
	if len(ts) == 0 || len(ts) > 3 {
		return false
	}
	for _, t := range ts {
		if !t.isWord() || verbForm(t.lw()) != nil && !plural.IsAcronym(t.text) {
			return false
		}
	}
	return true
}

// mustClause puts "must" into one clause where it safely goes.
func mustClause(c string, proper map[string]bool) string {
	ts := tokenize(c)
	if len(ts) == 0 {
		return c
	}
	for _, t := range ts[1:] {
		if lw := t.lw(); lw == "must" || lw == "shall" {
			return c
		}
	}
	switch lw := ts[0].lw(); {
	case lw == "must" || lw == "shall" || lw == "should" || lw == "will":
		return "the system must " + join(ts[1:])
	case lw == "can":
		return "the system must be able to " + join(ts[1:])
	case isImperative(ts) && !namedThing(ts) && !(len(ts) > 2 && auxWords[ts[2].lw()]):
		// ("Label printers are Zebra units" is a statement, not "label X".)
		return "the system must " + lowerFirst(c, proper)
	case verbForm(lw) != nil && verbForm(lw).third == lw && lw != verbForm(lw).base && !(len(ts) > 1 && (auxWords[ts[1].lw()] || conjunctions[ts[1].lw()])):
		// "Works on iOS and Android": the product is the subject. ("Records
		// are kept…" has its own.)
		return "the system must " + verbForm(lw).base + " " + join(ts[1:])
	}
	if out, ok := wantsClause(ts); ok {
		return out
	}
	if out, ok := sentVia(ts); ok {
		return out
	}
	i, ok := finiteVerb(ts)
	if !ok {
		if out, ok := verblessClause(ts); ok {
			return out
		}
		return c
	}
	if pronouns[ts[i-1].lw()] && i == 1 || ts[i-1].lw() == "only" {
		// "phones only need to read…" states a scope: "must" would
		// change it.
		return c
	}
	if i+1 < len(ts) && (ts[i+1].lw() == "and" || ts[i+1].lw() == "or" || ts[i+1].text == ",") {
		// "Electronic records and signatures meet…": a noun in a list,
		// not the verb; the statement stands as written.
		return c
	}
	return replaceVerb(ts, i, c)
}

// auxWords follow a subject as its verb: "Records are kept", "Data is
// stored", "Keys can be revoked".
var auxWords = set("is", "are", "was", "were", "can", "must", "will", "shall", "should", "may")

// namedThing reports whether a clause opens with a name of two capitalised
// words ("React Native (Expo) app…"), which a verb that is also its first
// word ("react") does not make an instruction.
func namedThing(ts []token) bool {
	if len(ts) < 2 || !ts[1].isWord() {
		return false
	}
	r := []rune(ts[1].text)
	return unicode.IsUpper(r[0]) && !plural.IsAcronym(ts[1].text)
}

// comparisons are written out in words, so the brief's "< 200ms" reads
// "under 200ms" inside a sentence.
var comparisons = map[string]string{"<": "under", "<=": "at most", "≤": "at most", ">": "over", ">=": "at least", "≥": "at least"}

// verblessClause gives "must" to a clause without a verb where its shape
// makes the missing verb plain: a quality of the product ("GDPR
// compliant"), a bound ("Response time under 200ms"), or a passive with
// its "is" left out ("All data stored in the EU").
func verblessClause(ts []token) (string, bool) {
	if pronouns[ts[0].lw()] {
		return "", false // "we assume…": someone's belief, not a requirement
	}
	last := ts[len(ts)-1].lw()
	if last == "compliant" || last == "compatible" || last == "accessible" || last == "responsive" {
		return "the system must be " + join(ts), true
	}
	for i := 1; i < len(ts); i++ {
		lw := ts[i].lw()
		if !ts[i-1].isWord() || verbForm(ts[i-1].lw()) != nil && !isPlural(ts[i-1].lw()) {
			return "", false
		}
		bound := (lw == "under" || lw == "below" || lw == "over" || lw == "above" || lw == "within") && i+1 < len(ts) && hasDigit(ts[i+1].text) ||
			wordsAt(ts, i, []string{"at", "least"}) || wordsAt(ts, i, []string{"at", "most"}) ||
			(lw == "less" || lw == "more" || lw == "fewer") && i+1 < len(ts) && ts[i+1].lw() == "than"
		if bound || isParticiple(lw) {
			out := append(append([]token(nil), ts[:i]...), token{"must be", true})
			return join(append(out, ts[i:]...)), true
		}
	}
	return "", false
}

// replaceVerb rewrites the finite verb at i with "must".
func replaceVerb(ts []token, i int, c string) string {
	lw := ts[i].lw()
	next := ""
	if i+1 < len(ts) {
		next = ts[i+1].lw()
	}
	var with string
	skip := 1
	switch {
	case lw == "can":
		with = "must be able to"
	case lw == "should" || lw == "will" || lw == "shall":
		with = "must"
	case modals[lw]:
		return c // "would", "may", "could": a guess, not a requirement
	case (lw == "is" || lw == "are") && describesState(next):
		with = "must be"
	case lw == "is" || lw == "are":
		return c // "names are PHI" defines, it does not require
	case next == "to" && (lw == "has" || lw == "have" || lw == "needs" || lw == "need"):
		with, skip = "must", 2
	default:
		v := verbForm(lw)
		if v == nil || stateVerbs[v.base] {
			return c
		}
		with = "must " + v.base
	}
	out := append(append([]token(nil), ts[:i]...), token{with, true})
	return join(append(out, ts[i+skip:]...))
}

// describesState reports whether a word after "is"/"are" makes the clause
// a requirement: a participle or an -able adjective ("is versioned",
// "are available").
func describesState(w string) bool {
	return isParticiple(w) || strings.HasSuffix(w, "ed") || hasAnySuffix(w, "able", "ible") || w == "encrypted"
}

// wantsClause rewrites "Security wants the data encrypted on the device"
// as "the data must be encrypted on the device": someone wanting a thing
// in a state is a requirement on that thing.
func wantsClause(ts []token) (string, bool) {
	for i := 1; i < len(ts)-2 && i <= 3; i++ {
		lw := ts[i].lw()
		if lw != "wants" && lw != "requires" && lw != "needs" && lw != "want" && lw != "require" && lw != "need" {
			continue
		}
		if ts[i+1].lw() == "to" {
			return "", false // "phones only need to read…": a verb, not a thing needed
		}
		for j := i + 2; j < len(ts) && j <= i+5; j++ {
			if !ts[j].isWord() || prepositions[ts[j].lw()] {
				return "", false
			}
			if isParticiple(ts[j].lw()) || strings.HasSuffix(ts[j].lw(), "ed") {
				np := join(ts[i+1 : j])
				return np + " must be " + join(ts[j:]), true
			}
		}
		return "", false
	}
	return "", false
}

// sentVia rewrites "SMS via a third-party gateway" as "SMS must be sent
// via a third-party gateway": a message going via something is sent
// through it, so "sent" adds no fact.
func sentVia(ts []token) (string, bool) {
	for i := 1; i < len(ts) && i <= 3; i++ {
		lw := ts[i].lw()
		if lw != "via" && lw != "through" {
			continue
		}
		head := strings.ToLower(singular(ts[i-1].text))
		if !messageNouns[head] {
			return "", false
		}
		return join(ts[:i]) + " must be sent " + join(ts[i:]), true
	}
	return "", false
}
