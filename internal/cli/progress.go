package cli

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// status is what prodgen tells the user on stderr while it works.
//
// On a terminal a stage that asks a model gets one live line, redrawn in
// place: a spinner, the stage, the time since it started and the tokens
// streamed so far. Elsewhere (CI, a pipe, a file) the same stage gets one
// plain line when it starts and one when it ends, and nothing in between.
// --quiet prints neither. Its methods are safe to call from several
// goroutines, since a stage's requests may run in parallel.
type status struct {
	w     io.Writer
	live  bool // redraw a status line: stderr is a terminal
	color bool // the terminal may be coloured: NO_COLOR is unset
	quiet bool
	now   func() time.Time
	// tick is how often the live line is redrawn while nothing arrives,
	// so the clock keeps moving; zero leaves redraws to the tokens.
	tick time.Duration

	mu      sync.Mutex
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

func newStatus(d Deps, quiet bool) *status {
	now := d.Now
	if now == nil {
		now = func() time.Time { return time.Time{} }
	}
	term := d.IO.ErrIsTerminal && d.Getenv("TERM") != "dumb"
	return &status{
		w:     d.IO.Err,
		live:  term,
		color: term && d.Getenv("NO_COLOR") == "",
		quiet: quiet,
		now:   now,
		tick:  100 * time.Millisecond,
	}
}

// begin starts a stage: a live line on a terminal, else a plain line.
func (s *status) begin(stage, detail string) {
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

// streamed counts tokens of an answer as they arrive.
func (s *status) streamed(tokens int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens += tokens
	// Redraw as tokens arrive, but not for every one: a fast local model
	// streams far more tokens a second than a terminal should repaint.
	if s.live && !s.quiet && s.stage != "" && s.now().Sub(s.drawnAt) >= 50*time.Millisecond {
		s.draw()
	}
}

// end finishes the running stage and says how long it took; zero when no
// stage was running.
func (s *status) end() time.Duration {
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

// printf prints a message on its own line, above the live line if one is
// shown. It prints even with --quiet; callers decide what is quiet.
func (s *status) printf(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clear()
	fmt.Fprintf(s.w, format, args...)
	if s.stage != "" && s.live && !s.quiet {
		s.draw()
	}
}

// redraw keeps the live line's clock and spinner moving until stop closes.
func (s *status) redraw(stop chan struct{}) {
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
func (s *status) draw() {
	elapsed := s.now().Sub(s.start).Truncate(100 * time.Millisecond)
	frame := spinner[s.frame%len(spinner)]
	if s.color {
		frame = "\x1b[36m" + frame + "\x1b[0m"
	}
	line := fmt.Sprintf("%s %s: %s · %s", frame, s.stage, s.detail, formatElapsed(elapsed))
	if s.tokens > 0 {
		line += fmt.Sprintf(" · %d tokens received", s.tokens)
	}
	fmt.Fprint(s.w, "\r\x1b[K"+line)
	s.drawn, s.drawnAt = true, s.now()
}

// clear removes the live line, so the next output starts on a clean line.
// s.mu is held.
func (s *status) clear() {
	if s.drawn {
		fmt.Fprint(s.w, "\r\x1b[K")
		s.drawn = false
	}
}

// formatElapsed shows a duration the way a person reads a stopwatch:
// 0.4s, 12.3s, 2m05s.
func formatElapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	m := int(d / time.Minute)
	sec := int((d % time.Minute) / time.Second)
	return fmt.Sprintf("%dm%02ds", m, sec)
}

// errorPrefix is how an error line starts: in red on a colour terminal.
func errorPrefix(d Deps) string {
	if d.IO.ErrIsTerminal && d.Getenv("NO_COLOR") == "" && d.Getenv("TERM") != "dumb" {
		return "\x1b[31mprodgen:\x1b[0m "
	}
	return "prodgen: "
}

// plainDuration is a duration for a summary line: "in 3.2s".
func plainDuration(d time.Duration) string {
	return "in " + formatElapsed(d.Truncate(100*time.Millisecond))
}
