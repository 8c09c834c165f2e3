package offline

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/plural"
)

// BuildPRD writes a PRD from a brief. Every feature becomes a functional
// requirement, every constraint a non-functional one, and every part the
// brief leaves out an open question; nothing is invented. A nil brief is
// treated as an empty one.
func BuildPRD(b *brief.Brief) *artifact.PRD {
	if b == nil {
		b = &brief.Brief{}
	}
	title := clean(b.Title)
	p := &artifact.PRD{Title: title, Summary: clean(b.Summary), Problem: clean(b.Problem)}
	if title == "" {
		p.Title = "Product"
	}
	pp := newPeople(b.Users, briefProperNouns(b), p.Title)
	for i, g := range nonEmpty(b.Goals) {
		p.Goals = append(p.Goals, artifact.Goal{ID: artifact.GoalID(i + 1), Text: upperFirst(g), Source: source(b, g)})
	}
	for _, u := range b.Users {
		if name := clean(u.Name); name != "" {
			p.Personas = append(p.Personas, artifact.Persona{Name: upperFirst(name), Description: clean(u.Description), Source: source(b, u.Name)})
		}
	}
	frs := each(b.Features, func(f brief.Feature) written { return functionalText(pp, f) })
	for i, f := range b.Features {
		text := frs[i].text
		if text == "" {
			continue
		}
		id := artifact.FRID(len(p.Functional) + 1)
		src, also := sources(b, f.Text)
		p.Functional = append(p.Functional, artifact.Requirement{ID: id, Text: text, Priority: clean(f.Priority), Source: src, Also: also})
		p.Personas = addActor(p.Personas, frs[i].clause, src)
	}
	for _, c := range nonEmpty(b.Constraints) {
		id := artifact.NFRID(len(p.NonFunctional) + 1)
		p.NonFunctional = append(p.NonFunctional, artifact.Requirement{ID: id, Text: constraintText(c, pp.proper), Source: source(b, c)})
	}
	for _, s := range nonEmpty(b.Stack) {
		// The technology is named, not required of the system: as written.
		id := artifact.NFRID(len(p.NonFunctional) + 1)
		p.NonFunctional = append(p.NonFunctional, artifact.Requirement{ID: id, Text: sentence(upperFirst(bare(clean(markdown.Plain(s))))), Source: source(b, s)})
	}
	personas := p.Personas
	p.InScope = append(p.InScope, each(p.Functional, func(fr artifact.Requirement) string {
		return storyTitle(parseFR(fr.Text, personas, pp.proper))
	})...)
	var scopeSources []artifact.Source
	for _, ng := range nonEmpty(b.NonGoals) {
		p.OutOfScope = append(p.OutOfScope, upperFirst(ng))
		scopeSources = append(scopeSources, source(b, ng))
	}
	for _, f := range b.Later {
		if t := laterText(f); t != "" {
			p.OutOfScope = append(p.OutOfScope, t)
			scopeSources = append(scopeSources, source(b, f.Text))
		}
	}
	if slices.ContainsFunc(scopeSources, func(s artifact.Source) bool { return !s.IsZero() }) {
		p.OutOfScopeSources = scopeSources
	}
	for _, m := range b.Metrics {
		if name := clean(m.Name); name != "" {
			p.Metrics = append(p.Metrics, artifact.Metric{Name: upperFirst(name), Baseline: clean(m.Baseline), Target: clean(m.Target), Source: source(b, m.Name)})
		}
	}
	p.Assumptions = upperAll(nonEmpty(b.Risks))
	p.OpenQuestions = prdQuestions(b, p)
	return p
}

// source is where the brief says an item, by the item's text as the
// brief reader gave it: its first place.
func source(b *brief.Brief, text string) artifact.Source {
	src, _ := sources(b, text)
	return src
}

// sources is every place the brief says an item: the first, and the
// others.
func sources(b *brief.Brief, text string) (artifact.Source, []artifact.Source) {
	spans := b.SourceOf(text)
	if len(spans) == 0 {
		return artifact.Source{}, nil
	}
	var also []artifact.Source
	for _, s := range spans[1:] {
		also = append(also, artifact.Source{Start: s.Start, End: s.End})
	}
	return artifact.Source{Start: spans[0].Start, End: spans[0].End}, also
}

// laterText writes a feature the brief puts after the first release as
// an out-of-scope item: "Later (phase 2): iCal feed".
func laterText(f brief.Feature) string {
	text := clean(markdown.Plain(f.Text))
	if !hasWord(text) {
		return ""
	}
	label := "Later"
	if phase := clean(f.Phase); phase != "" {
		label += " (" + phase + ")"
	}
	return label + ": " + upperFirst(text)
}

// functionalText phrases one feature as a requirement, with its notes.
func functionalText(pp people, f brief.Feature) written {
	text := plusAnd.ReplaceAllString(clean(markdown.Plain(f.Text)), "${1} and ${2}")
	if !hasWord(text) {
		return written{} // markup or punctuation alone states no capability
	}
	first, more := firstSentence(text)
	filed := pp.filedUnder(f.Actor)
	c := filed.analyse(first)
	out := requirementSentence(c)
	if c.kind == kindNoun && strings.EqualFold(c.body, bare(first)) {
		// The analysis read no structure into it: see what it is.
		out = nounRequirement(c, first, pp.proper)
	}
	if who := filed.filedFor(c); who != "" && strings.HasPrefix(out, "The system must ") {
		// "weekly payouts to bank account" under WALKER is the walkers'.
		out = "For " + who + ", the system must " + strings.TrimPrefix(out, "The system must ")
	}
	if more != "" {
		out += " " + sentence(more)
	}
	if n := notesText(clean(markdown.Plain(f.Notes))); n != "" {
		out += " " + n
	}
	return written{out, c}
}

// filedFor names, in the plural, the persona a capability named by a
// noun phrase is filed under ("weekly payouts to bank account" under a
// WALKER heading) when the phrase names no persona itself and the brief
// has more than one, so that a story knows whose it is: "" otherwise.
func (p people) filedFor(c clause) string {
	if c.kind != kindNoun || p.actor < 0 || len(p.personas) < 2 {
		return ""
	}
	t := topicsOf(c.body, p.proper)
	for i := range p.personas {
		if t.overlap(p.wordsOf().names[i]) > 0 {
			return ""
		}
	}
	name := lowerFirst(p.personas[p.actor].Name, p.proper)
	if h := strings.ToLower(headWord(name)); collectiveNouns[h] || massNouns[h] {
		return actorPhrase(name, "the", p.proper) // "the ops team"
	}
	return plural.Noun(name)
}

// cutFiledFor splits "For walkers, the system must support X." into
// "walkers" and "The system must support X."; text without the lead is
// returned as it is.
func cutFiledFor(text string) (string, string) {
	rest, ok := strings.CutPrefix(text, "For ")
	if !ok {
		return "", text
	}
	who, body, ok := strings.Cut(rest, ", the system must ")
	if !ok || strings.ContainsAny(who, ",.;:") || len(strings.Fields(who)) > 5 {
		return "", text
	}
	return who, "The system must " + body
}

// plusAnd is a "+" or "&" between words, which a requirement writes as
// "and": "Rating (1-5 stars) + private notes".
var plusAnd = regexp.MustCompile(`(\w|\)) [+&] (\w)`)

// written is a requirement's text and what the analysis read in it.
type written struct {
	text   string
	clause clause
}

// addActor adds to personas the people a requirement names as its actor
// when none of the personas is them ("auditors export the audit log" in
// a brief whose users are employees and managers): a story's role is
// always a persona, so the PRD names every kind of person who acts, each
// citing the first requirement that names them.
func addActor(personas []artifact.Persona, c clause, src artifact.Source) []artifact.Persona {
	if c.kind != kindActor || c.persona >= 0 || c.actor == "" || c.actor == "users" {
		return personas
	}
	name := stripDeterminer(headPhrase(tokenize(c.actor))) // "colleagues", not "colleagues on the same ward"
	if rest, ok := strings.CutPrefix(name, "own "); ok {
		name = rest // "our own technicians" are technicians
	}
	if !isPerson(headWord(name)) {
		return personas
	}
	if _, ok := artifact.MatchPersona(name, personas); ok {
		return personas
	}
	return append(personas, artifact.Persona{Name: upperFirst(name), Source: src})
}

// nounRequirement writes a feature the analysis read as a noun phrase.
// Many are not: a rule with its own subject and verb ("Reprinting a label
// requires a reason") is required as it stands, "The system must ensure
// that …", rather than turned into "provide a reprinting a label…"; a
// label and its values ("Export: CSV, JSON") is supported as written.
// Only a true noun phrase takes "provide" or "support" with an article.
func nounRequirement(c clause, text string, proper map[string]bool) string {
	if ts := trimPunct(tokenize(text)); len(ts) > 0 && adjectiveCompound(ts[0].lw()) {
		// "Offline-first (IndexedDB); sync across devices": what the
		// product is, then what it does.
		head, rest, _ := strings.Cut(bare(text), ";")
		out := "The system must be " + lowerFirst(strings.TrimSpace(head), proper)
		if rt := trimPunct(tokenize(rest)); len(rt) > 0 && lookupVerb(rt[0].lw()) != nil {
			out += " and " + strings.TrimSpace(rest)
		} else if strings.TrimSpace(rest) != "" {
			out += "; " + strings.TrimSpace(rest)
		}
		return sentence(out)
	}
	if label, rest, ok := strings.Cut(bare(text), ": "); ok && len(strings.Fields(label)) <= 3 && rest != "" {
		return sentence("The system must support " + lowerFirst(label, proper) + ": " + rest)
	}
	if statesClause(trimPunct(tokenize(text))) || statesClause(afterCondition(trimPunct(tokenize(text)))) {
		return sentence("The system must ensure that " + lowerFirst(bare(text), proper))
	}
	return requirementSentence(c)
}

// adjectiveCompound reports whether a word is an adjective made with a
// hyphen that says what kind of product it is: "offline-first",
// "mobile-friendly", "cloud-native", "keyboard-only".
func adjectiveCompound(w string) bool {
	return strings.Contains(w, "-") && hasAnySuffix(w, "-first", "-friendly", "-native", "-only", "-ready", "-based", "-compatible", "-accessible")
}

// afterCondition is what follows a leading condition ("After a handover,
// either side can leave a note" gives "either side can leave a note"), or
// nothing when the words open with none.
func afterCondition(ts []token) []token {
	if len(ts) == 0 || !leadWords[ts[0].lw()] {
		return nil
	}
	for i, t := range ts {
		if t.text == "," && i+1 < len(ts) {
			return ts[i+1:]
		}
	}
	return nil
}

// leadWords open a condition before a sentence's subject.
var leadWords = set("after", "before", "when", "whenever", "once", "if", "on", "during", "until", "while", "at", "for", "in")

// statesClause reports whether words read as a clause of their own: a
// subject and a verb that agrees with it ("reprinting a label requires a
// reason", "approved closures appear on a map", "a cancellation up to
// Wednesday noon refunds the fee"), or a modal or "is" after a noun. A
// noun phrase whose plural noun is also a verb form ("tax rates and
// discounts") is none: the verb must have something after it.
func statesClause(ts []token) bool {
	for i := 1; i+1 < len(ts); i++ {
		lw, prev, next := ts[i].lw(), ts[i-1], ts[i+1]
		if clauseEnds[lw] || lw == ";" || lw == ":" || lw == "," {
			return false // the verb of a clause inside the phrase is not the phrase's
		}
		if !ts[i].isWord() || !prev.isWord() || determiners[prev.lw()] || prepositions[prev.lw()] || prev.lw() == "to" || modals[prev.lw()] {
			continue
		}
		if !next.isWord() || conjunctions[next.lw()] {
			continue
		}
		switch v := verbForm(lw); {
		case lw == "is" || lw == "are" || lw == "can" || lw == "cannot" || lw == "must" || lw == "will":
			return true
		case v != nil && v.third == lw && v.base != lw && nounAt(prev):
			return true
		case v != nil && v.base == lw && pluralNoun(prev.text) && nounAt(prev):
			return true
		}
	}
	return false
}

// nounAt reports whether a word before a verb can end its subject: no
// verb, or a verb that is also a common noun ("label", "export").
func nounAt(t token) bool {
	v := verbForm(t.lw())
	return v == nil || v.noun
}

// clauseEnds open a clause inside a noun phrase ("a reminder before a
// booster is due", "a form which then shows…"), or a verb phrase of its
// own ("a profile to join…").
var clauseEnds = set("when", "whenever", "before", "after", "if", "which", "that", "who", "where", "until", "while", "because", "once", "so")

// requirementSentence writes a clause as "The system must …".
func requirementSentence(c clause) string {
	so := ""
	if c.so != "" {
		so = " so that " + c.so
	}
	switch {
	case c.kind == kindActor:
		body := c.body
		if ts := tokenize(body); len(ts) > 0 && lookupVerb(ts[0].lw()) != nil {
			body = lowerFirst(body, nil) // "Pay online by card" after "let a parent"
		}
		return sentence("The system must let " + c.actor + " " + body + so)
	case c.kind == kindSystem:
		return sentence("The system must " + c.body + so)
	case c.support:
		return sentence("The system must support " + c.body + so)
	}
	return sentence("The system must " + offerVerb(c.body) + " " + withArticle(c.body) + so)
}

// offerVerb chooses "provide" for one thing ("a team board") and
// "support" for many or for an activity ("multi-currency invoices", "PDF
// rendering").
func offerVerb(np string) string {
	if uncounted(nounHead(tokenize(np))) {
		return "support"
	}
	return "provide"
}

// uncounted reports whether a noun takes no "a": a plural ("invoices"), a
// mass noun ("data") or an activity or quality ("rendering",
// "collaboration", "availability").
func uncounted(head string) bool {
	lw := strings.ToLower(head)
	return isPlural(head) || massNouns[lw] ||
		hasAnySuffix(lw, "ing", "tion", "sion", "ment", "ance", "ence", "ity", "ness", "ship", "ism")
}

// withArticle puts "a"/"an" before a singular noun phrase that has none.
func withArticle(np string) string {
	ts := tokenize(np)
	if len(ts) == 0 || determiners[ts[0].lw()] || quoteMark(ts[0].text) {
		return np // "a team", or a name in quotes: "Similar incidents"
	}
	if uncounted(nounHead(ts)) || coordinatedPlural(ts) {
		return np
	}
	return article(np) + " " + np
}

// coordinatedPlural reports whether a noun phrase joins modifiers before
// a plural head: "start and finish dates".
func coordinatedPlural(ts []token) bool {
	for i := 1; i+1 < len(ts); i++ {
		if !ts[i].isWord() || prepositions[ts[i].lw()] {
			return false
		}
		if ts[i].lw() == "and" || ts[i].lw() == "or" {
			h := nounHead(ts[i+1:])
			return h != "" && isPlural(h) && len(tokenize(h)) == 1 && !strings.EqualFold(h, ts[i+1].text)
		}
	}
	return false
}

// nounHead returns the main noun of a noun phrase: the last word before a
// preposition, a clause word, punctuation or a participle that takes an
// object ("Team board showing each…" → "board").
func nounHead(ts []token) string {
	head := ""
	for i, t := range ts {
		lw := t.lw()
		if !t.isWord() || i > 0 && (prepositions[lw] || conjunctions[lw]) {
			break
		}
		if i > 0 && strings.HasSuffix(lw, "ing") && i+1 < len(ts) && (determiners[ts[i+1].lw()] || possessives[ts[i+1].lw()]) {
			break
		}
		head = t.text
	}
	return head
}

// notesText works a feature's notes into a sentence. Notes that are short
// clauses missing their verb get it ("Drafts editable" → "Drafts are
// editable"); others are quoted as the brief's notes.
func notesText(notes string) string {
	notes = bare(notes)
	if notes == "" {
		return ""
	}
	parts := strings.Split(notes, "; ")
	for i, part := range parts {
		c, ok := completeClause(part)
		if !ok {
			return "Notes from the brief: " + notes + "."
		}
		parts[i] = c
	}
	return sentence(strings.Join(parts, "; "))
}

// completeClause adds "is"/"are" to a short note of a noun and an
// adjective or participle ("finalized invoices immutable").
func completeClause(s string) (string, bool) {
	ts := tokenize(s)
	n := len(ts)
	for _, t := range ts {
		if lw := t.lw(); lw == "is" || lw == "are" || lw == "was" || lw == "were" {
			return s, true // complete already
		}
	}
	if n < 2 || n > 4 || baseVerb(ts[0].lw()) != nil {
		return s, false
	}
	last, head := ts[n-1].lw(), ts[n-2]
	adjective := hasAnySuffix(last, "able", "ible") || isParticiple(last) || last == "required" || last == "optional"
	if !adjective || !head.isWord() || determiners[head.lw()] || prepositions[head.lw()] {
		return s, false
	}
	be := "is"
	if isPlural(head.lw()) {
		be = "are"
	}
	return join(ts[:n-1]) + " " + be + " " + ts[n-1].text, true
}

// firstSentence splits text after its first sentence, if a second one
// starts with a capital; an abbreviation's full stop ("e.g. Mon/Wed")
// ends none.
func firstSentence(s string) (string, string) {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && unicode.IsUpper(rune(s[i+2])) && !brief.EndsWithAbbreviation(s[:i+1]) {
			return s[:i+1], s[i+2:]
		}
	}
	return s, ""
}

// briefProperNouns finds the names and acronyms the brief uses.
func briefProperNouns(b *brief.Brief) map[string]bool {
	// The title is left out: its words are capitalised as a title, not as
	// names ("Field Notes"). A one-word title is a name.
	texts := []string{b.Summary, b.Problem}
	for _, u := range b.Users {
		texts = append(texts, u.Description)
	}
	for _, f := range b.Features {
		texts = append(texts, markdown.Plain(f.Text), f.Notes)
	}
	texts = append(texts, b.Goals...)
	texts = append(texts, b.Constraints...)
	texts = append(texts, b.NonGoals...)
	texts = append(texts, b.Risks...)
	out := properNouns(texts...)
	if ws := strings.Fields(b.Title); len(ws) == 1 {
		out[strings.ToLower(strings.Trim(ws[0], allPunct))] = true
	}
	return out
}

// clean joins the lines of a text and trims it.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// nonEmpty cleans texts and drops those without a word.
func nonEmpty(texts []string) []string {
	var out []string
	for _, t := range texts {
		if t = clean(t); hasWord(t) {
			out = append(out, t)
		}
	}
	return out
}

func upperAll(texts []string) []string {
	for i, t := range texts {
		texts[i] = upperFirst(t)
	}
	return texts
}
