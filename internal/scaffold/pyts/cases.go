package pyts

import (
	"regexp"
	"slices"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// samples gives a field a valid value, a second valid value for updates,
// and values validation must reject.
func samples(f *field) (sample, changed any, wrong []any) {
	switch f.Type {
	case "integer":
		return 7, 8, []any{"7", 2.5, true}
	case "number":
		return 2.5, 3.75, []any{"2.5", false}
	case "boolean":
		return true, false, []any{"true", 1}
	case "timestamp":
		// The changed value has a fraction and an offset, which validation
		// must accept too; the wrong ones are free text, a day February
		// does not have, a space for the T, and a Unix time.
		return "2024-05-01T09:30:00Z", "2024-06-01T10:00:00.250+02:00",
			[]any{"yesterday", "2024-02-30T09:30:00Z", "2024-05-01 09:30:00Z", 1714555800}
	}
	name := line(f.Name)
	return "sample " + name, "changed " + name, []any{42, true}
}

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

// bodyEndpoint picks the endpoint the validation tests use: the first
// create, else the first update.
func bodyEndpoint(eps []*endpoint) *bodyCase {
	for _, op := range []string{scaffold.OpCreate, scaffold.OpUpdate} {
		for _, ep := range eps {
			if ep.Op != op {
				continue
			}
			bc := &bodyCase{Endpoint: ep, UnknownKey: "unknown_field", MissingTest: ep.Op == scaffold.OpCreate || ep.Replace}
			for _, f := range ep.Entity.Fields {
				if f.Required && bc.Required == nil {
					bc.Required = f
				}
			}
			for slices.ContainsFunc(ep.Entity.Fields, func(f *field) bool { return f.Key == bc.UnknownKey }) {
				bc.UnknownKey += "_"
			}
			return bc
		}
	}
	return nil
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
