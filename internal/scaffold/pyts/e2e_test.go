package pyts

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// TestMain removes the node_modules the TypeScript tests share.
func TestMain(m *testing.M) {
	code := m.Run()
	if modules.dir != "" {
		// A leftover temporary folder is harmless; say so and go on.
		if err := os.RemoveAll(modules.dir); err != nil {
			fmt.Fprintln(os.Stderr, "remove shared node_modules:", err)
		}
	}
	os.Exit(code)
}

// endToEndAPIs are the hand-built APIs, what the planner makes of the
// rich domain in ../testdata/rich, and of each example's tech spec.
func endToEndAPIs(t *testing.T) []struct {
	name string
	api  *scaffold.API
} {
	t.Helper()
	all := append(apis[:len(apis):len(apis)], struct {
		name string
		api  *scaffold.API
	}{"rich", richAPI(t)})
	techs, err := filepath.Glob(filepath.Join("..", "..", "..", "examples", "*", "docs", "tech.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range techs {
		docs := filepath.Dir(path)
		name := "example-" + filepath.Base(filepath.Dir(docs))
		tech, err := artifact.ParseTech(readFile(t, path))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		var stories *artifact.Stories
		if src, err := os.ReadFile(filepath.Join(docs, "stories.md")); err == nil {
			if stories, err = artifact.ParseStories(src); err != nil {
				t.Fatalf("%s: stories: %v", name, err)
			}
		}
		api, err := scaffold.Plan(tech, stories)
		if errors.Is(err, scaffold.ErrNoAPI) {
			continue
		}
		if err != nil {
			t.Fatalf("%s: plan: %v", name, err)
		}
		all = append(all, struct {
			name string
			api  *scaffold.API
		}{name, api})
	}
	return all
}

// TestPythonEndToEnd writes each API's Python project and runs its tests
// with python3, checking that every endpoint's test ran and passed.
func TestPythonEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs python3")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not on PATH")
	}
	for _, a := range endToEndAPIs(t) {
		t.Run(a.name, func(t *testing.T) {
			t.Parallel()
			files, err := Python(a.api)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeFiles(t, files)
			out := run(t, dir, 5*time.Minute, "python3", "-m", "unittest", "-v")
			for _, ep := range a.api.Endpoints {
				name := "test_" + snake(ep.TestName)
				ok := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name+" (test_app.EndpointTest."+name+")") + `\n.*\.\.\. ok$`)
				if !ok.MatchString(out) {
					t.Errorf("%s did not pass:\n%s", name, out)
				}
			}
			for _, st := range a.api.Stories {
				name := "test_" + snake(st.TestName)
				ok := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name+" (test_app.StoryTest."+name+")") + `\n(?s:.*?)\.\.\. ok$`)
				if !ok.MatchString(out) {
					t.Errorf("%s did not pass:\n%s", name, out)
				}
			}
			for _, name := range []string{"test_routes_match_spec", "test_requests_reach_their_route"} {
				ok := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name+" (test_routes.RoutesTest."+name+")") + `\n?.*\.\.\. ok$`)
				if !ok.MatchString(out) {
					t.Errorf("%s did not pass:\n%s", name, out)
				}
			}
		})
	}
}

// TestTypeScriptEndToEnd installs the generated package.json's
// devDependencies once, then runs npm test, which compiles, in each API's
// TypeScript project against them, checking that every endpoint's test
// and the routes tests passed.
func TestTypeScriptEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("runs npm and node")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("npm is not on PATH")
	}
	shared := sharedModules(t)
	for _, a := range endToEndAPIs(t) {
		t.Run(a.name, func(t *testing.T) {
			t.Parallel()
			files, err := TypeScript(a.api)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeFiles(t, files)
			if err := os.Symlink(shared, filepath.Join(dir, "node_modules")); err != nil {
				t.Fatal(err)
			}
			// npm test, as a user runs it after npm install: it compiles too.
			out := run(t, dir, 5*time.Minute, "npm", "test")
			for _, ep := range a.api.Endpoints {
				title := testTitle(&endpoint{TestName: ep.TestName, Stories: ep.Stories})
				if !regexp.MustCompile(`(?m)^ok \d+ - ` + regexp.QuoteMeta(title) + `$`).MatchString(out) {
					t.Errorf("%s did not pass:\n%s", title, out)
				}
			}
			for _, st := range a.api.Stories {
				title := (&story{ID: st.ID, Title: st.Title}).TSTitle()
				if !regexp.MustCompile(`(?m)^ok \d+ - ` + regexp.QuoteMeta(title) + `$`).MatchString(out) {
					t.Errorf("%s did not pass:\n%s", title, out)
				}
			}
			for _, title := range []string{"routes match the spec", "requests reach their route"} {
				if !regexp.MustCompile(`(?m)^ok \d+ - ` + title + `$`).MatchString(out) {
					t.Errorf("%s did not pass:\n%s", title, out)
				}
			}
		})
	}
}

// modules is the node_modules folder the TypeScript tests share.
var modules struct {
	once sync.Once
	dir  string // the temporary project folder it is in
	out  string
	err  error
}

// sharedModules runs npm install once for the generated package.json,
// whose devDependencies are the same for every API, and returns the
// node_modules folder.
func sharedModules(t *testing.T) string {
	t.Helper()
	modules.once.Do(func() {
		files, err := TypeScript(smallAPI())
		if err != nil {
			modules.err = err
			return
		}
		if modules.dir, modules.err = os.MkdirTemp("", "pyts-npm-"); modules.err != nil {
			return
		}
		for _, f := range files {
			if f.Path == "package.json" {
				modules.err = os.WriteFile(filepath.Join(modules.dir, f.Path), f.Content, 0o644)
			}
		}
		if modules.err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		modules.out, modules.err = command(ctx, modules.dir, "npm", "install", "--no-audit", "--no-fund")
	})
	if modules.err != nil {
		t.Fatalf("npm install: %v\n%s", modules.err, modules.out)
	}
	return filepath.Join(modules.dir, "node_modules")
}

// run runs a command in dir and returns its output, failing the test if
// it fails or takes longer than timeout.
func run(t *testing.T, dir string, timeout time.Duration, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	defer cancel()
	out, err := command(ctx, dir, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func command(ctx context.Context, dir, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1", "npm_config_update_notifier=false")
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// writeFiles writes a generated project to a new temporary folder.
func writeFiles(t *testing.T, files []scaffold.File) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		mode := os.FileMode(0o644)
		if f.Executable {
			mode = 0o755
		}
		if err := os.WriteFile(path, f.Content, mode); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

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
