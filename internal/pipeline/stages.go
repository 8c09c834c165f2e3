package pipeline

import (
	"context"
	"fmt"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/prompt"
)

// PRD generates the product requirements document from the brief at
// briefPath.
func (p *Project) PRD(ctx context.Context, briefPath string) (*Result, error) {
	src, calls, err := p.prdCalls(briefPath)
	if err != nil {
		return nil, err
	}
	usage, err := p.send(ctx, llm.StagePRD, calls)
	if err != nil {
		return nil, err
	}
	prd := &calls[0].into.(*prdValue).PRD
	// A previous document that no longer parses only costs stable IDs: its
	// items get new numbers above the lock's record, so the error is dropped.
	prev, _ := previous(p, p.PRDPath(), artifact.ParsePRD)
	ids := artifact.StabilizePRD(prd, prev, p.highest(llm.StagePRD))
	prd.Header = artifact.Header{Sources: []string{slash(briefPath)}, Command: "prodgen prd " + slash(briefPath)}
	md, err := artifact.RenderPRD(prd)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.PRDPath(), err)
	}
	summary := fmt.Sprintf("%s, %s, %s",
		count(len(prd.Functional), "functional requirement"),
		count(len(prd.NonFunctional), "non-functional requirement"),
		count(len(prd.OpenQuestions), "open question"))
	inputs, err := p.inputs(llm.StagePRD, FileHash{Path: slash(briefPath), SHA256: hashBytes(src)})
	if err != nil {
		return nil, err
	}
	return &Result{Stage: llm.StagePRD, Path: p.PRDPath(), Markdown: md, Summary: summary, Usage: usage, Inputs: inputs, IDs: ids}, nil
}

// prdCalls reads the brief and builds the prd stage's one request.
func (p *Project) prdCalls(briefPath string) ([]byte, []call, error) {
	src, b, err := readBrief(p.Abs(briefPath), briefPath)
	if err != nil {
		return nil, nil, err
	}
	req := llm.Request{
		Stage:  llm.StagePRD,
		Input:  &llm.PRDInput{Brief: b, BriefPath: briefPath},
		Schema: &llm.Schema{Name: llm.StagePRD, JSON: artifact.PRDSchema()},
	}
	if err := p.messages(&req, prompt.PRDData{Brief: string(src), BriefPath: slash(briefPath)}); err != nil {
		return nil, nil, err
	}
	return src, []call{{req: req, into: &prdValue{}}}, nil
}

// Stories generates user stories from the PRD at prdPath (the project's PRD
// when empty).
func (p *Project) Stories(ctx context.Context, prdPath string) (*Result, error) {
	if prdPath == "" {
		prdPath = p.PRDPath()
	}
	prdSrc, calls, err := p.storiesCalls(prdPath)
	if err != nil {
		return nil, err
	}
	usage, err := p.send(ctx, llm.StageStories, calls)
	if err != nil {
		return nil, err
	}
	stories := mergeStories(calls)
	prev, _ := previous(p, p.StoriesPath(), artifact.ParseStories) // as for the PRD
	ids := artifact.StabilizeStories(stories, prev, p.highest(llm.StageStories))
	stories.Header = artifact.Header{Sources: []string{slash(prdPath)}, Command: "prodgen stories"}
	if prdPath != p.PRDPath() {
		stories.Header.Command += " " + slash(prdPath)
	}
	md, err := artifact.RenderStories(stories)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.StoriesPath(), err)
	}
	criteria := 0
	for _, s := range stories.Stories {
		criteria += len(s.Criteria)
	}
	summary := fmt.Sprintf("%s, %s", count(len(stories.Stories), "story"), count(criteria, "acceptance criterion"))
	inputs, err := p.inputs(llm.StageStories, FileHash{Path: slash(prdPath), SHA256: hashBytes(prdSrc)})
	if err != nil {
		return nil, err
	}
	return &Result{Stage: llm.StageStories, Path: p.StoriesPath(), Markdown: md, Summary: summary, Usage: usage, Inputs: inputs, IDs: ids}, nil
}

// Tech generates the technical requirements from the project's PRD and
// stories.
func (p *Project) Tech(ctx context.Context) (*Result, error) {
	prdSrc, storiesSrc, calls, err := p.techCalls()
	if err != nil {
		return nil, err
	}
	usage, err := p.send(ctx, llm.StageTech, calls)
	if err != nil {
		return nil, err
	}
	tech := mergeTech(calls)
	prev, _ := previous(p, p.TechPath(), artifact.ParseTech) // as for the PRD
	ids := artifact.StabilizeTech(tech, prev, p.highest(llm.StageTech))
	tech.Header = artifact.Header{Sources: []string{p.PRDPath(), p.StoriesPath()}, Command: "prodgen tech"}
	md, err := artifact.RenderTech(tech)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.TechPath(), err)
	}
	summary := fmt.Sprintf("%s, %s, %s",
		count(len(tech.Entities), "entity"), count(len(tech.Endpoints), "endpoint"), count(len(tech.Tasks), "task"))
	inputs, err := p.inputs(llm.StageTech,
		FileHash{Path: p.PRDPath(), SHA256: hashBytes(prdSrc)},
		FileHash{Path: p.StoriesPath(), SHA256: hashBytes(storiesSrc)})
	if err != nil {
		return nil, err
	}
	return &Result{Stage: llm.StageTech, Path: p.TechPath(), Markdown: md, Summary: summary, Usage: usage, Inputs: inputs, IDs: ids}, nil
}

// messages renders the stage's prompt into the request, for clients that
// read prompts. Without a prompt set (the offline engine) it adds none.
func (p *Project) messages(req *llm.Request, data any) error {
	if p.Prompts == nil {
		return nil
	}
	msgs, err := p.Prompts.Messages(req.Stage, data)
	if err != nil {
		return err
	}
	req.Messages = msgs
	req.Progress = p.streamed(req.Stage)
	return nil
}

// streamed turns one request's progress reports into the Observer's token
// counts. Each request needs its own: a report's count is cumulative and
// starts again from one when the adapter retries.
func (p *Project) streamed(stage string) func(llm.Progress) {
	if p.Observer == nil {
		return nil
	}
	last := 0
	return func(pr llm.Progress) {
		if pr.Chunks <= last {
			last = 0
		}
		p.Observer.Streamed(stage, pr.Chunks-last)
		last = pr.Chunks
	}
}

func requirementIDs(reqs []artifact.Requirement) []string {
	ids := make([]string, 0, len(reqs))
	for _, r := range reqs {
		ids = append(ids, r.ID)
	}
	return ids
}
