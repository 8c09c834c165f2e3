package scaffold

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/plural"
)

// ErrNoAPI says a tech spec has nothing to build a prototype from.
var ErrNoAPI = errors.New(`the tech spec has no data model or API: describe entities under "## Data model" or endpoints under "## API"`)

// methods are the HTTP methods the generators serve.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// builtinFields are the fields every generator adds itself.
var builtinFields = []string{"id", "created_at", "updated_at"}

// Plan derives the language-neutral API of a prototype from a tech spec
// and its stories. It takes a spec as people and models write it:
//
//   - Entities keep the spec's order; their names become identifiers by
//     the rules of newIdent, made unique with a suffix 2, 3...
//   - Fields drop id, created_at and updated_at and are typed from the
//     spec's type (see typeOf): strings, numbers, booleans, dates and
//     timestamps, URLs, emails, UUIDs, enums with the values the spec
//     states, and references to other entities. A type Plan does not know
//     is a string marked Unknown. When the spec says which fields are
//     required, those are; when it says of none, the first field that is
//     neither a date, a timestamp nor a reference is, so generated
//     validation has something to check without guessing at more.
//   - Relationships become references: an entity that belongs to another
//     has a reference to it (required), one that has one or many others
//     gives them a reference to it (optional), unless the spec's fields
//     already have one; an owner that is an entity is a reference too.
//     Many-to-many relationships are not built.
//   - Every endpoint of the spec is served at the path the spec gives it,
//     and no other route is: a prototype's route table is the spec's API
//     section. The path loses only what no router reads: the query, the
//     fragment, empty segments (a trailing slash). A parameter in any
//     spelling ("{invoiceId}", ":id", "<int:id>", "[id]") is written in
//     braces with its name, made an identifier if it is not one
//     ("{invoice-id}" is "{invoiceID}"). Methods are upper-cased.
//   - An endpoint is bound to the entity whose collection ("queue-entries")
//     or singular ("queue-entry") its first path segment names, after an
//     "api" or version ("v1") prefix and leading parameters; after the
//     item's parameter, a segment naming another entity, or followed by a
//     parameter, is a nested collection ("/invoices/{id}/line-items" binds
//     to line items). A segment that names no entity becomes a new entity
//     without fields, so no endpoint is lost. The parameter right after
//     the collection is the endpoint's ID. A nested collection's parent is
//     its Parent when the parent is an entity of the data model or one an
//     endpoint creates: the nested entity then has a reference to it, which
//     the path sets. Other parameters only place the route.
//   - The operation follows from method and shape: POST /x create, GET /x
//     list, GET /x/{id} get, PATCH or PUT /x/{id} update (so is POST),
//     DELETE /x/{id} delete, POST, PATCH or PUT /x/{id}/verb action, GET
//     /x/{id}/more get, GET /x/more export when a segment says export or
//     csv and list otherwise, POST /x/more create. PATCH, PUT or DELETE
//     without an item parameter ("PATCH /users/me", "PUT /settings") are
//     an update or delete of the entity's latest item. An endpoint with
//     no path segment at all ("/") is bound to the first entity. The
//     spec's Action, when it names a state change ("cancel", "archive")
//     rather than list, get, create, update or delete, makes an update or
//     action endpoint that action. An action's Effect is in action.go.
//   - Endpoints keep the spec's order. One whose method and path match an
//     earlier one's, parameter names aside, is merged into it, stories
//     and all.
//   - Story IDs are upper-cased and deduplicated; when stories lists any,
//     IDs it does not have are dropped, so tests name only real stories.
//     Each story an endpoint traces has a test; see story.go.
//   - A create's Location is the entity's first get endpoint whose path
//     ends with its ID and whose other parameters the create's path has.
//   - TestName is the operation and the entity ("CreateQueueEntry",
//     "ListCheckIns", "VoidInvoice"), made unique with a suffix 2, 3...
//
// Plan refuses, with an *EndpointError for each, the endpoints it cannot
// serve as written rather than serve another route: a method other than
// GET, POST, PUT, PATCH and DELETE, an empty path, a segment mixing text
// and a parameter or with characters a URL escapes, a dot segment, and a
// route that matches the same requests as another with neither more
// specific ("GET /a/{x}/b" and "GET /a/b/{y}"). It returns ErrNoAPI for
// a spec with neither entities nor endpoints.
func Plan(tech *artifact.TechSpec, stories *artifact.Stories) (*API, error) {
	if tech == nil {
		return nil, ErrNoAPI
	}
	p := newPlanner(tech.Title, stories)
	for _, e := range tech.Entities {
		p.addEntity(e.Name, "")
	}
	p.specEntities = len(p.api.Entities)
	var errs []error
	mux := newRouteMux()
	for _, ep := range tech.Endpoints {
		if err := p.addSpecEndpoint(ep, mux); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(p.api.Entities) == 0 {
		return nil, ErrNoAPI
	}
	p.addFields(tech.Entities)
	p.addRelationships(tech.Entities)
	p.addParents()
	p.addEffects()
	p.addLocations()
	p.addNeeds()
	p.addStories(stories)
	return p.api, nil
}

// planner builds an API.
type planner struct {
	api      *API
	entities *namer
	// fieldNames are each entity's field names, by entity.
	fieldNames []*namer
	// byName finds an entity by its collection or kebab singular.
	byName map[string]int
	// routes finds an endpoint by "METHOD /path".
	routes map[string]int
	tests  map[string]bool
	// known are the stories' IDs, or nil to keep every ID.
	known map[string]bool
	// nested are the endpoints whose path names a parent collection, by
	// index, until addParents resolves them.
	nested map[int]route
	// specEntities is the number of entities of the spec's data model,
	// the first of API.Entities.
	specEntities int
}

func newPlanner(title string, stories *artifact.Stories) *planner {
	title = oneLine(title)
	p := &planner{
		api:      &API{Title: title, Slug: slug(title)},
		entities: newNamer(),
		byName:   map[string]int{},
		routes:   map[string]int{},
		tests:    map[string]bool{},
		nested:   map[int]route{},
	}
	if stories != nil && len(stories.Stories) > 0 {
		p.known = map[string]bool{}
		for _, s := range stories.Stories {
			p.known[strings.ToUpper(strings.TrimSpace(s.ID))] = true
		}
	}
	return p
}

// slug is the title in lower-case kebab case, at most 60 bytes, or
// "prototype" for a title without letters or digits. Unlike identifiers
// it keeps a name's camel case together: "QueueLess" is "queueless".
func slug(title string) string {
	s := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(ascii(title)), func(r rune) bool { return !isAlnum(r) }) {
		if len(s)+1+len(w) > 60 && s != "" {
			break
		}
		s = strings.TrimPrefix(s+"-"+w, "-")
	}
	if s == "" {
		return "prototype"
	}
	return s[:min(len(s), 60)]
}

// addEntity adds an entity without fields and returns its index. A
// non-empty collection is kept as the entity's URL segment, as the spec's
// paths spell it.
func (p *planner) addEntity(name, collection string) int {
	i := len(p.api.Entities)
	id := newIdent(name, fmt.Sprintf("Item%d", i+1))
	plain := id.Kebab
	if collection != "" {
		id.Collection = collection
	}
	id = p.entities.unique(id)
	name = oneLine(name)
	if words(name) == nil {
		name = strings.ReplaceAll(id.Kebab, "-", " ")
	}
	p.api.Entities = append(p.api.Entities, Entity{
		Name: name, Pascal: id.Pascal, Camel: id.Camel, Snake: id.Snake, Collection: id.Collection,
	})
	p.fieldNames = append(p.fieldNames, newNamer())
	for _, k := range []string{id.Collection, id.Kebab, plain} {
		if _, ok := p.byName[k]; !ok {
			p.byName[k] = i
		}
	}
	return i
}

// oneLine collapses runs of white space, newlines included, to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// addSpecEndpoint reads one of the spec's endpoints, binds it to an
// entity and adds it; see Plan.
func (p *planner) addSpecEndpoint(se artifact.Endpoint, mux *routeMux) error {
	method := strings.ToUpper(strings.TrimSpace(se.Method))
	spelled := strings.TrimSpace(se.Path)
	fail := func(reason string) error {
		return &EndpointError{Method: cmpOr(strings.TrimSpace(se.Method), "(no method)"), Path: cmpOr(spelled, "(no path)"), Reason: reason}
	}
	if !slices.Contains(methods, method) {
		return fail("prototypes serve the methods " + strings.Join(methods, ", "))
	}
	segs, reason := readPath(se.Path)
	if reason != "" {
		return fail(reason)
	}
	key := shapeKey(method, segs)
	if j, ok := p.routes[key]; ok {
		p.mergeStories(&p.api.Endpoints[j], p.storyIDs(se.Stories))
		return nil
	}
	path := joinPath(segs)
	if reason := mux.add(method, path, spelled); reason != "" {
		return fail(reason)
	}
	r := p.bind(segs)
	ep := Endpoint{Method: method, Path: path, ID: r.id, Op: classify(method, r), Entity: p.entityFor(r.coll),
		Summary: oneLine(se.Summary), Stories: p.storyIDs(se.Stories)}
	extra := r.rest
	if ep.Op == OpAction {
		// A name, not a path segment: ".../mark_paid" is "mark-paid",
		// ".../send.json" is "send-json".
		ep.Action, extra = strings.Join(segWords(strings.Join(r.rest, "-")), "-"), nil
	}
	if a := stateChange(se.Action); a != "" && r.id != "" && (ep.Op == OpAction || ep.Op == OpUpdate) {
		// The spec names the state change the route makes.
		ep.Op, ep.Action, extra = OpAction, a, nil
	}
	ep.TestName = p.testName(ep, p.api.Entities[ep.Entity], extra)
	if r.parent != "" {
		p.nested[len(p.api.Endpoints)] = r
	}
	p.routes[key] = len(p.api.Endpoints)
	p.api.Endpoints = append(p.api.Endpoints, ep)
	return nil
}

// crudWords are the spec's names for what an endpoint does that are not
// a state change.
var crudWords = set(`list index search filter browse get read show view fetch create add new
	insert post update edit patch put replace change modify save delete remove destroy export`)

// stateChange is the spec's Action of an endpoint in kebab case when it
// names a state change ("Mark paid" is "mark-paid"), or "".
func stateChange(action string) string {
	w := words(action)
	if len(w) == 0 || crudWords[w[0]] && len(w) == 1 {
		return ""
	}
	return strings.Join(w, "-")
}

// mergeStories adds the stories an endpoint does not list yet.
func (p *planner) mergeStories(ep *Endpoint, stories []string) {
	for _, s := range stories {
		if !slices.Contains(ep.Stories, s) {
			ep.Stories = append(ep.Stories, s)
		}
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// hasEntity says a collection segment names an entity.
func (p *planner) hasEntity(coll string) bool { return p.find(coll) >= 0 }

// find returns the index of the entity a kebab-case name or collection
// names ("line-item", "line-items"), or -1.
func (p *planner) find(name string) int {
	if i, ok := p.byName[name]; ok {
		return i
	}
	if name == "" {
		return -1
	}
	// plural.Singular undoes pluralWord, "criterions" and "personnels"
	// included; it guesses where English is ambiguous ("buses", "causes").
	w := strings.Split(name, "-")
	w[len(w)-1] = plural.Singular(w[len(w)-1])
	if i, ok := p.byName[strings.Join(w, "-")]; ok {
		return i
	}
	return -1
}

// entityFor returns the index of the entity a path's first segment names,
// adding an entity for a segment that names none.
func (p *planner) entityFor(coll string) int {
	if coll == "" {
		if len(p.api.Entities) > 0 {
			return 0
		}
		coll = "items"
	}
	if i := p.find(coll); i >= 0 {
		return i
	}
	// The entity keeps the collection as the spec wrote it.
	w := strings.Split(coll, "-")
	w[len(w)-1] = plural.Singular(w[len(w)-1])
	return p.addEntity(strings.Join(w, " "), coll)
}

// testName names an endpoint's test after its operation and entity, with
// the path's extra words: "ListCheckIns", "GetInvoicePDF", "VoidInvoice".
func (p *planner) testName(ep Endpoint, e Entity, extra []string) string {
	plural := pascal(strings.Split(e.Collection, "-"))
	var name string
	switch ep.Op {
	case OpCreate:
		name = "Create" + e.Pascal
	case OpList:
		name = "List" + plural
	case OpGet:
		name = "Get" + e.Pascal
	case OpUpdate:
		name = "Update" + e.Pascal
		if ep.Method == "PUT" {
			name = "Replace" + e.Pascal
		}
	case OpDelete:
		name = "Delete" + e.Pascal
	case OpAction:
		name = pascal(strings.Split(ep.Action, "-")) + e.Pascal
	case OpExport:
		name = "Export" + plural
		extra = slices.DeleteFunc(segWords(strings.Join(extra, "-")), func(w string) bool { return w == "export" })
	}
	if len(extra) > 0 {
		name += pascal(segWords(strings.Join(extra, "-")))
	}
	if !isUpper(name[0]) {
		name = "Do" + name // an action named with digits: "POST /x/{id}/2fa"
	}
	return p.uniqueTest(name)
}

// uniqueTest returns name, or name with a number when a test has it.
func (p *planner) uniqueTest(name string) string {
	unique := name
	for i := 2; p.tests[unique]; i++ {
		unique = fmt.Sprintf("%s%d", name, i)
	}
	p.tests[unique] = true
	return unique
}

// storyIDs normalises an endpoint's story IDs; see Plan.
func (p *planner) storyIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		id = strings.ToUpper(strings.TrimSpace(id))
		if id != "" && (p.known == nil || p.known[id]) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// addLocations gives every create endpoint the get endpoint that serves
// what it makes; see Plan.
func (p *planner) addLocations() {
	for i := range p.api.Endpoints {
		c := &p.api.Endpoints[i]
		if c.Op != OpCreate {
			continue
		}
		have := Params(c.Path)
		for _, g := range p.api.Endpoints {
			if g.Op != OpGet || g.Entity != c.Entity || !strings.HasSuffix(g.Path, "/{"+g.ID+"}") {
				continue
			}
			if !slices.ContainsFunc(Params(g.Path), func(name string) bool { return name != g.ID && !slices.Contains(have, name) }) {
				c.Location, c.LocationID = g.Path, g.ID
				break
			}
		}
	}
}
