package prompt

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestEject(t *testing.T) {
	abs := filepath.Join(t.TempDir(), "my prompts")
	var wrote []string
	if err := Eject(abs, "my prompts", false, func(name string) { wrote = append(wrote, name) }); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, name := range New("").List() {
		want = append(want, "my prompts/"+name+".md")
	}
	if !slices.Equal(wrote, want) {
		t.Errorf("wrote %q, want %q", wrote, want)
	}
	// The copies render as the built-ins do.
	for _, name := range New("").List() {
		got, _, err := New(abs).Template(name)
		builtIn, _ := BuiltInTemplate(name)
		if err != nil || got != builtIn {
			t.Errorf("%s: the copy differs from the built-in (%v)", name, err)
		}
	}

	// Again: refused, naming every file, and nothing is written.
	write(t, abs, "prd.md", "mine")
	err := Eject(abs, "my prompts", false, func(string) { t.Error("a refused eject wrote a file") })
	if err == nil || !strings.Contains(err.Error(), "my prompts: prd.md, scaffold.md, stories.md, tech.md already exist; nothing was written") {
		t.Errorf("Eject = %v, want a refusal naming the files", err)
	}
	if b, _ := os.ReadFile(filepath.Join(abs, "prd.md")); string(b) != "mine" {
		t.Errorf("prd.md = %q after a refused eject", b)
	}
	// --force overwrites.
	if err := Eject(abs, "my prompts", true, func(string) {}); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := New(abs).Template("prd"); got == "mine" {
		t.Error("--force kept prd.md")
	}
}

func TestEjectIntoFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "brief.md", "# A brief\n")
	err := Eject(filepath.Join(dir, "brief.md"), "brief.md", false, func(string) {})
	if err == nil || err.Error() != "brief.md: is not a folder" {
		t.Errorf("Eject = %v, want brief.md: is not a folder", err)
	}
}
