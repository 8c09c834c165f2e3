package golang

import (
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// TestGenerateRejects checks that an API that would give code that does
// not compile or start is an error naming the problem, not a broken project.
func TestGenerateRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(*scaffold.API)
		want   string
	}{
		{"empty slug", func(a *scaffold.API) { a.Slug = "" }, "not a valid Go module path"},
		{"slug with a space", func(a *scaffold.API) { a.Slug = "field notes" }, "not a valid Go module path"},
		{"keyword entity", func(a *scaffold.API) { a.Entities[0].Pascal = "type" }, "not an exported Go identifier"},
		{"camel not lower", func(a *scaffold.API) { a.Entities[0].Camel = "Note" }, "not an unexported Go identifier"},
		{"collection with a slash", func(a *scaffold.API) { a.Entities[0].Collection = "a/b" }, "not a URL path segment"},
		{"field type", func(a *scaffold.API) { a.Entities[0].Fields[0].Type = "decimal" }, `unknown type "decimal"`},
		{"field named id", func(a *scaffold.API) { a.Entities[0].Fields[0].Snake = "id" }, "would be named id"},
		{"two fields, one key", func(a *scaffold.API) { a.Entities[0].Fields[1].Snake = "title" }, "would be named title"},
		{"snake with a quote", func(a *scaffold.API) { a.Entities[0].Fields[0].Snake = `ti"tle` }, "not a plain JSON key"},
		{"two entities, one type", func(a *scaffold.API) {
			a.Entities = append(a.Entities, a.Entities[0])
		}, "would be named Note"},
		{"test clashes with an entity", func(a *scaffold.API) { a.Endpoints[0].TestName = "Run"; a.Entities[0].Pascal = "TestRun" }, "would be named TestRun"},
		{"two tests, one name", func(a *scaffold.API) { a.Endpoints[1].TestName = "CreateNote" }, "would be named TestCreateNote"},
		{"lower-case test name", func(a *scaffold.API) { a.Endpoints[0].TestName = "createNote" }, "does not make a Go test name"},
		{"method", func(a *scaffold.API) { a.Endpoints[0].Method = "TRACE" }, "method must be one of"},
		{"op", func(a *scaffold.API) { a.Endpoints[0].Op = "upsert" }, `unknown op "upsert"`},
		{"entity index", func(a *scaffold.API) { a.Endpoints[0].Entity = 3 }, "entity index 3 is out of range"},
		{"relative path", func(a *scaffold.API) { a.Endpoints[0].Path = "notes" }, "path must start with /"},
		{"path with a space", func(a *scaffold.API) { a.Endpoints[0].Path = "/my notes" }, "neither a parameter nor a plain URL segment"},
		{"trailing slash", func(a *scaffold.API) { a.Endpoints[0].Path = "/notes/" }, "no empty segment"},
		{"ID not in the path", func(a *scaffold.API) { a.Endpoints[2].Path = "/notes/{noteId}" }, `ID "id" is not a parameter of the path`},
		{"parameter not an identifier", func(a *scaffold.API) { a.Endpoints[2].Path = "/notes/{id}/{note-id}" }, `parameter "note-id" is not an identifier`},
		{"two ids", func(a *scaffold.API) { a.Endpoints[2].Path = "/notes/{id}/{id}" }, `parameter "id" is not an identifier, or appears twice`},
		{"get without id", func(a *scaffold.API) { a.Endpoints[2].Path, a.Endpoints[2].ID = "/notes/latest", "" }, "a get endpoint needs an ID parameter"},
		{"location on a list", func(a *scaffold.API) { a.Endpoints[1].Location, a.Endpoints[1].LocationID = "/notes/{id}", "id" }, "a list endpoint has a Location"},
		{"location parameter unfilled", func(a *scaffold.API) {
			a.Endpoints[0].Location, a.Endpoints[0].LocationID = "/books/{bookId}/notes/{id}", "id"
		}, "location /books/{bookId}/notes/{id} has a parameter the path does not: bookId"},
		{"same route twice", func(a *scaffold.API) {
			a.Endpoints[1].Path, a.Endpoints[1].ID, a.Endpoints[1].Op = "/notes/{id}", "id", scaffold.OpGet
		}, "conflicts with pattern"},
		{"conflicting routes", func(a *scaffold.API) {
			a.Endpoints[1].Path, a.Endpoints[1].ID, a.Endpoints[1].Op = "/notes/{id}/x", "id", scaffold.OpGet
			a.Endpoints[2].Path = "/notes/x/{id}"
		}, "conflicts with pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := smallAPI()
			tt.change(api)
			_, err := Generate(api)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := Generate(nil); err == nil {
		t.Error("Generate(nil) did not fail")
	}
}
