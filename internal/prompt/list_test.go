package prompt

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShown(t *testing.T) {
	root := filepath.FromSlash("/work/project")
	tests := []struct {
		source, configured, want string
	}{
		{BuiltIn, "prompts", BuiltIn},
		{filepath.FromSlash("/work/project/prompts/prd.md"), "prompts", "prompts/prd.md"},
		{filepath.FromSlash("/work/project/p/prd.md"), "./p/../p/", "p/prd.md"},
		{filepath.FromSlash("/work/shared/prd.md"), "../shared", "../shared/prd.md"},
		{filepath.FromSlash("/work/project/abs/prd.md"), filepath.FromSlash("/work/project/abs"), filepath.FromSlash("/work/project/abs/prd.md")},
	}
	for _, tt := range tests {
		if got := Shown(tt.source, root, tt.configured); got != tt.want {
			t.Errorf("Shown(%q, %q) = %q, want %q", tt.source, tt.configured, got, tt.want)
		}
	}
}

func TestInfosAndWriteList(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "prompts"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "prompts"), "tech.md", "{{.PRD}}")
	infos := New(filepath.Join(root, "prompts")).Infos(root, "prompts")
	if len(infos) != len(New("").List()) {
		t.Fatalf("%d infos, want one per prompt", len(infos))
	}
	for _, in := range infos {
		want := BuiltIn
		if in.Name == "tech" {
			want = "prompts/tech.md"
		}
		if in.Source != want || in.Description != Describe(in.Name) {
			t.Errorf("%+v, want source %q and the prompt's description", in, want)
		}
	}
	var text, js bytes.Buffer
	if err := WriteList(&text, infos, false); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "\ntech      prompts/tech.md  technical requirements") {
		t.Errorf("table:\n%s", text.String())
	}
	if err := WriteList(&js, infos, true); err != nil {
		t.Fatal(err)
	}
	var back []Info
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back) != len(infos) || back[3] != infos[3] {
		t.Errorf("JSON %s does not read back (%v)", js.String(), err)
	}
}

func TestFileNames(t *testing.T) {
	if got := FileNames(); got != "prd.md, scaffold.md, stories.md, tech.md" {
		t.Errorf("FileNames() = %q", got)
	}
}

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "file.md", "x")
	if err := CheckDir(dir, "p"); err != nil {
		t.Errorf("a folder: %v", err)
	}
	if err := CheckDir(filepath.Join(dir, "file.md"), "file.md"); err == nil || err.Error() != "file.md is not a folder" {
		t.Errorf("a file: %v", err)
	}
	if err := CheckDir(filepath.Join(dir, "none"), "none"); err == nil || !strings.Contains(err.Error(), "folder none does not exist; write the built-in prompts there with 'prodgen prompts eject'") {
		t.Errorf("a missing folder: %v", err)
	}
}
