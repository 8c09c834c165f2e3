package openai

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// lines records what a client tells Config.Log.
type lines struct {
	mu  sync.Mutex
	got []string
}

func (l *lines) log(msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, msg)
}

func (l *lines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.got)
}

func TestLog(t *testing.T) {
	tests := []struct {
		name    string
		retries int
		replies []llmtest.Reply
		want    []string
	}{
		{"success says nothing", 3, []llmtest.Reply{okReply}, nil},
		{"500 retried after the backoff", 3, []llmtest.Reply{failWith(500, "server_error", "oops"), okReply}, []string{
			"prd: attempt 1 failed: model endpoint answered 500: oops; retry 1 of 3 in 250ms (backoff)",
		}},
		{"500 with Retry-After waits for the server", 3, []llmtest.Reply{{Status: 500, ErrorMessage: "oops", RetryAfter: "2"}, okReply}, []string{
			"prd: attempt 1 failed: model endpoint answered 500: oops; retry 1 of 3 in 2s (Retry-After)",
		}},
		{"429 with Retry-After pauses every request", 3, []llmtest.Reply{{Status: 429, ErrorMessage: "slow down", RetryAfter: "7"}, okReply}, []string{
			"prd: attempt 1 failed: model endpoint answered 429: slow down; every request to the endpoint pauses for 7s (Retry-After), then retry 1 of 3",
		}},
		{"429 without Retry-After pauses for the backoff", 3, []llmtest.Reply{failWith(429, "", "slow down"), okReply}, []string{
			"prd: attempt 1 failed: model endpoint answered 429: slow down; every request to the endpoint pauses for 250ms (backoff), then retry 1 of 3",
		}},
		{"503 with Retry-After pauses every request", 3, []llmtest.Reply{{Status: 503, ErrorMessage: "busy", RetryAfter: "1"}, okReply}, []string{
			"prd: attempt 1 failed: model endpoint answered 503: busy; every request to the endpoint pauses for 1s (Retry-After), then retry 1 of 3",
		}},
		{"the last attempt says no retry is left", 1, []llmtest.Reply{failWith(502, "", "bad gateway")}, []string{
			"prd: attempt 1 failed: model endpoint answered 502: bad gateway; retry 1 of 1 in 250ms (backoff)",
			"prd: attempt 2 failed: model endpoint answered 502: bad gateway; no retry left (max_retries 1)",
		}},
		{"a drop mid-stream", 3, []llmtest.Reply{{Content: "PARTIAL-PARTIAL", Chunks: 3, DropAfter: 1}, okReply}, []string{
			"prd: attempt 1 failed: the model's answer is incomplete: the connection dropped mid-stream after 1 chunks",
		}},
		{"a failure not retried is left to the error", 3, []llmtest.Reply{failWith(400, "", "bad messages"), okReply}, nil},
		{"stream_options refused", 3, []llmtest.Reply{failWith(400, "invalid_request_error", "Unrecognized request argument supplied: stream_options"), okReply}, []string{
			"prd: the endpoint refused stream_options; asking again without it, so without token usage",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, tt.replies...)
			var l lines
			c, _ := newTestClient(t, srv, func(cfg *Config) {
				cfg.MaxRetries = tt.retries
				cfg.Log = l.log
			})
			// Success or failure is TestFaults' business; here only the lines.
			_, _ = c.Complete(t.Context(), testRequest())
			got := l.all()
			if len(got) != len(tt.want) {
				t.Fatalf("logged %d lines, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("line %d:\n got %s\nwant %s…", i+1, got[i], w)
				}
			}
		})
	}
}

func TestLogKeepsSecrets(t *testing.T) {
	srv := llmtest.New(t,
		llmtest.Reply{Status: 500, ErrorMessage: "rejected", EchoAuth: true},
		llmtest.Reply{Status: 503, ErrorBody: `{"message":"proxy token Bearer px-777 and ` + testKey + `"}`},
		okReply)
	var l lines
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Log = l.log })
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatal(err)
	}
	got := l.all()
	if len(got) != 2 {
		t.Fatalf("logged %d lines, want 2:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, line := range got {
		for _, secret := range []string{testKey, "px-777"} {
			if strings.Contains(line, secret) {
				t.Errorf("line shows %q: %s", secret, line)
			}
		}
		if !strings.Contains(line, "[redacted]") {
			t.Errorf("line %q: want the secret replaced by [redacted]", line)
		}
	}
}
