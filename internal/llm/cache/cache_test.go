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

	if first := completeKeep(t, c, testRequest()); first.Cached {
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

// Complete never writes: an answer is cached only when it is kept, so an
// answer its caller found bad is asked for again.
func TestCompleteDoesNotWrite(t *testing.T) {
	dir := t.TempDir()
	inner := answer(`{"title":"unchecked"}`)
	c := New(dir, inner, testIdentity())
	for i := range 2 {
		resp, err := c.Complete(t.Context(), testRequest())
		if err != nil || resp.Cached {
			t.Errorf("call %d: %+v, %v; want the inner answer", i+1, resp, err)
		}
	}
	if got := inner.Calls(); got != 2 {
		t.Errorf("inner called %d times, want 2", got)
	}
	if files := cacheFiles(t, dir); len(files) != 0 {
		t.Errorf("Complete wrote %v", keys(files))
	}
}

func TestKeep(t *testing.T) {
	dir := t.TempDir()
	inner := answer("asked")
	c := New(dir, inner, testIdentity())
	c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }

	// What is kept is what a later Complete answers, whatever the inner
	// client would say; keeping again replaces it.
	for _, content := range []string{"first", "second"} {
		kept := &llm.Response{Content: content, Model: "m", Usage: llm.Usage{PromptTokens: 3}}
		c.Keep(testRequest(), kept)
		resp, err := c.Complete(t.Context(), testRequest())
		if err != nil {
			t.Fatal(err)
		}
		want := *kept
		want.Cached = true
		if *resp != want {
			t.Errorf("after keeping %q: %+v, want %+v", content, *resp, want)
		}
	}
	if got := inner.Calls(); got != 0 {
		t.Errorf("inner called %d times, want 0", got)
	}
	// Another request is not answered with it.
	other := testRequest()
	other.Stage = "tech"
	if resp, err := c.Complete(t.Context(), other); err != nil || resp.Cached || resp.Content != "asked" {
		t.Errorf("another request: %+v, %v; want the inner answer", resp, err)
	}
	c.Keep(testRequest(), nil) // nothing to keep, and no panic
}

func TestForget(t *testing.T) {
	dir := t.TempDir()
	inner := answer("fresh")
	c := New(dir, inner, testIdentity())
	c.Warn = func(err error) { t.Errorf("unexpected warning: %v", err) }
	other := testRequest()
	other.Stage = "tech"
	c.Keep(testRequest(), &llm.Response{Content: "bad"})
	c.Keep(other, &llm.Response{Content: "other"})

	c.Forget(testRequest())
	resp, err := c.Complete(t.Context(), testRequest())
	if err != nil || resp.Cached || resp.Content != "fresh" {
		t.Errorf("after Forget: %+v, %v; want the inner answer", resp, err)
	}
	if resp, err := c.Complete(t.Context(), other); err != nil || !resp.Cached || resp.Content != "other" {
		t.Errorf("another request after Forget: %+v, %v; want its entry", resp, err)
	}
	if files := cacheFiles(t, dir); len(files) != 1 {
		t.Errorf("cache files = %v, want only the other request's", keys(files))
	}
	// Forgetting what is not cached is no failure.
	c.Forget(testRequest())
	New(filepath.Join(dir, "none"), inner, testIdentity()).Forget(testRequest())
}

func TestForgetFailureIsAWarning(t *testing.T) {
	// A folder with a file in it where the entry should be cannot be
	// removed, whoever runs the test.
	dir := t.TempDir()
	c := New(dir, answer("fresh"), testIdentity())
	var warned warnings
	c.Warn = warned.add
	p := c.path(Key(testIdentity(), testRequest()))
	if err := os.MkdirAll(p, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p, "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	c.Forget(testRequest())
	if warned.len() != 1 || !strings.HasPrefix(warned.errs[0].Error(), "remove cache entry: ") {
		t.Errorf("warnings %v, want one saying the entry could not be removed", warned.errs)
	}
}

func TestEntryLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "prodgen")
	c := New(dir, answer(`{"a":1}`), testIdentity())
	completeKeep(t, c, testRequest())
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
				resp := completeKeep(t, c, testRequest())
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
	// An entry that Bypass must neither read, replace nor remove.
	completeKeep(t, New(dir, answer("cached"), testIdentity()), testRequest())
	before := cacheFiles(t, dir)

	inner := answer("fresh")
	c := New(dir, inner, testIdentity())
	c.Bypass = true
	for i := range 2 {
		resp := completeKeep(t, c, testRequest())
		if resp.Content != "fresh" || resp.Cached {
			t.Errorf("call %d: content %q cached %v, want the inner answer", i+1, resp.Content, resp.Cached)
		}
	}
	if got := inner.Calls(); got != 2 {
		t.Errorf("inner called %d times, want 2", got)
	}
	other := testRequest()
	other.Stage = "tech"
	completeKeep(t, c, other)
	c.Forget(testRequest())
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
	completeKeep(t, New(dir, inner, testIdentity()), testRequest())
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := New(dir, inner, testIdentity()).Complete(ctx, testRequest())
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled even on a hit", err)
	}
}

func TestWriteFailureIsAWarning(t *testing.T) {
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
		if resp := completeKeep(t, c, testRequest()); resp.Content != "answer" || resp.Cached {
			t.Fatalf("call %d: %+v; want the inner answer", i+1, resp)
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
	// Without Warn a failure is silent.
	c.Warn = nil
	completeKeep(t, c, testRequest())
}

func TestConcurrentSameRequest(t *testing.T) {
	const n = 8
	dir := t.TempDir()
	var entered sync.WaitGroup
	entered.Add(n)
	release := make(chan struct{})
	inner := answer(`{"title":"concurrent"}`)
	// Every call waits until all have missed, so all keep at once.
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
			if errs[i] == nil {
				c.Keep(testRequest(), resps[i])
			}
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

// Keeping, reading and forgetting one entry at once: every read is a miss
// or the whole entry, and nothing fails or is left behind.
func TestConcurrentKeepAndForget(t *testing.T) {
	const n, rounds = 8, 20
	dir := t.TempDir()
	want := &llm.Response{Content: `{"title":"kept"}`, Model: "gpt-test-2025"}
	inner := answer(want.Content)
	c := New(dir, inner, testIdentity())
	var warned warnings
	c.Warn = warned.add

	var done sync.WaitGroup
	for i := range n {
		done.Go(func() {
			for range rounds {
				resp, err := c.Complete(t.Context(), testRequest())
				if err != nil || resp.Content != want.Content {
					t.Errorf("read: %+v, %v; want a miss or the whole entry", resp, err)
					return
				}
				if i%2 == 0 {
					c.Keep(testRequest(), want)
				} else {
					c.Forget(testRequest())
				}
			}
		})
	}
	done.Wait()
	if warned.len() != 0 {
		t.Errorf("warnings: %v", warned.errs)
	}
	for name := range cacheFiles(t, dir) {
		if strings.HasSuffix(name, ".tmp") {
			t.Errorf("left a temporary file: %s", name)
		}
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
