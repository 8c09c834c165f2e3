package domain

import (
	"slices"
	"strings"
)

// object reads a verb's object.
func (fr *featureReader) object(st *clauseState, np *nounPhrase) {
	if st.verb == nil {
		return
	}
	if st.verb.base == "record" || st.verb.base == "log" {
		// "the log records who and when": fields of what the clause is about.
		if w := np.head(); (w == "who" || w == "when") && st.fieldsOf != nil {
			st.fieldsOf.field(fr.field(np, ""))
			return
		}
	}
	if fr.join(st, np) {
		return
	}
	if p := fr.persona(np); p != "" {
		if o := fr.owner(np); o != nil && np.possessor != nil {
			// "each plot's holder": the plot's holder is a person.
			o.field(Field{Name: fieldName(fr.r.lx, np), Type: Reference, Ref: p, Lines: fr.lineOf(np.head())})
			st.pos = o
			return
		}
		if st.act != nil {
			st.act.field(Field{Name: strings.ToLower(singular(np.head())), Type: Reference, Ref: p, Lines: fr.lineOf(np.head())})
		}
		// "mark patients as called", "approve walkers": what the verb acts
		// on is the people's record, the thing the clause's verbs share or
		// the one thing they make.
		if !fr.r.lx.decide[st.verb.base] || st.subject != nil && (st.subject.head() == "system" || st.subject.head() == "app") {
			return
		}
		rec := st.carry
		if len(rec) == 0 {
			if c := fr.madeBy(p); c != nil {
				rec = []*candidate{c}
			}
		}
		for _, c := range rec {
			fr.operate(st, c)
			st.objects = append(st.objects, c)
		}
		return
	}
	if np.possessor != nil && periodWords[np.possessor.head()] && fr.r.lx.list[st.verb.base] && !fr.isField(np) {
		// "see the day's findings": the findings, listed by day.
		bare := *np
		bare.possessor = nil
		if e := fr.entity(&bare, wObject, false); e != nil {
			fr.operate(st, e)
			fr.filter(st, e, &nounPhrase{words: []string{np.possessor.head()}})
			st.objects = append(st.objects, e)
			st.verbObjects = append(st.verbObjects, e)
			return
		}
	}
	// "the boat's name", "its priority", "its condition": a field of the
	// owner; "each footprint's reference designator": one unless the brief
	// makes it a thing.
	if o := fr.owner(np); o != nil && (fr.isField(np) || np.possessor != nil ||
		np.det == "its" || np.det == "their" && !st.people) {
		if np.possessor != nil && !fr.isField(np) && fr.n.nameable(np.name()) {
			o.maybe(fr.field(np, np.paren))
		} else {
			o.field(fr.field(np, np.paren))
		}
		fr.operateField(st, o)
		st.pos = o
		st.fieldsOf = o
		return
	}
	if st.pos != nil && np.det == "" && st.conj {
		// "the boat's name, length, beam and draught".
		if fr.isField(np) {
			st.pos.field(fr.field(np, np.paren))
		} else {
			st.pos.maybe(fr.field(np, np.paren))
		}
		return
	}
	if fr.isField(np) && st.ofNext {
		// "the dates and times of the closure": the "of" says whose.
		return
	}
	if having[st.verb.base] && st.subject != nil && st.persona == "" && !st.people && (fr.isField(np) || !fr.n.nameable(np.name())) &&
		!fr.r.lx.sent[np.head()] {
		// "Each invoice gets the next number and a due date", but "… gets
		// an email" is sent, no field.
		if s := fr.entity(st.subject, 0, false); s != nil {
			s.field(fr.field(np, np.paren))
			st.fieldsOf = s
			return
		}
	}
	madeMany := np.plural() && st.about() == nil && (fr.r.lx.create[st.verb.base] || contentHeads[np.head()])
	if fr.isField(np) && !madeMany && !fr.contentWord(np, st) {
		// "sets its priority", "the firing date": a field of what the
		// clause is about, or of the word before ("firing" date).
		money := false
		if t, _ := fr.r.lx.typeOf(np.head()); t == Money && st.about() != nil {
			money = true
		}
		if len(np.words) > 1 && fr.nounWord(np.words[len(np.words)-2]) && !fr.contentWord(np, st) && !money {
			// "books an appointment window": the appointment is what is
			// booked, the window its field.
			mod := &nounPhrase{words: np.words[:len(np.words)-1]}
			w, strong := wMention, false
			if fr.r.lx.create[st.verb.base] || st.act != nil {
				w, strong = wCreated, true
			}
			if e := fr.entity(mod, w, strong); e != nil {
				e.field(fr.field(&nounPhrase{words: np.words[len(np.words)-1:], paren: np.paren}, np.paren))
				fr.bookedEvent(st, e)
				switch {
				case st.act == e:
				case st.act != nil:
					st.act.field(Field{Name: e.name, Type: Reference, Ref: e.name, Lines: fr.lineOf(mod.head())})
				default:
					fr.operateField(st, e)
				}
				return
			}
		}
		if h := st.about(); h != nil {
			h.field(fr.field(np, np.paren))
			if h != st.act {
				fr.operateField(st, h)
			}
			return
		}
		if len(np.words) > 1 || np.det == "" && !isPlural(np.headRaw()) {
			fr.orphan(fr.field(np, np.paren))
			return
		}
		// "tracking a file": a thing, if the brief keeps acting on it.
	}
	// "uploads supporting documents", "post notes": plural things made.

	// What a verb creates, and what an act is of ("book a desk", "pay
	// their term subscription"), are stored.
	create := fr.r.lx.create[st.verb.base] || st.act != nil || madeMany ||
		slices.ContainsFunc(st.coVerbs, func(v coVerb) bool { return fr.r.lx.create[v.verb.base] }) // "Create, update … and void invoices"
	w := wObject
	if create {
		w = wCreated
	}
	e := fr.entity(np, w, create)
	if e == nil {
		return
	}
	st.objects = append(st.objects, e)
	st.verbObjects = append(st.verbObjects, e)
	if st.firstObject == nil {
		st.firstObject = e
		fr.its = e
	}
	fr.fieldsFromParen(e, np)
	fr.bookedEvent(st, e)
	if st.act == e {
		st.fieldsOf = e
	} else if st.act != nil {
		st.act.field(Field{Name: e.name, Type: Reference, Ref: e.name, Lines: fr.lineOf(np.head())})
		st.act.relate(e.name, false, fr.lineOf(np.head()))
		st.fieldsOf = st.act
	} else {
		st.fieldsOf = e
		fr.operate(st, e)
	}
	if st.persona != "" && (np.det == "their" || np.det == "your" || np.det == "my" || np.det == "own") {
		e.owner = st.persona
	}
}

// bookedEvent makes an event booked the clause's act: "books an
// appointment window" makes an appointment, not a booking of one. The
// act the verb named is taken back.
func (fr *featureReader) bookedEvent(st *clauseState, e *candidate) {
	a := st.act
	if a == nil || a == e || st.verb.base != "book" && st.verb.base != "reserve" || fr.r.lx.acts[st.verb.base] != a.name || !fr.r.lx.events[lastWord(e.name)] {
		return
	}
	if fr.weak {
		a.weight = max(0, a.weight-1)
	} else {
		a.weight = max(0, a.weight-wAct)
		a.unoperate(OpCreate, string(OpCreate), fr.feat.Text)
		e.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
	}
	e.act, e.strong = true, true
	e.madeBy(st.persona)
	st.act, st.lastAct = e, e
}

// join reads what joining a thing makes: "Patients join the queue" makes
// a queue entry, the clause's act, which the rest of the clause gives
// fields ("by scanning …, entering a first name"). It reports whether np
// was so joined.
func (fr *featureReader) join(st *clauseState, np *nounPhrase) bool {
	if st.verb.base != "join" || st.verb.passive || st.act != nil || fr.weak {
		return false
	}
	noun, ok := fr.r.lx.joined[np.name()]
	if !ok {
		noun, ok = fr.r.lx.joined[singular(np.head())]
	}
	if !ok {
		return false
	}
	c := fr.entity(np, wMention, false)
	if c == nil {
		return false
	}
	written := append(append([]string(nil), c.written...), noun)
	a := fr.ev.note(c.name+" "+noun, written, wAct, true, fr.fi, fr.lineOf(np.head()))
	a.act, a.joins = true, c.name
	a.madeBy(st.persona)
	a.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
	st.act, st.lastAct, st.fieldsOf, fr.last = a, a, a, a
	return true
}

// periodWords are the times a possessive may name: "the day's jobs".
var periodWords = map[string]bool{"day": true, "week": true, "month": true, "year": true, "today": true, "night": true, "shift": true}

// madeBy returns the one thing a persona's acts make ("Patients join the
// queue" makes a queue entry), or nil when there is none or more than one.
func (fr *featureReader) madeBy(persona string) *candidate {
	var out *candidate
	for _, c := range fr.ev.byName {
		if c.act && c.by[persona] {
			if out != nil {
				return nil
			}
			out = c
		}
	}
	return out
}

// contentWord reports whether a field-worded phrase made by a verb that
// creates is a thing of its own: "leave a short germination note" makes
// a note, "sets the firing date" sets a field.
func (fr *featureReader) contentWord(np *nounPhrase, st *clauseState) bool {
	if t, _ := fr.r.lx.typeOf(strings.ToLower(np.head())); t == Money && st.about() != nil {
		// "Pay harbour dues": the amount is the payment's.
		return false
	}
	if len(np.words) < 2 || st.verb == nil || !fr.r.lx.create[st.verb.base] || np.possessor != nil || np.det == "its" {
		return false
	}
	return contentHeads[np.head()]
}

// contentHeads are field words that may name things of their own: a note,
// a document, a photo.
var contentHeads = map[string]bool{
	"note": true, "notes": true, "comment": true, "comments": true, "document": true, "documents": true,
	"photo": true, "photos": true, "image": true, "images": true, "picture": true, "pictures": true, "file": true,
	"files": true, "attachment": true, "attachments": true, "certificate": true, "certificates": true,
	"receipt": true, "receipts": true, "scan": true, "scans": true, "message": true, "messages": true,
}

// nounWord reports whether a word of a compound is a noun that may name
// a thing: not a describing -ing or -ed form ("supporting documents").
func (fr *featureReader) nounWord(w string) bool {
	lw := strings.ToLower(w)
	if fr.r.participle(lw) || fr.r.lx.adj[lw] {
		return false
	}
	if strings.HasSuffix(lw, "ing") && !fr.r.lx.ingNouns[lw] {
		_, isVerb := fr.r.lx.verbBase(lw)
		return !isVerb
	}
	return true
}

// about is the entity a clause is about: its act, its object, its
// label's entity.
func (st *clauseState) about() *candidate {
	switch {
	case st.act != nil:
		return st.act
	case len(st.objects) > 0:
		return st.objects[len(st.objects)-1]
	case st.fieldsOf != nil:
		return st.fieldsOf
	}
	return st.ctx
}

// operateField records what the clause's verb does to e by acting on one
// of its fields: setting or recording one changes the thing ("sets its
// priority", "record its outcome"), seeing one lists it ("see the status
// of each repair"), exporting one exports it ("Export check-in history").
func (fr *featureReader) operateField(st *clauseState, e *candidate) {
	if st.verb == nil || e == nil || fr.weak || st.verb.passive || st.manner || st.negated || fr.byThing(st) {
		return
	}
	lx := fr.r.lx
	op := Operation{Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines}
	base := st.verb.base
	if kind, ok := lx.phrasal[st.verbName]; ok {
		base = map[OperationKind]string{OpCreate: "create", OpUpdate: "update", OpDelete: "delete", OpList: "list"}[kind]
	} else if st.verbName != base {
		return // "check in with the QR code on the desk": no change to the desk
	}
	switch {
	case lx.list[base]:
		op.Kind, op.Name = OpList, string(OpList)
	case lx.create[base] || lx.update[base]:
		op.Kind, op.Name = OpUpdate, string(OpUpdate)
	case lx.export[base]:
		op.Kind, op.Name = OpAction, st.verbName
	default:
		return
	}
	e.operate(op)
}

// operate records the clause's verb as an operation on e, and each verb
// joined to it before its object ("Create, update, finalize and void
// invoices").
func (fr *featureReader) operate(st *clauseState, e *candidate) {
	if st.verb == nil || e == nil || fr.weak || st.negated || fr.byThing(st) {
		return
	}
	for _, v := range append(st.coVerbs, coVerb{st.verb, st.verbName}) {
		if !fr.r.lx.inert[v.verb.base] {
			e.operate(fr.operation(v.verb, v.name, e))
		}
	}
}

// operation is what a verb does to its object e: a kind the lexicon's
// verb classes give, else an action named by the verb.
func (fr *featureReader) operation(verb *chunk, name string, e *candidate) Operation {
	lx := fr.r.lx
	op := Operation{Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines}
	base := verb.base
	if ws := strings.Fields(e.name); len(ws) > 1 && ws[0] == base {
		// "Share a read-only link" makes a share link.
		op.Kind, op.Name = OpCreate, string(OpCreate)
		return op
	}
	if name != base && strings.HasPrefix(name, base+" ") {
		// "check tools out and in", "sign off risk assessments": the
		// verb and its particle name the action.
		if kind, ok := lx.phrasal[name]; ok {
			op.Kind, op.Name = kind, string(kind)
		} else {
			op.Kind, op.Name = OpAction, name
		}
		return op
	}
	switch {
	case lx.create[base]:
		op.Kind, op.Name = OpCreate, string(OpCreate)
	case lx.update[base]:
		op.Kind, op.Name = OpUpdate, string(OpUpdate)
	case lx.remove[base]:
		op.Kind, op.Name = OpDelete, string(OpDelete)
	case lx.list[base]:
		op.Kind, op.Name = OpList, string(OpList)
	default:
		op.Kind, op.Name = OpAction, name
	}
	return op
}

// state reads "mark … as Y": an action named by the state.
func (fr *featureReader) state(st *clauseState, np *nounPhrase) {
	if len(st.objects) == 0 {
		return
	}
	e := st.objects[len(st.objects)-1]
	state := strings.ToLower(strings.Join(append(append([]string(nil), np.adjs...), np.words...), " "))
	for _, kind := range []OperationKind{OpAction, OpUpdate} {
		k := opKey{kind, st.verbName, fr.feat.Text}
		if i, ok := e.opAt[k]; ok && len(st.states) == 0 {
			delete(e.opAt, k)
			e.ops[i].Name = st.verbName + " as " + state
			e.opAt[opKey{kind, e.ops[i].Name, fr.feat.Text}] = i
		}
	}
	if state != "" && len(strings.Fields(state)) <= 2 {
		if st.states = append(st.states, state); len(st.states) == 1 {
			e.field(Field{Name: state, Type: Boolean, Guess: true, Lines: fr.lineOf(lastWord(state))})
		} else {
			// "Mark an invoice as sent or paid": a status, and marking it
			// sets the status, not a flag of the first state.
			e.field(Field{Name: "status", Type: Enum, Values: st.states, Guess: true, Lines: fr.lineOf(lastWord(state))})
			e.fields = slices.DeleteFunc(e.fields, func(f Field) bool { return f.Name == st.states[0] && f.Type == Boolean })
			first := st.verbName + " as " + st.states[0]
			for _, kind := range []OperationKind{OpAction, OpUpdate} {
				k := opKey{kind, first, fr.feat.Text}
				if i, ok := e.opAt[k]; ok {
					delete(e.opAt, k)
					e.ops[i].Name = st.verbName
					e.opAt[opKey{kind, st.verbName, fr.feat.Text}] = i
				}
			}
		}
	}
}
