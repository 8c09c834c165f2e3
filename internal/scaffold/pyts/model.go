package pyts

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// project is what the templates render: the API checked and laid out the
// same way for both languages, with the values the generated tests send.
type project struct {
	Title    string
	Slug     string
	Entities []*entity
	// Endpoints are in the spec's order, for the README and the tests.
	Endpoints []*endpoint
	// Routes are the endpoints in matching order: paths with fewer
	// parameters first, so GET /things/export is not read as GET
	// /things/{id}.
	Routes []*endpoint
	// Bodies are the endpoints the validation tests send bad JSON to, one
	// per entity that some endpoint takes a body of.
	Bodies []*bodyCase
	// Stories are the story tests.
	Stories []*story
	// Scoped are the routes the test that nested routes keep to their
	// parent calls, or nil.
	Scoped *scopedCase
	// Missing are the endpoints that look up one item, for the 404 tests.
	Missing []*endpoint
	// WrongMethod is a request to a served path with a method it does not
	// serve, nil in the unlikely case that every method is served there.
	WrongMethod *methodCase
	// UnknownPath matches no route.
	UnknownPath string
}

type endpoint struct {
	Method   string
	Path     string
	Op       string
	Summary  string
	Stories  []string
	TestName string
	PyTest   string // the Python test method, "test_create_queue_entry"
	Entity   *entity
	// Effect is the field an action sets and EffectValue the enum value
	// it sets it to; "" records the time of the action.
	Effect      *field
	EffectValue string
	// Parent, ParentParam and ParentField are, for a route nested under
	// another entity's item, that entity, the path's parameter for its ID
	// and the field of Entity that refers to it.
	Parent      *entity
	ParentParam string
	ParentField *field
	// Needs are the entities its test stores an item of first.
	Needs []*entity
	// ID is the path's parameter that names the item, or "": an update or
	// delete then acts on the latest item.
	ID string
	// Params says the path has parameters, which the tests fill.
	Params bool
	// Location is, for a create, the path of the route that gets the new
	// item, and LocationID its parameter for the item's ID.
	Location   string
	LocationID string
	// Replace is set for PUT updates, which replace every field; PATCH
	// changes only the fields sent.
	Replace bool
	pattern *regexp.Regexp
}

// bodyCase is an endpoint taking a JSON body, the first create of an
// entity or else its first update, and the fields the validation tests
// use.
type bodyCase struct {
	Endpoint    *endpoint
	Required    *field // nil if the entity has no required field
	UnknownKey  string // a key the entity does not have
	MissingTest bool   // a missing required field is an error (create, PUT)
	// Refs are the references the path does not set.
	Refs []*field
	// Enums are the enum fields.
	Enums []*field
	// Index tells the TypeScript functions of one case from another's: ""
	// for the first, then "2", "3"...
	Index string
}

type methodCase struct {
	Method string
	Path   string // with {id} filled in
	Served string // a method the path does serve
}

// The patterns are compiled on first use, not in package init, which every
// prodgen command pays for: slugRE's {0,213} alone takes about a
// millisecond to compile.
var (
	slugRE       = lazyRegexp(`^[a-z0-9][a-z0-9._-]{0,213}$`)
	identRE      = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_]*$`)
	testNameRE   = lazyRegexp(`^[A-Za-z0-9_]+$`)
	segmentRE    = lazyRegexp(`^[A-Za-z0-9._~-]+$`)
	pathRE       = lazyRegexp(`^(/|(/([A-Za-z0-9._~:@+,;=!-]+|\{[A-Za-z_][A-Za-z0-9_]*\}))+)$`)
	methods      = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}
	reservedKeys = []string{"id", "created_at", "updated_at", "__proto__", "constructor", "prototype"}
)

// lazyRegexp returns a function that compiles expr on its first call and
// returns the same *regexp.Regexp on every call, from any goroutine.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// newProject checks api and lays it out for the templates. It rejects what
// would make a generated project fail to build or its tests fail, naming
// the entity or endpoint at fault.
func newProject(api *scaffold.API) (*project, error) {
	if api == nil {
		return nil, fmt.Errorf("no API to scaffold")
	}
	if !slugRE().MatchString(api.Slug) {
		return nil, fmt.Errorf("slug %q: want lower-case letters, digits, dots, hyphens or underscores", api.Slug)
	}
	if err := api.CheckDomain(); err != nil {
		return nil, err
	}
	p := &project{Title: api.Title, Slug: api.Slug}
	if strings.TrimSpace(p.Title) == "" {
		p.Title = api.Slug
	}
	keys := map[string]bool{}
	classes := newClassNamer()
	for i := range api.Entities {
		e, err := newEntity(api, i, classes)
		if err != nil {
			return nil, err
		}
		if keys[e.Key] {
			return nil, fmt.Errorf("entity %q: another entity is also named %q", e.Name, e.Key)
		}
		keys[e.Key] = true
		p.Entities = append(p.Entities, e)
	}
	for i, e := range p.Entities {
		for k, f := range api.Entities[i].Fields {
			if f.Type == scaffold.TypeReference {
				e.Fields[k].Ref = p.Entities[f.Ref].Key
			}
			if f.Type == scaffold.TypeEnum {
				e.Fields[k].EnumType = classes.take(e.Class + api.Entities[i].Fields[k].Pascal)
			}
		}
	}
	if err := p.addEndpoints(api); err != nil {
		return nil, err
	}
	for _, e := range p.Entities {
		e.Columns = columns(e)
	}
	p.Bodies = bodyEndpoints(p.Entities, p.Endpoints)
	for _, s := range api.Stories {
		p.Stories = append(p.Stories, p.newStory(s))
	}
	p.WrongMethod = wrongMethod(p.Endpoints)
	p.UnknownPath = unknownPath(p.Endpoints)
	p.Scoped = p.scopedFor(api)
	return p, nil
}

func (p *project) addEndpoints(api *scaffold.API) error {
	ses := api.Endpoints
	routes := map[string]string{} // method and path: test name
	tests := map[string]bool{}
	for i := range ses {
		se := &ses[i]
		name := se.TestName
		if name == "" {
			name = fmt.Sprintf("%s %s", se.Method, se.Path)
		}
		if err := checkEndpoint(se, len(p.Entities)); err != nil {
			return fmt.Errorf("endpoint %s: %w", name, err)
		}
		key := se.Method + " " + se.Path
		if other, ok := routes[key]; ok {
			return fmt.Errorf("endpoint %s: %s is also served by %s", name, key, other)
		}
		routes[key] = name
		if tests[se.TestName] {
			return fmt.Errorf("endpoint %s: another endpoint has the same test name", name)
		}
		tests[se.TestName] = true
		ep := &endpoint{
			Method:     se.Method,
			Path:       se.Path,
			Op:         se.Op,
			Summary:    se.Summary,
			Stories:    se.Stories,
			TestName:   se.TestName,
			Entity:     p.Entities[se.Entity],
			ID:         se.ID,
			Params:     len(scaffold.Params(se.Path)) > 0,
			Location:   se.Location,
			LocationID: se.LocationID,
			Replace:    se.Op == scaffold.OpUpdate && se.Method == "PUT",
			pattern:    pathPattern(se.Path),
		}
		ep.Entity.Served = append(ep.Entity.Served, se.Method+" "+se.Path)
		if se.Effect != nil {
			ep.Effect, ep.EffectValue = ep.Entity.Fields[se.Effect.Field], se.Effect.Value
		}
		if pa := se.Parent; pa != nil {
			ep.Parent, ep.ParentParam, ep.ParentField = p.Entities[pa.Entity], pa.Param, ep.Entity.Fields[pa.Field]
		}
		for _, n := range se.Needs {
			ep.Needs = append(ep.Needs, p.Entities[n])
		}
		p.Endpoints = append(p.Endpoints, ep)
		if ep.ID != "" && ep.ItemOp() {
			p.Missing = append(p.Missing, ep)
		}
	}
	pyTests := map[string]bool{}
	for _, ep := range p.Endpoints {
		ep.PyTest = "test_" + snake(ep.TestName)
		for n := 2; pyTests[ep.PyTest]; n++ {
			ep.PyTest = fmt.Sprintf("test_%s_%d", snake(ep.TestName), n)
		}
		pyTests[ep.PyTest] = true
	}
	p.Routes = slices.Clone(p.Endpoints)
	slices.SortStableFunc(p.Routes, func(a, b *endpoint) int {
		return len(scaffold.Params(a.Path)) - len(scaffold.Params(b.Path))
	})
	return nil
}

func checkEndpoint(se *scaffold.Endpoint, entities int) error {
	switch {
	case !testNameRE().MatchString(se.TestName):
		return fmt.Errorf("test name %q: want letters, digits and underscores", se.TestName)
	case !slices.Contains(methods, se.Method):
		return fmt.Errorf("method %q is not one of %s", se.Method, strings.Join(methods, ", "))
	case !pathRE().MatchString(se.Path) || strings.Contains("/"+se.Path+"/", "/./") || strings.Contains("/"+se.Path+"/", "/../"):
		return fmt.Errorf("path %q: want segments of letters, digits, %q, or a parameter such as {id}", se.Path, "-._~:@+,;=!")
	case se.Entity < 0 || se.Entity >= entities:
		return fmt.Errorf("entity %d does not exist", se.Entity)
	}
	params := scaffold.Params(se.Path)
	for i, name := range params {
		if slices.Contains(params[:i], name) {
			return fmt.Errorf("path %q has the parameter %s twice", se.Path, name)
		}
	}
	if se.ID != "" && !slices.Contains(params, se.ID) {
		return fmt.Errorf("ID %q is not a parameter of the path %q", se.ID, se.Path)
	}
	if se.Location != "" {
		if se.Op != scaffold.OpCreate || !pathRE().MatchString(se.Location) || !slices.Contains(scaffold.Params(se.Location), se.LocationID) {
			return fmt.Errorf("location %q (ID %q) on a %s", se.Location, se.LocationID, se.Op)
		}
		for _, name := range scaffold.Params(se.Location) {
			if name != se.LocationID && !slices.Contains(params, name) {
				return fmt.Errorf("location %q has a parameter the path %q does not: %s", se.Location, se.Path, name)
			}
		}
	}
	switch se.Op {
	case scaffold.OpCreate, scaffold.OpList, scaffold.OpExport, scaffold.OpUpdate, scaffold.OpDelete:
	case scaffold.OpGet, scaffold.OpAction:
		if se.ID == "" {
			return fmt.Errorf("%s needs an ID parameter in its path %q", se.Op, se.Path)
		}
		if se.Op == scaffold.OpAction && strings.TrimSpace(se.Action) == "" {
			return fmt.Errorf("action has no name")
		}
	default:
		return fmt.Errorf("op %q is not one of create, list, get, update, delete, action, export", se.Op)
	}
	return nil
}

func isItemOp(op string) bool {
	return op == scaffold.OpGet || op == scaffold.OpUpdate || op == scaffold.OpDelete || op == scaffold.OpAction
}

func columns(e *entity) []string {
	cols := []string{"id"}
	for _, f := range e.Fields {
		cols = append(cols, f.Key)
	}
	return append(cols, "created_at", "updated_at")
}

// ItemOp tells whether the endpoint acts on one stored item, which its
// test then seeds: the one its ID names, or the latest.
func (ep *endpoint) ItemOp() bool { return isItemOp(ep.Op) }

// Latest tells whether the endpoint acts on the latest item, its path
// naming none.
func (ep *endpoint) Latest() bool { return ep.ItemOp() && ep.ID == "" }

// HasLatest tells whether an endpoint acts on the latest item.
func (p *project) HasLatest() bool {
	return slices.ContainsFunc(p.Endpoints, (*endpoint).Latest)
}

// Seeds tells whether the endpoint's test stores an item before calling.
func (ep *endpoint) Seeds() bool {
	return ep.ItemOp() || ep.Op == scaffold.OpList || ep.Op == scaffold.OpExport
}

// Changes are the fields an update test sends: every input for PUT, the
// first for PATCH.
func (ep *endpoint) Changes() []*field {
	if ep.Replace || len(ep.Entity.Inputs) == 0 {
		return ep.Entity.Inputs
	}
	return ep.Entity.Inputs[:1]
}

// HasOp tells whether an endpoint performs op.
func (p *project) HasOp(op string) bool {
	return slices.ContainsFunc(p.Endpoints, func(ep *endpoint) bool { return ep.Op == op })
}

// Describe is the endpoint in words for a test's docstring or comment:
// "Join the queue (POST /queue-entries)".
func (ep *endpoint) Describe() string {
	if s := line(ep.Summary); s != "" {
		return fmt.Sprintf("%s (%s %s)", s, ep.Method, ep.Path)
	}
	return ep.Method + " " + ep.Path
}

// HasNested tells whether an endpoint's route is nested under a parent.
func (p *project) HasNested() bool {
	return slices.ContainsFunc(p.Endpoints, func(ep *endpoint) bool { return ep.Parent != nil })
}
