package openai

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// slow is longer than any test may take: a reply that waits this long
// must be cut short by the client.
const slow = 10 * time.Minute

// hangGuard only keeps a broken client from hanging the test run; it is far
// longer than any of these calls should take.
const hangGuard = 60 * time.Second

// complete runs c.Complete, failing the test if it has not returned within
// hangGuard.
func complete(t *testing.T, ctx context.Context, c *Client, req llm.Request) (*llm.Response, error) {
	t.Helper()
	type result struct {
		resp *llm.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := c.Complete(ctx, req)
		done <- result{resp, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-time.After(hangGuard):
		t.Fatalf("Complete still running after %s", hangGuard)
		return nil, nil
	}
}

func TestIdleTimeout(t *testing.T) {
	tests := []struct {
		name    string
		replies []llmtest.Reply
		retries int
		idle    time.Duration
		reason  string // empty for success
	}{
		{"silent mid-stream", []llmtest.Reply{{Content: "PARTIAL", Chunks: 2, ChunkDelay: slow}}, 0, time.Second, "the stream went silent for 1s"},
		{"silent before the headers", []llmtest.Reply{{Delay: slow}}, 0, 100 * time.Millisecond, "no answer for 100ms"},
		{"retried after silence", []llmtest.Reply{{Content: "PARTIAL", Chunks: 2, ChunkDelay: slow}, okReply}, 1, time.Second, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, tt.replies...)
			c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.IdleTimeout = tt.idle; cfg.MaxRetries = tt.retries })
			resp, err := complete(t, t.Context(), c, testRequest())
			if tt.reason == "" {
				if err != nil || resp.Content != okReply.Content {
					t.Fatalf("Complete = %+v, %v; want the second answer", resp, err)
				}
				return
			}
			checkError(t, err, resp, -1, tt.reason, []string{"raise idle_timeout"})
		})
	}
}

func TestTimeoutCoversRetries(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, failWith(503, "", "busy"), llmtest.Reply{Delay: slow})
	c, sl := newTestClient(t, srv, func(cfg *Config) { cfg.Timeout = 2 * time.Second })
	resp, err := complete(t, t.Context(), c, testRequest())
	checkError(t, err, resp, 503, "", []string{"within the 2s timeout (2 attempts)", "last failure", "busy", "raise timeout"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap context.DeadlineExceeded", err)
	}
	if len(sl.got()) != 1 {
		t.Errorf("slept %v, want one pause", sl.got())
	}
}

func TestTimeoutCutsTheWait(t *testing.T) {
	t.Parallel()
	// Retry-After is capped at a minute, still far beyond the timeout.
	srv := llmtest.New(t, llmtest.Reply{Status: 429, ErrorMessage: "slow down", RetryAfter: "600"})
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Timeout = 2 * time.Second; cfg.Sleep = nil })
	_, err := complete(t, t.Context(), c, testRequest())
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "slow down") {
		t.Errorf("error %v: want a deadline naming the last failure", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("server saw %d requests, want 1", n)
	}
}

func TestCallerDeadline(t *testing.T) {
	t.Parallel()
	srv := llmtest.New(t, llmtest.Reply{Delay: slow})
	c, _ := newTestClient(t, srv, nil)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	_, err := complete(t, ctx, c, testRequest())
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "ran out of time") {
		t.Errorf("error %v: want the caller's deadline", err)
	}
}

func TestCancel(t *testing.T) {
	tests := []struct {
		name  string
		setup func(cancel context.CancelFunc, srv *llmtest.Server, cfg *Config, req *llm.Request)
	}{
		{"during a slow stream", func(cancel context.CancelFunc, srv *llmtest.Server, _ *Config, req *llm.Request) {
			srv.Enqueue(llmtest.Reply{Content: "PARTIAL", Chunks: 3, ChunkDelay: slow})
			req.Progress = func(p llm.Progress) {
				if p.Chunks == 1 {
					cancel()
				}
			}
		}},
		{"before the headers", func(cancel context.CancelFunc, srv *llmtest.Server, _ *Config, _ *llm.Request) {
			srv.SetResponder(func(llmtest.Request) llmtest.Reply {
				cancel()
				return llmtest.Reply{Delay: slow}
			})
		}},
		{"during the pause before a retry", func(cancel context.CancelFunc, srv *llmtest.Server, cfg *Config, _ *llm.Request) {
			srv.Enqueue(failWith(503, "", "busy"))
			cfg.Sleep = func(ctx context.Context, _ time.Duration) error {
				cancel()
				<-ctx.Done()
				return ctx.Err()
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			req := testRequest()
			c, _ := newTestClient(t, srv, func(cfg *Config) { tt.setup(cancel, srv, cfg, &req) })
			resp, err := complete(t, ctx, c, req)
			if resp != nil || !errors.Is(err, context.Canceled) {
				t.Fatalf("Complete = %+v, %v; want an error wrapping context.Canceled", resp, err)
			}
			var inc *llm.IncompleteError
			if errors.As(err, &inc) || err.Error() != "the model call was cancelled" {
				t.Errorf("error %q: want only the cancellation", err)
			}
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("server saw %d requests, want 1", n)
			}
		})
	}
}
