package domain

import (
	"strings"
)

// clause reads a clause of a feature: its subject, verbs, objects and
// the phrases attached to them. ctx is the entity a label named, for a
// clause after the label ("Watering log: … the log records who and
// when").
func (fr *featureReader) clause(ts []tok, ctx *candidate) {
	cs := fr.r.chunks(ts)
	st := &clauseState{ctx: ctx, nominal: nominal(cs)}
	fr.its = nil
	if ctx != nil {
		fr.last = ctx
	}
	for i := 0; i < len(cs); i++ {
		if i < st.skip {
			continue
		}
		c := cs[i]
		switch c.kind {
		case cNP:
			at := i
			paren := parenAfter(cs, i)
			if paren != nil {
				i = paren.end
			}
			fr.nounPhrase(st, cs, at, i, c.np, paren)
		case cVerb:
			if st.verb != nil && st.verb.base == "mark" && len(st.objects) > 0 && st.slot == slotObject && fr.r.participle(c.low()) {
				// "mark the job done", "Mark a berth closed".
				fr.state(st, &nounPhrase{words: []string{c.toks[0].raw}})
				continue
			}
			st.joined = joinedVerb(cs, i)
			st.negated = negated(cs, i)
			st.infinitive = i > 0 && cs[i-1].kind == cAux && cs[i-1].low() == "to"
			carry := linkedVerb(cs, i) && !c.passive && !c.ing
			prev := st.verbObjects
			if len(prev) == 0 {
				prev = st.carry // "…, can reorder for triage, and mark …"
			}
			fr.verb(st, c)
			st.group, st.withList = nil, false
			if carry && len(prev) > 0 {
				// "sees the live queue on a tablet, can reorder for triage,
				// and mark patients as called": the later verbs act on the
				// first one's object when they take none of their own.
				st.carry = prev
				if takesNothing(cs, i) {
					for _, o := range prev {
						fr.operate(st, o)
					}
				}
			}
		case cPrep:
			if st.verb != nil && st.act != nil && fr.r.lx.particle[c.low()] && i >= 2 && cs[i-1].kind == cConj && cs[i-1].low() == "and" &&
				cs[i-2].kind == cPrep && cs[i-2].particle && !fr.weak && !st.negated {
				// "check tools out and in": the check-out is checked back in.
				st.act.operate(Operation{Kind: OpAction, Name: st.verb.base + " " + c.low(), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
				continue
			}
			if st.verb != nil && (c.particle || st.slot == slotObject && len(st.objects) == 0 && cs[i-1].kind == cVerb && fr.r.lx.particle[c.low()] &&
				i+1 < len(cs) && cs[i+1].kind == cNP && (cs[i+1].np.det == "" || !placePreps[c.low()])) {
				// "check tools out", "sign off risk assessments", "check
				// out a tool", but "moves in the patient administration
				// system".
				if !strings.HasSuffix(st.verbName, " "+c.low()) {
					st.verbName += " " + c.low()
					fr.phrasalAct(st, c.low())
				}
				continue
			}
			st.slot, st.prep, st.means = slotPrep, c.low(), ""
			st.pending = st.group
			st.withList = st.withList || c.low() == "with"
			if c.low() == "as" && st.verb != nil && st.verb.base == "mark" {
				st.slot = slotState
			}
		case cConj:
			if fr.whField(st, cs, i) {
				continue
			}
			st.conj = true
			continue
		case cAux:
			if beForm(c.low()) && st.verb == nil && st.subject != nil && st.persona == "" && i+1 < len(cs) && cs[i+1].kind == cNP &&
				fr.n.nameable(st.subject.name()) {
				st.copula, st.slot = true, slotObject
				st.verb, st.verbName = &chunk{kind: cVerb, base: "be"}, "be"
			}
			if (c.low() == "has" || c.low() == "have") && st.verb == nil && st.subject != nil && !st.people && i+1 < len(cs) &&
				(cs[i+1].kind == cNP || cs[i+1].kind == cPron) {
				// "which of our stores has it in stock", "a file can have a
				// different version": the subject holds something, so it is
				// a thing.
				if e := fr.entity(st.subject, wObject-wSubject, false); e != nil {
					e.solid = true
				}
				st.verb, st.verbName, st.slot = &chunk{kind: cVerb, base: "have"}, "have", slotObject
			}
		case cPunct:
			if c.low() == "," || c.low() == "/" || c.low() == "+" || c.low() == "&" {
				st.conj = true
				continue
			}
			if c.low() == "(" {
				// An aside no phrase owns: "(dbt ref() and source() calls)".
				if end := closing(cs, i); end > i {
					i = end
				}
			}
		case cPron:
			if st.slot == slotObject && st.verb != nil && (c.low() == "it" || c.low() == "them" || c.low() == "one") {
				// "Share a read-only link to the board …, and revoke it":
				// the clause's first object, else the thing named last.
				if it := st.firstObject; it != nil {
					fr.operate(st, it)
				} else if fr.last != nil {
					fr.operate(st, fr.last)
				}
			}
			if st.slot == slotPrep && (c.low() == "it" || c.low() == "them") && st.firstObject != nil {
				// "the tag on it": a field of what the clause acts on.
				for _, p := range st.pending {
					if fr.isField(p) || !fr.n.nameable(p.name()) {
						st.firstObject.field(fr.field(p, p.paren))
					}
				}
			}
			if fr.whField(st, cs, i) {
				st.conj = false
				continue
			}
		}
		st.conj = false
	}
}

// whField reads "with who, when, from where and to where": fields a
// with-list names by a question word.
func (fr *featureReader) whField(st *clauseState, cs []chunk, i int) bool {
	if st.fieldsOf == nil || st.verb == nil || !st.withList && !recording[st.verb.base] {
		return false
	}
	if i+1 < len(cs) && (cs[i+1].kind == cNP || cs[i+1].kind == cPron) {
		// "when the designer has keys": a clause, not a field.
		return false
	}
	name := ""
	switch cs[i].low() {
	case "who":
		name = "who"
	case "when":
		name = "when"
	case "where":
		name = "where"
		if i > 0 && cs[i-1].kind == cPrep {
			name = cs[i-1].low()
		}
	default:
		return false
	}
	f := fr.field(&nounPhrase{words: []string{name}}, "")
	if name == "from" || name == "to" {
		f.Type, f.Guess = String, true
	}
	st.fieldsOf.field(f)
	return true
}

// byThing reports whether the clause's verb is done by a thing, not by
// people: "approved swaps update the roster", "the system prints a
// label". What a thing or the product does is its behaviour, no
// operation people ask for. A thing is the product or one the brief
// stores; a passive's subject is its object, and a feature's named thing
// is what people use ("Team board showing …").
func (fr *featureReader) byThing(st *clauseState) bool {
	if st.verb == nil || st.verb.passive || st.subject == nil || st.people || st.nominal || st.infinitive {
		return false
	}
	switch h := st.subject.head(); {
	case h == "system" || h == "app" || h == "product" || h == "service" || fr.n.product[h]:
		return true
	}
	name, _, ok := fr.n.entityName(st.subject)
	c := fr.ev.byName[name]
	return ok && c != nil && (c.strong || c.given)
}

// coVerb is a verb joined to the next: its chunk and its name with its
// particle.
type coVerb struct {
	verb *chunk
	name string
}

// placePreps are particles that before a determiner are prepositions of
// place: "moves in the system", "sits on the shelf".
var placePreps = map[string]bool{"in": true, "on": true, "over": true, "down": true}

// negated reports whether the verb at i is denied: "have not checked
// in", "never pays".
func negated(cs []chunk, i int) bool {
	for j := i - 1; j >= 0 && cs[j].kind == cAux; j-- {
		switch cs[j].low() {
		case "not", "never", "don't", "doesn't", "didn't", "can't", "cannot", "won't", "isn't", "aren't", "haven't", "hasn't":
			return true
		}
	}
	return false
}

// linkedVerb reports whether the verb at i follows "and", "or" or a
// comma, maybe with a modal between: "…, can reorder", "and mark".
func linkedVerb(cs []chunk, i int) bool {
	j := i - 1
	for j >= 0 && cs[j].kind == cAux {
		j--
	}
	return j >= 0 && (cs[j].kind == cConj && (cs[j].low() == "and" || cs[j].low() == "or") || cs[j].kind == cPunct && cs[j].low() == ",")
}

// takesNothing reports whether the verb at i has no object: what follows
// it, after its particles, is no phrase.
func takesNothing(cs []chunk, i int) bool {
	j := i + 1
	for j < len(cs) && cs[j].kind == cPrep && cs[j].particle {
		j++
	}
	return j >= len(cs) || cs[j].kind != cNP && cs[j].kind != cPron && cs[j].kind != cCode
}

// joinedVerb reports whether the verb at i is joined to a verb before
// it ("update" in "Create, update …", "reject" in "approves or rejects"),
// nothing between them but a conjunction or a comma.
func joinedVerb(cs []chunk, i int) bool {
	j := i - 1
	if j < 1 || !(cs[j].kind == cConj && (cs[j].low() == "and" || cs[j].low() == "or") || cs[j].kind == cPunct && (cs[j].low() == "," || cs[j].low() == "/")) {
		return false
	}
	j--
	if cs[j].kind == cConj && (cs[j].low() == "and" || cs[j].low() == "or") && j > 0 && cs[j-1].kind == cPunct {
		j -= 2 // "create, update, and delete"
	}
	if j >= 0 && cs[j].kind == cPrep && cs[j].particle {
		j-- // "check out and in"
	}
	return j >= 0 && cs[j].kind == cVerb
}

// slot says what a noun phrase is by where it stands.
type slot int

const (
	slotSubject slot = iota
	slotObject
	slotPrep
	slotState // after "mark … as"
)

// clauseState is what a clause has said so far.
type clauseState struct {
	ctx  *candidate
	slot slot
	prep string
	conj bool // a conjunction or comma since the last phrase
	// means is the field the last means of a "by" list filled ("method"
	// after "by card"): "…, Apple Pay or Google Pay" are more of its
	// values.
	means   string
	subject *nounPhrase
	persona string // the subject's persona, if it is one
	people  bool   // the subject is people: a persona, "users"
	// lastAct is the act of the clause's last verb that named one: "asks
	// for a lot and picks a handover" is a request with a handover.
	lastAct *candidate
	// withList is set from "with" to the next verb.
	withList bool
	verb     *chunk
	verbName string
	// coVerbs are the verbs joined to verb before it took an object:
	// "create", "update" and "finalize" in "Create, update, finalize and
	// void invoices".
	coVerbs []coVerb
	// manner is set while reading a verb of how the clause's act is
	// done ("join the queue by scanning …, entering a first name"): its
	// fields are the act's, no change of their own.
	manner bool
	// seeing is the last verb, when it looks at things: what its
	// question clauses ask about is listed.
	seeing *chunk
	// relative is the phrase a relative clause is about, for its verb:
	// "the monthly statement" of "…, which the studio manager exports".
	relative *nounPhrase
	// shows is set while reading a phrase a verb of showing follows:
	// "Team board showing each habit's streak".
	shows bool
	// carry are the objects of the verb before, linked to this one by
	// "and", "or" or a comma: what the verb acts on when its object is
	// none of the product's things (a persona).
	carry []*candidate
	// infinitive is set while reading a verb after "to": "… when a
	// parcel is opened to mark the order received" is the people's.
	infinitive bool
	// negated is set while reading a verb after "not" or "never":
	// "members who have not checked in" make no check-in.
	negated bool
	// joined is set while reading a verb joined to the verb before it,
	// nothing between them but "and", "or" or a comma.
	joined  bool
	objects []*candidate // the verb's objects that are entities
	// verbObjects are the objects of the last verb alone.
	verbObjects []*candidate
	// firstObject is the clause's first object, what "it" is.
	firstObject *candidate
	act         *candidate // the act the verb names ("booking")
	// fieldsOf is the entity a "with" or "by" list gives fields to.
	fieldsOf *candidate
	pos      *candidate // the possessor of a list ("the boat's name, length")
	// states are the states "mark … as" named so far.
	states []string
	// copula is set after "is" or "are" following the subject: the next
	// phrase says what the subject is.
	copula bool
	// ofNext is set while reading a phrase an "of" phrase follows,
	// maybe after others joined to it ("the dates and times of …").
	ofNext bool
	// skip is the index of the first chunk the clause has not read yet,
	// when a reading took several.
	skip int
	// group holds the phrases joined since the last verb or preposition
	// ("Last-used time and IP address"), pending the group before the
	// current preposition ("… per key").
	group, pending []*nounPhrase
	// nominal is set for a clause that is noun phrases only ("Refunds and
	// disputes", "Audit log of key creation"): its first phrases are
	// what the feature provides.
	nominal bool
}

// nominal reports whether a clause opens with a noun phrase that no verb
// of its own follows: "Threshold alerts (too hot, too cold) sent by push
// to whoever is on the rota".
func nominal(cs []chunk) bool {
	if len(cs) == 0 || cs[0].kind != cNP {
		return false
	}
	depth := 0
	for _, c := range cs[1:] {
		switch {
		case c.kind == cPunct && c.low() == "(":
			depth++
		case c.kind == cPunct && c.low() == ")":
			depth--
		case depth > 0 || c.kind == cNP || c.kind == cPunct || c.kind == cConj && !words().sub[c.low()]:
		case c.kind == cVerb:
			return c.ing || strings.HasSuffix(c.low(), "ed") || words().irregular[c.low()] != ""
		case c.kind == cAux:
			return false
		default:
			return true
		}
	}
	return true
}

// closing returns the index of the bracket closing the one at i, or -1.
func closing(cs []chunk, i int) int {
	depth := 0
	for j := i; j < len(cs); j++ {
		if cs[j].kind != cPunct {
			continue
		}
		switch cs[j].low() {
		case "(":
			depth++
		case ")":
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// ofFollows reports whether an "of" phrase follows chunk i, after the
// phrases joined to it.
func ofFollows(cs []chunk, i int) bool {
	for j := i + 1; j+1 < len(cs); j++ {
		switch c := cs[j]; {
		case c.kind == cPrep:
			return c.low() == "of" && cs[j+1].kind == cNP
		case c.kind == cNP && c.np.det != "":
			// "the color name, its code and which of our stores": the
			// "of" is another phrase's.
			return false
		case c.kind == cConj || c.kind == cNP || c.kind == cPunct && c.low() == ",":
		default:
			return false
		}
	}
	return false
}

// paren is a bracketed aside after a phrase.
type paren struct {
	text string
	end  int // the index of the closing chunk
}

// parenAfter returns the bracketed aside right after chunk i.
func parenAfter(cs []chunk, i int) *paren {
	if i+1 >= len(cs) || cs[i+1].kind != cPunct || cs[i+1].low() != "(" {
		return nil
	}
	var parts []string
	for j := i + 2; j < len(cs); j++ {
		if cs[j].kind == cPunct && cs[j].low() == ")" {
			return &paren{text: strings.Join(parts, " "), end: j}
		}
		for _, t := range cs[j].toks {
			parts = append(parts, t.raw)
		}
	}
	return nil
}
