// Package pyts generates prototype API projects in Python and TypeScript
// from a scaffold.API: a standard-library HTTP service with an in-memory
// store, a class (Python) or interface (TypeScript) per entity with its
// typed fields, input validation and JSON errors, a test per endpoint and
// per story named after it and its stories, and routes.json with a test
// that the app serves exactly those routes. The Python project needs only
// Python 3.11; the TypeScript one runs on Node.js 20 or later with
// nothing but its built-in modules and needs typescript and @types/node
// only to compile, which npm test does before it runs the tests.
//
// Both apps behave alike. Routes match method and path, a parameter such
// as {id} being one segment; paths with fewer parameters are tried first,
// so /things/export is not the item "export". An endpoint's ID parameter
// names its item; a nested route's parent parameter names the parent
// whose items it acts on; other parameters only place the route. Items
// are JSON objects: an id the store assigns ("1", "2"... per entity), the
// entity's fields, and created_at and updated_at.
//
//   - create validates the body and answers 201 with the item, and a
//     Location filled from the endpoint's Location path when it has one.
//   - list answers 200 with every item, oldest first.
//   - get answers 200 with the item, or 404.
//   - update with PATCH changes the fields sent, with PUT replaces them all
//     (optional ones left out become null); 200, or 404 before the body is
//     read.
//   - delete answers 204 with no body, or 404.
//   - an update or delete without an ID acts on the latest item, or
//     answers 404 when there is none.
//   - action does what its scaffold.Effect says: sets an enum to a value,
//     or records the time in a timestamp only actions set; 200 with the
//     item, or 404.
//   - export answers 200 with text/csv: a header row of the item's keys
//     and a row per item.
//   - a nested route checks that its parent exists (create, list, export:
//     404), sets the reference to it from the path (a body naming another
//     gets 400), lists only its items and finds no item of another parent.
//
// Bodies must be JSON objects of at most 1 MiB sent as application/json
// (else 400 or 415; 413 when too large); unknown keys and keys the server
// sets are rejected; required fields must be present on create and PUT and
// never null or blank; values must have their field's type and format
// (dates, RFC 3339 timestamps, http URLs, emails, UUIDs), an enum's one of
// its values; a reference must name an item that exists (else 422). Errors
// are {"error": {"code", "message", "field"}}, field naming the body's
// field at fault when one is; an unknown path is 404 and a served path
// with another method 405 with Allow.
//
// Python and TypeScript refuse an API whose generated project could not
// build or pass its tests (an unknown op, type or method, a path segment
// that is neither plain nor a parameter named by an identifier, a
// parameter twice, an ID that is not a parameter, a get or action without
// an ID, a Location with a parameter the path cannot fill, two endpoints
// on one route, duplicate names, and what scaffold.API.CheckDomain
// refuses), with an error naming the entity or endpoint at fault.
// Whatever scaffold.Plan produces is accepted.
package pyts

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"text/template"

	"github.com/prodgen/prodgen/internal/scaffold"
)

//go:embed templates
var templates embed.FS

// Versions the TypeScript project pins in its devDependencies. 6.0.3 is
// the newest TypeScript written in JavaScript; 7.0.2, the native port, also
// builds and passes the projects on Node.js 20, but installs a binary per
// platform (gone with npm's --omit=optional, missing from lockfiles made
// on another platform) and has no JavaScript API for tools such as
// typescript-eslint yet. 20.19.43 is the newest @types/node for Node 20.
const (
	TypeScriptVersion = "6.0.3"
	NodeTypesVersion  = "20.19.43"
)

// executable lists the generated files to mark executable.
var executable = map[string]bool{"app.py": true}

// Python returns the files of a Python 3.11 prototype of api: app.py,
// test_app.py, test_routes.py, routes.json, README.md and .gitignore,
// sorted by path.
func Python(api *scaffold.API) ([]scaffold.File, error) {
	return generate(api, "python")
}

// TypeScript returns the files of a Node.js 20 TypeScript prototype of
// api: package.json, tsconfig.json, src/app.ts, src/server.ts,
// src/app.test.ts, src/routes.test.ts, routes.json, README.md and
// .gitignore, sorted by path. npm test compiles it and runs its tests.
func TypeScript(api *scaffold.API) ([]scaffold.File, error) {
	return generate(api, "typescript")
}

func generate(api *scaffold.API, lang string) ([]scaffold.File, error) {
	p, err := newProject(api)
	if err != nil {
		return nil, fmt.Errorf("scaffold %s: %w", lang, err)
	}
	root := path.Join("templates", lang)
	shared, err := template.New("shared").Funcs(funcs).Option("missingkey=error").ParseFS(templates, "templates/shared/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("scaffold %s: parse shared templates: %w", lang, err)
	}
	var files []scaffold.File
	err = fs.WalkDir(templates, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out := strings.TrimSuffix(strings.TrimPrefix(name, root+"/"), ".tmpl")
		if path.Base(out) == "gitignore" {
			// Embedding skips dot files, so the template goes without the dot.
			out = path.Join(path.Dir(out), ".gitignore")
		}
		content, err := render(shared, name, p)
		if err != nil {
			return err
		}
		files = append(files, scaffold.File{Path: out, Content: content, Executable: executable[out]})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("scaffold %s: %w", lang, err)
	}
	files = append(files, scaffold.File{Path: scaffold.RoutesFile, Content: scaffold.RoutesJSON(api)})
	slices.SortFunc(files, func(a, b scaffold.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// render executes the template file name, which may use the shared
// templates, with p.
func render(shared *template.Template, name string, p *project) ([]byte, error) {
	src, err := templates.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read template %q: %w", name, err)
	}
	t, err := shared.Clone()
	if err != nil {
		return nil, fmt.Errorf("clone shared templates for %q: %w", name, err)
	}
	t, err = t.New(path.Base(name)).Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("parse template %q: %w", name, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, p); err != nil {
		return nil, fmt.Errorf("render template %q: %w", name, err)
	}
	return b.Bytes(), nil
}
