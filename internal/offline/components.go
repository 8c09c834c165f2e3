package offline

import (
	"strings"
)

// mentions reports whether text uses any of the keywords, as a word, a
// lemma or (with a space or hyphen) a phrase.
func mentions(text string, keywords ...string) bool {
	lower := " " + strings.ToLower(strings.Join(strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune(" ,.;:()\"“”!?", r)
	}), " ")) + " "
	words := map[string]bool{}
	for _, t := range tokenize(strings.ToLower(text)) {
		w := strings.TrimSuffix(t.lw(), "'s")
		words[w] = true
		words[lemma(w)] = true
	}
	for _, k := range keywords {
		if k == "report:" {
			if reportsAsOutput(text) {
				return true
			}
			continue
		}
		if strings.ContainsAny(k, " -") && strings.Contains(lower, " "+k+" ") || words[k] {
			return true
		}
	}
	return false
}

// reportsAsOutput reports whether text asks for reports as output ("sees
// daily reports", "view reports") rather than naming a thing called a
// report ("expense reports", "a report is approved").
func reportsAsOutput(text string) bool {
	ts := tokenize(strings.ToLower(text))
	for i, t := range ts {
		if lemma(t.lw()) != "report" || i == 0 {
			continue
		}
		prev := ts[i-1].lw()
		if prev == "annual" || prev == "custom" || prev == "summary" || strings.HasSuffix(prev, "ly") && len(prev) > 4 {
			return true
		}
		if v := verbForm(prev); v != nil && (viewVerbs[v.base] || receiveVerbs[v.base]) {
			return true
		}
	}
	return false
}
