package offline

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/domain"
	"github.com/prodgen/prodgen/internal/plural"
)

// BuildTechFrom writes a technical spec from the PRD, its stories and the
// domain the brief describes (domain.Read): the brief's platform and
// named technologies as components, its entities with their fields,
// values and relationships as the data model, endpoints from the
// entities and what the features do to them (the brief's own endpoints
// as written), the PRD's NFRs, a task graph, and the questions the
// documents leave open. With no domain (no brief to read), the domain is
// read from the PRD's own words. Header is left empty: the pipeline sets
// it.
func BuildTechFrom(p *artifact.PRD, st *artifact.Stories, dm *domain.Model) *artifact.TechSpec {
	if p == nil {
		p = &artifact.PRD{}
	}
	if st == nil {
		st = &artifact.Stories{}
	}
	if dm == nil {
		m := domain.Read(briefOf(p), nil)
		dm = &m
	}
	d := &domainTech{p: p, st: st, dm: dm, name: briefName(p),
		rendered: slices.ContainsFunc(dm.Components, func(c domain.Component) bool { return renderedTech[c.Name] })}
	t := &artifact.TechSpec{
		Title:    p.Title,
		Overview: overview(p, st),
		Platform: platformText(dm.Platform),
		Quality:  quality(p.NonFunctional),
	}
	t.Components = d.components()
	t.Entities = d.withAccount(d.entities())
	t.Endpoints = d.endpoints(t.Entities)
	var more []string
	if d.serves() {
		var qs []artifact.Question
		t.Endpoints, qs = d.storyEndpoints(t.Entities, t.Endpoints)
		if j := d.jobs(t.Endpoints); j != nil {
			t.Components = insertAfterServer(t.Components, *j)
		}
		d.owned(t)
		for _, q := range qs {
			more = append(more, q.Text)
		}
	}
	t.Tasks = d.tasks(t)
	t.OpenQuestions = d.questions(more)
	return t
}

// domainTech is what BuildTechFrom reads from.
type domainTech struct {
	p    *artifact.PRD
	st   *artifact.Stories
	dm   *domain.Model
	name string // the brief's file name, for citations
	// rendered is set when a named framework renders pages on the server
	// (Laravel, Rails, Django): the web app is the server, and the
	// interface is pages and forms.
	rendered bool
}

// briefOf reads a PRD as a brief, for a project whose brief is not at
// hand: its requirements are the features, its NFRs the constraints.
func briefOf(p *artifact.PRD) *brief.Brief {
	b := &brief.Brief{Title: p.Title, Summary: p.Summary, Problem: p.Problem}
	for _, ps := range p.Personas {
		b.Users = append(b.Users, brief.Persona{Name: ps.Name, Description: ps.Description})
	}
	for _, fr := range p.Functional {
		b.Features = append(b.Features, brief.Feature{Text: fr.Text})
	}
	for _, r := range p.NonFunctional {
		b.Constraints = append(b.Constraints, r.Text)
	}
	return b
}

// briefName is the file the PRD was made from, for citations.
func briefName(p *artifact.PRD) string {
	if len(p.Header.Sources) > 0 && p.Header.Sources[0] != "" {
		return p.Header.Sources[0]
	}
	return "brief.md"
}

// platformText says what the product runs as, as the brief says it; ""
// when the brief does not say (a question asks).
func platformText(pl domain.Platform) string {
	if !pl.Stated {
		return ""
	}
	var s string
	switch pl.Kind {
	case domain.Web, domain.Mobile, domain.Desktop, domain.Plugin, domain.CLI:
		s = surfaceName(pl.Kind)
	case domain.API:
		s = "API only"
	default:
		return ""
	}
	if pl.SingleUser && (pl.Kind == domain.Desktop || pl.Kind == domain.CLI || pl.NoBackend) {
		s = "local single-user " + strings.TrimSuffix(s, " app") + " tool"
	}
	var more []string
	for _, k := range pl.Surfaces {
		if k != pl.Kind && k != domain.API {
			more = append(more, surfaceName(k))
		}
	}
	if len(more) > 0 {
		s += " with a " + plural.And(more)
	}
	switch {
	case pl.NoBackend:
		s += ", no backend"
	case pl.Offline:
		s += ", with offline sync"
	}
	return s
}

// surfaceName names a surface as a component: "web app".
func surfaceName(k domain.Kind) string {
	switch k {
	case domain.Web:
		return "web app"
	case domain.Mobile:
		return "mobile app"
	case domain.Desktop:
		return "desktop app"
	case domain.Plugin:
		return "desktop plugin"
	case domain.CLI:
		return "CLI"
	}
	return string(k)
}

// Kinds of named technology, by where they go in the architecture.
var (
	clientTech = map[domain.Kind][]string{
		domain.Web:     {"front-end framework", "front-end library"},
		domain.Mobile:  {"mobile framework"},
		domain.Desktop: {"desktop framework"},
		domain.Plugin:  {"plugin host"},
	}
	serverTech  = set("api framework", "runtime", "web framework")
	storeTech   = set("database", "database extension", "backend service", "browser storage")
	fileTech    = set("file storage")
	serviceTech = set("payments", "email", "sms", "push", "messaging", "chat", "maps", "video", "auth", "integration", "monitoring", "search engine",
		"identity checks", "calendar", "label printer", "iot network")
	renderedTech = set("Django", "Laravel", "Ruby on Rails")
)

// components are the architecture: the clients the platform names, the
// server (unless the brief rules one out), the data store, file storage
// and each named service, each with the technology the brief names for
// it. A named technology with no part of its own (a language, a host) is
// added to the part it builds or runs.
func (d *domainTech) components() []artifact.Component {
	pl := d.dm.Platform
	used := map[int]bool{}
	take := func(match func(domain.Component) bool) []string {
		var names []string
		for i, c := range d.dm.Components {
			if !used[i] && match(c) {
				used[i] = true
				names = append(names, c.Name)
			}
		}
		return names
	}
	var out []artifact.Component
	surfaces := pl.Surfaces
	if len(surfaces) == 0 && pl.Kind != "" {
		surfaces = []domain.Kind{pl.Kind}
	}
	all := d.allFRs()
	users := d.surfaceUsers(surfaces)
	for _, k := range surfaces {
		if k == domain.API {
			continue
		}
		kinds := clientTech[k]
		tech := take(func(c domain.Component) bool {
			return slices.Contains(kinds, c.Kind) || k == domain.Web && c.Kind == "web framework" && !d.rendered && !serverTech[c.Kind]
		})
		if k == domain.Web && d.rendered {
			tech = append(tech, take(func(c domain.Component) bool { return renderedTech[c.Name] })...)
		}
		c := artifact.Component{Name: upperFirst(surfaceName(k)), Kind: surfaceName(k),
			Technology: strings.Join(tech, ", "), Responsibility: d.clientJob(k, nil), Serves: all}
		if roles := users[k]; len(roles) > 0 {
			c.Responsibility, c.Serves = d.clientJob(k, roles), d.frsOfRoles(roles)
			if d.adminSurface(k) {
				c.Name = "Admin " + c.Kind // "Ops works in a small internal web admin"
			}
		}
		out = append(out, c)
	}
	server := !pl.NoBackend && (slices.Contains(surfaces, domain.API) || slices.Contains(surfaces, domain.Web) && !d.rendered ||
		slices.Contains(surfaces, domain.Mobile) || slices.ContainsFunc(d.dm.Components, func(c domain.Component) bool { return serverTech[c.Kind] && !renderedTech[c.Name] }))
	if server {
		tech := take(func(c domain.Component) bool { return serverTech[c.Kind] && !renderedTech[c.Name] })
		out = append(out, artifact.Component{Name: apiComponent, Kind: "API service", Technology: strings.Join(tech, ", "),
			Responsibility: "The product's rules and data, for every client: " + d.entityWords() + ".", Serves: all})
	}
	if stores := take(func(c domain.Component) bool { return storeTech[c.Kind] }); len(stores) > 0 || server || d.rendered {
		out = append(out, artifact.Component{Name: storeComponent, Kind: "data store", Technology: strings.Join(stores, ", "),
			Responsibility: "Keeps " + d.entityWords() + ".", Serves: all})
	}
	if files := take(func(c domain.Component) bool { return fileTech[c.Kind] }); len(files) > 0 {
		out = append(out, artifact.Component{Name: "File storage", Kind: "file storage", Technology: strings.Join(files, ", "),
			Responsibility: "Keeps the files people upload."})
	}
	for i, c := range d.dm.Components {
		if used[i] || !serviceTech[c.Kind] {
			continue
		}
		used[i] = true
		out = append(out, artifact.Component{Name: c.Name, Kind: "external service", Technology: c.Name,
			Responsibility: upperFirst(strings.TrimSuffix(c.Role, ".")) + ".", Serves: d.mentioning(c)})
	}
	// What is left (languages, hosts, tools) builds or runs the first part.
	var rest []string
	for i, c := range d.dm.Components {
		if !used[i] {
			rest = append(rest, c.Name)
		}
	}
	if len(rest) > 0 {
		if len(out) == 0 {
			out = append(out, artifact.Component{Name: upperFirst(surfaceName(pl.Kind)), Kind: surfaceName(pl.Kind), Serves: all})
		}
		at := 0
		for i, c := range out {
			if c.Kind == "API service" {
				at = i
			}
		}
		out[at].Technology = strings.TrimPrefix(out[at].Technology+", "+strings.Join(rest, ", "), ", ")
	}
	return out
}

// clientJob says what a client is for, and for whom: the roles given,
// else every persona.
func (d *domainTech) clientJob(k domain.Kind, roles []string) string {
	who := "people"
	if len(roles) == 0 {
		roles = artifact.PersonaRoles(d.p.Personas)
	}
	if len(roles) > 0 && roles[0] != "user" {
		who = plural.And(pluralRoles(roles))
	}
	switch {
	case k == domain.Web && d.rendered:
		return "The pages and forms for " + who + ", rendered on the server."
	case k == domain.CLI:
		return "The commands for " + who + "."
	case k == domain.Plugin:
		return "The plugin for " + who + ", inside its host application."
	}
	return "The screens for " + who + "."
}

// surfaceUsers reads, when the product has more than one client, which
// personas use which: the brief's words for a surface ("React Native app
// … for owners and walkers", "Ops works in a small internal web admin")
// name them. The personas no surface names use the main one. With one
// client, or when the brief names nobody, the map is empty: everyone
// uses every client.
func (d *domainTech) surfaceUsers(surfaces []domain.Kind) map[domain.Kind][]string {
	var clients []domain.Kind
	for _, k := range surfaces {
		if k != domain.API {
			clients = append(clients, k)
		}
	}
	if len(clients) < 2 {
		return nil
	}
	out := map[domain.Kind][]string{}
	placed := map[string]bool{}
	for _, k := range clients {
		for _, e := range d.dm.Platform.Evidence {
			if e.Says != string(k) {
				continue
			}
			for _, r := range append(append([]artifact.Requirement(nil), d.p.Functional...), d.p.NonFunctional...) {
				if !overlapLines(r, e.Lines) {
					continue
				}
				for _, p := range d.p.Personas {
					role := artifact.PersonaRole(p.Name)
					if namesPersona(r.Text, p.Name) && !slices.Contains(out[k], role) {
						out[k] = append(out[k], role)
						placed[role] = true
					}
				}
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	main := d.dm.Platform.Kind
	for _, p := range d.p.Personas {
		if role := artifact.PersonaRole(p.Name); !placed[role] && len(out[main]) > 0 {
			out[main] = append(out[main], role)
		}
	}
	return out
}

// namesPersona reports whether a text names a persona by the head word
// of its name (of each name, for "Parent or carer"), or, when that is a
// word for a group ("Ops team"), by the word before it: "owners" names
// "Dog owners", "Ops" the "Ops team".
func namesPersona(text, name string) bool {
	for _, part := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '/' || r == ',' }) {
		for _, alt := range strings.Split(strings.ReplaceAll(part, " and ", " or "), " or ") {
			ws := strings.Fields(alt)
			for len(ws) > 1 && genericPeople[singular(ws[len(ws)-1])] {
				ws = ws[:len(ws)-1]
			}
			if len(ws) == 0 {
				continue
			}
			w := singular(ws[len(ws)-1])
			if mentionsWord(text, w) || mentionsWord(text, plural.Noun(w)) {
				return true
			}
		}
	}
	return false
}

// genericPeople are words for a group of people that name nobody in
// particular.
var genericPeople = set("team", "staff", "member", "user", "people", "person", "crew", "group")

// adminSurface reports whether the brief calls a surface an admin one:
// "a small internal web admin", "admin dashboard".
func (d *domainTech) adminSurface(k domain.Kind) bool {
	for _, e := range d.dm.Platform.Evidence {
		if e.Says == string(k) && mentionsWord(e.Words, "admin") {
			return true
		}
	}
	return false
}

// frsOfRoles are the FRs of the stories the roles take.
func (d *domainTech) frsOfRoles(roles []string) []string {
	var out []string
	for _, fr := range d.p.Functional {
		if slices.ContainsFunc(d.st.Stories, func(s artifact.Story) bool {
			name, ok := artifact.MatchPersona(s.Role, d.p.Personas)
			return ok && slices.Contains(s.Traces, fr.ID) && slices.Contains(roles, artifact.PersonaRole(name))
		}) {
			out = append(out, fr.ID)
		}
	}
	return out
}

// pluralRoles writes roles in the plural: "job seekers".
func pluralRoles(roles []string) []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = plural.Noun(r)
		if collectiveNouns[strings.ToLower(headWord(r))] {
			out[i] = "the " + r // "the ops team", not "ops teams"
		}
	}
	return out
}

// entityWords lists the entities in lower case, or says "its data".
func (d *domainTech) entityWords() string {
	var names []string
	for _, e := range d.dm.Entities {
		names = append(names, strings.ToLower(plural.Noun(e.Name)))
	}
	if len(names) == 0 {
		return "its data"
	}
	if len(names) > 6 {
		names = append(names[:6], "the rest of the data model")
	}
	return plural.And(names)
}

// allFRs are the IDs of every functional requirement.
func (d *domainTech) allFRs() []string {
	ids := make([]string, 0, len(d.p.Functional))
	for _, fr := range d.p.Functional {
		ids = append(ids, fr.ID)
	}
	return ids
}

// mentioning are the FRs that name a component or say what it is for.
func (d *domainTech) mentioning(c domain.Component) []string {
	var ids []string
	role := c.Role
	for _, p := range d.p.Personas {
		// "walker payouts" serves payouts, not every walker's feature.
		for _, w := range strings.Fields(strings.ToLower(p.Name)) {
			role = replaceWord(role, w, "")
			role = replaceWord(role, singular(w), "")
		}
	}
	for _, fr := range d.p.Functional {
		if overlapLines(fr, c.Lines) || mentionsWord(fr.Text, c.Name) || c.As != "" && mentionsWord(fr.Text, c.As) ||
			role != "" && overlap(role, fr.Text, nil) > 0 {
			ids = append(ids, fr.ID)
		}
	}
	return ids
}

// replaceWord replaces a whole word of text, in any case.
func replaceWord(text, word, with string) string {
	if word == "" {
		return text
	}
	ws := strings.Fields(text)
	for i, w := range ws {
		if strings.EqualFold(strings.Trim(w, ",.;:"), word) {
			ws[i] = with
		}
	}
	return strings.Join(strings.Fields(strings.Join(ws, " ")), " ")
}

// overlapLines reports whether a requirement cites one of the lines.
func overlapLines(r artifact.Requirement, lines []brief.Span) bool {
	for _, src := range append([]artifact.Source{r.Source}, r.Also...) {
		if src.IsZero() {
			continue
		}
		for _, l := range lines {
			if src.Start <= l.End && l.Start <= src.End {
				return true
			}
		}
	}
	return false
}

// mentionsWord reports whether text holds words as a whole phrase, in
// any case.
func mentionsWord(text, words string) bool {
	t := " " + strings.ToLower(strings.Join(strings.FieldsFunc(text, notWordRune), " ")) + " "
	w := strings.ToLower(strings.Join(strings.FieldsFunc(words, notWordRune), " "))
	return w != "" && strings.Contains(t, " "+w+" ")
}

func notWordRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
}

// frsOf are the FRs an entity or an operation comes from: those citing
// its lines, else those naming it.
func (d *domainTech) frsOf(lines []brief.Span, name string) []string {
	var ids []string
	for _, fr := range d.p.Functional {
		if overlapLines(fr, lines) {
			ids = append(ids, fr.ID)
		}
	}
	if name == "" || len(ids) > 0 && (len(ids) < 4 || 2*len(ids) <= len(d.p.Functional)) {
		return ids
	}
	// No line, or lines most requirements share (a brief of one
	// paragraph): the requirements that name it say more.
	var named []string
	for _, fr := range d.p.Functional {
		if namesEntity(fr.Text, name) {
			named = append(named, fr.ID)
		}
	}
	if len(named) == 0 {
		return ids
	}
	return named
}

// frsOfFeature are the FRs that say most of what a brief's feature says
// (two content words at least), for an operation in a brief whose
// paragraph holds many features on its lines.
func (d *domainTech) frsOfFeature(feature string) []string {
	if strings.TrimSpace(feature) == "" {
		return nil
	}
	best, most := []string(nil), 1
	for _, fr := range d.p.Functional {
		switch n := overlap(feature, fr.Text, nil); {
		case n > most:
			best, most = []string{fr.ID}, n
		case n == most && best != nil:
			best = append(best, fr.ID)
		}
	}
	return best
}

// namesEntity reports whether a text names an entity: by its name or
// its head word, in the singular or the plural ("requests" names the
// Walk request).
func namesEntity(text, name string) bool {
	head := name
	if f := strings.Fields(name); len(f) > 0 {
		head = f[len(f)-1]
	}
	return mentionsWord(text, name) || mentionsWord(text, head) || mentionsWord(text, plural.Noun(head))
}

// storiesNaming keeps, of the stories of a requirement that states
// several things ("start / end walk, upload photo, report an incident"),
// those an operation serves: for an action, the stories that name its
// verb; for another operation, all but those that name another entity
// and not this one (the incident's route serves "report an incident",
// the walk's does not). When none is left, all are kept.
func (d *domainTech) storiesNaming(ids []string, entity string, op domain.Operation, es []artifact.Entity) []string {
	if len(ids) < 2 {
		return ids
	}
	var out []string
	for _, s := range d.st.Stories {
		if !slices.Contains(ids, s.ID) {
			continue
		}
		text := s.Title + " " + s.Want
		keep := namesEntity(text, entity) || !slices.ContainsFunc(es, func(e artifact.Entity) bool {
			return e.Name != entity && (namesEntity(text, e.Name) || slices.ContainsFunc(e.Fields, func(f artifact.Field) bool {
				return f.Type == "file" && mentionsWord(text, strings.ReplaceAll(f.Name, "_", " ")) // "upload photo" is the walk's photo
			}))
		})
		if op.Kind == domain.OpAction {
			keep = mentionsWord(text, strings.Fields(op.Name)[0])
		}
		if keep {
			out = append(out, s.ID)
		}
	}
	if len(out) == 0 {
		return ids
	}
	return out
}

// storiesFor are the stories that trace any of the FRs, in order.
func (d *domainTech) storiesFor(frs []string) []string {
	var out []string
	for _, s := range d.st.Stories {
		for _, id := range s.Traces {
			if slices.Contains(frs, id) {
				out = append(out, s.ID)
				break
			}
		}
	}
	return out
}

// cite writes brief lines as a citation: "(brief.md:12, 14-15)".
func (d *domainTech) cite(lines []brief.Span) string {
	if len(lines) == 0 {
		return ""
	}
	var parts []string
	for _, l := range lines {
		if l.Start > 0 {
			parts = append(parts, l.String())
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if len(parts) > 3 {
		parts = parts[:3]
	}
	return "(" + d.name + ":" + strings.Join(parts, ", ") + ")"
}

// entities write the domain's entities as the data model: each field
// typed as the brief states it, required when the brief tells the
// optional ones apart, with its stated values; relationships, owner and
// the requirements that call for it.
func (d *domainTech) entities() []artifact.Entity {
	var out []artifact.Entity
	for _, e := range d.dm.Entities {
		optional := slices.ContainsFunc(e.Fields, func(f domain.Field) bool { return f.Optional })
		ent := artifact.Entity{Name: upperFirst(e.Name), Owner: e.Owner, Traces: d.frsOf(e.Lines, e.Name)}
		if n := len(ent.Traces); n >= 4 && 2*n > len(d.p.Functional) {
			// Still most requirements: those of what the features do to
			// it ("can rate the visit") say more, when there are any.
			var byOps []string
			for _, op := range e.Operations {
				for _, fr := range d.frsOfFeature(op.Feature) {
					if !slices.Contains(byOps, fr) {
						byOps = append(byOps, fr)
					}
				}
			}
			if len(byOps) > 0 {
				slices.Sort(byOps)
				ent.Traces = byOps
			}
		}
		desc := "From the brief"
		if e.Given {
			desc = "The brief's own data model"
		}
		if c := d.cite(e.Lines); c != "" {
			desc += " " + c
		}
		ent.Description = desc + "."
		for _, f := range e.Fields {
			af := artifact.Field{Name: snake(f.Name), Type: string(f.Type), Required: optional && !f.Optional, Enum: f.Values}
			var notes []string
			if f.Ref != "" {
				notes = append(notes, "References "+upperFirst(f.Ref)+".")
			}
			if f.Optional {
				notes = append(notes, "Optional.")
			}
			if f.Guess {
				notes = append(notes, "Type guessed: see the open questions.")
			}
			if c := d.cite(f.Lines); c != "" {
				notes = append(notes, "From "+strings.Trim(c, "()")+".")
			}
			af.Notes = strings.Join(notes, " ")
			ent.Fields = append(ent.Fields, af)
		}
		for _, r := range e.Relations {
			kind := "belongs-to"
			if r.Kind == domain.HasMany {
				kind = "has-many"
			}
			rel := artifact.Relationship{Target: upperFirst(r.Entity), Kind: kind}
			if r.Guess {
				rel.Note = "a guess: see the open questions"
			}
			if !slices.ContainsFunc(ent.Relationships, func(x artifact.Relationship) bool { return x.Target == rel.Target && x.Kind == rel.Kind }) {
				ent.Relationships = append(ent.Relationships, rel)
			}
		}
		out = append(out, ent)
	}
	// A relationship names an entity of the data model, or goes.
	names := map[string]bool{}
	for _, e := range out {
		names[e.Name] = true
	}
	for i := range out {
		out[i].Relationships = slices.DeleteFunc(out[i].Relationships, func(r artifact.Relationship) bool { return !names[r.Target] || r.Target == out[i].Name })
	}
	return out
}

// endpoints are the interface: the brief's own endpoints as written,
// then, for each entity the brief gives none, one per operation the
// features ask for: list and create on the collection, get, update and
// delete on an item, a named state change as a POST on the item. A
// server-rendered framework (Laravel, Rails, Django) has pages and form
// actions instead. A product with no server has none.
func (d *domainTech) endpoints(es []artifact.Entity) []artifact.Endpoint {
	if !d.serves() {
		return nil
	}
	var out []artifact.Endpoint
	seen := map[string]bool{}
	add := func(ep artifact.Endpoint) {
		if k := ep.Method + " " + ep.Path; !seen[k] {
			seen[k] = true
			out = append(out, ep)
		}
	}
	given := map[string]bool{} // entities the brief's own endpoints cover
	for _, ep := range d.dm.Endpoints {
		ent := entityOfPath(ep.Path, es)
		given[ent] = ent != ""
		frs := d.frsOf(ep.Lines, ent)
		add(artifact.Endpoint{Method: strings.ToUpper(ep.Method), Path: ep.Path, Entity: ent, Action: methodAction(strings.ToUpper(ep.Method), strings.Contains(ep.Path, "{") || strings.Contains(ep.Path, ":")),
			Summary: upperFirst(strings.TrimSuffix(ep.Purpose, ".")), Stories: d.storiesFor(frs)})
	}
	for _, e := range d.dm.Entities {
		at := slices.IndexFunc(es, func(x artifact.Entity) bool { return x.Name == upperFirst(e.Name) })
		if at < 0 || given[es[at].Name] {
			continue
		}
		for _, op := range e.Operations {
			if op.Kind == domain.OpAction && kebab(op.Name) == kebab(e.Name) {
				op.Kind = domain.OpCreate // "check in" makes a Check-in
			}
			op, ok := normalOp(op)
			if !ok {
				continue // a verb with no route of its own ("turn", "pick")
			}
			frs := d.frsOfFeature(op.Feature)
			if len(frs) == 0 {
				frs = d.frsOf(op.Lines, "")
			}
			if len(frs) == 0 {
				frs = es[at].Traces
			}
			ep, ok := d.endpointFor(es[at], op)
			if !ok {
				continue
			}
			ep.Stories = d.storiesNaming(d.storiesFor(frs), es[at].Name, op, es)
			if len(ep.Stories) == 0 {
				continue // no story needs it: no route for it
			}
			add(ep)
		}
	}
	return out
}

// insertAfterServer puts a component after the API service, or last.
func insertAfterServer(cs []artifact.Component, c artifact.Component) []artifact.Component {
	at := len(cs)
	if i := slices.IndexFunc(cs, func(x artifact.Component) bool { return x.Kind == "API service" }); i >= 0 {
		at = i + 1
	}
	return slices.Insert(cs, at, c)
}

// serves reports whether the product has an HTTP interface to derive:
// not with no backend, nor for a CLI, desktop app or plugin the brief
// gives no web, mobile or API surface.
func (d *domainTech) serves() bool {
	pl := d.dm.Platform
	if pl.NoBackend {
		return false
	}
	if pl.Stated && (pl.Kind == domain.CLI || pl.Kind == domain.Plugin || pl.Kind == domain.Desktop) {
		return slices.Contains(pl.Surfaces, domain.Web) || slices.Contains(pl.Surfaces, domain.Mobile) || slices.Contains(pl.Surfaces, domain.API)
	}
	return true
}

// endpointFor is the route of one operation on an entity: list and
// create on the collection, get, update and delete on an item, a named
// state change as a POST on the item, an export as a GET of a file; a
// page or a form action where a server-rendered framework serves it.
func (d *domainTech) endpointFor(e artifact.Entity, op domain.Operation) (artifact.Endpoint, bool) {
	name := e.Name
	coll := "/" + kebabPlural(name)
	item := coll + "/{id}"
	ep := artifact.Endpoint{Entity: name}
	what := strings.ToLower(name)
	switch op.Kind {
	case domain.OpList:
		ep.Method, ep.Path, ep.Action = "GET", coll, "list"
		ep.Summary = "List " + strings.ToLower(plural.Noun(name))
		var by []string
		for _, f := range op.Filters {
			if slices.ContainsFunc(e.Fields, func(x artifact.Field) bool { return x.Name == snake(f) }) {
				by = append(by, f) // only what the entity has
			}
		}
		if len(by) > 0 {
			ep.Summary += ", by " + plural.And(by)
		}
	case domain.OpRead:
		ep.Method, ep.Path, ep.Action, ep.Summary = "GET", item, "get", "Get "+article(what)+" "+what
	case domain.OpCreate:
		ep.Method, ep.Path, ep.Action, ep.Summary = "POST", coll, "create", "Create "+article(what)+" "+what
	case domain.OpUpdate:
		ep.Method, ep.Path, ep.Action, ep.Summary = "PATCH", item, "update", "Change "+article(what)+" "+what
	case domain.OpDelete:
		ep.Method, ep.Path, ep.Action, ep.Summary = "DELETE", item, "delete", "Delete "+article(what)+" "+what
	case domain.OpAction:
		if exportVerbs[root(op.Name)] {
			ep.Method, ep.Path, ep.Action, ep.Summary = "GET", coll+"/export", "export", "Export "+strings.ToLower(plural.Noun(name))
			break
		}
		verb := kebab(op.Name)
		if verb == "" {
			return ep, false
		}
		ep.Method, ep.Path, ep.Action = "POST", item+"/"+verb, verb
		// "mark as unloaded" → "Mark a firing as unloaded"
		first, rest, _ := strings.Cut(strings.TrimSpace(op.Name), " ")
		ep.Summary = strings.TrimSpace(upperFirst(first) + " " + article(what) + " " + what + " " + rest)
	default:
		return ep, false
	}
	if d.rendered {
		ep.Kind = "form"
		if ep.Method == "GET" {
			ep.Kind = "page"
		}
		ep.Name = routeName(name, ep.Action)
	}
	return ep, true
}

// normalOp reads an action by its verb: defining, adding or logging
// creates; seeing lists; editing updates; removing deletes; exporting
// reads a file; a change of state (void, approve, cancel, mark, book,
// assign, pay) is an action. Another verb ("turn X into Y", "pick")
// names no route of its own.
func normalOp(op domain.Operation) (domain.Operation, bool) {
	if op.Kind != domain.OpAction {
		return op, true
	}
	words := strings.Fields(strings.ToLower(op.Name))
	if len(words) == 0 {
		return op, false
	}
	v := root(words[0])
	if len(words) > 1 && phrasal[words[0]+" "+words[1]] {
		return op, true // "check in", "sign off": an action by its whole name
	}
	switch {
	case createVerbs[v] || v == "define":
		op.Kind = domain.OpCreate
	case viewVerbs[v] || selectVerbs[v] && len(op.Filters) > 0:
		op.Kind = domain.OpList
	case updateVerbs[v] && !markVerbs[v]:
		op.Kind = domain.OpUpdate
	case deleteVerbs[v] && !cancelVerbs[v] && v != "revoke":
		// (Revoking keeps what was revoked: an action.)
		op.Kind = domain.OpDelete
	case exportVerbs[v], actionVerbs[v], decideVerbs[v], markVerbs[v], bookVerbs[v], cancelVerbs[v], assignVerbs[v], payVerbs[v], inviteVerbs[v], copyVerbs[v], linkVerbs[v]:
	default:
		return op, false
	}
	return op, true
}

// kebab writes words as a path segment: "mark as paid" → "mark-as-paid".
func kebab(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), notWordRune), "-")
}

// routeName is a named route as Laravel and Rails name them:
// "bookings.index".
func routeName(entity, action string) string {
	name := strings.ReplaceAll(strings.ToLower(plural.Noun(entity)), " ", "_") + "."
	switch action {
	case "list":
		return name + "index"
	case "get":
		return name + "show"
	case "create":
		return name + "store"
	case "update":
		return name + "update"
	case "delete":
		return name + "destroy"
	}
	return name + strings.ReplaceAll(action, "-", "_")
}

// entityOfPath finds the entity a path's last resource names: "/api/v1/
// invoices/{id}" → Invoice, "/lists/{list_id}/invites" → Invite.
func entityOfPath(path string, es []artifact.Entity) string {
	segs := strings.Split(path, "/")
	slices.Reverse(segs) // the last resource is the one acted on: /lists/{id}/invites
	for _, seg := range segs {
		if seg == "" || strings.ContainsAny(seg, "{:") {
			continue
		}
		for _, e := range es {
			if seg == kebabPlural(e.Name) || strings.EqualFold(seg, strings.ReplaceAll(strings.ToLower(e.Name), " ", "")) ||
				seg == kebab(e.Name) || strings.EqualFold(singular(seg), strings.ReplaceAll(strings.ToLower(e.Name), " ", "-")) {
				return e.Name
			}
		}
	}
	return ""
}

// tasks are the work, as a graph: the setup every story builds on, then
// each entity (after the entities it belongs to) and each service, then
// each story through its endpoints once what it uses is there. An entity
// or a service no story uses is part of the setup, so there is one setup
// task. A task is marked parallel when nothing else in its wave touches
// what it touches.
func (d *domainTech) tasks(t *artifact.TechSpec) []artifact.Task {
	if len(d.st.Stories) == 0 {
		return nil
	}
	// What each story builds on: the entities its endpoints act on (else
	// those its requirements name) and the services its requirements use.
	uses := map[string][]string{} // story → entities
	for _, s := range d.st.Stories {
		for _, ep := range t.Endpoints {
			if slices.Contains(ep.Stories, s.ID) && ep.Entity != "" && !slices.Contains(uses[s.ID], ep.Entity) {
				uses[s.ID] = append(uses[s.ID], ep.Entity)
			}
		}
		if len(uses[s.ID]) > 0 {
			continue
		}
		for _, e := range t.Entities {
			if slices.ContainsFunc(s.Traces, func(fr string) bool { return slices.Contains(e.Traces, fr) }) {
				uses[s.ID] = append(uses[s.ID], e.Name)
			}
		}
	}
	byName := map[string]artifact.Entity{}
	for _, e := range t.Entities {
		byName[e.Name] = e
	}
	stories := map[string][]string{} // entity → the stories that build on it
	var need func(entity, story string, depth int)
	need = func(entity, story string, depth int) {
		if slices.Contains(stories[entity], story) || depth > 8 {
			return
		}
		stories[entity] = append(stories[entity], story)
		for _, r := range byName[entity].Relationships {
			if r.Kind == "belongs-to" {
				need(r.Target, story, depth+1) // the parent comes first
			}
		}
	}
	for _, s := range d.st.Stories {
		for _, e := range uses[s.ID] {
			need(e, s.ID, 0)
		}
	}
	var out []artifact.Task
	add := func(task artifact.Task) string {
		task.ID = artifact.TaskID(len(out) + 1)
		out = append(out, task)
		return task.ID
	}
	var built, techs, unused, quiet []string
	for _, c := range t.Components {
		switch {
		case c.Kind != "external service" && c.Kind != "file storage":
			built = append(built, c.Name)
			if c.Technology != "" {
				techs = append(techs, c.Technology)
			}
		case len(d.storiesFor(c.Serves)) == 0:
			quiet = append(quiet, c.Name)
		}
	}
	for _, e := range t.Entities {
		if len(stories[e.Name]) == 0 {
			unused = append(unused, e.Name)
		}
	}
	text := "Set up the project skeleton, the data store and continuous integration"
	if len(techs) > 0 {
		text = "Set up the project skeleton (" + strings.Join(techs, "; ") + ") and continuous integration"
	}
	if len(quiet) > 0 {
		text += ", and connect " + plural.And(quiet)
	}
	if len(unused) > 0 {
		text += "; store " + plural.And(unused)
	}
	setup := add(artifact.Task{Text: text, Setup: true, Components: append(built, quiet...), Entities: unused, Size: "M"})
	modelled := map[string]string{}
	var model func(e artifact.Entity, depth int) string
	model = func(e artifact.Entity, depth int) string {
		if len(stories[e.Name]) == 0 {
			return setup
		}
		if id, ok := modelled[e.Name]; ok {
			return id
		}
		modelled[e.Name] = setup // being modelled: a loop of belongs-to ends here
		var deps []string
		for _, r := range e.Relationships {
			if p, ok := byName[r.Target]; ok && r.Kind == "belongs-to" && depth < 8 {
				if id := model(p, depth+1); !slices.Contains(deps, id) {
					deps = append(deps, id)
				}
			}
		}
		if len(deps) == 0 {
			deps = []string{setup}
		} else if len(deps) > 1 {
			deps = slices.DeleteFunc(deps, func(id string) bool { return id == setup }) // the parents follow the setup
		}
		var fields []string
		for _, f := range e.Fields {
			fields = append(fields, f.Name)
		}
		text := "Model " + e.Name + " and its storage"
		if len(fields) > 0 {
			text += ": " + plural.And(fields)
		}
		id := add(artifact.Task{Text: text, Stories: d.inOrder(stories[e.Name]), DependsOn: deps, Entities: []string{e.Name},
			Components: onlyNamed(t.Components, storeComponent), Size: sizeOf(len(e.Fields), 4, 8)})
		modelled[e.Name] = id
		return id
	}
	for _, e := range t.Entities {
		model(e, 0)
	}
	integrated := map[string]string{}
	for _, c := range t.Components {
		if c.Kind != "external service" && c.Kind != "file storage" || slices.Contains(quiet, c.Name) {
			continue
		}
		integrated[c.Name] = add(artifact.Task{Text: "Integrate " + c.Name + ": " + strings.TrimSuffix(lowerFirst(c.Responsibility, nil), "."),
			DependsOn: []string{setup}, Components: []string{c.Name}, Stories: d.storiesFor(c.Serves), Size: "M"})
	}
	for _, s := range d.st.Stories {
		task := artifact.Task{Stories: []string{s.ID}, Size: sizeOf(len(s.Criteria), 2, 4)}
		var routes []string
		for _, ep := range t.Endpoints {
			if slices.Contains(ep.Stories, s.ID) {
				routes = append(routes, ep.Method+" "+ep.Path)
				task.Endpoints = append(task.Endpoints, artifact.EndpointKey(ep))
			}
		}
		for _, e := range uses[s.ID] {
			if id := modelled[e]; id != "" && id != setup && !slices.Contains(task.DependsOn, id) {
				task.DependsOn = append(task.DependsOn, id)
				task.Entities = append(task.Entities, e)
			}
		}
		for _, c := range t.Components {
			if id, ok := integrated[c.Name]; ok && slices.ContainsFunc(s.Traces, func(fr string) bool { return slices.Contains(c.Serves, fr) }) {
				task.DependsOn = append(task.DependsOn, id)
				task.Components = append(task.Components, c.Name)
			}
		}
		if len(task.DependsOn) == 0 {
			task.DependsOn = []string{setup}
		}
		task.Text = "Implement " + s.ID + ": " + s.Title
		if len(routes) > 0 {
			task.Text += ", through " + plural.And(routes)
		}
		add(task)
	}
	markParallel(out)
	return out
}

// inOrder sorts story IDs in the stories' order.
func (d *domainTech) inOrder(ids []string) []string {
	var out []string
	for _, s := range d.st.Stories {
		if slices.Contains(ids, s.ID) {
			out = append(out, s.ID)
		}
	}
	return out
}

// onlyNamed keeps the names of components that are in the architecture.
func onlyNamed(cs []artifact.Component, names ...string) []string {
	var out []string
	for _, n := range names {
		if slices.ContainsFunc(cs, func(c artifact.Component) bool { return c.Name == n }) {
			out = append(out, n)
		}
	}
	return out
}

// sizeOf is S up to small, M up to medium, else L.
func sizeOf(n, small, medium int) string {
	switch {
	case n <= small:
		return "S"
	case n <= medium:
		return "M"
	}
	return "L"
}

// markParallel marks each task that shares no entity or endpoint with
// another task of its wave.
func markParallel(ts []artifact.Task) {
	waves, _ := artifact.Waves(ts)
	at := map[string]int{}
	for i, t := range ts {
		at[t.ID] = i
	}
	for _, w := range waves {
		if len(w) < 2 {
			continue
		}
		for _, id := range w {
			t := &ts[at[id]]
			alone := true
			for _, other := range w {
				if other != id && touchesSame(*t, ts[at[other]]) {
					alone = false
					break
				}
			}
			t.Parallel = alone
		}
	}
}

// touchesSame reports whether two tasks build or change the same thing.
func touchesSame(a, b artifact.Task) bool {
	// Components are broad (every model task uses the data store): what
	// two tasks would both edit is an entity or an endpoint.
	for _, pair := range [][2][]string{{a.Entities, b.Entities}, {a.Endpoints, b.Endpoints}} {
		for _, x := range pair[0] {
			if slices.Contains(pair[1], x) {
				return true
			}
		}
	}
	return false
}

// questions are what the brief leaves open for the design (the domain's
// questions), sign-in when nothing says how people sign in, and the PRD's
// own questions.
func (d *domainTech) questions(more []string) []artifact.Question {
	var qs []string
	seen := map[string]bool{}
	for _, q := range d.dm.Questions {
		text := sentence(strings.TrimSpace(q.Text))
		if c := d.cite(q.Lines); c != "" {
			text = strings.TrimSuffix(text, ".") + " " + c + "."
			if strings.HasSuffix(q.Text, "?") {
				text = strings.TrimSuffix(q.Text, "?") + " " + c + "?"
			}
		}
		if !seen[text] {
			seen[text] = true
			qs = append(qs, text)
		}
	}
	if !d.dm.Platform.SingleUser && !mentions(d.p.Title+" "+d.prdText(), "sso", "single sign-on", "login", "log in", "sign in", "sign-in", "password", "oauth",
		"authentication", "authenticate", "api key", "saml", "account", "accounts") {
		qs = append(qs, "How do people sign in, and what may each role do? The PRD does not say.")
	}
	qs = append(qs, more...)
	for _, q := range d.p.OpenQuestions {
		qs = append(qs, "From the PRD ("+q.ID+"): "+q.Text)
	}
	out := make([]artifact.Question, len(qs))
	for i, q := range qs {
		out[i] = artifact.Question{ID: artifact.QuestionID(i + 1), Text: q}
	}
	return out
}
