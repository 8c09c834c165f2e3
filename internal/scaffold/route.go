package scaffold

// Route parsing: a spec's endpoint path reduced to the shape Plan needs.

import (
	"slices"
	"strings"
)

// route is an endpoint's path reduced to its shape.
type route struct {
	coll string   // the first segment, in kebab case; "" for "/"
	id   bool     // a parameter follows the collection
	rest []string // the literal segments after that; see literal
}

// parseRoute reads a spec's path; see Plan.
func parseRoute(p string) route {
	p, _, _ = strings.Cut(p, "?")
	p, _, _ = strings.Cut(p, "#")
	type seg struct {
		name  string
		param bool
	}
	var segs []seg
	for _, s := range strings.Split(p, "/") {
		s = strings.TrimSpace(s)
		if isParam(s) {
			segs = append(segs, seg{param: true})
		} else if k := literal(s); k != "" {
			segs = append(segs, seg{name: k})
		}
	}
	for len(segs) > 0 && (segs[0].param || len(segs) > 1 && isPrefix(segs[0].name)) {
		segs = segs[1:]
	}
	var r route
	if len(segs) == 0 {
		return r
	}
	r.coll, segs = strings.ReplaceAll(segs[0].name, ".", "-"), segs[1:]
	if len(segs) > 0 && segs[0].param {
		r.id, segs = true, segs[1:]
	}
	for _, s := range segs {
		if !s.param {
			r.rest = append(r.rest, s.name)
		}
	}
	return r
}

// literal puts a path segment in kebab case, keeping its dots:
// "exportCSV" is "export-csv", "daily.csv" stays, ".." is "".
func literal(s string) string {
	var parts []string
	for _, part := range strings.Split(s, ".") {
		if k := strings.Join(words(part), "-"); k != "" {
			parts = append(parts, k)
		}
	}
	return strings.Join(parts, ".")
}

// segWords are the words of a literal segment.
func segWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' })
}

// isParam says a path segment is a parameter: "{id}", ":id", "<id>",
// "[id]" or "*".
func isParam(s string) bool {
	n := len(s)
	return s == "*" || strings.HasPrefix(s, ":") && n > 1 ||
		n > 1 && (s[0] == '{' && s[n-1] == '}' || s[0] == '<' && s[n-1] == '>' || s[0] == '[' && s[n-1] == ']')
}

// isPrefix says a first segment only places the API ("api", "v2").
func isPrefix(s string) bool {
	if s == "api" || s == "rest" {
		return true
	}
	return len(s) > 1 && s[0] == 'v' && strings.Trim(s[1:], "0123456789") == ""
}

// classify gives the operation for a method on a route, and the route it
// is served at; see Plan.
func classify(method string, r route) (string, route) {
	switch {
	case !r.id && len(r.rest) == 0:
		switch method {
		case "POST":
			return OpCreate, r
		case "GET":
			return OpList, r
		}
		r.id = true
		return classify(method, r)
	case !r.id:
		switch method {
		case "GET":
			if slices.ContainsFunc(r.rest, func(s string) bool {
				return slices.ContainsFunc(segWords(s), func(w string) bool { return w == "export" || w == "csv" })
			}) {
				return OpExport, r
			}
			return OpList, r
		case "POST":
			return OpCreate, r
		}
		r.id, r.rest = true, r.rest[1:]
		return classify(method, r)
	case method == "GET":
		return OpGet, r
	case method == "DELETE":
		return OpDelete, r
	case len(r.rest) == 0:
		return OpUpdate, r
	}
	return OpAction, r
}
