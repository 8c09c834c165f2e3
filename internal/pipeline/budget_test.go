package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/offline"
	"github.com/prodgen/prodgen/internal/prompt"
)

// counting answers like the offline engine and counts the requests.
type counting struct{ n atomic.Int32 }

func (c *counting) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	c.n.Add(1)
	return offline.New().Complete(ctx, req)
}

// A request that would not fit the context window is refused before
// anything is sent, with the numbers and what to do.
func TestBudgetRefusesBeforeSending(t *testing.T) {
	p := bigProject(t, 3)
	c := &counting{}
	p.Client, p.Prompts, p.ContextWindow = c, prompt.New(""), 1500
	_, err := p.PRD(t.Context(), "brief.md")
	var be *BudgetError
	if !errors.As(err, &be) {
		t.Fatalf("PRD = %v, want a BudgetError", err)
	}
	if c.n.Load() != 0 {
		t.Errorf("%d requests sent, want none", c.n.Load())
	}
	for _, want := range []string{"prd stage: the request needs about", "context_window is 1500", "raise context_window"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if be.Prompt <= 0 || be.Answer <= 0 || be.Prompt+be.Answer <= be.Window {
		t.Errorf("BudgetError %+v does not show why it does not fit", be)
	}
	// max_tokens is what the answer keeps free when set.
	p.ContextWindow, p.MaxTokens = 1_000_000, 2000
	if _, err := p.PRD(t.Context(), "brief.md"); err != nil {
		t.Fatalf("with a large window: %v", err)
	}
}

// When the stories of a group of requirements would not fit, the groups
// get smaller until they do.
func TestStoriesGroupsShrinkToFit(t *testing.T) {
	p := bigProject(t, 5)
	p.Prompts = prompt.New("")
	whole, err := p.Requests(llm.StageStories, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) != 1 {
		t.Fatalf("%d requests for 5 requirements, want 1", len(whole))
	}
	// Room for the prompt and the answers of two requirements, not five.
	prompt := PromptTokens(whole[0])
	p.ContextWindow = prompt + 2*600 + 100
	reqs, err := p.Requests(llm.StageStories, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 groups of at most 2 requirements", len(reqs))
	}
	for _, r := range reqs {
		if err := p.Fits(r); err != nil {
			t.Errorf("a group still does not fit: %v", err)
		}
	}
	c := &counting{}
	p.Client = c
	if _, err := p.Stories(t.Context(), ""); err != nil {
		t.Fatal(err)
	}
	if c.n.Load() != 3 {
		t.Errorf("%d requests sent, want 3", c.n.Load())
	}
	// A window too small for even one requirement's stories fails.
	p.ContextWindow = prompt
	if _, err := p.Stories(t.Context(), ""); !errors.As(err, new(*BudgetError)) {
		t.Errorf("with no room for an answer: %v, want a BudgetError", err)
	}
}
