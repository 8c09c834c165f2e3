package offline

import (
	"strings"
)

// nounPhrase is a noun-phrase requirement split into the thing it names
// and the detail the brief gives about it: "team board" / "showing" /
// "each habit's streak…".
type nounPhrase struct {
	short  []token // the thing, without an article: "team board"
	link   string  // the word that joins the detail: "showing", "with", "to"…
	detail []token // the rest
}

// nounParts splits a noun phrase at its head.
func nounParts(body string) nounPhrase {
	ts := tokenize(body)
	if len(ts) > 0 && (ts[0].lw() == "a" || ts[0].lw() == "an") {
		ts = ts[1:]
	}
	for i := 1; i < len(ts); i++ {
		lw := ts[i].lw()
		participle := strings.HasSuffix(lw, "ing") && i+1 < len(ts) && (determiners[ts[i+1].lw()] || possessives[ts[i+1].lw()])
		if !ts[i].isWord() || prepositions[lw] || conjunctions[lw] || participle {
			return nounPhrase{short: ts[:i], link: lw, detail: trimPunct(ts[i+1:])}
		}
	}
	return nounPhrase{short: ts}
}

// nounCriteria writes the criteria of a story that asks for a thing: what
// the thing does by the brief's words, and who does not get it.
func (c *storyCtx) nounCriteria() {
	np := nounParts(c.parts.body)
	if len(np.short) == 0 {
		return
	}
	head := strings.ToLower(singular(nounHead(np.short)))
	switch {
	case messageNouns[head]:
		c.messageCriteria(np)
	case uiNouns[head] || readOnlyNouns[head]:
		c.viewCriteria(np)
	default:
		c.useCriteria(np)
	}
}

// messageCriteria covers things the product sends: a reminder, a digest,
// webhooks.
func (c *storyCtx) messageCriteria(np nounPhrase) {
	subj := subjectForm(np.short)
	be := beFor(np.short)
	sends := c.product + " sends " + theForm(np.short)
	detail := join(np.detail)
	switch {
	case np.link == "to" && len(np.detail) > 0:
		c.main = append(c.main, gwt(c.given(), sends, subj+" "+agree("go", "", np.short)+" to "+detail))
		if rest, ok := dropNot(np.detail); ok {
			c.fail = append(c.fail, withKind(kindAlternative, gwt(c.given(), sends, subj+" "+agree("do", "", np.short)+" not go to "+join(rest))))
		} else {
			c.fail = append(c.fail, withKind(kindAlternative, gwt(notAmong(np.detail), sends, "they do not get it")))
		}
	case (np.link == "that" || np.link == "which") && len(np.detail) > 0:
		c.main = append(c.main, gwt(c.given(), sends, subj+" "+detail)) // "reminders that go out at 9am"
	case np.link == "for" && len(np.detail) > 0:
		c.main = append(c.main, gwt(c.given(), detail+" "+agree("occur", "", np.detail), subj+" "+be+" sent"))
		c.fail = append(c.fail, withKind(kindEdge, gwt(c.given(), "there "+beFor(np.detail)+" no "+stripDeterminer(np.detail),
			"no "+join(np.short)+" "+be+" sent")))
	default:
		if when, how, ok := messageTrigger(np.detail); ok {
			// "a reminder by SMS or email 4 weeks before a booster is due":
			// the time is the When, and what they get the Then.
			then := "they get " + theForm(np.short)
			if how != "" {
				then += " " + how
			}
			c.main = append(c.main, gwt(c.given(), "it is "+when, then))
			return
		}
		c.main = append(c.main, gwt(c.given(), sends, subj+" "+be+" sent to them"))
	}
}

// messageTrigger finds the time a message goes out in its detail: "SMS or
// email 4 weeks and 1 week before a booster is due, on the owner's
// preferred channel" gives the time "4 weeks and 1 week before a booster
// is due" and the way "by SMS or email".
func messageTrigger(detail []token) (when, how string, ok bool) {
	for i, t := range detail {
		if lw := t.lw(); lw != "before" && lw != "after" {
			continue
		}
		// The time starts at the number before "before": "4 weeks and 1
		// week before…".
		start := i
		for start > 0 && detail[start-1].isWord() && (hasDigit(detail[start-1].text) || timeWords[detail[start-1].lw()] || detail[start-1].lw() == "and") {
			start--
		}
		end := i + 1
		for end < len(detail) && detail[end].text != "," && detail[end].text != ";" {
			end++
		}
		if start == i || end == i+1 {
			return "", "", false // no amount of time, or nothing it is before
		}
		if start > 0 {
			how = "by " + join(detail[:start])
		}
		return join(detail[start:end]), how, true
	}
	return "", "", false
}

// timeWords measure time in a message's trigger.
var timeWords = set("minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "a", "one", "two", "three")

// viewCriteria covers things a person opens: a board, a log, a report.
func (c *storyCtx) viewCriteria(np nounPhrase) {
	the := theForm(np.short)
	then := the + " " + beFor(np.short) + " shown to them"
	switch np.link {
	case "showing", "listing", "with", ":":
		then = "they see " + join(np.detail)
	case "of":
		then = "it lists " + join(np.detail)
	case "that", "which":
		then = subjectForm(np.short) + " " + join(np.detail) // "a dashboard that shows revenue"
	}
	c.main = append(c.main, gwt(c.given(), "they open "+the, then))
	it := "it"
	if isPlural(nounHead(np.short)) {
		it = "them"
	}
	if !c.access {
		return
	}
	c.fail = append(c.fail, gwt("a person who is not allowed to see "+the, "they try to open "+it,
		"access is refused and nothing is shown"))
}

// useCriteria covers other things: line items, credit notes, PDF
// rendering.
func (c *storyCtx) useCriteria(np nounPhrase) {
	subj := subjectForm(np.short)
	be := beFor(np.short)
	detail := join(np.detail)
	then := subj + " " + be + " available to them"
	switch np.link {
	case "with":
		then = subj + " " + agree("include", "", np.short) + " " + detail
	case "against":
		then = subj + " " + be + " recorded against " + detail
	case "by":
		// "annual rent invoices by email": how they go out.
		then = subj + " " + agree("go", "", np.short) + " out by " + detail
	case "for", "to", "in", "on":
		then = subj + " " + be + " available " + np.link + " " + detail
	case "of":
		then = subj + " " + agree("cover", "", np.short) + " " + detail
	case "showing", "listing":
		then = "they see " + detail
	case "that", "which":
		then = subj + " " + detail
	case ":":
		// "Shelves: Want to read / Reading / Read": what it offers; a
		// clause after the colon ("skill-mix check: before a swap can be
		// approved, the system checks…") says what it does.
		then = subj + " " + agree("offer", "", np.short) + " " + detail
		switch {
		case statesClause(np.detail) || clauseEnds[np.detail[0].lw()] || leadWords[np.detail[0].lw()]:
			then = detail
		case isImperative(np.detail):
			then = "they can " + lowerVerb(detail, c.proper) // "weekly pitch booking: choose which Saturdays…"
		}
	}
	use := useForm(np.short)
	if head := strings.ToLower(nounHead(np.short)); head == "integration" && np.link == "with" {
		// "Integration with Salesforce": the two systems exchange data.
		c.main = append(c.main, gwt(c.given(), "they connect "+c.product+" to "+detail,
			c.product+" lists "+detail+" among its connected systems"))
		use = "the integration with " + detail
	} else if len(np.detail) > 0 && np.link != "and" {
		c.main = append(c.main, gwt(c.given(), "they use "+use, then))
	} else if _, asked := bareCapability(c.frText); asked {
		// The brief names the thing and nothing it does: the PRD asks
		// (bareCapability, on the same text), and the criterion waits for
		// the answer rather than claim "it is available".
		c.main = append(c.main, gwt(c.given(), "they use "+use, subj+" "+agree("do", "", np.short)+" what the answer to the open question on "+c.fr+" settles"))
	}
	// A thing named with nothing said of it ("Multi-currency invoices")
	// is tested by its notes, when the brief gives some, not by "it is
	// available".
	pronoun := "it"
	if isPlural(nounHead(np.short)) {
		pronoun = "them"
	}
	if !c.access {
		return
	}
	c.fail = append(c.fail, gwt("a person who is not allowed to use "+use, "they try to use "+pronoun,
		"the system refuses, and nothing is shown or changed"))
}

// stripDeterminer drops a leading determiner: "the invoice events" →
// "invoice events".
func stripDeterminer(ts []token) string {
	if len(ts) > 1 && determiners[ts[0].lw()] {
		return join(ts[1:])
	}
	return join(ts)
}
