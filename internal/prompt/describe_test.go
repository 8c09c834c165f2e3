package prompt

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// Every built-in prompt has a one-line description, and every description
// belongs to a built-in prompt.
func TestDescribe(t *testing.T) {
	stages := New("").List()
	for _, stage := range stages {
		d := Describe(stage)
		switch {
		case d == "":
			t.Errorf("built-in prompt %s has no description: add one to descriptions in describe.go", stage)
		case strings.ContainsAny(d, "\n\r\t"):
			t.Errorf("description of %s is not one line: %q", stage, d)
		}
	}
	for _, stage := range slices.Sorted(maps.Keys(descriptions)) {
		if !slices.Contains(stages, stage) {
			t.Errorf("description of %s, which is not a built-in prompt (%v)", stage, stages)
		}
	}
	if d := Describe("summary"); d != "" {
		t.Errorf("Describe(summary) = %q, want \"\"", d)
	}
}

func TestBuiltInTemplate(t *testing.T) {
	for _, stage := range New("").List() {
		got, err := BuiltInTemplate(stage)
		if err != nil {
			t.Fatalf("BuiltInTemplate(%s): %v", stage, err)
		}
		want, _, err := New("").Template(stage)
		if err != nil {
			t.Fatal(err)
		}
		if got != want || got == "" {
			t.Errorf("BuiltInTemplate(%s) differs from the embedded template", stage)
		}
	}
	if _, err := BuiltInTemplate("summary"); err == nil || !strings.Contains(err.Error(), `unknown prompt "summary"`) {
		t.Errorf("BuiltInTemplate(summary) error = %v, want an unknown prompt", err)
	}
}

// A template set whose files lack descriptions is caught by the same check
// TestDescribe runs on the built-ins.
func TestDescribeFollowsList(t *testing.T) {
	s := newSet(fstest.MapFS{"prd.md": {Data: []byte("x")}, "retro.md": {Data: []byte("y")}}, nil, "")
	var missing []string
	for _, stage := range s.List() {
		if Describe(stage) == "" {
			missing = append(missing, stage)
		}
	}
	if !slices.Equal(missing, []string{"retro"}) {
		t.Errorf("stages without a description = %v, want [retro]", missing)
	}
}
