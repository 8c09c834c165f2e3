package domain

import "strings"

// temporal prepositions say when: a verb comes before them.
var temporal = map[string]bool{"after": true, "before": true, "within": true, "until": true, "during": true, "since": true}

// countWords open "X of Y" phrases that are one field.
var countWords = map[string]bool{"number": true, "count": true, "quantity": true, "amount": true, "total": true}

// verbBase is the lexicon's verbBase, remembered: a brief repeats its
// words.
func (r *reader) verbBase(w string) (string, bool) {
	if v, ok := r.bases[w]; ok {
		return v.base, v.ok
	}
	b, ok := r.lx.verbBase(w)
	if r.bases == nil {
		r.bases = map[string]verbForm{}
	}
	r.bases[w] = verbForm{b, ok}
	return b, ok
}

// verbForm is a remembered verbBase.
type verbForm struct {
	base string
	ok   bool
}

// isVerbWord reports whether w is a verb's base form.
func (r *reader) isVerbWord(w string) bool {
	b, ok := r.verbBase(w)
	return ok && b == w
}

// relativeVerb reports whether t, after "that" or "which", is the verb
// of a relative clause: "a profile that goes on every document".
func (r *reader) relativeVerb(t tok) bool {
	if t.kind == word && r.lx.is(t.low, wcAdv) {
		return true
	}
	if t.kind != word || r.nouns[t.low] {
		return r.lx.is(t.low, wcAux)
	}
	_, ok := r.verbBase(t.low)
	return ok || r.lx.is(t.low, wcAux)
}

// infinitive reports whether the word at i, after "to", is a verb's base
// form: "to mark the order", not "to a site".
func (r *reader) infinitive(ts []tok, i int) bool {
	if i >= len(ts) || ts[i].kind != word {
		return false
	}
	w := ts[i].low
	base, ok := r.verbBase(w)
	if !ok || base != w || r.lx.is(w, wcDet) || r.personaWords[w] {
		return false
	}
	return !r.nouns[w] || i+1 < len(ts) && r.takesObject(ts[i+1])
}

// particleAt reports whether the preposition at i completes the verb
// before it ("check tools out", "sign in"): it follows a verb or its
// object and no noun phrase follows it.
func (r *reader) particleAt(ts []tok, i int, out []chunk) bool {
	if !r.lx.particle[ts[i].low] || len(out) == 0 {
		return false
	}
	prev := out[len(out)-1]
	if prev.kind != cVerb && prev.kind != cNP {
		return false
	}
	if i+1 >= len(ts) {
		return true
	}
	next := ts[i+1]
	return next.kind == punct || r.lx.is(next.low, wcConj|wcPrep) && !r.lx.is(next.low, wcDet)
}

// verbAt reports whether the word at i is a verb here.
func (r *reader) verbAt(ts []tok, i int, out []chunk) bool { return r.verbAfter(ts, i, out, nil) }

// verbAfter is verbAt with pend, when not nil, as the chunk after out: a
// noun phrase being read.
func (r *reader) verbAfter(ts []tok, i int, out []chunk, pend *chunk) bool {
	if i >= len(ts) || ts[i].kind != word {
		return false
	}
	w := ts[i].low
	base, ok := r.verbBase(w)
	if !ok || r.lx.is(w, wcDet|wcNum|wcAdj) || r.personaWords[singular(w)] {
		return false
	}
	n := len(out)
	if pend != nil {
		n++
	}
	at := func(k int) chunk {
		if pend != nil && k == len(out) {
			return *pend
		}
		return out[k]
	}
	prev := chunk{}
	for m := n - 1; m >= 0; m-- {
		// An adverb leaves the verb as it was: "the tenant then confirms".
		if c := at(m); c.kind != cAux || !r.lx.adv[c.low()] {
			prev = c
			break
		}
	}
	next := tok{}
	if i+1 < len(ts) {
		next = ts[i+1]
	}
	// After a modal, "to", or a form of "be" or "have": a verb, unless it
	// is a describing word before a noun ("is live", "are open").
	if prev.kind == cAux {
		if strings.HasSuffix(w, "ed") || r.lx.irregular[w] != "" || base == w {
			return true
		}
		return strings.HasSuffix(w, "ing") && r.takesObject(next)
	}
	// A participle: a verb after a noun phrase ("food removed"), a
	// describing word before a noun ("logged pieces").
	if strings.HasSuffix(w, "ed") || r.lx.irregular[w] != "" && r.lx.irregular[w] != w && base != w {
		if next.kind == word && !r.lx.is(next.low, wcPrep) && !r.lx.is(next.low, wcConj) && !r.lx.is(next.low, wcAux) {
			return false
		}
		return prev.kind == cNP || prev.kind == cPron
	}
	// A gerund: a verb when an object follows ("by scanning the tag"), a
	// noun before one ("watering log").
	if strings.HasSuffix(w, "ing") && base != w {
		return r.takesObject(next) || next.kind == word && (r.lx.is(next.low, wcAdv|wcAdj) && !r.lx.ingNouns[next.low]) || prev.kind == cPrep && next.kind == word && !r.nouns[next.low] && !compoundHeads[next.low] ||
			next.kind == word && isPlural(next.raw) && !compoundHeads[next.low] && !r.lx.ingNouns[w]
	}
	if r.lx.ingNouns[w] && !r.takesObject(next) && !(next.kind == word && (r.lx.is(next.low, wcAdj) || isPlural(next.raw) && !r.lx.is(next.low, wcPrep))) {
		return false
	}
	// Verbs joined to a verb: "accept / decline requests", "Confirm,
	// move or decline". Words joined to a noun phrase are nouns unless an
	// object follows ("by SMS or email 4 weeks before").
	if joined := prev.kind == cConj || prev.kind == cPunct && (prev.low() == "/" || prev.low() == ","); joined && n >= 2 {
		switch at(n - 2).kind {
		case cVerb:
			if base == w {
				return true
			}
		case cNP:
			unattested := base != w && strings.HasSuffix(w, "s") && !r.nouns[w] && !r.nouns[singular(w)]
			if !(r.lx.is(next.low, wcDet|wcPron|wcSub) || unattested || r.personaWords[singular(next.low)]) || r.lx.means[w] != "" {
				return false
			}
		}
	}
	// In an object after its verb, or a phrase after a preposition, a
	// noun-or-verb word continues the phrase unless a determiner follows
	// ("log a phone call to an owner", "on a floor plan for a day").
	if prev.kind == cNP && n >= 2 && (at(n-2).kind == cVerb || at(n-2).kind == cPrep) && prev.np.det != "" && base == w &&
		!(r.lx.is(next.low, wcDet|wcPron)) && !r.personaWords[singular(prev.np.head())] && // "let a clerk record …"
		// "with the same grade see open offers": a word the brief never
		// uses as a noun, before what opens an object, is a verb.
		!(!r.nouns[w] && next.kind == word && (r.lx.is(next.low, wcAdj) || isPlural(next.raw) && !r.lx.is(next.low, wcPrep|wcConj|wcAux))) {
		return false
	}
	if next.kind == word && compoundHeads[next.low] && prev.kind != cNP && (r.nouns[w] || !r.lx.verbs[w]) {
		return false
	}
	switch {
	case prev.kind == cNP && prev.np.possessor == nil && len(prev.np.words) > 0 && r.personaWords[singular(prev.np.head())]:
		// After a persona: a verb ("interpreters accept", "the incident
		// commander approves").
		return !r.nounFirst || r.takesObject(next)
	case prev.kind == cNP && prev.np.possessor == nil && len(prev.np.words) > 0:
		// After a subject: a verb when the forms agree ("volunteers
		// check", "driver logs") and something a verb takes follows.
		if r.nounFirst {
			return r.takesObject(next)
		}
		if next.kind == word && r.lx.is(next.low, wcPrep) && base != w && !isPlural(prev.np.headRaw()) && !r.lx.is(next.low, wcParticle) {
			// "the offer lapses after 14 days", "Consultation closes after 7
			// days", but "Annual rent invoices by email": a subject has its
			// determiner, or a time follows.
			return strings.HasSuffix(w, "s") && (prev.np.det != "" || temporal[next.low])
		}
		if r.takesObject(next) || next.kind == word && r.lx.is(next.low, wcAdj|wcParticle) {
			return true
		}
		// "volunteers check tools", "the system emails members": a plural
		// subject and a base form, a singular one and an -s form.
		if isPlural(prev.np.headRaw()) && base == w && len(prev.np.words) == 1 {
			return true
		}
		if next.kind != word || r.lx.is(next.low, wcConj|wcSub) {
			return false
		}
		if r.lx.is(next.low, wcPrep) {
			// "the offer lapses after 14 days" but "Annual rent invoices by
			// email": a subject has its determiner.
			return prev.np.det != "" && base != w && strings.HasSuffix(w, "s") && !isPlural(prev.np.headRaw())
		}
		if r.lx.is(next.low, wcAdv) {
			return true
		}
		if nb, ok := r.verbBase(next.low); ok && nb == next.low && !r.nouns[next.low] {
			// "video calls start": the word before a verb is its noun.
			return false
		}
		return isPlural(prev.np.headRaw()) && base == w ||
			!isPlural(prev.np.headRaw()) && base != w && strings.HasSuffix(w, "s") && !r.nouns[w]
	case prev.kind == cConj || prev.kind == cPunct || prev.kind == 0 || prev.kind == cPron || prev.kind == cCode:
		// At the start of a clause: a verb unless the brief uses the word
		// as a noun and a noun follows. In a list's item a bare word is a
		// noun. A form in -s is a verb with its subject left out
		// ("Encrypts secrets"), or a plural ("Refunds and disputes").
		if r.takesObject(next) || r.lx.is(next.low, wcParticle) {
			return true
		}
		if r.nounFirst {
			return false
		}
		if base != w && strings.HasSuffix(w, "s") {
			return !(next.kind == 0 || next.kind == punct || r.lx.is(next.low, wcConj)) && !r.nouns[w] && !r.nouns[singular(w)]
		}
		if next.kind == punct || next.kind == 0 || r.lx.is(next.low, wcConj) {
			return !r.nouns[w] || next.kind == punct && next.low == ":"
		}
		return !r.nouns[w] || base != w && !isPlural(w) || next.kind == word && (r.lx.is(next.low, wcAdj) || isPlural(next.raw) && !compoundHeads[next.low])
	}
	return false
}

// takesObject reports whether a token opens what a verb takes: a
// determiner, a number, a pronoun, a preposition, a particle, a quote or
// code.
func (r *reader) takesObject(t tok) bool {
	switch t.kind {
	case code:
		return true
	case punct:
		return t.low == "\"" || t.low == "“" || t.low == "'"
	case word:
		if t.low == "that" {
			// A relative clause: "a link that stays live".
			return false
		}
		return r.lx.is(t.low, wcDet|wcNum) || isNumber(t.low) || r.lx.is(t.low, wcPron) ||
			r.lx.is(t.low, wcPrep) && t.low != "of" || t.low == "whether" || t.low == "how" || t.low == "which" || t.low == "what" ||
			t.low == "who" || t.low == "where" || t.low == "when"
	}
	return false
}
