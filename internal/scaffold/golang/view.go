package golang

import (
	"encoding/json"
	"path"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// project is what the templates render: the API plus everything the
// generated code needs that the language-neutral plan leaves open.
type project struct {
	Title  string
	Slug   string
	Module string
	// Entities are in the plan's order; Endpoints too.
	Entities  []*entity
	Endpoints []*endpoint

	HasAction bool // some endpoint records an action (api.go needs time)
	HasExport bool // some endpoint exports CSV
	// HasOp says which ops the API has, by name.
	HasOp map[string]bool
	// ModelStrconv says model.go formats numbers or booleans for CSV.
	ModelStrconv bool
	// Uses says which helpers the generated code calls, so that it holds
	// nothing unused: the keys of opUses' values, plus store, required and
	// latest.
	Uses map[string]bool

	// Tests names the tests that are not an endpoint's; the bodies, paths
	// and requests they send are in the fields after it.
	Tests       testNames
	Invalid     *invalidCase
	UnknownPath string // a path no route matches, or ""
	Missing     *missingCase
	WrongMethod *request

	// Example is the README's curl request, or nil; Actions are the
	// action endpoints, for the README's table of statuses.
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
	// Status is what an action sets the item's status to, and StatusJSON
	// the JSON object that says so.
	Status     string
	StatusJSON string
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
	p := &project{Title: api.Title, Slug: api.Slug, Module: modulePath(api.Slug),
		Uses: map[string]bool{"store": false, "required": false, "latest": false}}
	p.HasOp = map[string]bool{}
	for op, uses := range opUses {
		p.HasOp[op] = false
		for _, u := range uses {
			p.Uses[u] = false
		}
	}
	pkg := packageNamer(api)
	for _, e := range api.Entities {
		p.Entities = append(p.Entities, newEntity(e, pkg))
	}
	for _, ep := range api.Endpoints {
		p.Endpoints = append(p.Endpoints, newEndpoint(ep, p.Entities[ep.Entity], pkg))
	}
	for _, ep := range p.Endpoints {
		p.note(ep)
	}
	for _, e := range p.Entities {
		e.HasInput = e.HasInput || e.Seed
		p.ModelStrconv = p.ModelStrconv || e.Export && e.needsStrconv()
		e.Sample, e.Update = sampleBodies(e.Fields)
		for _, f := range e.Fields {
			p.Uses["required"] = p.Uses["required"] || e.Decoded && f.Input && f.Required
		}
	}
	p.Tests = testNames{
		Invalid:     pkg.take("TestRejectsInvalidInput"),
		NotFound:    pkg.take("TestUnknownRouteIsNotFound"),
		WrongMethod: pkg.take("TestWrongMethodIsNotAllowed"),
	}
	p.Invalid = invalidFor(p.Endpoints)
	if p.Invalid != nil && p.Invalid.EP.Op == scaffold.OpCreate {
		p.Uses["list"] = true // the test checks nothing was stored
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
	return p, nil
}

// note records what an endpoint asks of its entity and of the project.
func (p *project) note(ep *endpoint) {
	e := ep.E
	e.Used = true
	p.HasOp[ep.Op] = true
	p.Uses["store"] = true
	for _, use := range opUses[ep.Op] {
		p.Uses[use] = true
	}
	p.Uses["latest"] = p.Uses["latest"] || !ep.HasID && (ep.Op == scaffold.OpUpdate || ep.Op == scaffold.OpDelete)
	switch ep.Op {
	case scaffold.OpCreate:
		e.HasInput, e.Decoded = true, true
		if e.Create == nil {
			e.Create = ep
		}
	case scaffold.OpUpdate:
		e.HasInput, e.Decoded, e.Seed = true, true, true
	case scaffold.OpAction:
		p.HasAction = true
		e.Seed = true
		e.addStatus()
	case scaffold.OpExport:
		p.HasExport = true
		e.Export, e.Seed = true, true
	default: // get, list, delete
		e.Seed = true
	}
}

func newEndpoint(ep scaffold.Endpoint, e *entity, pkg namer) *endpoint {
	v := &endpoint{Endpoint: ep, E: e, Pattern: scaffold.MuxPattern(ep.Method, ep.Path),
		Handler: pkg.take("handle" + ep.TestName), HasID: ep.ID != ""}
	if ep.Op == scaffold.OpAction {
		action := ep.Action
		if action == "" {
			action = path.Base(ep.Path)
		}
		v.Status = pastParticiple(action)
		// Marshaling a string cannot fail.
		b, _ := json.Marshal(v.Status)
		v.StatusJSON = `{"status": ` + string(b) + `}`
	}
	return v
}
