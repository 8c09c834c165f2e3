package llmtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// post sends a chat request and returns the status, headers and body. A
// transport error is returned, not fatal, so hangups can be checked.
func post(t *testing.T, url, body string, header map[string]string) (*http.Response, string, error) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, string(b), err
}

const streamBody = `{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}}`

func TestServerAnswers(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		body     string
		reply    Reply
		status   int
		contains []string
		absent   []string
		wantErr  bool
	}{
		{"stream in chunks", "/v1/chat/completions", streamBody,
			Reply{Content: "abcdef", Chunks: 3, Usage: &Usage{PromptTokens: 5, CompletionTokens: 3}}, 200,
			[]string{`"content":"ab"`, `"content":"cd"`, `"content":"ef"`, `"finish_reason":"stop"`, `"prompt_tokens":5`, "data: [DONE]\n\n"}, nil, false},
		{"whole answer", "/v1/chat/completions", `{"model":"m","messages":[]}`,
			Reply{Content: "hello", Usage: &Usage{CompletionTokens: 1}}, 200,
			[]string{`"object":"chat.completion"`, `"content":"hello"`, `"completion_tokens":1`}, []string{"data:"}, false},
		{"whole answer to a stream request", "/v1/chat/completions", streamBody, Reply{Content: "hello", NoStream: true}, 200,
			[]string{`"object":"chat.completion"`, `"content":"hello"`}, []string{"data:"}, false},
		{"refusal", "/v1/chat/completions", streamBody, Reply{Refusal: "I can't help with that."}, 200,
			[]string{`"refusal":"I can't help with that."`, `"finish_reason":"stop"`}, nil, false},
		{"length", "/v1/chat/completions", streamBody, Reply{Content: "x", FinishReason: "length"}, 200,
			[]string{`"finish_reason":"length"`}, nil, false},
		{"no finish, no done", "/v1/chat/completions", streamBody, Reply{Content: "x", NoFinish: true, NoDone: true}, 200,
			[]string{`"content":"x"`}, []string{`"finish_reason":"stop"`, "[DONE]"}, false},
		{"in-band error", "/v1/chat/completions", streamBody,
			Reply{Content: "x", StreamError: &APIError{Message: "boom", Type: "server_error"}}, 200,
			[]string{`data: {"error":{"message":"boom","type":"server_error"}}`}, []string{"[DONE]", "finish_reason\":\"stop"}, false},
		{"malformed chunk", "/v1/chat/completions", streamBody, Reply{Content: "x", Malformed: true}, 200,
			[]string{`{"delta":{"content":` + "\n\n"}, []string{"[DONE]"}, false},
		{"failure echoing the key", "/v1/chat/completions", streamBody,
			Reply{Status: 429, ErrorType: "rate_limit_error", ErrorMessage: "slow down", RetryAfter: "7", EchoAuth: true}, 429,
			[]string{`"message":"slow down (you sent Authorization: Bearer sk-secret)"`, `"type":"rate_limit_error"`}, nil, false},
		{"answer echoing the key", "/v1/chat/completions", streamBody, Reply{Content: `{"title":"KEY"}`, EchoKey: "KEY"}, 200,
			[]string{`"content":"{\"title\":\"sk-secret\"}"`}, []string{"KEY"}, false},
		{"html failure", "/v1/chat/completions", streamBody, Reply{Status: 502, ErrorBody: "<html>bad gateway</html>"}, 502,
			[]string{"<html>bad gateway</html>"}, nil, false},
		{"azure", "/openai/deployments/dep/chat/completions?api-version=2024-10-21", streamBody, Reply{Content: "az"}, 200,
			[]string{`"content":"az"`}, nil, false},
		{"azure without api-version", "/openai/deployments/dep/chat/completions", streamBody, Reply{Content: "az"}, 404,
			[]string{"api-version"}, nil, false},
		{"unknown path", "/v2/chat", streamBody, Reply{}, 404, []string{"no route"}, nil, false},
		{"not json", "/v1/chat/completions", "{", Reply{}, 400, []string{"not a JSON"}, nil, false},
		{"hangup", "/v1/chat/completions", streamBody, Reply{Hangup: true}, 0, nil, nil, true},
		{"drop mid-stream", "/v1/chat/completions", streamBody, Reply{Content: "abcd", Chunks: 4, DropAfter: 2}, 200,
			[]string{`"content":"b"`}, []string{`"content":"c"`}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t, tt.reply)
			resp, body, err := post(t, s.RootURL+tt.path, tt.body, map[string]string{"Authorization": "Bearer sk-secret"})
			if (err != nil) != tt.wantErr {
				t.Fatalf("error = %v, want error %v", err, tt.wantErr)
			}
			if resp != nil && resp.StatusCode != tt.status {
				t.Errorf("status = %d, want %d; body %s", resp.StatusCode, tt.status, body)
			}
			for _, want := range tt.contains {
				if !strings.Contains(body, want) {
					t.Errorf("body lacks %q:\n%s", want, body)
				}
			}
			for _, bad := range tt.absent {
				if strings.Contains(body, bad) {
					t.Errorf("body has %q:\n%s", bad, body)
				}
			}
			if tt.reply.RetryAfter != "" && resp.Header.Get("Retry-After") != tt.reply.RetryAfter {
				t.Errorf("Retry-After = %q", resp.Header.Get("Retry-After"))
			}
		})
	}
}

func TestServerRecordsRequests(t *testing.T) {
	s := New(t)
	body := `{"model":"gpt","messages":[{"role":"system","content":"s"}],"temperature":0,"max_tokens":9,` +
		`"response_format":{"type":"json_schema","json_schema":{"name":"prd","strict":true,"schema":{"type":"object"}}},"stream":true}`
	if _, _, err := post(t, s.RootURL+"/openai/deployments/dep/chat/completions?api-version=v1", body, map[string]string{"api-key": "k"}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := post(t, s.URL+"/chat/completions", `{"model":"x","messages":[]}`, nil); err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2", len(reqs))
	}
	r := reqs[0]
	if r.Model != "gpt" || r.Deployment != "dep" || r.APIVersion != "v1" || r.Header.Get("api-key") != "k" ||
		r.Temperature == nil || *r.Temperature != 0 || r.MaxTokens != 9 || !r.Stream || r.IncludeUsage {
		t.Errorf("first request decoded as %+v", r)
	}
	if f := r.ResponseFormat; f == nil || f.Type != "json_schema" || f.JSONSchema == nil || !f.JSONSchema.Strict ||
		f.JSONSchema.Name != "prd" || !bytes.Equal(f.JSONSchema.Schema, []byte(`{"type":"object"}`)) {
		t.Errorf("response_format decoded as %+v", f)
	}
	if len(r.Messages) != 1 || r.Messages[0] != (Message{Role: "system", Content: "s"}) {
		t.Errorf("messages = %+v", r.Messages)
	}
	if reqs[1].Temperature != nil || reqs[1].Has("temperature") || !reqs[1].Has("messages") {
		t.Errorf("second request: temperature %v, fields %v", reqs[1].Temperature, reqs[1].Fields)
	}
}

func TestServerQueueAndResponder(t *testing.T) {
	contentOf := func(t *testing.T, url string) string {
		t.Helper()
		_, body, err := post(t, url+"/chat/completions", `{"model":"m","messages":[]}`, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Choices []struct {
				Message Message `json:"message"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(body), &out); err != nil || len(out.Choices) != 1 {
			t.Fatalf("body %s: %v", body, err)
		}
		return out.Choices[0].Message.Content
	}
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"empty", Options{}, []string{"{}", "{}"}},
		{"last repeats", Options{Replies: []Reply{{Content: "a"}, {Content: "b"}}}, []string{"a", "b", "b"}},
		{"responder after queue", Options{
			Replies:   []Reply{{Content: "a"}},
			Responder: func(r Request) Reply { return Reply{Content: "model " + r.Model} },
		}, []string{"a", "model m", "model m"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Start(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i, want := range tt.want {
				if got := contentOf(t, s.URL); got != want {
					t.Errorf("request %d: content %q, want %q", i, got, want)
				}
			}
			s.Enqueue(Reply{Content: "queued"})
			if got := contentOf(t, s.URL); got != "queued" {
				t.Errorf("after Enqueue: content %q", got)
			}
		})
	}
}

func TestServerCloseEndsDelays(t *testing.T) {
	s, err := Start(Options{Replies: []Reply{{Delay: time.Hour}}})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		resp, err := http.Post(s.URL+"/chat/completions", "application/json", strings.NewReader(streamBody))
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	for len(s.Requests()) == 0 {
		time.Sleep(time.Millisecond)
	}
	s.Close()
	s.Close()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("Close left a delayed reply hanging")
	}
}
