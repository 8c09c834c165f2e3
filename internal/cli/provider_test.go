package cli

import (
	"bytes"
	"fmt"
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

// With --verbose the model client's retries and answers from the cache
// are printed on stderr, the key cut out; without it, none is.
func TestClientVerbose(t *testing.T) {
	const key = "sk-verbose-0123456789"
	for _, verbose := range []bool{true, false} {
		t.Run(fmt.Sprintf("verbose=%v", verbose), func(t *testing.T) {
			srv := llmtest.New(t, llmtest.Reply{Status: 500, ErrorMessage: "boom", EchoAuth: true}, llmtest.Reply{Content: `{}`})
			var stderr bytes.Buffer
			deps := Deps{IO: IO{Err: &stderr}, Getenv: func(string) string { return "" }, Now: time.Now, Dir: t.TempDir()}
			f := &factory{deps: deps, status: newStatus(deps, false)}
			f.flags.verbose = verbose
			cfg := &config.Config{Provider: "openai", BaseURL: srv.URL, APIKey: key, Model: "m", APIType: "openai",
				ResponseFormat: "json_object", Timeout: time.Minute, IdleTimeout: time.Minute, MaxRetries: 1,
				CacheDir: t.TempDir()}
			client, err := f.client(cfg)
			if err != nil {
				t.Fatal(err)
			}
			// The first call is retried, the second answered from the cache.
			// (The rate limit's wait is in testdata/script/verbose.txtar:
			// here the retry's random backoff would decide whether it came.)
			req := llm.Request{Stage: "prd", Messages: []llm.Message{{Role: llm.RoleUser, Content: "hi"}}}
			for range 2 {
				resp, err := client.Complete(t.Context(), req)
				if err != nil {
					t.Fatal(err)
				}
				client.(llm.Keeper).Keep(req, resp)
			}
			got := stderr.String()
			if strings.Contains(got, key) {
				t.Errorf("stderr shows the key:\n%s", got)
			}
			wants := []string{
				"prd: attempt 1 failed: model endpoint answered 500: boom (you sent Authorization: Bearer [redacted]); retry 1 of 1 in ",
				"prd: answer from the response cache (",
			}
			for _, want := range wants {
				if strings.Contains(got, want) != verbose {
					t.Errorf("stderr has %q: %v, want %v; stderr:\n%s", want, !verbose, verbose, got)
				}
			}
			if !verbose && got != "" {
				t.Errorf("without --verbose stderr is %q, want nothing", got)
			}
		})
	}
}

// The CLI cuts the key out of the model client's lines again, whatever
// produced them.
func TestModelLogRedacts(t *testing.T) {
	var stderr bytes.Buffer
	deps := Deps{IO: IO{Err: &stderr}, Getenv: func(string) string { return "" }}
	f := &factory{deps: deps, status: newStatus(deps, false)}
	if f.modelLog("sk-x") != nil {
		t.Error("modelLog without --verbose is not nil")
	}
	f.flags.verbose = true
	f.modelLog("sk-secret")("prd: the key sk-secret leaked")
	if got, want := stderr.String(), "prd: the key [redacted] leaked\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
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
