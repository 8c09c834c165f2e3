package cache

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

// fakeClient is an inner llm.Client that counts its calls and answers
// with resp or err.
type fakeClient struct {
	resp *llm.Response
	err  error
	// hold, when set, runs inside every call before it answers.
	hold func()

	mu    sync.Mutex
	calls int
}

func (f *fakeClient) Complete(_ context.Context, _ llm.Request) (*llm.Response, error) {
	f.mu.Lock()
	f.calls++
	f.mu.Unlock()
	if f.hold != nil {
		f.hold()
	}
	if f.err != nil {
		return nil, f.err
	}
	r := *f.resp
	return &r, nil
}

// Calls returns how many times Complete was called.
func (f *fakeClient) Calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

// answer returns a fake that always answers content.
func answer(content string) *fakeClient {
	return &fakeClient{resp: &llm.Response{
		Content: content,
		Model:   "gpt-test-2025",
		Usage:   llm.Usage{PromptTokens: 120, CompletionTokens: 45},
	}}
}

// completeKeep asks c for req and keeps an answer that did not come from
// the cache, as a caller does with an answer that passed its checks.
func completeKeep(t *testing.T, c *Client, req llm.Request) *llm.Response {
	t.Helper()
	resp, err := c.Complete(t.Context(), req)
	if err != nil {
		t.Fatalf("complete: %v", err)
	}
	if !resp.Cached {
		c.Keep(req, resp)
	}
	return resp
}

// testIdentity is an endpoint's identity used across the tests.
func testIdentity() Identity {
	return Identity{
		Endpoint: "http://127.0.0.1:8080/v1",
		Model:    "gpt-test",
		Params:   map[string]string{"temperature": "0.2", "max_tokens": "4096"},
	}
}

// testRequest is a PRD request used across the tests.
func testRequest() llm.Request {
	return llm.Request{
		Stage: "prd",
		Messages: []llm.Message{
			{Role: llm.RoleSystem, Content: "You write product requirement documents."},
			{Role: llm.RoleUser, Content: "# Brief\n\nA tool that turns briefs into PRDs."},
		},
		Schema: &llm.Schema{Name: "prd", JSON: []byte(`{"type":"object"}`)},
	}
}

// cacheFiles returns the files under dir, by path relative to dir.
func cacheFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatalf("walk cache: %v", err)
	}
	return files
}

// warnings collects what a Client warns about.
type warnings struct {
	mu   sync.Mutex
	errs []error
}

func (w *warnings) add(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.errs = append(w.errs, err)
}

func (w *warnings) len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.errs)
}
