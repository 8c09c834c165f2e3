package brief

import (
	"regexp"
	"strings"
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
)

// headingSynonyms lists, per part, normalised headings that name it. Keys
// are lower case, without numbering, parentheticals or trailing punctuation.
var headingSynonyms = []struct {
	part  part
	names []string
}{
	{partSummary, []string{"summary", "overview", "tl;dr", "tldr", "elevator pitch", "pitch", "vision",
		"about", "description", "introduction", "intro", "executive summary", "product summary",
		"product overview", "what is it", "one-liner", "the idea", "idea", "concept"}},
	{partProblem, []string{"problem", "problem statement", "the problem", "why", "background", "context",
		"motivation", "pain points", "pains", "the pain", "why now", "why this", "why build this",
		"opportunity", "challenge", "current situation", "problem and context"}},
	{partUsers, []string{"users", "target users", "who", "who is it for", "who it's for", "who it is for",
		"audience", "target audience", "personas", "customers", "target customers", "user personas",
		"stakeholders", "user groups", "user types", "for whom", "who are the users"}},
	{partGoals, []string{"goals", "objectives", "outcomes", "aims", "goals and objectives", "goal",
		"product goals", "business goals", "desired outcomes", "okrs"}},
	{partFeatures, []string{"features", "what we will build", "what we'll build", "what we are building",
		"what", "mvp scope", "scope", "capabilities", "requirements", "functional requirements",
		"user needs", "key features", "solution", "proposal", "in scope", "mvp", "feature list",
		"proposed solution", "user stories", "use cases", "what it does", "functionality", "the solution"}},
	{partNonGoals, []string{"non-goals", "non goals", "nongoals", "out of scope", "not now", "not in scope",
		"won't do", "wont do", "later", "exclusions", "not doing", "what we won't build",
		"what we will not build", "future work", "not yet", "deferred", "anti-goals"}},
	{partConstraints, []string{"constraints", "must hold", "requirements and constraints",
		"non-functional requirements", "nonfunctional requirements", "nfrs", "nfr",
		"technical constraints", "limitations", "constraints and assumptions", "compliance",
		"guardrails", "quality attributes", "security and privacy", "security", "privacy",
		"constraints and requirements"}},
	{partMetrics, []string{"success metrics", "metrics", "how we will know", "how we'll know", "kpis",
		"measures of success", "success criteria", "success", "key metrics", "measurement",
		"how will we know", "definition of success", "success measures"}},
	{partGoalsAndNonGoals, []string{"goals and non-goals", "goals and nongoals", "goals and non goals",
		"goals and anti-goals", "objectives and non-objectives"}},
	{partRisks, []string{"risks", "assumptions", "risks and assumptions", "dependencies",
		"assumptions and risks", "risks and dependencies", "risks and mitigations"}},
	{partQuestions, []string{"open questions", "questions", "unknowns", "to decide", "tbd",
		"open issues", "things to decide", "decisions needed", "open points"}},
}

// headingKeywords is the fallback for headings not listed above, tried in
// order: the negative and more specific phrasings come first so "Features
// out of scope" is a non-goal and "User requirements" a feature list. A
// keyword of four or more letters also matches words it begins.
var headingKeywords = []struct {
	word string
	part part
}{
	{"non-goal", partNonGoals}, {"non goal", partNonGoals}, {"nongoal", partNonGoals},
	{"out of scope", partNonGoals}, {"not in scope", partNonGoals}, {"won't", partNonGoals},
	{"not doing", partNonGoals}, {"exclusion", partNonGoals},
	{"question", partQuestions}, {"unknown", partQuestions}, {"tbd", partQuestions},
	{"metric", partMetrics}, {"kpi", partMetrics}, {"success", partMetrics}, {"measure", partMetrics},
	{"risk", partRisks}, {"assumption", partRisks}, {"dependenc", partRisks},
	{"constraint", partConstraints}, {"non-functional", partConstraints}, {"nfr", partConstraints},
	{"limitation", partConstraints}, {"compliance", partConstraints}, {"guardrail", partConstraints},
	{"requirement", partFeatures}, {"feature", partFeatures}, {"capabilit", partFeatures},
	{"user stor", partFeatures}, {"use case", partFeatures},
	{"user", partUsers}, {"persona", partUsers}, {"customer", partUsers}, {"audience", partUsers},
	{"stakeholder", partUsers}, {"who", partUsers},
	{"scope", partFeatures}, {"solution", partFeatures}, {"mvp", partFeatures},
	{"goal", partGoals}, {"objective", partGoals}, {"outcome", partGoals},
	{"problem", partProblem}, {"pain", partProblem}, {"background", partProblem},
	{"motivation", partProblem}, {"why", partProblem},
	{"summary", partSummary}, {"overview", partSummary}, {"vision", partSummary},
	{"introduction", partSummary}, {"pitch", partSummary},
}

// maxKeywordWords keeps the keyword fallback to heading-like phrases: a long
// heading that happens to mention "users" is more likely a title.
const maxKeywordWords = 6

var synonymIndex = func() map[string]part {
	m := map[string]part{}
	for _, s := range headingSynonyms {
		for _, n := range s.names {
			m[n] = s.part
		}
	}
	return m
}()

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
	if p, ok := synonymIndex[h]; ok {
		return p
	}
	// "Goals — what success looks like": the words before a dash or colon
	// name the section, the rest explains it.
	if loc := dashSuffix().FindStringIndex(h); loc != nil {
		if p, ok := synonymIndex[strings.TrimSpace(h[:loc[0]])]; ok {
			return p
		}
	}
	if !fallback {
		return partNone
	}
	return keywordPart(h)
}

func keywordPart(h string) part {
	words := strings.Fields(h)
	if len(words) > maxKeywordWords {
		return partNone
	}
	padded := " " + h + " "
	for _, k := range headingKeywords {
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
	h = strings.TrimLeftFunc(h, notAlnum)
	h = stripNumbering(h)
	h = parenthetic().ReplaceAllString(h, "")
	h = strings.TrimFunc(h, func(r rune) bool { return notAlnum(r) && r != ';' })
	h = strings.TrimRight(h, ";")
	return strings.Join(strings.Fields(h), " ")
}

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
