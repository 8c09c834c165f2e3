package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

const briefText = "# Tiny\n\n## Features\n\n- Export check-in history as CSV.\n"

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
			p := newProject(t, briefText, Model(&fakeClient{contents: []string{tt.content}, err: tt.err}, 1, 0, ""))
			md, err := run(t, p, "prd")
			if err == nil {
				t.Fatalf("PRD succeeded with %q", md)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not mention %q", err, tt.want)
			}
			if _, err := os.Stat(p.Abs(p.prdPath())); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a failed stage wrote %s", p.prdPath())
			}
		})
	}
}

func TestStoriesRejectsDanglingTrace(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	mustRun(t, p, "prd")
	p = with(p, func(o *Options) {
		o.Engine = Model(&fakeClient{contents: []string{`{"title":"Tiny","stories":[{"id":"US-001","title":"Export","traces":["FR-009"],` +
			`"criteria":[{"id":"AC-001.1","given":"a","when":"b","then":"c"}]}]}`}}, 1, 0, "")
	})
	if _, err := run(t, p, "stories"); err == nil || !strings.Contains(err.Error(), "FR-009") {
		t.Fatalf("got %v, want an error naming the dangling trace FR-009", err)
	}
}

// What an engine read besides the stage's files is an input: a model's
// prompt template, whose change makes its document stale; the offline
// engine reads none.
func TestEngineInputs(t *testing.T) {
	offline := newProject(t, briefText, Offline(nil))
	mustRun(t, offline, "prd")
	model, _ := modelWith(newProject(t, briefText, nil), 1, nil)
	mustRun(t, model, "prd")
	for _, tt := range []struct {
		p    *Project
		want []string
	}{
		{offline, []string{"brief.md"}},
		{model, []string{"brief.md", "prompt:prd"}},
	} {
		l, err := readLock(tt.p.Abs(lockFile))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, in := range l.Artifacts["prd"].Inputs {
			got = append(got, in.Path)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("inputs %v, want %v", got, tt.want)
		}
	}
	if l, _ := readLock(offline.Abs(lockFile)); l.Artifacts["prd"].Provider != "offline" {
		t.Errorf("the offline engine's PRD is recorded as written by %q", l.Artifacts["prd"].Provider)
	}
}

func TestMissingUpstream(t *testing.T) {
	p := newProject(t, briefText, Offline(nil))
	for _, stage := range []string{"stories", "tech"} {
		_, err := p.Plan(Selection{Stage: stage})
		var missing *MissingInputError
		if !errors.As(err, &missing) || missing.Command != "prodgen prd" || missing.Path != "docs/prd.md" {
			t.Fatalf("%s without a PRD: %v, want MissingInputError naming prodgen prd", stage, err)
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
			m := Model(client, 1, tt.repairs, "").(*modelEngine)
			var v prdValue
			usage, err := m.generate(t.Context(), llm.Request{Stage: "prd", Messages: msgs}, &v)
			if len(client.got) != tt.wantReqs {
				t.Fatalf("%d requests, want %d", len(client.got), tt.wantReqs)
			}
			if tt.wantErr != "" {
				var inv *invalidAnswerError
				if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want an invalidAnswerError mentioning %q", err, tt.wantErr)
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
	p := Open(Options{Root: root, OutDir: "docs", Brief: "brief.md"})
	tests := []struct{ output, want string }{
		{"docs/prd.md", "docs/prd.md"},
		{"./docs/../docs/stories.md", "docs/stories.md"},
		{filepath.Join(root, "brief.md"), "brief.md"},
		{"prodgen.lock", "prodgen.lock"},
		{"docs/export.csv", ""},
	}
	for _, tt := range tests {
		if got := p.Overwrites(tt.output); got != tt.want {
			t.Errorf("Overwrites(%q) = %q, want %q", tt.output, got, tt.want)
		}
	}
}
