package openai

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

const testKey = "sk-test-0123456789abcdef"

var testSchema = &llm.Schema{Name: "prd", JSON: json.RawMessage(`{"type":"object","properties":{"title":{"type":"string"}}}`)}

// testRequest is a typical stage request.
func testRequest() llm.Request {
	return llm.Request{
		Stage: "prd",
		Messages: []llm.Message{
			{Role: llm.RoleSystem, Content: "You write PRDs."},
			{Role: llm.RoleUser, Content: "The brief."},
		},
		Schema: testSchema,
	}
}

// sleeps records the pauses a client asks for without waiting.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.d = append(s.d, d)
	return ctx.Err()
}

func (s *sleeps) got() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

// newTestClient returns a client of srv with fast, deterministic retries
// (3 of them, jitter 0.5) and the changes mod makes to the config.
func newTestClient(t *testing.T, srv *llmtest.Server, mod func(*Config)) (*Client, *sleeps) {
	t.Helper()
	sl := &sleeps{}
	cfg := Config{
		BaseURL:    srv.URL,
		APIKey:     testKey,
		Model:      "test-model",
		MaxRetries: 3,
		Sleep:      sl.sleep,
		Jitter:     func() float64 { return 0.5 },
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, sl
}

// lastRequest is the last request srv received.
func lastRequest(t *testing.T, srv *llmtest.Server) llmtest.Request {
	t.Helper()
	reqs := srv.Requests()
	if len(reqs) == 0 {
		t.Fatal("the server received no request")
	}
	return reqs[len(reqs)-1]
}

func ptr[T any](v T) *T { return &v }
