package offline

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/prodgen/prodgen/internal/llm"
)

// Model is the model name the engine reports in its responses.
const Model = "offline"

// Engine is the offline llm.Client. Its zero value is ready to use.
type Engine struct{}

var _ llm.Client = (*Engine)(nil)

// New returns an offline engine.
func New() *Engine { return &Engine{} }

// Complete builds the artifact of req.Stage from req.Input (a PRDInput,
// StoriesInput or TechInput, by value or pointer) and returns it as JSON.
// Messages are ignored: the engine reads facts, not prose. Usage is zero.
func (e *Engine) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc, err := build(req)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("offline: encode %s: %w", req.Stage, err)
	}
	return &llm.Response{Content: string(data), Model: Model}, nil
}

// build dispatches on the stage and checks the input's type.
func build(req llm.Request) (any, error) {
	switch req.Stage {
	case llm.StagePRD:
		in, ok := prdInput(req.Input)
		if !ok || in.Brief == nil {
			return nil, inputError(req, "llm.PRDInput with a Brief")
		}
		return BuildPRD(in.Brief), nil
	case llm.StageStories:
		in, ok := storiesInput(req.Input)
		if !ok || in.PRD == nil {
			return nil, inputError(req, "llm.StoriesInput with a PRD")
		}
		return BuildStories(in.PRD), nil
	case llm.StageTech:
		in, ok := techInput(req.Input)
		if !ok || in.PRD == nil || in.Stories == nil {
			return nil, inputError(req, "llm.TechInput with a PRD and Stories")
		}
		return BuildTech(in.PRD, in.Stories), nil
	}
	return nil, fmt.Errorf("offline: unknown stage %q (want %q, %q or %q)", req.Stage, llm.StagePRD, llm.StageStories, llm.StageTech)
}

func inputError(req llm.Request, want string) error {
	return fmt.Errorf("offline: stage %q needs an %s as input, got %T", req.Stage, want, req.Input)
}

func prdInput(v any) (*llm.PRDInput, bool) {
	switch in := v.(type) {
	case *llm.PRDInput:
		return in, in != nil
	case llm.PRDInput:
		return &in, true
	}
	return nil, false
}

func storiesInput(v any) (*llm.StoriesInput, bool) {
	switch in := v.(type) {
	case *llm.StoriesInput:
		return in, in != nil
	case llm.StoriesInput:
		return &in, true
	}
	return nil, false
}

func techInput(v any) (*llm.TechInput, bool) {
	switch in := v.(type) {
	case *llm.TechInput:
		return in, in != nil
	case llm.TechInput:
		return &in, true
	}
	return nil, false
}
