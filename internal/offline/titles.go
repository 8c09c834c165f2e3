package offline

import "strings"

// storyTitle makes a short title: the requirement's action up to its
// first detail ("Join the queue", "See the live queue on a tablet"), or
// the thing a noun-phrase requirement names ("Team board").
func storyTitle(parts frParts) string {
	ts := tokenize(parts.body)
	if parts.kind == kindNoun && len(ts) > 0 && (ts[0].lw() == "a" || ts[0].lw() == "an") {
		ts = ts[1:]
	}
	ts = cutDetail(ts, parts.kind == kindNoun)
	if parts.kind == kindNoun && len(ts) > 5 {
		// A long noun phrase reads better as the thing alone: "Weekly
		// digest email", not "Weekly digest email to the lead and the".
		ts = nounParts(join(ts)).short
	}
	if parts.kind != kindNoun && wordCount(ts) > 6 {
		// A long action reads better as its first verb: "See the route
		// for the day", not "See the route for the day and mark"; a list
		// of bare verbs stays whole.
		if segs := segments(ts); len(segs) > 1 && len(segs[0].words) > 1 {
			ts = cutDetail(segs[0].words, false)
		}
	}
	for i, t := range ts {
		if t.lw() == "their" && (i+1 == len(ts) || ts[i+1].lw() != "own") {
			ts[i].text = "the" // a title names no one: "Reset the password"
		}
	}
	if len(ts) > 8 {
		ts = ts[:8]
	}
	for len(ts) > 1 {
		lw := ts[len(ts)-1].lw()
		last := ts[len(ts)-1]
		if !determiners[lw] && !prepositions[lw] && !conjunctions[lw] && !danglingWords[lw] && last.isWord() ||
			quoteMark(last.text) && quotesOpen(ts[:len(ts)-1]) || phrasal[ts[len(ts)-2].lw()+" "+lw] {
			break // ("Sign in" keeps its particle)
		}
		ts = ts[:len(ts)-1]
	}
	return upperFirst(balanceQuotes(join(trimPunct(ts))))
}

// danglingWords cannot end a title cut out of a longer phrase: "Book a
// wheel in two-hour slots up" (to a week ahead), "for tonight and the
// next" (14 nights).
var danglingWords = set("up", "next", "each", "every", "more", "less", "most", "least", "other", "same", "only", "own", "than", "as", "such")

// balanceQuotes drops the quotation marks of a phrase cut out of a longer
// one when they no longer pair: `pick a walker or "first available`.
func balanceQuotes(s string) string {
	if strings.Count(s, `"`)%2 == 1 {
		s = strings.ReplaceAll(s, `"`, "")
	}
	if strings.Count(s, "“") != strings.Count(s, "”") {
		s = strings.NewReplacer("“", "", "”", "").Replace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// cutDetail cuts a phrase at the first word that starts a detail: "by",
// "with", "when", a comma… A comma inside a list of bare verbs ("Create,
// update, finalize and void invoices") is not a cut.
func cutDetail(ts []token, noun bool) []token {
	cuts := set(",", ";", ":", "(", "by", "with", "when", "whenever", "where", "if", "from", "via",
		"using", "without", "so", "because", "while", "who", "which", "that")
	since := 0 // words since the last comma
	for i, t := range ts {
		lw := t.lw()
		if lw == "when" && i == 2 && whenObjectVerbs[ts[0].lw()] && pronounWords[ts[1].lw()] {
			continue // "Tell us when someone will be at home": what they tell
		}
		if i >= 2 && cuts[lw] && !(lw == "," && (since == 1 && lookupVerb(ts[i-1].lw()) != nil || listComma(ts, i))) {
			return ts[:i]
		}
		if noun && i >= 1 && strings.HasSuffix(lw, "ing") && i+1 < len(ts) && (determiners[ts[i+1].lw()] || possessives[ts[i+1].lw()]) {
			return ts[:i]
		}
		if noun && i == 1 && (lw == "that" || lw == "which" || lw == "who") {
			return ts[:i] // "Dashboard that shows revenue" → "Dashboard"
		}
		since++
		if lw == "," {
			since = 0
		}
	}
	return ts
}

// listComma reports whether the comma at i separates single words of a
// list ("called, seen or left").
func listComma(ts []token, i int) bool {
	if i+2 >= len(ts) || !ts[i+1].isWord() {
		return false
	}
	next := ts[i+2].lw()
	return next == "," || next == "or" || next == "and"
}

// wordCount counts the words among tokens.
func wordCount(ts []token) int {
	n := 0
	for _, t := range ts {
		if t.isWord() {
			n++
		}
	}
	return n
}
