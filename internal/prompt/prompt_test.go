package prompt

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/prodgen/prodgen/internal/llm"
)

const sampleBrief = "# Clinic Queue\n\nPatients join a walk-in queue from their phone.\n"

// samples holds typed data for every built-in stage, with text that each
// rendered prompt must contain.
var samples = []struct {
	stage string
	data  any
	want  []string
}{
	{
		stage: "prd",
		data:  PRDData{Brief: sampleBrief, BriefPath: "brief.md"},
		want:  []string{"Brief (brief.md)", "1| # Clinic Queue\n2|\n3| Patients join a walk-in queue from their phone.\n", "(1 to 3)"},
	},
	{
		stage: "stories",
		data:  StoriesData{PRD: "# Product requirements: Clinic Queue\n", FRIDs: []string{"FR-001", "FR-002"}},
		want:  []string{"FR-001, FR-002", "# Product requirements: Clinic Queue", "[NEEDS CLARIFICATION: <the question to ask>]"},
	},
	{
		stage: "tech",
		data: TechData{
			PRD:      "# Product requirements: Clinic Queue\n",
			Stories:  "# User stories: Clinic Queue\n",
			StoryIDs: []string{"US-001", "US-002"},
		},
		want: []string{"US-001, US-002", "# Product requirements: Clinic Queue", "# User stories: Clinic Queue"},
	},
	{
		stage: "scaffold",
		data: ScaffoldData{
			Lang:     "go",
			Tech:     "# Technical requirements: Clinic Queue\n",
			Stories:  "# User stories: Clinic Queue\n",
			StoryIDs: []string{"US-001", "US-002"},
		},
		want: []string{"senior go engineer", "US-001, US-002", "# Technical requirements: Clinic Queue",
			// What a prototype of the domain is asked for.
			"typed from the fields", "`unknown_reference`", "past participle", "one per story"},
	},
}

func TestBuiltInsRender(t *testing.T) {
	s := New("")
	var tested []string
	for _, tt := range samples {
		tested = append(tested, tt.stage)
		got, err := s.Render(tt.stage, tt.data)
		if err != nil {
			t.Errorf("stage %s: %v", tt.stage, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("stage %s: prompt lacks %q:\n%s", tt.stage, w, got)
			}
		}
		if strings.Contains(got, "<no value>") || strings.Contains(got, "{{") {
			t.Errorf("stage %s: prompt has template leftovers:\n%s", tt.stage, got)
		}
		if strings.HasPrefix(got, "\n") {
			t.Errorf("stage %s: prompt starts with a blank line", tt.stage)
		}
	}
	slices.Sort(tested)
	if !slices.Equal(tested, s.List()) {
		t.Errorf("samples cover stages %v, built-ins are %v: add sample data for every built-in prompt", tested, s.List())
	}
}

func TestList(t *testing.T) {
	want := []string{"prd", "scaffold", "stories", "tech"}
	if got := New("").List(); !slices.Equal(got, want) {
		t.Errorf("List() = %v, want %v", got, want)
	}
}

// The brief and the documents are data: template actions inside them are
// not run.
func TestDataNotExpanded(t *testing.T) {
	s := New("")
	brief := "Use {{.PRD}} and {{template \"x\"}} and {{join .FRIDs \",\"}} literally.\n"
	got, err := s.Render("prd", PRDData{Brief: brief, BriefPath: "{{.BriefPath}}.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"1| " + brief, "Brief ({{.BriefPath}}.md)"} {
		if !strings.Contains(got, w) {
			t.Errorf("prompt lacks %q verbatim:\n%s", w, got)
		}
	}
	got, err = s.Render("tech", TechData{PRD: "<b>&amp;</b> {{.Stories}}", Stories: "x", StoryIDs: []string{"US-001"}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "<b>&amp;</b> {{.Stories}}") {
		t.Errorf("PRD not passed through verbatim:\n%s", got)
	}
}

func TestMissingKey(t *testing.T) {
	tests := []struct {
		name  string
		stage string
		data  any
		want  string
	}{
		{"map without a key", "prd", map[string]any{"Brief": "b"}, `map has no entry for key "BriefLines"`},
		{"map of the wrong stage", "stories", map[string]any{"Brief": "b", "BriefPath": "p"}, `map has no entry for key "Part"`},
		{"struct of the wrong stage", "tech", PRDData{Brief: "b"}, "can't evaluate field Part in type prompt.PRDData"},
		{"nil data", "prd", nil, "prompt prd.md (from built-in)"},
	}
	s := New("")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Render(tt.stage, tt.data)
			if err == nil {
				t.Fatalf("no error; rendered:\n%s", got)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "prompt "+tt.stage+".md (from built-in): ") {
				t.Errorf("error %q, want it to name the prompt and contain %q", err, tt.want)
			}
		})
	}
}

func TestOverride(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "stories.md", "Stories for {{join .FRIDs \"+\"}}:\n{{.PRD}}")
	write(t, dir, "notes.txt", "ignored")
	write(t, dir, "summary.md", "ignored")
	write(t, dir, ".DS_Store", "ignored")
	if err := os.Mkdir(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := New(dir)

	got, err := s.Render("stories", StoriesData{PRD: "the PRD", FRIDs: []string{"FR-001", "FR-002"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Stories for FR-001+FR-002:\nthe PRD"; got != want {
		t.Errorf("override rendered %q, want %q", got, want)
	}
	if got, want := s.Source("stories"), filepath.Join(dir, "stories.md"); got != want {
		t.Errorf("Source(stories) = %q, want %q", got, want)
	}

	// Other stages keep their built-in.
	for _, tt := range samples {
		if tt.stage == "stories" {
			continue
		}
		got, err := s.Render(tt.stage, tt.data)
		if err != nil {
			t.Errorf("stage %s: %v", tt.stage, err)
			continue
		}
		builtin, err := New("").Render(tt.stage, tt.data)
		if err != nil {
			t.Fatal(err)
		}
		if got != builtin {
			t.Errorf("stage %s: rendered differs from the built-in", tt.stage)
		}
		if src := s.Source(tt.stage); src != BuiltIn {
			t.Errorf("Source(%s) = %q, want %q", tt.stage, src, BuiltIn)
		}
	}

	if src := s.Source("../stories"); src != "" {
		t.Errorf("Source of an unknown stage = %q, want \"\"", src)
	}

	unused, err := s.Unused()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"notes.txt", "summary.md"}; !slices.Equal(unused, want) {
		t.Errorf("Unused() = %v, want %v", unused, want)
	}
}

func TestOverrideErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "prd.md", "Brief:\n{{.Brief}\n")
	write(t, dir, "tech.md", "{{.PRD}} {{.Nope}}")
	tests := []struct {
		name  string
		set   *Set
		stage string
		data  any
		want  []string
	}{
		{
			name: "parse error", set: New(dir), stage: "prd", data: PRDData{},
			want: []string{"prompt prd.md (from " + dir + "): template: prd.md:2: ", "bad character"},
		},
		{
			name: "unknown field", set: New(dir), stage: "tech", data: TechData{},
			want: []string{"prompt tech.md (from " + dir + "): template: tech.md:1:", "can't evaluate field Nope"},
		},
		{
			name: "missing folder", set: New(filepath.Join(dir, "missing")), stage: "prd", data: PRDData{},
			want: []string{"prompts folder " + filepath.Join(dir, "missing") + ": no such file or directory"},
		},
		{
			name: "unknown stage", set: New(""), stage: "summary", data: PRDData{},
			want: []string{`unknown prompt "summary" (want one of prd, scaffold, stories, tech)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.set.Render(tt.stage, tt.data)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestUnusedMissingFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	if _, err := New(dir).Unused(); err == nil || !strings.Contains(err.Error(), "read prompts folder "+dir) {
		t.Errorf("Unused() error = %v, want one naming the folder", err)
	}
	if got, err := New("").Unused(); got != nil || err != nil {
		t.Errorf("Unused() without a folder = %v, %v; want nil, nil", got, err)
	}
}

func TestMessages(t *testing.T) {
	s := New("")
	data := PRDData{Brief: sampleBrief, BriefPath: "brief.md"}
	msgs, err := s.Messages("prd", data)
	if err != nil {
		t.Fatal(err)
	}
	text, err := s.Render("prd", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []llm.Message{{Role: llm.RoleSystem, Content: System}, {Role: llm.RoleUser, Content: text}}
	if !slices.Equal(msgs, want) {
		t.Errorf("Messages() = %+v, want %+v", msgs, want)
	}
	if _, err := s.Messages("prd", nil); err == nil {
		t.Error("Messages() with nil data: no error")
	}
}

// A template set other than the embedded one: List follows its files.
func TestOtherBase(t *testing.T) {
	base := fstest.MapFS{
		"b.md":      {Data: []byte("b {{.X}}")},
		"a.md":      {Data: []byte("a")},
		"notes.txt": {Data: []byte("not a prompt")},
	}
	s := newSet(base, nil, "")
	if got, want := s.List(), []string{"a", "b"}; !slices.Equal(got, want) {
		t.Errorf("List() = %v, want %v", got, want)
	}
	if got, err := s.Render("b", map[string]string{"X": "x"}); err != nil || got != "b x" {
		t.Errorf("Render(b) = %q, %v", got, err)
	}
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestNumberedBrief(t *testing.T) {
	tests := []struct {
		brief string
		want  string
		lines int
	}{
		{"", "", 0},
		{"one", "1| one\n", 1},
		{"a\r\n\r\nb\n", "1| a\n2|\n3| b\n", 3},
		{strings.Repeat("x\n", 9) + "y\n\n", " 1| x\n 2| x\n 3| x\n 4| x\n 5| x\n 6| x\n 7| x\n 8| x\n 9| x\n10| y\n11|\n", 11},
	}
	for _, tt := range tests {
		d := PRDData{Brief: tt.brief}
		if got := d.NumberedBrief(); got != tt.want {
			t.Errorf("NumberedBrief(%q) = %q, want %q", tt.brief, got, tt.want)
		}
		if got := d.BriefLines(); got != tt.lines {
			t.Errorf("BriefLines(%q) = %d, want %d", tt.brief, got, tt.lines)
		}
	}
}
