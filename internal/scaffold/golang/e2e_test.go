package golang

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"time"

	"github.com/prodgen/prodgen/internal/scaffold"
)

// TestGeneratedProjectPasses writes each hand-built plan's project to a
// temporary folder and runs go vet and go test there with the real
// toolchain, offline: the project must need nothing but the standard
// library.
func TestGeneratedProjectPasses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go toolchain")
	}
	for _, tt := range handBuilt {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files, err := Generate(tt.api())
			if err != nil {
				t.Fatal(err)
			}
			dir := writeFiles(t, files)
			goRun(t, dir, "vet", "./...")
			goRun(t, dir, "test", "-count=1", "./...")
		})
	}
}

// writeFiles writes files under a new temporary folder and returns it.
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

// goRun runs the go command in dir without network or workspace, and fails
// the test with its output if it fails.
func goRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	ctx := t.Context()
	cmd := exec.CommandContext(ctx, goTool(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local")
	cmd.WaitDelay = 10 * time.Second
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// goTool finds the go command. go test puts its own GOROOT/bin first on
// PATH, so this is the toolchain running the tests.
func goTool(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	return path
}
