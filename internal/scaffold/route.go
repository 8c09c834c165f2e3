package scaffold

// Route reading: a spec's endpoint path in the one form every generator
// serves, and the shape Plan binds to an entity and an operation.

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Segment is one segment of an endpoint's path: a literal as written, or
// a parameter's name.
type Segment struct {
	Text  string
	Param bool
}

// Segments splits a path in the form Plan gives it ("/invoices/{id}/void")
// into its segments; "/" has none.
func Segments(path string) []Segment {
	var segs []Segment
	for _, s := range strings.Split(path, "/") {
		switch {
		case s == "":
		case len(s) > 2 && s[0] == '{' && s[len(s)-1] == '}':
			segs = append(segs, Segment{Text: s[1 : len(s)-1], Param: true})
		default:
			segs = append(segs, Segment{Text: s})
		}
	}
	return segs
}

// Params are the names of a path's parameters, in order.
func Params(path string) []string {
	var names []string
	for _, s := range Segments(path) {
		if s.Param {
			names = append(names, s.Text)
		}
	}
	return names
}

// joinPath writes segments as a path: "/" and the segments, parameters in
// braces.
func joinPath(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteByte('/')
		if s.Param {
			b.WriteString("{" + s.Text + "}")
		} else {
			b.WriteString(s.Text)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// EndpointError says why an endpoint of the spec cannot be served as the
// spec writes it. Plan refuses such a spec rather than serve another path.
type EndpointError struct {
	Method, Path string
	Reason       string
}

// Error names the endpoint as the spec writes it and the reason.
func (e *EndpointError) Error() string {
	return fmt.Sprintf("endpoint %s %s: %s", e.Method, e.Path, e.Reason)
}

// literalChars are the characters a literal path segment may have: those
// a URL path carries as they are (RFC 3986 unreserved, and a few
// sub-delimiters that no HTTP client or router of the generators treats
// specially).
const literalChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:@+,;=!"

// readPath reads a spec's path into segments, in the form every prototype
// serves it: without query or fragment, without empty segments (so
// without a trailing slash), and each parameter, in any spelling ("{id}",
// ":id", "<int:id>", "[id]", "*"), as a name in braces. A name is kept as
// written when it is an identifier, and made one otherwise; a name the
// path has already gets a number. It fails, with the reason, on a path
// no prototype can serve as written: a segment mixing text and a
// parameter, a dot segment, or characters a URL path would escape.
func readPath(p string) ([]Segment, string) {
	p, _, _ = strings.Cut(p, "?")
	p, _, _ = strings.Cut(p, "#")
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, "the path is empty"
	}
	var segs []Segment
	names := map[string]bool{}
	for _, s := range strings.Split(p, "/") {
		switch {
		case s == "":
			continue
		case isParam(s):
			name := paramName(s)
			unique := name
			for n := 2; names[unique]; n++ {
				unique = fmt.Sprintf("%s%d", name, n)
			}
			names[unique] = true
			segs = append(segs, Segment{Text: unique, Param: true})
			continue
		case s == "." || s == "..":
			return nil, fmt.Sprintf("segment %q is a dot segment, which clients remove before they send a request", s)
		case strings.ContainsAny(s, "{}<>[]*"):
			return nil, fmt.Sprintf("segment %q mixes text and a parameter; a parameter must be a whole segment, such as {id}", s)
		}
		if i := strings.IndexFunc(s, func(r rune) bool { return !strings.ContainsRune(literalChars, r) }); i >= 0 {
			return nil, fmt.Sprintf("segment %q has %q; a path segment may have letters, digits and %s", s, []rune(s[i:])[0], "- . _ ~ : @ + , ; = !")
		}
		segs = append(segs, Segment{Text: s})
	}
	return segs, ""
}

// isParam says a path segment is a parameter: "{id}", ":id", "<id>",
// "[id]" or "*".
func isParam(s string) bool {
	n := len(s)
	return s == "*" || strings.HasPrefix(s, ":") && n > 1 ||
		n > 1 && (s[0] == '{' && s[n-1] == '}' || s[0] == '<' && s[n-1] == '>' || s[0] == '[' && s[n-1] == ']')
}

// paramName is the name of a parameter segment as an identifier:
// "{invoiceId}" is "invoiceId", "<int:id>" and "{id:[0-9]+}" are "id",
// "[...slug]" and "{path...}" are "slug" and "path", "{invoice-id}" is
// "invoiceID", "*" is "param".
func paramName(s string) string {
	if strings.HasPrefix(s, ":") {
		s = s[1:]
	} else if s != "*" {
		s = s[1 : len(s)-1]
	}
	if before, after, ok := strings.Cut(s, ":"); ok {
		if after == "" || strings.ContainsAny(after, "[]()\\+*?^$|") {
			s = before // {id:[0-9]+}: a pattern follows the name
		} else {
			s = after // <int:id>: a converter comes before it
		}
	}
	s = strings.Trim(s, ".")
	switch {
	case isIdentifier(s):
		return s
	case words(s) == nil:
		return "param"
	}
	return newIdent(s, "param").Camel
}

// isIdentifier says s is an ASCII identifier: a letter or underscore, then
// letters, digits and underscores.
func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || r < 128 && isAlnum(r) && (i > 0 || !isDigit(byte(r)))) {
			return false
		}
	}
	return s != ""
}

// shapeKey is the key of a route: its method and its path with the
// parameters' names left out, since two routes that differ only there
// serve the same requests.
func shapeKey(method string, segs []Segment) string {
	var b strings.Builder
	b.WriteString(method + " ")
	for _, s := range segs {
		if s.Param {
			b.WriteString("/{}")
		} else {
			b.WriteString("/" + s.Text)
		}
	}
	return b.String()
}

// MuxPattern is the http.ServeMux pattern that serves exactly a path in
// the form Plan gives it: "/" alone is "/{$}", since "/" matches every
// path.
func MuxPattern(method, path string) string {
	if path == "/" {
		path = "/{$}"
	}
	return method + " " + path
}

// routeMux registers routes with a real http.ServeMux, whose rules on
// which route serves a request are the strictest of the generators': two
// routes that match the same request with neither more specific than the
// other conflict.
type routeMux struct {
	mux    *http.ServeMux
	routes [][3]string // method, path and the path as the spec writes it
}

func newRouteMux() *routeMux { return &routeMux{mux: http.NewServeMux()} }

// add registers a route, or says which route it conflicts with.
func (m *routeMux) add(method, path, spelled string) string {
	if register(m.mux, MuxPattern(method, path)) {
		m.routes = append(m.routes, [3]string{method, path, spelled})
		return ""
	}
	for _, r := range m.routes {
		pair := http.NewServeMux()
		if r[0] == method && register(pair, MuxPattern(r[0], r[1])) && !register(pair, MuxPattern(method, path)) {
			return fmt.Sprintf("it matches the same requests as %s %s, and neither is more specific", r[0], r[2])
		}
	}
	return "it matches the same requests as another endpoint"
}

// register registers pattern with mux and reports whether the mux took
// it: it panics on a pattern that conflicts with one it has. The named
// result is how a deferred recover hands that back.
func register(mux *http.ServeMux, pattern string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	mux.HandleFunc(pattern, func(http.ResponseWriter, *http.Request) {})
	return true
}

// route is an endpoint's path reduced to what Plan binds: the collection
// segment that names the entity, the parameter that names the item, and
// the literal segments after them.
type route struct {
	coll string   // the collection segment in kebab case; "" for none
	id   string   // the parameter naming the item, "" for none
	rest []string // the literal segments after it, in kebab case; see literal
	// parent and parentID are, for a nested collection, the collection
	// before it and the parameter naming its item.
	parent, parentID string
}

// bind reduces a path to its route. An "api" or version ("v1") prefix and
// leading parameters ("/{tenant}/invoices") are skipped; the first segment
// left is the collection and a parameter right after it the item. After
// an item, a segment that names a known entity, or that a parameter
// follows, is a nested collection ("/invoices/{id}/line-items/{lineId}"
// is a line item), under its parent: the collection and parameter
// before it.
func (p *planner) bind(segs []Segment) route {
	for len(segs) > 0 && (segs[0].Param || len(segs) > 1 && isPrefix(literal(segs[0].Text))) {
		segs = segs[1:]
	}
	var r route
	for len(segs) > 0 {
		prev := r
		r = route{coll: collKey(segs[0].Text)}
		if prev.coll != "" {
			r.parent, r.parentID = prev.coll, prev.id
		}
		segs = segs[1:]
		if len(segs) > 0 && segs[0].Param {
			r.id, segs = segs[0].Text, segs[1:]
		}
		if r.id == "" || len(segs) == 0 || !(len(segs) > 1 && segs[1].Param || p.hasEntity(collKey(segs[0].Text))) {
			break
		}
	}
	for _, s := range segs {
		if k := literal(s.Text); !s.Param && k != "" {
			r.rest = append(r.rest, k)
		}
	}
	return r
}

// collKey is a segment as a collection's name: kebab case, dots as
// hyphens ("line.items" is "line-items").
func collKey(s string) string { return strings.ReplaceAll(literal(s), ".", "-") }

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

// isPrefix says a first segment only places the API ("api", "v2").
func isPrefix(s string) bool {
	if s == "api" || s == "rest" {
		return true
	}
	return len(s) > 1 && s[0] == 'v' && strings.Trim(s[1:], "0123456789") == ""
}

// classify gives the operation for a method on a route; see Plan.
func classify(method string, r route) string {
	switch {
	case r.id == "":
		switch method {
		case "POST":
			return OpCreate
		case "GET":
			if slices.ContainsFunc(r.rest, func(s string) bool {
				return slices.ContainsFunc(segWords(s), func(w string) bool { return w == "export" || w == "csv" })
			}) {
				return OpExport
			}
			return OpList
		case "DELETE":
			return OpDelete
		}
		return OpUpdate
	case method == "GET":
		return OpGet
	case method == "DELETE":
		return OpDelete
	case len(r.rest) == 0:
		return OpUpdate
	}
	return OpAction
}
