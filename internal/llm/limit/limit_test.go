package limit

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// fakeClock is a clock whose sleep moves the time on, or, when frozen,
// only records the pause. Frozen, it serves many goroutines at one instant.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	frozen bool
	slept  []time.Duration
	// onSleep, when set, replaces the pause: it is called with the
	// sleeper's context and its result returned.
	onSleep func(ctx context.Context) error
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	hook := c.onSleep
	c.slept = append(c.slept, d)
	if hook == nil && !c.frozen {
		c.t = c.t.Add(d)
	}
	c.mu.Unlock()
	if hook != nil {
		return hook(ctx)
	}
	return nil
}

// at moves the time on to t0+d if it is earlier, as a caller arriving then.
func (c *fakeClock) at(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if want := t0.Add(d); want.After(c.t) {
		c.t = want
	}
}

func (c *fakeClock) clock() clock { return clock{now: c.now, sleep: c.sleep} }

// recorder is the wrapped client: it notes when each request reached it
// and answers with the usage the request's first message names.
type recorder struct {
	clk    *fakeClock
	mu     sync.Mutex
	starts []time.Duration
	usage  map[string]int
	cached bool
}

func (r *recorder) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.starts = append(r.starts, r.clk.now().Sub(t0))
	id := strings.TrimSpace(req.Messages[0].Content)
	return &llm.Response{Content: "{}", Usage: llm.Usage{PromptTokens: r.usage[id]}, Cached: r.cached}, nil
}

// cost is the test estimate: four bytes a token.
func cost(req llm.Request) int {
	n := 0
	for _, m := range req.Messages {
		n += len(m.Content)
	}
	return n / 4
}

// request is a request estimated at tokens tokens, told apart by id.
func request(id string, tokens int) llm.Request {
	pad := strings.Repeat(" ", max(tokens*4-len(id), 0))
	return llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: id + pad}}}
}

// call is one request of a schedule: made at t0+at, estimated at cost
// tokens, and using usage tokens when usage is above 0.
type call struct {
	at    time.Duration
	cost  int
	usage int
}

func TestSchedule(t *testing.T) {
	s := time.Second
	tests := []struct {
		name     string
		rpm, tpm int
		cached   bool
		calls    []call
		want     []time.Duration // when each request reached the wrapped client
	}{
		{"60 rpm spaces requests a second apart", 60, 0, false,
			[]call{{}, {}, {}, {}, {}}, []time.Duration{0, s, 2 * s, 3 * s, 4 * s}},
		{"an idle minute saves up no burst", 60, 0, false,
			[]call{{}, {at: 10 * s}, {at: 10 * s}, {at: 10 * s}}, []time.Duration{0, 10 * s, 11 * s, 12 * s}},
		{"3 rpm waits 20s", 3, 0, false,
			[]call{{}, {}, {}}, []time.Duration{0, 20 * s, 40 * s}},
		{"tokens: a minute's budget at once, then the refill", 0, 600, false,
			[]call{{cost: 300}, {cost: 300}, {cost: 300}, {cost: 60}}, []time.Duration{0, 0, 30 * s, 36 * s}},
		{"tokens refill while idle", 0, 600, false,
			[]call{{cost: 600}, {at: 30 * s, cost: 300}, {at: 30 * s, cost: 300}}, []time.Duration{0, 30 * s, 60 * s}},
		{"a request over the budget is charged the budget, not refused", 0, 600, false,
			[]call{{cost: 5000}, {cost: 60}, {cost: 5000}}, []time.Duration{0, 6 * s, 66 * s}},
		{"a request over the budget waits for a full bucket", 0, 600, false,
			[]call{{cost: 100}, {cost: 5000}}, []time.Duration{0, 10 * s}},
		{"zero cost passes the token bucket", 0, 600, false,
			[]call{{cost: 600}, {}, {}}, []time.Duration{0, 0, 0}},
		{"both limits: the later one decides", 60, 600, false,
			[]call{{cost: 10}, {cost: 500}, {cost: 300}}, []time.Duration{0, s, 21 * s}},
		{"usage above the estimate is charged after the answer", 0, 600, false,
			[]call{{cost: 100, usage: 700}, {cost: 100}}, []time.Duration{0, 20 * s}},
		{"usage below the estimate is not given back", 0, 600, false,
			[]call{{cost: 300, usage: 10}, {cost: 300}, {cost: 300}}, []time.Duration{0, 0, 30 * s}},
		{"an extra charge is at most the budget", 0, 600, false,
			[]call{{cost: 0, usage: 100000}, {cost: 60}}, []time.Duration{0, 6 * s}},
		{"cached answers are not charged their usage", 0, 600, true,
			[]call{{cost: 100, usage: 700}, {cost: 100}}, []time.Duration{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &fakeClock{t: t0}
			rec := &recorder{clk: clk, usage: map[string]int{}, cached: tt.cached}
			c := newClient(rec, tt.rpm, tt.tpm, cost, clk.clock())
			for i, cl := range tt.calls {
				id := string(rune('a' + i))
				if cl.usage > 0 {
					rec.usage[id] = cl.usage
				}
				clk.at(cl.at)
				if _, err := c.Complete(t.Context(), request(id, cl.cost)); err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
			}
			if !slices.Equal(rec.starts, tt.want) {
				t.Errorf("requests started at %v, want %v", rec.starts, tt.want)
			}
		})
	}
}

func TestNoLimitReturnsTheClient(t *testing.T) {
	rec := &recorder{}
	if got := New(rec, 0, 0, nil, nil, nil); got != llm.Client(rec) {
		t.Errorf("New with no limits = %T, want the client itself", got)
	}
	if got := New(rec, -1, -5, nil, nil, nil); got != llm.Client(rec) {
		t.Errorf("New with negative limits = %T, want the client itself", got)
	}
}

func TestOnlyRequestLimitNeverEstimates(t *testing.T) {
	clk := &fakeClock{t: t0}
	c := newClient(&recorder{clk: clk}, 60, 0, func(llm.Request) int {
		t.Error("the cost function was called without tokens_per_minute")
		return 0
	}, clk.clock())
	if _, err := c.Complete(t.Context(), request("a", 10)); err != nil {
		t.Fatal(err)
	}
}

// TestParallelStartsAreSpaced makes five requests at one instant.
func TestParallelStartsAreSpaced(t *testing.T) {
	clk := &fakeClock{t: t0, frozen: true}
	c := newClient(&recorder{clk: clk}, 60, 0, cost, clk.clock())
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			if _, err := c.Complete(t.Context(), request("a", 1)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// The request that goes at once does not sleep.
	got := append([]time.Duration{0}, clk.slept...)
	slices.Sort(got)
	if want := []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second}; !slices.Equal(got, want) {
		t.Errorf("requests wait %v, want %v", got, want)
	}
}

// TestManyGoroutines is for the race detector: every request is let
// through, and each waits for a slot of its own.
func TestManyGoroutines(t *testing.T) {
	const goroutines, each = 64, 8
	clk := &fakeClock{t: t0, frozen: true}
	var passed atomic.Int64
	next := clientFunc(func(context.Context, llm.Request) (*llm.Response, error) {
		passed.Add(1)
		return &llm.Response{Usage: llm.Usage{PromptTokens: 3, CompletionTokens: 2}}, nil
	})
	c := newClient(next, 60, 1_000_000, cost, clk.clock())
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range each {
				if _, err := c.Complete(t.Context(), request("a", 1)); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if got := passed.Load(); got != goroutines*each {
		t.Fatalf("%d requests passed, want %d", got, goroutines*each)
	}
	got := append([]time.Duration{0}, clk.slept...)
	slices.Sort(got)
	for i, d := range got {
		if d != time.Duration(i)*time.Second {
			t.Fatalf("wait %d is %v, want %v: two requests shared a slot", i, d, time.Duration(i)*time.Second)
		}
	}
}

func TestCancelWhileWaitingGivesTheSlotBack(t *testing.T) {
	clk := &fakeClock{t: t0}
	rec := &recorder{clk: clk}
	c := newClient(rec, 60, 600, cost, clk.clock())
	if _, err := c.Complete(t.Context(), request("a", 600)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	clk.onSleep = func(ctx context.Context) error {
		cancel()
		return ctx.Err()
	}
	_, err := c.Complete(ctx, request("b", 300))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Complete = %v, want context.Canceled", err)
	}
	if len(rec.starts) != 1 {
		t.Fatalf("the cancelled request reached the client")
	}
	clk.onSleep = nil
	if _, err := c.Complete(t.Context(), request("c", 300)); err != nil {
		t.Fatal(err)
	}
	// Without the tokens given back, c would wait behind b: 60s, not 30s.
	if want := []time.Duration{0, 30 * time.Second}; !slices.Equal(rec.starts, want) {
		t.Errorf("requests started at %v, want %v", rec.starts, want)
	}
}

func TestCancelledContextReservesNothing(t *testing.T) {
	clk := &fakeClock{t: t0}
	rec := &recorder{clk: clk}
	c := newClient(rec, 60, 0, cost, clk.clock())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := c.Complete(ctx, request("a", 1)); !errors.Is(err, context.Canceled) {
		t.Fatalf("Complete = %v, want context.Canceled", err)
	}
	if _, err := c.Complete(t.Context(), request("b", 1)); err != nil {
		t.Fatal(err)
	}
	if want := []time.Duration{0}; !slices.Equal(rec.starts, want) || len(clk.slept) != 0 {
		t.Errorf("requests started at %v after waiting %v, want %v without waiting", rec.starts, clk.slept, want)
	}
}

func TestErrorsPassUnchanged(t *testing.T) {
	clk := &fakeClock{t: t0}
	want := &llm.APIError{StatusCode: 500, Message: "oops"}
	next := clientFunc(func(context.Context, llm.Request) (*llm.Response, error) { return nil, want })
	c := newClient(next, 60, 600, cost, clk.clock())
	if _, err := c.Complete(t.Context(), request("a", 1)); err != want {
		t.Errorf("Complete = %v, want the wrapped client's error itself", err)
	}
}

func TestSleepEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	// An hour's timer cannot fire first: this returns at once or the test
	// hangs.
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("sleep = %v, want context.Canceled", err)
	}
	if err := sleep(t.Context(), 0); err != nil {
		t.Errorf("sleep(0) = %v", err)
	}
}

func TestNewPanicsOnMissingFunctions(t *testing.T) {
	tests := []struct {
		name string
		call func()
	}{
		{"no clock", func() { New(&recorder{}, 60, 0, cost, nil, nil) }},
		{"no cost with tokens", func() { New(&recorder{}, 0, 600, nil, time.Now, nil) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("New did not panic")
				}
			}()
			tt.call()
		})
	}
}

// clientFunc adapts a function to llm.Client.
type clientFunc func(context.Context, llm.Request) (*llm.Response, error)

func (f clientFunc) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	return f(ctx, req)
}
