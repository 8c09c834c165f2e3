package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/golden"
)

// examples are copies of examples/<name>/docs, so the goldens change only
// when someone refreshes them.
var examples = []string{"invoice-api", "habit-tracker"}

// load parses testdata/<name>/stories.md and prd.md.
func load(t *testing.T, name string) (*artifact.Stories, *artifact.PRD) {
	t.Helper()
	read := func(file string) []byte {
		t.Helper()
		data, err := os.ReadFile(filepath.Join("testdata", name, file))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	stories, err := artifact.ParseStories(read("stories.md"))
	if err != nil {
		t.Fatalf("%s/stories.md: %v", name, err)
	}
	prd, err := artifact.ParsePRD(read("prd.md"))
	if err != nil {
		t.Fatalf("%s/prd.md: %v", name, err)
	}
	return stories, prd
}

// render writes the example in format f.
func render(t *testing.T, name string, f Format) []byte {
	t.Helper()
	stories, prd := load(t, name)
	var buf bytes.Buffer
	if err := Build(stories, prd).Write(&buf, f); err != nil {
		t.Fatalf("Write(%s): %v", f, err)
	}
	return buf.Bytes()
}

// goldenExt is the golden file's extension per format.
var goldenExt = map[Format]string{CSV: ".golden.csv", JSON: ".golden.json", GitHub: ".github.golden.json"}

func TestGolden(t *testing.T) {
	for _, name := range examples {
		for _, f := range Formats {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				got := render(t, name, f)
				golden.Check(t, filepath.Join("testdata", name+goldenExt[f]), got)
				if again := render(t, name, f); !bytes.Equal(got, again) {
					t.Errorf("two exports of the same documents differ")
				}
			})
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			stories, prd := load(t, name)
			want := Build(stories, prd)
			data := render(t, name, JSON)
			if !bytes.HasSuffix(data, []byte("}\n")) || !bytes.HasPrefix(data, []byte("{\n  \"schema\": ")) {
				t.Errorf("want 2-space indented JSON with a final newline, got %.40q…", data)
			}
			var got Document
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Fatal(err)
			}
			if got.Schema != Schema || len(got.Stories) != len(stories.Stories) {
				t.Fatalf("schema %q, %d stories; want %q, %d", got.Schema, len(got.Stories), Schema, len(stories.Stories))
			}
			for i, s := range got.Stories {
				w := want.Stories[i]
				if s.ID != stories.Stories[i].ID || s.Sentence != w.Sentence || s.Priority != w.Priority ||
					!slices.Equal(s.Traces, w.Traces) || !slices.Equal(s.Labels, w.Labels) || !slices.Equal(s.Criteria, w.Criteria) {
					t.Errorf("story %d: got %+v, want %+v", i, s, w)
				}
			}
		})
	}
}

// TestJSONEmptyLists checks that nothing is null: a story without traces
// or criteria, and a document without stories, give [].
func TestJSONEmptyLists(t *testing.T) {
	tests := []struct {
		name    string
		stories *artifact.Stories
		want    []string
		nowant  string
	}{
		{"no stories", &artifact.Stories{Title: "Empty"}, []string{`"stories": []`}, "null"},
		{"bare story", &artifact.Stories{Title: "T", Stories: []artifact.Story{{ID: "US-001"}}},
			[]string{`"traces": []`, `"criteria": []`, `"title": ""`, `"so_that": ""`, `"priority": "Medium"`}, "null"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Build(tt.stories, nil).Write(&buf, JSON); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("output lacks %s:\n%s", w, buf.String())
				}
			}
			if strings.Contains(buf.String(), tt.nowant) {
				t.Errorf("output has %s:\n%s", tt.nowant, buf.String())
			}
		})
	}
}

func TestGitHubIssues(t *testing.T) {
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			stories, _ := load(t, name)
			var issues []map[string]any
			if err := json.Unmarshal(render(t, name, GitHub), &issues); err != nil {
				t.Fatal(err)
			}
			if len(issues) != len(stories.Stories) {
				t.Fatalf("%d issues, want %d", len(issues), len(stories.Stories))
			}
			for i, is := range issues {
				st := stories.Stories[i]
				title, _ := is["title"].(string)
				body, _ := is["body"].(string)
				labels, _ := is["labels"].([]any)
				if title != st.ID+": "+st.Title {
					t.Errorf("issue %d: title %q", i, title)
				}
				if !strings.HasPrefix(body, "As a") || !strings.Contains(body, "- [ ] "+st.Criteria[0].ID+" ") {
					t.Errorf("issue %d: body lacks the sentence or the task list:\n%s", i, body)
				}
				want := append([]any{StoryLabel, st.ID}, toAny(st.Traces)...)
				if !slices.Equal(labels, want) {
					t.Errorf("issue %d: labels %v, want %v", i, labels, want)
				}
			}
		})
	}
}

// An issue's body is markdown GitHub renders: text that holds HTML shows
// as written, escaped as in the stories document, and code stays code.
func TestIssueBodyEscapesHTML(t *testing.T) {
	s := Story{Sentence: "As an admin, I want to see <b>all</b> `<b>` notes.",
		Criteria: []Criterion{{ID: "AC-001.1", Text: "Given <script>alert(1)</script>, when it is saved, then nothing runs."}}}
	body := IssueBody(s)
	for _, want := range []string{
		"As an admin, I want to see \\<b>all\\</b> `<b>` notes.\n",
		"- [ ] AC-001.1 Given \\<script>alert(1)\\</script>, when it is saved, then nothing runs.\n",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

func TestPriority(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when unknown
	}{
		{"P0", Highest}, {"must", Highest}, {"Must have", Highest}, {"CRITICAL", Highest},
		{"P1", High}, {"Should", High}, {"should-have", High}, {"High", High},
		{"p2", Medium}, {"Could", Medium}, {"Medium", Medium},
		{"P3", Low}, {"Won't", Low}, {"won't have", Low}, {"Wont", Low}, {"low", Low},
		{"", ""}, {"P4", ""}, {"urgent", ""}, {"have", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Priority(tt.in)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("Priority(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestStoryPriority(t *testing.T) {
	prd := &artifact.PRD{Functional: []artifact.Requirement{
		{ID: "FR-001", Priority: "P2"}, {ID: "FR-002", Priority: "P0"},
		{ID: "FR-003", Priority: "Should"}, {ID: "FR-004"}, {ID: "FR-005", Priority: "someday"},
	}}
	tests := []struct {
		name   string
		traces []string
		prd    *artifact.PRD
		want   string
		own    string // the story's own priority
	}{
		{"highest of several", []string{"FR-001", "FR-002", "FR-003"}, prd, Highest, ""},
		{"one", []string{"FR-003"}, prd, High, ""},
		{"no priority", []string{"FR-004"}, prd, Medium, ""},
		{"unknown priority", []string{"FR-005", "FR-001"}, prd, Medium, ""},
		{"dangling", []string{"FR-009"}, prd, Medium, ""},
		{"no traces", nil, prd, Medium, ""},
		{"no PRD", []string{"FR-002"}, nil, Medium, ""},
		{"the story's own", []string{"FR-002"}, prd, Low, "Won't have"},
		{"the story's own without a PRD", nil, nil, High, "P1"},
		{"the story's own, unknown", []string{"FR-003"}, prd, High, "soon"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := storyPriority(artifact.Story{Traces: tt.traces, Priority: tt.own}, priorities(tt.prd)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDanglingTraces(t *testing.T) {
	stories := &artifact.Stories{Stories: []artifact.Story{
		{ID: "US-001", Traces: []string{"FR-001", "FR-009"}}, {ID: "US-002", Traces: []string{"FR-008"}},
	}}
	prd := &artifact.PRD{Functional: []artifact.Requirement{{ID: "FR-001"}}}
	got := DanglingTraces(stories, prd)
	want := []Dangling{{"US-001", "FR-009"}, {"US-002", "FR-008"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestSentenceInAnotherForm checks that a story sentence a person wrote in
// another form, which the stories document keeps as written, is exported
// as the story's sentence in every format rather than dropped.
func TestSentenceInAnotherForm(t *testing.T) {
	src := "# User stories: Teams\n\n## US-001 Teams\n\nTeam leads like teams.\n\nTraces: FR-001, =1+2\n\n## US-002\n\n=1+2 is what they want.\n"
	stories, err := artifact.ParseStories([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d := Build(stories, nil)
	if s := d.Stories[0]; s.Sentence != "Team leads like teams." || s.Role != "" || s.Want != "" || !slices.Equal(s.Traces, []string{"FR-001"}) {
		t.Errorf("story = %+v, want the sentence as written, no role or want, the trace that is an ID", s)
	}
	var csvOut, issues bytes.Buffer
	if err := d.Write(&csvOut, CSV); err != nil {
		t.Fatal(err)
	}
	records := readCSV(t, csvOut.Bytes())
	if got := records[1][2]; !strings.HasPrefix(got, "Team leads like teams.\n\nAcceptance criteria: none") {
		t.Errorf("US-001's description = %q, want it to start with the sentence", got)
	}
	// A sentence that starts like a formula is guarded like any cell.
	if got := records[2][2]; !strings.HasPrefix(got, "'=1+2 is what they want.\n\n") {
		t.Errorf("US-002's description = %q, want the sentence behind a quote", got)
	}
	if err := d.Write(&issues, GitHub); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(issues.String(), `"body": "Team leads like teams.\n\n### Acceptance criteria`) {
		t.Errorf("issues lack the sentence:\n%s", issues.String())
	}
}

// A story's own priority, its size and each criterion's kind are
// exported as the document gives them.
func TestPlannedStory(t *testing.T) {
	stories := &artifact.Stories{Title: "Tiny", Stories: []artifact.Story{{
		ID: "US-001", Role: "analyst", Want: "to export", Priority: "Could", Size: "M", Traces: []string{"FR-001"},
		Criteria: []artifact.Criterion{{ID: "AC-001.1", Kind: "error", Given: "a", When: "b", Then: "c"}},
	}}}
	prd := &artifact.PRD{Functional: []artifact.Requirement{{ID: "FR-001", Priority: "Must"}}}
	s := Build(stories, prd).Stories[0]
	if s.Priority != Medium || s.Size != "M" {
		t.Errorf("priority %q, size %q; want the story's own: Medium (Could), M", s.Priority, s.Size)
	}
	if c := s.Criteria[0]; c.Kind != "error" || c.Text != "(error) Given a, when b, then c." {
		t.Errorf("criterion %+v, want kind error and its line", c)
	}
}
