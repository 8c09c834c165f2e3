package cache

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

func TestCorruptEntryIsAMiss(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"empty file", ""},
		{"truncated", `{"version":1,"model":"m","content":"{\"ti`},
		{"not JSON", "\x00\x01garbage"},
		{"array", `[1,2]`},
		{"no version", `{"model":"m","content":"stale","usage":{}}`},
		{"other version", `{"version":2,"model":"m","content":"stale","usage":{}}`},
		{"wrong type", `{"version":1,"model":"m","content":5}`},
		{"trailing data", `{"version":1,"model":"m","content":"stale"} {}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			inner := answer("fresh")
			c := New(dir, inner, testIdentity())
			c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
			p := c.path(Key(testIdentity(), testRequest()))
			if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tt.data), 0o600); err != nil {
				t.Fatal(err)
			}

			if resp := completeKeep(t, c, testRequest()); resp.Content != "fresh" || resp.Cached {
				t.Fatalf("corrupt entry: %+v; want a miss", resp)
			}
			resp, err := c.Complete(t.Context(), testRequest())
			if err != nil || resp.Content != "fresh" || !resp.Cached {
				t.Errorf("after the miss: %+v, %v; want the replaced entry", resp, err)
			}
			if got := inner.Calls(); got != 1 {
				t.Errorf("inner called %d times, want 1", got)
			}
		})
	}
}

func TestUnreadableEntryIsAMiss(t *testing.T) {
	// A folder where the entry should be can be neither read nor
	// replaced, whoever runs the test.
	dir := t.TempDir()
	inner := answer("fresh")
	c := New(dir, inner, testIdentity())
	var warned warnings
	c.Warn = warned.add
	if err := os.MkdirAll(c.path(Key(testIdentity(), testRequest())), 0o700); err != nil {
		t.Fatal(err)
	}
	if resp := completeKeep(t, c, testRequest()); resp.Content != "fresh" || resp.Cached {
		t.Fatalf("unreadable entry: %+v; want a miss", resp)
	}
	if warned.len() != 1 {
		t.Errorf("%d warnings, want 1 for the failed replacement", warned.len())
	}
	if files := cacheFiles(t, dir); len(files) != 0 {
		t.Errorf("left files behind: %v", keys(files))
	}
}

func TestInvalidUTF8IsNotCached(t *testing.T) {
	// A JSON file cannot hold these bytes, and a hit must not alter them.
	content := "{\"t\":\"\xff\xfe\"}"
	dir := t.TempDir()
	inner := answer(content)
	c := New(dir, inner, testIdentity())
	var warned warnings
	c.Warn = warned.add
	for i := range 2 {
		if resp := completeKeep(t, c, testRequest()); resp.Content != content || resp.Cached {
			t.Errorf("call %d: %+v; want the inner answer unchanged", i+1, resp)
		}
	}
	if inner.Calls() != 2 || warned.len() != 2 {
		t.Errorf("calls %d, warnings %d; want 2 and 2", inner.Calls(), warned.len())
	}
	if files := cacheFiles(t, dir); len(files) != 0 {
		t.Errorf("cached invalid UTF-8: %v", keys(files))
	}
}

// adapterConfig stands for the model adapter's settings: what the cache
// is given is built from it, and it holds a key.
type adapterConfig struct {
	BaseURL string
	APIKey  string
	Model   string
	Headers map[string]string
}

// keyedClient is an inner client that holds its key, as the real adapter
// does.
type keyedClient struct {
	cfg adapterConfig
}

func (k *keyedClient) Complete(_ context.Context, req llm.Request) (*llm.Response, error) {
	return &llm.Response{
		Content: `{"stage":"` + req.Stage + `"}`,
		Model:   k.cfg.Model + "-2025-01-01",
		Usage:   llm.Usage{PromptTokens: 10, CompletionTokens: 20},
	}, nil
}

func TestNoAPIKeyOnDisk(t *testing.T) {
	const secret = "sk-proj-SECRETkey0123456789abcdefABCDEF"
	cfg := adapterConfig{
		BaseURL: "https://models.example.com/v1",
		APIKey:  secret,
		Model:   "gpt-test",
		Headers: map[string]string{"Authorization": "Bearer " + secret, "OpenAI-Organization": "org-1"},
	}
	id := Identity{
		Endpoint: cfg.BaseURL,
		Model:    cfg.Model,
		Params:   map[string]string{"temperature": "0", "response_format": "json_schema"},
	}
	dir := t.TempDir()
	c := New(dir, &keyedClient{cfg: cfg}, id)
	c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
	for _, stage := range []string{"prd", "stories", "tech"} {
		req := testRequest()
		req.Stage = stage
		for range 2 {
			completeKeep(t, c, req)
		}
	}
	files := cacheFiles(t, dir)
	if len(files) != 3 {
		t.Fatalf("cache files = %v, want one per stage", keys(files))
	}
	for name, data := range files {
		for _, s := range []string{secret, "SECRETkey", "Bearer", cfg.BaseURL} {
			if strings.Contains(name, s) || bytes.Contains(data, []byte(s)) {
				t.Errorf("%s contains %q:\n%s", name, s, data)
			}
		}
	}
}
