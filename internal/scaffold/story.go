package scaffold

import (
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
)

// What a prototype's tests need: the items each endpoint's test stores
// first, and a test per story that walks through its endpoints and, where
// its criteria state an error path, sends what it must refuse.

// addNeeds gives each endpoint the entities its test stores an item of
// first: the parent a nested create, list or export checks, and the
// entities a create's or update's sample body refers to.
func (p *planner) addNeeds() {
	for i := range p.api.Endpoints {
		ep := &p.api.Endpoints[i]
		ep.Needs = nil
		if ep.Parent != nil && (ep.Op == OpCreate || ep.Op == OpList || ep.Op == OpExport) {
			ep.Needs = append(ep.Needs, ep.Parent.Entity)
		}
		if ep.Op != OpCreate && ep.Op != OpUpdate {
			continue
		}
		for _, f := range p.api.Entities[ep.Entity].Fields {
			if f.Type == TypeReference && !f.Managed && !slices.Contains(ep.Needs, f.Ref) {
				ep.Needs = append(ep.Needs, f.Ref)
			}
		}
	}
}

// addStories adds a story, with its test, for each story ID the endpoints
// trace: in the stories document's order, then any it does not have in
// the order the endpoints name them.
func (p *planner) addStories(doc *artifact.Stories) {
	var traced []string
	for _, ep := range p.api.Endpoints {
		for _, id := range ep.Stories {
			if !slices.Contains(traced, id) {
				traced = append(traced, id)
			}
		}
	}
	byID := map[string]artifact.Story{}
	var order []string
	if doc != nil {
		for _, s := range doc.Stories {
			id := strings.ToUpper(strings.TrimSpace(s.ID))
			if _, seen := byID[id]; !seen && slices.Contains(traced, id) {
				byID[id] = s
				order = append(order, id)
			}
		}
	}
	for _, id := range traced {
		if !slices.Contains(order, id) {
			order = append(order, id)
		}
	}
	for _, id := range order {
		p.api.Stories = append(p.api.Stories, p.story(id, byID[id]))
	}
}

// story plans the test of one story: its steps, the items they need, and
// the invalid requests its error criteria call for.
func (p *planner) story(id string, s artifact.Story) Story {
	// "US-001" is "StoryUS001".
	name := strings.ToUpper(strings.Join(strings.FieldsFunc(ascii(id), func(r rune) bool { return !isAlnum(r) }), ""))
	st := Story{ID: id, Title: oneLine(s.Title), TestName: p.uniqueTest("Story" + name)}
	made := map[int]bool{}
	for i, ep := range p.api.Endpoints {
		if !slices.Contains(ep.Stories, id) {
			continue
		}
		step := Step{Endpoint: i, Made: made[ep.Entity]}
		switch ep.Op {
		case OpCreate:
			made[ep.Entity] = true
		case OpGet, OpUpdate, OpAction:
			step.Seed = !made[ep.Entity]
			made[ep.Entity] = true
		case OpDelete:
			step.Seed = !made[ep.Entity]
			made[ep.Entity] = false
		}
		st.Steps = append(st.Steps, step)
		for _, n := range ep.Needs {
			if !slices.Contains(st.Needs, n) {
				st.Needs = append(st.Needs, n)
			}
		}
	}
	var said []string
	for _, c := range s.Criteria {
		switch errorPath(c) {
		case pathInvalid:
			st.Errors = append(st.Errors, c.ID)
			said = append(said, criterionText(c))
		case pathAccess:
			st.Unchecked = append(st.Unchecked, c.ID)
		}
	}
	if len(st.Errors) > 0 {
		st.Invalid = p.invalid(st.Steps, strings.Join(said, " "))
	}
	return st
}

// The error paths a criterion may state.
const (
	pathNone    = iota
	pathInvalid // a request refused for what it holds
	pathAccess  // a person refused for who they are
)

// errorPath says which error path a criterion states: an error criterion,
// or one of no kind whose words say something is refused, is about who
// may do it when it says so, else about what was sent.
func errorPath(c artifact.Criterion) int {
	text := " " + strings.Join(words(criterionText(c)), " ") + " "
	has := func(phrases ...string) bool {
		return slices.ContainsFunc(phrases, func(ph string) bool { return strings.Contains(text, " "+ph+" ") })
	}
	if c.Kind != "error" && (c.Kind != "" || !has("reject", "rejects", "rejected", "refuse", "refuses",
		"refused", "invalid", "error", "not accepted")) {
		return pathNone
	}
	if has("not allowed", "permission", "unauthorized", "unauthorised", "forbidden", "sign in", "signed in",
		"log in", "logged in", "not authorized", "not authorised") {
		return pathAccess
	}
	return pathInvalid
}

func criterionText(c artifact.Criterion) string {
	return strings.Join([]string{c.Given, c.When, c.Then, c.Text}, " ")
}

// invalid plans the invalid requests of a story's test: for each create
// or update among its steps, the sample body without a required field (a
// create only), with an enum field given a value it does not list, and
// with a reference to an item that does not exist. The fields are the
// first of their kind the path does not set, those the criteria's text
// names first.
func (p *planner) invalid(steps []Step, said string) []Invalid {
	said = " " + strings.Join(words(said), " ") + " "
	var out []Invalid
	for _, step := range steps {
		ep := p.api.Endpoints[step.Endpoint]
		if ep.Op != OpCreate && ep.Op != OpUpdate {
			continue
		}
		fields := p.api.Entities[ep.Entity].Fields
		pick := func(ok func(Field) bool) int {
			first := -1
			for k, f := range fields {
				if f.Managed || ep.Parent != nil && ep.Parent.Field == k || !ok(f) {
					continue
				}
				if strings.Contains(said, " "+strings.Join(words(f.Name), " ")+" ") {
					return k
				}
				if first < 0 {
					first = k
				}
			}
			return first
		}
		add := func(k int, kind, value string) {
			if k >= 0 {
				out = append(out, Invalid{Endpoint: step.Endpoint, Field: k, Kind: kind, Value: value})
			}
		}
		if ep.Op == OpCreate {
			add(pick(func(f Field) bool { return f.Required }), InvalidMissing, "")
		}
		if k := pick(func(f Field) bool { return f.Type == TypeEnum }); k >= 0 {
			add(k, InvalidEnum, outside(fields[k].Enum))
		}
		add(pick(func(f Field) bool { return f.Type == TypeReference }), InvalidReference, "missing")
	}
	return out
}

// outside returns a value that is none of an enum's.
func outside(values []EnumValue) string {
	v := "not-a-listed-value"
	for slices.ContainsFunc(values, func(e EnumValue) bool { return e.Value == v }) {
		v += "-x"
	}
	return v
}

// Scoped returns what a test checks to see that nested routes keep to
// their parent: for the first entity a nested route serves, its first
// nested list and its first nested endpoint about one item by its ID,
// as indexes into Endpoints, -1 for none; both -1 when no route nests.
func (a *API) Scoped() (int, int) {
	list, item, first := -1, -1, -1
	for i, ep := range a.Endpoints {
		if ep.Parent == nil {
			continue
		}
		if first < 0 {
			first = i
		}
		if f := a.Endpoints[first]; ep.Entity != f.Entity || ep.Parent.Entity != f.Parent.Entity || ep.Parent.Field != f.Parent.Field {
			continue
		}
		switch {
		case list < 0 && ep.Op == OpList:
			list = i
		case item < 0 && ep.ID != "" && (ep.Op == OpGet || ep.Op == OpUpdate || ep.Op == OpDelete || ep.Op == OpAction):
			item = i
		}
	}
	return list, item
}
