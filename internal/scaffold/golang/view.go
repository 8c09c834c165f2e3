package golang

import (
	"encoding/json"
	"path"
	"strings"

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
	// Uses says which helpers the generated code calls, so that it holds
	// nothing unused: store, get, list, update, delete, decode, notFound,
	// required and assertFields.
	Uses map[string]bool
	// ModelStrconv says model.go formats numbers or booleans for CSV.
	ModelStrconv bool

	// Invalid is the endpoint the invalid-input test sends bad bodies to:
	// the first create endpoint, else the first update, else nil.
	Invalid *invalidCase
	// UnknownPath is a path no route matches, for the 404 test.
	UnknownPath string
	// Missing is an item endpoint asked for an ID that does not exist.
	Missing *endpoint
	// WrongMethod is a request the mux answers with 405, or nil.
	WrongMethod *wrongMethod

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

// entity is a stored resource and the code the templates emit for it.
type entity struct {
	scaffold.Entity
	// Fields are the spec's fields, plus status when an action needs it.
	Fields []*field
	// Store names the server's store field ("queueEntryStore").
	Store string
	// Used says an endpoint serves the entity, so the server keeps a store.
	Used bool
	// Input says the code needs the <Pascal>Input body type: a create or
	// update endpoint decodes it, or a test seeds the store with it.
	Input bool
	// Decoded says a create or update endpoint decodes and validates the
	// input; an entity only tests seed has no use for validate.
	Decoded bool
	// Export says csvHeader and csvRow are needed.
	Export bool
	// Seed says tests need a stored item; Create is the endpoint that
	// makes one over HTTP, or nil when the test writes to the store.
	Seed   bool
	Create *endpoint
	// Sample and Update are JSON bodies with every input field set, to
	// create an item and then to change every field.
	Sample string
	Update string
	// StatusPascal names the status field actions set, once one needs it.
	StatusPascal string
}

// field is one attribute of an entity.
type field struct {
	scaffold.Field
	GoType string
	// Input is false for a status the generator added: only actions set it.
	Input bool
	// CSV is the Go expression that formats the field of item v for CSV.
	CSV string
	// SampleJSON and UpdateJSON are JSON values for the samples.
	SampleJSON string
	UpdateJSON string
}

// endpoint is one route and its handler.
type endpoint struct {
	scaffold.Endpoint
	E *entity
	// Pattern is the http.ServeMux pattern ("POST /queue-entries").
	Pattern string
	// HasID says Path holds {id}; Before and After are the path around it.
	HasID  bool
	Before string
	After  string
	// Status is what an action sets the item's status to, and StatusJSON
	// the JSON object that says so.
	Status     string
	StatusJSON string
}

// invalidCase is the endpoint the invalid-input test targets and the
// bodies it sends.
type invalidCase struct {
	EP           *endpoint
	UnknownField string
	// WrongType is a body with a field of the wrong JSON type, or "".
	WrongType string
	// MissingField and MissingBody: a create body without one required
	// field, or "" when none is required or the target is an update.
	MissingField string
	MissingBody  string
	// EmptyBody sets a required string to "", or "".
	EmptyBody string
}

// wrongMethod is a request to a known path with a method it does not serve.
type wrongMethod struct {
	Method string
	Path   string
}

// goTypes maps the plan's field types to Go types.
var goTypes = map[string]string{
	"string":    "string",
	"integer":   "int64",
	"number":    "float64",
	"boolean":   "bool",
	"timestamp": "time.Time",
}

// newProject derives the templates' data from a checked API.
func newProject(api *scaffold.API) (*project, error) {
	mux, err := newMux(api.Endpoints)
	if err != nil {
		return nil, err
	}
	p := &project{Title: api.Title, Slug: api.Slug, Module: modulePath(api.Slug), Uses: map[string]bool{}}
	for _, k := range []string{"store", "get", "list", "update", "delete", "decode", "notFound", "required", "assertFields"} {
		p.Uses[k] = false
	}
	for _, e := range api.Entities {
		p.Entities = append(p.Entities, newEntity(e))
	}
	for _, ep := range api.Endpoints {
		p.Endpoints = append(p.Endpoints, newEndpoint(ep, p.Entities[ep.Entity]))
	}
	for _, ep := range p.Endpoints {
		p.note(ep)
	}
	for _, e := range p.Entities {
		e.Input = e.Input || e.Seed
		if e.Export {
			p.ModelStrconv = p.ModelStrconv || e.needsStrconv()
		}
		e.Sample, e.Update = sampleBodies(e.Fields)
		for _, f := range e.Fields {
			p.Uses["required"] = p.Uses["required"] || e.Decoded && f.Input && f.Required
		}
	}
	p.Invalid = invalidFor(p.Endpoints)
	if p.Invalid != nil && p.Invalid.EP.Op == scaffold.OpCreate {
		p.Uses["list"] = true // the test checks nothing was stored
	}
	for _, ep := range p.Endpoints {
		if ep.HasID && p.Missing == nil {
			p.Missing = ep
		}
		if ep.Op == scaffold.OpCreate && p.Example == nil {
			p.Example = &example{EP: ep, Path: strings.ReplaceAll(ep.Path, "{id}", "1"), Body: ep.E.Sample}
		}
		if ep.Op == scaffold.OpAction {
			p.Actions = append(p.Actions, ep)
		}
	}
	p.UnknownPath = unknownPath(mux)
	p.WrongMethod = findWrongMethod(mux, p.Endpoints)
	return p, nil
}

// note records what an endpoint asks of its entity and of the project.
func (p *project) note(ep *endpoint) {
	e := ep.E
	e.Used = true
	p.Uses["store"] = true
	for _, use := range opUses[ep.Op] {
		p.Uses[use] = true
	}
	switch ep.Op {
	case scaffold.OpCreate:
		e.Input = true
		e.Decoded = true
		if e.Create == nil {
			e.Create = ep
		}
	case scaffold.OpUpdate:
		e.Input = true
		e.Decoded = true
		e.Seed = true
	case scaffold.OpAction:
		p.HasAction = true
		e.Seed = true
		addStatus(e)
	case scaffold.OpExport:
		p.HasExport = true
		e.Export = true
		e.Seed = true
	default: // get, list, delete
		e.Seed = true
	}
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

func newEntity(e scaffold.Entity) *entity {
	v := &entity{Entity: e, Store: e.Camel + "Store"}
	for _, f := range e.Fields {
		v.Fields = append(v.Fields, newField(f, true))
	}
	return v
}

func newField(f scaffold.Field, input bool) *field {
	v := &field{Field: f, GoType: goTypes[f.Type], Input: input}
	sel := "v." + f.Pascal
	switch f.Type {
	case "integer":
		v.CSV = "strconv.FormatInt(" + sel + ", 10)"
		v.SampleJSON, v.UpdateJSON = "42", "43"
	case "number":
		v.CSV = "strconv.FormatFloat(" + sel + ", 'g', -1, 64)"
		v.SampleJSON, v.UpdateJSON = "1.5", "2.5"
	case "boolean":
		v.CSV = "strconv.FormatBool(" + sel + ")"
		v.SampleJSON, v.UpdateJSON = "true", "false"
	case "timestamp":
		v.CSV = "formatTime(" + sel + ")"
		v.SampleJSON, v.UpdateJSON = `"2024-01-02T03:04:05Z"`, `"2024-02-03T04:05:06Z"`
	default:
		v.CSV = sel
		v.SampleJSON, v.UpdateJSON = `"`+f.Snake+` 1"`, `"`+f.Snake+` 2"`
	}
	return v
}

// addStatus gives an entity with actions a string status field, once. A
// status field the spec gave another type becomes a string, since actions
// write words to it.
func addStatus(e *entity) {
	for _, f := range e.Fields {
		if f.Snake == "status" {
			if f.Type != "string" {
				spec := f.Field
				spec.Type = "string"
				*f = *newField(spec, f.Input)
			}
			e.StatusPascal = f.Pascal
			return
		}
	}
	e.Fields = append(e.Fields, newField(scaffold.Field{Name: "status", Pascal: "Status", Camel: "status",
		Snake: "status", Type: "string"}, false))
	e.StatusPascal = "Status"
}

func (e *entity) needsStrconv() bool {
	for _, f := range e.Fields {
		if strings.HasPrefix(f.CSV, "strconv.") {
			return true
		}
	}
	return false
}

func newEndpoint(ep scaffold.Endpoint, e *entity) *endpoint {
	v := &endpoint{Endpoint: ep, E: e, Pattern: ep.Method + " " + ep.Path}
	v.Before, v.After, v.HasID = strings.Cut(ep.Path, "{id}")
	if !v.HasID {
		v.Before = ep.Path
	}
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

// sampleBodies returns a JSON object setting every input field, and one
// setting each to another value.
func sampleBodies(fields []*field) (string, string) {
	var sample, update []string
	for _, f := range fields {
		if f.Input {
			sample = append(sample, `"`+f.Snake+`": `+f.SampleJSON)
			update = append(update, `"`+f.Snake+`": `+f.UpdateJSON)
		}
	}
	return "{" + strings.Join(sample, ", ") + "}", "{" + strings.Join(update, ", ") + "}"
}

// invalidFor picks the endpoint that takes a body and the bad bodies to
// send it.
func invalidFor(eps []*endpoint) *invalidCase {
	var target *endpoint
	for _, op := range []string{scaffold.OpCreate, scaffold.OpUpdate} {
		for _, ep := range eps {
			if ep.Op == op && target == nil {
				target = ep
			}
		}
	}
	if target == nil {
		return nil
	}
	c := &invalidCase{EP: target, UnknownField: unknownField(target.E.Fields)}
	var inputs []*field
	for _, f := range target.E.Fields {
		if f.Input {
			inputs = append(inputs, f)
		}
	}
	if len(inputs) > 0 {
		f := inputs[0]
		wrong := `"wrong type"`
		if f.Type == "string" {
			wrong = "1"
		}
		c.WrongType = `{"` + f.Snake + `": ` + wrong + `}`
	}
	for i, f := range inputs {
		if !f.Required {
			continue
		}
		if c.MissingField == "" && target.Op == scaffold.OpCreate {
			rest := append(append([]*field{}, inputs[:i]...), inputs[i+1:]...)
			c.MissingField = f.Snake
			c.MissingBody, _ = sampleBodies(rest)
		}
		if c.EmptyBody == "" && f.Type == "string" {
			c.EmptyBody = `{"` + f.Snake + `": ""}`
		}
	}
	return c
}

// unknownField returns a JSON key that is none of the fields'.
func unknownField(fields []*field) string {
	name := "unknown_field"
	for taken := true; taken; {
		taken = false
		for _, f := range fields {
			if f.Snake == name {
				name += "_x"
				taken = true
			}
		}
	}
	return name
}
