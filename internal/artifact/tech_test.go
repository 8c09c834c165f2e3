package artifact

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// TestPreviousTechParses reads a tech spec written before components had
// kinds and tasks dependencies (an example's, as prodgen wrote it then):
// it reads whole, with none of the new fields, and renders to the same
// bytes but for the data model's diagram.
func TestPreviousTechParses(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "tech-v1.md"))
	if err != nil {
		t.Fatal(err)
	}
	tech := parse(t, &TechSpec{}, src).(*TechSpec)
	if len(tech.Components) == 0 || len(tech.Entities) == 0 || len(tech.Tasks) == 0 {
		t.Fatalf("read too little: %d components, %d entities, %d tasks", len(tech.Components), len(tech.Entities), len(tech.Tasks))
	}
	for _, task := range tech.Tasks {
		if task.Setup || task.Parallel || task.DependsOn != nil || task.Size != "" || len(task.Stories) == 0 {
			t.Errorf("%s read as %+v", task.ID, task)
		}
	}
	// It renders as it was, but for the data model's diagram, which every
	// data model now gets.
	again := regexp.MustCompile("(?s)```mermaid\nerDiagram\n.*?```\n\n").ReplaceAllString(string(render(t, tech)), "")
	if again != string(src) {
		t.Errorf("render(parse(doc)) != doc:\n%s", golden.Diff(string(src), again))
	}
}

// TestDiagramsAreDrawnNotRead edits the diagrams and the waves of a
// rendered document: it still reads whole to the same value, and renders
// with the diagrams drawn again.
func TestDiagramsAreDrawnNotRead(t *testing.T) {
	doc := string(render(t, modelledTech()))
	edits := []struct{ old, new string }{
		{"    c1 --> c2\n", "    c1 --> c3\n    broken [[[\n"},
		{"Patient ||--o{ Queue_entry", "Patient }|..|{ Nobody"},
		{"- **Wave 2**: T-002, T-003\n", "- **Wave 2**: T-003\n- a note a person added\n"},
		{"    T_002 --> T_004\n", "```\n\nNot a diagram any more.\n\n```text\n"},
	}
	edited := doc
	for _, e := range edits {
		if !strings.Contains(edited, e.old) {
			t.Fatalf("no %q in the document", e.old)
		}
		edited = strings.Replace(edited, e.old, e.new, 1)
	}
	got, err := ParseTech([]byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if u := got.Unparsed(); len(u) > 0 {
		t.Errorf("an edit to a diagram or the waves is reported: %v", u)
	}
	same(t, got, modelledTech())
	if again := render(t, got); string(again) != doc {
		t.Errorf("the diagrams are not drawn again:\n%s", golden.Diff(doc, string(again)))
	}
}

// TestOtherCodeBlocksAreNotRead checks that only a mermaid block is taken
// for a diagram: any other code block in those sections is reported.
func TestOtherCodeBlocksAreNotRead(t *testing.T) {
	src := "# Technical requirements: x\n\n## Architecture\n\n- **API**: serves\n\n```text\nclient -> api\n```\n\n## Data model\n\n```sql\ncreate table x;\n```\n\n```mermaid\nerDiagram\n```\n"
	tech, err := ParseTech([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range tech.Unparsed() {
		got = append(got, p.String())
	}
	want := []string{`line 7: code block under "Architecture" is not read`, `line 13: code block under "Data model" is not read`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unparsed %q, want %q", got, want)
	}
}

// TestReadTechByHand reads the new parts as a person may write them:
// other cases, a relationship without bold, a Required column with
// "optional", a task's details in another order, components in a table
// without the optional columns.
func TestReadTechByHand(t *testing.T) {
	src := `# Technical requirements: x

## Architecture

platform: CLI

| Name | Responsibility |
| --- | --- |
| Tool | Reads files |

## Data model

### Recipe

| Field | Type | Required | Notes |
| --- | --- | --- | --- |
| title | text | Required | – |
| rating | int | optional | 1 to 5 |
| kind | enum: ` + "`main`, `side`" + ` | | – |

- belongs to Cookbook
- OWNER: Home cook
- has many **Step**: in order
- traces: FR-002

## Tasks

- **T-001** [p] Write the parser. (US-001)
  - size: S
  - depends on: T-002
- **T-002** Skeleton (Setup)
`
	tech, err := ParseTech([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if u := tech.Unparsed(); len(u) > 0 {
		t.Errorf("not read: %v", u)
	}
	want := &TechSpec{Title: "x", Platform: "CLI",
		Components: []Component{{Name: "Tool", Responsibility: "Reads files"}},
		Entities: []Entity{{Name: "Recipe",
			Fields:        []Field{{Name: "title", Type: "text", Required: true}, {Name: "rating", Type: "int", Notes: "1 to 5"}, {Name: "kind", Type: "enum", Enum: []string{"main", "side"}}},
			Relationships: []Relationship{{Target: "Cookbook", Kind: "belongs-to"}, {Target: "Step", Kind: "has-many", Note: "in order"}},
			Owner:         "Home cook", Traces: []string{"FR-002"}}},
		Tasks: []Task{
			{ID: "T-001", Text: "Write the parser.", Stories: []string{"US-001"}, Parallel: true, Size: "S", DependsOn: []string{"T-002"}},
			{ID: "T-002", Text: "Skeleton", Setup: true},
		},
	}
	tech.unparsed = nil
	same(t, tech, want)
}

// TestTechProblems checks what a hand edit that cannot be read is
// reported as: a Required cell that is neither yes nor no, a task detail
// of no known kind, a malformed dependency.
func TestTechProblems(t *testing.T) {
	src := "# Technical requirements: x\n\n## Data model\n\n### A\n\n| Field | Type | Required |\n| --- | --- | --- |\n| f | text | maybe |\n\n## Tasks\n\n- **T-001** x (US-001)\n  - Owner: me\n  - Depends on: T-1\n"
	if _, err := ParseTech([]byte(src)); err == nil || !strings.Contains(err.Error(), "line 15") {
		t.Errorf("a malformed dependency: err %v, want one on line 15", err)
	}
	var got []string
	for _, p := range UnparsedTech([]byte(src)) {
		got = append(got, p.String())
	}
	want := []string{
		`line 9: required "maybe" of field "f" is not read: want yes or no`,
		`line 14: nested item under "Tasks" is not read: "Owner: me" (a task's nested items are Depends on:, Size:, Components:, Entities:, Endpoints:)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unparsed %q\nwant %q", got, want)
	}
}
