package offline

// segment is one verb and what belongs to it in a verb phrase. "see the
// live queue on a tablet, reorder for triage, and mark patients as called"
// has three: see, reorder, mark.
type segment struct {
	verb     string  // base form; "" for a participle segment ("updated when…")
	root     string  // the lexicon verb, for its class: "approve" of "bulk-approve"
	particle string  // "in" of "check in"
	passive  bool    // "be texted when…"
	pp       string  // the participle of a passive or participle segment
	words    []token // the whole segment, without a leading "and" or comma
	obj      []token // the direct object, if any
	rest     []token // what follows the object, up to a condition
	colon    bool    // the object is followed by a colon and a list
	cond     []token // the clause after "when"/"if", if any
	after    []token // what follows the condition (", without ever losing a record")
	result   []token // a clause after a semicolon that states what the action leads to
}

// baseVerbPhrase turns the verb phrase after a subject into one that
// follows "let someone": the modal goes ("may wait" → "wait"), verbs lose
// their agreement ("sees" → "see", "are texted" → "be texted"), also in
// coordinated clauses (", can reorder" → ", reorder").
func baseVerbPhrase(ts []token) string {
	ts = append([]token(nil), ts...)
	for n := len(ts) + 1; n != len(ts); {
		n = len(ts) // "should be able to": drop each auxiliary in turn
		ts = dropAuxiliary(ts, 0)
	}
	if len(ts) == 0 {
		return ""
	}
	ts[0].text = baseForm(ts[0])
	for j := 1; j < len(ts); j++ {
		if !afterCoordinator(ts, j) {
			continue
		}
		ts = dropAuxiliary(ts, j)
		if j >= len(ts) {
			break
		}
		lw := ts[j].lw()
		// A plural noun looks like a verb ("alerts"); only change it when
		// something that can follow a verb comes next.
		followed := j+1 < len(ts) && ts[j+1].isWord() && ts[j+1].lw() != "and" && ts[j+1].lw() != "or"
		if lw == "is" || lw == "are" || lw == "has" || followed {
			ts[j].text = baseForm(ts[j])
		}
	}
	return join(ts)
}

// dropAuxiliary removes a modal or "has to"/"needs to"/"is able to" at j.
func dropAuxiliary(ts []token, j int) []token {
	if j >= len(ts) {
		return ts
	}
	n := 0
	lw := ts[j].lw()
	next := func(k int) string {
		if j+k < len(ts) {
			return ts[j+k].lw()
		}
		return ""
	}
	switch {
	case modals[lw] && lw != "would" && lw != "could":
		n = 1
	case (lw == "has" || lw == "have" || lw == "needs" || lw == "need" || lw == "wants") && next(1) == "to":
		n = 2
	case (lw == "is" || lw == "are" || lw == "be") && next(1) == "able" && next(2) == "to":
		n = 3
	}
	if n == 0 || j+n >= len(ts) {
		return ts
	}
	space := ts[j].space
	ts = append(ts[:j], ts[j+n:]...)
	ts[j].space = space
	return ts
}

// baseForm returns the base form of a verb token ("sees" → "see").
func baseForm(t token) string {
	switch lw := t.lw(); lw {
	case "is", "are", "am":
		return "be"
	case "has":
		return "have"
	default:
		if v := verbForm(lw); v != nil && v.third == lw && v.base != lw {
			return v.base
		}
	}
	return t.text
}

// afterCoordinator reports whether token j follows ",", "and" or "or".
func afterCoordinator(ts []token, j int) bool {
	p := ts[j-1].lw()
	return p == "," || p == "and" || p == "or"
}

// segments splits a base-form verb phrase at its coordinated verbs.
func segments(ts []token) []segment {
	var out []segment
	start := 0
	for i := 1; i <= len(ts); i++ {
		if i < len(ts) && !startsSegment(ts, i, i-start) {
			continue
		}
		words := ts[start:i]
		for len(words) > 0 && (!words[0].isWord() || words[0].lw() == "and" || words[0].lw() == "or") {
			words = words[1:]
		}
		if words = trimPunct(words); len(words) > 0 {
			out = append(out, splitAfter(parseSegment(words))...)
		}
		start = i
	}
	// Bare coordinated verbs share the next object and what follows it:
	// "create, update, finalize and void invoices", "approve or reject
	// reports within 48 hours".
	for i := len(out) - 2; i >= 0; i-- {
		if out[i].verb != "" && len(out[i].words) == 1 && len(out[i+1].obj) > 0 {
			out[i].obj, out[i].rest = out[i+1].obj, out[i+1].rest
			if names(out[i+1].result, out[i].verb) {
				// "approve or reject each swap; approved swaps update the
				// roster": the result is the approval's alone.
				out[i].result, out[i+1].result = out[i+1].result, nil
			}
		}
	}
	return out
}

// names reports whether a clause uses a verb's participle ("approved
// swaps" for "approve").
func names(clause []token, verb string) bool {
	v := lookupVerb(verb)
	if v == nil {
		return false
	}
	for _, t := range clause {
		if t.lw() == v.pp {
			return true
		}
	}
	return false
}

// resultClause reports whether words are a clause with a subject of its
// own ("approved swaps update the roster straight away"), not another
// instruction ("tip after the walk").
func resultClause(ts []token) bool {
	if isImperative(ts) {
		return false
	}
	_, ok := finiteVerb(ts)
	return ok
}

// splitAfter moves a condition to the clause it governs when a subject
// and a verb follow it: "see the day's jobs, and when they finish they
// mark the job done" is two segments, "see the day's jobs" and "mark the
// job done when they finish".
func splitAfter(s segment) []segment {
	if len(s.after) < 2 || !subjectPronouns[s.after[0].lw()] || verbForm(s.after[1].lw()) == nil || len(s.cond) == 0 {
		return []segment{s}
	}
	at := -1
	for i, t := range s.words {
		if conditionWords[t.lw()] && i+1 < len(s.words) && &s.words[i+1] == &s.cond[0] {
			at = i
			break
		}
	}
	if at <= 0 {
		return []segment{s}
	}
	first := s.words[:at]
	for len(first) > 0 && (!first[len(first)-1].isWord() || first[len(first)-1].lw() == "and") {
		first = first[:len(first)-1]
	}
	if len(first) == 0 {
		return []segment{s}
	}
	verb := append([]token(nil), s.after[1:]...)
	verb[0].text = baseForm(verb[0])
	second := append(append(verb, token{text: "when", space: true}), s.cond...)
	return []segment{parseSegment(first), parseSegment(second)}
}

// startsSegment reports whether a new verb starts at i; prevLen is the
// length of the current segment so far.
func startsSegment(ts []token, i, prevLen int) bool {
	if !afterCoordinator(ts, i) {
		return false
	}
	if c := ts[i-1].lw(); (c == "or" || c == "and") && i >= 3 && ts[i-2].isWord() && (prepositions[ts[i-3].lw()] || prevLen == 3 && lookupVerb(ts[i-2].lw()) != nil) {
		// "by email or text message": a preposition's second object;
		// "give push or pull instructions": two words on one noun.
		return false
	}
	lw := ts[i].lw()
	next := ""
	if i+1 < len(ts) {
		next = ts[i+1].lw()
	}
	switch {
	case lw == "be" && isParticiple(next):
		return true
	case isParticiple(lw) && conditionWords[next]:
		return true // ", updated when it changes"
	case lookupVerb(lw) == nil:
		return false
	case next == "" || !ts[i+1].isWord() || next == "and" || next == "or":
		// "create, update, finalize and void": a bare verb in a list of
		// bare verbs; elsewhere such a word is a noun ("photos and notes").
		return prevLen <= 2
	}
	return next != "of" && next != "per"
}

// isParticiple reports whether w is a past participle ("texted", "seen").
func isParticiple(w string) bool {
	if v := verbForm(w); v != nil {
		return v.pp == w
	}
	return false
}

// parseSegment finds a segment's verb, object, rest and condition.
func parseSegment(words []token) segment {
	s := segment{words: words}
	w0 := words[0].lw()
	k := 1
	switch {
	case w0 == "be" && len(words) > 1:
		s.passive, s.pp, k = true, words[1].text, 2
	case lookupVerb(w0) != nil:
		s.verb, s.root = w0, root(w0)
		if len(words) > 1 && phrasal[w0+" "+words[1].lw()] {
			s.particle, k = words[1].lw(), 2
		}
		e := objectEnd(words, k)
		s.obj, k = words[k:e], e
		s.colon = e > 1 && e < len(words) && words[e].text == ":"
	default:
		s.pp = words[0].text
	}
	rest := words[k:]
	for i, t := range rest {
		if i == 0 && t.lw() == "when" && whenObjectVerbs[s.root] && (len(s.obj) == 0 || pronounObject(s.obj)) {
			break // "tell us when someone will be at home": what they tell, not a condition
		}
		if conditionWords[t.lw()] && i+1 < len(rest) && !(t.lw() == "once" && (i == 0 || rest[i-1].lw() == "at" || rest[i+1].lw() == "a")) {
			// "at once", "once a month": no condition.
			end := i + 1
			for end < len(rest) && rest[end].text != "," && rest[end].text != ";" {
				if end > i+2 && subjectPronouns[rest[end].lw()] && end+1 < len(rest) && verbForm(rest[end+1].lw()) != nil {
					break // "when they finish they mark the job done": a new clause
				}
				end++
			}
			s.cond = rest[i+1 : end]
			s.after = trimPunct(rest[end:])
			rest = rest[:i]
			break
		}
	}
	for i, t := range rest {
		// "approve each swap from their phone; approved swaps update the
		// roster straight away": after a semicolon, a clause with its own
		// subject is what the action leads to.
		if t.text == ";" && i+2 < len(rest) && resultClause(rest[i+1:]) {
			s.result = trimPunct(rest[i+1:])
			rest = rest[:i]
			break
		}
	}
	s.rest = trimPunct(rest)
	return s
}

// subjectPronouns start a clause of their own.
var subjectPronouns = set("they", "we", "he", "she", "i")

// whenObjectVerbs take a "when" clause as what is said or kept: "tell us
// when someone will be at home", "record when the job was done".
var whenObjectVerbs = set("tell", "say", "ask", "choose", "decide", "pick", "record", "note", "specify", "indicate", "state", "enter", "log")

// objectEnd returns where the object that starts at k ends: at
// punctuation, a preposition, a clause word, an adverb or a gerund.
func objectEnd(words []token, k int) int {
	if k >= len(words) || !startsNounPhrase(words[k]) {
		return k
	}
	e := k
	for e < len(words) {
		t := words[e]
		lw := t.lw()
		switch {
		case !t.isWord(), prepositions[lw], conjunctions[lw] && lw != "and" && lw != "or":
			return e
		case lw == "and" || lw == "or":
			if e+1 >= len(words) || !startsNounPhrase(words[e+1]) || lookupVerb(words[e+1].lw()) != nil {
				return e
			}
		case e > k && (adverbs[lw] && lw != "only" || verbForm(lw) != nil && verbForm(lw).ing == lw && !determiners[words[e-1].lw()] && !possessives[words[e-1].lw()]):
			// "a booking", "their booking": after a determiner an -ing
			// form is the noun.
			return e
		}
		e++
	}
	return e
}

// startsNounPhrase reports whether a token can open a noun phrase.
func startsNounPhrase(t token) bool {
	lw := t.lw()
	switch lw {
	case "i", "we", "you", "he", "she", "they":
		return false // subjects, not objects
	}
	if !t.isWord() || prepositions[lw] || conjunctions[lw] || modals[lw] {
		return false
	}
	return !adverbs[lw] || lw == "only"
}
