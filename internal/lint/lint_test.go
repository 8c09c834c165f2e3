package lint

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The base documents lint clean; each test case edits one of them.
const prdBase = `# Product requirements: Streaks

## Goals

- **G-1** Teams keep 80% of agreed habits for 8 weeks.

## Users

- **Team lead**: Sets the habits.

## Functional requirements

- **FR-001** The system must let a team lead create a team.
- **FR-002** The system must let a team member check in to a habit.

## Non-functional requirements

- **NFR-001** Pages must load in under 1 second at the 95th percentile.

## Success metrics

| Metric | Baseline | Target |
| --- | --- | --- |
| Median check-in time | – | under 10 seconds |

## Open questions

- **Q-1** Which Slack plans must be supported?
`

const storiesBase = `# User stories: Streaks

## US-001 Create a team

As a team lead, I want to create a team.

Traces: FR-001

Acceptance criteria:

- **AC-001.1** Given a team lead, when they create a team named Core, then the team Core exists.

## US-002 Check in

As a team lead, I want to check in to a habit.

Traces: FR-002

Acceptance criteria:

- **AC-002.1** Given a team member, when they check in, then the check-in is recorded.
`

const techBase = "# Technical requirements: Streaks\n" + `
## Data model

### Team

| Field | Type | Notes |
| --- | --- | --- |
| id | string | – |

## API

| Method | Path | Purpose | Stories |
| --- | --- | --- | --- |
| ` + "`POST` | `/teams`" + ` | Create a team | US-001 |
| ` + "`POST` | `/check-ins`" + ` | Check in | US-002 |

## Tasks

- **T-001** Build team creation (US-001)
- **T-002** Build check-ins (US-002)
`

// file is a document for a test: its path and its text.
type file struct{ path, src string }

func prd(edits ...string) file     { return file{"docs/prd.md", edit(prdBase, edits...)} }
func stories(edits ...string) file { return file{"docs/stories.md", edit(storiesBase, edits...)} }
func tech(edits ...string) file    { return file{"docs/tech.md", edit(techBase, edits...)} }

// edit replaces, in pairs, each old text with the new one; an old text
// that is not there is a broken test.
func edit(s string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic(fmt.Sprintf("edit: %q not found", pairs[i]))
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func parseAll(t *testing.T, files []file) []*Doc {
	t.Helper()
	var docs []*Doc
	for _, f := range files {
		parse := Parse
		if strings.HasPrefix(f.path, "brief.") {
			parse = func(path string, src []byte) (*Doc, error) { return ParseKind(path, Brief, src) }
		}
		d, err := parse(f.path, []byte(f.src))
		if err != nil {
			t.Fatalf("%s: %v", f.path, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// short writes a finding as "file:line: rule".
func short(f Finding) string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Rule) }

func TestCleanDocuments(t *testing.T) {
	rep := Run(parseAll(t, []file{prd(), stories(), tech()}), nil)
	for _, f := range rep.Findings {
		t.Errorf("unexpected finding %s: %s", short(f), f.Message)
	}
	if got, want := rep.SummaryLine(), "0 errors, 0 warnings, 1 open question in 3 files"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}

// The base documents, citing the brief they come from, lint clean
// against it.
func TestCleanDocumentsWithBrief(t *testing.T) {
	rep := Run(parseAll(t, []file{sourced(), stories(), tech()}), parseAll(t, []file{briefFile(sourcedBrief)}))
	for _, f := range rep.Findings {
		t.Errorf("unexpected finding %s: %s", short(f), f.Message)
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		src  string
		want Kind
	}{
		{"# Product requirements: Streaks\n", PRD},
		{"<!-- header -->\n\n# user stories: Streaks\n", Stories},
		{"# Technical requirements\n", Tech},
		{"# Technical requirements for Streaks\n", 0},
		{"# Streaks\n", 0},
		{"## Product requirements: Streaks\n", 0},
		{"no heading at all\n", 0},
	}
	for _, tt := range tests {
		d, err := Parse("a.md", []byte(tt.src))
		switch {
		case tt.want == 0 && !errors.Is(err, ErrUnknownKind):
			t.Errorf("Parse(%q) = %v, %v; want ErrUnknownKind", tt.src, d, err)
		case tt.want != 0 && (err != nil || d.Kind != tt.want):
			t.Errorf("Parse(%q) = %v, %v; want kind %v", tt.src, d, err, tt.want)
		}
	}
}

// Every rule that makes findings has a test case in rules_test.go; every
// rule has a known severity and a description.
func TestRuleTable(t *testing.T) {
	tested := make(map[string]bool)
	for _, c := range ruleCases {
		tested[c.rule] = true
	}
	seen := make(map[string]bool)
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if !slices.Contains([]Severity{Error, Warning, Info}, r.Severity) || r.What == "" {
			t.Errorf("rule %s: severity %q, description %q", r.ID, r.Severity, r.What)
		}
		if r.Severity != Info && !tested[r.ID] {
			t.Errorf("rule %s has no test case", r.ID)
		}
	}
	for id := range tested {
		if !seen[id] {
			t.Errorf("test cases for rule %s, which is not in Rules", id)
		}
	}
}

// Findings are sorted by file, line and rule, whatever order the
// documents and checks came in.
func TestSorted(t *testing.T) {
	docs := parseAll(t, []file{
		tech("(US-002)", "(US-009)"),
		stories("Traces: FR-002", "Traces: FR-009", "Given a team lead,", "Given a fast team lead,"),
		prd("must let a team lead", "should let a team lead"),
	})
	var got []string
	for _, f := range Run(docs, nil).Findings {
		got = append(got, short(f))
	}
	want := []string{
		"docs/prd.md:13: vague-word",
		"docs/prd.md:14: fr-uncovered",
		"docs/stories.md:11: vague-word",
		"docs/stories.md:17: trace-dangling",
		"docs/tech.md:18: story-without-task",
		"docs/tech.md:21: trace-dangling",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestOpenQuestions(t *testing.T) {
	techQ := techBase + "\n## Open questions\n\n- **Q-1** Which data store?\n- **Q-2** Which email service? TBD.\n"
	rep := Run(parseAll(t, []file{prd(), stories(), {"docs/tech.md", techQ}}), nil)
	if len(rep.Findings) != 0 {
		t.Errorf("open questions made findings: %v", rep.Findings)
	}
	var got []int
	for _, f := range rep.Files {
		got = append(got, f.OpenQuestions)
	}
	if !slices.Equal(got, []int{1, 0, 2}) || rep.Summary().OpenQuestions != 3 {
		t.Errorf("open questions per file %v, total %d; want [1 0 2], 3", got, rep.Summary().OpenQuestions)
	}
}
