package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// TestScaffoldOddSpecs checks that every language of the registry
// generates, for each API planned from an odd spec (scaffold_odd_test.go),
// a project that builds and passes its own tests. Each language builds its
// projects at once: one Go module, one Python process, one TypeScript
// compilation, since one build per project would take minutes. It skips a
// language whose toolchain is missing, as the generators' end-to-end
// tests do.
func TestScaffoldOddSpecs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests generated projects")
	}
	apis := oddAPIs(t, 16)
	for _, l := range languages {
		t.Run(l.name, func(t *testing.T) {
			build, ok := buildChecks[l.name]
			if !ok {
				t.Fatalf("no build check for %s: add one to buildChecks", l.name)
			}
			var projects [][]scaffold.File
			for i, api := range apis {
				files, err := l.generate(api)
				if err != nil {
					t.Fatalf("odd spec %d (%q): %v", i, api.Title, err)
				}
				projects = append(projects, files)
			}
			build(t, projects)
		})
	}
}

// buildChecks build and test many projects of one language at once.
var buildChecks = map[string]func(t *testing.T, projects [][]scaffold.File){
	"go":         buildGo,
	"python":     buildPython,
	"typescript": buildTypeScript,
}

// buildGo puts each project's package in a folder of one module and vets
// and tests them all, offline.
func buildGo(t *testing.T, projects [][]scaffold.File) {
	root := t.TempDir()
	writeProjects(t, root, projects, func(name string) bool { return name != "go.mod" })
	writeFile(t, filepath.Join(root, "go.mod"), "module oddspecs\n\ngo 1.22\n")
	env := []string{"GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local"}
	runTool(t, root, env, "go", "vet", "./...")
	runTool(t, root, env, "go", "test", "-count=1", "./...")
}

// pythonDriver runs each folder's test_app and test_routes in one Python
// process, importing each folder's app afresh.
const pythonDriver = `import sys, unittest
failed = []
for folder in sys.argv[1:]:
    for name in ("app", "test_app", "test_routes"):
        sys.modules.pop(name, None)
    sys.path.insert(0, folder)
    try:
        suite = unittest.defaultTestLoader.loadTestsFromNames(["test_app", "test_routes"])
        if not unittest.TextTestRunner(stream=sys.stderr, verbosity=1).run(suite).wasSuccessful():
            failed.append(folder)
    finally:
        sys.path.pop(0)
if failed:
    sys.exit("failed: " + ", ".join(failed))
`

// buildPython imports each project and runs its tests.
func buildPython(t *testing.T, projects [][]scaffold.File) {
	root := t.TempDir()
	dirs := writeProjects(t, root, projects, nil)
	writeFile(t, filepath.Join(root, "driver.py"), pythonDriver)
	runTool(t, root, []string{"PYTHONDONTWRITEBYTECODE=1"}, "python3", append([]string{"driver.py"}, dirs...)...)
}

// buildTypeScript compiles every project's sources in one strict tsc
// program against the devDependencies their package.json pins, then runs
// their tests with node --test.
func buildTypeScript(t *testing.T, projects [][]scaffold.File) {
	root := t.TempDir()
	dirs := writeProjects(t, root, projects, func(name string) bool { return strings.HasPrefix(name, "src/") || name == "routes.json" })
	var tsconfig struct {
		CompilerOptions map[string]any `json:"compilerOptions"`
	}
	for _, f := range projects[0] {
		switch f.Path {
		case "package.json":
			writeFile(t, filepath.Join(root, f.Path), string(f.Content))
		case "tsconfig.json":
			if err := json.Unmarshal(f.Content, &tsconfig); err != nil {
				t.Fatalf("tsconfig.json: %v", err)
			}
		}
	}
	tsconfig.CompilerOptions["rootDir"], tsconfig.CompilerOptions["outDir"] = ".", "dist"
	b, err := json.Marshal(map[string]any{"compilerOptions": tsconfig.CompilerOptions, "include": []string{"*/src"}})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(root, "tsconfig.json"), string(b))
	env := []string{"npm_config_update_notifier=false"}
	runTool(t, root, env, "npm", "install", "--no-audit", "--no-fund")
	runTool(t, root, env, filepath.Join("node_modules", ".bin", "tsc"), "-p", ".")
	var tests []string
	for _, dir := range dirs {
		// A compiled test finds routes.json one folder above it.
		data, err := os.ReadFile(filepath.Join(root, dir, "routes.json"))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(root, "dist", dir, "routes.json"), string(data))
		tests = append(tests, filepath.Join("dist", dir, "src", "app.test.js"), filepath.Join("dist", dir, "src", "routes.test.js"))
	}
	runTool(t, root, env, "node", append([]string{"--test"}, tests...)...)
}

// writeProjects writes each project's files that keep accepts (all for
// nil) to a folder p0, p1... of root and returns the folders' names.
func writeProjects(t *testing.T, root string, projects [][]scaffold.File, keep func(name string) bool) []string {
	t.Helper()
	var dirs []string
	for i, files := range projects {
		dir := fmt.Sprintf("p%d", i)
		for _, f := range files {
			if keep == nil || keep(f.Path) {
				writeFile(t, filepath.Join(root, dir, filepath.FromSlash(f.Path)), string(f.Content))
			}
		}
		dirs = append(dirs, dir)
	}
	return dirs
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runTool runs a program in dir with env added to the environment, and
// fails the test with its output if it fails; it skips the test when the
// program is not installed.
func runTool(t *testing.T, dir string, env []string, name string, args ...string) {
	t.Helper()
	path := name
	if !strings.Contains(name, string(filepath.Separator)) {
		var err error
		if path, err = exec.LookPath(name); err != nil {
			t.Skipf("%s is not on PATH", name)
		}
	} else {
		path = filepath.Join(dir, name)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(out.String(), 200))
	}
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
