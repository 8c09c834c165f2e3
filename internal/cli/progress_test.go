package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// clock is a fake time that moves on by step each time it is read.
type clock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

// On a terminal, a model stage shows a live line with the stage, the time
// and the tokens so far, then the summary; stdout stays empty.
func TestProgressOnTerminal(t *testing.T) {
	srv := llmtest.New(t, llmtest.Reply{Content: tinyPRD, Chunks: 12, ChunkDelay: 5 * time.Millisecond,
		Usage: &llmtest.Usage{PromptTokens: 50, CompletionTokens: 12, TotalTokens: 62}})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "brief.md"), []byte("# Tiny\n\n## Features\n\n- Export check-ins as CSV.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"OPENAI_BASE_URL": srv.URL, "OPENAI_API_KEY": "sk-test", "XDG_CACHE_HOME": t.TempDir()}
	var out, errOut bytes.Buffer
	c := &clock{t: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), step: 100 * time.Millisecond}
	deps := Deps{IO: IO{Out: &out, Err: &errOut, ErrIsTerminal: true}, Dir: dir, Now: c.now,
		Getenv: func(k string) string { return env[k] }}
	if code := Main(t.Context(), []string{"prd"}, deps); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, errOut.String())
	}
	got := errOut.String()
	for _, want := range []string{"prd: asking gpt-4o-mini · ", "tokens received", "\r\x1b[Kwrote docs/prd.md (", ") in "} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr %q lacks %q", got, want)
		}
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", out.String())
	}
}

const tinyPRD = `{"title":"Tiny","summary":"Exports check-ins.","problem":"Data is locked in.",` +
	`"goals":[{"id":"","text":"Users export their data in one step."}],` +
	`"personas":[{"name":"Member","description":"Checks in daily."}],` +
	`"functional":[{"id":"","text":"The system must export check-ins as CSV.","priority":"","source":{"start":5,"end":5}}],` +
	`"non_functional":[],"in_scope":["Export"],"out_of_scope":[],` +
	`"metrics":[],"assumptions":[],"open_questions":[]}`
