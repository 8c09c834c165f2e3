package starter

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/disk"
)

func TestStarterBriefParses(t *testing.T) {
	b, err := brief.Parse(Brief)
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

func TestGitignore(t *testing.T) {
	const run = "/.prodgen-running\n"
	tests := []struct {
		name     string
		existing *string // nil: no .gitignore
		cacheDir string
		want     *string // nil: nothing to write
		wantErr  string
	}{
		{name: "no cache folder", cacheDir: "", want: strPtr(run)},
		{name: "new file", cacheDir: ".prodgen-cache", want: strPtr(run + "/.prodgen-cache/\n")},
		{name: "appended", existing: strPtr("node_modules/\n"), cacheDir: ".prodgen-cache", want: strPtr("node_modules/\n" + run + "/.prodgen-cache/\n")},
		{name: "no final newline", existing: strPtr("dist"), cacheDir: ".prodgen-cache", want: strPtr("dist\n" + run + "/.prodgen-cache/\n")},
		{name: "nested", cacheDir: "tmp/cache/", want: strPtr(run + "/tmp/cache/\n")},
		{name: "cache already there", existing: strPtr("a\n/.prodgen-cache/\nb\n"), cacheDir: ".prodgen-cache", want: strPtr("a\n/.prodgen-cache/\nb\n" + run)},
		{name: "run file already there", existing: strPtr(".prodgen-running\n"), cacheDir: ".prodgen-cache", want: strPtr(".prodgen-running\n/.prodgen-cache/\n")},
		{name: "both already there", existing: strPtr("a\n/.prodgen-cache/\n/.prodgen-running\n"), cacheDir: ".prodgen-cache"},
		{name: "already there unanchored", existing: strPtr(".prodgen-cache\n.prodgen-running\n"), cacheDir: "./.prodgen-cache"},
		{name: "outside the project", cacheDir: "../cache", want: strPtr(run)},
		{name: "absolute elsewhere", cacheDir: "/var/cache/prodgen", want: strPtr(run)},
		{name: "the project itself", cacheDir: ".", wantErr: "is the project folder itself"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if tt.existing != nil {
				if err := os.WriteFile(filepath.Join(root, ".gitignore"), []byte(*tt.existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			file, err := Gitignore(root, tt.cacheDir)
			switch {
			case tt.wantErr != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("error %v, want %q", err, tt.wantErr)
				}
			case err != nil:
				t.Fatal(err)
			case tt.want == nil && file != nil:
				t.Errorf("would write %q, want nothing", file.Data)
			case tt.want != nil && (file == nil || string(file.Data) != *tt.want):
				t.Errorf("would write %v, want %q", file, *tt.want)
			}
		})
	}
}

func strPtr(s string) *string { return &s }

func TestCheck(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"prodgen.yaml", "brief.md"} {
		if err := os.WriteFile(filepath.Join(root, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := func(name string) File { return File{Name: name, Path: filepath.Join(root, name)} }
	tests := []struct {
		name  string
		files []File
		force bool
		want  string // "" for no error
	}{
		{"new", []File{file("new.md")}, false, ""},
		{"one exists", []File{file("prodgen.yaml"), file("new.md")}, false, "prodgen.yaml already exists; nothing was written"},
		{"two exist", []File{file("prodgen.yaml"), file("brief.md")}, false, "prodgen.yaml and brief.md already exist; nothing was written"},
		{"forced", []File{file("prodgen.yaml"), file("brief.md")}, true, ""},
		{"a folder, forced", []File{file("docs")}, true, "docs: is a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.files, tt.force)
			if tt.want == "" {
				if err != nil {
					t.Errorf("Check: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want %q", err, tt.want)
			}
			// The caller tells a file to keep (exit 2, no usage hint) from
			// a folder in the way by the error's type.
			_, exists := errors.AsType[*ExistsError](err)
			_, input := errors.AsType[*disk.InputError](err)
			if folder := strings.Contains(tt.want, "folder"); exists == folder || input != folder {
				t.Errorf("Check = %T, want %s", err, map[bool]string{true: "an InputError", false: "an ExistsError"}[folder])
			}
		})
	}
}
