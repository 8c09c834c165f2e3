// Package golang generates a Go prototype of an API plan: a module with no
// dependencies that serves every endpoint from an in-memory store, with a
// struct per entity and a string type per enum, checks its input (types,
// formats, required fields, enum values, references), answers errors in
// JSON and tests each endpoint and each story, and that builds, vets and
// passes its tests offline.
package golang

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/scaffold"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

// templates are parsed on first use, not in package init, which every
// prodgen command pays for. A parsed template set is safe for concurrent
// execution.
var templates = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"quote":         strconv.Quote,
		"raw":           raw,
		"comment":       oneLine,
		"noun":          noun,
		"article":       article,
		"cell":          func(s string) string { return markdown.EscapeCell(oneLine(s)) },
		"join":          strings.Join,
		"target":        target,
		"targetID":      targetID,
		"storyTarget":   storyTarget,
		"invalidTarget": invalidTarget,
		"effectJSON":    effectJSON,
		"location":      location,
		"wantLocation":  wantLocation,
	}).Option("missingkey=error").ParseFS(templateFS, "templates/*.tmpl"))
})

// outputs pairs each template with the file it renders, in the order
// Generate returns them; a file with a condition is left out when the
// project has nothing to put in it.
var outputs = []struct {
	tmpl, path string
	when       func(*project) bool
}{
	{"go.mod.tmpl", "go.mod", nil},
	{"main.go.tmpl", "main.go", nil},
	{"api.go.tmpl", "api.go", nil},
	{"json.go.tmpl", "json.go", nil},
	{"model.go.tmpl", "model.go", func(p *project) bool { return len(p.Entities) > 0 }},
	{"store.go.tmpl", "store.go", func(p *project) bool { return p.Uses["store"] }},
	{"api_test.go.tmpl", "api_test.go", nil},
	{"routes_test.go.tmpl", "routes_test.go", nil},
	{"README.md.tmpl", "README.md", nil},
	{"gitignore.tmpl", ".gitignore", nil},
}

// Generate renders the Go prototype of api: the files of a module, paths
// relative to the output folder, Go source formatted as gofmt would, and
// routes.json, which its route test holds the server to. The
// same API always gives the same bytes. It fails on an API whose names or
// routes would not make a program that compiles and starts.
func Generate(api *scaffold.API) ([]scaffold.File, error) {
	if err := check(api); err != nil {
		return nil, fmt.Errorf("generate go prototype: %w", err)
	}
	p, err := newProject(api)
	if err != nil {
		return nil, fmt.Errorf("generate go prototype: %w", err)
	}
	files := make([]scaffold.File, 0, len(outputs))
	for _, o := range outputs {
		if o.when != nil && !o.when(p) {
			continue
		}
		var b bytes.Buffer
		if err := templates().ExecuteTemplate(&b, o.tmpl, p); err != nil {
			return nil, fmt.Errorf("render %s: %w", o.path, err)
		}
		content := b.Bytes()
		if strings.HasSuffix(o.path, ".go") {
			if content, err = format.Source(content); err != nil {
				return nil, fmt.Errorf("format %s: %w", o.path, err)
			}
		}
		files = append(files, scaffold.File{Path: o.path, Content: content})
	}
	files = append(files, scaffold.File{Path: scaffold.RoutesFile, Content: scaffold.RoutesJSON(api)})
	return files, nil
}

// raw quotes s as a Go raw string, which reads better for JSON, unless it
// holds a backquote.
func raw(s string) string {
	if strings.Contains(s, "`") || strings.Contains(s, "\r") {
		return strconv.Quote(s)
	}
	return "`" + s + "`"
}

// fill is a path with every parameter set to value.
func fill(path, value string) string {
	var b strings.Builder
	for _, seg := range scaffold.Segments(path) {
		b.WriteString("/")
		if seg.Param {
			b.WriteString(value)
		} else {
			b.WriteString(seg.Text)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

// target is the quoted path of a request to ep with every parameter set
// to value.
func target(ep *endpoint, value string) string { return strconv.Quote(fill(ep.Path, value)) }

// targetID is a Go expression for the path of a request to ep with its
// ID parameter set to the variable id and every other to "1".
func targetID(ep *endpoint) string { return targetWith(ep, "id") }

// targetWith is a Go expression for the path of a request to ep with its
// ID parameter set to the Go expression id and every other to "1": tests
// store the items those name first, whose IDs are "1".
func targetWith(ep *endpoint, id string) string {
	return pathExpr(ep.Path, func(name string) string {
		if name == ep.ID {
			return id
		}
		return `"1"`
	})
}

// location is the Go expression a create's handler sets its Location
// header to: its get endpoint's path, the new item's ID for the get's ID
// and the request's own path values for the other parameters.
func location(ep *endpoint) string {
	return pathExpr(ep.Location, func(name string) string {
		if name == ep.LocationID {
			return "item.ID"
		}
		return "r.PathValue(" + strconv.Quote(name) + ")"
	})
}

// wantLocation is the Go expression a create's test expects its Location
// to be, after a request with every parameter "1" made the item whose ID
// is in the variable id.
func wantLocation(ep *endpoint) string {
	return pathExpr(ep.Location, func(name string) string {
		if name == ep.LocationID {
			return "id"
		}
		return `"1"`
	})
}

// pathExpr writes path as a Go string expression, each parameter replaced
// by the expression expr gives it; string literals next to each other are
// joined: "/notes/" + id + "/pin".
func pathExpr(path string, expr func(name string) string) string {
	var parts []string
	lit := ""
	for _, seg := range scaffold.Segments(path) {
		lit += "/"
		if !seg.Param {
			lit += seg.Text
			continue
		}
		e := expr(seg.Text)
		if s, err := strconv.Unquote(e); err == nil {
			lit += s
			continue
		}
		if lit != "" {
			parts = append(parts, strconv.Quote(lit))
		}
		parts, lit = append(parts, e), ""
	}
	if lit != "" || len(parts) == 0 {
		parts = append(parts, strconv.Quote(cmpOr(lit, "/")))
	}
	return strings.Join(parts, " + ")
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
