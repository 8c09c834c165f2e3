package cache

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/prodgen/prodgen/internal/llm"
)

func TestMissThenHit(t *testing.T) {
	dir := t.TempDir()
	inner := answer(`{"title":"Brief to PRD"}`)
	c := New(dir, inner, testIdentity())
	c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }

	first, err := c.Complete(t.Context(), testRequest())
	if err != nil {
		t.Fatalf("miss: %v", err)
	}
	if first.Cached {
		t.Error("miss: Cached = true, want false")
	}
	second, err := c.Complete(t.Context(), testRequest())
	if err != nil {
		t.Fatalf("hit: %v", err)
	}
	if got := inner.Calls(); got != 1 {
		t.Errorf("inner called %d times, want 1", got)
	}
	want := llm.Response{
		Content: `{"title":"Brief to PRD"}`,
		Model:   "gpt-test-2025",
		Usage:   llm.Usage{PromptTokens: 120, CompletionTokens: 45},
		Cached:  true,
	}
	if *second != want {
		t.Errorf("hit = %+v, want %+v", *second, want)
	}

	// A new Client over the same folder, as in the next run, hits too.
	again, err := New(dir, inner, testIdentity()).Complete(t.Context(), testRequest())
	if err != nil || !again.Cached || inner.Calls() != 1 {
		t.Errorf("next run: cached=%v err=%v calls=%d, want a hit", again != nil && again.Cached, err, inner.Calls())
	}
}

func TestEntryLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "prodgen")
	c := New(dir, answer(`{"a":1}`), testIdentity())
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Fatal(err)
	}
	key := Key(testIdentity(), testRequest())
	files := cacheFiles(t, dir)
	name := key[:2] + "/" + key + ".json"
	if len(files) != 1 || files[name] == nil {
		t.Fatalf("cache files = %v, want only %s", keys(files), name)
	}
	var e map[string]any
	if err := json.Unmarshal(files[name], &e); err != nil {
		t.Fatalf("entry is not JSON: %v", err)
	}
	for _, field := range []string{"version", "model", "content", "usage"} {
		if _, ok := e[field]; !ok {
			t.Errorf("entry has no %q: %s", field, files[name])
		}
	}
	if len(e) != 4 {
		t.Errorf("entry has fields %v, want only version, model, content, usage", keys(e))
	}

	if runtime.GOOS == "windows" {
		return // no Unix permissions
	}
	for _, p := range []struct {
		path string
		mode os.FileMode
	}{
		{dir, 0o700},
		{filepath.Join(dir, key[:2]), 0o700},
		{filepath.Join(dir, key[:2], key+".json"), 0o600},
	} {
		fi, err := os.Stat(p.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != p.mode {
			t.Errorf("%s: mode %v, want %v", p.path, got, p.mode)
		}
	}
}

func TestByteIdenticalContent(t *testing.T) {
	tests := []struct {
		name    string
		content string
	}{
		{"plain JSON", `{"title":"x"}`},
		{"HTML characters", `{"t":"<b>a & b</b>"}`},
		{"escapes kept as written", `{"t":"\u00e9\n\"q\"","u":"\/"}`},
		{"whitespace", "  {\r\n\t\"a\" : 1 }\n\n"},
		{"non-ASCII", "{\"t\":\"café — 数据 🚀\"}"},
		{"line and paragraph separators", "{\"t\":\"a\u2028b\u2029c\"}"},
		{"control characters", "{\"t\":\"\x00\x01\x7f\"}"},
		{"empty", ""},
		{"not JSON at all", "Sure! Here is your PRD:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inner := answer(tt.content)
			c := New(t.TempDir(), inner, testIdentity())
			c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
			for i, want := range []bool{false, true} {
				resp, err := c.Complete(t.Context(), testRequest())
				if err != nil {
					t.Fatalf("call %d: %v", i+1, err)
				}
				if resp.Content != tt.content {
					t.Errorf("call %d: content %q, want %q", i+1, resp.Content, tt.content)
				}
				if resp.Cached != want {
					t.Errorf("call %d: Cached = %v, want %v", i+1, resp.Cached, want)
				}
			}
		})
	}
}

func TestBypass(t *testing.T) {
	dir := t.TempDir()
	// An entry that Bypass must neither read nor replace.
	if _, err := New(dir, answer("cached"), testIdentity()).Complete(t.Context(), testRequest()); err != nil {
		t.Fatal(err)
	}
	before := cacheFiles(t, dir)

	inner := answer("fresh")
	c := New(dir, inner, testIdentity())
	c.Bypass = true
	for i := range 2 {
		resp, err := c.Complete(t.Context(), testRequest())
		if err != nil {
			t.Fatal(err)
		}
		if resp.Content != "fresh" || resp.Cached {
			t.Errorf("call %d: content %q cached %v, want the inner answer", i+1, resp.Content, resp.Cached)
		}
	}
	if got := inner.Calls(); got != 2 {
		t.Errorf("inner called %d times, want 2", got)
	}
	other := testRequest()
	other.Stage = "tech"
	if _, err := c.Complete(t.Context(), other); err != nil {
		t.Fatal(err)
	}
	after := cacheFiles(t, dir)
	if len(after) != len(before) {
		t.Errorf("Bypass wrote files: before %v, after %v", keys(before), keys(after))
	}
	for name, data := range before {
		if string(after[name]) != string(data) {
			t.Errorf("Bypass changed %s", name)
		}
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	apiErr := &llm.APIError{StatusCode: 429, Message: "rate limited"}
	tests := []struct {
		name string
		err  error
	}{
		{"API error", apiErr},
		{"incomplete answer", &llm.IncompleteError{Reason: "length"}},
		{"cancelled", context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			inner := &fakeClient{err: tt.err}
			c := New(dir, inner, testIdentity())
			resp, err := c.Complete(t.Context(), testRequest())
			if err != tt.err {
				t.Errorf("error = %v, want the inner error unchanged", err)
			}
			if resp != nil {
				t.Errorf("response = %+v, want nil", resp)
			}
			if files := cacheFiles(t, dir); len(files) != 0 {
				t.Errorf("an error was cached: %v", keys(files))
			}

			inner.err, inner.resp = nil, &llm.Response{Content: "ok"}
			resp, err = c.Complete(t.Context(), testRequest())
			if err != nil || resp.Content != "ok" || resp.Cached {
				t.Errorf("after the error: %+v, %v; want a fresh answer", resp, err)
			}
			if got := inner.Calls(); got != 2 {
				t.Errorf("inner called %d times, want 2", got)
			}
		})
	}
}

func TestCancelledContext(t *testing.T) {
	dir := t.TempDir()
	inner := answer("x")
	if _, err := New(dir, inner, testIdentity()).Complete(t.Context(), testRequest()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := New(dir, inner, testIdentity()).Complete(ctx, testRequest())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled even on a hit", err)
	}
}

func TestWriteFailureStillAnswers(t *testing.T) {
	// A file where the cache folder should be makes every write fail,
	// whoever runs the test.
	dir := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	inner := answer("answer")
	c := New(dir, inner, testIdentity())
	var warned warnings
	c.Warn = warned.add

	for i := range 2 {
		resp, err := c.Complete(t.Context(), testRequest())
		if err != nil || resp.Content != "answer" || resp.Cached {
			t.Fatalf("call %d: %+v, %v; want the inner answer", i+1, resp, err)
		}
	}
	if warned.len() != 2 {
		t.Errorf("%d warnings, want one per failed write", warned.len())
	}
	for _, err := range warned.errs {
		if !strings.HasPrefix(err.Error(), "write cache entry: ") {
			t.Errorf("warning %q does not say what failed", err)
		}
	}
	// Without Warn a failure is silent and still not an error.
	c.Warn = nil
	if _, err := c.Complete(t.Context(), testRequest()); err != nil {
		t.Errorf("without Warn: %v", err)
	}
}

func TestConcurrentSameRequest(t *testing.T) {
	const n = 8
	dir := t.TempDir()
	var entered sync.WaitGroup
	entered.Add(n)
	release := make(chan struct{})
	inner := answer(`{"title":"concurrent"}`)
	// Every call waits until all have missed, so all write at once.
	inner.hold = func() {
		entered.Done()
		<-release
	}
	c := New(dir, inner, testIdentity())
	var warned warnings
	c.Warn = warned.add

	var done sync.WaitGroup
	resps := make([]*llm.Response, n)
	errs := make([]error, n)
	for i := range n {
		done.Go(func() {
			resps[i], errs[i] = c.Complete(t.Context(), testRequest())
		})
	}
	entered.Wait()
	close(release)
	done.Wait()

	for i := range n {
		if errs[i] != nil || resps[i].Content != `{"title":"concurrent"}` {
			t.Errorf("call %d: %+v, %v", i, resps[i], errs[i])
		}
	}
	if warned.len() != 0 {
		t.Errorf("warnings: %v", warned.errs)
	}
	files := cacheFiles(t, dir)
	if len(files) != 1 {
		t.Errorf("cache files = %v, want one entry and no temporary files", keys(files))
	}
	inner.hold = nil
	resp, err := New(dir, inner, testIdentity()).Complete(t.Context(), testRequest())
	if err != nil || !resp.Cached || resp.Content != `{"title":"concurrent"}` {
		t.Errorf("after the race: %+v, %v; want a valid entry", resp, err)
	}
}

// keys returns m's keys, for messages.
func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
