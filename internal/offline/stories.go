package offline

import (
	"regexp"
	"sort"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// soThatMin is how many topic words a story and a goal must share before
// the goal becomes the story's "so that". Two shared words (for example
// "team" and "habit") rarely happen by chance in a short brief; one does.
const soThatMin = 2

// frParts is what a functional requirement says, read back from its text
// so that a person's edits to the PRD reach the stories.
type frParts struct {
	kind    featureKind
	actor   string // "patients", "a team lead"; empty for the system or a noun phrase
	persona int    // index of the acting persona, -1 when none
	body    string // the verb phrase or noun phrase
	notes   []string
	so      string // a benefit the requirement states ("so that they…")
	// qualifier narrows the actor: "on the same ward with the same grade"
	// in "colleagues on the same ward with the same grade see…".
	qualifier string
}

// BuildStories writes at least one user story for every functional
// requirement of the PRD, in order, each with acceptance criteria.
func BuildStories(p *artifact.PRD) *artifact.Stories {
	if p == nil {
		p = &artifact.PRD{}
	}
	out := &artifact.Stories{Title: p.Title}
	proper := prdProperNouns(p)
	access := hasAccessControl(p)
	var ctxs []storyCtx
	for _, fr := range p.Functional {
		for _, parts := range splitParts(parseFR(fr.Text, p.Personas, proper)) {
			n := len(out.Stories) + 1
			st := artifact.Story{
				ID:     artifact.StoryID(n),
				Title:  storyTitle(parts),
				Role:   storyRole(parts, p.Personas, proper),
				Want:   storyWant(parts, p.Personas),
				SoThat: storySoThat(parts, p.Goals, proper),
				// The priority is the requirement's, as the PRD gives it;
				// a size would be a guess, so the engine gives none.
				Priority: fr.Priority,
				Traces:   []string{fr.ID},
			}
			ctx := storyCtx{n: n, role: st.Role, product: p.Title, parts: parts, proper: proper, access: access, fr: fr.ID, frText: fr.Text}
			st.Criteria = ctx.criteria(p.NonFunctional)
			out.Stories = append(out.Stories, st)
			ctxs = append(ctxs, ctx)
		}
	}
	attachNFRs(out, ctxs, p.NonFunctional)
	return out
}

// maxCriteria is how many criteria a story may have before lint calls it
// too big (story-too-big); attachNFRs adds none past it.
const maxCriteria = 8

// attachNFRs gives each non-functional requirement that no story's
// criteria name yet a criterion on the story it shares the most words
// with, when that is nfrMin words or more (nfrCriteria gives a story at
// most two NFRs; this places the ones it left). An NFR that shares fewer
// words with every story ("available in English, Polish and Somali") is
// a property of the whole product, not of one story, and stays in the
// PRD: one shared word ("day" in "daily reports" and "20–120 walk-ins a
// day") is chance, not a topic.
func attachNFRs(st *artifact.Stories, ctxs []storyCtx, nfrs []artifact.Requirement) {
	named := map[string]bool{}
	for _, s := range st.Stories {
		for _, c := range s.Criteria {
			for _, id := range nfrID.FindAllString(c.Then, -1) {
				named[id] = true
			}
		}
	}
	for _, r := range nfrs {
		if named[r.ID] || r.ID == "" {
			continue
		}
		best, most := -1, nfrMin-1
		for i := range ctxs {
			c := &ctxs[i]
			if len(st.Stories[i].Criteria) >= maxCriteria {
				continue
			}
			if n := overlap(c.parts.body+" "+strings.Join(c.parts.notes, " "), r.Text, c.proper); n > most && c.sharesWord(r.Text) {
				best, most = i, n
			}
		}
		if best < 0 {
			continue
		}
		c := &ctxs[best]
		s := &st.Stories[best]

		cr := withKind(kindMain, gwt(c.given(), c.storyWhen(), "it meets "+r.ID+": "+lowerFirst(bare(r.Text), c.proper)))
		cr.ID = artifact.CriterionID(c.n, len(s.Criteria)+1)
		s.Criteria = append(s.Criteria, cr)
	}
}

// nfrID finds the NFR IDs a criterion names.
var nfrID = regexp.MustCompile(`\bNFR-\d+\b`)

// splitParts gives a requirement with two or more separate actions one
// story per action ("create a team and invite members", "see the live
// queue…, reorder for triage, and mark patients…"), so each story does
// one thing and stays small enough to build and test alone (INVEST, and
// lint's story-too-big). Lists of bare verbs on one object stay together
// ("create, update, finalize and void invoices"), and so do actions with
// a dependent clause ("…, updated when it changes").
// The requirement's notes go with the first story.
func splitParts(parts frParts) []frParts {
	if parts.kind == kindNoun {
		return []frParts{parts}
	}
	segs := segments(tokenize(parts.body))
	if len(segs) < 2 {
		return []frParts{parts}
	}
	for i, s := range segs {
		if i > 0 && selectVerbs[segs[i-1].root] && pronounObject(s.obj) {
			// "pick one of their shifts and offer it as a swap": the
			// choice is the first step of the offer.
			return []frParts{parts}
		}
		if s.verb == "" || len(s.words) < 2 || objectless(s) || pronounObject(s.obj) && len(s.rest) == 0 {
			// "…see open offers and accept one": "one" is an offer, and
			// accepting it is no story of its own ("add them to the
			// statement" is).
			return []frParts{parts}
		}
	}
	out := make([]frParts, len(segs))
	for i, s := range segs {
		out[i] = parts
		out[i].body = join(s.words)
		if i > 0 {
			out[i].notes = nil
		}
	}
	return out
}

// objectless reports whether a segment is a verb with no thing it acts
// on: "write down", "sign in". Split off, it would be no story.
func objectless(s segment) bool {
	return len(s.rest) == 0 && (len(s.obj) == 0 || len(s.obj) == 1 && particleWords[s.obj[0].lw()])
}

// particleWords complete a verb without being its object.
var particleWords = set("down", "up", "in", "out", "off", "on", "back", "over", "away")

// parseFR reads a requirement written as BuildPRD writes them ("The
// system must let <actor> <verb>…", "…must provide <thing>", "…must
// <verb>…"); any other text is read as a feature would be.
func parseFR(text string, personas []artifact.Persona, proper map[string]bool) frParts {
	first, more := firstSentence(clean(text))
	var notes []string
	if n, ok := strings.CutPrefix(more, "Notes from the brief: "); ok {
		more = n
	}
	for _, s := range strings.Split(bare(more), "; ") {
		if s = bare(s); s != "" {
			notes = append(notes, s)
		}
	}
	pp := newPeople(briefPersonas(personas), proper, "")
	who, first := cutFiledFor(first)
	s := bare(first)
	so := ""
	if b, after, ok := strings.Cut(s, " so that "); ok {
		s, so = b, after
	}
	parts := parseSentence(s, pp, personas, proper)
	parts.notes, parts.so = notes, so
	if who != "" {
		// "For walkers, the system must support X": the walkers' X.
		if i := pp.namedPersona(who); i >= 0 {
			parts.persona = i
		}
	}
	return parts
}

// parseSentence reads the first sentence of a requirement.
func parseSentence(s string, pp people, personas []artifact.Persona, proper map[string]bool) frParts {
	lw := strings.ToLower(s)
	const must = "the system must "
	switch {
	case strings.HasPrefix(lw, must+"let "):
		if actor, i, body := splitActor(s[len(must+"let "):], personas, proper); body != "" {
			qual, body := actorQualifier(body)
			return frParts{kind: kindActor, actor: actor, persona: i, body: body, qualifier: qual}
		}
	case strings.HasPrefix(lw, must+"provide "), strings.HasPrefix(lw, must+"support "):
		np := s[strings.Index(s[len(must):], " ")+len(must)+1:]
		return frParts{kind: kindNoun, persona: pp.nounPersona(np), body: np}
	case strings.HasPrefix(lw, must):
		return frParts{kind: kindSystem, persona: -1, body: s[len(must):]}
	}
	c := pp.analyse(s)
	return frParts{kind: c.kind, actor: c.actor, persona: c.persona, body: c.body}
}

// actorQualifier splits the phrases that qualify the actor from the verb
// phrase after them: "on the same ward with the same grade see open
// offers" gives "on the same ward with the same grade" and "see open
// offers". A verb phrase that starts with its verb has none.
func actorQualifier(body string) (string, string) {
	ts := tokenize(body)
	if len(ts) < 3 || !prepositions[ts[0].lw()] {
		return "", body
	}
	for i := 2; i < len(ts) && i <= 12; i++ {
		prev := ts[i-1].lw()
		if !ts[i].isWord() || !ts[i-1].isWord() {
			return "", body
		}
		if v := baseVerb(ts[i].lw()); v != nil && !v.noun && !determiners[prev] && !prepositions[prev] && prev != "to" && verbForm(prev) == nil {
			return join(ts[:i]), join(ts[i:])
		}
	}
	return "", body
}

// splitActor separates "a team lead create a team…" into the actor, the
// index of the persona it names (-1 if none) and the verb phrase.
func splitActor(s string, personas []artifact.Persona, proper map[string]bool) (string, int, string) {
	order := make([]int, len(personas))
	for i := range order {
		order[i] = i
	}
	// Longest names first, so "Team lead" does not match "Team leads".
	sort.SliceStable(order, func(a, b int) bool { return len(personas[order[a]].Name) > len(personas[order[b]].Name) })
	lw := strings.ToLower(s)
	for _, i := range order {
		name := personas[i].Name
		for _, form := range []string{actorPhrase(name, "", proper), actorPhrase(name, "the", proper), name} {
			if f := strings.ToLower(form) + " "; strings.HasPrefix(lw, f) {
				return s[:len(f)-1], i, s[len(f):]
			}
		}
	}
	ts := tokenize(s)
	for i := 1; i < len(ts) && i <= 6; i++ {
		if lookupVerb(ts[i].lw()) != nil {
			return join(ts[:i]), -1, join(ts[i:])
		}
	}
	return "", -1, ""
}

// storyRole names the story's role in lower case and in the singular, so
// that it follows "As a": "patient", "team lead", "front-desk staff
// member", "support team member".
func storyRole(parts frParts, personas []artifact.Persona, proper map[string]bool) string {
	name := parts.actor
	switch {
	case parts.persona >= 0 && parts.persona < len(personas):
		name = personas[parts.persona].Name
	case len(personas) > 0:
		// A story's role is one of the PRD's personas: the one the actor
		// names ("volunteers" for "Regular volunteer"), else, for a
		// requirement no person does, the one whose words it shares most,
		// else the first.
		// A kind of person the PRD does not name (BuildPRD names every one
		// its requirements do, so only a hand edit makes one) stays as
		// written, for validation to ask for the persona.
		if match, ok := artifact.MatchPersona(name, personas); ok && name != "" {
			name = match
		} else if name == "" || !isPerson(headWord(name)) || name == "users" {
			name = closestPersona(parts, personas, proper)
		}
	case name == "":
		return "user"
	}
	ws := strings.Fields(lowerFirst(name, proper))
	for len(ws) > 1 && determiners[strings.ToLower(ws[0])] {
		ws = ws[1:]
	}
	head := strings.Join(ws, " ")
	h := headWord(head)
	switch lh := strings.ToLower(h); {
	case isPlural(h):
		head = strings.Replace(head, h, singular(h), 1)
	case massNouns[lh] || collectiveNouns[lh]:
		// "As a front-desk staff member", as the renderer writes "As a".
		head = strings.Replace(head, h, h+" member", 1)
	}
	return head
}

// closestPersona is the persona whose name and description share most
// topic words with what the requirement says, the first on a tie.
func closestPersona(parts frParts, personas []artifact.Persona, proper map[string]bool) string {
	text := parts.actor + " " + parts.body + " " + strings.Join(parts.notes, " ")
	best, bestN := 0, 0
	for i, p := range personas {
		if n := overlap(text, p.Name+" "+p.Description, proper); n > bestN {
			best, bestN = i, n
		}
	}
	return personas[best].Name
}

// storyWant is what follows "I want": "to join the queue…" with the
// role's pronouns in the first person, "the system to work offline…", or
// the thing itself ("a team board showing…").
func storyWant(parts frParts, personas []artifact.Persona) string {
	switch parts.kind {
	case kindNoun:
		return parts.body
	case kindSystem:
		return "the system to " + parts.body
	}
	others := map[string]bool{}
	for i, ps := range personas {
		if i != parts.persona {
			others[strings.ToLower(singular(headWord(ps.Name)))] = true
		}
	}
	return "to " + firstPerson(parts.body, others)
}

// storySoThat is the benefit the requirement states, else a goal the
// story clearly serves.
func storySoThat(parts frParts, goals []artifact.Goal, proper map[string]bool) string {
	if parts.so != "" {
		return firstPerson(parts.so, nil)
	}
	return soThat(parts.body, goals, proper)
}

// soThat returns the goal the story serves, as a clause, when the two
// share at least soThatMin topic words; otherwise "" rather than an
// invented benefit.
func soThat(body string, goals []artifact.Goal, proper map[string]bool) string {
	best, bestN := "", soThatMin-1
	for _, g := range goals {
		c := goalClause(g.Text, proper)
		if n := overlap(body, g.Text, proper); c != "" && n > bestN {
			best, bestN = c, n
		}
	}
	return best
}

// goalClause turns a goal into a clause that can follow "so that":
// "Teams keep 80% of agreed habits" as is, "Reduce walk-outs" as "we
// reduce walk-outs". A goal without a verb cannot, and gives "".
func goalClause(g string, proper map[string]bool) string {
	g = bare(g)
	ts := tokenize(g)
	switch {
	case len(ts) == 0:
		return ""
	case isImperative(ts):
		return "we " + lowerFirst(g, proper)
	}
	if _, ok := finiteVerb(ts); ok {
		return lowerFirst(g, proper)
	}
	return ""
}

// briefPersonas converts the PRD's personas for the feature analysis.
func briefPersonas(ps []artifact.Persona) []brief.Persona {
	out := make([]brief.Persona, len(ps))
	for i, p := range ps {
		out[i] = brief.Persona{Name: p.Name, Description: p.Description}
	}
	return out
}

// prdProperNouns finds the names and acronyms a PRD uses.
func prdProperNouns(p *artifact.PRD) map[string]bool {
	texts := []string{p.Summary, p.Problem}
	for _, r := range append(append([]artifact.Requirement(nil), p.Functional...), p.NonFunctional...) {
		texts = append(texts, r.Text)
	}
	for _, g := range p.Goals {
		texts = append(texts, g.Text)
	}
	out := properNouns(texts...)
	if ws := strings.Fields(p.Title); len(ws) == 1 {
		out[strings.ToLower(ws[0])] = true
	}
	return out
}
