package openai

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

func TestNew(t *testing.T) {
	tests := []struct {
		name      string
		cfg       Config
		wantCreds bool
		wantErr   string // part of the error; empty for success
	}{
		{"key only uses OpenAI", Config{APIKey: "k", Model: "m"}, false, ""},
		{"base url only, a local server", Config{BaseURL: "http://localhost:11434/v1", Model: "m"}, false, ""},
		{"neither key nor base url", Config{Model: "m"}, true, "OPENAI_API_KEY"},
		{"azure", Config{APIType: "azure", BaseURL: "https://x.openai.azure.com", APIKey: "k", APIVersion: "2024-10-21", Model: "dep"}, false, ""},
		{"azure without key", Config{APIType: "azure", BaseURL: "https://x.openai.azure.com", APIVersion: "v", Model: "dep"}, true, "PRODGEN_API_KEY"},
		{"azure without api version", Config{APIType: "azure", BaseURL: "https://x.openai.azure.com", APIKey: "k", Model: "dep"}, false, "api_version"},
		{"azure without base url", Config{APIType: "azure", APIKey: "k", APIVersion: "v", Model: "dep"}, false, "base_url"},
		{"unknown api type", Config{APIType: "anthropic", APIKey: "k", Model: "m"}, false, "api_type"},
		{"unknown response format", Config{ResponseFormat: "yaml", APIKey: "k", Model: "m"}, false, "response_format"},
		{"bad base url", Config{BaseURL: "localhost:11434", Model: "m"}, false, "base_url"},
		{"no model", Config{APIKey: "k"}, false, "model"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.cfg)
			if tt.wantErr == "" {
				if err != nil || c == nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("New succeeded, want an error")
			}
			if got := errors.Is(err, llm.ErrNoCredentials); got != tt.wantCreds {
				t.Errorf("errors.Is(err, ErrNoCredentials) = %v, want %v (err: %v)", got, tt.wantCreds, err)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
		})
	}
}

func TestCompleteSuccess(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{
		Content: `{"title":"Plant swap"}`,
		Chunks:  4,
		Model:   "test-model-2024",
		Usage:   &llmtest.Usage{PromptTokens: 120, CompletionTokens: 9, TotalTokens: 129},
	})
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Organization = "org-1"; cfg.MaxTokens = 2000 })
	req := testRequest()
	var progress []int
	req.Progress = func(p llm.Progress) { progress = append(progress, p.Chunks) }

	resp, err := c.Complete(t.Context(), req)
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	want := llm.Response{Content: `{"title":"Plant swap"}`, Model: "test-model-2024", Usage: llm.Usage{PromptTokens: 120, CompletionTokens: 9}}
	if *resp != want {
		t.Errorf("response = %+v, want %+v", *resp, want)
	}
	if !slices.Equal(progress, []int{1, 2, 3, 4}) {
		t.Errorf("progress calls = %v, want 1 to 4", progress)
	}
	r := lastRequest(t, srv)
	if r.Path != "/v1/chat/completions" || r.Model != "test-model" || !r.Stream || !r.IncludeUsage || r.MaxTokens != 2000 {
		t.Errorf("request: path %s model %q stream %v include_usage %v max_tokens %d", r.Path, r.Model, r.Stream, r.IncludeUsage, r.MaxTokens)
	}
	wantMsgs := []llmtest.Message{{Role: "system", Content: "You write PRDs."}, {Role: "user", Content: "The brief."}}
	if len(r.Messages) != 2 || r.Messages[0] != wantMsgs[0] || r.Messages[1] != wantMsgs[1] {
		t.Errorf("messages = %+v, want %+v", r.Messages, wantMsgs)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer "+testKey {
		t.Errorf("Authorization = %q", got)
	}
	if got := r.Header.Get("OpenAI-Organization"); got != "org-1" {
		t.Errorf("OpenAI-Organization = %q", got)
	}
}

func TestCompleteWithoutUsageOrKey(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: "{}"})
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.APIKey = "" })
	resp, err := c.Complete(t.Context(), testRequest())
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if resp.Usage != (llm.Usage{}) || resp.Model != "test-model" || resp.Content != "{}" {
		t.Errorf("response = %+v", *resp)
	}
	r := lastRequest(t, srv)
	if h := r.Header.Get("Authorization"); h != "" {
		t.Errorf("Authorization = %q, want none without a key", h)
	}
	if r.Has("max_tokens") || r.Has("max_completion_tokens") {
		t.Errorf("max tokens sent with MaxTokens 0: %s", r.Body)
	}
}

func TestTemperature(t *testing.T) {
	tests := []struct {
		name string
		temp *float64
		want string // the raw JSON value; empty for absent
	}{
		{"unset sends none", nil, ""},
		{"zero is sent", ptr(0.0), "0"},
		{"other values keep their precision", ptr(0.7), "0.7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Content: "{}"})
			c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Temperature = tt.temp })
			if _, err := c.Complete(t.Context(), testRequest()); err != nil {
				t.Fatalf("Complete: %v", err)
			}
			r := lastRequest(t, srv)
			raw, ok := r.Fields["temperature"]
			switch {
			case tt.want == "" && ok:
				t.Errorf("temperature sent: %s", raw)
			case tt.want != "" && string(raw) != tt.want:
				t.Errorf("temperature = %q, want %s; body %s", raw, tt.want, r.Body)
			}
			if len(r.Messages) != 2 || !r.Stream {
				t.Errorf("the rewritten body lost fields: %s", r.Body)
			}
		})
	}
}

func TestResponseFormat(t *testing.T) {
	tests := []struct {
		name       string
		format     string
		schema     *llm.Schema
		wantType   string
		wantStrict bool
	}{
		{"json_schema by default", "", testSchema, "json_schema", true},
		{"json_schema named", FormatJSONSchema, testSchema, "json_schema", true},
		{"json_object when configured", FormatJSONObject, testSchema, "json_object", false},
		{"json_object without a schema", FormatJSONSchema, nil, "json_object", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Content: "{}"})
			c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.ResponseFormat = tt.format })
			req := testRequest()
			req.Schema = tt.schema
			if _, err := c.Complete(t.Context(), req); err != nil {
				t.Fatalf("Complete: %v", err)
			}
			f := lastRequest(t, srv).ResponseFormat
			if f == nil || f.Type != tt.wantType {
				t.Fatalf("response_format = %+v, want type %s", f, tt.wantType)
			}
			if !tt.wantStrict {
				if f.JSONSchema != nil {
					t.Errorf("json_object request carries a schema: %+v", f.JSONSchema)
				}
				return
			}
			if s := f.JSONSchema; s == nil || !s.Strict || s.Name != "prd" || string(s.Schema) != string(testSchema.JSON) {
				t.Errorf("json_schema = %+v", s)
			}
		})
	}
}

func TestAzure(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: "{}"})
	c, _ := newTestClient(t, srv, func(cfg *Config) {
		cfg.APIType, cfg.BaseURL, cfg.APIVersion, cfg.Model = APITypeAzure, srv.RootURL, "2024-10-21", "gpt-4o.prod"
	})
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	r := lastRequest(t, srv)
	if r.Deployment != "gpt-4o.prod" || r.APIVersion != "2024-10-21" {
		t.Errorf("path %s, query %v: want deployment gpt-4o.prod and api-version 2024-10-21", r.Path, r.Query)
	}
	if r.Header.Get("api-key") != testKey || r.Header.Get("Authorization") != "" {
		t.Errorf("api-key %q, Authorization %q: want the key in api-key only", r.Header.Get("api-key"), r.Header.Get("Authorization"))
	}
}

func TestReasoningModelGetsMaxCompletionTokens(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: "{}"})
	c, _ := newTestClient(t, srv, func(cfg *Config) { cfg.Model = "o3-mini"; cfg.MaxTokens = 500 })
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if r := lastRequest(t, srv); r.MaxCompletionTokens != 500 || r.Has("max_tokens") {
		t.Errorf("body %s: want max_completion_tokens 500 and no max_tokens", r.Body)
	}
}

func TestStreamOptionsRefused(t *testing.T) {
	srv := llmtest.New(t,
		llmtest.Reply{Status: 400, ErrorType: "invalid_request_error", ErrorMessage: "Unrecognized request argument supplied: stream_options"},
		llmtest.Reply{Content: "{}"},
	)
	c, sl := newTestClient(t, srv, func(cfg *Config) { cfg.MaxRetries = 0 })
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatalf("Complete: %v", err)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || !reqs[0].Has("stream_options") || reqs[1].Has("stream_options") {
		t.Errorf("want a second request without stream_options; got %d requests", len(reqs))
	}
	if len(sl.got()) != 0 {
		t.Errorf("slept %v before asking again", sl.got())
	}
}
