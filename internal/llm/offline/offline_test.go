package offline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/golden"
	"github.com/prodgen/prodgen/internal/llm"
)

func TestCompleteStages(t *testing.T) {
	b := clinicQueue()
	p := BuildPRD(b)
	s := BuildStories(p)
	tests := []struct {
		name  string
		stage string
		input any
		want  any // what the content must decode to
		into  func() any
	}{
		{"prd by pointer", llm.StagePRD, &llm.PRDInput{Brief: b, BriefPath: "brief.md"}, p, func() any { return new(artifact.PRD) }},
		{"prd by value", llm.StagePRD, llm.PRDInput{Brief: b}, p, func() any { return new(artifact.PRD) }},
		{"stories by pointer", llm.StageStories, &llm.StoriesInput{PRD: p}, s, func() any { return new(artifact.Stories) }},
		{"stories by value", llm.StageStories, llm.StoriesInput{PRD: p}, s, func() any { return new(artifact.Stories) }},
		{"tech by pointer", llm.StageTech, &llm.TechInput{PRD: p, Stories: s}, BuildTech(p, s), func() any { return new(artifact.TechSpec) }},
		{"tech by value", llm.StageTech, llm.TechInput{PRD: p, Stories: s}, BuildTech(p, s), func() any { return new(artifact.TechSpec) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := New().Complete(t.Context(), llm.Request{Stage: tt.stage, Input: tt.input})
			if err != nil {
				t.Fatalf("Complete: %v", err)
			}
			if resp.Model != "offline" || resp.Usage != (llm.Usage{}) {
				t.Errorf("model %q usage %+v, want offline and zero", resp.Model, resp.Usage)
			}
			got := tt.into()
			dec := json.NewDecoder(strings.NewReader(resp.Content))
			dec.DisallowUnknownFields()
			if err := dec.Decode(got); err != nil {
				t.Fatalf("content is not the stage's JSON: %v\n%s", err, resp.Content)
			}
			wantJSON, _ := json.Marshal(tt.want)
			gotJSON, _ := json.Marshal(got)
			if !bytes.Equal(gotJSON, wantJSON) {
				t.Errorf("content differs from the Build function's result:\n got %s\nwant %s", gotJSON, wantJSON)
			}
		})
	}
}

func TestCompleteErrors(t *testing.T) {
	p := BuildPRD(clinicQueue())
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		req     llm.Request
		wantErr string
		is      error
	}{
		{"unknown stage", context.Background(), llm.Request{Stage: "scaffold", Input: llm.PRDInput{}}, `unknown stage "scaffold"`, nil},
		{"empty stage", context.Background(), llm.Request{}, `unknown stage ""`, nil},
		{"prd with stories input", context.Background(), llm.Request{Stage: llm.StagePRD, Input: llm.StoriesInput{PRD: p}}, "got llm.StoriesInput", nil},
		{"prd without brief", context.Background(), llm.Request{Stage: llm.StagePRD, Input: &llm.PRDInput{}}, "with a Brief", nil},
		{"prd nil pointer", context.Background(), llm.Request{Stage: llm.StagePRD, Input: (*llm.PRDInput)(nil)}, "got *llm.PRDInput", nil},
		{"stories with a string", context.Background(), llm.Request{Stage: llm.StageStories, Input: "prd.md"}, "got string", nil},
		{"stories without prd", context.Background(), llm.Request{Stage: llm.StageStories, Input: llm.StoriesInput{}}, "with a PRD", nil},
		{"tech without stories", context.Background(), llm.Request{Stage: llm.StageTech, Input: llm.TechInput{PRD: p}}, "with a PRD and Stories", nil},
		{"tech with nil input", context.Background(), llm.Request{Stage: llm.StageTech}, "got <nil>", nil},
		{"cancelled", cancelled, llm.Request{Stage: llm.StagePRD, Input: llm.PRDInput{Brief: clinicQueue()}}, "context canceled", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := New().Complete(tt.ctx, tt.req)
			if err == nil {
				t.Fatalf("no error, response %+v", resp)
			}
			if resp != nil {
				t.Errorf("response %+v with error", resp)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}

// TestDeterministic builds every sample twice, also through Complete, and
// wants the same bytes: no map order, time or randomness may leak in.
func TestDeterministic(t *testing.T) {
	for _, s := range allSamples() {
		t.Run(s.name, func(t *testing.T) {
			first := encode(t, buildAll(s.brief))
			for range 3 {
				if again := encode(t, buildAll(s.brief)); !bytes.Equal(first, again) {
					t.Fatalf("second build differs:\n%s", golden.Diff(string(first), string(again)))
				}
			}
			req := llm.Request{Stage: llm.StagePRD, Input: llm.PRDInput{Brief: s.brief}}
			a, errA := New().Complete(t.Context(), req)
			b, errB := New().Complete(t.Context(), req)
			if errA != nil || errB != nil || a.Content != b.Content {
				t.Fatalf("Complete is not repeatable: %v %v", errA, errB)
			}
		})
	}
}

// TestEmptyInput checks that nothing at all still gives documents that
// ask for what is missing instead of failing or inventing.
func TestEmptyInput(t *testing.T) {
	p := BuildPRD(nil)
	if p.Title != "Product" {
		t.Errorf("title %q, want Product", p.Title)
	}
	if !hasQuestion(p, "What is the product called?") || !hasQuestion(p, "What problem does") {
		t.Errorf("questions %+v do not ask for the name and the problem", p.OpenQuestions)
	}
	if len(p.Functional) != 0 || len(p.NonFunctional) != 0 {
		t.Errorf("requirements invented from nothing: %+v", p)
	}
	s := BuildStories(nil)
	tech := BuildTech(nil, nil)
	if len(s.Stories) != 0 || len(tech.Tasks) != 0 {
		t.Errorf("stories %+v, tasks %+v from nothing", s.Stories, tech.Tasks)
	}
}
