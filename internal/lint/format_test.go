package lint

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func sampleReport() *Report {
	return &Report{
		Files: []File{{Path: "docs/prd.md", Kind: PRD, OpenQuestions: 2}, {Path: "docs/stories.md", Kind: Stories}},
		Findings: []Finding{
			{File: "docs/prd.md", Line: 12, Rule: "vague-word", Severity: Warning, Message: `vague word "fast": say how fast, e.g. "within 200 ms at the 95th percentile"`},
			{File: "docs/stories.md", Line: 7, Rule: "trace-dangling", Severity: Error, Message: "US-003 traces to FR-009, which is not in docs/prd.md"},
		},
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		format Format
		want   string
	}{
		{FormatText, `docs/prd.md:12: vague-word: vague word "fast": say how fast, e.g. "within 200 ms at the 95th percentile"
docs/stories.md:7: trace-dangling: US-003 traces to FR-009, which is not in docs/prd.md
`},
		{FormatGitHub, `::warning file=docs/prd.md,line=12,title=vague-word::vague word "fast": say how fast, e.g. "within 200 ms at the 95th percentile"
::error file=docs/stories.md,line=7,title=trace-dangling::US-003 traces to FR-009, which is not in docs/prd.md
`},
		{FormatJSON, `{
  "files": [
    {
      "file": "docs/prd.md",
      "kind": "prd",
      "open_questions": 2
    },
    {
      "file": "docs/stories.md",
      "kind": "stories",
      "open_questions": 0
    }
  ],
  "findings": [
    {
      "file": "docs/prd.md",
      "line": 12,
      "rule": "vague-word",
      "severity": "warning",
      "message": "vague word \"fast\": say how fast, e.g. \"within 200 ms at the 95th percentile\""
    },
    {
      "file": "docs/stories.md",
      "line": 7,
      "rule": "trace-dangling",
      "severity": "error",
      "message": "US-003 traces to FR-009, which is not in docs/prd.md"
    }
  ],
  "summary": {
    "errors": 1,
    "warnings": 1,
    "open_questions": 2
  }
}
`},
	}
	for _, tt := range tests {
		t.Run(string(tt.format), func(t *testing.T) {
			var b bytes.Buffer
			if err := sampleReport().Write(&b, tt.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tt.want)
			}
		})
	}
	if err := sampleReport().Write(&bytes.Buffer{}, "xml"); err == nil {
		t.Error("Write with an unknown format succeeded")
	}
}

// An empty report is still a complete JSON document, with lists rather
// than nulls.
func TestWriteJSONEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := (&Report{}).Write(&b, FormatJSON); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"files", "findings"} {
		if _, ok := doc[k].([]any); !ok {
			t.Errorf("%s is %v, want a list", k, doc[k])
		}
	}
}

// A workflow command's file and title end at a comma or colon, and its
// message at a line break: each is escaped so the runner reads it whole.
func TestGitHubEscapes(t *testing.T) {
	rep := &Report{Findings: []Finding{{File: "a,b:c.md", Line: 3, Rule: "vague-word", Severity: Warning, Message: "100% sure\nnext line"}}}
	var b bytes.Buffer
	if err := rep.Write(&b, FormatGitHub); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=a%2Cb%3Ac.md,line=3,title=vague-word::100%25 sure%0Anext line\n"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestSummaryLine(t *testing.T) {
	if got, want := sampleReport().SummaryLine(), "1 error, 1 warning, 2 open questions in 2 files"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := (&Report{}).SummaryLine(), "0 errors, 0 warnings, 0 open questions in 0 files"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStripCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no code", "no code"},
		{"use `fast` mode", "use        mode"},
		{"``a ` b`` c", "          c"},
		{"a lone ` backtick", "a lone ` backtick"},
		{"`x`` y", "`x`` y"},
	}
	for _, tt := range tests {
		if got := stripCode(tt.in); got != tt.want || len(got) != len(tt.in) {
			t.Errorf("stripCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if strings.Contains(stripCode("`fast`"), "fast") {
		t.Error("code span kept")
	}
}
