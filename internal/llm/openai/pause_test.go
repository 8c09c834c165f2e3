package openai

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// namedRequest is a request the fake server can tell apart by its last
// message.
func namedRequest(id string) llm.Request {
	req := testRequest()
	req.Messages[len(req.Messages)-1].Content = id
	return req
}

func nameOf(r llmtest.Request) string { return r.Messages[len(r.Messages)-1].Content }

// firstThenOK answers a request's first attempt from first, by name, and
// everything else with okReply.
func firstThenOK(first map[string]llmtest.Reply) func(llmtest.Request) llmtest.Reply {
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(r llmtest.Request) llmtest.Reply {
		mu.Lock()
		defer mu.Unlock()
		name := nameOf(r)
		reply, ok := first[name]
		if !ok || seen[name] {
			return okReply
		}
		seen[name] = true
		return reply
	}
}

type result struct {
	resp *llm.Response
	err  error
}

// goComplete runs c.Complete in a goroutine.
func goComplete(ctx context.Context, c *Client, req llm.Request) <-chan result {
	done := make(chan result, 1)
	go func() {
		resp, err := c.Complete(ctx, req)
		done <- result{resp, err}
	}()
	return done
}

// await returns the result of goComplete, failing the test if it has not
// come within hangGuard.
func await(t *testing.T, done <-chan result) result {
	t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(hangGuard):
		t.Fatalf("Complete still running after %s", hangGuard)
		return result{}
	}
}

// eventually polls cond until it holds, failing the test if it still
// does not after hangGuard.
func eventually(t *testing.T, cond func() bool) {
	t.Helper()
	for start := time.Now(); !cond(); time.Sleep(time.Millisecond) {
		if time.Since(start) > hangGuard {
			t.Fatalf("still waiting after %s", hangGuard)
		}
	}
}

// held is how many attempts the current pause holds; -1 when none is on.
func held(c *Client) int {
	c.pause.mu.Lock()
	defer c.pause.mu.Unlock()
	if c.pause.cur == nil {
		return -1
	}
	return c.pause.cur.waiters
}

// blockingSleeps records pauses like sleeps, but a pause of block waits
// until release is closed.
type blockingSleeps struct {
	sleeps
	block   time.Duration
	release chan struct{}
}

func (b *blockingSleeps) sleep(ctx context.Context, d time.Duration) error {
	if err := b.sleeps.sleep(ctx, d); err != nil || d != b.block {
		return err
	}
	select {
	case <-b.release:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func TestPauseIsShared(t *testing.T) {
	tests := []struct {
		name   string
		first  llmtest.Reply // A's first answer; everything else succeeds
		block  time.Duration // the pause A's failure causes
		shared bool
		sleeps []time.Duration // every pause asked for, sorted
	}{
		{"429 with Retry-After holds everyone", llmtest.Reply{Status: 429, ErrorMessage: "slow down", RetryAfter: "7"},
			7 * time.Second, true, []time.Duration{500 * time.Millisecond, 500 * time.Millisecond, 7 * time.Second}},
		{"429 without Retry-After holds everyone for the backoff", llmtest.Reply{Status: 429, ErrorMessage: "slow down"},
			250 * time.Millisecond, true, []time.Duration{62500 * time.Microsecond, 62500 * time.Microsecond, 250 * time.Millisecond}},
		{"503 with Retry-After holds everyone", llmtest.Reply{Status: 503, ErrorMessage: "busy", RetryAfter: "7"},
			7 * time.Second, true, []time.Duration{500 * time.Millisecond, 500 * time.Millisecond, 7 * time.Second}},
		{"503 without Retry-After holds only its request", failWith(503, "", "busy"),
			250 * time.Millisecond, false, []time.Duration{250 * time.Millisecond}},
		{"500 holds only its request", failWith(500, "server_error", "oops"),
			250 * time.Millisecond, false, []time.Duration{250 * time.Millisecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.NewWithOptions(t, llmtest.Options{Responder: firstThenOK(map[string]llmtest.Reply{"A": tt.first})})
			bs := &blockingSleeps{block: tt.block, release: make(chan struct{})}
			c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Sleep = bs.sleep })
			a := goComplete(t.Context(), c, namedRequest("A"))
			eventually(t, func() bool { return slices.Contains(bs.got(), tt.block) })
			b := goComplete(t.Context(), c, namedRequest("B"))
			var rb result
			if tt.shared {
				eventually(t, func() bool { return held(c) == 2 })
				if n := len(srv.Requests()); n != 1 {
					t.Errorf("the server saw %d requests during the pause, want only A's first", n)
				}
				close(bs.release)
				rb = await(t, b)
			} else {
				// B ends while A still waits for its own retry.
				rb = await(t, b)
				close(bs.release)
			}
			for _, r := range []result{await(t, a), rb} {
				if r.err != nil || r.resp.Content != okReply.Content {
					t.Errorf("Complete = %+v, %v; want the answer", r.resp, r.err)
				}
			}
			got := bs.got()
			slices.Sort(got)
			if !slices.Equal(got, tt.sleeps) {
				t.Errorf("slept %v, want %v", got, tt.sleeps)
			}
		})
	}
}

// TestPauseHoldsRequestsInFlight runs on the real clock: A's 429 asks
// for a second; B fails during that second and C and D start in it. No
// request may reach the server until the second is over, and all succeed.
func TestPauseHoldsRequestsInFlight(t *testing.T) {
	t.Parallel()
	paused := make(chan struct{})
	var once sync.Once
	b500 := failWith(500, "server_error", "oops")
	first := firstThenOK(map[string]llmtest.Reply{"A": {Status: 429, ErrorMessage: "slow down", RetryAfter: "1"}, "B": b500})
	srv := llmtest.NewWithOptions(t, llmtest.Options{Responder: func(r llmtest.Request) llmtest.Reply {
		reply := first(r)
		if reply.Status == b500.Status {
			// B's first attempt fails only once A's pause is on.
			select {
			case <-paused:
			case <-t.Context().Done():
			}
		}
		return reply
	}})
	c, _ := newTestClient(t, srv, func(cfg *Config) {
		cfg.Jitter = func() float64 { return 0 }
		cfg.Sleep = func(ctx context.Context, d time.Duration) error {
			if d == time.Second {
				once.Do(func() { close(paused) })
			}
			return sleep(ctx, d)
		}
	})
	calls := []<-chan result{goComplete(t.Context(), c, namedRequest("A")), goComplete(t.Context(), c, namedRequest("B"))}
	select {
	case <-paused:
	case <-time.After(hangGuard):
		t.Fatalf("no pause after %s", hangGuard)
	}
	calls = append(calls, goComplete(t.Context(), c, namedRequest("C")), goComplete(t.Context(), c, namedRequest("D")))
	for _, call := range calls {
		if r := await(t, call); r.err != nil || r.resp.Content != okReply.Content {
			t.Errorf("Complete = %+v, %v; want the answer", r.resp, r.err)
		}
	}

	reqs := srv.Requests()
	if len(reqs) != 6 {
		t.Errorf("the server saw %d requests, want 6 (A and B twice, C and D once)", len(reqs))
	}
	var limited time.Time // when A's first attempt reached the server
	for _, r := range reqs {
		if nameOf(r) == "A" {
			limited = r.Received
			break
		}
	}
	inFlight := map[string]bool{"A": true, "B": true} // first attempts, sent before the 429
	for _, r := range reqs {
		name := nameOf(r)
		if inFlight[name] {
			inFlight[name] = false
			continue
		}
		if after := r.Received.Sub(limited); after < 900*time.Millisecond {
			t.Errorf("%s was sent %v after the 429, inside its 1s pause", name, after)
		}
	}
}

func TestLastRateLimitStillPausesOthers(t *testing.T) {
	t.Parallel()
	srv := llmtest.NewWithOptions(t, llmtest.Options{Responder: firstThenOK(map[string]llmtest.Reply{
		"A": {Status: 429, ErrorMessage: "slow down", RetryAfter: "7"},
	})})
	bs := &blockingSleeps{block: 7 * time.Second, release: make(chan struct{})}
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Sleep = bs.sleep; cfg.MaxRetries = 0 })
	if r := await(t, goComplete(t.Context(), c, namedRequest("A"))); r.err == nil {
		t.Fatal("A succeeded; want its 429 with max_retries 0")
	}
	b := goComplete(t.Context(), c, namedRequest("B"))
	eventually(t, func() bool { return held(c) == 1 })
	close(bs.release)
	if r := await(t, b); r.err != nil {
		t.Errorf("B: %v", r.err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("the server saw %d requests, want 2", n)
	}
}

func TestCancelDuringASharedPause(t *testing.T) {
	t.Parallel()
	srv := llmtest.NewWithOptions(t, llmtest.Options{Responder: firstThenOK(map[string]llmtest.Reply{
		"A": {Status: 429, ErrorMessage: "slow down", RetryAfter: "7"},
	})})
	bs := &blockingSleeps{block: 7 * time.Second, release: make(chan struct{})}
	defer close(bs.release)
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Sleep = bs.sleep })
	a := goComplete(t.Context(), c, namedRequest("A"))
	eventually(t, func() bool { return held(c) == 1 })
	ctx, cancel := context.WithCancel(t.Context())
	b := goComplete(ctx, c, namedRequest("B"))
	eventually(t, func() bool { return held(c) == 2 })
	cancel()
	r := await(t, b)
	if r.resp != nil || !errors.Is(r.err, context.Canceled) || r.err.Error() != "the model call was cancelled" {
		t.Errorf("B = %+v, %v; want only the cancellation", r.resp, r.err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("the server saw %d requests, want only A's first", n)
	}
	select {
	case r := <-a:
		t.Errorf("A returned during its pause: %+v, %v", r.resp, r.err)
	default:
	}
}

// TestPauseLastsUntilTheLatestHold checks the pause on its own: holds of
// 3s and then 1s keep it on until the 3s one ends, whichever ends first.
func TestPauseLastsUntilTheLatestHold(t *testing.T) {
	release := map[time.Duration]chan struct{}{time.Second: make(chan struct{}), 3 * time.Second: make(chan struct{})}
	p := &pause{sleep: func(_ context.Context, d time.Duration) error {
		<-release[d]
		return nil
	}}
	p.hold(0) // no pause at all
	if per, err := p.wait(t.Context()); per != nil || err != nil {
		t.Fatalf("wait with no pause = %v, %v", per, err)
	}
	p.hold(3 * time.Second)
	p.hold(time.Second)
	done := make(chan *period, 1)
	go func() {
		per, err := p.wait(t.Context())
		if err != nil {
			t.Error(err)
		}
		done <- per
	}()
	close(release[time.Second])
	eventually(t, func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.cur.timers == 1 && p.cur.waiters == 1
	})
	select {
	case <-done:
		t.Fatal("the pause ended with its shorter hold")
	default:
	}
	close(release[3*time.Second])
	per := <-done
	if per.longest != 3*time.Second || per.waiters != 1 {
		t.Errorf("period: longest %v, %d waiters; want 3s and 1", per.longest, per.waiters)
	}
	if got, err := p.wait(t.Context()); got != nil || err != nil {
		t.Errorf("wait after the pause = %v, %v; want no pause", got, err)
	}
}
