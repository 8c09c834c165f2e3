package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/offline"
	"github.com/prodgen/prodgen/internal/prompt"
)

// shuffler answers like the offline engine, but each answer arrives after
// a random delay, so answers come back in a different order on every run.
type shuffler struct {
	engine   *offline.Engine
	mu       sync.Mutex
	rng      *rand.Rand
	got      []llm.Request
	inFlight atomic.Int32
	most     atomic.Int32
	fail     string // an FR ID whose group's request fails
}

func (s *shuffler) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	s.mu.Lock()
	s.got = append(s.got, req)
	delay := time.Duration(s.rng.IntN(3000)) * time.Microsecond
	s.mu.Unlock()
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.most.Load()
		if n <= m || s.most.CompareAndSwap(m, n) {
			break
		}
	}
	select {
	case <-time.After(delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if in, ok := req.Input.(*llm.StoriesInput); ok && s.fail != "" {
		for _, r := range in.PRD.Functional {
			if r.ID == s.fail {
				return nil, errors.New("the model is down")
			}
		}
	}
	return s.engine.Complete(ctx, req)
}

// bigProject is a project whose PRD has more requirements than one stories
// request covers.
func bigProject(t *testing.T, features int) *Project {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Depot\n\nA tool for a parts depot.\n\n## Users\n\n- **Clerk**: runs the counter.\n\n## Features\n\n")
	for i := range features {
		fmt.Fprintf(&b, "- Clerks can record part number %d in the ledger.\n", i+1)
	}
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "brief.md"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &Project{Root: root, OutDir: "docs", Brief: "brief.md", Client: offline.New()}
	res, err := p.PRD(t.Context(), "brief.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := disk.Write(p.Abs(res.Path), res.Markdown); err != nil {
		t.Fatal(err)
	}
	return p
}

func storiesWith(t *testing.T, p *Project, jobs int, seed uint64) ([]byte, *shuffler) {
	t.Helper()
	s := &shuffler{engine: offline.New(), rng: rand.New(rand.NewPCG(seed, seed))}
	p.Client, p.Prompts, p.Jobs = s, prompt.New(""), jobs
	res, err := p.Stories(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	return res.Markdown, s
}

// The stories of a large PRD are asked for per group of requirements, in
// parallel, and merged into the same document whatever order the answers
// arrive in and however many run at once.
func TestStoriesParallelMergeIsDeterministic(t *testing.T) {
	p := bigProject(t, 23)
	want, s := storiesWith(t, p, 1, 1)
	if len(s.got) != 5 {
		t.Fatalf("%d requests for 23 requirements, want 5 groups of at most %d", len(s.got), StoryGroup)
	}
	var covered []string
	for _, req := range s.got {
		in := req.Input.(*llm.StoriesInput)
		if n := len(in.PRD.Functional); n == 0 || n > StoryGroup {
			t.Errorf("a request covers %d requirements, want 1 to %d", n, StoryGroup)
		}
		for _, r := range in.PRD.Functional {
			covered = append(covered, r.ID)
			if !strings.Contains(string(req.Schema.JSON), r.ID) {
				t.Errorf("the schema of the request covering %s does not allow tracing it", r.ID)
			}
		}
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
		got, s := storiesWith(t, p, 4, seed)
		if string(got) != string(want) {
			t.Fatalf("seed %d, jobs 4: the document differs from the one made with jobs 1", seed)
		}
		if m := s.most.Load(); m > 4 {
			t.Errorf("%d requests ran at once, want at most 4", m)
		}
	}
}

// With jobs above 1 the groups really are asked for at once: the first
// answer waits until a second request has arrived.
func TestStoriesRunInParallel(t *testing.T) {
	p := bigProject(t, 10)
	arrived := make(chan struct{}, 2)
	release := make(chan struct{})
	var once sync.Once
	p.Client = clientFunc(func(ctx context.Context, req llm.Request) (*llm.Response, error) {
		arrived <- struct{}{}
		if len(arrived) == 2 {
			once.Do(func() { close(release) })
		}
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return offline.New().Complete(ctx, req)
	})
	p.Prompts, p.Jobs = prompt.New(""), 2
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	if _, err := p.Stories(ctx, ""); err != nil {
		t.Fatalf("the two groups were not asked for at once: %v", err)
	}
}

// One failing group fails the stage: the error is the group's, not the
// cancellation of the others, and no stories are returned.
func TestStoriesGroupFailure(t *testing.T) {
	p := bigProject(t, 12)
	s := &shuffler{engine: offline.New(), rng: rand.New(rand.NewPCG(7, 7)), fail: "FR-007"}
	p.Client, p.Prompts, p.Jobs = s, prompt.New(""), 4
	res, err := p.Stories(t.Context(), "")
	if err == nil || !strings.Contains(err.Error(), "the model is down") {
		t.Fatalf("Stories = %v, %v; want the failing group's error", res, err)
	}
}

// The offline engine writes all stories in one request: it has no output
// limit, and its documents stay what they were.
func TestOfflineStoriesOneRequest(t *testing.T) {
	p := bigProject(t, 12)
	var n atomic.Int32
	p.Client = clientFunc(func(ctx context.Context, req llm.Request) (*llm.Response, error) {
		n.Add(1)
		return offline.New().Complete(ctx, req)
	})
	if _, err := p.Stories(t.Context(), ""); err != nil {
		t.Fatal(err)
	}
	if n.Load() != 1 {
		t.Errorf("%d requests without prompts, want 1", n.Load())
	}
}

type clientFunc func(context.Context, llm.Request) (*llm.Response, error)

func (f clientFunc) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	return f(ctx, req)
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

func techWith(t *testing.T, p *Project, jobs int, seed uint64) ([]byte, *shuffler) {
	t.Helper()
	s := &shuffler{engine: offline.New(), rng: rand.New(rand.NewPCG(seed, seed))}
	p.Client, p.Prompts, p.Jobs = s, prompt.New(""), jobs
	res, err := p.Tech(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return res.Markdown, s
}

// A large tech spec is asked for as one design request and one tasks
// request per group of stories, at once, and merged the same way whatever
// order the answers arrive in.
func TestTechParallelMergeIsDeterministic(t *testing.T) {
	p := bigProject(t, 20)
	res, err := p.Stories(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := disk.Write(p.Abs(res.Path), res.Markdown); err != nil {
		t.Fatal(err)
	}
	stories, err := artifact.ParseStories(res.Markdown)
	if err != nil {
		t.Fatal(err)
	}
	n := len(stories.Stories)
	want, s := techWith(t, p, 1, 1)
	if groups := (n + TaskGroup - 1) / TaskGroup; len(s.got) != 1+groups {
		t.Fatalf("%d requests for %d stories, want a design request and %d tasks requests", len(s.got), n, groups)
	}
	tech, err := artifact.ParseTech(want)
	if err != nil {
		t.Fatal(err)
	}
	if len(tech.Entities) == 0 || len(tech.Endpoints) == 0 {
		t.Errorf("the merged spec lost the design: %d entities, %d endpoints", len(tech.Entities), len(tech.Endpoints))
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
		if got, _ := techWith(t, p, 4, seed); string(got) != string(want) {
			t.Fatalf("seed %d, jobs 4: the document differs from the one made with jobs 1", seed)
		}
	}
}
