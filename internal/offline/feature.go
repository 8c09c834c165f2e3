package offline

import (
	"slices"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/brief"
)

// featureKind is the grammatical shape of a feature, which decides how its
// requirement is phrased.
type featureKind int

const (
	// kindActor: someone does something ("Patients join the queue", "Create
	// a team"). The requirement reads "The system must let <actor> <verb>…".
	kindActor featureKind = iota
	// kindSystem: the product itself does something ("Everything has to
	// work offline"). The requirement reads "The system must <verb>…".
	kindSystem
	// kindNoun: a capability named by a noun phrase ("Multi-currency
	// invoices"). The requirement reads "The system must support/provide…".
	kindNoun
)

// clause is what the engine understood of one feature.
type clause struct {
	kind    featureKind
	actor   string // who acts, as the requirement names them: "patients", "a team lead"
	persona int    // index of the acting persona, -1 when none is known
	body    string // the verb phrase in base form, or the noun phrase
	so      string // the benefit a user-story-shaped feature states, in the third person
	support bool   // "Support for SSO": the noun phrase takes "support"
}

// people is what the feature analysis needs to know about the brief.
type people struct {
	// actor is the persona the brief files the feature being read under
	// (brief.Feature.Actor), -1 when none: who does it when the feature
	// does not say.
	actor    int
	personas []brief.Persona
	proper   map[string]bool
	title    string
	// words holds each persona's content words, read on first use and
	// then kept: every feature of a brief is compared with every persona.
	words *personaWords
}

// personaWords are the content words of each persona's name, and of its
// name and description together.
type personaWords struct {
	once       sync.Once
	names, all []map[string]bool
}

func newPeople(personas []brief.Persona, proper map[string]bool, title string) people {
	return people{actor: -1, personas: personas, proper: proper, title: title, words: &personaWords{}}
}

// wordsOf returns the content words of every persona.
func (p people) wordsOf() *personaWords {
	w := p.words
	// A large brief's features are read in parallel (see each).
	w.once.Do(func() {
		for _, ps := range p.personas {
			w.names = append(w.names, wordSet(ps.Name))
			w.all = append(w.all, wordSet(ps.Name+" "+ps.Description))
		}
	})
	return w
}

// analyse reads one feature. It tries, in order: a pronoun subject ("They
// pick…"), an imperative ("Create a team…"), a subject and its verb
// ("Front desk sees…"), and falls back to a noun phrase.
func (p people) analyse(text string) clause {
	ts := dropSequenceAdverb(trimPunct(tokenize(text)))
	if len(ts) == 0 {
		return clause{kind: kindNoun, persona: -1}
	}
	if c, ok := p.leadIn(ts); ok {
		return c
	}
	if c, ok := p.leadingScope(ts); ok {
		return c
	}
	switch first := ts[0].lw(); {
	case len(ts) > 1 && (first == "they" || first == "he" || first == "she") && startsVerbPhrase(ts[1:]):
		vp := baseVerbPhrase(ts[1:])
		return p.actorClause(-1, "", vp)
	case len(ts) > 1 && (productVerb(first) || thirdBeforeDeterminer(ts)) && ts[1].isWord() && !conjunctions[ts[1].lw()] && ts[1].lw() != "per":
		// "Encrypts secrets with age before they leave your machine": a
		// verb in the third person with no subject says what the product
		// does.
		return clause{kind: kindSystem, persona: -1, body: lowerFirst(baseVerbPhrase(ts), p.proper)}
	case isImperative(ts) && systemVerbs[root(lookupVerb(first).base)] && p.actor < 0:
		// "Send a weekly summary…", "Support multiple languages": the
		// product does these, not a person; under a persona's heading
		// ("School office: send reminders…, with one click") the persona
		// does.
		return clause{kind: kindSystem, persona: -1, body: lowerFirst(join(ts), p.proper)}
	case isImperative(ts):
		return p.actorClause(-1, "", lowerFirst(join(ts), p.proper))
	}
	if c, ok := p.passive(ts); ok {
		return c
	}
	if i, ok := finiteVerb(ts); ok {
		if c, ok := p.subjectClause(ts[:i], baseVerbPhrase(ts[i:])); ok {
			return c
		}
	}
	if i, ok := peopleThenVerb(ts); ok {
		if c, ok := p.subjectClause(ts[:i], baseVerbPhrase(ts[i:])); ok {
			return c
		}
	}
	return clause{kind: kindNoun, persona: p.nounPersona(join(ts)), body: lowerFirst(join(ts), p.proper)}
}

// dropSequenceAdverb removes "then" between a subject and its verb: "The
// tenant then confirms that the repair is fixed" says what the tenant
// does, in a story's order, which a requirement need not keep.
func dropSequenceAdverb(ts []token) []token {
	for i := 1; i+1 < len(ts); i++ {
		if !sequenceAdverbs[ts[i].lw()] || !ts[i-1].isWord() || conjunctions[ts[i-1].lw()] {
			continue
		}
		if v := verbForm(ts[i+1].lw()); v != nil && v.third == ts[i+1].lw() && v.base != ts[i+1].lw() {
			out := append(append([]token(nil), ts[:i]...), ts[i+1:]...)
			out[i].space = ts[i].space
			return out
		}
	}
	return ts
}

// sequenceAdverbs stand between a subject and its verb without changing
// what is done: "The tenant then confirms", "The studio manager also
// needs to see".
var sequenceAdverbs = set("then", "also", "additionally")

// actorClause builds a clause for a verb phrase whose actor is a persona
// (persona ≥ 0) or unknown (-1: chosen from the persona descriptions).
func (p people) actorClause(persona int, det, vp string) clause {
	if persona < 0 {
		persona = p.actor
	}
	if persona < 0 {
		persona = p.verbPersona(vp)
	}
	c := clause{kind: kindActor, persona: persona, body: vp, actor: "users"}
	if persona >= 0 {
		c.actor = actorPhrase(p.personas[persona].Name, det, p.proper)
	}
	return c
}

// subjectClause builds the clause for a subject and its verb phrase. The
// product as subject gives a system clause; a persona or a person ("Front
// desk", "Supervisors") an actor clause; a thing ("The dashboard shows…")
// a noun phrase: "a dashboard that shows…". A subject that is none of
// these ("Credit notes against…") means the feature is a noun phrase.
func (p people) subjectClause(subj []token, vp string) (clause, bool) {
	words := join(subj)
	lw := strings.ToLower(words)
	if systemSubjects[lw] || strings.EqualFold(words, p.title) {
		return clause{kind: kindSystem, persona: -1, body: vp}, true
	}
	det := ""
	if determiners[subj[0].lw()] {
		det = subj[0].lw()
	}
	if i := p.namedPersona(words); i >= 0 {
		return p.actorClause(i, det, vp), true
	}
	last := subj[len(subj)-1].lw()
	if i := slices.IndexFunc(subj, func(t token) bool { return prepositions[t.lw()] }); i > 0 && isPerson(subj[i-1].lw()) && isPlural(subj[i-1].lw()) {
		// "Colleagues on the same ward with the same grade see…": the
		// people are the head, before the first preposition.
		c := p.actorClause(-1, "", vp)
		c.persona, c.actor = -1, lowerFirst(words, p.proper)
		return c, true
	}
	if len(subj) > 3 || verbForm(last) != nil && !isPlural(last) || !isPlural(last) && det == "" {
		return clause{}, false
	}
	if isPerson(last) {
		c := p.actorClause(-1, "", vp)
		c.persona, c.actor = -1, lowerFirst(words, p.proper)
		return c, true
	}
	return p.thingClause(subj, vp), true
}

// thingClause turns "The dashboard shows revenue by month" into the noun
// phrase "a dashboard that shows revenue by month".
func (p people) thingClause(subj []token, vp string) clause {
	if determiners[subj[0].lw()] && len(subj) > 1 {
		subj = subj[1:]
	}
	np := withArticle(lowerFirst(join(subj), p.proper))
	ts := tokenize(vp)
	ts[0].text = agree(baseForm(ts[0]), "", subj)
	body := np + " that " + join(ts)
	return clause{kind: kindNoun, persona: p.nounPersona(body), body: body}
}

// personNouns name people; with the agent suffixes in isPerson they tell a
// subject who acts ("Supervisors see…") from a thing ("Reports show…").
var personNouns = set("user", "customer", "client", "admin", "staff", "team", "people", "person", "member",
	"patient", "guest", "lead", "owner", "employee", "student", "parent", "child", "nurse", "doctor",
	"agent", "associate", "tenant", "partner", "volunteer", "donor", "coach", "host", "everyone", "anyone", "finance", "colleague",
	"support", "security", "ops", "sales", "marketing", "legal", "clinician", "pupil", "kid", "athlete", "candidate")

// isPerson reports whether a noun names people: a known one, or one with
// an agent suffix ("driver", "supervisor", "technician", "assistant") that
// is not a known kind of thing ("reminder", "folder").
func isPerson(w string) bool {
	w = strings.ToLower(singular(w))
	if personNouns[w] {
		return true
	}
	if uiNouns[w] || messageNouns[w] || nonEntities[w] || readOnlyNouns[w] || thingNouns[w] {
		return false
	}
	return hasAnySuffix(w, "er", "or", "ist", "ian", "ant", "ent")
}

// thingNouns are things with an agent-like ending.
var thingNouns = set("order", "folder", "filter", "header", "footer", "timer", "counter", "number", "paper",
	"letter", "poster", "server", "browser", "container", "cluster", "banner", "trigger", "buffer",
	"error", "sensor", "monitor", "vendor", "factor", "sector", "document", "payment", "statement",
	"component", "event", "segment", "element", "amount", "account", "percent", "content", "request")

// filedUnder returns p reading a feature the brief files under a
// persona's name (brief.Feature.Actor).
func (p people) filedUnder(name string) people {
	p.actor = -1
	for i, ps := range p.personas {
		if name != "" && strings.EqualFold(ps.Name, name) {
			p.actor = i
		}
	}
	return p
}

// namedPersona returns the persona whose name the words share most words
// with ("Front desk" names "Front-desk staff"), or -1. The words' last
// content word, their head, must be one of them: "Patients' preferred
// language" is a language, not the "Language services coordinators".
func (p people) namedPersona(words string) int {
	best, bestN := -1, 0
	t := topicsOf(words, nil)
	head := ""
	if len(t.words) > 0 {
		head = t.words[len(t.words)-1]
	}
	for i := range p.personas {
		names := p.wordsOf().names[i]
		if n := t.overlap(names); n > bestN && names[head] {
			best, bestN = i, n
		}
	}
	return best
}

// verbPersona picks the actor of a subject-less feature: the persona whose
// description uses one of the feature's verbs ("Team member; checks in"
// acts in "Check in to a habit"), else the first persona, else -1. Only
// verbs count: the feature's objects ("invite members") often name another
// persona.
func (p people) verbPersona(vp string) int {
	if len(p.personas) == 0 {
		return -1
	}
	mine := map[string]bool{}
	for _, s := range segments(tokenize(vp)) {
		if s.verb != "" {
			mine[s.verb] = true
		}
	}
	for i, ps := range p.personas {
		for _, w := range contentWords(ps.Description) {
			if baseVerb(w) != nil && mine[w] {
				return i
			}
		}
	}
	return 0
}

// nounPersona picks who wants a noun-phrase feature: the persona whose
// name and description share most words with it, else the first.
func (p people) nounPersona(np string) int {
	if len(p.personas) == 0 {
		return -1
	}
	best, bestN := 0, 0
	t := topicsOf(np, p.proper)
	for i := range p.personas {
		if n := t.overlap(p.wordsOf().all[i]); n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// actorPhrase names a persona inside a sentence: "patients", "front-desk
// staff", "a team lead", "the clinic manager", "our support team". det is
// the determiner the brief used, if any.
func actorPhrase(name, det string, proper map[string]bool) string {
	name = lowerFirst(strings.TrimSpace(name), proper)
	first, _, _ := strings.Cut(strings.ToLower(name), " ")
	head := headWord(name)
	switch {
	case determiners[first]:
		return name
	case isPlural(head) || massNouns[strings.ToLower(head)]:
		return name
	case det == "the" || collectiveNouns[strings.ToLower(head)]:
		return "the " + name
	}
	return article(name) + " " + name
}

// headWord returns the main noun of a name: the word before its first
// preposition ("Developer at a customer" → "Developer"), else the last.
func headWord(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if i > 0 && prepositions[strings.ToLower(w)] {
			return ws[i-1]
		}
	}
	if len(ws) == 0 {
		return ""
	}
	h := ws[len(ws)-1]
	if i := strings.LastIndex(h, "-"); i >= 0 {
		h = h[i+1:]
	}
	return h
}

// isImperative reports whether a feature starts with an instruction
// ("Create a team…"). A verb that is also a common noun counts only when
// what follows cannot continue a noun phrase: "Export check-in history" is
// an instruction, "Audit log of every change" is not.
func isImperative(ts []token) bool {
	v := lookupVerb(ts[0].lw())
	if v == nil {
		return false
	}
	if len(ts) > 2 && ts[1].isWord() && isPerson(ts[1].lw()) && isPlural(ts[1].lw()) && baseVerb(ts[2].lw()) != nil {
		// "Store associates scan a code": people, then what they do.
		return false
	}
	if adjectives[ts[0].lw()] && len(ts) > 1 && ts[1].isWord() && !determiners[ts[1].lw()] && !possessives[ts[1].lw()] && !pronouns[ts[1].lw()] && !prepositions[ts[1].lw()] && baseVerb(ts[1].lw()) == nil {
		// "Live readings for each site": an adjective on a noun.
		return false
	}
	if !v.noun {
		return true
	}
	if len(ts) > 3 && ts[1].text == "/" && baseVerb(ts[2].lw()) != nil && ts[3].isWord() && !compoundHeads[ts[3].lw()] {
		// "Start / end walk": two verbs on one object, as a sticky note
		// writes them.
		return true
	}
	if len(ts) == 1 || !ts[1].isWord() {
		return false
	}
	next := ts[1].lw()
	if (next == "and" || next == "or") && len(ts) > 3 {
		// "Rate and review the walker": two verbs on one object; "Audit
		// and compliance reports" is a noun phrase, its last word a noun.
		if w := lookupVerb(ts[2].lw()); w != nil && !compoundHeads[ts[3].lw()] && (!w.noun && startsNounPhrase(ts[3]) || determiners[ts[3].lw()] || possessives[ts[3].lw()] || phrasal[ts[2].lw()+" "+ts[3].lw()]) {
			return true
		}
	}
	return !compoundHeads[next] && next != "of" && next != "for" && next != "with" && next != "and" && next != "or"
}

// thirdBeforeDeterminer reports whether a feature starts with a verb in
// the third person that could be a noun, before a determiner: "Exports
// the checked BOM as CSV" does, where "Exports of the BOM" would not.
func thirdBeforeDeterminer(ts []token) bool {
	v := verbForm(ts[0].lw())
	return len(ts) > 2 && v != nil && v.third == ts[0].lw() && v.base != ts[0].lw() && (determiners[ts[1].lw()] || possessives[ts[1].lw()])
}

// leadingScope reads a feature that opens with the things it applies to
// and then says what the product does: "For each BOM line, shows the
// best offer: distributor, stock…" is showing the best offer for each BOM
// line, the scope put before the list.
func (p people) leadingScope(ts []token) (clause, bool) {
	if len(ts) < 5 || ts[0].lw() != "for" {
		return clause{}, false
	}
	comma := slices.IndexFunc(ts, func(t token) bool { return t.text == "," })
	if comma < 2 || comma > 6 || comma+2 >= len(ts) {
		return clause{}, false
	}
	rest := ts[comma+1:]
	if !productVerb(rest[0].lw()) && !thirdBeforeDeterminer(rest) {
		return clause{}, false
	}
	scope := lowerFirst(join(ts[:comma]), p.proper)
	body := lowerFirst(baseVerbPhrase(rest), p.proper)
	if head, list, ok := strings.Cut(body, ": "); ok {
		body = head + " " + scope + ": " + list
	} else {
		body += " " + scope
	}
	return clause{kind: kindSystem, persona: -1, body: body}, true
}

// productVerb reports whether a feature's first word is a verb in the
// third person that is no noun ("Encrypts", "Syncs"; not "Reports",
// "Alerts").
func productVerb(w string) bool {
	v := verbForm(w)
	return v != nil && v.third == w && v.base != w && !v.noun && !isPerson(w)
}

// startsVerbPhrase reports whether ts starts with a verb, a modal or "has
// to", as after a pronoun subject.
func startsVerbPhrase(ts []token) bool {
	w := ts[0].lw()
	return modals[w] || verbForm(w) != nil
}

// finiteVerb finds the verb that follows a subject ("Patients join",
// "Front desk sees", "Everything has to") and returns its index.
func finiteVerb(ts []token) (int, bool) {
	for i := 1; i < len(ts) && i <= 6; i++ {
		t := ts[i]
		lw := t.lw()
		if !t.isWord() || conjunctions[lw] && lw != "and" || prepositions[lw] && lw != "of" && lw != "at" {
			return 0, false
		}
		prev := ts[i-1].lw()
		next := ""
		if i+1 < len(ts) {
			next = ts[i+1].lw()
		}
		if isPerson(lw) && isPlural(lw) && baseVerb(next) != nil && i+1 < len(ts) {
			continue // "Store associates scan": the people, then their verb
		}
		if next == "of" && !modals[lw] && lw != "is" && lw != "are" {
			continue // "live GPS track of the walk": a noun, not a verb
		}
		switch v := verbForm(lw); {
		case modals[lw], lw == "is", lw == "are":
			return i, true
		case (lw == "has" || lw == "have" || lw == "needs" || lw == "need" || lw == "wants") && next == "to":
			return i, true
		case v != nil && v.third == lw && v.base != lw:
			if nv := baseVerb(next); nv != nil && (!singularNoun(prev) || !nv.noun && i+2 < len(ts) && !compoundHeads[prev] && !uiNouns[prev]) {
				continue // "SOC 2 controls apply", "Key checks add…": the plural noun is not the verb
			}
			return i, verbForm(prev) == nil || determiners[prev]
		case v != nil && v.base == lw && (pluralNoun(ts[i-1].text) || prev == "they" || prev == "we"):
			return i, true
		}
	}
	return 0, false
}

// peopleThenVerb finds the verb after a subject of people qualified by
// prepositional phrases ("Colleagues on the same ward with the same grade
// see open offers"), which finiteVerb, stopping at a preposition, does not
// reach: the first word is people in the plural, and the verb the first
// base form after a noun.
func peopleThenVerb(ts []token) (int, bool) {
	if len(ts) < 3 || !isPerson(ts[0].lw()) || !isPlural(ts[0].lw()) {
		return 0, false
	}
	for i := 2; i < len(ts) && i <= 12; i++ {
		prev := ts[i-1].lw()
		if !ts[i].isWord() || !ts[i-1].isWord() {
			return 0, false
		}
		if v := baseVerb(ts[i].lw()); v != nil && !v.noun && !determiners[prev] && !prepositions[prev] && prev != "to" && verbForm(prev) == nil {
			return i, true
		}
	}
	return 0, false
}

// pluralNoun reports whether w can be a plural noun subject: "patients",
// or "controls" in "SOC 2 controls apply", which also reads as a verb.
func pluralNoun(w string) bool {
	lw := strings.ToLower(w)
	v := verbForm(lw)
	return isPlural(w) && (v == nil || v.third == lw)
}

// singularNoun reports whether w can be a singular noun subject, which
// makes a following -s word its verb ("dashboard shows"), not a plural
// ("SOC 2 controls").
func singularNoun(w string) bool {
	return w != "" && !hasDigit(w) && !determiners[w] && !isPlural(w) && !isAdjective(w) && !prepositions[w]
}
