// Package golang generates a Go prototype of an API plan: a module with no
// dependencies that serves every endpoint from an in-memory store, checks
// its input, answers errors in JSON and tests each endpoint, and that
// builds, vets and passes its tests offline.
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
		"quote":    strconv.Quote,
		"raw":      raw,
		"comment":  oneLine,
		"noun":     noun,
		"cell":     func(s string) string { return markdown.EscapeCell(oneLine(s)) },
		"join":     strings.Join,
		"target":   target,
		"targetID": targetID,
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
	{"README.md.tmpl", "README.md", nil},
	{"gitignore.tmpl", ".gitignore", nil},
}

// Generate renders the Go prototype of api: the files of a module, paths
// relative to the output folder, Go source formatted as gofmt would. The
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

// target is the quoted path of a request to ep, with {id} standing for id.
func target(ep *endpoint, id string) string {
	return strconv.Quote(strings.ReplaceAll(ep.Path, "{id}", id))
}

// targetID is a Go expression for the path of a request to ep about the
// item whose ID is in the variable id.
func targetID(ep *endpoint) string {
	expr := strconv.Quote(ep.Before) + " + id"
	if ep.After != "" {
		expr += " + " + strconv.Quote(ep.After)
	}
	return expr
}
