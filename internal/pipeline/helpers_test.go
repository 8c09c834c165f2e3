package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/offline"
)

// newProject is a project in a temporary folder with brief as its brief,
// written by eng.
func newProject(t *testing.T, brief string, eng Engine) *Project {
	t.Helper()
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "brief.md"), []byte(brief), 0o644); err != nil {
		t.Fatal(err)
	}
	return Open(Options{Root: root, OutDir: "docs", Brief: "brief.md", Engine: eng, Settings: map[string]string{"provider": "auto"}})
}

// with is p opened again with changed options.
func with(p *Project, change func(*Options)) *Project {
	o := p.opts
	change(&o)
	return Open(o)
}

// run runs one stage on its own and returns the document it wrote.
func run(t *testing.T, p *Project, stage string) ([]byte, error) {
	t.Helper()
	plan, err := p.Plan(Selection{Stage: stage})
	if err != nil {
		return nil, err
	}
	if _, err := p.Execute(t.Context(), plan); err != nil {
		return nil, err
	}
	s, _ := lookup(stage)
	return os.ReadFile(p.Abs(s.Output(p)))
}

// mustRun is run that fails the test on an error.
func mustRun(t *testing.T, p *Project, stage string) []byte {
	t.Helper()
	md, err := run(t, p, stage)
	if err != nil {
		t.Fatalf("%s: %v", stage, err)
	}
	return md
}

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

// follower is a model that follows its instructions: it answers each
// request as the offline engine would, from the project's files, naming
// only the IDs the request's schema allows. before, when set, runs first
// and may delay or fail the answer.
type follower struct {
	p      *Project
	before func(ctx context.Context, req llm.Request) error

	mu       sync.Mutex
	got      []llm.Request
	inFlight atomic.Int32
	most     atomic.Int32
}

func (f *follower) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	f.mu.Lock()
	f.got = append(f.got, req)
	f.mu.Unlock()
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for m := f.most.Load(); n > m && !f.most.CompareAndSwap(m, n); m = f.most.Load() {
	}
	if f.before != nil {
		if err := f.before(ctx, req); err != nil {
			return nil, err
		}
	}
	doc, err := f.answer(req)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(doc)
	return &llm.Response{Content: string(data), Model: "fake"}, err
}

func (f *follower) answer(req llm.Request) (any, error) {
	p := f.p
	allowed := asked(req)
	switch req.Stage {
	case "prd":
		_, b, err := p.readBrief(p.Abs(p.opts.Brief), p.opts.Brief)
		if err != nil {
			return nil, err
		}
		return offline.BuildPRD(b), nil
	case "stories":
		_, prd, err := p.readPRD(p.prdPath())
		if err != nil {
			return nil, err
		}
		group := *prd
		group.Functional = slices.DeleteFunc(slices.Clone(prd.Functional), func(r artifact.Requirement) bool { return !slices.Contains(allowed, r.ID) })
		return offline.BuildStories(&group), nil
	case "tech":
		_, prd, err := p.readPRD(p.prdPath())
		if err != nil {
			return nil, err
		}
		_, stories, err := p.readStories(p.storiesPath())
		if err != nil {
			return nil, err
		}
		sub := *stories
		sub.Stories = slices.DeleteFunc(slices.Clone(stories.Stories), func(s artifact.Story) bool { return !slices.Contains(allowed, s.ID) })
		return offline.BuildTech(prd, &sub), nil
	}
	return nil, errors.New("the follower does not know stage " + req.Stage)
}

// coverRe finds the requirements a stories request must cover in its
// prompt.
var coverRe = regexp.MustCompile(`Every one of ([A-Z0-9, -]+) must be traced`)

// asked are the IDs a request asks about: the requirements a stories
// request must cover (its schema lets the stories trace any of the PRD's),
// the stories a tech request may name.
func asked(req llm.Request) []string {
	if req.Stage == "tech" {
		return schemaEnum(req.Schema.JSON, "tasks", "stories")
	}
	if req.Stage != "stories" {
		return enum(req.Schema.JSON)
	}
	for _, m := range req.Messages {
		if g := coverRe.FindStringSubmatch(m.Content); g != nil {
			return strings.Split(g[1], ", ")
		}
	}
	return nil
}

var enumRe = regexp.MustCompile(`"enum":\[([^\]]*)\]`)

// enum is the first list of allowed values in a schema: the IDs an answer
// may name.
func enum(schema json.RawMessage) []string {
	m := enumRe.FindSubmatch(schema)
	if m == nil {
		return nil
	}
	var ids []string
	if err := json.Unmarshal(append(append([]byte{'['}, m[1]...), ']'), &ids); err != nil {
		return nil
	}
	return ids
}

// schemaEnum is the enum of the list a schema reaches by the property
// names path, through arrays' items: ("tasks", "stories") is the stories a
// tech answer's tasks may name.
func schemaEnum(schema json.RawMessage, path ...string) []string {
	type node struct {
		Properties map[string]*node `json:"properties"`
		Items      *node            `json:"items"`
		Enum       []string         `json:"enum"`
	}
	var n *node
	if json.Unmarshal(schema, &n) != nil {
		return nil
	}
	for _, p := range path {
		if n.Items != nil {
			n = n.Items
		}
		if n = n.Properties[p]; n == nil {
			return nil
		}
	}
	if n.Items != nil {
		n = n.Items
	}
	return n.Enum
}

// shuffled delays each answer at random, so answers come back in a
// different order on every run.
func shuffled(seed uint64) func(ctx context.Context, req llm.Request) error {
	var mu sync.Mutex
	rng := rand.New(rand.NewPCG(seed, seed))
	return func(ctx context.Context, _ llm.Request) error {
		mu.Lock()
		delay := time.Duration(rng.IntN(3000)) * time.Microsecond
		mu.Unlock()
		select {
		case <-time.After(delay):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// bigProject is a project whose PRD, written offline, has more
// requirements than one stories request covers.
func bigProject(t *testing.T, features int) *Project {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Depot\n\nA tool for a parts depot.\n\n## Users\n\n- **Clerk**: runs the counter.\n\n## Features\n\n")
	for i := range features {
		fmt.Fprintf(&b, "- Clerks can record part number %d in the ledger.\n", i+1)
	}
	p := newProject(t, b.String(), Offline(nil))
	mustRun(t, p, "prd")
	return p
}

// modelWith is p written by a follower with jobs requests at once.
func modelWith(p *Project, jobs int, before func(context.Context, llm.Request) error) (*Project, *follower) {
	f := &follower{before: before}
	m := with(p, func(o *Options) { o.Engine = Model(f, jobs, 2, "") })
	f.p = m
	return m, f
}
