package pyts

import (
	"github.com/prodgen/prodgen/internal/scaffold"
)

// story is a story's test: the steps it walks through, the items it
// stores first and the requests it expects refused.
type story struct {
	ID       string
	Title    string
	TestName string
	PyTest   string // "test_story_us001"
	Steps    []step
	Needs    []*entity
	Errors   []string
	Invalid  []invalidRequest
	// Unchecked are the criteria about who may act, which the prototype
	// does not check.
	Unchecked []string
}

// step is one endpoint a story's test calls. Seed says the test stores
// an item of its entity first; Made that an earlier step left one.
type step struct {
	EP   *endpoint
	Seed bool
	Made bool
}

// invalidRequest is a request a story's test expects refused: the sample
// body of EP with Field left out (Missing) or set to Value.
type invalidRequest struct {
	EP      *endpoint
	Field   *field
	Missing bool
	Value   string
	Status  int
	Code    string
}

func (p *project) newStory(s scaffold.Story) *story {
	v := &story{ID: s.ID, Title: s.Title, TestName: s.TestName, PyTest: "test_" + snake(s.TestName),
		Errors: s.Errors, Unchecked: s.Unchecked}
	for _, st := range s.Steps {
		v.Steps = append(v.Steps, step{EP: p.Endpoints[st.Endpoint], Seed: st.Seed, Made: st.Made})
	}
	for _, n := range s.Needs {
		v.Needs = append(v.Needs, p.Entities[n])
	}
	for _, in := range s.Invalid {
		ep := p.Endpoints[in.Endpoint]
		r := invalidRequest{EP: ep, Field: ep.Entity.Fields[in.Field], Value: in.Value, Status: 400}
		switch in.Kind {
		case scaffold.InvalidMissing:
			r.Missing, r.Code = true, "missing_field"
		case scaffold.InvalidEnum:
			r.Code = "invalid_value"
		default:
			r.Status, r.Code = 422, "unknown_reference"
		}
		v.Invalid = append(v.Invalid, r)
	}
	return v
}

// TSTitle is the story's test's title in TypeScript: "US-001: Record an
// application".
func (s *story) TSTitle() string {
	if s.Title == "" {
		return s.ID
	}
	return s.ID + ": " + s.Title
}

// scopedCase is what the test that nested routes keep to their parent
// calls: a list and an endpoint about one item, either nil, nested under
// Parent by the field Ref of E.
type scopedCase struct {
	List, Item *endpoint
	E, Parent  *entity
	Ref        *field
}

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
	c.E, c.Parent, c.Ref = ep.Entity, ep.Parent, ep.ParentField
	return c
}
