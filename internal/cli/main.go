// Package cli is prodgen's command tree. It turns arguments and flags into
// options, runs the pipeline, and is the one place where errors become exit
// codes and messages.
package cli

import (
	"context"
	"io"
	"time"
)

// IO is where a command reads and writes. Out carries only the product (a
// document, JSON); Err carries progress, warnings and errors.
type IO struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	// ErrIsTerminal says whether Err is a terminal, for decoration.
	ErrIsTerminal bool
}

// BuildInfo identifies the prodgen binary.
type BuildInfo struct {
	Version string
	Commit  string
	Date    string
}

// Deps is everything prodgen takes from its process, passed in so that
// tests can set each part.
type Deps struct {
	IO     IO
	Getenv func(string) string
	// Dir is the working directory.
	Dir   string
	Build BuildInfo
	// Now tells the time, for the lock's record of when a document was made.
	Now func() time.Time
}

// Main runs prodgen with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, args []string, deps Deps) int {
	if deps.Getenv == nil {
		deps.Getenv = func(string) string { return "" }
	}
	root, f := newRootCmd(deps)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	f.status.end()
	if f.release != nil {
		f.release()
	}
	return report(deps.IO.Err, errorPrefix(deps), err, f.secret)
}

// Interrupted prints the line prodgen ends with when a signal stopped it,
// and returns ExitInterrupted: for main, when a run it cancelled has not
// returned in time and the process exits without it.
func Interrupted(deps Deps) int {
	return report(deps.IO.Err, errorPrefix(deps), context.Canceled, "")
}
