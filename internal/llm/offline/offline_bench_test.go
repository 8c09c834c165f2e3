package offline

import (
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/brief/brieftest"
	"github.com/prodgen/prodgen/internal/llm"
)

// The benchmarks below run each stage through Engine.Complete, JSON
// encoding included, as the pipeline calls it. Run with
//
//	go test -run '^$' -bench Offline ./internal/llm/offline

func BenchmarkOfflinePRD(b *testing.B) {
	inputs := benchInputs(b)
	for _, in := range inputs {
		benchComplete(b, in.name, llm.Request{Stage: llm.StagePRD, Input: &llm.PRDInput{Brief: in.brief, BriefPath: "brief.md"}})
	}
}

func BenchmarkOfflineStories(b *testing.B) {
	for _, in := range benchInputs(b) {
		benchComplete(b, in.name, llm.Request{Stage: llm.StageStories, Input: &llm.StoriesInput{PRD: in.prd}})
	}
}

func BenchmarkOfflineTech(b *testing.B) {
	for _, in := range benchInputs(b) {
		benchComplete(b, in.name, llm.Request{Stage: llm.StageTech, Input: &llm.TechInput{PRD: in.prd, Stories: in.stories}})
	}
}

// BenchmarkOfflinePRD1MiB runs the PRD stage on the largest brief prodgen
// accepts, parsed once outside the timing.
func BenchmarkOfflinePRD1MiB(b *testing.B) {
	br, err := brief.Parse(brieftest.LargeBrief(brief.MaxSize))
	if err != nil {
		b.Fatal(err)
	}
	benchComplete(b, "1MiB", llm.Request{Stage: llm.StagePRD, Input: &llm.PRDInput{Brief: br, BriefPath: "brief.md"}})
}

// benchInput is a sample brief with the documents the engine makes from it.
type benchInput struct {
	name    string
	brief   *brief.Brief
	prd     *artifact.PRD
	stories *artifact.Stories
}

func benchInputs(b *testing.B) []benchInput {
	b.Helper()
	var out []benchInput
	for _, s := range samples() {
		p := BuildPRD(s.brief)
		p.Number()
		st := BuildStories(p)
		st.Number()
		out = append(out, benchInput{name: s.name, brief: s.brief, prd: p, stories: st})
	}
	return out
}

func benchComplete(b *testing.B, name string, req llm.Request) {
	b.Run(name, func(b *testing.B) {
		e := New()
		b.ReportAllocs()
		for b.Loop() {
			if _, err := e.Complete(b.Context(), req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
