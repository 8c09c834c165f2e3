package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeTB records what Check reports instead of failing the test. The
// embedded testing.TB is nil: a call Check should not make panics.
type fakeTB struct {
	testing.TB
	name                string
	errors, fatals, log []string
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Logf(format string, args ...any) {
	f.log = append(f.log, fmt.Sprintf(format, args...))
}

// setUpdate sets -update for one test, whatever the command line said.
func setUpdate(t *testing.T, v bool) {
	t.Helper()
	old := *update
	*update = v
	t.Cleanup(func() { *update = old })
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheck(t *testing.T) {
	setUpdate(t, false)
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.golden.md")
	writeFile(t, path, "# Title\n\nold line\n")
	tests := []struct {
		name       string
		path       string
		got        string
		wantErrors []string // each a part of the one error expected
		wantFatal  string
	}{
		{name: "same", path: path, got: "# Title\n\nold line\n"},
		{name: "differs", path: path, got: "# Title\n\nnew line\n", wantErrors: []string{
			path + " differs from the output (- want, + got)",
			"go test ./internal/golden -run '^TestDocs$/^prd$' -update rewrites it",
			"@@ -1,3 +1,3 @@\n  # Title\n  \n- old line\n+ new line\n",
		}},
		{name: "missing", path: filepath.Join(dir, "none.golden.md"), got: "x", wantFatal: "none.golden.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := &fakeTB{name: "TestDocs/prd"}
			Check(fake, tt.path, []byte(tt.got))
			if len(fake.errors) != min(len(tt.wantErrors), 1) {
				t.Fatalf("errors %q, want one with %q", fake.errors, tt.wantErrors)
			}
			for _, want := range tt.wantErrors {
				if !strings.Contains(fake.errors[0], want) {
					t.Errorf("error lacks %q:\n%s", want, fake.errors[0])
				}
			}
			if tt.wantFatal == "" && len(fake.fatals) > 0 || tt.wantFatal != "" && (len(fake.fatals) != 1 ||
				!strings.Contains(fake.fatals[0], tt.wantFatal) || !strings.Contains(fake.fatals[0], "-update creates it")) {
				t.Errorf("fatals %q, want one naming %q", fake.fatals, tt.wantFatal)
			}
			if content, _ := os.ReadFile(path); string(content) != "# Title\n\nold line\n" {
				t.Errorf("Check without -update changed the golden file: %q", content)
			}
		})
	}
}

func TestCheckUpdate(t *testing.T) {
	setUpdate(t, true)
	if !Update() {
		t.Fatal("Update() = false with -update set")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "new", "folder", "doc.golden.md")
	fake := &fakeTB{name: "TestDocs"}
	Check(fake, path, []byte("first\n"))
	if content, err := os.ReadFile(path); err != nil || string(content) != "first\n" {
		t.Fatalf("after -update the file holds %q (%v), want the output", content, err)
	}
	if len(fake.errors)+len(fake.fatals) > 0 || len(fake.log) != 1 {
		t.Errorf("errors %q, fatals %q, log %q; want only a note of the update", fake.errors, fake.fatals, fake.log)
	}

	// The same output again leaves the file alone, its time included.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	fake = &fakeTB{name: "TestDocs"}
	Check(fake, path, []byte("first\n"))
	if info, err := os.Stat(path); err != nil || !info.ModTime().Equal(old) || len(fake.log) != 0 {
		t.Errorf("an unchanged golden file was written again (%v, log %q)", err, fake.log)
	}

	Check(fake, path, []byte("second\n"))
	if content, _ := os.ReadFile(path); string(content) != "second\n" {
		t.Errorf("after -update the file holds %q, want the new output", content)
	}
}

func TestRefreshCommand(t *testing.T) {
	tests := []struct{ name, want string }{
		{"TestGolden", "go test ./internal/golden -run '^TestGolden$' -update"},
		{"TestGolden/invoice-api/csv", "go test ./internal/golden -run '^TestGolden$/^invoice-api$/^csv$' -update"},
		{"TestX/a.b_(c)", `go test ./internal/golden -run '^TestX$/^a\.b_\(c\)$' -update`},
		{"TestX/it's", `go test ./internal/golden -run '^TestX$/^it'\''s$' -update`},
		{"", "go test ./internal/golden -update"},
	}
	for _, tt := range tests {
		if got := refreshCommand(tt.name); got != tt.want {
			t.Errorf("refreshCommand(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestPackagePath(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// The temporary folder may itself lie in a module (TMPDIR set so).
	if got := packagePath(sub); got != "" && !strings.HasSuffix(got, "/a/b") {
		t.Errorf("packagePath without a go.mod = %q, want \"\"", got)
	}
	writeFile(t, filepath.Join(root, "go.mod"), "module example.com/m\n")
	for dir, want := range map[string]string{sub: "./a/b", root: "."} {
		if got := packagePath(dir); got != want {
			t.Errorf("packagePath(%s) = %q, want %q", dir, got, want)
		}
	}
}
