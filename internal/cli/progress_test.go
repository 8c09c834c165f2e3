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

func testStatus(terminal bool, env map[string]string) (*status, *bytes.Buffer) {
	var buf bytes.Buffer
	c := &clock{t: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), step: 700 * time.Millisecond}
	d := Deps{IO: IO{Err: &buf, ErrIsTerminal: terminal}, Getenv: func(k string) string { return env[k] }, Now: c.now}
	s := newStatus(d, false)
	s.tick = 0 // redraw only when told, so the output is predictable
	return s, &buf
}

func TestStatusPlain(t *testing.T) {
	s, buf := testStatus(false, nil)
	s.begin("stories", "asking gpt-4o-mini")
	s.streamed(40)
	s.printf("a warning\n")
	took := s.end()
	s.printf("wrote docs/stories.md\n")
	want := "stories: asking gpt-4o-mini\na warning\nwrote docs/stories.md\n"
	if buf.String() != want {
		t.Errorf("output %q, want %q", buf.String(), want)
	}
	if took <= 0 {
		t.Errorf("end() = %v, want the stage's duration", took)
	}
}

func TestStatusTerminal(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		wantColor bool
	}{
		{"colour", nil, true},
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, false},
		{"dumb terminal", map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, buf := testStatus(true, tt.env)
			s.begin("stories", "asking gpt-4o-mini")
			s.streamed(40)
			s.streamed(2)
			s.printf("a warning\n")
			s.end()
			got := buf.String()
			if tt.name == "dumb terminal" {
				if got != "stories: asking gpt-4o-mini\na warning\n" {
					t.Errorf("a dumb terminal got %q, want plain lines", got)
				}
				return
			}
			for _, want := range []string{"stories: asking gpt-4o-mini · ", "s · 42 tokens received", "\r\x1b[Ka warning\n"} {
				if !strings.Contains(got, want) {
					t.Errorf("output %q lacks %q", got, want)
				}
			}
			if !strings.HasSuffix(got, "\r\x1b[K") {
				t.Errorf("output %q does not clear the status line at the end", got)
			}
			if hasColor := strings.Contains(got, "\x1b[36m"); hasColor != tt.wantColor {
				t.Errorf("colour in %q: %v, want %v", got, hasColor, tt.wantColor)
			}
		})
	}
}

func TestStatusQuiet(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		s, buf := testStatus(terminal, nil)
		s.quiet = true
		s.begin("prd", "asking gpt-4o-mini")
		s.streamed(3)
		s.end()
		if buf.Len() != 0 {
			t.Errorf("terminal=%v: --quiet printed %q", terminal, buf.String())
		}
	}
}

// Parallel requests report tokens at once; run with -race.
func TestStatusConcurrent(t *testing.T) {
	s, buf := testStatus(true, map[string]string{"NO_COLOR": "1"})
	s.tick = time.Millisecond
	s.begin("stories", "asking gpt-4o-mini")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				s.streamed(1)
			}
			s.printf("chunk done\n")
		})
	}
	wg.Wait()
	s.end()
	if n := strings.Count(buf.String(), "chunk done\n"); n != 8 {
		t.Errorf("%d messages, want 8", n)
	}
	if s.tokens != 800 {
		t.Errorf("counted %d tokens, want 800", s.tokens)
	}
}

func TestFormatElapsed(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{400 * time.Millisecond, "0.4s"},
		{12300 * time.Millisecond, "12.3s"},
		{125 * time.Second, "2m05s"},
	}
	for _, tt := range tests {
		if got := formatElapsed(tt.d); got != tt.want {
			t.Errorf("formatElapsed(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
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
	`"functional":[{"id":"","text":"The system must export check-ins as CSV.","priority":""}],` +
	`"non_functional":[],"in_scope":["Export"],"out_of_scope":[],` +
	`"metrics":[],"assumptions":[],"open_questions":[]}`
