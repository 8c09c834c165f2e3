package golang

import (
	"bytes"
	"fmt"
	"go/format"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// TestGenerateGolden compares the small API's project with testdata.
func TestGenerateGolden(t *testing.T) {
	files, err := Generate(smallAPI())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		golden.Check(t, filepath.Join("testdata", "small", strings.TrimPrefix(f.Path, ".")+".golden"), f.Content)
	}
}

// TestGenerateShape checks, for every hand-built API and example plan,
// the file list, that Go files are gofmt'ed, that output is the same bytes
// every time and leaves the API as it was, and that each endpoint has its
// route, its README row and its test with its stories above it.
func TestGenerateShape(t *testing.T) {
	cases := examplePlans(t)
	for _, tt := range handBuilt {
		cases = append(cases, examplePlan{tt.name, tt.api()})
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			api := tt.api
			before := fmt.Sprintf("%#v", *api)
			files, err := Generate(api)
			if err != nil {
				t.Fatal(err)
			}
			again, err := Generate(api)
			if err != nil {
				t.Fatal(err)
			}
			if after := fmt.Sprintf("%#v", *api); after != before {
				t.Error("Generate changed the API")
			}
			if !slices.EqualFunc(files, again, func(a, b scaffold.File) bool { return a.Path == b.Path && bytes.Equal(a.Content, b.Content) }) {
				t.Error("two runs gave different files")
			}
			byPath := map[string]string{}
			for _, f := range files {
				byPath[f.Path] = string(f.Content)
				if f.Executable {
					t.Errorf("%s is executable", f.Path)
				}
				if strings.HasSuffix(f.Path, ".go") {
					formatted, err := format.Source(f.Content)
					if err != nil || !bytes.Equal(formatted, f.Content) {
						t.Errorf("%s is not gofmt'ed (%v)", f.Path, err)
					}
				}
			}
			for _, path := range []string{"go.mod", "main.go", "api.go", "json.go", "api_test.go", "routes_test.go", "routes.json", "README.md", ".gitignore"} {
				if _, ok := byPath[path]; !ok {
					t.Errorf("no %s", path)
				}
			}
			if !strings.Contains(byPath["go.mod"], "\ngo 1.22\n") || strings.Contains(byPath["go.mod"], "require") {
				t.Errorf("go.mod:\n%s", byPath["go.mod"])
			}
			for _, ep := range api.Endpoints {
				stories := "No story"
				if len(ep.Stories) > 0 {
					stories = strings.Join(ep.Stories, ", ")
				}
				test := "// " + stories + ": " + ep.Summary + "\nfunc Test" + ep.TestName + "(t *testing.T) {"
				if !strings.Contains(byPath["api_test.go"], test) {
					t.Errorf("api_test.go has no %q", test)
				}
				route := "s.handle(\"" + ep.Method + "\", \"" + ep.Path + "\", s.handle" + ep.TestName + ")"
				if !strings.Contains(byPath["api.go"], route) {
					t.Errorf("api.go has no %q", route)
				}
				if !strings.Contains(byPath["routes.json"], `"method": "`+ep.Method+`",`+"\n      "+`"path": "`+ep.Path+`"`) {
					t.Errorf("routes.json has no %s %s", ep.Method, ep.Path)
				}
				if !strings.Contains(byPath["README.md"], "| `"+ep.Method+"` | `"+ep.Path+"` |") {
					t.Errorf("README.md has no row for %s %s", ep.Method, ep.Path)
				}
			}
		})
	}
}
