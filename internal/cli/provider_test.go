package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// requests_per_minute reaches the model client: requests made at once
// start spaced out. Only a lower bound on the spacing is checked.
func TestEngineRequestsPerMinute(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: `{}`})
	f := &factory{deps: Deps{Getenv: func(string) string { return "" }, Now: time.Now, Dir: t.TempDir()}}
	f.flags.noCache = true
	cfg := &config.Config{Provider: "openai", BaseURL: srv.URL, APIKey: "sk-test", Model: "m", APIType: "openai",
		ResponseFormat: "json_object", Timeout: time.Minute, IdleTimeout: time.Minute, RequestsPerMinute: 300}
	client, err := f.client(cfg)
	if err != nil {
		t.Fatal(err)
	}
	req := llm.Request{Stage: "prd", Messages: []llm.Message{{Role: llm.RoleUser, Content: "hi"}}}
	errs := make(chan error, 3)
	for range 3 {
		go func() {
			_, err := client.Complete(t.Context(), req)
			errs <- err
		}()
	}
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	got := srv.Requests()
	if len(got) != 3 {
		t.Fatalf("%d requests, want 3", len(got))
	}
	// 300 a minute is one every 200 ms: the third starts at least 400 ms
	// after the first (checked loosely: a loaded machine delays the first request).
	first, last := got[0].Received, got[0].Received
	for _, r := range got {
		if r.Received.Before(first) {
			first = r.Received
		}
		if r.Received.After(last) {
			last = r.Received
		}
	}
	if gap := last.Sub(first); gap < 200*time.Millisecond {
		t.Errorf("3 requests at 300 a minute arrived within %v, want them spread over at least 400ms", gap)
	}
}

// The model engine is handed the response cache itself (an llm.Keeper),
// whatever wraps the adapter inside it, so it can tell the cache which
// answers validated; with --no-cache there is nothing to tell.
func TestClientKeeps(t *testing.T) {
	tests := []struct {
		name    string
		noCache bool
		rpm     int
		want    bool
	}{
		{name: "cache", want: true},
		{name: "cache around the rate limit", rpm: 60, want: true},
		{name: "no cache", noCache: true, rpm: 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &factory{deps: Deps{Getenv: func(string) string { return "" }, Now: time.Now, Dir: t.TempDir()}}
			f.flags.noCache = tt.noCache
			cfg := &config.Config{Provider: "openai", BaseURL: "http://127.0.0.1:1/v1", APIKey: "sk-test", Model: "m", APIType: "openai",
				ResponseFormat: "json_object", Timeout: time.Minute, IdleTimeout: time.Minute, RequestsPerMinute: tt.rpm, CacheDir: t.TempDir()}
			client, err := f.client(cfg)
			if err != nil {
				t.Fatal(err)
			}
			if _, got := client.(llm.Keeper); got != tt.want {
				t.Errorf("the client (%T) is a Keeper: %v, want %v", client, got, tt.want)
			}
		})
	}
}

// A key with a line break inside is refused before any request: exit 4,
// naming the variable it came from and never the key. One with a line
// break at its end is trimmed and sent.
func TestMalformedKey(t *testing.T) {
	srv := llmtest.New(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "brief.md"), []byte("# Tiny\n\n## Features\n\n- Export check-ins as CSV.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": "sk-abc\n0123456789"}
	var out, errOut bytes.Buffer
	deps := Deps{IO: IO{In: strings.NewReader(""), Out: &out, Err: &errOut}, Dir: dir, Getenv: func(k string) string { return env[k] }}
	code := Main(t.Context(), []string{"prd", "--no-cache"}, deps)
	if code != ExitCredentials {
		t.Errorf("exit code %d, want %d (stderr %q)", code, ExitCredentials, errOut.String())
	}
	msg := errOut.String()
	if !strings.Contains(msg, "OPENAI_API_KEY: api_key: the API key holds a control character") || strings.Contains(msg, "0123456789") {
		t.Errorf("stderr %q does not name OPENAI_API_KEY, or shows the key", msg)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent with a malformed key", n)
	}

	env["OPENAI_API_KEY"] = "sk-abc0123456789\n"
	Main(t.Context(), []string{"prd", "--no-cache"}, deps)
	reqs := srv.Requests()
	if len(reqs) == 0 {
		t.Fatalf("no request sent with a key that ends in a line break (stderr %q)", errOut.String())
	}
	if got := reqs[0].Header.Get("Authorization"); got != "Bearer sk-abc0123456789" {
		t.Errorf("sent Authorization %q, want the trimmed key", got)
	}
}
