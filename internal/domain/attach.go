package domain

import (
	"slices"
	"strings"
)

// attached reads a phrase after a preposition.
func (fr *featureReader) attached(st *clauseState, cs []chunk, i int, np *nounPhrase) {
	if fr.attachedPerson(st, np) || fr.attachedMeans(st, np) {
		return
	}
	prep := st.prep
	if ((st.verb == nil || st.nominal) && (prep == "in" || prep == "for") || prep == "on" || prep == "of") && fr.fieldsOfPending(st, np) {
		// "An expiry date on a key", "the time of the last update".
		return
	}
	if prep == "through" && st.verb != nil && fr.states(st, cs, i) {
		return
	}
	if (prep == "on" || prep == "from") && viewNouns[np.head()] && st.verb != nil && !st.verb.passive && !fr.weak {
		// "pick the asset from a map", "Book a desk on a floor plan": the
		// view lists what the verb picks.
		for _, o := range st.verbObjects {
			o.operate(Operation{Kind: OpList, Name: string(OpList), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
		}
	}
	done := false
	switch prep {
	case "with", "including", "giving":
		done = fr.withPhrase(st, np)
	case "by":
		done = fr.byPhrase(st, np)
	case "per", "against":
		fr.parent(st, np, false)
		done = true
	case "for":
		done = fr.forPhrase(st, np)
	case "of":
		done = fr.ofPhrase(st, cs, i, np)
	case "into", "to", "in", "on":
		done = fr.placePhrase(st, np)
	case "as":
		done = fr.asPhrase(st, cs, i, np)
	}
	if !done {
		fr.mentioned(st, np)
	}
}

// attachedPerson reads a persona after a preposition: whom an act is
// for or to. It reports whether np is one.
func (fr *featureReader) attachedPerson(st *clauseState, np *nounPhrase) bool {
	p := fr.persona(np)
	if p == "" {
		return false
	}
	if h := st.about(); h != nil && (st.prep == "to" || st.prep == "for") && st.act != nil {
		h.field(Field{Name: strings.ToLower(singular(np.head())), Type: Reference, Ref: p, Lines: fr.lineOf(np.head())})
	}
	return true
}

// attachedMeans reads a means: "by SMS or email", "by card".
func (fr *featureReader) attachedMeans(st *clauseState, np *nounPhrase) bool {
	if st.prep != "by" && st.prep != "via" && st.prep != "through" {
		return false
	}
	if len(np.words) == 0 {
		return false
	}
	m, ok := fr.r.lx.means[np.head()]
	value := np.words[0]
	switch {
	case ok && len(np.words) == 1:
	case st.means != "" && st.conj && len(np.words) <= 3:
		// "by card, Apple Pay or Google Pay": more of the same means.
		m, value = st.means, strings.Join(np.words, " ")
	default:
		return false
	}
	st.means = m
	f := Field{Name: m, Type: Enum, Values: []string{value}, Guess: true, Lines: fr.lineOf(np.head())}
	if h := st.about(); h != nil {
		h.field(f)
	} else {
		fr.orphan(f)
	}
	return true
}

// withPhrase reads a "with" phrase: fields of what is made ("Add a plant
// with a photo"). It reports whether it used np.
func (fr *featureReader) withPhrase(st *clauseState, np *nounPhrase) bool {
	lx := fr.r.lx
	if gestures[singular(np.head())] {
		// "record the inspection with a few taps": how, not what.
		return true
	}
	f := st.fieldsOf
	if f == nil && st.verb != nil && st.verb.passive {
		f = st.ctx
	}
	if f == nil && st.act != nil {
		// "stallholders apply once with business details".
		f = st.act
	}
	if f != nil && (st.verb != nil && (lx.create[st.verb.base] || lx.update[st.verb.base] || st.act != nil || st.verb.base == "be") ||
		st.verb == nil && st.nominal) {
		fr.fieldOrOwned(st, f, np)
		return true
	}
	if h := st.about(); h != nil && st.verb != nil && fr.isField(np) && len(st.objects) > 0 {
		// "Flag a follow-up with a priority": a field of the thing
		// flagged, which flagging raises as a new record.
		fr.fieldOrOwned(st, h, np)
		if st.verb.base == "flag" && (np.det == "a" || np.det == "an") && len(st.group) == 1 && !fr.weak {
			for _, o := range st.verbObjects {
				o.unoperate(OpAction, st.verbName, fr.feat.Text)
				o.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
			}
		}
		return true
	}
	return false
}

// byPhrase reads a "by" phrase: what a list is filtered by, or a field of
// what is made ("Book an interpreter by language, date, time").
func (fr *featureReader) byPhrase(st *clauseState, np *nounPhrase) bool {
	lx := fr.r.lx
	if st.negated {
		// "members who have not checked in by a configurable hour".
		return true
	}
	if st.verb != nil && lx.list[st.verb.base] || st.verb != nil && (st.verb.base == "filter" || st.verb.base == "sort") {
		if np.det != "" && st.ofNext && !fr.isField(np) {
			// "see the day's findings by the end of the shift": when, not
			// what they are listed by.
			return true
		}
		if h := st.about(); h != nil {
			fr.filter(st, h, np)
			return true
		}
	}
	if st.act != nil || st.fieldsOf != nil && st.verb != nil && lx.create[st.verb.base] {
		fr.fieldOrOwned(st, st.about(), np)
		return true
	}
	return false
}

// forPhrase reads a "for" phrase: a parent ("for each job") or when or
// what an act is for ("book a boat for a time slot").
func (fr *featureReader) forPhrase(st *clauseState, np *nounPhrase) bool {
	if np.det == "each" || np.det == "every" {
		fr.parent(st, np, false)
		return true
	}
	if st.act != nil && len(st.objects) == 0 || st.act != nil && !fr.n.nameable(np.name()) {
		st.act.field(fr.field(np, np.paren))
		return true
	}
	if st.act != nil && (fr.isField(np) || np.det == "a" || np.det == "an" || np.det == "" || np.det == "one") {
		// "book a boat for a time slot", "request a berth for one or
		// more nights": when the act is.
		st.act.field(fr.field(np, np.paren))
		return true
	}
	return false
}

// ofPhrase reads an "of" phrase after a field, a container, a screen or
// a verb's noun ("the status of each repair", "a map of the fridges",
// "Nightly read of due vaccinations").
func (fr *featureReader) ofPhrase(st *clauseState, cs []chunk, i int, np *nounPhrase) bool {
	lx := fr.r.lx
	if st.act != nil && fr.isField(np) {
		// "Batch rolls of the same process (C-41, E-6)".
		st.act.field(fr.field(np, np.paren))
		return true
	}
	if i > 1 && cs[i-2].kind == cNP {
		prev := cs[i-2].np
		if base, ok := lx.verbBase(prev.head()); ok && len(prev.words) == 1 && !fr.isField(prev) && !lx.containers[prev.head()] {
			// "Nightly read of due vaccinations", "Import of rosters":
			// the verb's object; not after a compound noun ("Audit log of
			// every change").
			w, strong := wObject, false
			if lx.create[base] || base == "read" || base == "sync" {
				w, strong = wCreated, true
			}
			if e := fr.entity(np, w, strong); e != nil {
				fr.fieldsFromParen(e, np)
			}
			return true
		}
		if fr.isField(prev) {
			// "the status of each repair (received, scheduled, done)":
			// the aside is the field's; "the dates and times of the
			// closure": every field before is the closure's.
			if e := fr.entity(np, wObject, false); e != nil {
				for _, p := range st.pending {
					if p == prev || !fr.isField(p) {
						continue
					}
					e.field(fr.field(p, p.paren))
				}
				aside := prev.paren
				if aside == "" {
					aside = np.paren
				}
				e.field(fr.field(prev, aside))
				fr.operateField(st, e)
			}
			return true
		}
		if lx.containers[prev.head()] || lx.generic[prev.head()] || lx.generic[singular(prev.head())] {
			// "a map of the fridges": what the screen shows.
			if e := fr.entity(np, wObject, false); e != nil {
				if st.verb != nil {
					fr.operate(st, e)
				} else if st.nominal && !fr.weak && !fr.terse && !lx.containers[prev.head()] {
					// "Board view of applications": a screen lists them.
					e.operate(Operation{Kind: OpList, Name: string(OpList), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
				}
				fr.fieldsFromParen(e, np)
			}
			return true
		}
	}
	return false
}

// placePhrase reads "into", "to", "in" and "on" phrases: what is made
// ("turn follow-ups into work orders"), where a thing belongs ("pair a
// sensor to a site").
func (fr *featureReader) placePhrase(st *clauseState, np *nounPhrase) bool {
	if st.prep == "into" && st.verb != nil && (transform[st.verb.base] || gathering[st.verb.base]) && !fr.isField(np) {
		// "turn flagged follow-ups into scheduled work orders" makes work
		// orders of follow-ups; "groups logged pieces into a bisque or
		// glaze firing" makes a firing of pieces. The verb makes the
		// thing; it is no operation of its own on what it takes.
		if e := fr.entity(np, wCreated, true); e != nil {
			if !fr.weak {
				e.operate(Operation{Kind: OpCreate, Name: string(OpCreate), Feature: fr.feat.Text, Ref: fr.feat.Ref, Lines: fr.lines})
			}
			for _, o := range st.objects {
				o.unoperate(OpAction, st.verbName, fr.feat.Text)
				if gathering[st.verb.base] {
					o.relate(e.name, true, fr.lineOf(np.head()))
				} else {
					e.relate(o.name, true, fr.lineOf(np.head()))
				}
			}
		}
		return true
	}
	if np.det != "" && len(np.words) == 0 && st.firstObject != nil {
		// "the code on its back".
		for _, p := range st.pending {
			if fr.isField(p) {
				st.firstObject.field(fr.field(p, p.paren))
			}
		}
		return true
	}
	if st.verb != nil && !fr.isField(np) {
		w := wMention
		if (fr.r.lx.create[st.verb.base] || placing[st.verb.base]) && !st.verb.passive && (st.prep == "in" || st.prep == "into") {
			// "record part numbers in the ledger": what records go into
			// holds them, more than a place named ("on the water").
			w = wObject
		}
		if e := fr.entity(np, w, false); e != nil {
			if st.act != nil && st.prep == "to" && len(st.objects) == 0 {
				// "Check in to a habit": the check-in is of the habit.
				st.act.relate(e.name, false, fr.lineOf(np.head()))
			}
			if placing[st.verb.base] {
				// "pair a sensor to a site", "groups pieces into a
				// firing": a link the brief implies.
				for _, o := range st.objects {
					o.relate(e.name, true, fr.lineOf(np.head()))
				}
			}
			fr.fieldsFromParen(e, np)
		}
		return true
	}
	return false
}

// asPhrase reads an "as" phrase: the values a verb gives ("grade each
// item as resellable, damaged or faulty") or what it makes ("listed as
// discrepancies").
func (fr *featureReader) asPhrase(st *clauseState, cs []chunk, i int, np *nounPhrase) bool {
	if st.verb != nil && len(st.objects) > 0 && fr.asValues(st, cs, i) {
		return true
	}
	if st.verb != nil && !fr.isField(np) && fr.persona(np) == "" {
		// "listed as discrepancies", "import the messages as timeline
		// entries": what the verb makes of its object.
		w, strong := wMention, false
		if fr.r.lx.create[st.verb.base] || st.verb.passive && fr.r.lx.list[st.verb.base] {
			w, strong = wCreated, true
		}
		if e := fr.entity(np, w, strong); e != nil {
			st.fieldsOf = e
		}
		return true
	}
	return false
}

// mentioned reads a phrase no other reading took: a field of its owner,
// or a mention of a thing, maybe a field of the label's thing or the
// parent of the clause's objects.
func (fr *featureReader) mentioned(st *clauseState, np *nounPhrase) {
	prep := st.prep
	if np.det == "their" && st.people {
		// "Patients get an SMS with their position": a field of the one
		// thing those people make (their queue entry), if any; "see the
		// day's jobs on their phones": the people's own.
		if c := fr.madeBy(st.persona); c != nil && st.persona != "" && fr.isField(np) && !personal[np.head()] && !fr.weak {
			c.field(fr.field(np, np.paren))
		}
		return
	}
	if o := fr.owner(np); o != nil && fr.isField(np) {
		o.field(fr.field(np, np.paren))
		return
	}
	e := fr.entity(np, wMention, false)
	if e == nil {
		return
	}
	fr.fieldsFromParen(e, np)
	if st.ctx != nil && np.det == "" && e != st.ctx && len(st.objects) > 0 && prep == "on" {
		// "Inspections: the site rep scores each plot on cultivation and
		// tidiness": what the label's thing records, unless an entity.
		st.ctx.maybe(fr.field(np, np.paren))
	}
	if (np.det == "each" || np.det == "every") && len(st.objects) > 0 && !fr.weak {
		// "post notes after each rehearsal": a note is of a rehearsal.
		lines := fr.lineOf(np.head())
		for _, o := range st.objects {
			if o != e {
				o.field(Field{Name: e.name, Type: Reference, Ref: e.name, Lines: lines})
				o.relate(e.name, true, lines)
			}
		}
	}
}

// states reads "track each roll through received, developing, scanning
// and ready": the states a thing moves through, the values of its
// status. It reports whether the phrases after the preposition were
// such a list.
func (fr *featureReader) states(st *clauseState, cs []chunk, i int) bool {
	h := st.about()
	if h == nil {
		return false
	}
	var vs []string
	for j := i; j < len(cs); j++ {
		switch c := cs[j]; c.kind {
		case cNP:
			if c.np.det != "" || len(c.np.words) > 2 {
				return false
			}
			vs = append(vs, strings.ToLower(strings.Join(c.np.words, " ")))
		case cConj:
		case cPunct:
			if c.low() != "," {
				j = len(cs)
			}
		default:
			j = len(cs)
		}
	}
	if len(vs) < 3 {
		return false
	}
	st.skip = i + 2*len(vs)
	h.field(Field{Name: "status", Type: Enum, Values: vs, Guess: true, Lines: fr.lineOf(vs[0])})
	st.slot, st.prep = slotPrep, ""
	return true
}

// verbFields name the field a verb's "as" values are of: "grade each
// item as resellable, damaged or faulty" is the item's grade.
var verbFields = map[string]string{
	"grade": "grade", "rate": "rating", "score": "score", "tag": "tags", "classify": "class",
	"categorise": "category", "categorize": "category", "label": "label", "flag": "flag", "mark": "status",
}

// asValues reads "as A, B or C" after an object: values of a field the
// verb names. It reports whether it read them.
func (fr *featureReader) asValues(st *clauseState, cs []chunk, i int) bool {
	var vs []string
	for j := i; j < len(cs); j++ {
		c := cs[j]
		if c.kind == cNP {
			if c.np.det != "" || len(c.np.words) > 2 || c.np.possessor != nil {
				return false
			}
			vs = append(vs, strings.ToLower(strings.Join(append(append([]string(nil), c.np.adjs...), c.np.words...), " ")))
			continue
		}
		if c.kind == cConj && !words().sub[c.low()] || c.kind == cPunct && c.low() == "," {
			continue
		}
		break
	}
	if len(vs) < 2 {
		return false
	}
	name := verbFields[st.verb.base]
	if name == "" {
		name = "status"
	}
	e := st.objects[len(st.objects)-1]
	e.field(Field{Name: name, Type: Enum, Values: vs, Guess: verbFields[st.verb.base] == "", Lines: fr.lineOf(vs[0])})
	st.skip = i + 2*len(vs) - 1
	return true
}

// fieldsOfPending gives the field phrases before a preposition to np's
// entity, and reports whether there were any.
func (fr *featureReader) fieldsOfPending(st *clauseState, np *nounPhrase) bool {
	var fs []*nounPhrase
	for _, p := range st.pending {
		if fr.isField(p) && p.possessor == nil {
			fs = append(fs, p)
		}
	}
	if len(fs) == 0 || fr.isField(np) {
		return false
	}
	e := fr.entity(np, wParent, false)
	if e == nil {
		return false
	}
	for i, p := range fs {
		aside := p.paren
		if aside == "" && i == len(fs)-1 {
			// "the status of each repair (received, scheduled, done)":
			// the aside is the field's.
			aside = np.paren
		}
		e.field(fr.field(p, aside))
	}
	fr.operateField(st, e)
	return true
}

// personal are what people have of their own, not their records':
// "signs in with their email address".
var personal = map[string]bool{
	"email": true, "address": true, "phone": true, "number": true, "name": true, "password": true, "account": true,
	"phones": true, "names": true, "details": true,
}

// gestures are how people work a screen, never what a thing holds.
var gestures = map[string]bool{"tap": true, "click": true, "swipe": true, "keystroke": true, "press": true, "step": true}

// viewNouns are what a screen shows things on: picking a thing on one
// is picking it from a list.
var viewNouns = map[string]bool{
	"map": true, "plan": true, "calendar": true, "board": true, "list": true, "grid": true, "dashboard": true,
	"chart": true, "timeline": true, "screen": true, "page": true, "diagram": true, "layout": true,
}

// having are verbs whose object is the subject's: "each invoice gets a
// due date", "a file can have a different version".
var having = map[string]bool{"have": true, "get": true, "carry": true, "contain": true, "include": true, "hold": true, "keep": true}

// recording are verbs whose "who" and "when" are fields: "the log
// records who and when".
var recording = map[string]bool{"record": true, "log": true, "store": true, "capture": true, "show": true, "keep": true}

// gathering are verbs whose "into" phrase is what they make of many: the
// objects belong to it.
var gathering = map[string]bool{"group": true, "batch": true, "gather": true, "collect": true, "bundle": true, "combine": true, "merge": true}

// transform are verbs whose "into" phrase is what they make.
var transform = map[string]bool{"turn": true, "convert": true, "make": true, "change": true, "split": true, "copy": true}

// placing are verbs that put one thing in or onto another: their "to",
// "into", "in" or "on" phrase is what the object belongs to.
var placing = map[string]bool{
	"pair": true, "assign": true, "add": true, "attach": true, "link": true, "move": true, "group": true,
	"save": true, "put": true, "allocate": true, "connect": true, "split": true, "batch": true, "file": true,
	"place": true, "store": true, "sort": true,
}

// fieldOrOwned adds a phrase of a "with" list to e: a field, or, when the
// phrase is owned ("its clay body", "the boat's name"), a field of its
// owner.
func (fr *featureReader) fieldOrOwned(st *clauseState, e *candidate, np *nounPhrase) {
	if e == nil {
		return
	}
	if fs := fr.parenFields(np); len(fs) > 0 {
		// "with line items (description, quantity, unit price)": a thing
		// of its own, with its fields.
		if c := fr.entity(np, wCreated, true); c != nil {
			for _, f := range fs {
				c.field(f)
			}
			c.relate(e.name, false, fr.lineOf(np.head()))
			return
		}
	}
	if np.possessor != nil {
		if o := fr.owner(np); o != nil {
			o.field(fr.field(np, np.paren))
			st.pos = o
			return
		}
	}
	if np.det == "its" || np.det == "their" {
		e.field(fr.field(np, np.paren))
		return
	}
	if st.pos != nil && np.det == "" {
		st.pos.field(fr.field(np, np.paren))
		return
	}
	e.field(fr.field(np, np.paren))
}

// parent records that what the clause is about belongs to np's entity
// ("timesheet for each job", "payments against the plot"), or that its
// fields are np's ("last-used time and IP address per key").
func (fr *featureReader) parent(st *clauseState, np *nounPhrase, guess bool) {
	e := fr.entity(np, wParent, true)
	if e == nil {
		return
	}
	lines := fr.lineOf(np.head())
	// "Last-used time and IP address per key", "push or pull instructions
	// per roll": fields of the key, the roll; for what is an entity
	// itself ("Highlights & quotes per book"), its children.
	for _, p := range st.pending {
		if fr.persona(p) != "" || p == np {
			continue
		}
		f := fr.field(p, p.paren)
		if fr.isField(p) && !(contentHeads[p.head()] && len(p.words) > 1) {
			e.field(f)
			continue
		}
		if st.verb == nil || st.nominal {
			if c := fr.entity(p, 0, false); c != nil {
				c.relate(e.name, guess, lines)
				e.maybe(f)
				continue
			}
			e.field(f)
		}
	}
	for _, o := range st.objects {
		o.relate(e.name, guess, lines)
	}
	if st.act != nil {
		st.act.relate(e.name, guess, lines)
	}
	if len(st.objects) == 0 && st.act == nil && st.ctx != nil {
		st.ctx.relate(e.name, guess, lines)
	}
}

// filter records that a list is filtered, searched or sorted by np.
func (fr *featureReader) filter(st *clauseState, e *candidate, np *nounPhrase) {
	name := fieldName(fr.r.lx, np)
	if i, ok := e.opAt[opKey{OpList, string(OpList), fr.feat.Text}]; ok && !slices.Contains(e.ops[i].Filters, name) {
		e.ops[i].Filters = append(e.ops[i].Filters, name)
	}
	e.field(fr.field(np, np.paren))
}
