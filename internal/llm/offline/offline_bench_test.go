package offline

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
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
	br, err := brief.Parse(largeBrief(brief.MaxSize))
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

// largeFeatures are the feature lines largeBrief repeats, one region
// after another.
var largeFeatures = []string{
	"Dispatchers import the day's jobs from the existing CRM every morning",
	"Dispatchers see every job and technician on one map, coloured by status",
	"The scheduler proposes a day plan by skill, location and promised window",
	"Technicians mark a job as en route, on site, paused or complete with one tap",
	"Technicians capture photos, a signature and notes before closing a job",
	"Customers receive a text the evening before with a two-hour arrival window",
	"Customers reschedule or cancel a visit from the link in their text",
	"Operations managers see utilisation, travel time and overtime per week",
	"Billing clerks export approved jobs to the accounting system as invoices",
	"Every change to a job's schedule is kept in an audit history",
}

// largeBrief is a field-service brief of at most size bytes: a problem,
// users and constraints around as many feature sections as fit, each
// feature distinct. It is the brief package's benchmark brief.
func largeBrief(size int) []byte {
	head := "# Project brief: RouteWise\n\n## Problem\n\nDispatchers plan the day on a whiteboard, customers wait for four-hour windows, and invoices go out days late.\n\n" +
		"## Users\n\n- **Dispatcher**: plans the day for a region.\n- **Technician**: works through the day's jobs from a phone.\n- **Customer**: waits for a visit.\n\n## Features\n\n"
	foot := "## Constraints\n\n- Plans for 200 technicians and 1,500 jobs must be proposed in under 30 seconds.\n- The phone app must run on Android 12 and iOS 16 or later.\n"
	var buf bytes.Buffer
	buf.WriteString(head)
	for region := 1; ; region++ {
		var section bytes.Buffer
		fmt.Fprintf(&section, "### Region %d\n\n", region)
		for i, f := range largeFeatures {
			fmt.Fprintf(&section, "%d. %s in region %d.\n", i+1, f, region)
		}
		section.WriteString("\n")
		if buf.Len()+section.Len()+len(foot) > size {
			break
		}
		buf.Write(section.Bytes())
	}
	buf.WriteString(foot)
	return buf.Bytes()
}
