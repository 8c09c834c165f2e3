package brief

import (
	"regexp"
	"strings"
	"sync"
)

// The cue lists and word sets of the reader are data, in lexicon/*.txt:
// extend a list to teach the parser a new phrasing. Cues match whole
// words, case-insensitively; a trailing "*" matches any word that begins
// with the cue ("encrypt*" matches "encrypted").

// productCues find the sentence that says what the product is; it becomes
// the summary and sentences before it are the problem.
var productCues = []func() *regexp.Regexp{
	lazyRegexp(`(?i)\bwe(?:'d| would)? (?:want|need|plan|intend|propose|like|aim|are going|are planning)\b.{0,80}?\b(?:app|application|tool|service|platform|product|system|site|website|bot|api|dashboard|portal|solution|program|device)s?\b`),
	lazyRegexp(`(?i)\bwe(?:'re| are| will be) (?:building|creating|making|launching|developing|proposing)\b`),
	lazyRegexp(`(?i)^(?:the idea|our idea|the plan|the proposal) is\b`),
	// A sentence that opens by naming a new thing: "A dispatch board for
	// small plumbing companies."
	lazyRegexp(`(?i)^an? [^.;:]{0,60}?\b(?:app|application|tool|service|platform|product|system|board|dashboard|site|website|bot|api|marketplace|portal|tracker|assistant|plugin|extension)\b\s+(?:for|that|which|to|where|who|helping|letting)\b`),
}

// nonGoalLeads precede what will not be done: "We are not trying to
// replace X or build Y."
var nonGoalLeads = lexPhrases("non-goal leads")

// nonGoalTails follow what will not be done: "Route planning is out of
// scope."
var nonGoalTails = lexPhrases("non-goal tails")

// metricCues mark a sentence about how success is measured.
var metricCues = newCues("metric cues")

// metricLeadIn is the opening of a metric sentence that is not part of any
// metric: "If it works, …", "Success means …".
var metricLeadIn = lazyRegexp(`(?i)^(?:if (?:it|this|we|the \w+) (?:works?|succeeds?|ships?|lands?)|success (?:looks like|means|is|would be)|we(?:'ll| will| would|'d) know (?:it(?:'s| is)? work(?:s|ing|ed)|we(?:'ve| have)? succeeded)(?: when| if)?)\s*[,:]?\s*`)

// constraintCues mark a sentence stating a limit the product must respect.
var constraintCues = newCues("constraint cues")

// problemCues mark a sentence about today's pain, used when no product
// statement separates the problem from the rest.
var problemCues = newCues("problem cues")

// cueSet is a lexicon list of cues, compiled on first use.
type cueSet struct{ re func() *regexp.Regexp }

func newCues(list string) cueSet {
	use(list)
	return cueSet{re: sync.OnceValue(func() *regexp.Regexp { return cueRegexp(phraseList(list)) })}
}

// cueRegexp matches any of the cues as whole words.
func cueRegexp(cues []string) *regexp.Regexp {
	alts := make([]string, len(cues))
	for i, w := range cues {
		if prefix, ok := strings.CutSuffix(w, "*"); ok {
			alts[i] = regexp.QuoteMeta(prefix) + `[\pL-]*`
		} else {
			alts[i] = regexp.QuoteMeta(w)
		}
	}
	return regexp.MustCompile(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN])`)
}

func (c cueSet) match(s string) bool { return c.re().MatchString(s) }

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp on every call, from any goroutine.
// Compiling every pattern of the package at start-up cost every prodgen
// command several milliseconds, even those that never read a brief.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// Word sets of the reader, from lexicon/words.txt, where each is
// explained.
var (
	roleWords       = lexSet("roles")
	roleExclusions  = lexSet("role exclusions")
	featureVerbs    = lexSet("feature verbs")
	modalWords      = lexSet("modal words")
	pronounSubjects = lexSet("pronoun subjects")
	productNouns    = lexSet("product nouns")
	stopWords       = lexSet("stop words")
)
