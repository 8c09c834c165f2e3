package pyts

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// pathPattern is the regular expression the generated apps build from a
// path: a parameter is one non-empty segment.
func pathPattern(path string) *regexp.Regexp {
	expr := ""
	for _, seg := range scaffold.Segments(path) {
		if seg.Param {
			expr += "/[^/]+"
		} else {
			expr += "/" + regexp.QuoteMeta(seg.Text)
		}
	}
	return regexp.MustCompile("^" + cmpOr(expr, "/") + "$")
}

// fill is a path with every parameter set to value.
func fill(path, value string) string {
	return pathParam().ReplaceAllLiteralString(path, value)
}

var pathParam = lazyRegexp(`\{[^/]*\}`)

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// bodyEndpoints picks the endpoints the validation tests use: for each
// entity that some endpoint takes a body of, its first create, else its
// first update.
func bodyEndpoints(entities []*entity, eps []*endpoint) []*bodyCase {
	var cases []*bodyCase
	for _, e := range entities {
		ep := firstBody(e, eps)
		if ep == nil {
			continue
		}
		bc := &bodyCase{Endpoint: ep, UnknownKey: "unknown_field", MissingTest: ep.Op == scaffold.OpCreate || ep.Replace}
		for _, f := range e.Inputs {
			switch {
			case f == ep.ParentField:
			case f.Required && bc.Required == nil:
				bc.Required = f
			}
			if f.Ref != "" && f != ep.ParentField {
				bc.Refs = append(bc.Refs, f)
			}
			if f.Values != nil {
				bc.Enums = append(bc.Enums, f)
			}
		}
		for slices.ContainsFunc(e.Fields, func(f *field) bool { return f.Key == bc.UnknownKey }) {
			bc.UnknownKey += "_"
		}
		if len(cases) > 0 {
			bc.Index = fmt.Sprint(len(cases) + 1)
		}
		cases = append(cases, bc)
	}
	return cases
}

// firstBody is an entity's first create endpoint, else its first update,
// else nil.
func firstBody(e *entity, eps []*endpoint) *endpoint {
	for _, op := range []string{scaffold.OpCreate, scaffold.OpUpdate} {
		for _, ep := range eps {
			if ep.Entity == e && ep.Op == op {
				return ep
			}
		}
	}
	return nil
}

// Inputs are the fields the wrong-type test sets: those the path does
// not.
func (bc *bodyCase) Inputs() []*field {
	var out []*field
	for _, f := range bc.Endpoint.Entity.Inputs {
		if f != bc.Endpoint.ParentField {
			out = append(out, f)
		}
	}
	return out
}

// wrongMethod finds a method the first endpoint's path is not served with,
// by any route.
func wrongMethod(eps []*endpoint) *methodCase {
	if len(eps) == 0 {
		return nil
	}
	path := fill(eps[0].Path, "1")
	var served []string
	for _, ep := range eps {
		if ep.pattern.MatchString(path) {
			served = append(served, ep.Method)
		}
	}
	for _, m := range []string{"DELETE", "PUT", "PATCH", "POST", "GET"} {
		if !slices.Contains(served, m) {
			return &methodCase{Method: m, Path: path, Served: eps[0].Method}
		}
	}
	return nil
}

// unknownPath gives a path no route matches: {id} matches one segment, so
// adding segments gets past every route.
func unknownPath(eps []*endpoint) string {
	path := "/no-such-route"
	for slices.ContainsFunc(eps, func(ep *endpoint) bool { return ep.pattern.MatchString(path) }) {
		path += "/0"
	}
	return path
}
