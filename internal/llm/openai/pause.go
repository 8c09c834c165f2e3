package openai

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
)

// pauseSpread is the most an attempt waits after a shared pause, beyond
// its end, so the requests it held do not all fire at the same instant.
// A short pause spreads them over at most half its length.
const pauseSpread = time.Second

// pause is a client's shared "not before": while one is on, no attempt of
// any request is sent. Each hold runs a timer (Config.Sleep) in its own
// goroutine; the pause ends when the last of them does, so it lasts until
// the latest end asked for, without reading a clock.
type pause struct {
	sleep func(ctx context.Context, d time.Duration) error

	mu  sync.Mutex
	cur *period // nil when no pause is on
}

// period is one uninterrupted pause.
type period struct {
	done chan struct{} // closed when the period ends
	// The fields below are guarded by pause.mu while the period is on and
	// do not change once done is closed.
	timers  int           // holds still running
	waiters int           // attempts the period held
	longest time.Duration // the longest hold
}

// hold makes every attempt wait at least d from now.
func (p *pause) hold(d time.Duration) {
	if d <= 0 {
		return
	}
	p.mu.Lock()
	if p.cur == nil {
		p.cur = &period{done: make(chan struct{})}
	}
	per := p.cur
	per.timers++
	per.longest = max(per.longest, d)
	p.mu.Unlock()
	go func() {
		// The pause outlives the request that started it, so its timer
		// runs on a context that never ends, and cannot fail.
		_ = p.sleep(context.Background(), d)
		p.mu.Lock()
		defer p.mu.Unlock()
		per.timers--
		if per.timers == 0 {
			p.cur = nil
			close(per.done)
		}
	}()
}

// wait returns at once when no pause is on, and otherwise when the pause
// ends (with the period it waited for) or ctx does (with its error).
func (p *pause) wait(ctx context.Context) (*period, error) {
	p.mu.Lock()
	per := p.cur
	if per != nil {
		per.waiters++
	}
	p.mu.Unlock()
	if per == nil {
		return nil, nil
	}
	select {
	case <-per.done:
		return per, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// holdOff waits until no shared pause is on. An attempt held together
// with others then waits a random part of pauseSpread more, and checks
// again, in case another pause began meanwhile.
func (c *Client) holdOff(ctx context.Context) error {
	for {
		per, err := c.pause.wait(ctx)
		if err != nil || per == nil {
			return err
		}
		if per.waiters < 2 {
			continue
		}
		spread := time.Duration(c.cfg.Jitter() * float64(min(per.longest/2, pauseSpread)))
		if err := c.cfg.Sleep(ctx, spread); err != nil {
			return err
		}
	}
}

// pausesAll reports whether f speaks for the whole endpoint, so every
// request of the client should wait: a 429, or a 503 with Retry-After.
func pausesAll(f *failure) bool {
	var apiErr *llm.APIError
	if !errors.As(f.err, &apiErr) {
		return false
	}
	return apiErr.StatusCode == http.StatusTooManyRequests ||
		(apiErr.StatusCode == http.StatusServiceUnavailable && f.hasWait)
}
