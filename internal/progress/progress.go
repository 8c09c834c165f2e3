// Package progress tells the user what prodgen is doing while it works.
//
// On a terminal a stage that asks a model gets one live line, redrawn in
// place: a spinner, the stage, the time since it started and the tokens
// streamed so far. Elsewhere (CI, a pipe, a file) the same stage gets one
// plain line when it starts and one when it ends, and nothing in between.
// Quiet prints neither. The package holds no process state: the stream,
// whether it is a terminal, the environment and the clock are given to New.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/prodgen/prodgen/internal/pipeline"
)

// Status is the progress display on one stream. Its methods are safe to
// call from several goroutines, since a stage's requests may run in
// parallel.
type Status struct {
	w     io.Writer
	live  bool // redraw a status line: the stream is a terminal
	color bool // the terminal may be coloured: NO_COLOR is unset
	now   func() time.Time
	// tick is how often the live line is redrawn while nothing arrives,
	// so the clock keeps moving; zero leaves redraws to the tokens.
	tick time.Duration

	mu      sync.Mutex
	quiet   bool
	stage   string // the stage running now; empty between stages
	detail  string // what the stage is doing, e.g. "asking gpt-4o-mini"
	start   time.Time
	tokens  int
	frame   int
	drawn   bool      // the live line is on the screen
	drawnAt time.Time // when it was last drawn
	stop    chan struct{}
}

// spinner frames, in the order drawn.
var spinner = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// New returns the display on w. terminal says whether w is a terminal;
// getenv reads TERM and NO_COLOR, which turn the live line and colour off;
// now tells the time, and nil stands for a clock that never moves.
func New(w io.Writer, terminal bool, getenv func(string) string, now func() time.Time) *Status {
	if now == nil {
		now = func() time.Time { return time.Time{} }
	}
	return &Status{
		w:     w,
		live:  Live(terminal, getenv),
		color: Color(terminal, getenv),
		now:   now,
		tick:  100 * time.Millisecond,
	}
}

// Live reports whether a terminal can show a live line: TERM is not dumb.
func Live(terminal bool, getenv func(string) string) bool {
	return terminal && getenv("TERM") != "dumb"
}

// Color reports whether output to a terminal may be coloured: a live one
// with NO_COLOR unset.
func Color(terminal bool, getenv func(string) string) bool {
	return Live(terminal, getenv) && getenv("NO_COLOR") == ""
}

// SetQuiet turns stage lines off (--quiet) or on.
func (s *Status) SetQuiet(quiet bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quiet = quiet
}

// Begin starts a stage: a live line on a terminal, else a plain line.
func (s *Status) Begin(stage, detail string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stage, s.detail, s.start, s.tokens, s.frame = stage, detail, s.now(), 0, 0
	if s.quiet {
		return
	}
	if !s.live {
		fmt.Fprintf(s.w, "%s: %s\n", stage, detail)
		return
	}
	s.draw()
	if s.tick > 0 {
		s.stop = make(chan struct{})
		go s.redraw(s.stop)
	}
}

// Streamed counts tokens of an answer as they arrive.
func (s *Status) Streamed(tokens int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens += tokens
	// Redraw as tokens arrive, but not for every one: a fast local model
	// streams far more tokens a second than a terminal should repaint.
	if s.live && !s.quiet && s.stage != "" && s.now().Sub(s.drawnAt) >= 50*time.Millisecond {
		s.draw()
	}
}

// End finishes the running stage and says how long it took; zero when no
// stage was running.
func (s *Status) End() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stage == "" {
		return 0
	}
	if s.stop != nil {
		close(s.stop)
		s.stop = nil
	}
	s.clear()
	s.stage = ""
	return s.now().Sub(s.start)
}

// Printf prints a message on its own line, above the live line if one is
// shown. It prints even when quiet; callers decide what is quiet.
func (s *Status) Printf(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clear()
	fmt.Fprintf(s.w, format, args...)
	if s.stage != "" && s.live && !s.quiet {
		s.draw()
	}
}

// redraw keeps the live line's clock and spinner moving until stop closes.
func (s *Status) redraw(stop chan struct{}) {
	t := time.NewTicker(s.tick)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			s.mu.Lock()
			// A stage that ended and another that began since the tick
			// fired have their own goroutine.
			if s.stop == stop {
				s.frame++
				s.draw()
			}
			s.mu.Unlock()
		}
	}
}

// draw writes the live line. s.mu is held.
func (s *Status) draw() {
	elapsed := s.now().Sub(s.start).Truncate(100 * time.Millisecond)
	frame := spinner[s.frame%len(spinner)]
	if s.color {
		frame = "\x1b[36m" + frame + "\x1b[0m"
	}
	line := fmt.Sprintf("%s %s: %s · %s", frame, s.stage, s.detail, Elapsed(elapsed))
	if s.tokens > 0 {
		line += fmt.Sprintf(" · %d tokens received", s.tokens)
	}
	fmt.Fprint(s.w, "\r\x1b[K"+line)
	s.drawn, s.drawnAt = true, s.now()
}

// clear removes the live line, so the next output starts on a clean line.
// s.mu is held.
func (s *Status) clear() {
	if s.drawn {
		fmt.Fprint(s.w, "\r\x1b[K")
		s.drawn = false
	}
}

// Elapsed shows a duration the way a person reads a stopwatch: 0.4s,
// 12.3s, 2m05s.
func Elapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	m := int(d / time.Minute)
	sec := int((d % time.Minute) / time.Second)
	return fmt.Sprintf("%dm%02ds", m, sec)
}

// Took is a duration for a summary line: "in 3.2s".
func Took(d time.Duration) string {
	return "in " + Elapsed(d.Truncate(100*time.Millisecond))
}

// Observer shows what a pipeline run does on a Status: a live line while
// a model answers, "wrote" lines, and detail when Verbose.
type Observer struct {
	Status  *Status
	Model   string // named while a stage waits: "asking gpt-4o-mini"
	Verbose bool
}

var _ pipeline.Observer = Observer{}

// StageStarted begins the stage's line.
func (o Observer) StageStarted(stage string) { o.Status.Begin(stage, "asking "+o.Model) }

// Streamed counts the tokens received.
func (o Observer) Streamed(_ string, tokens int) { o.Status.Streamed(tokens) }

// Wrote ends the live line and says what was written; for a model's
// output also what it cost and how long it took.
func (o Observer) Wrote(path, summary string, u pipeline.Usage) {
	took := o.Status.End()
	if u.Provider == "openai" {
		o.Infof("wrote %s (%s; %s) %s\n", path, summary, usageLine(u), Took(took))
		return
	}
	o.Infof("wrote %s (%s)\n", path, summary)
}

// Debugf prints detail with Verbose.
func (o Observer) Debugf(format string, args ...any) {
	if o.Verbose {
		o.Status.Printf(format, args...)
	}
}

// Infof prints progress unless the Status is quiet.
func (o Observer) Infof(format string, args ...any) {
	o.Status.mu.Lock()
	quiet := o.Status.quiet
	o.Status.mu.Unlock()
	if !quiet {
		o.Status.Printf(format, args...)
	}
}

// Warnf prints what a person must see, even when quiet.
func (o Observer) Warnf(format string, args ...any) { o.Status.Printf(format, args...) }

// usageLine describes what a stage cost, for the "wrote" line.
func usageLine(u pipeline.Usage) string {
	switch {
	case u.Cached:
		return fmt.Sprintf("%s, from the cache", u.Model)
	case u.Requests > 1:
		return fmt.Sprintf("%s, %d requests, %d prompt + %d completion tokens", u.Model, u.Requests, u.Tokens.PromptTokens, u.Tokens.CompletionTokens)
	}
	return fmt.Sprintf("%s, %d prompt + %d completion tokens", u.Model, u.Tokens.PromptTokens, u.Tokens.CompletionTokens)
}
