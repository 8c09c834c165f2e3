package brief

import (
	"regexp"
	"strings"
	"sync"
)

// The cue lists below drive the reading of prose-only briefs (prose.go).
// They are data: extend a list to teach the parser a new phrasing. Cues
// match whole words, case-insensitively; a trailing "*" matches any word
// that begins with the cue ("encrypt*" matches "encrypted").

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
var nonGoalLeads = []string{"not trying to", "we won't", "we will not", "we're not going to",
	"we are not going to", "we don't want to", "we do not want to", "not planning to",
	"no plans to", "we don't need to", "we do not need to", "won't try to", "not aiming to",
	"we are not building", "we're not building", "we are not", "we're not"}

// nonGoalTails follow what will not be done: "Route planning is out of scope."
var nonGoalTails = []string{"is out of scope", "are out of scope", "is not in scope",
	"are not in scope", "is not a goal", "are not goals", "is a non-goal", "are non-goals",
	"can wait", "comes later", "come later"}

// metricCues mark a sentence about how success is measured.
var metricCues = newCues("if it works", "if this works", "if it succeeds", "success looks like",
	"success means", "we'll know", "we will know", "measure*", "metric*", "kpi*",
	"should drop", "should fall", "should rise", "should grow", "should double",
	"should halve", "should increase", "should decrease", "should go down", "should go up")

// metricLeadIn is the opening of a metric sentence that is not part of any
// metric: "If it works, …", "Success means …".
var metricLeadIn = lazyRegexp(`(?i)^(?:if (?:it|this|we|the \w+) (?:works?|succeeds?|ships?|lands?)|success (?:looks like|means|is|would be)|we(?:'ll| will| would|'d) know (?:it(?:'s| is)? work(?:s|ing|ed)|we(?:'ve| have)? succeeded)(?: when| if)?)\s*[,:]?\s*`)

// constraintCues mark a sentence stating a limit the product must respect:
// platform, scale, integration, security, compliance, budget, time.
var constraintCues = newCues("has to", "have to", "must", "offline", "without ever", "android",
	"ios", "iphone*", "company-issued", "existing", "legacy", "read-only", "nightly",
	"encrypt*", "single sign-on", "sso", "security", "compliance", "compliant", "gdpr", "hipaa",
	"soc 2", "pci", "budget", "deadline", "latency", "availability", "uptime", "on-prem*",
	"regulat*", "licen*", "accessib*", "wcag", "not write", "cannot be", "only run", "self-hosted")

// problemCues mark a sentence about today's pain, used when no product
// statement separates the problem from the rest.
var problemCues = newCues("spend*", "waste*", "lose", "loses", "lost", "late", "slow*", "manual*",
	"paper", "frustrat*", "hard to", "difficult", "error*", "mistake*", "wrong", "no way to",
	"can't", "cannot", "don't know", "without knowing", "pain*", "problem*", "struggl*",
	"cost*", "expensive", "complain*", "dispute*", "retyp*", "wait*", "forget*", "drop them",
	"nobody", "no one", "today")

// cueSet is a cue list, compiled on first use.
type cueSet struct{ re func() *regexp.Regexp }

func newCues(words ...string) cueSet {
	alts := make([]string, len(words))
	for i, w := range words {
		if prefix, ok := strings.CutSuffix(w, "*"); ok {
			alts[i] = regexp.QuoteMeta(prefix) + `[\pL-]*`
		} else {
			alts[i] = regexp.QuoteMeta(w)
		}
	}
	return cueSet{re: lazyRegexp(`(?i)(?:^|[^\pL\pN])(?:` + strings.Join(alts, "|") + `)(?:$|[^\pL\pN])`)}
}

func (c cueSet) match(s string) bool { return c.re().MatchString(s) }

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp on every call, from any goroutine.
// Compiling every pattern of the package at start-up cost every prodgen
// command several milliseconds, even those that never read a brief.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// roleWords name kinds of people; in prose they give the users.
var roleWords = wordSet(`technician supervisor manager admin administrator staff engineer
	developer designer nurse doctor clinician physician patient teacher student parent member
	agent operator driver dispatcher analyst accountant clerk worker volunteer customer client
	buyer seller merchant shopper user owner editor writer author reviewer approver inspector
	planner coordinator recruiter candidate employee contractor guest traveler traveller
	rider tenant landlord farmer researcher scientist coach player subscriber reader viewer
	learner instructor trainer caregiver pharmacist receptionist cashier courier mechanic
	electrician plumber investor founder marketer salesperson executive officer auditor
	freelancer crew homeowner resident citizen athlete physiotherapist therapist dentist vet`)

// roleExclusions follow a role word that is then not a person: "user
// interface", "customer data".
var roleExclusions = wordSet(`interface interfaces experience data account accounts research
	story stories flow flows base feedback id ids name names support service success journey
	portal record records list`)

// featureVerbs start a capability: "They pick the asset…, record the
// inspection…, attach photos". Base forms; "-s" and "-es" forms match too.
var featureVerbs = wordSet(`pick record attach flag see view turn create add edit update delete
	remove scan send receive get share export import track search filter sort book pay invite
	join check upload download sign log set define choose select mark assign schedule approve
	reject review comment notify sync take capture print compare manage configure report submit
	request cancel reorder rate message call browse find save store open close generate build
	publish tag archive restore replace reply follow plan use read write text enter register
	leave pause resume start stop finish complete confirm verify invoice refund charge subscribe
	unsubscribe customise customize play watch listen learn chat post vote order reserve rent
	transfer move copy link connect embed translate snooze remind escalate route dispatch merge
	split dictate photograph drag browse look know keep show display list let allow help
	organise organize collect gather submit fill answer ask access monitor analyse analyze
	visualise visualize plot accept decline claim offer swap trade`)

// modalWords sit between a subject and its verb and are dropped from a
// feature's text when the subject is plural or a pronoun.
var modalWords = wordSet(`can could should will would may might must shall also then easily
	quickly be able to want wants need needs 'll`)

// pronounSubjects are dropped from a feature's text: "They attach photos"
// becomes "Attach photos".
var pronounSubjects = wordSet(`they he she it you we users people everyone anyone someone`)

// productNouns make a sentence's subject the product itself ("The app
// sends…"), which keeps it a feature.
var productNouns = wordSet(`app application tool system service product platform dashboard bot
	site website portal everything`)

// stopWords end the words gathered in front of a role word ("the clinic
// manager" gives "clinic manager").
var stopWords = wordSet(`a an the our their his her its my your this that these those and or
	for of to with by from in on at as about all every each some many most few other which who
	whom when where if so but not no than then also only more less new one two three our
	existing current both either neither any such per into onto over under via`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
