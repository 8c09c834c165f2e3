package offline

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/domain"
	"github.com/prodgen/prodgen/internal/plural"
)

// storyOp is what a story's own words ask the API for: the verbs of its
// want ("accept / decline requests" gives accept and decline) and the
// thing they act on ("requests").
type storyOp struct {
	verbs  []string
	object []token // the object and what follows it: "queue of submitted applications"
	det    []token // the object's determiners: "a"
}

// readStoryOp reads a story's want as verbs on an object: "to accept /
// decline requests", "to start / end walk (GPS)", "to approve walkers".
// A want that is a noun phrase ("weekly payouts to bank account") or
// has no object ("to sign in") asks for nothing here.
func readStoryOp(want string) (storyOp, bool) {
	ts := trimPunct(tokenize(want))
	if len(ts) > 0 && ts[0].lw() == "to" {
		ts = ts[1:]
	}
	var op storyOp
	i := 0
	for i < len(ts) {
		t := ts[i]
		switch {
		case len(op.verbs) > 0 && (t.text == "/" || t.lw() == "and" || t.lw() == "or" || t.text == ","):
			i++
			continue
		case t.isWord() && lookupVerb(t.lw()) != nil && (len(op.verbs) == 0 || i > 0 && !ts[i-1].isWord() || conjunctions[ts[i-1].lw()]):
			op.verbs = append(op.verbs, lookupVerb(t.lw()).base)
			i++
			if i < len(ts) && phrasal[op.verbs[len(op.verbs)-1]+" "+ts[i].lw()] {
				op.verbs[len(op.verbs)-1] += " " + ts[i].lw() // "sign off"
				i++
			}
			continue
		}
		break
	}
	if len(op.verbs) == 0 || i >= len(ts) {
		return storyOp{}, false
	}
	rest := ts[i:]
	for len(rest) > 0 && (determiners[rest[0].lw()] || possessives[rest[0].lw()]) {
		op.det = append(op.det, rest[0])
		rest = rest[1:]
	}
	if len(rest) == 0 || !rest[0].isWord() || pronouns[rest[0].lw()] || prepositions[rest[0].lw()] || rest[0].lw() == "inside" || whWords[rest[0].lw()] {
		// "record which one is inside" says what, not which thing.
		return storyOp{}, false
	}
	op.object = rest
	return op, true
}

// storyEndpoints returns the endpoints, with, for each story no endpoint
// serves yet, the endpoints its own want asks for, on the entity its
// object names: "accept /
// decline requests" on a Request, "approve walkers" on the Account of a
// walker, "start / end walk" on a Walk, "see a queue of submitted
// applications" as the list of Applications, "a profile for each dog:
// name, breed…" as creating a Dog. A verb with no route of its own
// ("raft a boat") is an action on the item. A story whose object is no
// entity of the data model gets a question instead of a route the
// design cannot back; one the product does alone (a reminder, an
// alert) needs none.
func (d *domainTech) storyEndpoints(es []artifact.Entity, have []artifact.Endpoint) ([]artifact.Endpoint, []artifact.Question) {
	out := slices.Clone(have)
	var qs []artifact.Question
	asked := map[string]bool{} // stories a question is about
	ask := func(story, text string) {
		qs = append(qs, artifact.Question{Text: text})
		asked[story] = true
	}
	byName := func(name string) artifact.Entity {
		return es[slices.IndexFunc(es, func(e artifact.Entity) bool { return e.Name == name })]
	}
	for _, s := range d.st.Stories {
		if served(have, s.ID) {
			continue
		}
		var eps []artifact.Endpoint
		if op, ok := readStoryOp(s.Want); ok {
			ent, direct := d.entityOfDirect(op.object, es)
			f := fieldOwner(headPhrase(op.object), es)
			switch {
			case ent == "" && f != "":
				// "upload photo" where a Walk has a photo: a change to it.
				if ep, ok := d.endpointFor(byName(f), domain.Operation{Kind: domain.OpUpdate, Name: "update"}); ok {
					eps = append(eps, ep)
				}
			case ent == "" && asksReport(s.Want) && looksAt(s.Want):
				// A report the story's requirement calls for is answered
				// below.
			case ent == "":
				if hp := headPhrase(op.object); !ownWork(s.Want) && !receiveVerbs[op.verbs[0]] && !messageNouns[singular(hp[len(hp)-1].lw())] {
					ask(s.ID, s.ID+" asks to "+strings.Join(op.verbs, " or ")+" "+
						join(append(slices.Clone(op.det), hp...))+", which the data model does not hold: which entity is it, or is it a new one?")
				}
			}
			for _, v := range op.verbs {
				if ent == "" {
					break
				}
				o, ok := normalOp(domain.Operation{Kind: domain.OpAction, Name: v})
				if !ok && (!itemVerb(v) || !direct) {
					continue // "reply STOP … about that pet" does nothing to the pet
				}
				if ep, ok := d.endpointFor(byName(ent), o); ok {
					eps = append(eps, ep)
				}
			}
		} else if v, ok := searchWant(s.Want); ok {
			// "to search by service, severity and tag": the list of what
			// the story's requirement keeps.
			if ent := d.tracedEntity(s, es); ent != "" {
				if ep, ok := d.endpointFor(byName(ent), domain.Operation{Kind: domain.OpList, Name: v}); ok {
					eps = append(eps, ep)
				}
			}
		} else if ent, kind := d.thingWanted(s.Want, es); ent != "" && !asksReport(s.Want) {
			if ep, ok := d.endpointFor(byName(ent), domain.Operation{Kind: kind, Name: string(kind)}); ok {
				eps = append(eps, ep)
			}
		}
		if len(eps) == 0 && asksReport(s.Want) && !ownWork(s.Want) && looksAt(s.Want) {
			// "a daily count of returns by reason and grade": a report
			// on what the story's requirement keeps, or on the one thing
			// the product keeps.
			ent := d.entityOf(wantObject(s.Want), es)
			if ent == "" {
				ent = d.tracedEntity(s, es)
			}
			if kept := slices.DeleteFunc(slices.Clone(es), func(e artifact.Entity) bool { return e.Name == accountEntity }); ent == "" && len(kept) == 1 {
				ent = kept[0].Name
			}
			if ent != "" {
				eps = append(eps, d.reportOn(ent))
			} else {
				ask(s.ID, "Which data does the report "+s.ID+" asks for draw on? The data model holds several things the PRD does not tie it to.")
			}
		}
		for _, ep := range eps {
			ep.Stories = []string{s.ID}
			k := ep.Method + " " + ep.Path
			if i := slices.IndexFunc(out, func(x artifact.Endpoint) bool { return x.Method+" "+x.Path == k }); i >= 0 {
				if !slices.Contains(out[i].Stories, s.ID) {
					out[i].Stories = append(out[i].Stories, s.ID)
				}
				continue
			}
			out = append(out, ep)
		}
	}
	for i := range out {
		out[i].Stories = d.inOrder(out[i].Stories)
	}
	// A story with no place yet, that no question asks about and the
	// product does not do on its own, gets a question: the reader sees
	// what the design could not place instead of a silent gap.
	for _, s := range d.st.Stories {
		if served(out, s.ID) || asked[s.ID] || ownWork(s.Want) || strings.HasPrefix(s.Want, "the system ") {
			continue
		}
		ask(s.ID, "Which route serves "+s.ID+" ("+s.Title+")? The design finds no entity of the data model it acts on.")
	}
	return out, qs
}

// served reports whether an endpoint serves the story.
func served(eps []artifact.Endpoint, story string) bool {
	return slices.ContainsFunc(eps, func(ep artifact.Endpoint) bool { return slices.Contains(ep.Stories, story) })
}

// itemVerb reports whether a verb with no class of its own is still
// something done to one item, as an action on it ("raft a boat", "grade
// each item", "rotate a key"): any verb but those that only pick, say or
// use something.
func itemVerb(v string) bool {
	return lookupVerb(v) != nil && !selectVerbs[v] && !receiveVerbs[v] && !sayVerbs[v]
}

// sayVerbs tell or use rather than change what they name.
var sayVerbs = set("say", "tell", "give", "use", "make", "have", "let", "help", "need", "want", "know", "keep", "ask", "put", "go", "come", "turn")

// thingWanted reads a story that asks for a thing rather than an act ("a
// profile for each dog: name, breed…", "incident record: title, …",
// "practice manager dashboard: …"): the entity it names, and whether it
// is made (a thing with fields) or looked at (a view, a report). A
// message the product sends is none.
func (d *domainTech) thingWanted(want string, es []artifact.Entity) (string, domain.OperationKind) {
	label, _, _ := strings.Cut(want, ":")
	ts := trimPunct(tokenize(label))
	ts = skipLead(ts)
	if len(ts) == 0 || !ts[0].isWord() {
		return "", ""
	}
	head := singular(headPhrase(ts)[len(headPhrase(ts))-1].lw())
	if messageNouns[head] {
		return "", ""
	}
	ent := d.entityOf(ts, es)
	if ent == "" {
		return "", ""
	}
	if uiNouns[head] || readOnlyNouns[head] || viewNouns[head] {
		return ent, domain.OpList
	}
	return ent, domain.OpCreate
}

// skipLead drops a want's leading "to" and determiners: "to see …",
// "a daily count …".
func skipLead(ts []token) []token {
	for len(ts) > 0 && (determiners[ts[0].lw()] || ts[0].lw() == "to") {
		ts = ts[1:]
	}
	return ts
}

// viewNouns are things looked at that uiNouns and readOnlyNouns leave
// out.
var viewNouns = set("register", "stats", "statistic", "chart", "count", "queue", "search", "picker", "history")

// entityOf finds the entity an object names: its head phrase ("walks",
// "submitted applications"), else a phrase after one of its
// prepositions ("a queue of submitted applications", "a profile for each
// dog"), else a part of one ("incident record", "postmortem write-up"),
// else, for people ("walkers", "accounts", "users"), the Account every
// persona signs in with.
func (d *domainTech) entityOf(object []token, es []artifact.Entity) string {
	e, _ := d.entityOfDirect(object, es)
	return e
}

// entityOfDirect is entityOf, and whether the object's own head phrase
// (or a part of it) names the entity rather than a phrase after it: "a
// boat" in "raft a boat alongside another", not "that pet" in "reply
// STOP … about that pet".
func (d *domainTech) entityOfDirect(object []token, es []artifact.Entity) (string, bool) {
	if len(object) == 0 {
		return "", false
	}
	hp := headPhrase(object)
	phrases := [][]token{hp, stripModifiers(hp)}
	for i := len(hp); i < len(object)-1; i++ {
		if !objectLinks[object[i].lw()] {
			continue
		}
		rest := object[i+1:]
		for len(rest) > 0 && (determiners[rest[0].lw()] || possessives[rest[0].lw()] || rest[0].lw() == "each") {
			rest = rest[1:]
		}
		if len(rest) > 0 && rest[0].isWord() {
			phrases = append(phrases, stripModifiers(headPhrase(rest)))
		}
	}
	for i, ph := range phrases {
		if e := entityNamed(ph, es); e != "" {
			return e, i < 2
		}
	}
	for i, ph := range phrases {
		for n := len(ph) - 1; n >= 1; n-- {
			for j := 0; j+n <= len(ph); j++ {
				if e := entityNamed(ph[j:j+n], es); e != "" {
					return e, i < 2
				}
			}
		}
	}
	if head := singular(hp[len(hp)-1].lw()); accountWords[head] || d.isPersonaWord(head) {
		if slices.ContainsFunc(es, func(e artifact.Entity) bool { return e.Name == accountEntity }) {
			return accountEntity, true
		}
	}
	return "", false
}

// objectLinks join a thing to the one it is made of or about: "a queue
// of applications", "a profile for each dog", "an MPG per vehicle".
var objectLinks = set("of", "for", "per", "on", "about")

// stripModifiers drops describing words before a noun that are no part
// of an entity's name: "submitted applications", "open offers".
func stripModifiers(np []token) []token {
	for len(np) > 1 {
		w := np[0].lw()
		if v := verbForm(w); v != nil && (v.pp == w || v.past == w) || adjectives[w] || w == "each" || w == "every" || w == "all" {
			np = np[1:]
			continue
		}
		break
	}
	return np
}

// entityNamed finds the entity words name: by its whole name, or by
// its head word in the singular when one entity alone ends so ("walks"
// → Walk, "requests" → "Walk request").
func entityNamed(object []token, es []artifact.Entity) string {
	if len(object) == 0 {
		return ""
	}
	words := strings.ToLower(join(object))
	head := singular(object[len(object)-1].lw())
	var byHead []string
	for _, e := range es {
		name := strings.ToLower(e.Name)
		if name == words || name == singular(words) || strings.ToLower(plural.Noun(e.Name)) == words ||
			strings.HasPrefix(name, singular(words)+" ") && entryNouns[name[len(singular(words))+1:]] {
			return e.Name // "timeline" names the Timeline entry
		}
		if f := strings.Fields(name); f[len(f)-1] == head {
			byHead = append(byHead, e.Name)
		}
	}
	if len(byHead) == 1 {
		return byHead[0]
	}
	return ""
}

// entryNouns name one record of a list: the timeline's entries.
var entryNouns = set("entry", "item", "record", "row")

// accountWords name the people who sign in, as a thing.
var accountWords = set("account", "user", "profile", "login")

// isPersonaWord reports whether a word names one of the PRD's personas:
// "walker" for "Walker", "owner" for "Dog owners".
func (d *domainTech) isPersonaWord(w string) bool {
	for _, p := range d.p.Personas {
		f := strings.Fields(strings.ToLower(p.Name))
		if len(f) > 0 && singular(f[len(f)-1]) == w {
			return true
		}
	}
	return false
}

// accountEntity is the entity of the people who sign in.
const accountEntity = "Account"

// withAccount adds, to a data model served by an API to more than one
// kind of person, the Account they sign in with: one per person, its
// role one of the PRD's personas. A field that references a persona
// ("walker") then references an Account, and an entity a persona owns
// belongs to one. A data model that has its own Account or User keeps
// it; a single-user tool or a product with no server has none.
func (d *domainTech) withAccount(es []artifact.Entity) []artifact.Entity {
	pl := d.dm.Platform
	if pl.NoBackend || pl.SingleUser || !d.serves() {
		return es
	}
	roles := artifact.PersonaRoles(d.p.Personas)
	if len(roles) < 2 {
		return es
	}
	for _, e := range es {
		if accountWords[strings.ToLower(e.Name)] || e.Name == accountEntity {
			return es
		}
	}
	acc := artifact.Entity{Name: accountEntity,
		Description: "One per person who signs in; its role is one of the PRD's personas (Users).",
		Fields: []artifact.Field{{Name: "role", Type: "enum", Enum: roles,
			Notes: "The PRD's personas; every account has one."}}}
	// Accounts are there when the documents speak of them (signing in,
	// accounts, users) or a field references a persona.
	used := d.mentionsAccounts()
	for i := range es {
		for j, f := range es[i].Fields {
			if f.Type != "reference" {
				continue
			}
			target, _, _ := strings.Cut(strings.TrimPrefix(f.Notes, "References "), ".")
			if slices.ContainsFunc(es, func(e artifact.Entity) bool { return e.Name == target }) || !d.isPersonaWord(singular(strings.ToLower(target))) {
				continue
			}
			es[i].Fields[j].Notes = "References " + accountEntity + " (a " + strings.ToLower(target) + ")." + strings.TrimPrefix(f.Notes, "References "+target+".")
			used = true
			addRelationship(&es[i], artifact.Relationship{Target: accountEntity, Kind: "belongs-to", Note: "its " + strings.ToLower(target)})
		}
		if es[i].Owner != "" && d.isPersonaWord(singular(strings.ToLower(headWord(es[i].Owner)))) {
			addRelationship(&es[i], artifact.Relationship{Target: accountEntity, Kind: "belongs-to", Note: "its " + strings.ToLower(es[i].Owner)})
			used = true
		}
	}
	for _, s := range d.st.Stories {
		if op, ok := readStoryOp(s.Want); ok {
			hp := headPhrase(op.object)
			if h := singular(hp[len(hp)-1].lw()); accountWords[h] || used && d.isPersonaWord(h) {
				used = true
				for _, fr := range s.Traces {
					if !slices.Contains(acc.Traces, fr) {
						acc.Traces = append(acc.Traces, fr)
					}
				}
			}
		}
	}
	if !used {
		return es
	}
	return append([]artifact.Entity{acc}, es...)
}

// addRelationship adds a relationship an entity does not have yet.
func addRelationship(e *artifact.Entity, r artifact.Relationship) {
	if !slices.ContainsFunc(e.Relationships, func(x artifact.Relationship) bool { return x.Target == r.Target && x.Kind == r.Kind }) {
		e.Relationships = append(e.Relationships, r)
	}
}

// jobs is the component that does what the product does on its own, on
// a schedule or when something happens (a reminder two days before, an
// alert 30 minutes after, a text when the queue moves), serving the
// requirements of the stories that ask for that and that no endpoint
// serves; nil when there are none.
func (d *domainTech) jobs(eps []artifact.Endpoint) *artifact.Component {
	var titles, frs []string
	for _, s := range d.st.Stories {
		if served(eps, s.ID) || !ownWork(s.Want) {
			continue
		}
		titles = append(titles, lowerFirst(s.Title, nil))
		for _, fr := range s.Traces {
			if !slices.Contains(frs, fr) {
				frs = append(frs, fr)
			}
		}
	}
	if len(frs) == 0 {
		return nil
	}
	if len(titles) > 4 {
		titles = append(titles[:4], "the rest")
	}
	return &artifact.Component{Name: "Scheduled jobs", Kind: "job",
		Responsibility: "What " + d.p.Title + " does on its own, on a schedule or when something happens: " + plural.And(titles) + ".",
		Serves:         frs}
}

// ownWork reports whether a story asks for something the product does
// on its own rather than through a person's request: "the system to
// remind singers…", "a reminder by SMS…", "to get a text if a match
// turns up", "to be texted when I am third in line".
func ownWork(want string) bool {
	ts := trimPunct(tokenize(want))
	if len(ts) > 3 && ts[0].lw() == "the" && ts[1].lw() == "system" && ts[2].lw() == "to" {
		// The product's own act counts when it sends something or keeps
		// time ("the system to remind singers…", "…to suspend members who
		// are late twice"), not when it answers a person ("the system to
		// show the number").
		v := ts[3].lw()
		if messageVerbs[v] != "" || sendVerbs[v] {
			return true
		}
		for _, t := range ts[4:] {
			if timeCues[t.lw()] {
				return true
			}
		}
		return false
	}
	ts = skipLead(ts)
	if len(ts) == 0 {
		return false
	}
	for i := 0; i < len(ts) && i < 3 && ts[i].isWord(); i++ {
		if messageNouns[ts[i].lw()] || messageNouns[singular(ts[i].lw())] {
			return true // "a weekly digest email to the lead", "a text when…"
		}
	}
	for i, t := range ts {
		switch {
		case i > 3:
			return false
		case receiveVerbs[t.lw()] || t.lw() == "be" && i+1 < len(ts) && strings.HasSuffix(ts[i+1].lw(), "ed"):
			// "get an SMS", "be texted when…"
			rest := ts[i+1:]
			for len(rest) > 0 && determiners[rest[0].lw()] {
				rest = rest[1:]
			}
			if len(rest) > 0 && (messageNouns[rest[0].lw()] || messageNouns[singular(rest[0].lw())] || messageVerbs[strings.TrimSuffix(strings.TrimSuffix(rest[0].lw(), "ed"), "d")] != "") {
				return true
			}
		}
	}
	return false
}

// searchWant reports whether a want searches, filters or sorts with no
// object of its own: "to search by service, severity and tag".
func searchWant(want string) (string, bool) {
	ts := trimPunct(tokenize(want))
	if len(ts) > 0 && ts[0].lw() == "to" {
		ts = ts[1:]
	}
	if len(ts) < 2 || (ts[1].lw() != "by" && ts[1].lw() != "for") {
		return "", false
	}
	if v := lookupVerb(ts[0].lw()); v != nil && (viewVerbs[v.base] || v.base == "filter" || v.base == "sort") {
		return v.base, true
	}
	return "", false
}

// tracedEntity is the one entity the story's requirements call for, or
// "".
func (d *domainTech) tracedEntity(s artifact.Story, es []artifact.Entity) string {
	var found []string
	for _, e := range es {
		if e.Name != accountEntity && slices.ContainsFunc(s.Traces, func(fr string) bool { return slices.Contains(e.Traces, fr) }) {
			found = append(found, e.Name)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	// Of several, the one the story's requirement names.
	var named []string
	for _, fr := range d.p.Functional {
		if !slices.Contains(s.Traces, fr.ID) {
			continue
		}
		for _, e := range found {
			if (mentionsWord(fr.Text, e) || mentionsWord(fr.Text, plural.Noun(e))) && !slices.Contains(named, e) {
				named = append(named, e)
			}
		}
	}
	if len(named) == 1 {
		return named[0]
	}
	return ""
}

// fieldOwner is the one entity that has a field the words name ("photo"
// on a Walk), or "".
func fieldOwner(words []token, es []artifact.Entity) string {
	if len(words) == 0 {
		return ""
	}
	want := snake(singular(strings.ToLower(join(stripModifiers(words)))))
	var owners []string
	for _, e := range es {
		if slices.ContainsFunc(e.Fields, func(f artifact.Field) bool { return f.Name == want || singular(f.Name) == want }) {
			owners = append(owners, e.Name)
		}
	}
	if len(owners) == 1 {
		return owners[0]
	}
	return ""
}

// prdText is the PRD's summary, problem and requirements, as one text
// to look for words in.
func (d *domainTech) prdText() string {
	all := []string{d.p.Summary, d.p.Problem}
	for _, r := range append(append([]artifact.Requirement(nil), d.p.Functional...), d.p.NonFunctional...) {
		all = append(all, r.Text)
	}
	return strings.Join(all, " ")
}

// mentionsAccounts reports whether the PRD speaks of people signing in
// or of their accounts.
func (d *domainTech) mentionsAccounts() bool {
	return mentions(d.prdText(), "sign in", "sign-in", "log in", "login", "sign up", "account", "accounts", "user account", "password")
}

// asksReport reports whether a want asks for figures over many items: a
// report, stats, a dashboard, a count, charts, as the thing it wants
// ("a daily count of returns", "stats: books and pages per month", "to
// see daily reports"), not a thing it acts on in passing ("the system to
// record the report as an emergency").
func asksReport(want string) bool {
	if strings.HasPrefix(want, "the system ") {
		return false
	}
	ts := trimPunct(tokenize(want))
	if op, ok := readStoryOp(want); ok {
		ts = op.object
	}
	ts = skipLead(ts)
	if i := slices.IndexFunc(ts, func(t token) bool { return t.text == ":" }); i > 0 && i <= 3 {
		ts = ts[:i] // "stats: …": the label
	}
	if len(ts) == 0 {
		return false
	}
	hp := headPhrase(ts)
	return reportNouns[singular(hp[len(hp)-1].lw())]
}

// reportNouns are figures over many items.
var reportNouns = set("report", "stat", "stats", "statistic", "dashboard", "count", "chart", "total", "summary")

// reportOn is the route of a report on an entity's items: GET
// /returns/report, a page where the interface is pages.
func (d *domainTech) reportOn(entity string) artifact.Endpoint {
	ep := artifact.Endpoint{Method: "GET", Path: "/" + kebabPlural(entity) + "/report", Entity: entity, Action: "report",
		Summary: "Report on " + strings.ToLower(plural.Noun(entity))}
	if d.rendered {
		ep.Kind, ep.Name = "page", routeName(entity, "report")
	}
	return ep
}

// wantObject is a want's words past "to" and its verbs, for a noun to
// look for: "a daily count of deliveries by status".
func wantObject(want string) []token {
	if op, ok := readStoryOp(want); ok {
		return op.object
	}
	ts := trimPunct(tokenize(want))
	ts = skipLead(ts)
	if i := slices.IndexFunc(ts, func(t token) bool { return t.text == ":" }); i > 0 && i <= 3 && i+1 < len(ts) {
		// "stats: books and pages per month": what follows the label.
		return ts[i+1:]
	}
	return ts
}

// looksAt reports whether a want looks at something rather than acts
// on it: no verb ("a daily count of returns"), or a verb that views or
// exports ("to see daily reports").
func looksAt(want string) bool {
	op, ok := readStoryOp(want)
	return !ok || viewVerbs[op.verbs[0]] || exportVerbs[op.verbs[0]]
}

// sendVerbs send something to people; timeCues put an act on a
// schedule or after an event.
var (
	sendVerbs = set("send", "tell", "notify", "remind", "alert", "email", "text", "message", "warn", "ping")
	timeCues  = set("every", "daily", "nightly", "weekly", "monthly", "hourly", "before", "after", "late", "overdue", "expires", "expiry")
)

// owned ties to the Account what one persona makes: an entity every
// story creating it is one persona's ("a profile for each dog" of a dog
// owner, "set availability and service area" of a walker) belongs to
// that persona's account, unless that persona works in an admin client
// (what ops staff create is the product's, not theirs). The Account then
// traces the requirements of its own routes.
func (d *domainTech) owned(t *artifact.TechSpec) {
	acc := slices.IndexFunc(t.Entities, func(e artifact.Entity) bool { return e.Name == accountEntity })
	if acc < 0 {
		return
	}
	admin := map[string]bool{} // FRs an admin client serves
	for _, c := range t.Components {
		if strings.HasPrefix(c.Name, "Admin ") {
			for _, fr := range c.Serves {
				admin[fr] = true
			}
		}
	}
	byID := map[string]artifact.Story{}
	for _, s := range d.st.Stories {
		byID[s.ID] = s
	}
	var traces []string
	for _, ep := range t.Endpoints {
		if ep.Entity == accountEntity {
			for _, id := range ep.Stories {
				for _, fr := range byID[id].Traces {
					if !slices.Contains(traces, fr) {
						traces = append(traces, fr)
					}
				}
			}
		}
	}
	if len(traces) > 0 {
		slices.Sort(traces)
		t.Entities[acc].Traces = traces
	}
	for i := range t.Entities {
		e := &t.Entities[i]
		if e.Name == accountEntity || slices.ContainsFunc(e.Relationships, func(r artifact.Relationship) bool { return r.Target == accountEntity }) {
			continue
		}
		role := ""
		for _, ep := range t.Endpoints {
			if ep.Entity != e.Name || ep.Action != "create" {
				continue
			}
			for _, id := range ep.Stories {
				s := byID[id]
				if slices.ContainsFunc(s.Traces, func(fr string) bool { return admin[fr] }) || role != "" && s.Role != role {
					role = "-"
					break
				}
				role = s.Role
			}
		}
		if role != "" && role != "-" && role != artifact.GenericRole {
			addRelationship(e, artifact.Relationship{Target: accountEntity, Kind: "belongs-to", Note: "its " + role})
		}
	}
}
