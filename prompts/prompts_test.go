package prompts

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"text/template"
)

// TestTemplatesRender renders every embedded prompt with the data its stage
// passes, so a broken template fails here and not in a user's run.
func TestTemplatesRender(t *testing.T) {
	data := map[string]any{
		"Brief": "# Brief\n\n{{ not a template }}", "BriefPath": "brief.md",
		"NumberedBrief": "1| # Brief\n2|\n3| {{ not a template }}\n", "BriefLines": 3,
		"PRD": "# PRD", "FRIDs": []string{"FR-001", "FR-002"}, "Part": true, "Roles": []string{"patient"},
		"Stories": "# Stories", "StoryIDs": []string{"US-001"},
		"Lang": "go", "Tech": "# Tech",
		"Design": "# Technical requirements: x", "Components": []string{"Web app"}, "Entities": []string{"Patient"},
		"Endpoints": []string{"GET /patients"}, "SetupTasks": []string{"T-001"}, "FirstTask": "T-002",
	}
	names, err := fs.Glob(FS, "*.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"prd.md", "stories.md", "tech.md", "scaffold.md"} {
		if !slices.Contains(names, want) {
			t.Errorf("prompt %s is not embedded (have %v)", want, names)
		}
	}
	funcs := template.FuncMap{"join": strings.Join}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			src, err := fs.ReadFile(FS, name)
			if err != nil {
				t.Fatal(err)
			}
			tmpl, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(string(src))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			// Part takes each stage's type: the stories template tests
			// a bool, the tech template compares a string.
			d := maps.Clone(data)
			if name == "tech.md" {
				d["Part"] = "tasks"
			}
			var b strings.Builder
			if err := tmpl.Execute(&b, d); err != nil {
				t.Fatalf("render: %v", err)
			}
			out := b.String()
			for _, section := range []string{"# Identity and purpose", "# Steps", "# Output instructions", "# Input"} {
				if !strings.Contains(out, section) {
					t.Errorf("rendered prompt lacks %q", section)
				}
			}
			if strings.Contains(name, "prd") && !strings.Contains(out, "{{ not a template }}") {
				t.Error("the brief must be passed through as data, not expanded")
			}
			// The fields of a PM's PRD and stories are each asked for.
			asks := map[string][]string{
				"prd.md":     {`"phase"`, "goals the brief gives them", "user journey", "dependencies", "risks", "mitigation", "timeframe"},
				"stories.md": {"never\n   invent one", "priority of the requirement", "size hint, S, M or L", `"kind": main, alternative`},
			}
			for _, ask := range asks[name] {
				if !strings.Contains(out, ask) {
					t.Errorf("the prompt does not ask for %q", ask)
				}
			}
		})
	}
}

// TestTechPromptParts renders the tech prompt for each part of the
// document and checks that it asks for what each part writes: the new
// fields of the design with what each is for, setup tasks alone in the
// design request, and in a tasks request the design with the names its
// tasks may use.
func TestTechPromptParts(t *testing.T) {
	src, err := fs.ReadFile(FS, "tech.md")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("tech.md").Funcs(template.FuncMap{"join": strings.Join}).Option("missingkey=error").Parse(string(src)))
	design := []string{"platform", "its kind, the\n   technology", "requirements it serves", "required or\n   not", "relationships", "who owns them",
		"pages and form actions", "route name", "list, get, create, update, delete"}
	tests := []struct {
		part      string
		asks, not []string
	}{
		{"", append(slices.Clone(design), "setup task", "dependencies", "a size", "parallel mark", "must not go round in a cycle"), []string{"The design, written first"}},
		{"design", append(slices.Clone(design), "Write only the setup tasks"), []string{"The design, written first", "parallel mark"}},
		{"tasks", []string{"The design, written first", "Components a task may name: Web app", "Entities a task may name: Patient",
			"Endpoints a task may name: GET /patients", "setup tasks (T-001)", "from T-002 on", "# Technical requirements: x"}, []string{"platform"}},
	}
	for _, tt := range tests {
		brief := "# Leadline brief"
		if tt.part == "tasks" {
			brief = "" // the design carries what the brief gives
		} else {
			tt.asks = append(tt.asks, "# Leadline brief", "keep its entities, fields and\nendpoints as it states them")
		}
		t.Run("part "+tt.part, func(t *testing.T) {
			var b strings.Builder
			if err := tmpl.Execute(&b, map[string]any{
				"Brief": brief, "PRD": "# PRD", "Stories": "# Stories", "StoryIDs": []string{"US-001"}, "Part": tt.part,
				"Design": "# Technical requirements: x", "Components": []string{"Web app"}, "Entities": []string{"Patient"},
				"Endpoints": []string{"GET /patients"}, "SetupTasks": []string{"T-001"}, "FirstTask": "T-002",
			}); err != nil {
				t.Fatal(err)
			}
			for _, ask := range tt.asks {
				if !strings.Contains(b.String(), ask) {
					t.Errorf("the prompt does not say %q:\n%s", ask, b.String())
				}
			}
			for _, no := range tt.not {
				if strings.Contains(b.String(), no) {
					t.Errorf("the prompt says %q", no)
				}
			}
		})
	}
}
