package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
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

func testStatus(terminal bool, env map[string]string) (*Status, *bytes.Buffer) {
	var buf bytes.Buffer
	c := &clock{t: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), step: 700 * time.Millisecond}
	s := New(&buf, terminal, func(k string) string { return env[k] }, c.now)
	s.tick = 0 // redraw only when told, so the output is predictable
	return s, &buf
}

func TestStatusPlain(t *testing.T) {
	s, buf := testStatus(false, nil)
	s.Begin("stories", "asking gpt-4o-mini")
	s.Streamed(40)
	s.Printf("a warning\n")
	took := s.End()
	s.Printf("wrote docs/stories.md\n")
	want := "stories: asking gpt-4o-mini\na warning\nwrote docs/stories.md\n"
	if buf.String() != want {
		t.Errorf("output %q, want %q", buf.String(), want)
	}
	if took <= 0 {
		t.Errorf("End() = %v, want the stage's duration", took)
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
			s.Begin("stories", "asking gpt-4o-mini")
			s.Streamed(40)
			s.Streamed(2)
			s.Printf("a warning\n")
			s.End()
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
		s.SetQuiet(true)
		s.Begin("prd", "asking gpt-4o-mini")
		s.Streamed(3)
		s.End()
		if buf.Len() != 0 {
			t.Errorf("terminal=%v: --quiet printed %q", terminal, buf.String())
		}
	}
}

// Parallel requests report tokens at once; run with -race.
func TestStatusConcurrent(t *testing.T) {
	s, buf := testStatus(true, map[string]string{"NO_COLOR": "1"})
	s.tick = time.Millisecond
	s.Begin("stories", "asking gpt-4o-mini")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				s.Streamed(1)
			}
			s.Printf("chunk done\n")
		})
	}
	wg.Wait()
	s.End()
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
		if got := Elapsed(tt.d); got != tt.want {
			t.Errorf("Elapsed(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestTook(t *testing.T) {
	if got := Took(3249 * time.Millisecond); got != "in 3.2s" {
		t.Errorf("Took = %q, want %q", got, "in 3.2s")
	}
}

func TestObserver(t *testing.T) {
	s, buf := testStatus(false, nil)
	o := Observer{Status: s, Model: "gpt-4o-mini"}
	o.StageStarted("prd")
	o.Streamed("prd", 5)
	if s.End() <= 0 || buf.String() != "prd: asking gpt-4o-mini\n" {
		t.Errorf("output %q", buf.String())
	}
}

func TestColor(t *testing.T) {
	tests := []struct {
		terminal bool
		env      map[string]string
		want     bool
	}{
		{true, nil, true},
		{false, nil, false},
		{true, map[string]string{"NO_COLOR": "1"}, false},
		{true, map[string]string{"TERM": "dumb"}, false},
	}
	for _, tt := range tests {
		if got := Color(tt.terminal, func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("Color(%v, %v) = %v, want %v", tt.terminal, tt.env, got, tt.want)
		}
	}
}
