package offline

import (
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/brief/brieftest"
)

// The benchmarks below run each stage's builder as the pipeline calls it.
// Run with
//
//	go test -run '^$' -bench Offline ./internal/offline

func BenchmarkOfflinePRD(b *testing.B) {
	inputs := benchInputs(b)
	for _, in := range inputs {
		bench(b, in.name, func() { BuildPRD(in.brief) })
	}
}

func BenchmarkOfflineStories(b *testing.B) {
	for _, in := range benchInputs(b) {
		bench(b, in.name, func() { BuildStories(in.prd) })
	}
}

func BenchmarkOfflineTech(b *testing.B) {
	for _, in := range benchInputs(b) {
		bench(b, in.name, func() { BuildTech(in.prd, in.stories) })
	}
}

// BenchmarkOfflinePRD1MiB runs the PRD stage on the largest brief prodgen
// accepts, parsed once outside the timing.
func BenchmarkOfflinePRD1MiB(b *testing.B) {
	br, err := brief.Parse(brieftest.LargeBrief(brief.MaxSize))
	if err != nil {
		b.Fatal(err)
	}
	bench(b, "1MiB", func() { BuildPRD(br) })
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

func bench(b *testing.B, name string, build func()) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			build()
		}
	})
}
