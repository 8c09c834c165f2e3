package pipeline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/prompt"
)

// StoryGroup is how many functional requirements one stories request
// covers when a model writes them. A requirement makes one to three
// stories of about 200 tokens each with their criteria, so a group's
// answer stays far below any model's output limit however large the PRD
// is, and a 30-requirement PRD makes six requests that run in parallel.
// It is a constant, not derived from jobs, so that the documents do not
// depend on how many requests ran at once.
const StoryGroup = 5

// storiesCalls reads the PRD and builds the stories stage's requests: one
// per group of requirements when a model writes them, one for the whole
// PRD for the offline engine, which has no output limit to respect.
func (p *Project) storiesCalls(prdPath string) ([]byte, []call, error) {
	prdSrc, prd, err := p.readPRD(prdPath)
	if err != nil {
		return nil, nil, err
	}
	if p.Prompts == nil {
		calls, err := p.storiesGroups(prd, prdSrc, [][]artifact.Requirement{prd.Functional})
		return prdSrc, calls, err
	}
	// Smaller groups when the answers would not fit the context window:
	// each group's answer is smaller, the PRD sent with it the same.
	for size := StoryGroup; ; size = (size + 1) / 2 {
		groups := [][]artifact.Requirement{prd.Functional}
		if len(prd.Functional) > size {
			groups = groupsOf(prd.Functional, size)
		}
		calls, err := p.storiesGroups(prd, prdSrc, groups)
		if err != nil {
			return nil, nil, err
		}
		if err := p.allFit(calls); err == nil || size == 1 {
			return prdSrc, calls, nil
		}
	}
}

// allFit checks every call against the context window.
func (p *Project) allFit(calls []call) error {
	for _, c := range calls {
		if err := p.Fits(c.req); err != nil {
			return err
		}
	}
	return nil
}

// storiesGroups builds one stories request per group of requirements.
func (p *Project) storiesGroups(prd *artifact.PRD, prdSrc []byte, groups [][]artifact.Requirement) ([]call, error) {
	calls := make([]call, 0, len(groups))
	for _, g := range groups {
		part := prd
		if len(groups) > 1 {
			// The group's requirements only: the offline engine writes
			// stories for what it is given, and validation accepts traces
			// to the group alone.
			cp := *prd
			cp.Functional = g
			part = &cp
		}
		frIDs := requirementIDs(g)
		req := llm.Request{
			Stage:  llm.StageStories,
			Input:  &llm.StoriesInput{PRD: part},
			Schema: &llm.Schema{Name: llm.StageStories, JSON: artifact.StoriesSchema(frIDs)},
		}
		data := prompt.StoriesData{PRD: string(prdSrc), FRIDs: frIDs, Part: len(groups) > 1}
		if err := p.messages(&req, data); err != nil {
			return nil, err
		}
		calls = append(calls, call{req: req, into: &storiesValue{prd: part}})
	}
	return calls, nil
}

// groupsOf cuts items into consecutive groups of at most n, so that the
// requirements of one feature, numbered together, mostly stay together.
func groupsOf[T any](items []T, n int) [][]T {
	var groups [][]T
	for len(items) > n {
		groups = append(groups, items[:n:n])
		items = items[n:]
	}
	return append(groups, items)
}

// mergeStories joins the stories of each call in the calls' order and
// numbers them again, US-001 onwards, as if one answer had held them all.
// The result depends only on the calls' order, never on which answer
// arrived first.
func mergeStories(calls []call) *artifact.Stories {
	first := &calls[0].into.(*storiesValue).Stories
	if len(calls) == 1 {
		return first
	}
	merged := &artifact.Stories{Title: first.Title}
	for _, c := range calls {
		merged.Stories = append(merged.Stories, c.into.(*storiesValue).Stories.Stories...)
	}
	merged.Number()
	return merged
}

// TaskGroup is how many stories one tasks request covers when a model
// writes a large tech spec: the design (architecture, data model, API) is
// one request, and the tasks, which name only stories, are asked for per
// group of stories alongside it.
const TaskGroup = 8

// techCalls reads the PRD and the stories and builds the tech stage's
// requests: one for the whole document, or, when a model writes it for
// more than TaskGroup stories, one for the design and one per group of
// stories for their tasks, all sent at once.
func (p *Project) techCalls() ([]byte, []byte, []call, error) {
	prdSrc, prd, err := p.readPRD(p.PRDPath())
	if err != nil {
		return nil, nil, nil, err
	}
	storiesSrc, stories, err := p.readStories(p.StoriesPath())
	if err != nil {
		return nil, nil, nil, err
	}
	if err := stories.Validate(prd); err != nil {
		return nil, nil, nil, &disk.InputError{Path: p.StoriesPath(), Err: err}
	}
	storyIDs := make([]string, 0, len(stories.Stories))
	for _, s := range stories.Stories {
		storyIDs = append(storyIDs, s.ID)
	}
	whole := prompt.TechData{PRD: string(prdSrc), Stories: string(storiesSrc), StoryIDs: storyIDs}
	if p.Prompts == nil || len(storyIDs) <= TaskGroup {
		c, err := p.techCall(whole, prd, stories)
		return prdSrc, storiesSrc, []call{c}, err
	}
	design := whole
	design.Part = "design"
	c, err := p.techCall(design, prd, stories)
	if err != nil {
		return nil, nil, nil, err
	}
	calls := []call{c}
	for _, g := range groupsOf(stories.Stories, TaskGroup) {
		// The group's stories only: its tasks may name no others.
		sub := *stories
		sub.Stories = g
		tasks := whole
		tasks.Part, tasks.StoryIDs = "tasks", make([]string, 0, len(g))
		for _, st := range g {
			tasks.StoryIDs = append(tasks.StoryIDs, st.ID)
		}
		c, err := p.techCall(tasks, prd, &sub)
		if err != nil {
			return nil, nil, nil, err
		}
		calls = append(calls, c)
	}
	return prdSrc, storiesSrc, calls, nil
}

// techCall builds one tech request from its prompt data; its answer may
// name only the stories given.
func (p *Project) techCall(data prompt.TechData, prd *artifact.PRD, stories *artifact.Stories) (call, error) {
	req := llm.Request{
		Stage:  llm.StageTech,
		Input:  &llm.TechInput{PRD: prd, Stories: stories},
		Schema: &llm.Schema{Name: llm.StageTech, JSON: artifact.TechSchema(data.StoryIDs)},
	}
	err := p.messages(&req, data)
	return call{req: req, into: &techValue{stories: stories}}, err
}

// mergeTech takes the design from the first call and the tasks from the
// others, in the calls' order, numbered T-001 onwards. A single call is
// the whole document.
func mergeTech(calls []call) *artifact.TechSpec {
	tech := &calls[0].into.(*techValue).TechSpec
	if len(calls) == 1 {
		return tech
	}
	tech.Tasks = nil
	for _, c := range calls[1:] {
		tech.Tasks = append(tech.Tasks, c.into.(*techValue).Tasks...)
	}
	tech.Number()
	return tech
}

// Requests returns the requests a stage would send with its inputs as they
// are on disk now, without sending anything: what --dry-run shows. input
// is the stage's input document (the brief for prd, the PRD for stories);
// empty means the project's.
func (p *Project) Requests(stage, input string) ([]llm.Request, error) {
	var calls []call
	var err error
	switch stage {
	case llm.StagePRD:
		if input == "" {
			input = p.Brief
		}
		_, calls, err = p.prdCalls(input)
	case llm.StageStories:
		if input == "" {
			input = p.PRDPath()
		}
		_, calls, err = p.storiesCalls(input)
	case llm.StageTech:
		_, _, calls, err = p.techCalls()
	default:
		lang, ok := strings.CutPrefix(stage, "scaffold-")
		if !ok {
			return nil, fmt.Errorf("unknown stage %q", stage)
		}
		var req llm.Request
		req, err = p.scaffoldRequest(lang)
		calls = []call{{req: req}}
	}
	if err != nil {
		return nil, err
	}
	reqs := make([]llm.Request, len(calls))
	for i, c := range calls {
		reqs[i] = c.req
	}
	return reqs, nil
}
