package golang

import (
	"net/http"
	"strings"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// testNames are the names of the generated tests that check no single
// endpoint, numbered should an endpoint's test have taken one.
type testNames struct {
	Invalid     string
	NotFound    string
	WrongMethod string
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
		if f.Input {
			sample = append(sample, `"`+f.Snake+`": `+f.SampleJSON)
			update = append(update, `"`+f.Snake+`": `+f.UpdateJSON)
		}
	}
	return "{" + strings.Join(sample, ", ") + "}", "{" + strings.Join(update, ", ") + "}"
}

// invalidFor picks the endpoint that takes a body, the first create or
// else the first update, and the bad bodies to send it.
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
