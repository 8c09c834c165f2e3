package artifact

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

func TestPRDNumber(t *testing.T) {
	tests := []struct {
		name string
		in   PRD
		want PRD
	}{
		{name: "empty"},
		{
			name: "IDs left empty",
			in: PRD{
				Goals:         []Goal{{Text: "a"}, {Text: "b"}},
				Functional:    []Requirement{{Text: "f1"}, {Text: "f2"}, {Text: "f3"}},
				NonFunctional: []Requirement{{Text: "n1", Priority: "P1"}},
				OpenQuestions: []Question{{Text: "q1"}, {Text: "q2"}},
			},
			want: PRD{
				Goals:         []Goal{{ID: "G-1", Text: "a"}, {ID: "G-2", Text: "b"}},
				Functional:    []Requirement{{ID: "FR-001", Text: "f1"}, {ID: "FR-002", Text: "f2"}, {ID: "FR-003", Text: "f3"}},
				NonFunctional: []Requirement{{ID: "NFR-001", Text: "n1", Priority: "P1"}},
				OpenQuestions: []Question{{ID: "Q-1", Text: "q1"}, {ID: "Q-2", Text: "q2"}},
			},
		},
		{
			name: "IDs set by a model are overwritten",
			in: PRD{
				Goals:         []Goal{{ID: "G-7", Text: "a"}, {ID: "goal 1", Text: "b"}},
				Functional:    []Requirement{{ID: "FR-002", Text: "f1"}, {ID: "FR-002", Text: "f2"}, {ID: "FR-1", Text: "f3"}},
				NonFunctional: []Requirement{{ID: "FR-009", Text: "n1"}},
				OpenQuestions: []Question{{ID: "Q-0", Text: "q1"}},
			},
			want: PRD{
				Goals:         []Goal{{ID: "G-1", Text: "a"}, {ID: "G-2", Text: "b"}},
				Functional:    []Requirement{{ID: "FR-001", Text: "f1"}, {ID: "FR-002", Text: "f2"}, {ID: "FR-003", Text: "f3"}},
				NonFunctional: []Requirement{{ID: "NFR-001", Text: "n1"}},
				OpenQuestions: []Question{{ID: "Q-1", Text: "q1"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := tt.in, tt.want
			got.Title, want.Title = "T", "T"
			got.Number()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Number():\n got %+v\nwant %+v", got, want)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("numbered PRD does not validate: %v", err)
			}
		})
	}
}

func TestStoriesNumber(t *testing.T) {
	tests := []struct {
		name string
		in   []Story
		want []Story
	}{
		{name: "no stories"},
		{
			name: "IDs left empty",
			in: []Story{
				{Title: "a", Traces: []string{"FR-001"}, Criteria: []Criterion{{Text: "c1"}, {Given: "g", When: "w", Then: "t"}}},
				{Title: "b", Traces: []string{"FR-002"}, Criteria: []Criterion{{Text: "c"}}},
			},
			want: []Story{
				{ID: "US-001", Title: "a", Traces: []string{"FR-001"}, Criteria: []Criterion{{ID: "AC-001.1", Text: "c1"}, {ID: "AC-001.2", Given: "g", When: "w", Then: "t"}}},
				{ID: "US-002", Title: "b", Traces: []string{"FR-002"}, Criteria: []Criterion{{ID: "AC-002.1", Text: "c"}}},
			},
		},
		{
			name: "IDs set by a model are overwritten",
			in: []Story{
				{ID: "US-005", Title: "a", Criteria: []Criterion{{ID: "AC-005.3", Text: "c1"}, {ID: "AC-001.1", Text: "c2"}}},
				{ID: "US-005", Title: "b", Criteria: []Criterion{{ID: "1", Text: "c"}}},
				{ID: "story 3", Title: "c"},
			},
			want: []Story{
				{ID: "US-001", Title: "a", Criteria: []Criterion{{ID: "AC-001.1", Text: "c1"}, {ID: "AC-001.2", Text: "c2"}}},
				{ID: "US-002", Title: "b", Criteria: []Criterion{{ID: "AC-002.1", Text: "c"}}},
				{ID: "US-003", Title: "c"},
			},
		},
		{
			name: "traces trimmed, upper-cased, deduplicated in order",
			in: []Story{
				{Title: "a", Traces: []string{" fr-002", "FR-001 ", "Fr-002", "", "  ", "FR-001"}},
				{Title: "b", Traces: []string{"", " "}},
			},
			want: []Story{
				{ID: "US-001", Title: "a", Traces: []string{"FR-002", "FR-001"}},
				{ID: "US-002", Title: "b"},
			},
		},
		{
			name: "unknown and malformed traces are kept for Validate",
			in:   []Story{{Title: "a", Traces: []string{"fr-099", "FR-1", "nfr-001", "FR-099"}}},
			want: []Story{{ID: "US-001", Title: "a", Traces: []string{"FR-099", "FR-1", "NFR-001"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Stories{Title: "T", Stories: tt.in}
			got.Number()
			want := Stories{Title: "T", Stories: tt.want}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Number():\n got %+v\nwant %+v", got.Stories, want.Stories)
			}
		})
	}
}

// Traces that survive numbering are still checked against the PRD.
func TestStoriesNumberThenValidate(t *testing.T) {
	prd := &PRD{Title: "T", Functional: []Requirement{{Text: "a"}}}
	prd.Number()
	s := Stories{Title: "T", Stories: []Story{{Title: "a", Traces: []string{"fr-001", "fr-002"}, Criteria: []Criterion{{Text: "c"}}}}}
	s.Number()
	err := s.Validate(prd)
	if err == nil || err.Error() != "US-001: trace FR-002 is not in the PRD's functional requirements" {
		t.Errorf("Validate() = %v, want only the unknown trace FR-002 reported", err)
	}
}

func TestTechSpecNumber(t *testing.T) {
	tests := []struct {
		name string
		in   TechSpec
		want TechSpec
	}{
		{name: "empty"},
		{
			name: "IDs left empty or set by a model",
			in: TechSpec{
				Tasks:         []Task{{Text: "a", Stories: []string{"US-001"}}, {ID: "T-009", Text: "b", Stories: []string{"US-002"}}, {ID: "T-009", Text: "c", Stories: []string{"US-001"}}},
				OpenQuestions: []Question{{ID: "Q-4", Text: "q1"}, {Text: "q2"}},
			},
			want: TechSpec{
				Tasks:         []Task{{ID: "T-001", Text: "a", Stories: []string{"US-001"}}, {ID: "T-002", Text: "b", Stories: []string{"US-002"}}, {ID: "T-003", Text: "c", Stories: []string{"US-001"}}},
				OpenQuestions: []Question{{ID: "Q-1", Text: "q1"}, {ID: "Q-2", Text: "q2"}},
			},
		},
		{
			name: "story references normalized",
			in: TechSpec{
				Endpoints: []Endpoint{{Method: "GET", Path: "/q", Stories: []string{"us-002 ", "US-001", "US-002", ""}}},
				Tasks:     []Task{{Text: "a", Stories: []string{" us-003", "US-003", "us-404"}}},
			},
			want: TechSpec{
				Endpoints: []Endpoint{{Method: "GET", Path: "/q", Stories: []string{"US-002", "US-001"}}},
				Tasks:     []Task{{ID: "T-001", Text: "a", Stories: []string{"US-003", "US-404"}}},
			},
		},
		{
			name: "quality keeps the PRD's IDs",
			in:   TechSpec{Quality: []Requirement{{ID: "NFR-003", Text: "a"}, {ID: " nfr-001", Text: "b"}, {Text: "c"}}},
			want: TechSpec{Quality: []Requirement{{ID: "NFR-003", Text: "a"}, {ID: "NFR-001", Text: "b"}, {Text: "c"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in
			got.Number()
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Number():\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// Numbering a document that prodgen numbered changes nothing.
func TestNumberFixtures(t *testing.T) {
	prd := richPRD()
	// FR-1000 in the fixture stands for a gap left by an edit; numbering
	// by position closes it.
	prd.Functional[3].ID = FRID(4)
	stories := richStories()
	// A trace to FR-1000 follows the requirement to FR-004.
	stories.Stories[2].Traces = []string{FRID(4)}
	tests := []struct {
		name string
		doc  interface{ Number() }
	}{
		{"prd", prd},
		{"stories", stories},
		{"tech", richTech()},
	}
	for _, tt := range tests {
		before, err := json.Marshal(tt.doc)
		if err != nil {
			t.Fatal(err)
		}
		tt.doc.Number()
		after, err := json.Marshal(tt.doc)
		if err != nil {
			t.Fatal(err)
		}
		if string(before) != string(after) {
			t.Errorf("%s: Number() changed a numbered document:\n%s", tt.name, golden.Diff(string(before), string(after)))
		}
	}
}

func TestNormalizeRefs(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{nil, nil},
		{[]string{}, nil},
		{[]string{" "}, nil},
		{[]string{"us-001"}, []string{"US-001"}},
		{[]string{"\tFR-002\n", "fr-001", "FR-002"}, []string{"FR-002", "FR-001"}},
		{[]string{"FR-1", "FR-001"}, []string{"FR-1", "FR-001"}},
	}
	for _, tt := range tests {
		if got := normalizeRefs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("normalizeRefs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestNumberTaskDependencies checks that dependencies follow the tasks
// they name, whatever IDs the model gave them, and from the first number
// a tasks request's answer starts at.
func TestNumberTaskDependencies(t *testing.T) {
	tests := []struct {
		name  string
		first int
		tasks []Task
		want  [][]string // each task's dependencies after numbering
	}{
		{"IDs as asked", 1, []Task{{ID: "T-001"}, {ID: "T-002", DependsOn: []string{"T-001"}}}, [][]string{nil, {"T-001"}}},
		{"IDs out of order", 1, []Task{{ID: "T-005"}, {ID: "t-003", DependsOn: []string{" t-005", "T-005"}}, {ID: "T-004", DependsOn: []string{"T-003"}}},
			[][]string{nil, {"T-001"}, {"T-002"}}},
		{"no IDs: dependencies by position", 1, []Task{{}, {DependsOn: []string{"T-001"}}}, [][]string{nil, {"T-001"}}},
		{"a second answer starts later and keeps the design's", 3, []Task{{ID: "T-003", DependsOn: []string{"T-001"}}, {ID: "T-004", DependsOn: []string{"T-003", "T-002"}}},
			[][]string{{"T-001"}, {"T-003", "T-002"}}},
		{"an ID two tasks had is not followed", 1, []Task{{ID: "T-002"}, {ID: "T-002"}, {ID: "T-009", DependsOn: []string{"T-002"}}},
			[][]string{nil, nil, {"T-002"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &TechSpec{Tasks: tt.tasks}
			s.NumberFrom(tt.first)
			for i, task := range s.Tasks {
				if want := KindTask.Format(tt.first + i); task.ID != want {
					t.Errorf("task %d got %s, want %s", i+1, task.ID, want)
				}
				if !slices.Equal(task.DependsOn, tt.want[i]) {
					t.Errorf("%s depends on %q, want %q", task.ID, task.DependsOn, tt.want[i])
				}
			}
		})
	}
}
