package openai

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// okReply is the answer that ends a successful retry sequence.
var okReply = llmtest.Reply{Content: `{"title":"ok"}`, Chunks: 2}

func failWith(status int, typ, msg string) llmtest.Reply {
	return llmtest.Reply{Status: status, ErrorType: typ, ErrorMessage: msg}
}

// backoffs are the pauses before the first three retries, at jitter 0.5.
var backoffs = []time.Duration{250 * time.Millisecond, 500 * time.Millisecond, time.Second}

// faultTests are the fault cases of TestFaults.
var faultTests = []struct {
	name     string
	replies  []llmtest.Reply
	requests int             // requests the server should see
	sleeps   []time.Duration // pauses the client should ask for
	status   int             // for an *llm.APIError; -1 for none
	reason   string          // part of an *llm.IncompleteError's Reason; empty for none
	errText  []string        // parts of the error text; nil for success
}{
	{"429 honours Retry-After", []llmtest.Reply{{Status: 429, ErrorMessage: "slow down", RetryAfter: "7"}, okReply},
		2, []time.Duration{7 * time.Second}, -1, "", nil},
	{"429 Retry-After is capped", []llmtest.Reply{{Status: 429, ErrorMessage: "slow down", RetryAfter: "3600"}, okReply},
		2, []time.Duration{time.Minute}, -1, "", nil},
	{"500 retried", []llmtest.Reply{failWith(500, "server_error", "oops"), okReply}, 2, backoffs[:1], -1, "", nil},
	{"502 with an html body retried", []llmtest.Reply{{Status: 502, ErrorBody: "<html>bad gateway</html>"}, okReply}, 2, backoffs[:1], -1, "", nil},
	{"503 retried", []llmtest.Reply{failWith(503, "", "overloaded"), okReply}, 2, backoffs[:1], -1, "", nil},
	{"408 retried", []llmtest.Reply{failWith(408, "", "request timeout"), okReply}, 2, backoffs[:1], -1, "", nil},
	{"409 retried", []llmtest.Reply{failWith(409, "", "conflict"), okReply}, 2, backoffs[:1], -1, "", nil},
	{"backoff doubles", []llmtest.Reply{failWith(500, "", "a"), failWith(502, "", "b"), failWith(503, "", "c"), okReply}, 4, backoffs, -1, "", nil},
	{"400 not retried", []llmtest.Reply{failWith(400, "invalid_request_error", "bad messages"), okReply}, 1, nil, 400, "",
		[]string{"400", "bad messages"}},
	{"401 not retried", []llmtest.Reply{failWith(401, "invalid_request_error", "Incorrect API key provided"), okReply}, 1, nil, 401, "",
		[]string{"401", "Incorrect API key provided", "OPENAI_API_KEY"}},
	{"403 not retried", []llmtest.Reply{failWith(403, "", "no access"), okReply}, 1, nil, 403, "", []string{"no access"}},
	{"404 not retried", []llmtest.Reply{failWith(404, "", "model not found"), okReply}, 1, nil, 404, "",
		[]string{"model not found", `check model (now "test-model")`}},
	{"422 not retried", []llmtest.Reply{failWith(422, "", "bad json_schema")}, 1, nil, 422, "",
		[]string{"bad json_schema", "json_object"}},
	{"501 not retried", []llmtest.Reply{failWith(501, "", "not implemented"), okReply}, 1, nil, 501, "", []string{"not implemented", "serves OpenAI-style chat completions"}},
	{"vLLM error body", []llmtest.Reply{{Status: 400, ErrorBody: `{"object":"error","message":"context too long","type":"BadRequestError","code":400}`}},
		1, nil, 400, "", []string{"context too long"}},
	{"retries exhausted keep status and message", []llmtest.Reply{failWith(503, "server_error", "The server is overloaded")},
		4, backoffs, 503, "", []string{"503", "The server is overloaded", "gave up after 4 attempts"}},
	{"hangup before a status retried", []llmtest.Reply{{Hangup: true}, okReply}, 2, backoffs[:1], -1, "", nil},
	{"hangups exhausted", []llmtest.Reply{{Hangup: true}}, 4, backoffs, -1, "",
		[]string{"could not reach the model endpoint", "gave up after 4 attempts", "check base_url"}},
	{"drop mid-stream retried from scratch", []llmtest.Reply{{Content: "PARTIAL-PARTIAL", Chunks: 3, DropAfter: 1}, okReply},
		2, backoffs[:1], -1, "", nil},
	{"drops exhausted", []llmtest.Reply{{Content: "PARTIAL-PARTIAL", Chunks: 3, DropAfter: 2}}, 4, backoffs, -1,
		"connection dropped mid-stream", []string{"incomplete", "gave up after 4 attempts"}},
	{"no finish retried", []llmtest.Reply{{Content: "PARTIAL", NoFinish: true}, okReply}, 2, backoffs[:1], -1, "", nil},
	{"neither finish nor done", []llmtest.Reply{{Content: "PARTIAL", NoFinish: true, NoDone: true}}, 4, backoffs, -1,
		"ended without a finish", []string{"incomplete"}},
	{"finish without done is whole", []llmtest.Reply{{Content: `{"title":"ok"}`, NoDone: true}}, 1, nil, -1, "", nil},
	{"length", []llmtest.Reply{{Content: "PARTIAL", FinishReason: "length"}, okReply}, 1, nil, -1, "length",
		[]string{"raise max_tokens (now 100) or shorten the input"}},
	{"content filter", []llmtest.Reply{{Content: "PARTIAL", FinishReason: "content_filter"}, okReply}, 1, nil, -1, "content_filter",
		[]string{"content filter stopped the answer"}},
	{"refusal", []llmtest.Reply{{Refusal: "I can't help with that."}, okReply}, 1, nil, -1, "refusal",
		[]string{"declined to answer: I can't help with that."}},
	{"tool calls", []llmtest.Reply{{Content: "PARTIAL", FinishReason: "tool_calls"}, okReply}, 1, nil, -1, "tool_calls", nil},
	{"in-band server_error retried", []llmtest.Reply{{Content: "PARTIAL", StreamError: &llmtest.APIError{Message: "oops", Type: "server_error"}}, okReply},
		2, backoffs[:1], -1, "", nil},
	{"in-band rate limit code retried", []llmtest.Reply{{StreamError: &llmtest.APIError{Message: "slow", Type: "requests", Code: "rate_limit_exceeded"}}, okReply},
		2, backoffs[:1], -1, "", nil},
	{"in-band invalid request not retried", []llmtest.Reply{{Content: "PARTIAL", StreamError: &llmtest.APIError{Message: "bad schema", Type: "invalid_request_error"}}, okReply},
		1, nil, 0, "", []string{"bad schema"}},
	{"an answer that does not stream", []llmtest.Reply{{Content: `{"title":"ok"}`, NoStream: true}, okReply}, 1, nil, -1, "did not stream",
		[]string{"application/json", "check base_url"}},
	{"malformed chunk not retried", []llmtest.Reply{{Content: "PARTIAL", Malformed: true}, okReply}, 1, nil, -1, "malformed stream chunk",
		[]string{"OpenAI-compatible"}},
}

func TestFaults(t *testing.T) {
	for _, tt := range faultTests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, tt.replies...)
			c, sl := newTestClient(t, srv, func(cfg *Config) { cfg.MaxTokens = 100 })
			resp, err := c.Complete(t.Context(), testRequest())
			if got := len(srv.Requests()); got != tt.requests {
				t.Errorf("server saw %d requests, want %d", got, tt.requests)
			}
			if got := sl.got(); !slices.Equal(got, tt.sleeps) {
				t.Errorf("slept %v, want %v", got, tt.sleeps)
			}
			if tt.errText == nil && tt.reason == "" && tt.status < 0 {
				if err != nil {
					t.Fatalf("Complete: %v", err)
				}
				if resp.Content != `{"title":"ok"}` {
					t.Errorf("content = %q: partial output escaped", resp.Content)
				}
				return
			}
			checkError(t, err, resp, tt.status, tt.reason, tt.errText)
		})
	}
}

// checkError checks a failed Complete: no response, the typed error
// wanted, and one lowercase line naming what happened.
func checkError(t *testing.T, err error, resp *llm.Response, status int, reason string, parts []string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Complete succeeded with %+v, want an error", resp)
	}
	if resp != nil {
		t.Errorf("a failed Complete returned a response: %+v", resp)
	}
	msg := err.Error()
	t.Logf("error: %s", msg)
	if strings.Contains(msg, "PARTIAL") {
		t.Errorf("error carries partial output: %s", msg)
	}
	if strings.ContainsAny(msg, "\n\r") || msg != strings.ToLower(msg[:1])+msg[1:] {
		t.Errorf("error is not one lowercase line: %q", msg)
	}
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("error %q does not mention %q", msg, p)
		}
	}
	var apiErr *llm.APIError
	if got := errors.As(err, &apiErr); got != (status >= 0) {
		t.Errorf("errors.As(*llm.APIError) = %v, want %v (err: %v)", got, status >= 0, err)
	} else if got && apiErr.StatusCode != status {
		t.Errorf("status = %d, want %d", apiErr.StatusCode, status)
	}
	var inc *llm.IncompleteError
	if got := errors.As(err, &inc); got != (reason != "") {
		t.Errorf("errors.As(*llm.IncompleteError) = %v, want %v (err: %v)", got, reason != "", err)
	} else if got && !strings.Contains(inc.Reason, reason) {
		t.Errorf("reason = %q, want %q in it", inc.Reason, reason)
	}
}

func TestUnauthorizedIsAPIError(t *testing.T) {
	srv := llmtest.New(t, failWith(http.StatusUnauthorized, "invalid_request_error", "Incorrect API key provided"))
	c, _ := newTestClient(t, srv, nil)
	_, err := c.Complete(t.Context(), testRequest())
	var apiErr *llm.APIError
	if !errors.As(err, &apiErr) || !apiErr.Unauthorized() || apiErr.Type != "invalid_request_error" || apiErr.Message != "Incorrect API key provided" {
		t.Errorf("error %v: want an unauthorized *llm.APIError keeping type and message, got %+v", err, apiErr)
	}
}

func TestRetryAfterDate(t *testing.T) {
	// The date is measured against the response's Date header, which has
	// a resolution of one second.
	at := time.Now().Add(30 * time.Second).UTC().Format(http.TimeFormat)
	srv := llmtest.New(t, llmtest.Reply{Status: 429, ErrorMessage: "slow down", RetryAfter: at}, okReply)
	c, sl := newTestClient(t, srv, nil)
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if got := sl.got(); len(got) != 1 || got[0] < 25*time.Second || got[0] > 31*time.Second {
		t.Errorf("slept %v, want about 30s", got)
	}
}

func TestNoRetriesWhenMaxRetriesIsZero(t *testing.T) {
	srv := llmtest.New(t, failWith(503, "", "busy"), okReply)
	c, sl := newTestClient(t, srv, func(cfg *Config) { cfg.MaxRetries = 0 })
	_, err := c.Complete(t.Context(), testRequest())
	checkError(t, err, nil, 503, "", []string{"busy", "gave up after 1 attempt: max_retries is 0"})
	if len(srv.Requests()) != 1 || len(sl.got()) != 0 {
		t.Errorf("%d requests, slept %v: want 1 request and no pause", len(srv.Requests()), sl.got())
	}
}

func TestProgressRestartsOnRetry(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: "PARTIAL", Chunks: 3, DropAfter: 2}, okReply)
	c, _ := newTestClient(t, srv, nil)
	req := testRequest()
	var progress []int
	req.Progress = func(p llm.Progress) { progress = append(progress, p.Chunks) }
	if _, err := c.Complete(t.Context(), req); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if want := []int{1, 2, 1, 2}; !slices.Equal(progress, want) {
		t.Errorf("progress = %v, want %v", progress, want)
	}
}
