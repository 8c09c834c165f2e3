package pipeline

import (
	"fmt"

	"github.com/prodgen/prodgen/internal/llm/tokens"
)

// budget bounds what one request to a model may hold: Options'
// ContextWindow and MaxTokens.
type budget struct {
	ContextWindow int
	MaxTokens     int
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

// answerTokens is what a call keeps free for its answer: max_tokens when
// set, else what the call expects (a story and its criteria run to about
// 300 tokens).
func (b budget) answerTokens(c call) int {
	if b.MaxTokens > 0 {
		return b.MaxTokens
	}
	if e, ok := c.into.(interface{ expected() int }); ok {
		return e.expected()
	}
	return 4000
}

// fits checks a call against the context window.
func (b budget) fits(c call) error {
	if b.ContextWindow <= 0 {
		return nil
	}
	prompt, answer := tokens.Request(c.req), b.answerTokens(c)
	if prompt+answer > b.ContextWindow {
		return &BudgetError{Stage: c.req.Stage, Prompt: prompt, Answer: answer, Window: b.ContextWindow}
	}
	return nil
}

// allFit checks every call against the context window.
func (b budget) allFit(calls []call) error {
	for _, c := range calls {
		if err := b.fits(c); err != nil {
			return err
		}
	}
	return nil
}
