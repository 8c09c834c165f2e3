package golang

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/golden"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// richAPI is what the planner makes of the rich domain in
// ../testdata/rich: required and optional fields of every type, enums, a
// belongs-to and a has-many relationship, nested routes, state
// transitions and stories with error criteria.
func richAPI(t *testing.T) *scaffold.API {
	t.Helper()
	tech, err := artifact.ParseTech(readFile(t, filepath.Join("..", "testdata", "rich", "tech.md")))
	if err != nil {
		t.Fatal(err)
	}
	stories, err := artifact.ParseStories(readFile(t, filepath.Join("..", "testdata", "rich", "stories.md")))
	if err != nil {
		t.Fatal(err)
	}
	api, err := scaffold.Plan(tech, stories)
	if err != nil {
		t.Fatal(err)
	}
	return api
}

// TestGenerateGoldenRich compares the rich domain's project with
// testdata/rich.
func TestGenerateGoldenRich(t *testing.T) {
	files, err := Generate(richAPI(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		golden.Check(t, filepath.Join("testdata", "rich", strings.TrimPrefix(f.Path, ".")+".golden"), f.Content)
	}
}

// TestRichDomainPasses builds the rich domain's project and runs its
// tests, offline, checking that every endpoint's and every story's test
// ran and passed, and that the story tests send the invalid requests the
// criteria call for.
func TestRichDomainPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go toolchain")
	}
	api := richAPI(t)
	files, err := Generate(api)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, files)
	goRun(t, dir, "vet", "./...")
	out := goOutput(t, dir, "test", "-count=1", "-v", "./...")
	var names []string
	for _, ep := range api.Endpoints {
		names = append(names, "Test"+ep.TestName)
	}
	for _, s := range api.Stories {
		names = append(names, "Test"+s.TestName)
	}
	for _, name := range append(names, "TestRejectsInvalidInput", "TestRoutesMatchSpec") {
		if !regexp.MustCompile(`(?m)^--- PASS: ` + name + ` `).MatchString(out) {
			t.Errorf("%s did not pass:\n%s", name, out)
		}
	}
	test := contentOf(t, files, "api_test.go")
	for _, want := range []string{
		`withoutField(t, applicationSample, "company_name")), http.StatusBadRequest, "missing_field", "company_name")`,
		`withField(t, applicationSample, "status", "not-a-listed-value")), http.StatusBadRequest, "invalid_value", "status")`,
		`withField(t, applicationSample, "board_id", "missing")), http.StatusUnprocessableEntity, "unknown_reference", "board_id")`,
		`assertFields(t, rec, ` + "`" + `{"status": "Cancelled"}` + "`" + `)`,
	} {
		if !strings.Contains(test, want) {
			t.Errorf("api_test.go has no %s", want)
		}
	}
}

// goOutput runs the go command as goRun does and returns its output.
func goOutput(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), goTool(t), args...)
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// contentOf returns the file at path among files.
func contentOf(t *testing.T, files []scaffold.File, path string) string {
	t.Helper()
	for _, f := range files {
		if f.Path == path {
			return string(f.Content)
		}
	}
	t.Fatalf("no %s", path)
	return ""
}
