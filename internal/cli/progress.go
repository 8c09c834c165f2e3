package cli

import (
	"time"

	"github.com/prodgen/prodgen/internal/progress"
)

// status is the progress display on stderr (see package progress), with
// the method names the commands call.
type status struct{ *progress.Status }

func newStatus(d Deps, quiet bool) *status {
	s := &status{progress.New(d.IO.Err, d.IO.ErrIsTerminal, d.Getenv, d.Now)}
	s.SetQuiet(quiet)
	return s
}

func (s *status) end() time.Duration { return s.End() }

func (s *status) printf(format string, args ...any) { s.Printf(format, args...) }

// errorPrefix is how an error line starts: in red on a colour terminal.
func errorPrefix(d Deps) string {
	if progress.Color(d.IO.ErrIsTerminal, d.Getenv) {
		return "\x1b[31mprodgen:\x1b[0m "
	}
	return "prodgen: "
}
