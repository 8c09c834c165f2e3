package brief

import (
	"regexp"
	"strings"
	"sync"
)

// part is what a heading (or a "Label:" line) introduces. The exported Part*
// names cover only the parts reported in Missing; summary, risks and open
// questions are optional in a brief.
type part int

const (
	partNone part = iota
	partSummary
	partProblem
	partUsers
	partGoals
	partFeatures
	partNonGoals
	partConstraints
	partMetrics
	partRisks
	partQuestions
	// partGoalsAndNonGoals is a combined section whose negative items
	// ("No recipe features") are non-goals and the rest goals.
	partGoalsAndNonGoals
	// partLater is a section of features for after the first release
	// ("Later", "Roadmap"); in a scope it becomes partFeatures, later.
	partLater
	// partPlan is what is no requirement of the product: team, budget,
	// timeline, launch, the project's housekeeping.
	partPlan
	// partTech is the technology the product is built with, read as
	// constraints.
	partTech
	// partFlows retells the features as flows or journeys.
	partFlows
	// partContainer is a heading that says nothing of its content ("User
	// experience"), which is read by what it says.
	partContainer
)

// partNames are the names of the parts in lexicon/headings.txt.
var partNames = headingLists(map[string]part{
	"summary": partSummary, "problem": partProblem, "users": partUsers, "goals": partGoals,
	"features": partFeatures, "non-goals": partNonGoals, "constraints": partConstraints,
	"metrics": partMetrics, "risks": partRisks, "questions": partQuestions,
	"goals and non-goals": partGoalsAndNonGoals, "later": partLater, "plan": partPlan,
	"tech": partTech, "flows": partFlows, "containers": partContainer,
})

// headingLists records the lists lexicon/headings.txt must hold.
func headingLists(parts map[string]part) map[string]part {
	for name := range parts {
		use("heading " + name)
	}
	use("heading keywords")
	return parts
}

// headingKeyword is one line of the keyword fallback: a heading holding
// word introduces part.
type headingKeyword struct {
	word string
	part part
}

// headingLexicon is lexicon/headings.txt read: whole headings by their
// part, and the ordered keyword fallback.
var headingLexicon = sync.OnceValue(func() (h struct {
	synonyms map[string]part
	keywords []headingKeyword
}) {
	h.synonyms = map[string]part{}
	for name, pt := range partNames {
		for _, n := range phraseList("heading " + name) {
			h.synonyms[n] = pt
		}
	}
	for _, line := range phraseList("heading keywords") {
		word, name, ok := strings.Cut(line, " = ")
		pt, known := partNames[strings.TrimSpace(name)]
		if !ok || !known {
			panic("brief: bad heading keyword line " + line)
		}
		h.keywords = append(h.keywords, headingKeyword{strings.TrimSpace(word), pt})
	}
	return h
})

// maxKeywordWords keeps the keyword fallback to heading-like phrases: a long
// heading that happens to mention "users" is more likely a title.
const maxKeywordWords = 6

var (
	numberPrefix = lazyRegexp(`(?i)^(?:(?:step|part|section|phase|chapter)\s+)?\d+(?:\.\d+)*\.?\s*(?:[):.\-–—]\s*)*`)
	letterPrefix = lazyRegexp(`(?i)^(?:(?:step|part|section|phase|chapter)\s+)?(?:[a-z]|[ivxlc]+)\s*[.):\-–—]\s*`)
	parenthetic  = lazyRegexp(`\s*(?:\([^)]*\)|\[[^\]]*\])`)
	dashSuffix   = lazyRegexp(`\s+[—–-]\s+|:\s+`)
)

// classifyHeading says which part a heading introduces, or partNone.
func classifyHeading(title string) part {
	return classify(title, true)
}

// classifyExact is classifyHeading without the keyword fallback, for the
// first H1, which is a product name far more often than a section.
func classifyExact(title string) part {
	return classify(title, false)
}

func classify(title string, fallback bool) part {
	h := normalizeHeading(title)
	if h == "" {
		return partNone
	}
	if p, ok := headingLexicon().synonyms[h]; ok {
		return p
	}
	// "Goals — what success looks like": the words before a dash or colon
	// name the section, the rest explains it.
	if loc := dashSuffix().FindStringIndex(h); loc != nil {
		if p, ok := headingLexicon().synonyms[strings.TrimSpace(h[:loc[0]])]; ok {
			return p
		}
	}
	// "How we will know it works": a heading of several words that opens
	// with one of them, at a word's end.
	if p, ok := synonymPrefix(h); ok {
		return p
	}
	if !fallback {
		return partNone
	}
	return keywordPart(h)
}

// synonymPrefix finds the longest heading synonym of three words or more
// that h opens with.
func synonymPrefix(h string) (part, bool) {
	w := strings.Fields(h)
	for n := len(w) - 1; n >= 3; n-- {
		if p, ok := headingLexicon().synonyms[strings.Join(w[:n], " ")]; ok {
			return p, true
		}
	}
	return partNone, false
}

func keywordPart(h string) part {
	words := strings.Fields(h)
	if len(words) > maxKeywordWords {
		return partNone
	}
	padded := " " + h + " "
	for _, k := range headingLexicon().keywords {
		if strings.Contains(k.word, " ") {
			if strings.Contains(padded, " "+k.word+" ") || strings.Contains(padded, " "+k.word+"s ") {
				return k.part
			}
			continue
		}
		for _, w := range words {
			if w == k.word || w == k.word+"s" || (len(k.word) >= 4 && strings.HasPrefix(w, k.word)) {
				return k.part
			}
		}
	}
	return partNone
}

// normalizeHeading lower-cases a heading and removes what varies between
// authors without changing its meaning: inline markup, numbering such as
// "1)", "2.", "Step 4:" or "A.", parentheticals, emoji and punctuation at
// either end, and typographic apostrophes.
func normalizeHeading(title string) string {
	h := strings.ToLower(plain(title))
	h = strings.NewReplacer("’", "'", "‘", "'", "&", " and ", "+", " and ", "/", " and ").Replace(h)
	h = contractions.Replace(h)
	h = strings.TrimLeftFunc(h, notAlnum)
	h = stripNumbering(h)
	h = parenthetic().ReplaceAllString(h, "")
	h = strings.TrimFunc(h, func(r rune) bool { return notAlnum(r) && r != ';' })
	h = strings.TrimRight(h, ";")
	return strings.Join(strings.Fields(h), " ")
}

// contractions are spelt out in a heading, so "What's not included?"
// and "What is not included" are one heading.
var contractions = strings.NewReplacer("what's", "what is", "who's", "who is", "it's", "it is",
	"that's", "that is", "there's", "there is", "we're", "we are", "they're", "they are",
	"we'll", "we will", "it'll", "it will", "we've", "we have")

// stripNumbering removes one numbering prefix from a heading,
// keeping it when nothing would remain ("2026" or "A." alone).
func stripNumbering(h string) string {
	for _, re := range []func() *regexp.Regexp{numberPrefix, letterPrefix} {
		if loc := re().FindStringIndex(h); loc != nil && loc[1] > 0 && loc[1] < len(h) {
			return strings.TrimLeftFunc(h[loc[1]:], notAlnum)
		}
	}
	return h
}

// cleanHeading is a heading as a reader would quote it: inline markup and
// numbering gone, case kept.
func cleanHeading(title string) string {
	h := strings.TrimLeftFunc(strings.TrimSpace(plain(title)), notAlnum)
	return strings.TrimSpace(stripNumbering(h))
}
