package pipeline

import (
	"errors"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm/tokens"
)

// A request that would not fit the context window is refused before
// anything is sent, with the numbers and what to do.
func TestBudgetRefusesBeforeSending(t *testing.T) {
	p, f := modelWith(bigProject(t, 3), 1, nil)
	p = with(p, func(o *Options) { o.ContextWindow = 1500 })
	f.p = p
	_, err := run(t, p, "prd")
	var be *BudgetError
	if !errors.As(err, &be) {
		t.Fatalf("PRD = %v, want a BudgetError", err)
	}
	if len(f.got) != 0 {
		t.Errorf("%d requests sent, want none", len(f.got))
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
	p = with(p, func(o *Options) { o.ContextWindow, o.MaxTokens = 1_000_000, 2000 })
	f.p = p
	mustRun(t, p, "prd")
}

// When the stories of a group of requirements would not fit, the groups
// get smaller until they do.
func TestStoriesGroupsShrinkToFit(t *testing.T) {
	p := bigProject(t, 5)
	whole, err := storiesStage{}.dryCalls(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) != 1 {
		t.Fatalf("%d requests for 5 requirements, want 1", len(whole))
	}
	// Room for the prompt and the answers of two requirements, not five.
	prompt := tokens.Request(whole[0].req)
	p = with(p, func(o *Options) { o.ContextWindow = prompt + 2*600 + 100 })
	calls, err := storiesStage{}.dryCalls(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 3 {
		t.Fatalf("%d requests, want 3 groups of at most 2 requirements", len(calls))
	}
	for _, c := range calls {
		if err := p.budget.fits(c); err != nil {
			t.Errorf("a group still does not fit: %v", err)
		}
	}
	m, f := modelWith(p, 1, nil)
	mustRun(t, m, "stories")
	if len(f.got) != 3 {
		t.Errorf("%d requests sent, want 3", len(f.got))
	}
	// A window too small for even one requirement's stories fails.
	m = with(m, func(o *Options) { o.ContextWindow = prompt })
	f.p = m
	if _, err := run(t, m, "stories"); !errors.As(err, new(*BudgetError)) {
		t.Errorf("with no room for an answer: %v, want a BudgetError", err)
	}
}
