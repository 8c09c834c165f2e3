package offline

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// verbCriteria writes the criteria of a story whose requirement is an
// action: one main path per verb, one failure path, and a pair of
// criteria (it happens / it does not) per condition.
func (c *storyCtx) verbCriteria() {
	if rule, ok := strings.CutPrefix(c.parts.body, "ensure that "); ok && !strings.Contains(rule, " when ") {
		// A rule the brief states with its own subject: it is the
		// outcome, in the brief's words; nobody is refused it.
		c.main = append(c.main, gwt(c.given(), "they use "+c.product, rule))
		c.negative = true
		return
	}
	segs := segments(tokenize(c.parts.body))
	system := c.parts.kind == kindSystem
	for i, s := range segs {
		// What the system does by itself happens on its condition: that
		// criterion is its main path, and nobody gives it input.
		if when, then, ok := c.mainPath(s); ok && !(system && len(s.cond) > 0) {
			if len(s.result) > 0 {
				then = join(s.result) // the brief's own outcome
			}
			given := c.given()
			if c.stateCondition(s) {
				// "mark the firing unloaded when the kiln has cooled, at
				// which point every member … gets an email": the state is
				// the Given, the action the When, what follows the Then.
				given = join(resolveIt(s.cond, segs, i))
				if out, ok := consequence(s.after); ok {
					then = out
				}
			}
			c.main = append(c.main, gwt(given, when, then))
		}
		if len(c.fail) == 0 && !system {
			c.failPath(s)
		}
		c.conditionPaths(segs, i)
	}
	if !c.hasFail() {
		c.notAllowed(segs)
	}
}

// mainPath is the criterion for doing what the segment says. Its result
// is the one the words state: "they see…", "they are added to the queue",
// "the team is created". A verb without an object states no result, so it
// gets none, unless it is an update ("reorder for triage").
func (c *storyCtx) mainPath(s segment) (string, string, bool) {
	if s.verb == "" {
		return "", "", false
	}
	obj := theForm(s.obj)
	be := beFor(s.obj)
	result, meant := "", false // what the verb's meaning says to check
	if len(s.obj) > 0 && (!pronounObject(s.obj) || messageVerbs[s.root] != "") {
		result, meant = c.outcome(s)
	}
	switch {
	case s.root == "review" && len(s.obj) > 0 && isPerson(nounHead(headPhrase(s.obj))):
		// "review the walker": a review written, not a page opened.
		return c.act(s), "their review of " + theForm(headPhrase(s.obj)) + " is kept with what they wrote", true
	case viewVerbs[s.root] && c.parts.kind != kindSystem && startsWh(append(append([]token(nil), s.obj...), s.rest...)):
		// "see how full the shelves are", "see who has paid": what they
		// see is the clause.
		what := append(append([]token(nil), s.obj...), s.rest...)
		return c.who() + " open " + c.product, "they see " + join(what), true
	case viewVerbs[s.root] && c.parts.kind == kindSystem:
		// "read the GTFS-Realtime feed every 30 seconds": the product
		// reads, nobody opens; its limits are the criteria.
		return "", "", false
	case viewVerbs[s.root] && len(s.obj) > 0:
		when := c.who() + " open " + obj
		if s.colon {
			return when, obj + " " + agree("show", "", s.obj) + " " + join(s.rest), true
		}
		if head := headPhrase(s.obj); len(head) < len(s.obj) && len(s.obj)-len(head) > 1 {
			// "a live list of invited pupils with their status": the
			// list, and what it shows.
			detail := append(append([]token(nil), s.obj[len(head):]...), s.rest...)
			if lw := detail[0].lw(); lw == "of" || lw == "with" || lw == "for" {
				detail = detail[1:]
			}
			return c.who() + " open " + theForm(head), theForm(head) + " " + agree("show", "", head) + " " + join(detail), true
		}
		if _, asked := bareView(c.frText); asked {
			// What it shows is the PRD's open question (bareView).
			return when, obj + " " + agree("show", "", s.obj) + " what the answer to the open question on " + c.fr + " lists", true
		}
		return when, strings.TrimSpace(obj + " " + be + " shown to them " + join(s.rest)), true
	case receiveVerbs[s.root] && len(s.obj) > 0:
		return c.product + " notifies them", "they get " + join(s.obj) + " " + join(s.rest), true
	case s.root == "join" && len(s.obj) > 0:
		return c.act(s), "they are added to " + obj, true
	case s.root == "check" && s.particle == "in":
		return c.act(s), "their check-in is recorded", true
	case exportVerbs[s.root] && len(s.obj) > 0 && len(s.rest) > 1 && s.rest[0].lw() == "to":
		// To a place: what is sent there shows up there.
		to := headPhrase(s.rest[1:])
		return c.act(s), obj + " " + agree("appear", "", s.obj) + " in " + theForm(to), true
	case exportVerbs[s.root] && len(s.obj) > 0 && !pronounObject(s.obj):
		return c.act(s), strings.TrimSpace("they get a file of " + stripDeterminer(s.obj) + " " + join(s.rest)), true
	case exportVerbs[s.root]:
		return c.act(s), "they get the exported file", true
	case s.root == "search" || s.root == "filter" || s.root == "find":
		return c.act(s), "only what matches is listed, and they are told when nothing does", true
	case viewVerbs[s.root]:
		return c.act(s), "the results are shown to them", true
	case selectVerbs[s.root] && len(s.obj) > 0:
		return c.act(s), obj + " " + be + " selected", true
	case len(s.obj) > 0 && (auxiliaries[s.root] || whWords[s.obj[0].lw()] || len(headPhrase(s.obj)) == 0 || strings.TrimSpace(obj) == "the" ||
		len(s.obj) == 1 && particleWords[s.obj[0].lw()] || pronounObject(s.obj) && messageVerbs[s.root] == ""):
		// "has its stop moved", "remind whoever is on the rota": no thing
		// to say a result of.
		return "", "", false
	case meant:
		return c.act(s), result, true
	case len(s.obj) > 0:
		then := obj + " " + be + " " + lookupVerb(s.verb).pp
		if s.particle != "" {
			then += " " + s.particle // "the firing fees are worked out"
		}
		if len(s.rest) > 0 && (s.rest[0].lw() == "as" || s.rest[0].lw() == "into" || s.rest[0].lw() == "to") {
			then += " " + join(s.rest)
		}
		if c.parts.kind == kindSystem {
			return c.act(s), then, true // nobody waits for a result
		}
		return c.act(s), then + ", and they see the result", true
	case decideVerbs[s.root] && len(s.obj) == 0 && len(s.rest) > 1 && s.rest[0].lw() == "that":
		// "confirm that the repair is fixed": what they confirm is kept.
		return c.act(s), "it is recorded " + join(s.rest), true
	case updateVerbs[s.root]:
		return c.act(s), "the change is saved and shown to them", true
	}
	return "", "", false
}

// Verb classes whose meaning says what a person can check afterwards.
var (
	bookVerbs    = set("book", "reserve", "hold", "claim")
	createVerbs  = set("create", "add", "log", "record", "register", "upload", "attach", "post", "submit", "request", "enter", "capture", "save", "define", "note", "import", "write", "photograph", "comment", "rate", "list", "set", "report", "draw", "take")
	removeVerbs  = set("delete", "remove", "archive", "hide", "withdraw", "retire", "discard")
	assignVerbs  = set("assign", "allocate", "delegate", "reassign")
	decideVerbs  = set("approve", "reject", "accept", "decline", "confirm", "verify", "finalize", "finalise", "void", "publish", "close", "reopen", "lock", "unlock", "complete", "resolve", "suspend", "refund", "revoke", "triage")
	linkVerbs    = set("pair", "link", "connect", "match", "associate")
	copyVerbs    = set("copy", "duplicate", "clone")
	messageVerbs = map[string]string{"remind": "a reminder", "alert": "an alert", "email": "an email", "text": "a text", "notify": "a notification", "message": "a message"}
	inviteVerbs  = set("invite")
	markVerbs    = set("mark", "flag", "tag", "label")
	changeVerbs  = set("update", "edit", "change", "rename", "move", "reorder", "reschedule", "amend", "modify", "adjust")
	cancelVerbs  = set("cancel")
	payVerbs     = set("pay")
	pronounWords = set("it", "them", "this", "that", "these", "those", "one", "us", "me", "you", "him", "her")
)

// auxiliaries and whWords start no result a criterion can state: "has
// its stop moved", "remind whoever is on the rota".
var (
	auxiliaries = set("have", "be", "do", "get", "let", "make", "give", "offer")
	whWords     = set("who", "whoever", "what", "whatever", "which", "whichever", "whether", "how", "when", "where", "why")
)

// pronounObject reports whether an object is a pronoun ("export it"),
// which names nothing a criterion can check.
func pronounObject(obj []token) bool {
	return len(obj) == 1 && pronounWords[obj[0].lw()]
}

// outcome is what a person can check after an action, by what its verb
// means: a booking holds the thing for them alone, what they create can
// be opened again, what they remove is gone, a decision shows on the
// thing. The object is named by its head ("the desk", not "the desk on
// a floor plan for a day"), the detail being the When's.
func (c *storyCtx) outcome(s segment) (string, bool) {
	head := headPhrase(s.obj)
	if len(head) == 0 || whWords[head[0].lw()] || len(head) == 1 && determiners[head[0].lw()] {
		return "", false
	}
	the := theForm(head)
	be := beFor(head)
	it, they := "it", "it"
	if isPlural(nounHead(head)) {
		it, they = "them", "they"
	}
	v := lookupVerb(s.verb)
	switch {
	case s.root == "reset" && strings.Contains(strings.ToLower(join(head)), "password"):
		return "they can sign in with the new password, and the old one no longer works", true
	case s.root == "scan":
		return "the " + stripDeterminer(head) + " " + agree("open", "", head) + " the record " + they + " " + agree("identify", they, head) + ", or they are told " + they + " " + agree("be", they, head) + " not known", true
	case bookVerbs[s.root]:
		return the + " " + be + " " + v.pp + " for them, and no one else can " + s.verb + " " + it + " for the same time", true
	case linkVerbs[s.root] && len(s.rest) > 1 && s.rest[0].lw() == "to":
		// "pair a sensor to a site", "match card transactions to fill-ups"
		to := headPhrase(s.rest[1:])
		return the + " " + agree("show", "", head) + " which " + stripDeterminer(to) + " " + they + " " + agree("be", they, head) + " " + v.pp + " to", true
	case copyVerbs[s.root]:
		return "a copy of " + the + " appears beside " + it + ", and the original " + agree("be", they, head) + " unchanged", true
	case messageVerbs[s.root] != "" && isPerson(nounHead(head)):
		// "remind singers by email two days before…"
		return "each of " + the + " " + "gets " + messageVerbs[s.root], true
	case messageVerbs[s.root] != "" && (pronounObject(s.obj[:1]) || isPerson(s.obj[0].lw()) && isPlural(s.obj[0].lw())):
		// "alert them 30 minutes after…", "email members a day before…":
		// who gets it is the object's first word.
		who := "they"
		if !pronounObject(s.obj[:1]) {
			who = "each of the " + s.obj[0].text
		}
		return who + " " + agree("get", who, nil) + " " + messageVerbs[s.root], true
	case s.root == "send" && len(s.rest) > 1 && s.rest[0].lw() == "to" && isPerson(nounHead(headPhrase(s.rest[1:]))):
		to := headPhrase(s.rest[1:])
		return theForm(to) + " " + agree("receive", "", to) + " " + the, true
	case s.root == "share" && len(s.rest) > 1 && s.rest[0].lw() == "by" && s.rest[1].lw() == "link":
		return "anyone with the link can open " + the + ", and no one without it", true
	case cancelVerbs[s.root]:
		return the + " " + be + " cancelled, and " + it + " no longer " + agree("count", "", head) + " as booked", true
	case createVerbs[s.root] && s.particle == "":
		return the + " " + be + " kept with what they entered, and they can open " + it + " again later", true
	case removeVerbs[s.root]:
		return the + " no longer " + agree("appear", "", head) + " where " + they + " " + agree("be", they, head) + " listed", true
	case assignVerbs[s.root] && len(s.rest) > 1 && s.rest[0].lw() == "to":
		return the + " " + agree("show", "", head) + " " + join(s.rest[1:]) + " as assigned", true
	case decideVerbs[s.root]:
		return the + " " + agree("show", "", head) + " as " + v.pp + " to everyone who opens " + it, true
	case inviteVerbs[s.root]:
		how := ""
		if len(s.rest) > 0 && s.rest[0].lw() == "by" {
			how = " " + join(s.rest)
		}
		return "each person invited gets an invitation" + how, true
	case markVerbs[s.root] && len(s.rest) > 1 && s.rest[0].lw() == "as":
		return the + " " + agree("show", "", head) + " as " + join(s.rest[1:]) + " to everyone who opens " + it, true
	case markVerbs[s.root] && len(head) > 2 && (stateWords[head[len(head)-1].lw()] || strings.HasSuffix(head[len(head)-1].lw(), "ed")):
		// "mark the job done": the job, and the state it is in.
		thing := head[:len(head)-1]
		return theForm(thing) + " " + agree("show", "", thing) + " as " + head[len(head)-1].lw() + " to everyone who opens " + it, true
	case markVerbs[s.root]:
		return the + " " + agree("show", "", head) + " as " + v.pp + " to everyone who opens " + it, true
	case len(s.rest) > 1 && s.rest[0].lw() == "into":
		// "turn flagged follow-ups into scheduled work orders"
		made := s.rest[1:]
		return join(made) + " " + beFor(made) + " made from " + the, true
	case changeVerbs[s.root]:
		return "the change to " + stripDeterminer(head) + " is kept and shown the next time " + they + " " + agree("be", they, head) + " opened", true
	case payVerbs[s.root]:
		return the + " " + agree("show", "", head) + " as paid, and the payment is recorded", true
	}
	return "", false
}

// stateWords name a state something is marked as without "as": "mark
// the job done", "flag the invoice paid".
var stateWords = set("done", "complete", "completed", "closed", "paid", "read", "unread", "resolved", "urgent", "ready", "finished", "fixed", "watered", "collected")

// act is the segment's action with its subject, without its condition:
// "they join the queue by scanning…", "the system syncs".
func (c *storyCtx) act(s segment) string {
	words := []string{agree(s.verb, c.who(), nil)}
	if s.particle != "" {
		words = append(words, s.particle)
	}
	for _, part := range [][]token{s.obj, s.rest} {
		if len(part) > 0 {
			words = append(words, join(part))
		}
	}
	return c.who() + " " + strings.Join(words, " ")
}

// failPath adds the failure criterion for the first segment that takes
// input: a create, update or other action on an object. A choice from a
// list ("mark patients as called, seen or left") fails on anything else;
// other input fails when it is missing or invalid.
func (c *storyCtx) failPath(s segment) {
	if s.verb == "" || viewVerbs[s.root] || receiveVerbs[s.root] || selectVerbs[s.root] || exportVerbs[s.root] || cancelVerbs[s.root] || removeVerbs[s.root] ||
		decideVerbs[s.root] || pronounObject(s.obj) {
		// Nothing is typed in ("reopen it", "approve the report"): no
		// details to be missing or invalid.
		return
	}
	if len(s.obj) == 0 && s.particle == "" {
		return
	}
	reject := "the system rejects it, says what is wrong, and nothing changes"
	action := s.verb
	if s.particle != "" {
		action += " " + s.particle
	}
	if len(s.rest) > 1 && s.rest[0].lw() == "as" && hasChoice(s.rest[1:]) {
		when := "they try to " + action + " " + join(s.obj) + " as anything other than " + join(s.rest[1:])
		c.fail = append(c.fail, gwt(c.given(), when, reject))
		return
	}
	what := join(cutDetail(s.words, false))
	if len(s.words) == 1 || len(s.obj) > 0 && len(cutDetail(s.words, false)) <= len(s.obj) {
		what = action + " " + join(s.obj)
	}
	c.fail = append(c.fail, gwt(c.given(), "they try to "+lowerFirst(what, c.proper)+" with missing or invalid details", reject))
}

// hasChoice reports whether words list alternatives ("called, seen or left").
func hasChoice(ts []token) bool {
	for _, t := range ts {
		if t.lw() == "or" {
			return true
		}
	}
	return false
}

// toUs reports whether an object is the product's own team ("us",
// "me"), whom anyone may tell or ask.
func toUs(obj []token) bool {
	return len(obj) == 1 && (obj[0].lw() == "us" || obj[0].lw() == "me")
}

// notAllowed adds the failure criterion for a story that takes no input:
// someone without the right tries it and is refused.
func (c *storyCtx) notAllowed(segs []segment) {
	for _, s := range segs {
		if s.verb == "" || len(s.obj) == 0 {
			continue
		}
		if toUs(s.obj) {
			return // "tell us when…": telling the product's team needs no right
		}
		if c.parts.kind == kindSystem && len(s.rest) > 1 && s.rest[0].lw() == "to" && isPerson(nounHead(s.rest[1:])) {
			// "send a summary to managers": nobody else gets it.
			c.fail = append(c.fail, withKind(kindAlternative, gwt(notAmong(s.rest[1:]), c.act(s), "they do not get it")))
			return
		}
		if c.parts.kind == kindSystem || s.root == "ensure" {
			return // what the product does by itself, nobody is refused
		}
		if viewVerbs[s.root] && whWords[s.obj[0].lw()] {
			// "see how full the shelves are": no thing to open or refuse
			// by name.
			if c.access {
				what := join(s.words[1:])
				c.fail = append(c.fail, gwt("a person who is not allowed to see "+what, "they open "+c.product, "they do not see "+what))
			}
			return
		}
		if viewVerbs[s.root] {
			if !c.access {
				c.fail = append(c.fail, emptyState(c.who()+" open "+theForm(headPhrase(s.obj))))
				return
			}
			c.fail = append(c.fail, gwt("a person who is not allowed to see "+theForm(s.obj),
				"they try to open "+theForm(s.obj), "access is refused and nothing is shown"))
			return
		}
		if !c.access {
			return
		}
		what := lowerFirst(join(cutDetail(s.words, false)), c.proper)
		c.fail = append(c.fail, gwt("a person who is not allowed to "+what, "they try to "+what,
			"the system refuses, and nothing is shown or changed"))
		return
	}
}

// emptyState is the edge case of a view with nothing in it yet: it says so
// rather than showing an empty page or an error.
func emptyState(when string) artifact.Criterion {
	return withKind(kindEdge, gwt("nothing has been added yet", when, "they are told there is nothing to show yet, not shown an error"))
}

// headPhrase is a noun phrase up to its first preposition: "the status of
// each repair" gives "the status".
func headPhrase(np []token) []token {
	for i := 1; i < len(np); i++ {
		if prepositions[np[i].lw()] || !np[i].isWord() {
			return np[:i]
		}
	}
	return np
}

// conditionPaths adds, for a segment with a condition ("when they are
// third in line"), a criterion where the condition holds and one where it
// does not: at a threshold's other side ("by 10 minutes or less") or
// negated ("they are not third in line").
func (c *storyCtx) conditionPaths(segs []segment, i int) {
	s := segs[i]
	if len(s.cond) == 0 {
		return
	}
	if c.stateCondition(s) {
		return // the state is the main path's Given (verbCriteria)
	}
	if c.parts.kind == kindActor && subjectPronouns[s.cond[0].lw()] && s.verb != "" && !receiveVerbs[s.root] {
		// "mark the job done when they finish": when a person acts is
		// theirs to choose; "when they do not finish, they do not mark
		// it" tests nothing.
		return
	}
	cond := resolveIt(s.cond, segs, i)
	yes, no := c.conditionResult(segs, i)
	// What the system does by itself on its condition is its main path
	// (verbCriteria gives it no other), and so is a condition the story
	// states before any main path; a person's action on a condition is
	// otherwise another path of the story.
	kind := kindAlternative
	if c.parts.kind == kindSystem || len(c.main) == 0 {
		kind = kindMain
	}
	c.extra = append(c.extra, withKind(kind, gwt(c.given(), join(cond), yes)))
	// A threshold's other side is an edge case; the condition not holding
	// is another path.
	kind = kindEdge
	other, ok := otherSide(cond)
	if !ok {
		kind = kindAlternative
		other, ok = negate(cond)
	}
	if ok && no != "" {
		c.extra = append(c.extra, withKind(kind, gwt(c.given(), join(other), no)))
		c.negative = true
	}
}

// startsWh reports whether words open with a wh-word: "how full the
// shelves are", "who has paid".
func startsWh(ts []token) bool {
	return len(ts) > 1 && whWords[ts[0].lw()]
}

// stateCondition reports whether a person's action has a condition on
// the state of things rather than on the person ("when the kiln has
// cooled", not "when they finish"): the state is the action's Given.
func (c *storyCtx) stateCondition(s segment) bool {
	return c.parts.kind == kindActor && len(s.cond) > 1 && s.verb != "" && !receiveVerbs[s.root] &&
		!subjectPronouns[s.cond[0].lw()] && s.cond[0].lw() != "it" && !isPerson(nounHead(s.cond)) && hasFiniteVerb(s.cond)
}

// hasFiniteVerb reports whether a clause has a verb after its first word:
// "the kiln has cooled", "a booster is due".
func hasFiniteVerb(ts []token) bool {
	for _, t := range ts[1:] {
		if lw := t.lw(); auxWords[lw] || lw == "has" || lw == "have" || verbForm(lw) != nil && verbForm(lw).third == lw {
			return true
		}
	}
	return false
}

// consequence is what a clause after a condition says follows the
// action: "at which point every member … gets an email".
func consequence(after []token) (string, bool) {
	s := join(after)
	for _, lead := range []string{"at which point ", "after which ", "and then ", "then "} {
		if rest, ok := strings.CutPrefix(strings.ToLower(s), lead); ok && len(strings.Fields(rest)) > 2 {
			return s[len(lead):], true
		}
	}
	return "", false
}

// conditionResult says what happens when a segment's condition holds, and
// what does not happen otherwise.
func (c *storyCtx) conditionResult(segs []segment, i int) (string, string) {
	s := segs[i]
	who := c.who()
	switch {
	case s.passive:
		be := agree("be", who, nil)
		return who + " " + be + " " + s.pp, who + " " + be + " not " + s.pp
	case s.verb == "" && i > 0 && len(segs[i-1].obj) > 0:
		subj := theForm(segs[i-1].obj)
		be := beFor(segs[i-1].obj)
		return subj + " " + be + " " + s.pp, subj + " " + be + " not " + s.pp
	case s.verb == "":
		return "it is " + s.pp, "it is not " + s.pp
	}
	yes := c.act(s)
	if len(s.after) > 0 {
		yes += " " + join(s.after)
	}
	do := "does"
	if who == "they" {
		do = "do"
	}
	no := who + " " + do + " not " + s.verb
	if s.particle != "" {
		no += " " + s.particle
	}
	if len(s.obj) > 0 {
		no += " " + join(s.obj)
	}
	return yes, no
}

// resolveIt replaces a condition's "it" with the noun phrase it refers
// to: the last one before the condition ("an estimated wait, updated when
// it changes" → "the estimated wait changes").
func resolveIt(cond []token, segs []segment, i int) []token {
	if len(cond) == 0 || cond[0].lw() != "it" {
		return cond
	}
	src := segs[i].obj
	if receiveVerbs[segs[i].root] || messageVerbs[segs[i].root] != "" {
		// "get a text or an email whenever it changes": the message is
		// not what changes; "it" stays.
		return cond
	}
	if len(src) == 0 && i > 0 {
		src = segs[i-1].words
	}
	start := -1
	for j := len(src) - 1; j >= 0; j-- {
		if determiners[src[j].lw()] || possessives[src[j].lw()] {
			start = j
			break
		}
	}
	if start < 0 {
		return cond
	}
	np := tokenize(theForm(src[start:]))
	np[0].space = cond[0].space
	return append(np, cond[1:]...)
}
