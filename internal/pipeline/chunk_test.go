package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/offline"
)

// The stories of a large PRD are asked for per group of requirements, in
// parallel, and merged into the same document whatever order the answers
// arrive in and however many run at once.
func TestStoriesParallelMergeIsDeterministic(t *testing.T) {
	base := bigProject(t, 23)
	p, f := modelWith(base, 1, shuffled(1))
	want := mustRun(t, p, "stories")
	if len(f.got) != 5 {
		t.Fatalf("%d requests for 23 requirements, want 5 groups of at most %d", len(f.got), storyGroup)
	}
	var covered []string
	for _, req := range f.got {
		ids := asked(req)
		if n := len(ids); n == 0 || n > storyGroup {
			t.Errorf("a request covers %d requirements, want 1 to %d", n, storyGroup)
		}
		covered = append(covered, ids...)
		if !strings.Contains(req.Messages[len(req.Messages)-1].Content+req.Messages[0].Content, "Other requirements are covered by other requests") {
			t.Errorf("a partial request does not tell the model to cover only its group")
		}
	}
	slices.Sort(covered)
	if len(slices.Compact(covered)) != 23 {
		t.Errorf("the requests cover %d distinct requirements, want all 23", len(covered))
	}
	stories, err := artifact.ParseStories(want)
	if err != nil {
		t.Fatal(err)
	}
	for i, st := range stories.Stories {
		if st.ID != artifact.StoryID(i+1) {
			t.Fatalf("story %d has ID %s, want %s: merged stories are numbered in order", i+1, st.ID, artifact.StoryID(i+1))
		}
	}
	for seed := uint64(2); seed < 12; seed++ {
		p, f := modelWith(base, 4, shuffled(seed))
		if got := mustRun(t, p, "stories"); string(got) != string(want) {
			t.Fatalf("seed %d, jobs 4: the document differs from the one made with jobs 1", seed)
		}
		if m := f.most.Load(); m > 4 {
			t.Errorf("%d requests ran at once, want at most 4", m)
		}
	}
}

// With jobs above 1 the groups really are asked for at once: the first
// answer waits until a second request has arrived.
func TestStoriesRunInParallel(t *testing.T) {
	arrived := make(chan struct{}, 2)
	release := make(chan struct{})
	var once sync.Once
	p, _ := modelWith(bigProject(t, 10), 2, func(ctx context.Context, _ llm.Request) error {
		arrived <- struct{}{}
		if len(arrived) == 2 {
			once.Do(func() { close(release) })
		}
		select {
		case <-release:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	plan, err := p.Plan(Selection{Stage: "stories"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Execute(ctx, plan); err != nil {
		t.Fatalf("the two groups were not asked for at once: %v", err)
	}
}

// One failing group fails the stage: the error is the group's, not the
// cancellation of the others, and nothing is written.
func TestStoriesGroupFailure(t *testing.T) {
	shuffle := shuffled(7)
	p, _ := modelWith(bigProject(t, 12), 4, func(ctx context.Context, req llm.Request) error {
		if slices.Contains(asked(req), "FR-007") {
			return errors.New("the model is down")
		}
		return shuffle(ctx, req)
	})
	md, err := run(t, p, "stories")
	if err == nil || !strings.Contains(err.Error(), "the model is down") {
		t.Fatalf("Stories = %q, %v; want the failing group's error", md, err)
	}
}

func TestGroupsOf(t *testing.T) {
	tests := []struct {
		n, size int
		want    []int
	}{
		{0, 5, []int{0}},
		{5, 5, []int{5}},
		{6, 5, []int{5, 1}},
		{30, 5, []int{5, 5, 5, 5, 5, 5}},
	}
	for _, tt := range tests {
		var sizes []int
		for _, g := range groupsOf(make([]int, tt.n), tt.size) {
			sizes = append(sizes, len(g))
		}
		if !slices.Equal(sizes, tt.want) {
			t.Errorf("groupsOf(%d items, %d) sizes %v, want %v", tt.n, tt.size, sizes, tt.want)
		}
	}
}

// A large tech spec is asked for as one design request and one tasks
// request per group of stories, at once, and merged the same way whatever
// order the answers arrive in.
func TestTechParallelMergeIsDeterministic(t *testing.T) {
	base := bigProject(t, 20)
	stories, err := artifact.ParseStories(mustRun(t, base, "stories"))
	if err != nil {
		t.Fatal(err)
	}
	n := len(stories.Stories)
	p, f := modelWith(base, 1, shuffled(1))
	want := mustRun(t, p, "tech")
	if groups := (n + taskGroup - 1) / taskGroup; len(f.got) != 1+groups {
		t.Fatalf("%d requests for %d stories, want a design request and %d tasks requests", len(f.got), n, groups)
	}
	tech, err := artifact.ParseTech(want)
	if err != nil {
		t.Fatal(err)
	}
	// The design is the design answer's, whole: what the engine made of
	// the PRD alone (this project has no brief at hand).
	design := offline.BuildTech(mustPRD(t, base), stories)
	if len(tech.Entities) != len(design.Entities) || len(tech.Endpoints) != len(design.Endpoints) || len(tech.Components) != len(design.Components) || len(tech.Entities) == 0 {
		t.Errorf("the merged spec lost the design: %d entities, %d endpoints, %d components; the design has %d, %d, %d",
			len(tech.Entities), len(tech.Endpoints), len(tech.Components), len(design.Entities), len(design.Endpoints), len(design.Components))
	}
	covered := map[string]bool{}
	for i, task := range tech.Tasks {
		if task.ID != artifact.TaskID(i+1) {
			t.Fatalf("task %d has ID %s: merged tasks are numbered in order", i+1, task.ID)
		}
		for _, id := range task.Stories {
			covered[id] = true
		}
	}
	for _, st := range stories.Stories {
		if !covered[st.ID] {
			t.Errorf("no task delivers %s", st.ID)
		}
	}
	for seed := uint64(2); seed < 8; seed++ {
		p, _ := modelWith(base, 4, shuffled(seed))
		if got := mustRun(t, p, "tech"); string(got) != string(want) {
			t.Fatalf("seed %d, jobs 4: the document differs from the one made with jobs 1", seed)
		}
	}
}

// mustPRD reads a project's PRD.
func mustPRD(t *testing.T, p *Project) *artifact.PRD {
	t.Helper()
	_, prd, err := p.readPRD(p.prdPath())
	if err != nil {
		t.Fatal(err)
	}
	return prd
}
