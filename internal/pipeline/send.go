package pipeline

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/prodgen/prodgen/internal/llm"
)

// call is one request of a stage and the value its answer decodes into.
// A stage may send several calls (the stories of each group of
// requirements); each is generated, validated and repaired on its own.
type call struct {
	req  llm.Request
	into artifactValue
}

// send makes a stage's calls, up to Jobs at once, and sums what they cost.
// The first failure cancels the calls still running and is the error
// returned. Each call's answer lands in its own value, so the merged
// result depends only on the order of calls, never on the order in which
// answers arrive.
func (p *Project) send(ctx context.Context, stage string, calls []call) (Usage, error) {
	if p.Guard != nil {
		if err := p.Guard(stage); err != nil {
			return Usage{}, err
		}
	}
	// Every request is checked before any is sent: a stage either fits or
	// costs nothing.
	if err := p.allFit(calls); err != nil {
		return Usage{}, err
	}
	if p.Observer != nil {
		p.Observer.StageStarted(stage)
	}
	usages := make([]Usage, len(calls))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(max(p.Jobs, 1))
	for i, c := range calls {
		g.Go(func() error {
			u, err := p.generate(gctx, c.req, c.into)
			usages[i] = u
			return err
		})
	}
	err := g.Wait()
	total := Usage{Cached: true}
	for _, u := range usages {
		total.add(u)
	}
	if total.Requests == 0 {
		total.Cached = false
	}
	return total, err
}

// add sums another call's usage into u.
func (u *Usage) add(o Usage) {
	if o.Requests == 0 {
		return
	}
	u.Provider, u.Model = o.Provider, o.Model
	u.Requests += o.Requests
	u.Tokens.PromptTokens += o.Tokens.PromptTokens
	u.Tokens.CompletionTokens += o.Tokens.CompletionTokens
	u.Cached = u.Cached && o.Cached
}
