package golang

import (
	"github.com/prodgen/prodgen/internal/scaffold"
)

// project is what the templates render: the API plus everything the
// generated code needs that the language-neutral plan leaves open.
type project struct {
	Title  string
	Slug   string
	Module string
	// Entities are in the plan's order; Endpoints and Stories too.
	Entities  []*entity
	Endpoints []*endpoint
	Stories   []*story

	HasAction bool // some endpoint records an action (api.go needs time)
	HasExport bool // some endpoint exports CSV
	Nested    bool // some endpoint's route is nested under a parent's item
	// HasOp says which ops the API has, by name.
	HasOp map[string]bool
	// ModelStrconv says model.go formats numbers or booleans for CSV.
	ModelStrconv bool
	// Uses says which helpers the generated code calls, so that it holds
	// nothing unused: the keys of opUses' values, plus the names in
	// newProject's list.
	Uses map[string]bool

	// Tests names the tests that are not an endpoint's; the bodies, paths
	// and requests they send are in the fields after it.
	Tests       testNames
	Invalid     []*invalidCase
	UnknownPath string // a path no route matches, or ""
	Missing     *missingCase
	WrongMethod *request
	Scoped      *scopedCase

	// Example is the README's curl request, or nil; Actions are the
	// action endpoints, for the README's table of what they do.
	Example *example
	Actions []*endpoint
}

// example is a request that creates an item.
type example struct {
	EP   *endpoint
	Path string
	Body string
}

// endpoint is one route and its handler.
type endpoint struct {
	scaffold.Endpoint
	E *entity
	// Pattern is the http.ServeMux pattern ("POST /queue-entries") and
	// Handler the name of the server's method that serves it.
	Pattern string
	Handler string
	// HasID says the path has the parameter that names the item; without
	// it, an update or delete acts on the latest item.
	HasID bool
	// ParentE and ParentField are, for a nested route, the parent entity
	// and the field of E that refers to it.
	ParentE     *entity
	ParentField *field
	// Needs are the entities its test stores an item of first.
	Needs []*entity
	// EffectField is the field an action sets; EffectConst the enum
	// constant it sets it to, "" when it records the time.
	EffectField *field
	EffectConst string
}

// opUses are the helpers each op's handler and test call.
var opUses = map[string][]string{
	scaffold.OpCreate: {"decode", "assertFields"},
	scaffold.OpList:   {"list"},
	scaffold.OpGet:    {"get", "notFound", "assertFields"},
	scaffold.OpUpdate: {"update", "decode", "notFound", "assertFields"},
	scaffold.OpDelete: {"delete", "notFound"},
	scaffold.OpAction: {"update", "notFound", "assertFields"},
	scaffold.OpExport: {"list"},
}

// newProject derives the templates' data from a checked API.
func newProject(api *scaffold.API) (*project, error) {
	mux, err := newMux(api.Endpoints)
	if err != nil {
		return nil, err
	}
	p := &project{Title: api.Title, Slug: api.Slug, Module: modulePath(api.Slug), Uses: map[string]bool{}}
	for _, u := range []string{"store", "required", "latest", "get", "fromPath", "invalidValue", "unknownReference",
		"isDate", "isURL", "isEmail", "isUUID", "formatTimePtr", "fieldError", "assertFieldError",
		"assertListed", "withField", "decodeItem", "itemID", "seed"} {
		p.Uses[u] = false
	}
	p.HasOp = map[string]bool{}
	for op, uses := range opUses {
		p.HasOp[op] = false
		for _, u := range uses {
			p.Uses[u] = false
		}
	}
	pkg := packageNamer(api)
	for i := range api.Entities {
		p.Entities = append(p.Entities, newEntity(api, i, pkg))
	}
	for _, e := range p.Entities {
		for _, f := range e.Fields {
			if f.Type == scaffold.TypeReference {
				f.Target = p.Entities[f.Ref]
			}
			if f.Target != nil && !f.Managed {
				e.Refs = append(e.Refs, f)
			}
		}
	}
	for _, ep := range api.Endpoints {
		p.Endpoints = append(p.Endpoints, p.newEndpoint(ep, pkg))
	}
	for _, ep := range p.Endpoints {
		p.note(ep)
	}
	for _, s := range api.Stories {
		p.Stories = append(p.Stories, p.newStory(s))
	}
	p.noteEntities()
	p.Tests = testNames{
		Invalid:     pkg.take("TestRejectsInvalidInput"),
		NotFound:    pkg.take("TestUnknownRouteIsNotFound"),
		WrongMethod: pkg.take("TestWrongMethodIsNotAllowed"),
		Scoped:      pkg.take("TestNestedRoutesKeepToTheirParent"),
	}
	p.Scoped = p.scopedFor(api)
	p.Invalid = invalidFor(p.Entities, p.Endpoints)
	for _, c := range p.Invalid {
		p.Uses["list"] = p.Uses["list"] || c.EP.Op == scaffold.OpCreate // the test checks nothing was stored
		p.Uses["withField"] = p.Uses["withField"] || len(c.Bad) > 0
		for _, e := range c.Needs() {
			e.Seed = true
		}
	}
	p.UnknownPath = unknownPath(mux)
	p.Missing = missingFor(mux, p.Endpoints)
	p.WrongMethod = findWrongMethod(mux, p.Endpoints)
	for _, ep := range p.Endpoints {
		if ep.Op == scaffold.OpCreate && p.Example == nil {
			p.Example = &example{EP: ep, Path: fill(ep.Path, "1"), Body: ep.E.Sample}
		}
		if ep.Op == scaffold.OpAction {
			p.Actions = append(p.Actions, ep)
		}
	}
	p.Uses["seed"] = false
	for _, e := range p.Entities {
		e.HasInput = e.HasInput || e.Seed
		p.Uses["seed"] = p.Uses["seed"] || e.Seed
		p.Uses["store"] = p.Uses["store"] || e.Stored
	}
	return p, nil
}

// noteEntities records what each entity's fields ask of the code.
func (p *project) noteEntities() {
	for _, e := range p.Entities {
		for _, f := range e.Fields {
			if f.Target != nil && e.Decoded && !f.Managed {
				f.Target.Stored = true
				p.Uses["get"], p.Uses["unknownReference"], p.Uses["fieldError"] = true, true, true
			}
			if f.Managed && f.Time {
				p.Uses["formatTimePtr"] = p.Uses["formatTimePtr"] || e.Export
			}
			if !e.Decoded || f.Managed {
				continue
			}
			p.Uses["required"] = p.Uses["required"] || f.Required
			p.Uses["invalidValue"] = p.Uses["invalidValue"] || f.Type == scaffold.TypeEnum
			if fn := f.Check(); fn != "" {
				p.Uses[fn] = true
			}
		}
		p.ModelStrconv = p.ModelStrconv || e.Export && e.needsStrconv()
		e.Sample, e.Update = sampleBodies(e.Inputs)
	}
	p.Uses["fieldError"] = p.Uses["fieldError"] || p.Uses["required"] || p.Uses["invalidValue"] || p.Uses["fromPath"] ||
		p.Uses["isDate"] || p.Uses["isURL"] || p.Uses["isEmail"] || p.Uses["isUUID"]
}

// note records what an endpoint asks of its entity and of the project.
func (p *project) note(ep *endpoint) {
	e := ep.E
	e.Stored = true
	p.HasOp[ep.Op] = true
	p.Uses["store"] = true
	for _, use := range opUses[ep.Op] {
		p.Uses[use] = true
	}
	p.Uses["latest"] = p.Uses["latest"] || !ep.HasID && (ep.Op == scaffold.OpUpdate || ep.Op == scaffold.OpDelete)
	if ep.ParentE != nil {
		p.Nested = true
		ep.ParentE.Stored = true
		p.Uses["get"] = true
		p.Uses["fromPath"] = p.Uses["fromPath"] || ep.Op == scaffold.OpCreate || ep.Op == scaffold.OpUpdate
	}
	for _, n := range ep.Needs {
		n.Seed = true
	}
	switch ep.Op {
	case scaffold.OpCreate:
		e.HasInput, e.Decoded = true, true
	case scaffold.OpUpdate:
		e.HasInput, e.Decoded, e.Seed = true, true, true
	case scaffold.OpAction:
		p.HasAction = true
		e.Seed = true
	case scaffold.OpExport:
		p.HasExport = true
		e.Export, e.Seed = true, true
	default: // get, list, delete
		e.Seed = true
	}
}

func (p *project) newEndpoint(ep scaffold.Endpoint, pkg namer) *endpoint {
	e := p.Entities[ep.Entity]
	v := &endpoint{Endpoint: ep, E: e, Pattern: scaffold.MuxPattern(ep.Method, ep.Path),
		Handler: pkg.take("handle" + ep.TestName), HasID: ep.ID != ""}
	if ep.Parent != nil {
		v.ParentE, v.ParentField = p.Entities[ep.Parent.Entity], e.field(ep.Parent.Field)
	}
	for _, n := range ep.Needs {
		v.Needs = append(v.Needs, p.Entities[n])
	}
	if ep.Effect != nil {
		v.EffectField = e.field(ep.Effect.Field)
		for _, c := range v.EffectField.Values {
			if c.Value == ep.Effect.Value {
				v.EffectConst = c.Const
			}
		}
	}
	return v
}
