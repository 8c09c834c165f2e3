package pyts

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// generators are the package's two entry points, by language.
var generators = []struct {
	lang string
	gen  func(*scaffold.API) ([]scaffold.File, error)
}{
	{"python", Python},
	{"typescript", TypeScript},
}

func TestFiles(t *testing.T) {
	tests := []struct {
		lang       string
		paths      []string
		executable []string
	}{
		{"python", []string{".gitignore", "README.md", "app.py", "routes.json", "test_app.py", "test_routes.py"}, []string{"app.py"}},
		{"typescript", []string{".gitignore", "README.md", "package.json", "routes.json", "src/app.test.ts", "src/app.ts", "src/routes.test.ts", "src/server.ts", "tsconfig.json"}, nil},
	}
	for i, tt := range tests {
		files, err := generators[i].gen(smallAPI())
		if err != nil {
			t.Fatal(err)
		}
		var paths, executable []string
		for _, f := range files {
			paths = append(paths, f.Path)
			if f.Executable {
				executable = append(executable, f.Path)
			}
			if err := scaffold.ValidatePath(f.Path); err != nil {
				t.Errorf("%s: %v", tt.lang, err)
			}
		}
		if !slices.Equal(paths, tt.paths) {
			t.Errorf("%s files = %q, want %q", tt.lang, paths, tt.paths)
		}
		if !slices.Equal(executable, tt.executable) {
			t.Errorf("%s executable files = %q, want %q", tt.lang, executable, tt.executable)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, g := range generators {
		for _, a := range apis {
			first, err := g.gen(a.api)
			if err != nil {
				t.Fatalf("%s %s: %v", g.lang, a.name, err)
			}
			for range 3 {
				again, err := g.gen(a.api)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.EqualFunc(first, again, func(x, y scaffold.File) bool {
					return x.Path == y.Path && x.Executable == y.Executable && bytes.Equal(x.Content, y.Content)
				}) {
					t.Fatalf("%s %s: two runs differ", g.lang, a.name)
				}
			}
		}
	}
}

// TestEveryEndpointHasATest checks that each endpoint's test is there,
// named after TestName and carrying its stories; the end-to-end tests
// check that each one runs and passes.
func TestEveryEndpointHasATest(t *testing.T) {
	for _, a := range apis {
		py := content(t, Python, a.api, "test_app.py")
		ts := content(t, TypeScript, a.api, "src/app.test.ts")
		for _, ep := range a.api.Endpoints {
			doc := "No story"
			title := ep.TestName
			if len(ep.Stories) > 0 {
				doc = strings.Join(ep.Stories, ", ")
				title += " (" + doc + ")"
			}
			def := fmt.Sprintf("    def test_%s(self):\n        \"\"\"%s: ", snake(ep.TestName), doc)
			if !strings.Contains(py, def) {
				t.Errorf("%s: test_app.py has no\n%s", a.name, def)
			}
			if call := fmt.Sprintf("test(%s, async (t) => {", quote(title)); !strings.Contains(ts, call) {
				t.Errorf("%s: app.test.ts has no %s", a.name, call)
			}
		}
	}
}

func TestRoutesPutLiteralPathsFirst(t *testing.T) {
	p, err := newProject(everyOpAPI())
	if err != nil {
		t.Fatal(err)
	}
	export := slices.IndexFunc(p.Routes, func(ep *endpoint) bool { return ep.Path == "/invoices/export" })
	get := slices.IndexFunc(p.Routes, func(ep *endpoint) bool { return ep.Path == "/invoices/{id}" })
	if export < 0 || get < 0 || export > get {
		t.Errorf("GET /invoices/export is route %d, GET /invoices/{id} route %d; want the export first", export, get)
	}
	if p.WrongMethod == nil || p.WrongMethod.Method != "DELETE" || p.WrongMethod.Path != "/invoices" {
		t.Errorf("wrong method case = %+v, want DELETE /invoices", p.WrongMethod)
	}
}

func TestRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(*scaffold.API)
		want   string
	}{
		{"nil", nil, "no API"},
		{"slug", func(a *scaffold.API) { a.Slug = "Queue Less" }, `slug "Queue Less"`},
		{"entity snake", func(a *scaffold.API) { a.Entities[0].Snake = "queue entry" }, "not an identifier"},
		{"collection", func(a *scaffold.API) { a.Entities[0].Collection = "queue/entries" }, "not a path segment"},
		{"field type", func(a *scaffold.API) { a.Entities[0].Fields[0].Type = "decimal" }, `type "decimal"`},
		{"builtin field", func(a *scaffold.API) { a.Entities[0].Fields[0].Snake = "created_at" }, "keeps itself"},
		{"twice", func(a *scaffold.API) { a.Entities[0].Fields[1].Snake = "first_name" }, "appears twice"},
		{"same entity", func(a *scaffold.API) { a.Entities = append(a.Entities, a.Entities[0]) }, "another entity"},
		{"method", func(a *scaffold.API) { a.Endpoints[0].Method = "HEAD" }, `method "HEAD"`},
		{"path", func(a *scaffold.API) { a.Endpoints[0].Path = "/queue entries" }, "path"},
		{"two ids", func(a *scaffold.API) { a.Endpoints[1].Path = "/a/{id}/b/{id}" }, "parameter id twice"},
		{"parameter not an identifier", func(a *scaffold.API) { a.Endpoints[1].Path = "/a/{item-id}" }, "path"},
		{"dot segment", func(a *scaffold.API) { a.Endpoints[0].Path = "/a/../b" }, "path"},
		{"ID not in the path", func(a *scaffold.API) { a.Endpoints[1].Path = "/queue-entries/{entryId}" }, `ID "id" is not a parameter`},
		{"no id", func(a *scaffold.API) { a.Endpoints[1].Path, a.Endpoints[1].ID = "/queue-entries/latest", "" }, "needs an ID parameter"},
		{"location on a get", func(a *scaffold.API) {
			a.Endpoints[1].Location, a.Endpoints[1].LocationID = "/queue-entries/{id}", "id"
		}, "location"},
		{"location parameter unfilled", func(a *scaffold.API) {
			a.Endpoints[0].Location, a.Endpoints[0].LocationID = "/queues/{queueId}/entries/{id}", "id"
		}, "has a parameter the path"},
		{"op", func(a *scaffold.API) { a.Endpoints[0].Op = "upsert" }, `op "upsert"`},
		{"entity index", func(a *scaffold.API) { a.Endpoints[0].Entity = 3 }, "entity index 3"},
		{"action name", func(a *scaffold.API) {
			a.Endpoints[1].Op, a.Endpoints[1].Action, a.Endpoints[1].Effect = scaffold.OpAction, "", &scaffold.Effect{Field: 0}
			a.Entities[0].Fields[0].Type = scaffold.TypeTimestamp
		}, "no name"},
		{"action without effect", func(a *scaffold.API) { a.Endpoints[1].Op, a.Endpoints[1].Action = scaffold.OpAction, "call" }, "needs the field it sets"},
		{"enum without values", func(a *scaffold.API) { a.Entities[0].Fields[0].Type = scaffold.TypeEnum }, "no values"},
		{"reference out of range", func(a *scaffold.API) {
			a.Entities[0].Fields[0].Type, a.Entities[0].Fields[0].Ref = scaffold.TypeReference, 5
		}, "out of range"},
		{"parent not a parameter", func(a *scaffold.API) {
			a.Entities[0].Fields[0].Type = scaffold.TypeReference
			a.Endpoints[1].Parent = &scaffold.Parent{Entity: 0, Param: "queueId", Field: 0}
		}, "parent parameter"},
		{"test name", func(a *scaffold.API) { a.Endpoints[0].TestName = "create entry" }, "test name"},
		{"same test", func(a *scaffold.API) { a.Endpoints[1].TestName = "CreateQueueEntry" }, "same test name"},
		{"same route", func(a *scaffold.API) { a.Endpoints[1] = a.Endpoints[0]; a.Endpoints[1].TestName = "Again" }, "also served by"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var api *scaffold.API
			if tt.change != nil {
				api = smallAPI()
				tt.change(api)
			}
			for _, g := range generators {
				_, err := g.gen(api)
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s: error %v, want one saying %q", g.lang, err, tt.want)
				}
			}
		})
	}
}

// content generates api and returns the file at path.
func content(t *testing.T, gen func(*scaffold.API) ([]scaffold.File, error), api *scaffold.API, path string) string {
	t.Helper()
	files, err := gen(api)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Path == path {
			return string(f.Content)
		}
	}
	t.Fatalf("no %s among the files", path)
	return ""
}
