package pipeline

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/tokens"
)

// PromptTokens estimates what a request costs to send: its messages and
// the JSON schema that goes with them. The estimate leans high (see
// package tokens), so a request it accepts is not cut short.
func PromptTokens(req llm.Request) int {
	n := tokens.Messages(req.Messages)
	if req.Schema != nil {
		n += tokens.Estimate(string(req.Schema.JSON))
	}
	return n
}

// BudgetError is a request that would not fit the model's context window:
// it is refused before it is sent, rather than sent to be cut short.
type BudgetError struct {
	Stage  string
	Prompt int // estimated prompt tokens
	Answer int // tokens kept free for the answer
	Window int // the configured context_window
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%s stage: the request needs about %d tokens (%d for the prompt, %d kept for the answer) but context_window is %d; "+
		"shorten its input, or raise context_window if the model reads more", e.Stage, e.Prompt+e.Answer, e.Prompt, e.Answer, e.Window)
}

// answerTokens is what a request keeps free for its answer: max_tokens
// when set, else an expectation by stage (a story and its criteria run to
// about 300 tokens).
func (p *Project) answerTokens(req llm.Request) int {
	if p.MaxTokens > 0 {
		return p.MaxTokens
	}
	switch req.Stage {
	case llm.StageStories:
		if in, ok := req.Input.(*llm.StoriesInput); ok && in.PRD != nil {
			return 300 * 2 * max(len(in.PRD.Functional), 1)
		}
	case llm.StageScaffold:
		return 16000
	}
	return 4000
}

// Fits checks a request against the context window. The offline engine
// reads no prompt and has no window.
func (p *Project) Fits(req llm.Request) error {
	if p.ContextWindow <= 0 || p.Prompts == nil {
		return nil
	}
	prompt, answer := PromptTokens(req), p.answerTokens(req)
	if prompt+answer > p.ContextWindow {
		return &BudgetError{Stage: req.Stage, Prompt: prompt, Answer: answer, Window: p.ContextWindow}
	}
	return nil
}
