package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/config"
)

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
