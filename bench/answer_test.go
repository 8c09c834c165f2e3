package main

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/prompt"
)

func TestConform(t *testing.T) {
	schema := artifact.StoriesSchema([]string{"FR-001", "FR-002"}, nil)
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr string
	}{
		{"fills what is missing, in schema order, ids left empty",
			`{"stories":[{"title":"T","id":"US-009","traces":["FR-002"]}]}`,
			`{"title":"","stories":[{"id":"","title":"T","role":"","want":"","so_that":"","priority":"","size":"","traces":["FR-002"],"criteria":[]}]}`, ""},
		{"empty", `{}`, `{"title":"","stories":[]}`, ""},
		{"unknown key", `{"colour":"red"}`, "", `key "colour"`},
		{"trace outside the enum", `{"stories":[{"traces":["FR-003"]}]}`, "", `"FR-003" is not one of`},
		{"wrong type", `{"title":3}`, "", "want a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
				t.Fatal(err)
			}
			got, err := conform(schema, v)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestEnumAt(t *testing.T) {
	ids := []string{"US-001", "US-002"}
	got, err := enumAt(artifact.TechSchema(artifact.TechIDs{Stories: ids}), "tasks", "stories")
	if err != nil || !slices.Equal(got, ids) {
		t.Errorf("enumAt = %v, %v; want %v", got, err, ids)
	}
	if _, err := enumAt(artifact.TechSchema(artifact.TechIDs{Stories: ids}), "tasks", "nope"); err == nil {
		t.Error("enumAt of a missing property: no error")
	}
}

// TestAnswerer checks that each answer decodes strictly into its artifact
// and validates, so prodgen never sends a repair request in the benchmark.
func TestAnswerer(t *testing.T) {
	a, err := newAnswerer(brief30)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.frIDs()); n != 30 {
		t.Fatalf("the PRD answer has %d functional requirements, want 30", n)
	}
	var prd artifact.PRD
	decodeAnswer(t, a, "prd", partWhole, artifact.PRDSchema(len(artifact.BriefLines([]byte(brief30)))), &prd)
	prd.Number()
	if err := prd.Validate(); err != nil {
		t.Fatalf("PRD answer: %v", err)
	}
	// The stories stage as prodgen splits it: one request per group of FRs.
	var all artifact.Stories
	for lo := 0; lo < len(prd.Functional); lo += 7 {
		group := prd.Functional[lo:min(lo+7, len(prd.Functional))]
		var ids []string
		for _, fr := range group {
			ids = append(ids, fr.ID)
		}
		// As prodgen asks: the schema lists every FR, the prompt the group.
		text, err := prompt.New("").Render("stories", prompt.StoriesData{PRD: "# PRD", FRIDs: ids, Part: true, Roles: []string{"user"}})
		if err != nil {
			t.Fatal(err)
		}
		var part artifact.Stories
		decodeAnswer(t, a, "stories", storiesGroup(text), artifact.StoriesSchema(a.frIDs(), nil), &part)
		for _, st := range part.Stories {
			if len(st.Traces) == 0 || !slices.Contains(ids, st.Traces[0]) {
				t.Errorf("story %q traces %v, outside its group %v", st.Title, st.Traces, ids)
			}
		}
		all.Stories = append(all.Stories, part.Stories...)
	}
	all.Number()
	if err := all.Validate(&prd); err != nil {
		t.Fatalf("stories answers: %v", err)
	}
	var storyIDs []string
	for _, st := range all.Stories {
		storyIDs = append(storyIDs, st.ID)
	}
	var nfrIDs []string
	for _, r := range prd.NonFunctional {
		nfrIDs = append(nfrIDs, r.ID)
	}
	// The tech stage whole, and split as prodgen splits a large one: a
	// design request first, then a tasks request per group of stories
	// carrying the design's names, merged with the design's setup tasks
	// first and each group's tasks numbered on, as prodgen merges them.
	ids := artifact.TechIDs{Stories: storyIDs, NFRs: nfrIDs, FRs: a.frIDs()}
	var whole artifact.TechSpec
	decodeAnswer(t, a, "tech", partWhole, artifact.TechSchema(ids), &whole)
	whole.Number()
	if err := whole.Validate(&prd, &all); err != nil {
		t.Fatalf("tech answer: %v", err)
	}
	var design artifact.TechSpec
	decodeAnswer(t, a, "tech", partDesign, artifact.TechSchema(ids), &design)
	design.Number()
	if len(design.Tasks) != 1 || !design.Tasks[0].Setup || len(design.Entities) == 0 {
		t.Errorf("design answer: %d tasks, %d entities; want the setup task and the design", len(design.Tasks), len(design.Entities))
	}
	tasksIDs := ids
	for _, c := range design.Components {
		tasksIDs.Components = append(tasksIDs.Components, c.Name)
	}
	for _, e := range design.Entities {
		tasksIDs.Entities = append(tasksIDs.Entities, e.Name)
	}
	for _, e := range design.Endpoints {
		tasksIDs.Endpoints = append(tasksIDs.Endpoints, artifact.EndpointKey(e))
	}
	tasksIDs.Tasks, tasksIDs.FirstTask = []string{"T-001"}, 2
	for lo := 0; lo < len(storyIDs); lo += 8 {
		tasksIDs.Stories = storyIDs[lo:min(lo+8, len(storyIDs))]
		var tasks artifact.TechSpec
		decodeAnswer(t, a, "tech", partTasks, artifact.TechSchema(tasksIDs), &tasks)
		if len(tasks.Tasks) == 0 || len(tasks.Entities)+len(tasks.Endpoints)+len(tasks.Components) != 0 {
			t.Errorf("tasks answer for %v: %d tasks and some design; want tasks only", tasksIDs.Stories, len(tasks.Tasks))
		}
		if err := design.ValidateTasks(append(design.Tasks[:1:1], tasks.Tasks...), &all); err != nil {
			t.Errorf("tasks answer for %v: %v", tasksIDs.Stories, err)
		}
		offset := len(design.Tasks)
		for _, task := range tasks.Tasks {
			shift := func(id string) string {
				if n, err := artifact.ParseID(artifact.KindTask, id); err == nil && n > 1 {
					return artifact.TaskID(n - 1 + offset)
				}
				return id
			}
			task.ID = shift(task.ID)
			for j, d := range task.DependsOn {
				task.DependsOn[j] = shift(d)
			}
			design.Tasks = append(design.Tasks, task)
		}
	}
	design.Number()
	if err := design.Validate(&prd, &all); err != nil {
		t.Fatalf("split tech answers: %v", err)
	}
	if _, err := a.answer("scaffold", partWhole, nil); err == nil {
		t.Error("an answer for an unknown stage: no error")
	}
}

func TestTechPart(t *testing.T) {
	tests := []struct {
		prompt, want string
	}{
		{"1. Break the work into tasks.", partWhole},
		{"6. Write only the setup tasks: the work every story builds on.", partDesign},
		{"3. Leave every other part of the answer empty.", partTasks},
	}
	for _, tt := range tests {
		if got := techPart(tt.prompt); got != tt.want {
			t.Errorf("techPart(%q) = %q, want %q", tt.prompt, got, tt.want)
		}
	}
	// The built-in prompt, as prodgen renders it for each part, so that a
	// change of its wording fails here rather than in the suite.
	for _, part := range []string{partWhole, partDesign, partTasks} {
		text, err := prompt.New("").Render("tech", prompt.TechData{PRD: "# PRD", Stories: "# Stories", StoryIDs: []string{"US-001"}, Part: part})
		if err != nil {
			t.Fatal(err)
		}
		if got := techPart(text); got != part {
			t.Errorf("the built-in tech prompt for part %q reads as part %q", part, got)
		}
	}
}

func decodeAnswer(t *testing.T, a *answerer, stage, part string, schema json.RawMessage, into any) {
	t.Helper()
	content, err := a.answer(stage, part, schema)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		t.Fatalf("%s answer does not decode strictly: %v", stage, err)
	}
}

// A PRD answer's sources are integers within the brief's lines: a missing
// one is 0, as a strict model writes no source.
func TestConformSources(t *testing.T) {
	schema := artifact.PRDSchema(10)
	tests := []struct {
		name, in, want string
	}{
		{"missing", `{"goals":[{"text":"g"}]}`, `"goals":[{"id":"","text":"g","source":{"start":0,"end":0}}]`},
		{"given", `{"goals":[{"text":"g","source":{"start":2,"end":3}}]}`, `"source":{"start":2,"end":3}`},
		{"beyond the brief", `{"goals":[{"source":{"start":2,"end":11}}]}`, "11 is above the maximum 10"},
		{"not a whole number", `{"goals":[{"source":{"start":2.5}}]}`, "want an integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v any
			if err := json.Unmarshal([]byte(tt.in), &v); err != nil {
				t.Fatal(err)
			}
			got, err := conform(schema, v)
			if out := string(got) + errText(err); !strings.Contains(out, tt.want) {
				t.Errorf("got %s, want it to contain %s", out, tt.want)
			}
		})
	}
}

// errText is err's message, or "" for no error.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestStoriesGroup reads the group of requirements from the built-in
// stories prompt as prodgen renders it for a split stage: the schema
// offers every requirement, the prompt names the group to cover.
func TestStoriesGroup(t *testing.T) {
	text, err := prompt.New("").Render("stories", prompt.StoriesData{PRD: "# PRD", FRIDs: []string{"FR-006", "FR-007"}, Part: true, Roles: []string{"user"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := storiesGroup(text); got != "FR-006, FR-007" {
		t.Errorf("storiesGroup = %q, want the prompt's group", got)
	}
	if got, _ := offered("stories", storiesGroup(text), nil); !slices.Equal(got, []string{"FR-006", "FR-007"}) {
		t.Errorf("offered = %v", got)
	}
}
