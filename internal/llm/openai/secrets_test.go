package openai

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

func TestKeyNeverInErrors(t *testing.T) {
	echo := func(status int) llmtest.Reply {
		return llmtest.Reply{Status: status, ErrorType: "invalid_request_error", ErrorMessage: "rejected", EchoAuth: true}
	}
	tests := []struct {
		name    string
		azure   bool
		timeout time.Duration
		replies []llmtest.Reply
		secrets []string // besides the key
	}{
		{"401 echoing Authorization", false, 0, []llmtest.Reply{echo(401)}, nil},
		{"500 echoed until retries run out", false, 0, []llmtest.Reply{echo(500)}, nil},
		{"azure echoing api-key", true, 0, []llmtest.Reply{echo(400)}, nil},
		{"in-band error echoing Authorization", false, 0,
			[]llmtest.Reply{{Content: "x", EchoAuth: true, StreamError: &llmtest.APIError{Message: "failed", Type: "invalid_request_error"}}}, nil},
		{"key in an html body", false, 0, []llmtest.Reply{{Status: 502, ErrorBody: "<p>upstream rejected " + testKey + "</p>"}}, nil},
		{"another bearer token", false, 0, []llmtest.Reply{{Status: 400, ErrorBody: `{"message":"proxy token Bearer px-777 rejected"}`}}, []string{"px-777"}},
		{"timeout after an echo", false, 2 * time.Second, []llmtest.Reply{echo(503), {Delay: slow}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := llmtest.New(t, tt.replies...)
			c, _ := newTestClient(t, srv, func(cfg *Config) {
				cfg.Timeout = tt.timeout
				if tt.azure {
					cfg.APIType, cfg.BaseURL, cfg.APIVersion = APITypeAzure, srv.RootURL, "2024-10-21"
				}
			})
			_, err := complete(t, t.Context(), c, testRequest())
			if err == nil {
				t.Fatal("Complete succeeded, want an error")
			}
			msg := err.Error()
			for _, secret := range append(tt.secrets, testKey) {
				if strings.Contains(msg, secret) {
					t.Errorf("error shows %q: %s", secret, msg)
				}
			}
			if !strings.Contains(msg, "[redacted]") {
				t.Errorf("error %q: want the secret replaced by [redacted]", msg)
			}
			var apiErr *llm.APIError
			if errors.As(err, &apiErr) && strings.Contains(apiErr.Message, testKey) {
				t.Errorf("APIError.Message shows the key: %s", apiErr.Message)
			}
		})
	}
}

func TestEchoReachesTheServer(t *testing.T) {
	// The fault is only a test if the server really echoes the key.
	srv := llmtest.New(t, llmtest.Reply{Status: 401, ErrorMessage: "rejected", EchoAuth: true})
	c, _ := newTestClient(t, srv, nil)
	if _, err := c.Complete(t.Context(), testRequest()); err == nil {
		t.Fatal("Complete succeeded, want an error")
	}
	if h := lastRequest(t, srv).Header.Get("Authorization"); h != "Bearer "+testKey {
		t.Fatalf("Authorization = %q", h)
	}
}
