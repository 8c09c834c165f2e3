package golang

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// testNames are the names of the generated tests that check no single
// endpoint, numbered should an endpoint's test have taken one.
type testNames struct {
	Invalid     string
	NotFound    string
	WrongMethod string
	Scoped      string
}

// scopedCase is what the test that nested routes keep to their parent
// calls: a list and an endpoint about one item, either nil, nested under
// Parent by the field Ref of E.
type scopedCase struct {
	List, Item *endpoint
	E, Parent  *entity
	Ref        *field
}

// scopedFor returns the scoped case of an API, or nil when no route
// nests.
func (p *project) scopedFor(api *scaffold.API) *scopedCase {
	list, item := api.Scoped()
	if list < 0 && item < 0 {
		return nil
	}
	c := &scopedCase{}
	if list >= 0 {
		c.List = p.Endpoints[list]
	}
	if item >= 0 {
		c.Item = p.Endpoints[item]
	}
	ep := c.List
	if ep == nil {
		ep = c.Item
	}
	c.E, c.Parent, c.Ref = ep.E, ep.ParentE, ep.ParentField
	c.E.Seed, c.Parent.Seed = true, true
	p.Uses["withField"] = true
	return c
}

// invalidCase is the endpoint the invalid-input test targets and the
// bodies it sends.
type invalidCase struct {
	EP           *endpoint
	UnknownField string
	// Bad are bodies that set one field badly: of the wrong type or
	// format, outside its enum, naming an item that does not exist, left
	// out (on a create) or empty.
	Bad []badBody
}

// badBody is a body the invalid-input test sends and what it expects.
type badBody struct {
	Name   string // the subtest's
	Body   string // a Go expression
	Status string // the Go name of the HTTP status
	Code   string
	Field  string // the field the error names, or "" where it may name none
}

// Needs are the entities the invalid-input test stores an item of first.
func (c *invalidCase) Needs() []*entity {
	needs := c.EP.Needs
	if c.EP.Op == scaffold.OpUpdate {
		needs = append(needs[:len(needs):len(needs)], c.EP.E)
	}
	return needs
}

// missingCase is a request about an item that does not exist.
type missingCase struct {
	EP   *endpoint
	Path string
	Body string
}

// request is a method and a path.
type request struct {
	Method string
	Path   string
}

// sampleBodies returns a JSON object setting every input field, and one
// setting each to another value.
func sampleBodies(fields []*field) (string, string) {
	var sample, update []string
	for _, f := range fields {
		sample = append(sample, `"`+f.Snake+`": `+f.SampleJSON)
		update = append(update, `"`+f.Snake+`": `+f.UpdateJSON)
	}
	return "{" + strings.Join(sample, ", ") + "}", "{" + strings.Join(update, ", ") + "}"
}

// withField is the Go expression for the body sample (a constant's name)
// with the field key set to the JSON value, or left out when value is "".
func withField(sample, key, value string) string {
	if value == "" {
		return "withoutField(t, " + sample + ", " + strconv.Quote(key) + ")"
	}
	return "withField(t, " + sample + ", " + strconv.Quote(key) + ", " + value + ")"
}

// invalidFor picks, for each entity that some endpoint decodes a body of,
// the first create of it, else the first update, and the bad bodies to
// send it; in the entities' order.
func invalidFor(entities []*entity, eps []*endpoint) []*invalidCase {
	var cases []*invalidCase
	for _, e := range entities {
		var target *endpoint
		for _, op := range []string{scaffold.OpCreate, scaffold.OpUpdate} {
			for _, ep := range eps {
				if ep.E == e && ep.Op == op && target == nil {
					target = ep
				}
			}
		}
		if target != nil {
			cases = append(cases, invalidCaseFor(target))
		}
	}
	return cases
}

// invalidCaseFor lists the bad bodies to send an endpoint.
func invalidCaseFor(target *endpoint) *invalidCase {
	c := &invalidCase{EP: target, UnknownField: unknownField(target.E.Fields)}
	sample := target.E.SampleConst
	for _, f := range target.E.Inputs {
		if target.ParentField == f {
			continue // the path sets it
		}
		named := func(code string) badBody {
			// Where the JSON decoder refuses a value of the wrong type, no
			// field may be named (a timestamp's parse error names none).
			b := badBody{Status: "http.StatusBadRequest", Code: code, Field: f.Snake}
			return b
		}
		for _, w := range f.Wrong() {
			b := named("invalid_field")
			b.Name, b.Body = f.Snake+" = "+jsonValue(w), withField(sample, f.Snake, jsonValue(w))
			if _, isString := w.(string); f.Check() == "" || !isString {
				b.Field = ""
			}
			c.Bad = append(c.Bad, b)
		}
		if f.Type == scaffold.TypeEnum {
			b := named("invalid_value")
			v := jsonValue(outside(f))
			b.Name, b.Body = f.Snake+" = "+v, withField(sample, f.Snake, v)
			c.Bad = append(c.Bad, b)
		}
		if f.Target != nil {
			b := named("unknown_reference")
			b.Name, b.Body, b.Status = f.Snake+" names no item", withField(sample, f.Snake, `"missing"`), "http.StatusUnprocessableEntity"
			c.Bad = append(c.Bad, b)
		}
		if f.Required && target.Op == scaffold.OpCreate {
			b := named("missing_field")
			b.Name, b.Body = "missing "+f.Snake, withField(sample, f.Snake, "")
			c.Bad = append(c.Bad, b)
		}
		if f.Required && f.Text() {
			b := named("missing_field")
			b.Name, b.Body = "empty "+f.Snake, withField(sample, f.Snake, `""`)
			c.Bad = append(c.Bad, b)
		}
	}
	return c
}

// outside is a value none of an enum field's values is.
func outside(f *field) string {
	v := "not-a-listed-value"
	for taken := true; taken; {
		taken = false
		for _, c := range f.Values {
			if c.Value == v {
				v += "-x"
				taken = true
			}
		}
	}
	return v
}

// Fields says some bad body's error names its field.
func (c *invalidCase) Fields() bool {
	for _, b := range c.Bad {
		if b.Field != "" {
			return true
		}
	}
	return false
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

// missingFor returns a request to the first item endpoint about an ID no
// item has, checked to reach that endpoint's route and not a literal one
// ("GET /notes/missing"), or nil when there is none.
func missingFor(mux *http.ServeMux, eps []*endpoint) *missingCase {
	for _, ep := range eps {
		if !ep.HasID {
			continue
		}
		for _, id := range []string{"missing", "0", "no-such-id", "999999"} {
			path := fill(ep.Path, id)
			if routed(mux, ep.Method, path) != ep.Pattern {
				continue
			}
			c := &missingCase{EP: ep, Path: path}
			if ep.Op == scaffold.OpUpdate {
				c.Body = "{}"
			}
			return c
		}
	}
	return nil
}

// story is a story's test: its steps and the invalid requests it sends.
type story struct {
	scaffold.Story
	Steps   []step
	Needs   []*entity
	Invalid []invalidRequest
	// UsesIDs says a step keeps the ID of the item it made or acted on.
	UsesIDs bool
}

// step is one endpoint a story's test calls.
type step struct {
	scaffold.Step
	EP *endpoint
}

// invalidRequest is a request a story's test expects refused.
type invalidRequest struct {
	scaffold.Invalid
	EP     *endpoint
	Field  *field
	Body   string // a Go expression
	Status string // the Go name of the HTTP status
	Code   string
}

func (p *project) newStory(s scaffold.Story) *story {
	v := &story{Story: s}
	for _, st := range s.Steps {
		ep := p.Endpoints[st.Endpoint]
		v.Steps = append(v.Steps, step{Step: st, EP: ep})
		v.UsesIDs = v.UsesIDs || st.Seed || st.Made || ep.Op == scaffold.OpCreate
		switch ep.Op {
		case scaffold.OpCreate:
			p.Uses["itemID"], p.Uses["decodeItem"] = true, true
		case scaffold.OpGet:
			p.Uses["itemID"], p.Uses["decodeItem"] = true, true
		case scaffold.OpList:
			p.Uses["assertListed"] = p.Uses["assertListed"] || st.Made
		case scaffold.OpAction:
			p.Uses["decodeItem"] = p.Uses["decodeItem"] || ep.EffectConst == ""
		}
		if st.Seed {
			ep.E.Seed = true
		}
	}
	for _, n := range s.Needs {
		v.Needs = append(v.Needs, p.Entities[n])
		p.Entities[n].Seed = true
	}
	for _, in := range s.Invalid {
		ep := p.Endpoints[in.Endpoint]
		f := ep.E.field(in.Field)
		r := invalidRequest{Invalid: in, EP: ep, Field: f, Status: "http.StatusBadRequest"}
		r.Body = withField(ep.E.SampleConst, f.Snake, jsonValue(in.Value))
		switch in.Kind {
		case scaffold.InvalidMissing:
			r.Code, r.Body = "missing_field", withField(ep.E.SampleConst, f.Snake, "")
		case scaffold.InvalidEnum:
			r.Code = "invalid_value"
		default:
			r.Code, r.Status = "unknown_reference", "http.StatusUnprocessableEntity"
		}
		p.Uses["withField"] = true
		if ep.Op == scaffold.OpUpdate {
			ep.E.Seed = true
		}
		p.Uses["assertFieldError"] = true
		v.Invalid = append(v.Invalid, r)
	}
	return v
}

// storyTarget is the Go expression for the path a story's step sends its
// request to: the item the story made or stored for its ID, "1" for every
// other parameter.
func storyTarget(s step) string {
	return targetWith(s.EP, "ids["+strconv.Quote(s.EP.E.Snake)+"]")
}

// invalidTarget is the Go expression for the path of an invalid request:
// an update's is a new item's, stored for it.
func invalidTarget(r invalidRequest) string {
	if r.EP.Op == scaffold.OpUpdate && r.EP.HasID {
		return targetWith(r.EP, r.EP.E.SeedFunc+"(t, h)")
	}
	return target(r.EP, "1")
}

// effectJSON is the JSON object an action's answer has when it sets an
// enum: {"status": "withdrawn"}.
func effectJSON(ep *endpoint) string {
	return fmt.Sprintf(`{%q: %s}`, ep.EffectField.Snake, jsonValue(ep.Effect.Value))
}
