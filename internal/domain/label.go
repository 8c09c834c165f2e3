package domain

import (
	"strings"
	"unicode"
)

// A label is the words before a colon that open a feature: "Create a
// trip: title, dates, destination", "Incident record: title, severity",
// "Shelves: Want to read / Reading / Read", "Timeline: entries with a UTC
// timestamp". It names an entity (or a field), and what follows is its
// fields (or the field's values) when it is a list, a clause about it
// otherwise.

// wrappers are nouns a label wraps an entity's name in: "Incident
// record" is about incidents, "profile for each dog" about dogs.
var wrappers = map[string]bool{
	"record": true, "records": true, "profile": true, "profiles": true, "register": true, "details": true,
	"information": true, "info": true, "data": true, "write-up": true, "form": true, "sheet": true, "card": true,
	"page": true, "template": true, "management": true, "tracking": true, "entry": false,
}

// itemNouns are nouns a list's items may be called by ("Timeline: entries
// with …"): the entity is the label's noun and this one, "Timeline
// entry".
var itemNouns = map[string]bool{
	"entry": true, "entries": true, "item": true, "items": true, "record": true, "records": true, "event": true,
	"events": true, "line": true, "lines": true,
}

// label reads a labelled sentence.
func (fr *featureReader) label(head, rest []tok) {
	cs := fr.r.chunks(head)
	var target *candidate
	fieldWord := ""
	hasVerb := false
	for _, c := range cs {
		hasVerb = hasVerb || c.kind == cVerb
	}
	if hasVerb {
		st := fr.clauseHead(head)
		// The label ends in a field ("… by choosing its type", "Each
		// sample has one status"): the list is its values.
		last := lastNP(cs)
		switch {
		case last != nil && fr.isField(last) && len(last.words) == 1:
			fieldWord = fieldName(fr.r.lx, last)
			target = fr.owner(last)
			if target == nil {
				target = st.about()
			}
			if target == nil && st.subject != nil && st.persona == "" {
				target = fr.entity(st.subject, wMention, false)
			}
		case len(st.objects) > 0:
			target = st.objects[len(st.objects)-1]
		case st.act != nil:
			target = st.act
		default:
			target = st.about()
		}
		if last != nil && !fr.isField(last) && target != nil && last.head() != lastWord(target.name) && len(st.objects) > 0 {
			// "picks a handover: porch pickup, or the club seed box": a
			// field of what the sentence is about, with its values.
			if st.lastAct != nil && fr.persona(last) == "" {
				fieldWord, target = fieldName(fr.r.lx, last), st.lastAct
			}
		}
	} else if vs := slashValues(rest); len(vs) >= 2 && len(cs) == 1 && cs[0].kind == cNP && fr.givenNamed(cs[0].np.head()) == nil {
		// "Shelves: Want to read / Reading / Read / Abandoned": a field's
		// values, the field of the product's main thing.
		name := strings.ToLower(strings.Join(cs[0].np.words, " "))
		if ws := strings.Fields(name); len(ws) > 0 {
			ws[len(ws)-1] = singular(ws[len(ws)-1])
			name = strings.Join(ws, " ")
		}
		fr.orphan(Field{Name: name, Type: Enum, Values: vs, Lines: fr.lineOf(cs[0].np.head())})
		return
	} else if len(rest) > 0 && isNumber(strings.TrimSuffix(rest[0].low, "%")) {
		// "Tolerance: 2% on gallons": a setting and its value, no thing.
		return
	} else {
		target, fieldWord = fr.labelNoun(cs)
		// "Each sample has one status:": the list is the values of the
		// label's last phrase, a field of its first.
		if last := lastNP(cs); fieldWord == "" && last != nil && fr.isField(last) && len(last.words) == 1 && cs[0].np != last {
			fieldWord = fieldName(fr.r.lx, last)
		}
	}
	if target != nil {
		target.weight += wLabel - wObject
		target.strong = true
		fr.last = target
	}
	if items, ok := fr.listItems(rest); ok {
		fr.items(target, fieldWord, items)
		return
	}
	if target != nil && fieldWord == "" {
		fr.restClause(target, rest)
		return
	}
	fr.clause(rest, target)
}

// clauseHead reads a label that is a clause ("Riders save a trip") and
// returns its state.
func (fr *featureReader) clauseHead(ts []tok) *clauseState {
	cs := fr.r.chunks(ts)
	st := &clauseState{}
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		switch c.kind {
		case cNP:
			at := i
			p := parenAfter(cs, i)
			if p != nil {
				i = p.end
			}
			fr.nounPhrase(st, cs, at, i, c.np, p)
		case cVerb:
			st.joined = joinedVerb(cs, i)
			fr.verb(st, c)
		case cPrep:
			if st.verb != nil && st.slot == slotObject && len(st.objects) == 0 && fr.r.lx.particle[c.low()] {
				st.verbName += " " + c.low()
				continue
			}
			st.slot, st.prep = slotPrep, c.low()
		case cConj:
			st.conj = true
			continue
		case cPunct:
			if c.low() == "," || c.low() == "/" {
				st.conj = true
				continue
			}
		}
		st.conj = false
	}
	return st
}

func lastNP(cs []chunk) *nounPhrase {
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].kind == cNP {
			return cs[i].np
		}
		if cs[i].kind == cVerb {
			return nil
		}
	}
	return nil
}

// labelNoun reads a label that is a noun phrase: the entity it names, or
// the field it names when it names one ("Shelves", "Progress").
func (fr *featureReader) labelNoun(cs []chunk) (*candidate, string) {
	var first *nounPhrase
	firstAt := -1
	for i, c := range cs {
		if c.kind == cNP {
			first, firstAt = c.np, i
			break
		}
	}
	if first == nil {
		return nil, ""
	}
	lx := fr.r.lx
	if wrappers[first.head()] {
		// "profile for each dog", "Incident record".
		for j := firstAt + 1; j+1 < len(cs); j++ {
			if cs[j].kind == cPrep && (cs[j].low() == "for" || cs[j].low() == "of") && cs[j+1].kind == cNP {
				return fr.entity(cs[j+1].np, wMention, false), ""
			}
		}
		if len(first.words) > 1 {
			return fr.entity(&nounPhrase{words: first.words[:len(first.words)-1], adjs: first.adjs}, wMention, false), ""
		}
		return nil, ""
	}
	if fr.isField(first) && len(first.words) == 1 {
		return nil, fieldName(lx, first)
	}
	if _, _, ok := fr.n.entityName(first); !ok {
		name := strings.ToLower(strings.Join(first.words, " "))
		if lx.generic[first.head()] || lx.generic[singular(first.head())] {
			name = ""
		}
		return nil, name
	}
	e := fr.entity(first, wObject, false)
	// "Per-host overrides", "Live readings for each site": a parent.
	for j := firstAt + 1; j+1 < len(cs); j++ {
		if cs[j].kind == cPrep && (cs[j].low() == "per" || cs[j].low() == "for" && cs[j+1].np != nil && cs[j+1].np.det == "each") && cs[j+1].kind == cNP {
			if p := fr.entity(cs[j+1].np, wParent, false); p != nil && e != nil {
				e.relate(p.name, false, fr.lineOf(cs[j+1].np.head()))
			}
		}
	}
	return e, ""
}

// restClause reads what follows a label that named an entity when it is
// no list: "Timeline: entries with a UTC timestamp, author and text"
// names "Timeline entry" and its fields; "Watering log: volunteers tap
// …" is a clause about the watering log.
func (fr *featureReader) restClause(target *candidate, rest []tok) {
	cs := fr.r.chunks(rest)
	if len(cs) > 1 && cs[0].kind == cNP && itemNouns[cs[0].np.head()] && cs[1].kind == cPrep && cs[1].low() == "with" {
		written := append(append([]string(nil), target.written...), singular(cs[0].np.words[len(cs[0].np.words)-1]))
		name := strings.ToLower(strings.Join(written, " "))
		if fr.n.nameable(name) {
			e := fr.ev.note(name, written, wLabel, true, fr.fi, fr.lines)
			fr.last = e
			rest = rest[len(cs[0].toks)+1:]
			if items, ok := fr.listItems(rest); ok {
				fr.items(e, "", items)
				return
			}
		}
	}
	fr.clause(rest, target)
}

// listItems splits what follows a label into its items when it is a
// list: short phrases separated by commas, "and", "or", "+" or "/",
// most of them without a verb of their own.
func (fr *featureReader) listItems(ts []tok) ([][]tok, bool) {
	var items [][]tok
	depth, start := 0, 0
	for i, t := range ts {
		switch {
		case t.kind == punct && (t.low == "(" || t.low == "["):
			depth++
		case t.kind == punct && (t.low == ")" || t.low == "]"):
			depth--
		case depth == 0 && t.kind == punct && (t.low == "," || t.low == ";" || t.low == "+" || t.low == "&"):
			items = append(items, ts[start:i])
			start = i + 1
		}
	}
	items = append(items, ts[start:])
	// The last item is often two: "priority and due date".
	var out [][]tok
	for _, it := range items {
		it = trimConj(it)
		if len(it) == 0 {
			continue
		}
		out = append(out, fr.splitAnd(it)...)
	}
	if len(out) == 0 {
		return nil, false
	}
	verbs := 0
	for _, it := range out {
		if len(it) > 8 {
			return nil, false
		}
		for _, c := range fr.r.itemChunks(it) {
			if c.kind == cVerb && !c.passive && !strings.HasSuffix(c.low(), "ed") {
				verbs++
				break
			}
		}
	}
	if len(out) == 1 && verbs == 0 {
		return out, len(out[0]) <= 6
	}
	return out, verbs*2 < len(out)
}

// trimConj drops a leading "and" or "or" from an item.
func trimConj(ts []tok) []tok {
	for len(ts) > 0 && ts[0].kind == word && (ts[0].is("and") || ts[0].is("or")) {
		ts = ts[1:]
	}
	return ts
}

// splitAnd splits an item at "and" when both sides are noun phrases
// ("due date and priority"), not values ("develop and scan") nor one
// name ("black and white").
func (fr *featureReader) splitAnd(ts []tok) [][]tok {
	for i, t := range ts {
		if t.kind != word || !t.is("and") || i == 0 || i == len(ts)-1 {
			continue
		}
		left, right := fr.r.itemChunks(ts[:i]), fr.r.itemChunks(ts[i+1:])
		if endsNP(left) && onlyNP(right) && (len(ts[:i]) > 1 || len(ts[i+1:]) > 1 || fr.isField(left[len(left)-1].np) || fr.isField(right[0].np)) {
			return append([][]tok{ts[:i]}, fr.splitAnd(ts[i+1:])...)
		}
	}
	return [][]tok{ts}
}

// endsNP reports whether a part of an item is noun phrases joined by
// prepositions: "cost per pupil".
func endsNP(cs []chunk) bool {
	for i, c := range cs {
		if c.kind != cNP && c.kind != cPrep || i%2 == 1 && c.kind != cPrep || i%2 == 0 && c.kind != cNP {
			return false
		}
	}
	return len(cs)%2 == 1
}

func onlyNP(cs []chunk) bool {
	return len(cs) == 1 && cs[0].kind == cNP && len(cs[0].np.words) > 0
}

// slashValues reads a list of values split by slashes, each starting
// with a capital ("Want to read / Reading / Read"); nil for any other
// text.
func slashValues(ts []tok) []string {
	slashes := 0
	for _, t := range ts {
		if t.kind == punct && t.low == "/" {
			slashes++
		}
	}
	if slashes == 0 {
		return nil
	}
	vs := values1(ts)
	if len(vs) != slashes+1 {
		return nil
	}
	for _, v := range vs {
		if r := []rune(v); len(r) == 0 || !unicode.IsUpper(r[0]) || len(strings.Fields(v)) > 4 {
			return nil
		}
	}
	return vs
}
