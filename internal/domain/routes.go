package domain

import (
	"strings"

	"github.com/prodgen/prodgen/internal/brief"
)

// routes reads a brief's routes: "GET /lists", "| POST | /lists/{id} |",
// kept as written, and the resources they name as given entities.
func (gr *givenReader) routes(lines []string) []Endpoint {
	var out []Endpoint
	seen := map[string]bool{}
	for i, l := range lines {
		if !strings.Contains(l, " /") && !strings.Contains(l, "`/") && !strings.Contains(l, "|/") {
			continue
		}
		m := routeRe().FindStringSubmatch(l)
		if m == nil {
			continue
		}
		ep := Endpoint{Method: m[1], Path: strings.TrimRight(m[2], "."), Lines: []brief.Span{{Start: i + 1, End: i + 1}}}
		if seen[ep.Method+" "+ep.Path] {
			continue
		}
		seen[ep.Method+" "+ep.Path] = true
		ep.Purpose = routePurpose(l, m[0])
		out = append(out, ep)
		gr.resource(ep)
	}
	return out
}

// routePurpose is what a route's line says besides the route: the rest
// of a table row or of a list item.
func routePurpose(line, route string) string {
	rest := strings.Replace(line, route, " ", 1)
	if strings.Contains(rest, "|") {
		var cells []string
		for _, c := range strings.Split(rest, "|") {
			c = strings.TrimSpace(c)
			if c != "" && c != "GET" && c != "POST" && c != "PUT" && c != "PATCH" && c != "DELETE" {
				cells = append(cells, c)
			}
		}
		rest = strings.Join(cells, "; ")
	}
	rest = strings.TrimSpace(rest)
	rest = strings.TrimLeft(rest, "-–—:*` ")
	return strings.TrimSpace(rest)
}

// resource reads the entities a route names: its plain segments, each a
// child of the one before ("/lists/{id}/restaurants"), and the operation
// the route does.
func (gr *givenReader) resource(ep Endpoint) {
	var parent, last *candidate
	lastIsID := false
	var action string
	segs := strings.Split(strings.Trim(ep.Path, "/"), "/")
	for i, s := range segs {
		switch {
		case s == "" || strings.HasPrefix(s, "{") || strings.HasPrefix(s, ":") || strings.HasPrefix(s, "<"):
			lastIsID = true
			continue
		case s == "api" || isVersion(s):
			continue
		}
		if lastIsID && last != nil && i == len(segs)-1 && !isPlural(s) {
			// "/requests/{id}/accept": an action on the resource.
			action = s
			break
		}
		c := gr.note(s, ep.Lines[0].Start)
		if c == nil {
			continue
		}
		if last != nil && lastIsID {
			c.relate(last.name, false, ep.Lines)
		}
		parent, last, lastIsID = last, c, false
	}
	_ = parent
	if last == nil {
		return
	}
	op := Operation{Feature: ep.Method + " " + ep.Path, Lines: ep.Lines}
	switch {
	case action != "":
		op.Kind, op.Name = OpAction, action
	case ep.Method == "GET" && lastIsID:
		op.Kind, op.Name = OpRead, string(OpRead)
	case ep.Method == "GET":
		op.Kind, op.Name = OpList, string(OpList)
		for _, t := range tokenize(ep.Purpose) {
			if t.kind == code {
				op.Filters = append(op.Filters, t.raw)
			}
		}
	case ep.Method == "POST":
		op.Kind, op.Name = OpCreate, string(OpCreate)
	case ep.Method == "PUT" || ep.Method == "PATCH":
		op.Kind, op.Name = OpUpdate, string(OpUpdate)
	case ep.Method == "DELETE":
		op.Kind, op.Name = OpDelete, string(OpDelete)
	}
	last.operate(op)
}

func isVersion(s string) bool {
	return len(s) >= 2 && (s[0] == 'v' || s[0] == 'V') && strings.Trim(s[1:], "0123456789") == ""
}
