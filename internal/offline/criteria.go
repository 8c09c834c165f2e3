package offline

import (
	"regexp"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
	"github.com/prodgen/prodgen/internal/prose"
)

// nfrMin is how many topic words a story and a non-functional requirement
// must share (a shared name or acronym counts twice) before the story gets
// a criterion that points to the requirement.
const nfrMin = 2

// storyCtx gathers a story's acceptance criteria. Each criterion comes
// from the requirement's own words: the action and its stated result, a
// failure path, each condition and threshold, each note; nothing else.
type storyCtx struct {
	n       int    // story number, for criterion IDs
	role    string // "patient"
	product string
	parts   frParts
	proper  map[string]bool

	// main are the main paths, fail the failure paths and extra the
	// others; criteria says what kind each is (see kindOf).
	main, fail, extra []artifact.Criterion
	negative          bool // a criterion checks what must not happen
	// fr and frText are the ID and the text of the requirement the story
	// delivers.
	fr, frText string
	// access reports whether the PRD has sign-in, roles or permissions:
	// only then is "someone not allowed is refused" a criterion of a
	// story.
	access bool
}

// accessCue is a word of sign-in, roles or permissions.
var accessCue = regexp.MustCompile(`(?i)\b(?:sign(?:s|ed)?[- ]?in|log(?:s|ged)?[- ]?in|login|accounts?|roles?|permissions?|admins?|administrators?|access control|authori[sz]\w*|authenticat\w*|passwords?|single sign-on|sso|private|privately|only (?:the|their|visible))\b`)

// hasAccessControl reports whether the PRD says who may do what: sign-in,
// accounts, roles, permissions, admins, or what only some may see.
func hasAccessControl(p *artifact.PRD) bool {
	texts := []string{p.Summary, p.Problem}
	for _, r := range append(append([]artifact.Requirement(nil), p.Functional...), p.NonFunctional...) {
		texts = append(texts, r.Text)
	}
	for _, u := range p.Personas {
		texts = append(texts, u.Name+" "+u.Description)
	}
	for _, t := range texts {
		if accessCue.MatchString(t) {
			return true
		}
	}
	return false
}

// gwt is one criterion in Given/When/Then form, before numbering. Each
// part is single-spaced, and quotation marks a cut left unpaired go.
func gwt(given, when, then string) artifact.Criterion {
	return artifact.Criterion{Given: balanceQuotes(given), When: balanceQuotes(when), Then: balanceQuotes(then)}
}

// Each criterion's kind says which path it tests. A criterion made for a
// kind of its own says so where it is made (withKind): an empty state or
// "there is nothing yet" is an edge case, and so is a threshold's other
// side; someone who is not a recipient not getting a message is an
// alternative path; a note, a limit or a non-functional requirement
// checked on the story's own action, and what the system does by itself
// on its condition (or a condition the story states before any main
// path), are its main path. The others take their list's kind:
// a main path is "main", a failure path (a rejection, a refusal) "error",
// and the rest (a person's action on a condition, or the condition not
// holding) "alternative".
const (
	kindMain        = "main"
	kindAlternative = "alternative"
	kindError       = "error"
	kindEdge        = "edge"
)

// withKind is c of the given kind.
func withKind(kind string, c artifact.Criterion) artifact.Criterion {
	c.Kind = kind
	return c
}

// kindOf gives each criterion without a kind the kind of its list.
func kindOf(kind string, cs []artifact.Criterion) []artifact.Criterion {
	for i := range cs {
		if cs[i].Kind == "" {
			cs[i].Kind = kind
		}
	}
	return cs
}

// criteria returns the story's numbered criteria: the main path first,
// then the failure path, then the others.
func (c *storyCtx) criteria(nfrs []artifact.Requirement) []artifact.Criterion {
	if c.parts.kind == kindNoun {
		c.nounCriteria()
	} else {
		c.verbCriteria()
	}
	for _, note := range c.parts.notes {
		c.extra = append(c.extra, withKind(kindMain, c.noteCriterion(note)))
	}
	c.limitCriteria()
	c.nfrCriteria(nfrs)
	kindOf(kindMain, c.main)
	kindOf(kindError, c.fail)
	kindOf(kindAlternative, c.extra)
	var out []artifact.Criterion
	if len(c.main) > 0 {
		out = append(out, c.main[0])
	}
	out = append(out, c.fail...)
	if len(c.main) > 1 {
		out = append(out, c.main[1:]...)
	}
	out = append(out, c.extra...)
	out = c.dropTautologies(out)
	out = c.atLeastTwo(out)
	for i := range out {
		out[i].ID = artifact.CriterionID(c.n, i+1)
	}
	return out
}

// limitCue marks a clause that states a limit or a rule a tester can
// check: a number, "only", "never", "no more than", "at most", "within",
// "up to", "until", "before", "every", "once", "cannot".
var limitCue = regexp.MustCompile(`(?i)\d|\b(?:only|never|no|not|without|no more than|at most|at least|within|up to|until|every|each|any|once|cannot|can.t|preferred|by (?:sms|email|text|push|card|phone|post)|(?:is|are) (?:\w+ed|shown|sent|kept|recorded|listed|blocked|refused))\b`)

// hardLimitCue is a number or a word that bounds what may happen.
var hardLimitCue = regexp.MustCompile(`(?i)\d|\b(?:only|never|no more than|at most|at least|within|up to|until|cannot|can.t)\b`)

// limitCriteria adds a criterion for each clause of the requirement that
// states a limit or a rule ("disabled bays only for Blue Badge holders",
// "4 weeks and 1 week before a booster is due") that no criterion has
// said yet: the brief's own words, on the story's action.
func (c *storyCtx) limitCriteria() {
	said := "" // what the criteria state; a failure path's "they try to …" states no rule
	for _, cr := range append(append([]artifact.Criterion(nil), c.main...), c.extra...) {
		said += " " + strings.ToLower(cr.When+" "+cr.Then)
	}
	whole := strings.ToLower(bare(c.parts.body))
	if m := windowLimit.FindStringSubmatchIndex(c.parts.body); m != nil && c.parts.kind == kindActor {
		// "reopen it within seven days": past the window, it is refused.
		window := c.parts.body[m[2]:m[3]]
		action := strings.TrimSpace(c.parts.body[:m[0]] + c.parts.body[m[1]:])
		c.extra = append(c.extra, withKind(kindEdge, gwt("more than "+window+" have passed", "they try to "+action,
			"it is refused, and they are told it can only be done within "+window)))
		said += " " + strings.ToLower(c.parts.body[m[0]:m[1]])
	}
	for _, cl := range limitClauses(c.parts.body) {
		cue := limitCue
		if f := strings.Fields(cl); len(f) > 0 && baseVerb(strings.ToLower(f[0])) != nil {
			// An action ("approve or reject each swap from their phone")
			// is the story's own; only a hard limit in it is a rule.
			cue = hardLimitCue
		}
		// The whole requirement is its main path's, when it has one.
		core := strings.ToLower(cl)
		if out, ok := consequence(tokenize(cl)); ok {
			core = strings.ToLower(out) // "at which point X": X may be said already
		}
		if cue.MatchString(cl) && !strings.Contains(said, core) && (strings.ToLower(cl) != whole || len(c.main) == 0) {
			c.extra = append(c.extra, withKind(kindMain, gwt(c.given(), c.storyWhen(), "the brief's rule holds: “"+cl+"”")))
			said += " " + strings.ToLower(cl)
		}
	}
}

// windowLimit is a time window an action must happen in: "within seven
// days", "within 48 hours".
var windowLimit = regexp.MustCompile(`(?i)\bwithin ((?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty) (?:working )?(?:minutes|hours|days|weeks|months))\b`)

// limitClauses cuts a requirement's words at semicolons and at commas
// that start a new clause, keeping each piece of at least three words. A
// criterion quotes the piece as the brief wrote it rather than conjugate
// words it did not parse.
func limitClauses(body string) []string {
	var out []string
	for _, part := range strings.Split(bare(body), "; ") {
		for _, piece := range strings.Split(part, ", ") {
			if p := strings.TrimSpace(piece); len(strings.Fields(p)) >= 3 {
				out = append(out, p)
			}
		}
	}
	return out
}

// noteCriterion turns a note from the brief into a criterion in
// Given/When/Then form, on the story's action. Its outcome is the note as
// a clause when it is one ("then drafts are editable"), else the note as
// the brief gives it, about the story's thing ("then credit notes meet
// the brief's note: partial or full"): the engine does not know what the
// note means, so it does not pretend to.
func (c *storyCtx) noteCriterion(note string) artifact.Criterion {
	if s, ok := completeClause(note); ok {
		return gwt(c.given(), c.storyWhen(), lowerFirst(bare(s), c.proper))
	}
	about := "the result meets"
	if c.parts.kind == kindNoun {
		np := nounParts(c.parts.body).short
		about = subjectForm(np) + " " + agree("meet", "", np)
	}
	return gwt(c.given(), c.storyWhen(), about+" the brief's note: "+lowerFirst(bare(note), c.proper))
}

// storyWhen is the story's whole action, for a criterion about the story
// rather than one of its paths: "they create, update, finalize and void
// invoices", "they use line items".
func (c *storyCtx) storyWhen() string {
	switch c.parts.kind {
	case kindNoun:
		return "they use " + useForm(nounParts(c.parts.body).short)
	case kindSystem:
		// The system's verbs agree with it: "the system syncs notes and
		// uploads photos", not "the system sync…".
		var acts []string
		for _, s := range segments(tokenize(c.parts.body)) {
			if s.verb != "" {
				acts = append(acts, strings.TrimPrefix(c.act(s), c.who()+" "))
			}
		}
		if len(acts) > 0 {
			return c.who() + " " + plural.And(acts)
		}
	}
	return c.who() + " " + lowerVerb(storyTitle(c.parts), c.proper)
}

// given is the usual context: the role using the product.
func (c *storyCtx) given() string {
	role := c.role
	if c.parts.qualifier != "" {
		// "a colleague on the same ward with the same grade"
		return article(role) + " " + role + " " + c.parts.qualifier + " is using " + c.product
	}
	lw := strings.ToLower(headWord(role))
	switch {
	case massNouns[lw]:
		return role + " are using " + c.product
	case collectiveNouns[lw]:
		return "the " + role + " is using " + c.product
	}
	return article(role) + " " + role + " is using " + c.product
}

// who is the subject of the story's actions in criteria.
func (c *storyCtx) who() string {
	if c.parts.kind == kindSystem {
		return "the system"
	}
	return "they"
}

// nfrCriteria adds a criterion for each non-functional requirement that
// clearly concerns the story (at most two, the closest first).
func (c *storyCtx) nfrCriteria(nfrs []artifact.Requirement) {
	text := c.parts.body + " " + strings.Join(c.parts.notes, " ")
	added := 0
	for _, min := range []int{4, 3, nfrMin} {
		for _, r := range nfrs {
			if added < 2 && overlap(text, r.Text, c.proper) == min && c.sharesWord(r.Text) {
				c.extra = append(c.extra, withKind(kindMain, gwt(c.given(), c.storyWhen(), "it meets "+r.ID+": "+lowerFirst(bare(r.Text), c.proper))))
				added++
			}
		}
	}
}

// sharesWord reports whether an NFR shares a content word with what the
// story says it is about (its title and its want, here the requirement's
// words), as lint's criterion-unrelated-nfr reads it: words shared with
// the requirement's notes alone do not make the NFR the story's.
func (c *storyCtx) sharesWord(nfr string) bool {
	own := prose.ContentSet(c.parts.body)
	for w := range prose.ContentSet(prose.StripTail(nfr)) {
		if own[w] {
			return true
		}
	}
	return false
}

// dropTautologies removes the criteria whose Then only restates their
// When ("when they put rowers in seats, then the rowers are put"), by the
// test lint's criterion-tautology applies: such a criterion states no
// outcome a tester can check. The story then rests on its other criteria,
// or on the requirement's own words (atLeastTwo).
func (c *storyCtx) dropTautologies(out []artifact.Criterion) []artifact.Criterion {
	kept := out[:0]
	for _, cr := range out {
		if taut, _ := prose.Tautology(cr.When, cr.Then); taut {
			continue
		}
		kept = append(kept, cr)
	}
	return kept
}

// atLeastTwo makes sure a story has two criteria in Given/When/Then form,
// adding the not-allowed path and then a generic main path if needed.
func (c *storyCtx) atLeastTwo(out []artifact.Criterion) []artifact.Criterion {
	count := func() int {
		n := 0
		for _, cr := range out {
			if cr.Given != "" {
				n++
			}
		}
		return n
	}
	action := lowerVerb(storyTitle(c.parts), c.proper)
	if c.parts.kind == kindNoun {
		action = "use " + useForm(nounParts(c.parts.body).short)
	}
	// Nobody is refused what the product does by itself (as notAllowed),
	// and nobody opens it.
	segs := segments(tokenize(c.parts.body))
	if count() < 2 && !c.hasFail() && c.access && c.parts.kind != kindSystem && !(len(segs) > 0 && toUs(segs[0].obj)) {
		out = append(out, withKind(kindError, gwt("a person who is not allowed to "+action, "they try to "+action,
			"the system refuses, and nothing is shown or changed")))
	}
	if count() < 2 && !c.hasFail() && c.parts.kind != kindSystem {
		if e, ok := c.emptyCase(); ok {
			out = append(out, e)
		}
	}
	if count() == 0 || !slices.ContainsFunc(out, ownPath) {
		// Nothing the brief says could be read as an outcome: the story
		// is accepted on the requirement's own words.
		when := "they " + action
		if c.parts.kind == kindSystem {
			when = "they use " + c.product
		}
		then := "the requirement holds as the brief states it: “" + bare(c.parts.body) + "”"
		if taut, _ := prose.Tautology(when, then); taut {
			// The brief's words are the action and nothing more: what a
			// tester checks is for a person to say.
			then = prose.Clarification
		}
		out = append([]artifact.Criterion{withKind(kindMain, gwt(c.given(), when, then))}, out...)
	}
	return out
}

// ownPath reports whether a criterion tests the story's own behaviour: a
// main or alternative path that is not a non-functional requirement or a
// brief's note checked on the story's action. A story with none is
// accepted on the requirement's words (atLeastTwo): "when they pay
// online, then it meets NFR-006" says nothing of paying.
func ownPath(cr artifact.Criterion) bool {
	return (cr.Kind == kindMain || cr.Kind == kindAlternative) && cr.Given != "" &&
		!strings.HasPrefix(cr.Then, "it meets NFR-") && !strings.Contains(cr.Then, "the brief's note:")
}

// emptyCase is the edge case of a story that shows or exports something:
// there is nothing yet, and they are told so rather than shown an error
// or given an empty file.
func (c *storyCtx) emptyCase() (artifact.Criterion, bool) {
	if c.parts.kind == kindNoun {
		np := nounParts(c.parts.body)
		head := strings.ToLower(singular(nounHead(np.short)))
		if uiNouns[head] || readOnlyNouns[head] {
			return emptyState("they open " + theForm(np.short)), true
		}
		return artifact.Criterion{}, false
	}
	for _, s := range segments(tokenize(c.parts.body)) {
		if len(s.obj) == 0 || pronounObject(s.obj) {
			continue
		}
		switch {
		case exportVerbs[s.root]:
			what := headPhrase(s.obj)
			return withKind(kindEdge, gwt("there "+beFor(what)+" no "+stripDeterminer(what)+" yet", c.act(s),
				"they are told there is nothing to "+s.verb+", not given an empty file")), true
		case viewVerbs[s.root] && !whWords[s.obj[0].lw()]:
			return emptyState(c.who() + " open " + theForm(headPhrase(s.obj))), true
		}
	}
	return artifact.Criterion{}, false
}

func (c *storyCtx) hasFail() bool { return len(c.fail) > 0 || c.negative }

// theForm puts "the" before a noun phrase that has no determiner: "a
// team" → "the team", "members" → "the members".
// noneWords name no thing: "nothing is sent", never "the nothing".
var noneWords = set("nothing", "none", "nobody", "no-one", "noone", "everything", "anything", "something")

func theForm(np []token) string {
	if len(np) == 0 {
		return ""
	}
	lw := np[0].lw()
	switch {
	case lw == "a" || lw == "an":
		return "the " + join(np[1:])
	case determiners[lw] || possessives[lw] || strings.HasSuffix(lw, "'s") || noneWords[lw]:
		return join(np) // "the report", "nothing"
	case len(np) > 1 && (strings.HasSuffix(np[1].lw(), "'s") || strings.HasSuffix(np[1].lw(), "’s")):
		return join(np) // "last year's application"
	}
	return "the " + join(np)
}

// useForm is a noun phrase as the object of "use": bare when plural,
// mass or an activity ("line items", "PDF rendering"), else with "the".
func useForm(np []token) string {
	if uncounted(nounHead(np)) {
		return join(np)
	}
	return theForm(np)
}

// subjectForm is useForm for the subject of a sentence.
func subjectForm(np []token) string { return useForm(np) }

// beFor returns "is" or "are" for a noun phrase.
func beFor(np []token) string {
	if isPlural(nounHead(np)) {
		return "are"
	}
	return "is"
}

// agree conjugates a verb for a subject: "they go", "the reminder goes".
func agree(base, subject string, np []token) string {
	if subject == "they" || np != nil && isPlural(nounHead(np)) {
		if base == "be" {
			return "are"
		}
		return base
	}
	if v := lookupVerb(base); v != nil {
		return v.third
	}
	return thirdPerson(base)
}
