package scaffold_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
	"github.com/prodgen/prodgen/internal/scaffold/golang"
	"github.com/prodgen/prodgen/internal/scaffold/pyts"
)

// routeTables are, for each language, the generated file that holds the
// prototype's route table and a pattern that finds each route in it: the
// quoted method and path of a registration.
var routeTables = []struct {
	lang     string
	generate func(*scaffold.API) ([]scaffold.File, error)
	file     string
	route    *regexp.Regexp
}{
	{"go", golang.Generate, "api.go", regexp.MustCompile(`(?m)^\s*s\.handle\(("[^"]*"), ("[^"]*"), s\.\w+\)$`)},
	{"python", pyts.Python, "app.py", regexp.MustCompile(`(?m)^\s*Route\(("[^"]*"), ("[^"]*"), `)},
	{"typescript", pyts.TypeScript, "src/app.ts", regexp.MustCompile(`(?m)^\s*route\(("[^"]*"), ("[^"]*"), `)},
}

// TestExampleRoutesAreTheSpec generates every example's prototype in
// every language and checks that its route table, and the routes.json its
// own route test reads, hold exactly the endpoints of the example's
// tech.md: the same methods and paths as written, parameters and their
// names included, none left out and none added.
func TestExampleRoutesAreTheSpec(t *testing.T) {
	techs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "docs", "tech.md"))
	if err != nil || len(techs) == 0 {
		t.Fatalf("no examples/*/docs/tech.md: %v", err)
	}
	for _, path := range techs {
		name := filepath.Base(filepath.Dir(filepath.Dir(path)))
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tech, err := artifact.ParseTech(src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var want []string
		for _, ep := range tech.Endpoints {
			want = append(want, ep.Method+" "+ep.Path)
		}
		if len(want) == 0 {
			t.Errorf("%s has no endpoints to check", path)
		}
		api, err := scaffold.Plan(tech, nil)
		if err != nil {
			t.Fatalf("%s: plan: %v", path, err)
		}
		for _, rt := range routeTables {
			t.Run(name+"/"+rt.lang, func(t *testing.T) {
				files, err := rt.generate(api)
				if err != nil {
					t.Fatal(err)
				}
				table := fileContent(t, files, rt.file)
				var got []string
				for _, m := range rt.route.FindAllStringSubmatch(table, -1) {
					got = append(got, unquote(t, m[1])+" "+unquote(t, m[2]))
				}
				sameRoutes(t, rt.file, got, want)
				var doc struct {
					Routes []struct{ Method, Path string }
				}
				if err := json.Unmarshal([]byte(fileContent(t, files, scaffold.RoutesFile)), &doc); err != nil {
					t.Fatalf("%s: %v", scaffold.RoutesFile, err)
				}
				got = nil
				for _, r := range doc.Routes {
					got = append(got, r.Method+" "+r.Path)
				}
				sameRoutes(t, scaffold.RoutesFile, got, want)
			})
		}
	}
}

// sameRoutes fails unless got has the routes of want, each once, in any
// order, naming those missing and those extra.
func sameRoutes(t *testing.T, where string, got, want []string) {
	t.Helper()
	for _, r := range want {
		if n := count(got, r); n != 1 {
			t.Errorf("%s: %s is in tech.md and %d times in the route table", where, r, n)
		}
	}
	for _, r := range got {
		if !slices.Contains(want, r) {
			t.Errorf("%s: %s is in the route table and not in tech.md", where, r)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d routes, tech.md has %d:\n%s", where, len(got), len(want), strings.Join(got, "\n"))
	}
}

func count(list []string, s string) int {
	n := 0
	for _, v := range list {
		if v == s {
			n++
		}
	}
	return n
}

func fileContent(t *testing.T, files []scaffold.File, path string) string {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return string(f.Content)
		}
	}
	t.Fatalf("no %s among the files", path)
	return ""
}

func unquote(t *testing.T, s string) string {
	t.Helper()
	u, err := strconv.Unquote(s)
	if err != nil {
		t.Fatalf("unquote %s: %v", s, err)
	}
	return u
}
