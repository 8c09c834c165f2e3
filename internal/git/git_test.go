package git

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repo makes a repository with one commit holding files, and returns its
// folder. It skips the test when git is not installed.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	// The developer's git configuration must not change what the tests see.
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return dir
}

func TestReadFile(t *testing.T) {
	dir := repo(t, map[string]string{"app/docs/prd.md": "# Product requirements: x\n", "app/big.md": strings.Repeat("x", 100)})
	ctx := t.Context()
	// Opened in a subfolder, paths are taken from there.
	r, err := Open(ctx, filepath.Join(dir, "app"))
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Resolve(ctx, "HEAD")
	if err != nil || len(commit) < 40 {
		t.Fatalf("Resolve(HEAD) = %q, %v", commit, err)
	}
	name, err := r.Path("docs/prd.md")
	if err != nil || name != "app/docs/prd.md" {
		t.Fatalf("Path = %q, %v; want app/docs/prd.md", name, err)
	}
	got, err := r.ReadFile(ctx, commit, name, 1<<20)
	if err != nil || string(got) != "# Product requirements: x\n" {
		t.Fatalf("ReadFile = %q, %v", got, err)
	}
	if _, err := r.ReadFile(ctx, commit, "app/docs/tech.md", 1<<20); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a file the commit lacks: %v, want fs.ErrNotExist", err)
	}
	if _, err := r.ReadFile(ctx, commit, "app/docs", 1<<20); err == nil || !strings.Contains(err.Error(), "not a file") {
		t.Errorf("a folder: %v, want not a file", err)
	}
	if _, err := r.ReadFile(ctx, commit, "app/big.md", 10); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("a file over the limit: %v, want too large", err)
	}
	if got, err := r.Path("../top.md"); err != nil || got != "top.md" {
		t.Errorf("Path(../top.md) = %q, %v; want top.md", got, err)
	}
	if _, err := r.Path("../../outside.md"); err == nil {
		t.Error("a path out of the repository was accepted")
	}
}

func TestResolveUnknown(t *testing.T) {
	r, err := Open(t.Context(), repo(t, map[string]string{"a": "a"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range []string{"nope", "--output=x", "", "HEAD~5"} {
		var re *RevisionError
		if _, err := r.Resolve(t.Context(), rev); !errors.As(err, &re) || re.Rev != rev {
			t.Errorf("Resolve(%q) = %v, want a RevisionError", rev, err)
		}
	}
}

func TestOpenNotRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", os.TempDir())
	dir := t.TempDir()
	var nr *NotRepositoryError
	if _, err := Open(t.Context(), dir); !errors.As(err, &nr) {
		t.Fatalf("Open = %v, want a NotRepositoryError", err)
	}
}
