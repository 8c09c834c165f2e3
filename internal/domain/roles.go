package domain

import (
	"strings"
)

// verb reads a verb.
func (fr *featureReader) verb(st *clauseState, c chunk) {
	if c.passive {
		// "payments are recorded against the plot": the subject is what
		// the verb acts on.
		st.verb, st.verbName, st.slot = &c, c.base, slotObject
		st.objects, st.act, st.fieldsOf, st.coVerbs = nil, nil, nil, nil
		if st.subject != nil && st.persona == "" && !(fr.isField(st.subject) && len(st.subject.words) == 1 && !contentHeads[st.subject.head()]) {
			w, strong := wObject, false
			if fr.r.lx.create[c.base] {
				// "payments are recorded against the plot".
				w, strong = wCreated, true
			}
			if e := fr.entity(st.subject, w, strong); e != nil {
				st.objects = append(st.objects, e)
				if _, decided := fr.r.lx.states[c.base]; decided || fr.r.lx.create[c.base] || fr.r.lx.list[c.base] {
					// "payments are recorded" are made, "once the request is
					// confirmed" someone confirms it, "breaches are shown"
					// someone sees them; "the repair is fixed", "is blocked"
					// state what is, no operation of people's.
					fr.operate(st, e)
				}
			}
		}
		st.slot = slotPrep
		st.prep = "by"
		return
	}
	if c.ing && st.slot == slotPrep && st.verb != nil {
		// "by scanning the tag", "by choosing its type", "giving the
		// boat's name": a verb of the same clause and act.
		st.verb, st.verbName, st.slot = &c, c.base, slotObject
		st.fieldsOf, st.verbObjects, st.manner = nil, nil, true
		return
	}
	if st.joined && st.verb != nil && !st.verb.passive && st.act == nil {
		// "Create, update, finalize and void invoices", "approve or
		// reject each swap": the verbs share the object.
		st.coVerbs = append(st.coVerbs, coVerb{verb: st.verb, name: st.verbName})
	} else {
		st.coVerbs = nil
	}
	about := st.fieldsOf
	st.seeing = nil
	if fr.r.lx.list[c.base] {
		st.seeing = &c
	}
	st.verb, st.verbName, st.slot, st.manner, st.carry = &c, c.base, slotObject, false, nil
	st.objects, st.verbObjects, st.act, st.fieldsOf, st.pos = nil, nil, nil, nil, nil
	if recording[c.base] && st.subject != nil && about != nil && !st.people {
		// "the log records who and when": fields of the log.
		st.fieldsOf = about
	}
	if rel := st.relative; rel != nil {
		st.relative = nil
		if e := fr.entity(rel, wObject, false); e != nil {
			fr.operate(st, e)
			st.objects = append(st.objects, e)
		}
	}
	// The act a verb names: "book a desk" is a booking. When the noun is
	// the verb itself ("review", "offer"), the brief must use it as a
	// noun somewhere, or it is only a verb here.
	if noun, ok := fr.r.lx.acts[c.base]; ok && fr.n.nameableAct(noun) && (noun != c.base || fr.n.nouns[noun] || fr.n.nouns[plural1(noun)]) {
		w, strong := wAct, true
		if fr.weak || st.negated {
			// "members who have not checked in": a mention, no act.
			w, strong = 1, false
		}
		a := fr.ev.note(noun, []string{noun}, w, strong, fr.fi, fr.lineOf(c.toks[0].low))
		a.act = true
		a.madeBy(st.persona)
		fr.last = a
		st.lastAct = a
		{
			st.act = a
			if !fr.weak && !st.negated && !fr.byThing(st) {
				a.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
			}
			if st.persona != "" && st.persona != fr.feat.Actor {
				a.owner = st.persona
			}
		}
	}
}

// phrasalAct records the act a verb and its particle name: "check in" is
// a check-in, "sign out" a sign-out.
func (fr *featureReader) phrasalAct(st *clauseState, particle string) {
	key := st.verb.base + "-" + particle
	noun, ok := fr.r.lx.acts[key]
	if !ok || !fr.n.nameableAct(noun) || st.act != nil {
		return
	}
	w, strong := wAct, true
	if fr.weak || st.negated {
		w, strong = 1, false
	}
	a := fr.ev.note(noun, []string{noun}, w, strong, fr.fi, fr.lineOf(st.verb.toks[0].low))
	a.act = true
	a.madeBy(st.persona)
	st.act, st.lastAct = a, a
	if !fr.weak && !st.negated {
		a.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
	}
	for _, o := range st.objects {
		a.field(Field{Name: o.name, Type: Reference, Ref: o.name, Lines: o.lines})
		a.relate(o.name, false, fr.lines)
	}
}

// nounPhrase reads the noun phrase of chunk i where the clause stands.
//
// The phrase is chunk at; its aside, if any, ends at chunk end.
func (fr *featureReader) nounPhrase(st *clauseState, cs []chunk, at, end int, np *nounPhrase, p *paren) {
	if p != nil {
		np.paren = p.text
	}
	if !st.conj {
		st.group = nil
	}
	st.group = append(st.group, np)
	st.ofNext = ofFollows(cs, end)
	next := chunk{}
	if j := end + 1; j < len(cs) {
		next = cs[j]
	}
	// A phrase followed by its verb is the subject of a new clause ("…,
	// and the system drafts the letter").
	st.shows = next.kind == cVerb && next.ing && fr.r.lx.list[next.base]
	startsClause := next.kind == cVerb && !next.ing && !next.passive && !fr.r.participle(next.low()) || next.kind == cAux && !fr.r.lx.adv[next.low()]
	if np.det == "that" && len(np.words) > 0 && len(cs[at].toks) > 1 && words().det[cs[at].toks[1].low] && startsClause &&
		st.verb != nil && st.slot == slotObject && len(st.verbObjects) == 0 && !st.conj {
		// "confirms that the repair is fixed": the verb is about the
		// repair, the subject of what follows.
		np.det = cs[at].toks[1].low
		if e := fr.entity(np, wObject, false); e != nil {
			fr.operate(st, e)
		}
	}
	if (np.det == "which" || np.det == "what") && len(np.words) > 0 && len(cs[at].toks) > 1 && words().det[cs[at].toks[1].low] && at >= 2 &&
		cs[at-1].kind == cPunct && cs[at-1].low() == "," && cs[at-2].kind == cNP && next.kind == cVerb && takesNothing(cs, end+1) {
		// "the member's monthly statement, which the studio manager
		// exports": the verb acts on the phrase before "which".
		np.det = cs[at].toks[1].low
		fr.subject(st, np)
		st.slot, st.verb = slotSubject, nil
		st.relative = cs[at-2].np
		return
	}
	if (np.det == "which" || np.det == "what") && st.seeing != nil && startsClause && fr.persona(np) == "" && !fr.weak && !st.negated {
		// "see how full the shelves are and which pieces have been
		// waiting longest": what is seen.
		if e := fr.entity(np, wObject, false); e != nil {
			e.operate(fr.operation(st.seeing, st.seeing.base, e))
		}
	}
	if st.slot == slotSubject || startsClause && !(st.slot == slotObject && st.conj && st.verb != nil && next.kind == cVerb && next.base == st.verb.base) {
		if startsClause && st.verb != nil {
			// A new clause's subject, not one joined to the last.
			st.conj = false
		}
		if startsClause && st.verb == nil && st.subject != nil && st.slot == slotPrep {
			// "Colleagues on the same ward with the same grade see …": the
			// subject stays the colleagues.
			fr.mentioned(st, np)
			st.slot = slotSubject
			return
		}
		fr.subject(st, np)
		if startsClause {
			st.slot = slotSubject
			st.verb = nil
		}
		return
	}
	if st.copula && st.slot == slotObject {
		// "Every transfer is a custody event with who, when …".
		st.copula = false
		if !fr.isField(np) && fr.persona(np) == "" && np.det != "" {
			if e := fr.entity(np, wCreated, true); e != nil {
				st.fieldsOf = e
				st.objects = append(st.objects, e)
			}
			return
		}
	}
	if st.verb != nil && st.verb.base == "mark" && len(st.objects) > 0 && st.slot != slotPrep && (len(np.words) == 0 || len(np.words) == 1 && np.det == "" && fr.r.participle(np.head())) {
		// "Mark a berth closed", "mark the order received".
		fr.state(st, np)
		return
	}
	switch st.slot {
	case slotObject:
		if !st.conj && len(st.verbObjects) > 0 {
			// Two phrases in a row after a verb: the second is the
			// first's field ("sets its priority" after "triages").
			st.slot = slotPrep
		}
		fr.object(st, np)
	case slotState:
		fr.state(st, np)
	case slotPrep:
		fr.attached(st, cs, at, np)
	}
}

// subject reads a clause's subject.
func (fr *featureReader) subject(st *clauseState, np *nounPhrase) {
	if st.conj && st.subject != nil {
		// "Hosts and checkers": one subject; "Refunds and disputes": two
		// things the feature provides.
		if p := fr.persona(np); p != "" && st.persona == "" {
			st.persona = p
		}
		if st.nominal && fr.persona(np) == "" && !fr.isField(np) {
			fr.provides(fr.entity(np, wCreated, true), np)
		}
		return
	}
	st.subject, st.persona = np, fr.persona(np)
	st.people = fr.n.people(np) || st.persona != ""
	st.objects, st.act, st.fieldsOf, st.pos = nil, nil, nil, nil
	if st.persona != "" || np.head() == "system" || np.head() == "app" {
		return
	}
	if st.ctx != nil && np.head() == lastWord(st.ctx.name) {
		// "the log records who and when" after "Watering log:".
		st.fieldsOf = st.ctx
		fr.last = st.ctx
		return
	}
	if st.ctx != nil && fr.isField(np) && np.possessor == nil && np.det == "" && !contentHeads[np.head()] {
		// "Multi-currency invoices" noted "FX rate recorded".
		st.ctx.field(fr.field(np, np.paren))
		st.fieldsOf = st.ctx
		return
	}
	if o := fr.owner(np); o != nil && (fr.isField(np) || !fr.n.nameable(np.name())) {
		o.field(fr.field(np, np.paren))
		fr.last = o
		return
	}
	w, strong := wSubject, false
	provided := st.nominal && (!fr.isField(np) || contentHeads[np.head()] && len(np.words) > 1)
	if provided && st.shows {
		// "Team board showing each habit's streak": a screen, about what
		// it shows.
		w, provided = wMention, false
	}
	if provided {
		w, strong = wCreated, true
	}
	if e := fr.entity(np, w, strong); e != nil {
		fr.fieldsFromParen(e, np)
		st.fieldsOf = e
		if provided {
			fr.provides(e, np)
			if fr.provided == nil {
				fr.provided = e
			}
		}
	}
}

// provides records what a feature that names a thing without a verb of
// people's asks to do with it: a record people read is listed ("Audit
// log of every change"), what the product sends has no operation
// ("Reminder to members…"), anything else is made ("Credit notes against
// a finalized invoice").
func (fr *featureReader) provides(e *candidate, np *nounPhrase) {
	if e == nil || fr.weak || fr.terse {
		return
	}
	op := Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines}
	switch h := np.head(); {
	case fr.r.lx.sent[h]:
		return
	case fr.r.lx.records[h]:
		op.Kind, op.Name = OpList, string(OpList)
	}
	e.operate(op)
}

func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}
