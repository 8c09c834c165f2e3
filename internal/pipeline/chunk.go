package pipeline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
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
	groups := [][]artifact.Requirement{prd.Functional}
	if p.Prompts != nil && len(prd.Functional) > StoryGroup {
		groups = groupsOf(prd.Functional, StoryGroup)
	}
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
			return nil, nil, err
		}
		calls = append(calls, call{req: req, into: &storiesValue{prd: part}})
	}
	return prdSrc, calls, nil
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
