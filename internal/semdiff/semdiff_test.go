package semdiff

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

var roles = []Role{PRD, Stories, Tech}

// load reads the documents of a testdata folder as one version; a role
// left out of only is missing from it (all present when only is empty).
func load(t *testing.T, dir, label string, only ...Role) Set {
	t.Helper()
	set := Set{Label: label}
	for _, r := range roles {
		if len(only) > 0 && !slices.Contains(only, r) {
			continue
		}
		path := filepath.Join("testdata", dir, string(r)+".md")
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Parse(r, "docs/"+string(r)+".md", src)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		set.Add(d)
	}
	return set
}

// Each case's diff in each format matches its golden file.
func TestGolden(t *testing.T) {
	tests := []struct {
		name     string
		old, cur func(t *testing.T) Set
	}{
		{"edited", func(t *testing.T) Set { return load(t, "pantry", "HEAD") },
			func(t *testing.T) Set { return load(t, "edited", "working tree") }},
		{"unchanged", func(t *testing.T) Set { return load(t, "pantry", "HEAD") },
			func(t *testing.T) Set { return load(t, "pantry", "working tree") }},
		{"documents-added", func(t *testing.T) Set { return load(t, "pantry", "main", PRD) },
			func(t *testing.T) Set { return load(t, "edited", "working tree") }},
		{"documents-removed", func(t *testing.T) Set { return load(t, "pantry", "main") },
			func(t *testing.T) Set { return load(t, "edited", "working tree", PRD, Stories) }},
	}
	exts := map[Format]string{FormatMarkdown: ".golden.md", FormatJSON: ".golden.json", FormatGitHub: ".github.golden.txt"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare(tt.old(t), tt.cur(t))
			for _, f := range Formats {
				var b bytes.Buffer
				if err := d.Write(&b, f); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", tt.name+exts[f]), b.Bytes())
			}
		})
	}
}

// The JSON form's lists are never null, so a script can always iterate.
func TestJSONEmptyLists(t *testing.T) {
	var b bytes.Buffer
	if err := Compare(Set{}, Set{}).Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"documents", "traces"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want a list", k, doc[k])
		}
	}
}

// The fields a PM's PRD and stories add are compared too: a journey's
// steps, a risk's mitigation, a dependency, a phase, a persona's goals, a
// metric's timeframe, a story's priority and a criterion's kind.
func TestPlannedFields(t *testing.T) {
	const prd = `# Product requirements: Tiny

## Users

- **Analyst**: Exports data.
  - Goal: Export in one click

## User journeys

- Export the history
  1. Open the history.
  2. Download the CSV.

## Functional requirements

- **FR-001** The system must export check-ins. (priority: Must)

## Dependencies

- The billing service

## Success metrics

| Metric | Baseline | Target | Timeframe |
| --- | --- | --- | --- |
| Exports per week | – | 50 | within 3 months |

## Risks

- Large exports time out.
  - Mitigation: Stream the file.
`
	const stories = `# User stories: Tiny

## US-001 Export

As an analyst, I want to export check-ins.

Priority: Must

Traces: FR-001

Acceptance criteria:

- **AC-001.1** (main) Given check-ins, when they export, then they get a CSV.
`
	edit := strings.NewReplacer(
		"Goal: Export in one click", "Goal: Export in two clicks",
		"2. Download the CSV.", "2. Pick a range.\n  3. Download the CSV.",
		"(priority: Must)\n", "(priority: Must, phase: 2)\n",
		"- The billing service", "- The billing service\n- The warehouse",
		"within 3 months", "within 6 months",
		"Mitigation: Stream the file.", "Mitigation: Cap exports at a year.",
		"Priority: Must\n", "Priority: Must · Size: M\n",
		"(main) Given", "(edge) Given",
	)
	set := func(label, prd, stories string) Set {
		s := Set{Label: label}
		for _, d := range []struct {
			role Role
			src  string
		}{{PRD, prd}, {Stories, stories}} {
			doc, err := Parse(d.role, "docs/"+string(d.role)+".md", []byte(d.src))
			if err != nil {
				t.Fatal(err)
			}
			s.Add(doc)
		}
		return s
	}
	d := Compare(set("HEAD", prd, stories), set("working tree", edit.Replace(prd), edit.Replace(stories)))
	var got []string
	for _, doc := range d.Documents {
		for _, c := range doc.Changes {
			got = append(got, string(c.Type)+" "+c.Section+" "+c.ID+c.Name)
		}
	}
	want := []string{
		"changed Users Analyst", "changed User journeys Export the history", "changed Functional requirements FR-001",
		"added Dependencies ", "changed Success metrics Exports per week", "changed Risks ",
		"changed Stories US-001", "changed Acceptance criteria AC-001.1",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no change %q in %q", w, got)
		}
	}
}
