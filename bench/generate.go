package main

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// stageOrder is the order of generate's stages.
var stageOrder = []string{"prd", "stories", "tech"}

// generateRun is one `prodgen generate --force` of the 30-FR project.
type generateRun struct {
	Jobs   int
	Wall   time.Duration
	Stages []stageRun
}

// stageRun is one stage of a generate run.
type stageRun struct {
	Name     string
	Requests int
	Tokens   int           // completion tokens of every answer
	Measured time.Duration // from prodgen's "wrote … in 1.2s" line
	// Ideal is the makespan of the stage's simulated request durations on
	// Jobs workers: the stage's time under a perfect scheduler with no
	// overhead of its own.
	Ideal time.Duration
}

// Ratio is measured over ideal.
func (s stageRun) Ratio() float64 { return ratio(s.Measured, s.Ideal) }

// generate runs generate --force on the 30-FR project with jobs=1 and
// jobs=4. The jobs=4 project stays, up to date, for the process costs.
func (b *bench) generate(ctx context.Context) error {
	a, err := newAnswerer(brief30)
	if err != nil {
		return err
	}
	m, err := startModel(a, b.opts.latency, b.opts.rate)
	if err != nil {
		return err
	}
	b.model = m
	for _, jobs := range []int{1, 4} {
		dir, e, err := b.project(fmt.Sprintf("generate-jobs%d", jobs), brief30)
		if err != nil {
			return err
		}
		e = modelEnv(e, m).with("PRODGEN_JOBS", fmt.Sprint(jobs))
		p, err := b.run(ctx, dir, e, b.prodgen, "generate", "--force")
		if err != nil {
			return err
		}
		ex, err := m.take()
		if err != nil {
			return err
		}
		r, err := generateResult(jobs, p, ex, a.frIDs())
		if err != nil {
			return fmt.Errorf("jobs=%d: %w", jobs, err)
		}
		b.gen = append(b.gen, r)
		b.fresh, b.freshEnv = dir, e
	}
	return nil
}

// generateResult puts a run's stage lines beside the fake model's record.
func generateResult(jobs int, p proc, ex []exchange, frIDs []string) (generateRun, error) {
	if err := checkRecord(ex, frIDs); err != nil {
		return generateRun{}, err
	}
	times := stageTimes(p.Stderr)
	r := generateRun{Jobs: jobs, Wall: p.Wall}
	for _, name := range stageOrder {
		measured, ok := times[name]
		if !ok {
			return generateRun{}, fmt.Errorf("prodgen printed no \"wrote docs/%s.md (…) in …\" line:\n%s", name, tail(p.Stderr, 2000))
		}
		s := stageRun{Name: name, Measured: measured}
		var durations []time.Duration
		for _, e := range ex {
			if e.Stage == name {
				s.Requests++
				s.Tokens += e.Tokens
				durations = append(durations, e.Simulated)
			}
		}
		s.Ideal = makespan(durations, jobs)
		if name == "tech" && len(durations) > 1 {
			// A large tech spec's design request goes alone, first: the
			// tasks requests carry its answer.
			s.Ideal = durations[0] + makespan(durations[1:], jobs)
		}
		r.Stages = append(r.Stages, s)
	}
	return r, nil
}

// Ideal is the run's critical path: its stages run one after another.
func (r generateRun) Ideal() time.Duration {
	var sum time.Duration
	for _, s := range r.Stages {
		sum += s.Ideal
	}
	return sum
}

// stage returns the run's stage of that name.
func (r generateRun) stage(name string) stageRun {
	for _, s := range r.Stages {
		if s.Name == name {
			return s
		}
	}
	return stageRun{}
}

// wroteLine matches prodgen's line for a document written with a model:
// "wrote docs/stories.md (30 stories, …) in 4.9s".
var wroteLine = regexp.MustCompile(`(?m)^wrote \S+/(\w+)\.md \(.*\) in ([0-9.]+s|\d+m\d+s)$`)

// stageTimes reads each stage's time from prodgen's stderr.
func stageTimes(stderr string) map[string]time.Duration {
	out := map[string]time.Duration{}
	for _, m := range wroteLine.FindAllStringSubmatch(stderr, -1) {
		if d, err := time.ParseDuration(m[2]); err == nil {
			out[m[1]] = d
		}
	}
	return out
}

// checkRecord checks that the model was asked what a valid run asks: one
// PRD request; stories requests that offer each requirement exactly once;
// tech requests of which the widest offers every story and the others,
// if any (the tasks of a split spec), offer each of those stories exactly
// once; and no repair request.
func checkRecord(ex []exchange, frIDs []string) error {
	var stories, tech [][]string
	count := map[string]int{}
	for _, e := range ex {
		if e.Repair {
			return fmt.Errorf("prodgen sent a repair request for the %s stage: an answer was invalid", e.Stage)
		}
		count[e.Stage]++
		switch e.Stage {
		case "stories":
			stories = append(stories, e.Offered)
		case "tech":
			tech = append(tech, e.Offered)
		}
	}
	if count["prd"] != 1 || count["stories"] == 0 || count["tech"] == 0 || len(count) != 3 {
		return fmt.Errorf("the model was asked %v; want one prd request and stories and tech requests", count)
	}
	if err := partition("stories", stories, frIDs); err != nil {
		return err
	}
	slices.SortStableFunc(tech, func(a, b []string) int { return len(b) - len(a) })
	all := slices.Sorted(slices.Values(tech[0]))
	if len(tech) > 1 {
		return partition("tech tasks", tech[1:], all)
	}
	return nil
}

// partition checks that the requests' offered IDs cover want, each ID
// exactly once.
func partition(what string, offers [][]string, want []string) error {
	got := slices.Sorted(slices.Values(slices.Concat(offers...)))
	if !slices.Equal(got, want) {
		return fmt.Errorf("the %s requests offered %s, want each of %s exactly once",
			what, strings.Join(got, " "), strings.Join(want, " "))
	}
	return nil
}
