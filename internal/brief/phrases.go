package brief

import (
	"strings"
	"unicode"
)

// maxSubjectWords is how far into a sentence its verb may be for the
// sentence to read as someone doing something.
const maxSubjectWords = 5

// featurePhrases reads a sentence in which a person or the product does
// something ("Supervisors should see X and turn Y into Z") as one feature
// per verb phrase ("Supervisors see X", "Supervisors turn Y into Z"). A
// pronoun subject is dropped ("They attach photos" gives "Attach photos");
// a modal is dropped after a plural subject. It reports false when the
// sentence does not have that shape.
func featurePhrases(s string) ([]string, bool) {
	return featurePhrasesAt(s, 0)
}

func featurePhrasesAt(s string, depth int) ([]string, bool) {
	w := strings.Fields(trimItem(dropLeadInDepth(s, depth)))
	verb := -1
	for i := 0; i < len(w) && i <= maxSubjectWords; i++ {
		lw := normWord(w[i])
		if modalAt(w, i) || isVerb(lw) {
			verb = i
			break
		}
	}
	if verb < 0 {
		return nil, false
	}
	if !isSubject(w[:verb], normWord(w[firstNonModal(w, verb)])) {
		return nil, false
	}
	pred := verb
	for pred < len(w) && modalAt(w, pred) {
		pred++
	}
	if pred >= len(w) || !isVerb(normWord(w[pred])) || contextVerbs()[normWord(w[pred])] {
		return nil, false
	}
	if continuing()[normWord(w[pred])] && pred+1 < len(w) && strings.HasSuffix(normWord(w[pred+1]), "ing") {
		return nil, false // "members keep paying by standing order": how it is today
	}
	subject := strings.Join(w[:verb], " ")
	if len(w[:verb]) == 1 && pronounSubjects()[normWord(w[0])] {
		subject = ""
	}
	modal := ""
	if subject != "" && pred > verb && !strings.HasSuffix(normWord(w[verb-1]), "s") {
		// "The supervisor can see X and approve Y" keeps its modal in each
		// phrase: "The supervisor approve Y" would not be the author's
		// grammar.
		modal = strings.Join(w[verb:pred], " ") + " "
	}
	var out []string
	for _, ph := range verbPhrases(strings.Join(w[pred:], " ")) {
		if subject != "" {
			ph = subject + " " + modal + lowerFirst(ph)
		}
		out = append(out, capitalize(trimItem(ph)))
	}
	return out, len(out) > 0
}

// featureSubject is who does something in a feature sentence
// ("Marshals log…", "the help-desk team marks…"): a noun phrase, not a
// pronoun or the product; "" when the sentence has no such subject.
func featureSubject(s string) string {
	w := strings.Fields(trimItem(dropLeadIn(s)))
	for i := 0; i < len(w) && i <= maxSubjectWords; i++ {
		lw := normWord(w[i])
		if !modalAt(w, i) && !isVerb(lw) {
			continue
		}
		if i == 0 || !isSubject(w[:i], normWord(w[firstNonModal(w, i)])) {
			return ""
		}
		head := normWord(w[i-1])
		if i == 1 && pronounSubjects()[head] || productNouns()[head] {
			return ""
		}
		return strings.Join(w[:i], " ")
	}
	return ""
}

// dropLeadIn removes a short phrase that sets the scene before a
// sentence's subject: "On our side, a coordinator triages…", "Once a
// week, the app sends…".
//
// Also, a time phrase with no comma ("From then on they can see…"); a
// longer condition up to the comma after which someone does something
// ("For no heating in winter, water through a ceiling, or exposed wiring,
// the app must tell…"); and a statement the rest of the sentence
// details after a colon ("Some problems cannot wait: for …, the app
// must…").
func dropLeadIn(s string) string {
	return dropLeadInDepth(s, 0)
}

// maxLeadIn is how many words a condition before a sentence's subject may
// have.
const maxLeadIn = 40

func dropLeadInDepth(s string, depth int) string {
	lower := strings.ToLower(s)
	for _, ph := range leadInPhrases() {
		if rest, ok := strings.CutPrefix(lower, ph+" "); ok && !strings.HasPrefix(rest, ",") {
			return s[len(ph)+1:]
		}
	}
	if depth > 0 {
		return s
	}
	if i := strings.Index(s, ": "); i > 0 && wordCount(s[:i]) <= maxLabelLen*2 {
		if rest := dropCondition(s[i+2:]); opensClause(rest) {
			return rest
		}
	}
	i := strings.Index(s, ", ")
	if i < 0 {
		return s
	}
	if first := normWord(strings.Fields(s)[0]); !leadInWords()[first] {
		return s
	}
	if wordCount(s[:i]) <= 4 {
		return s[i+2:]
	}
	return s
}

// dropCondition removes a condition of any length before the comma after
// which someone or the product does something: "for no heating in
// winter, water through a ceiling, or exposed wiring, the app must
// tell…". It is only asked after a colon, where the sentence's own
// statement came first.
func dropCondition(s string) string {
	fields := strings.Fields(s)
	if len(fields) == 0 || !leadInWords()[normWord(fields[0])] {
		return dropLeadInDepth(s, 1)
	}
	i := strings.Index(s, ", ")
	for off := i; off >= 0 && wordCount(s[:off]) <= maxLeadIn; {
		rest := s[off+2:]
		if opensClauseAt(rest, 1) {
			return rest
		}
		next := strings.Index(rest, ", ")
		if next < 0 {
			break
		}
		off += 2 + next
	}
	return s
}

// leadInPhrases set the time of a sentence without a comma after them.
var leadInPhrases = lexPhrases("lead-in phrases")

var leadInWords = lexSet("lead-in words")

// isSubject accepts no subject (an imperative), a pronoun, or a noun
// phrase ending in a role ("Supervisors", "The clinic manager") or the
// product ("The app"), or in any plural noun before a verb's base form
// ("marshals log"), or any singular noun before its "-s" form ("the
// info-tent team marks"): the verb agrees with it. The head noun must come
// last, right before the verb, so "Our dispatchers juggle phone calls" is
// not read as dispatchers doing "calls". A negative opening ("Nobody
// knows", "No one…") is no one doing anything.
func isSubject(words []string, verb string) bool {
	if len(words) == 0 {
		return true
	}
	if len(words) > maxSubjectWords || notSubjects()[normWord(words[0])] {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if strings.HasSuffix(w, ",") || strings.HasSuffix(w, ";") {
			return false // "or exposed wiring, the app": a list, then the subject
		}
	}
	head := normWord(words[len(words)-1])
	if len(words) == 1 && pronounSubjects()[head] {
		return true
	}
	if isRole(head) || productNouns()[head] {
		return true
	}
	if !nounLike(words) {
		return false
	}
	for _, w := range words[:len(words)-1] {
		if isRole(normWord(w)) {
			return false // "Our dispatchers juggle phone calls": the verb is unknown
		}
	}
	if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") {
		return featureVerbs()[verb] // plural: the base form
	}
	return isVerb(verb) && !featureVerbs()[verb] // singular: the "-s" form
}

// nounLike reports whether words can be a noun phrase: no verb, modal,
// stop word (but a leading determiner) or digit-only word in them.
func nounLike(words []string) bool {
	for i, w := range words {
		lw := normWord(w)
		if lw == "" || modalWords()[lw] || (i > 0 || !determiners()[lw]) && stopWords()[lw] || isVerb(lw) && i == len(words)-1 && !strings.HasSuffix(lw, "s") {
			return false
		}
	}
	return true
}

// Word sets for subjects, from lexicon/words.txt.
var (
	notSubjects  = lexSet("not subjects")
	determiners  = lexSet("determiners")
	contextVerbs = lexSet("context verbs")
)

// continuing are verbs that, before an "-ing" form, say something goes
// on as it is: "members keep paying by standing order".
var continuing = lexSet("continuing verbs")

// hasVerb reports whether a text reads as a sentence: a verb of the
// lexicon after its first word, in its "-s" form, or in its base form
// after a plural noun ("Colleagues on the ward see open offers").
func hasVerb(text string) bool {
	w := leadingWords(text, clauseReach)
	if len(w) > 0 && subordinators()[normWord(w[0])] {
		return false // "Before a swap is approved, the system checks…" leads with its condition
	}
	for i := 1; i < len(w); i++ {
		lw := normWord(w[i])
		if isVerb(lw) && !featureVerbs()[lw] && !isRole(lw) {
			return true
		}
		prev := normWord(w[i-1])
		if featureVerbs()[lw] && strings.HasSuffix(prev, "s") && !stopWords()[prev] && !determiners()[prev] {
			return true
		}
	}
	return false
}

// subordinators open a clause that leads into the sentence's main one.
var subordinators = lexSet("subordinators")

// modalAt reports whether w[i] stands between a subject and its verb: a
// modal word, or "needs"/"wants" before "to" ("needs to see").
func modalAt(w []string, i int) bool {
	lw := normWord(w[i])
	if modalWords()[lw] {
		return true
	}
	return wishWords()[lw] && i+1 < len(w) && normWord(w[i+1]) == "to"
}

var wishWords = lexSet("wish words")

// firstNonModal is the index of the first word at or after i that is no
// modal, or len(w).
func firstNonModal(w []string, i int) int {
	for i < len(w) && modalAt(w, i) {
		i++
	}
	if i >= len(w) {
		return len(w) - 1
	}
	return i
}

// clauseReach is how many words of a clause show whether it has a
// subject and a verb of its own.
const clauseReach = 12

// opensClause reports whether s opens with someone doing something: the
// test featurePhrases makes, on the first words only, so that a sentence
// with many commas is read in linear time.
func opensClause(s string) bool {
	_, ok := featurePhrases(strings.Join(leadingWords(s, clauseReach), " "))
	return ok
}

// opensClauseAt is opensClause for the rest of a sentence whose lead-in
// is being dropped: the rest's own lead-ins are dropped only if short.
func opensClauseAt(s string, depth int) bool {
	_, ok := featurePhrasesAt(strings.Join(leadingWords(s, clauseReach), " "), depth)
	return ok
}

// leadingWords returns the first n space-separated words of s, reading no
// further.
func leadingWords(s string, n int) []string {
	var out []string
	for len(out) < n {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		end := strings.IndexFunc(s, unicode.IsSpace)
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// clauseSep separates clauses that may each have their own subject.
var clauseSep = lazyRegexp(`,\s+(?:and|but|while)\s+|;\s+`)

// featureClauses reads a sentence that may hold several subjects
// ("Dispatchers drag jobs onto a day, and plumbers see their route"): it
// cuts at ", and" or ";" where the next clause has a subject of its own,
// and reads each clause with featurePhrases.
func featureClauses(s string) ([]string, bool) {
	var clauses []string
	start := 0
	for _, loc := range clauseSep().FindAllStringIndex(s, -1) {
		next := s[loc[1]:]
		if opensClause(next) && !startsWithVerb(next) {
			clauses = append(clauses, s[start:loc[0]])
			start = loc[1]
		}
	}
	clauses = append(clauses, s[start:])
	var out []string
	for _, c := range clauses {
		fs, ok := featurePhrases(c)
		if !ok {
			return nil, false
		}
		out = append(out, fs...)
	}
	return out, len(out) > 0
}

// phraseSep separates the verb phrases of a sentence.
var phraseSep = lazyRegexp(`,?\s+(?:and|or)\s+|,\s+`)

// verbPhrases splits a predicate at commas, "and" and "or" where the next
// part starts with a verb, so "pick X from a map or by scanning it, record
// Y with taps and a voice note, attach photos" gives three phrases while
// "by scanning" and "a voice note" stay in theirs.
func verbPhrases(pred string) []string {
	locs := phraseSep().FindAllStringIndex(pred, -1)
	var out []string
	cur, sep, start := "", "", 0
	for i := 0; i <= len(locs); i++ {
		end := len(pred)
		if i < len(locs) {
			end = locs[i][0]
		}
		piece := pred[start:end]
		switch {
		case i == 0:
			cur = piece
		case startsWithVerb(piece) && !objectless(piece):
			// A verb alone, or with only a particle, finishes the phrase
			// before it: "by SMS, email or letter", "a label to print or
			// write down".
			out = append(out, cur)
			cur = piece
		default:
			cur += sep + piece
		}
		if i < len(locs) {
			sep, start = pred[locs[i][0]:locs[i][1]], locs[i][1]
		}
	}
	return append(out, cur)
}

// objectless reports whether a piece is a verb alone or a verb and a
// particle ("email", "write down").
func objectless(s string) bool {
	f := leadingWords(s, 3)
	return len(f) == 1 || len(f) == 2 && particles()[normWord(f[1])]
}

// particles complete a verb without an object: "write down", "sign in".
var particles = lexSet("particles")

func startsWithVerb(s string) bool {
	f := leadingWords(s, 1)
	return len(f) > 0 && isVerb(normWord(f[0]))
}

// normWord lower-cases a word and strips punctuation around it.
func normWord(w string) string {
	return strings.ToLower(strings.Trim(w, `.,;:!?()[]"'*_“”‘’`))
}

// isVerb reports whether w is a feature verb, in its base or "-s" form.
func isVerb(w string) bool {
	if featureVerbs()[w] {
		return true
	}
	if b, ok := strings.CutSuffix(w, "ies"); ok && featureVerbs()[b+"y"] {
		return true
	}
	if b, ok := strings.CutSuffix(w, "es"); ok && featureVerbs()[b] {
		return true
	}
	b, ok := strings.CutSuffix(w, "s")
	return ok && featureVerbs()[b]
}

// isRole reports whether w names a kind of person, singular or plural.
func isRole(w string) bool {
	return roleWords()[w] || roleWords()[singular(w)]
}

func singular(w string) string {
	if b, ok := strings.CutSuffix(w, "ies"); ok {
		return b + "y"
	}
	if b, ok := strings.CutSuffix(w, "es"); ok && roleWords()[b] {
		return b
	}
	return strings.TrimSuffix(w, "s")
}
