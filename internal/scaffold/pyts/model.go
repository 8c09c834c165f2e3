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
	// Body is the endpoint the validation tests send bad JSON to, nil when
	// no endpoint takes a body.
	Body *bodyCase
	// Missing are the endpoints that look up one item, for the 404 tests.
	Missing []*endpoint
	// WrongMethod is a request to a served path with a method it does not
	// serve, nil in the unlikely case that every method is served there.
	WrongMethod *methodCase
	// UnknownPath matches no route.
	UnknownPath string
}

type entity struct {
	Key        string // Snake: the store's and the route table's name for it
	Name       string
	Collection string
	Fields     []*field
	// ManagedStatus is set when actions change the entity's status but it
	// declares no status field: the app then keeps one itself.
	ManagedStatus bool
	// Columns is the CSV header of an export.
	Columns []string
	// Served are the routes that serve it, "POST /things".
	Served []string
}

type field struct {
	Key      string // Snake, the JSON key
	Name     string
	Type     string
	Required bool
	// Sample is a valid value, Changed another one, Wrong values of other
	// types or formats that validation must reject.
	Sample  any
	Changed any
	Wrong   []any
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
	// Status is what an action sets the item's status to ("voided").
	Status string
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

// bodyCase is an endpoint taking a JSON body and the field the required
// checks use.
type bodyCase struct {
	Endpoint    *endpoint
	Required    *field // nil if the entity has no required field
	UnknownKey  string // a key the entity does not have
	MissingTest bool   // a missing required field is an error (create, PUT)
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
	fieldTypes   = []string{"string", "integer", "number", "boolean", "timestamp"}
	methods      = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}
	reservedKeys = []string{"id", "created_at", "updated_at", "__proto__"}
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
	p := &project{Title: api.Title, Slug: api.Slug}
	if strings.TrimSpace(p.Title) == "" {
		p.Title = api.Slug
	}
	keys := map[string]bool{}
	for i := range api.Entities {
		e, err := newEntity(&api.Entities[i])
		if err != nil {
			return nil, err
		}
		if keys[e.Key] {
			return nil, fmt.Errorf("entity %q: another entity is also named %q", e.Name, e.Key)
		}
		keys[e.Key] = true
		p.Entities = append(p.Entities, e)
	}
	if err := p.addEndpoints(api.Endpoints); err != nil {
		return nil, err
	}
	for _, e := range p.Entities {
		e.Columns = columns(e)
	}
	p.Body = bodyEndpoint(p.Endpoints)
	p.WrongMethod = wrongMethod(p.Endpoints)
	p.UnknownPath = unknownPath(p.Endpoints)
	return p, nil
}

func newEntity(se *scaffold.Entity) (*entity, error) {
	e := &entity{Key: se.Snake, Name: se.Name, Collection: se.Collection}
	if !identRE().MatchString(se.Snake) {
		return nil, fmt.Errorf("entity %q: snake name %q is not an identifier", se.Name, se.Snake)
	}
	if e.Name == "" {
		e.Name = se.Snake
	}
	if !segmentRE().MatchString(se.Collection) {
		return nil, fmt.Errorf("entity %q: collection %q is not a path segment", se.Name, se.Collection)
	}
	seen := map[string]bool{}
	for _, sf := range se.Fields {
		switch {
		case !identRE().MatchString(sf.Snake):
			return nil, fmt.Errorf("entity %q: field %q: snake name %q is not an identifier", se.Name, sf.Name, sf.Snake)
		case slices.Contains(reservedKeys, sf.Snake):
			return nil, fmt.Errorf("entity %q: field %q is one the app keeps itself", se.Name, sf.Snake)
		case seen[sf.Snake]:
			return nil, fmt.Errorf("entity %q: field %q appears twice", se.Name, sf.Snake)
		case !slices.Contains(fieldTypes, sf.Type):
			return nil, fmt.Errorf("entity %q: field %q: type %q is not one of %s", se.Name, sf.Snake, sf.Type, strings.Join(fieldTypes, ", "))
		}
		seen[sf.Snake] = true
		f := &field{Key: sf.Snake, Name: sf.Name, Type: sf.Type, Required: sf.Required}
		if f.Name == "" {
			f.Name = sf.Snake
		}
		f.Sample, f.Changed, f.Wrong = samples(f)
		e.Fields = append(e.Fields, f)
	}
	return e, nil
}

func (p *project) addEndpoints(ses []scaffold.Endpoint) error {
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
		if se.Op == scaffold.OpAction {
			ep.Status = pastTense(se.Action)
			ep.Entity.acceptStatus()
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

// acceptStatus makes room for the status an action sets. A declared
// status field becomes a string if it was not one, since actions write
// words to it; without one the app keeps its own.
func (e *entity) acceptStatus() {
	for _, f := range e.Fields {
		if f.Key == "status" {
			if f.Type != "string" {
				f.Type = "string"
				f.Sample, f.Changed, f.Wrong = samples(f)
			}
			return
		}
	}
	e.ManagedStatus = true
}

func isItemOp(op string) bool {
	return op == scaffold.OpGet || op == scaffold.OpUpdate || op == scaffold.OpDelete || op == scaffold.OpAction
}

func columns(e *entity) []string {
	cols := []string{"id"}
	for _, f := range e.Fields {
		cols = append(cols, f.Key)
	}
	if e.ManagedStatus {
		cols = append(cols, "status")
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

// Changes are the fields an update test sends: every field for PUT, the
// first for PATCH.
func (ep *endpoint) Changes() []*field {
	if ep.Replace || len(ep.Entity.Fields) == 0 {
		return ep.Entity.Fields
	}
	return ep.Entity.Fields[:1]
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
