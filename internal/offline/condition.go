package offline

import (
	"strings"
	"unicode"
)

// thresholds maps the words that open a threshold to the words that state
// its other side, with "N" for the amount: "more than 10 minutes" → "10
// minutes or less".
var thresholds = []struct {
	words []string
	other string
}{
	{[]string{"more", "than"}, "N or less"},
	{[]string{"less", "than"}, "N or more"},
	{[]string{"fewer", "than"}, "N or more"},
	{[]string{"at", "least"}, "less than N"},
	{[]string{"at", "most"}, "more than N"},
	{[]string{"up", "to"}, "more than N"},
	{[]string{"under"}, "N or more"},
	{[]string{"below"}, "N or more"},
	{[]string{"over"}, "N or less"},
	{[]string{"above"}, "N or less"},
}

// otherSide rewrites a condition with a threshold to its other side, so a
// criterion can check that nothing happens there.
func otherSide(cond []token) ([]token, bool) {
	for i := range cond {
		for _, th := range thresholds {
			n := len(th.words)
			if i+n >= len(cond) || !wordsAt(cond, i, th.words) || !hasDigit(cond[i+n].text) {
				continue
			}
			end := i + n + 1
			for end < len(cond) && cond[end].isWord() && !prepositions[cond[end].lw()] && !conjunctions[cond[end].lw()] {
				end++
			}
			amount := join(cond[i+n : end])
			repl := tokenize(strings.Replace(th.other, "N", strings.TrimSpace(amount), 1))
			repl[0].space = cond[i].space
			out := append(append(append([]token(nil), cond[:i]...), repl...), cond[end:]...)
			return out, true
		}
	}
	return nil, false
}

// wordsAt reports whether ts holds words at i.
func wordsAt(ts []token, i int, words []string) bool {
	for k, w := range words {
		if i+k >= len(ts) || ts[i+k].lw() != w {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// negate puts "not" into a clause: after its first auxiliary ("they are
// not third in line"), or as "does not"/"do not" before its verb.
func negate(cond []token) ([]token, bool) {
	for _, t := range cond {
		if lw := t.lw(); lw == "not" || lw == "never" || lw == "no" {
			return nil, false // already negative; its opposite is not safe to guess
		}
	}
	for i, t := range cond {
		lw := t.lw()
		switch {
		case lw == "is" || lw == "are" || lw == "am" || lw == "was" || lw == "were" || lw == "can" || lw == "will" ||
			(lw == "has" || lw == "have") && i+1 < len(cond) && (isParticiple(cond[i+1].lw()) || strings.HasSuffix(cond[i+1].lw(), "ed")):
			// "the kiln has cooled" → "the kiln has not cooled"
			out := append(append([]token(nil), cond[:i+1]...), token{"not", true})
			return append(out, cond[i+1:]...), true
		case i > 0 && verbForm(lw) != nil && verbForm(lw).third == lw && verbForm(lw).base != lw:
			out := append(append([]token(nil), cond[:i]...), token{"does", true}, token{"not", true}, token{verbForm(lw).base, true})
			return append(out, cond[i+1:]...), true
		case i > 0 && baseVerb(lw) != nil && (cond[i-1].lw() == "they" || cond[i-1].lw() == "we" || pluralNoun(cond[i-1].text)):
			out := append(append([]token(nil), cond[:i]...), token{"do", true}, token{"not", true})
			return append(out, cond[i:]...), true
		}
	}
	return nil, false
}

// dropNot removes the first "not" of a clause ("who have not checked in"
// → "who have checked in").
func dropNot(ts []token) ([]token, bool) {
	for i, t := range ts {
		if t.lw() == "not" {
			return append(append([]token(nil), ts[:i]...), ts[i+1:]...), true
		}
	}
	return ts, false
}

// notAmong names someone outside the recipients a phrase lists: "a person
// who is not the lead or the manager", "a person who is not one of the
// managers".
func notAmong(ts []token) string {
	ts = headPhrase(ts) // "the ward manager with the reason": the ward manager
	switch {
	case len(ts) == 0:
		return "a person who is not a recipient"
	case determiners[ts[0].lw()] || possessives[ts[0].lw()]:
		return "a person who is not " + orList(ts)
	case isPlural(nounHead(ts)):
		return "a person who is not one of the " + orList(ts)
	}
	return "a person who is not " + article(join(ts)) + " " + orList(ts)
}

// orList turns "the lead and the manager" into "the lead or the manager",
// for saying who is not among them.
func orList(ts []token) string {
	out := append([]token(nil), ts...)
	for i, t := range out {
		if t.lw() == "and" {
			out[i].text = "or"
		}
	}
	return join(out)
}
