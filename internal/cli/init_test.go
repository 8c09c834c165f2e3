package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/config"
)

func TestStarterBriefParses(t *testing.T) {
	b, err := brief.Parse(starterBrief)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title == "" || b.Problem == "" || len(b.Features) < 3 || len(b.Users) < 2 || len(b.Goals) == 0 ||
		len(b.Constraints) == 0 || len(b.Metrics) == 0 || len(b.NonGoals) == 0 || len(b.OpenQuestions) == 0 {
		t.Errorf("starter brief is missing parts: %+v", b)
	}
	if len(b.Missing) > 0 {
		t.Errorf("the parser found no %v in the starter brief", b.Missing)
	}
}

func TestInitGitignore(t *testing.T) {
	tests := []struct {
		name     string
		existing *string // nil: no .gitignore
		cacheDir string
		want     *string // nil: nothing to write
		wantErr  string
	}{
		{name: "no cache folder", cacheDir: ""},
		{name: "new file", cacheDir: ".prodgen-cache", want: strPtr("/.prodgen-cache/\n")},
		{name: "appended", existing: strPtr("node_modules/\n"), cacheDir: ".prodgen-cache", want: strPtr("node_modules/\n/.prodgen-cache/\n")},
		{name: "no final newline", existing: strPtr("dist"), cacheDir: ".prodgen-cache", want: strPtr("dist\n/.prodgen-cache/\n")},
		{name: "nested", cacheDir: "tmp/cache/", want: strPtr("/tmp/cache/\n")},
		{name: "already there", existing: strPtr("a\n/.prodgen-cache/\nb\n"), cacheDir: ".prodgen-cache"},
		{name: "already there unanchored", existing: strPtr(".prodgen-cache\n"), cacheDir: "./.prodgen-cache"},
		{name: "outside the project", cacheDir: "../cache"},
		{name: "absolute elsewhere", cacheDir: "/var/cache/prodgen"},
		{name: "the project itself", cacheDir: ".", wantErr: "must not be the project folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.existing != nil {
				if err := os.WriteFile(filepath.Join(root, ".gitignore"), []byte(*tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			file, err := initGitignore(root, tt.cacheDir)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want %q", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			case tt.want == nil && file != nil:
				t.Errorf("would write %q, want nothing", file.data)
			case tt.want != nil && (file == nil || string(file.data) != *tt.want):
				t.Errorf("would write %v, want %q", file, *tt.want)
			}
		})
	}
}

func strPtr(s string) *string { return &s }

func TestInitCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runEnv(t, dir, nil, "init", "--model", "gpt-4o", "--cache-dir", ".prodgen-cache")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, out, errOut)
	}
	for _, w := range []string{"wrote prodgen.yaml", "wrote brief.md", "wrote .gitignore", "next: edit brief.md, then run: prodgen generate"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr does not say %q:\n%s", w, errOut)
		}
	}
	cfgData := readInitFile(t, dir, "prodgen.yaml")

	// A second run refuses, naming both files, and writes nothing.
	if err := os.Remove(filepath.Join(dir, ".gitignore")); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runEnv(t, dir, nil, "init", "--cache-dir", ".prodgen-cache")
	if code != ExitUsage || !strings.Contains(errOut, "prodgen.yaml and brief.md already exist") {
		t.Errorf("exit %d, stderr %q; want 2 naming both files", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, ".gitignore")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf(".gitignore was written by a refused init: %v", err)
	}
	if readInitFile(t, dir, "prodgen.yaml") != cfgData {
		t.Error("prodgen.yaml changed")
	}

	// -q: nothing on stderr; --force overwrites.
	code, out, errOut = runEnv(t, dir, nil, "init", "--force", "-q")
	if code != 0 || out != "" || errOut != "" {
		t.Errorf("init --force -q: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if readInitFile(t, dir, "prodgen.yaml") != config.Template(nil) {
		t.Error("--force did not overwrite prodgen.yaml")
	}

	// A bad flag value is refused before anything is written.
	other := t.TempDir()
	code, _, errOut = runEnv(t, other, nil, "init", "--provider", "magic")
	if code != ExitUsage || !strings.Contains(errOut, `provider: unknown value "magic"`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if entries, _ := os.ReadDir(other); len(entries) > 0 {
		t.Errorf("a refused init wrote %d files", len(entries))
	}
}

func readInitFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
