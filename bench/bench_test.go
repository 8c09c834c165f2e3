package main

import (
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/brief"
)

func TestBigBrief(t *testing.T) {
	// The suite asks for brief.MaxSize; a smaller size keeps the test quick.
	const size = 64 << 10
	src, err := bigBrief(brief30, size)
	if err != nil {
		t.Fatal(err)
	}
	if len(src) > size || len(src) < size-200 {
		t.Errorf("bigBrief is %d bytes, want just under %d", len(src), size)
	}
	b, err := brief.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Features) < 400 || len(b.Constraints) == 0 || len(b.Metrics) == 0 {
		t.Errorf("parsed %d features, %d constraints, %d metrics; want thousands of features and the seed's other sections",
			len(b.Features), len(b.Constraints), len(b.Metrics))
	}
	for _, seed := range []string{"# Brief\n\nNo features here.\n", "# Brief\n\n## Features\n\n- a bullet\n\n## Out of scope\n\n- x\n"} {
		if _, err := bigBrief([]byte(seed), 1000); err == nil {
			t.Errorf("bigBrief(%q): no error", seed)
		}
	}
}

func TestStageTimes(t *testing.T) {
	stderr := "prd: asking gpt-4o-mini\n" +
		"wrote docs/prd.md (30 functional requirements, 4 non-functional requirements, 3 open questions; gpt-4o-mini, 1 request, 2100 tokens) in 10.2s\n" +
		"stories: asking gpt-4o-mini\n" +
		"wrote docs/stories.md (30 stories, 150 acceptance criteria; gpt-4o-mini, 6 requests) in 2m05s\n" +
		"wrote docs/tech.md (12 entities) in 0.4s\n" +
		"wrote notes.md (no time)\n"
	got := stageTimes(stderr)
	want := map[string]time.Duration{"prd": 10200 * time.Millisecond, "stories": 125 * time.Second, "tech": 400 * time.Millisecond}
	if len(got) != len(want) {
		t.Fatalf("stageTimes = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("stage %s: %v, want %v", k, got[k], v)
		}
	}
}

func TestCheckRecord(t *testing.T) {
	frs := []string{"FR-001", "FR-002", "FR-003"}
	valid := []exchange{
		{Stage: "prd"},
		{Stage: "stories", Offered: []string{"FR-001", "FR-002"}},
		{Stage: "stories", Offered: []string{"FR-003"}},
		{Stage: "tech", Offered: []string{"US-001", "US-002", "US-003"}},
	}
	split := append(valid[:3:3],
		exchange{Stage: "tech", Offered: []string{"US-003"}},
		exchange{Stage: "tech", Offered: []string{"US-001", "US-002", "US-003"}},
		exchange{Stage: "tech", Offered: []string{"US-001", "US-002"}})
	tests := []struct {
		name    string
		ex      []exchange
		wantErr string
	}{
		{"valid", valid, ""},
		{"tech split into design and tasks", split, ""},
		{"a repair", append(valid[:4:4], exchange{Stage: "stories", Repair: true}), "repair"},
		{"two prd requests", append(valid[:4:4], exchange{Stage: "prd"}), "want one prd request"},
		{"an FR offered twice", append(valid[:4:4], exchange{Stage: "stories", Offered: []string{"FR-003"}}), "exactly once"},
		{"an FR never offered", []exchange{valid[0], valid[1], valid[3]}, "exactly once"},
		{"a story's tasks asked twice", append(split[:6:6], exchange{Stage: "tech", Offered: []string{"US-002"}}), "tech tasks"},
		{"no tech request", valid[:3:3], "want one prd request"},
		{"no stories", []exchange{{Stage: "prd"}, {Stage: "tech"}}, "want one prd request"},
		{"an unknown stage", append(valid[:4:4], exchange{Stage: "scaffold"}), "want one prd request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkRecord(tt.ex, frs)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("err = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	tests := []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3}, 3},
		{[]time.Duration{3, 1, 2}, 2},
		{[]time.Duration{4, 1, 3, 2}, 2},
	}
	for _, tt := range tests {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestTargets(t *testing.T) {
	ms := time.Millisecond
	b := &bench{
		opts: options{runs: 20, latency: 300 * ms, rate: 200},
		gen: []generateRun{{Jobs: 4, Wall: 34 * time.Second, Stages: []stageRun{
			{Name: "prd", Requests: 1, Measured: 10 * time.Second, Ideal: 10 * time.Second},
			{Name: "stories", Requests: 6, Measured: 14 * time.Second, Ideal: 10 * time.Second},
			{Name: "tech", Requests: 1, Measured: 10 * time.Second, Ideal: 10 * time.Second},
		}}},
		procs: []procCost{
			{Name: "prodgen --help", sample: sample{Wall: 10 * ms}},
			{Name: "prodgen generate (no-op)", sample: sample{Wall: 40 * ms}},
		},
		overheadCost: overhead{Prodgen: sample{Wall: 60 * ms}, Minimal: sample{Wall: 50 * ms}},
		bigBrief:     bigRun{sample: sample{Wall: 500 * ms}},
	}
	want := map[string]bool{
		"stories stage, jobs=4, against its ideal":                    true,  // 1.4x
		"overhead per model call against go-openai (simulated model)": true,  // +10 ms, but 1.2x
		"no-op generate against --help":                               false, // 4x
		"offline prd of a 1 MiB brief":                                true,
	}
	for _, tg := range b.targets() {
		if pass, ok := want[tg.Name]; !ok || pass != tg.Pass {
			t.Errorf("target %q (%s): pass %v, want %v", tg.Name, tg.Value, tg.Pass, pass)
		}
	}
	if b.passed() {
		t.Error("passed() with a failing target")
	}
	report := b.report(machine{CPU: "test CPU", Cores: 2, Memory: "1.0 GiB", OS: "test OS", Go: "go1.x"})
	for _, s := range []string{"| no-op generate against --help | 40.0 ms / 10.0 ms = 4.00x | ≤ 3x | **FAIL** |",
		"| 4 | stories | 6 | 0 | 14.0s | 10.0s | 1.40x |", "| 4 | whole process | 8 |", "test CPU, 2 cores"} {
		if !strings.Contains(report, s) {
			t.Errorf("report lacks %q:\n%s", s, report)
		}
	}
}
