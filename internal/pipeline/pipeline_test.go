package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/offline"
)

// fakeClient answers requests with its contents in turn, the last one
// repeating, or with err.
type fakeClient struct {
	contents []string
	err      error
	got      []llm.Request
}

func (c *fakeClient) Complete(_ context.Context, req llm.Request) (*llm.Response, error) {
	c.got = append(c.got, req)
	if c.err != nil {
		return nil, c.err
	}
	i := min(len(c.got), len(c.contents)) - 1
	return &llm.Response{Content: c.contents[i], Model: "fake", Usage: llm.Usage{PromptTokens: 10, CompletionTokens: 5}}, nil
}

const briefText = "# Tiny\n\n## Features\n\n- Export check-in history as CSV.\n"

func newProject(t *testing.T, client llm.Client) *Project {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "brief.md"), []byte(briefText), 0o644); err != nil {
		t.Fatal(err)
	}
	return &Project{Root: root, OutDir: "docs", Client: client}
}

func TestPRDRejectsBadResponses(t *testing.T) {
	tests := []struct {
		name    string
		content string
		err     error
		want    string
	}{
		{name: "not JSON", content: "Sure! Here is your PRD:", want: "not the JSON object the schema describes"},
		{name: "text after the object", content: `{"title":"T"} and more`, want: "text after the JSON object"},
		{name: "unknown field", content: `{"title":"T","colour":"red"}`, want: `unknown field "colour"`},
		{name: "empty requirement", content: `{"title":"T","functional":[{"id":"","text":" "}]}`, want: "FR-001"},
		{name: "client error", err: errors.New("connection reset"), want: "prd stage: connection reset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newProject(t, &fakeClient{contents: []string{tt.content}, err: tt.err})
			res, err := p.PRD(t.Context(), "brief.md")
			if err == nil {
				t.Fatalf("PRD succeeded with %q", res.Markdown)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
		})
	}
}

func TestStoriesRejectsDanglingTrace(t *testing.T) {
	p := newProject(t, offline.New())
	prd, err := p.PRD(t.Context(), "brief.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := disk.Write(p.Abs(prd.Path), prd.Markdown); err != nil {
		t.Fatal(err)
	}
	p.Client = &fakeClient{contents: []string{`{"title":"Tiny","stories":[{"id":"US-001","title":"Export","traces":["FR-009"],` +
		`"criteria":[{"id":"AC-001.1","given":"a","when":"b","then":"c"}]}]}`}}
	_, err = p.Stories(t.Context(), "")
	if err == nil || !strings.Contains(err.Error(), "FR-009") {
		t.Fatalf("got %v, want an error naming the dangling trace FR-009", err)
	}
}

func TestStagesPassParsedInput(t *testing.T) {
	client := &fakeClient{err: errors.New("stop")}
	p := newProject(t, client)
	if _, err := p.PRD(t.Context(), "brief.md"); err == nil {
		t.Fatal("want the client's error")
	}
	if len(client.got) != 1 {
		t.Fatalf("client called %d times, want 1", len(client.got))
	}
	in, ok := client.got[0].Input.(*llm.PRDInput)
	if !ok || in.Brief == nil || len(in.Brief.Features) != 1 || in.BriefPath != "brief.md" {
		t.Errorf("Input = %#v, want the parsed brief with one feature", client.got[0].Input)
	}
}

func TestMissingUpstream(t *testing.T) {
	p := newProject(t, offline.New())
	_, err := p.Stories(t.Context(), "")
	var missing *MissingInputError
	if !errors.As(err, &missing) || missing.Command != "prodgen prd" || missing.Path != "docs/prd.md" {
		t.Fatalf("Stories without a PRD: %v, want MissingInputError naming prodgen prd", err)
	}
	_, err = p.Tech(t.Context())
	if !errors.As(err, &missing) || missing.Command != "prodgen prd" {
		t.Fatalf("Tech without a PRD: %v", err)
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "story", "1 story"},
		{3, "story", "3 stories"},
		{0, "open question", "0 open questions"},
		{2, "acceptance criterion", "2 acceptance criteria"},
		{1, "acceptance criterion", "1 acceptance criterion"},
	}
	for _, tt := range tests {
		if got := count(tt.n, tt.noun); got != tt.want {
			t.Errorf("count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

// An invalid answer goes back to the model with the problems, and a valid
// repair is used; without repairs left the stage fails naming the attempts.
func TestRepair(t *testing.T) {
	bad := `{"title":"Tiny","functional":[{"id":"","text":""}]}`
	good := `{"title":"Tiny","functional":[{"id":"","text":"The system must export check-in history as CSV."}]}`
	msgs := []llm.Message{{Role: llm.RoleUser, Content: "write the PRD"}}
	tests := []struct {
		name     string
		repairs  int
		contents []string
		wantErr  string
		wantReqs int
	}{
		{name: "repaired", repairs: 2, contents: []string{bad, good}, wantReqs: 2},
		{name: "no repairs allowed", repairs: 0, contents: []string{bad, good}, wantErr: "invalid after 1 attempt", wantReqs: 1},
		{name: "repairs exhausted", repairs: 2, contents: []string{bad}, wantErr: "invalid after 3 attempts", wantReqs: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := &fakeClient{contents: tt.contents}
			p := newProject(t, client)
			p.RepairAttempts = tt.repairs
			var v prdValue
			usage, err := p.generate(t.Context(), llm.Request{Stage: llm.StagePRD, Messages: msgs}, &v)
			if len(client.got) != tt.wantReqs {
				t.Fatalf("%d requests, want %d", len(client.got), tt.wantReqs)
			}
			if tt.wantErr != "" {
				var inv *InvalidAnswerError
				if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want an InvalidAnswerError mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if v.Functional[0].ID != "FR-001" || usage.Requests != 2 || usage.Tokens.PromptTokens != 20 {
				t.Errorf("got %+v and usage %+v", v.Functional, usage)
			}
			repair := client.got[1].Messages
			if len(repair) != 3 || repair[1].Role != llm.RoleAssistant || repair[1].Content != bad ||
				!strings.Contains(repair[2].Content, "FR-001") {
				t.Errorf("repair request %+v does not send back the answer and its problems", repair)
			}
		})
	}
}

func TestOverwrites(t *testing.T) {
	root := t.TempDir()
	p := &Project{Root: root, OutDir: "docs", Brief: "brief.md"}
	tests := []struct{ output, want string }{
		{"docs/prd.md", "docs/prd.md"},
		{"./docs/../docs/stories.md", "docs/stories.md"},
		{filepath.Join(root, "brief.md"), "brief.md"},
		{"docs/export.csv", ""},
	}
	for _, tt := range tests {
		if got := p.Overwrites(tt.output, "", p.PRDPath(), p.StoriesPath(), p.Brief); got != tt.want {
			t.Errorf("Overwrites(%q) = %q, want %q", tt.output, got, tt.want)
		}
	}
}
