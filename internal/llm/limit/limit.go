// Package limit keeps a model client under a per-minute budget of requests
// and tokens (the requests_per_minute and tokens_per_minute settings), so a
// stage that sends several requests at once waits its turn instead of
// collecting 429s.
//
// The budgets are token buckets (golang.org/x/time/rate), with this policy:
//
//   - Requests: a bucket of one request, refilled every minute/rpm. Requests
//     start evenly spaced and never more than rpm in any minute: at 60 a
//     minute, five requests made at once start at 0s, 1s, 2s, 3s and 4s. An
//     idle minute does not save up a burst, as several providers enforce a
//     per-minute limit over shorter slices.
//   - Tokens: a bucket of one minute's tokens, full at first and refilled
//     continuously at tpm/60 a second. A request is charged its estimated
//     cost before it is sent. A request estimated above the whole budget is
//     charged the budget: it waits for a full bucket and empties it, so it
//     is slow but never refused. Once the answer is in, tokens used beyond
//     the estimate (prompt and completion, from the answer's usage) are
//     charged too; they put the bucket into debt, so later requests wait
//     for them. Tokens below the estimate are not given back.
//
// A request waits until both budgets allow it; the end of its context ends
// the wait at once, returning the context's error and giving the reserved
// budget back. Each wait is told, as it begins, to the log New was given.
package limit

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"github.com/prodgen/prodgen/internal/llm"
)

// Client is an llm.Client that waits for the request and token budgets
// before passing each request on. It is safe for concurrent use.
type Client struct {
	next     llm.Client
	requests *rate.Limiter // nil for no request limit
	rpm      int           // requests per minute, for the log
	tokens   *rate.Limiter // nil for no token limit
	budget   int           // tokens per minute, the largest charge
	cost     func(llm.Request) int
	clock    clock
	log      func(msg string) // nil for none
}

var _ llm.Client = (*Client)(nil)

// clock tells the time and waits; tests replace it.
type clock struct {
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}

// New returns c limited to rpm requests and tpm tokens a minute; a limit of
// 0 or less is no limit, and with neither limit New returns c itself. cost
// estimates a request's tokens before it is sent; it is called only when
// tpm is set, and must then not be nil. now tells the time (pass the
// process clock); it must not be nil when a limit is set. log, when not
// nil, is told of each wait as it begins, in one line without a newline
// that starts with the request's stage; it may be called from several
// goroutines at once.
func New(c llm.Client, rpm, tpm int, cost func(llm.Request) int, now func() time.Time, log func(msg string)) llm.Client {
	if rpm <= 0 && tpm <= 0 {
		return c
	}
	if now == nil {
		panic("limit.New: a limit is set but now is nil")
	}
	lc := newClient(c, rpm, tpm, cost, clock{now: now, sleep: sleep})
	lc.log = log
	return lc
}

// newClient is New with the waiting replaced too, for tests.
func newClient(next llm.Client, rpm, tpm int, cost func(llm.Request) int, clk clock) *Client {
	c := &Client{next: next, clock: clk}
	if rpm > 0 {
		c.requests = rate.NewLimiter(rate.Limit(float64(rpm)/60), 1)
		c.rpm = rpm
	}
	if tpm > 0 {
		if cost == nil {
			panic("limit.New: tokens_per_minute is set but the cost function is nil")
		}
		c.tokens = rate.NewLimiter(rate.Limit(float64(tpm)/60), tpm)
		c.budget = tpm
		c.cost = cost
	}
	return c
}

// Complete waits until both budgets allow req, then asks the wrapped
// client. The wrapped client's answer and error are returned unchanged.
func (c *Client) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	estimate := 0
	if c.tokens != nil {
		estimate = min(max(c.cost(req), 0), c.budget)
	}
	if err := c.wait(ctx, req.Stage, estimate); err != nil {
		return nil, fmt.Errorf("wait for the rate limit (requests_per_minute, tokens_per_minute): %w", err)
	}
	resp, err := c.next.Complete(ctx, req)
	if err == nil && resp != nil && !resp.Cached {
		c.charge(resp.Usage, estimate)
	}
	return resp, err
}

// wait reserves one request and n tokens for a request of stage and
// sleeps until both are due. If ctx ends first, it gives the reservations
// back.
func (c *Client) wait(ctx context.Context, stage string, n int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := c.clock.now()
	var held []*rate.Reservation
	reserve := func(lim *rate.Limiter, n int) time.Duration {
		// n never exceeds the burst and the rate is finite, so the
		// reservation is always granted; it may only lie in the future.
		r := lim.ReserveN(now, n)
		held = append(held, r)
		return r.DelayFrom(now)
	}
	var forRequests, forTokens time.Duration
	if c.requests != nil {
		forRequests = reserve(c.requests, 1)
	}
	if c.tokens != nil && n > 0 {
		forTokens = reserve(c.tokens, n)
	}
	delay := max(forRequests, forTokens)
	if delay <= 0 {
		return nil
	}
	// The longer wait is the one that holds the request up.
	c.logWait(stage, delay, forRequests == delay, forTokens == delay, n)
	if err := c.clock.sleep(ctx, delay); err != nil {
		at := c.clock.now()
		for _, r := range held {
			r.CancelAt(at)
		}
		return err
	}
	return nil
}

// logWait tells the log of a wait of d for a request of stage estimated at
// n tokens, naming the limit, or both, that imposes it.
func (c *Client) logWait(stage string, d time.Duration, requests, tokens bool, n int) {
	if c.log == nil {
		return
	}
	var why []string
	if requests {
		why = append(why, fmt.Sprintf("requests_per_minute (%d)", c.rpm))
	}
	if tokens {
		why = append(why, fmt.Sprintf("tokens_per_minute (%d; about %d tokens for this request)", c.budget, n))
	}
	msg := fmt.Sprintf("waiting %s for %s", d.Round(time.Millisecond), strings.Join(why, " and "))
	if stage != "" {
		msg = stage + ": " + msg
	}
	c.log(msg)
}

// charge takes from the token bucket what the answer used beyond the
// estimate, without waiting: the debt delays the requests that follow.
func (c *Client) charge(u llm.Usage, estimate int) {
	if c.tokens == nil {
		return
	}
	extra := u.PromptTokens + u.CompletionTokens - estimate
	if extra <= 0 {
		return
	}
	c.tokens.ReserveN(c.clock.now(), min(extra, c.budget))
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
