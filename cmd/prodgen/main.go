// Command prodgen turns a product brief into a PRD, user stories and
// technical requirements. See the README for usage.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/prodgen/prodgen/internal/cli"
)

// Set by the release build (see .goreleaser.yaml).
var (
	version = ""
	commit  = ""
	date    = ""
)

// grace is how long a run has to stop after the first Ctrl-C or SIGTERM
// before prodgen exits without it.
const grace = time.Second

func main() {
	d := deps()
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- cli.Main(ctx, os.Args[1:], d) }()
	os.Exit(exitCode(done, signals, cancel, grace, func() int { return cli.Interrupted(d) }))
}

// exitCode waits for the run to end and returns its exit code. The first
// signal cancels the run, which then stops on its own and says so; but
// something may be blocked where no cancellation reaches (a read from a
// FIFO), so when the run has not returned grace later, or a second signal
// comes, prodgen stops waiting for it: interrupted says so and gives the
// exit code.
func exitCode(done <-chan int, signals <-chan os.Signal, cancel context.CancelFunc, grace time.Duration, interrupted func() int) int {
	select {
	case code := <-done:
		cancel()
		return code
	case <-signals:
	}
	cancel()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case code := <-done:
		return code
	case <-signals:
	case <-timer.C:
	}
	return interrupted()
}

func deps() cli.Deps {
	dir, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "prodgen: cannot read the working directory: %v\n", err)
		os.Exit(cli.ExitFailure)
	}
	return cli.Deps{
		IO:     cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, ErrIsTerminal: isTerminal(os.Stderr)},
		Getenv: os.Getenv,
		Dir:    dir,
		Build:  buildInfo(),
		Now:    time.Now,
	}
}

// buildInfo prefers the release's stamped values and falls back to what
// the Go toolchain recorded (go install records the module version).
func buildInfo() cli.BuildInfo {
	b := cli.BuildInfo{Version: version, Commit: commit, Date: date}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && b.Commit == "" && len(s.Value) >= 7:
			b.Commit = s.Value[:7]
		case s.Key == "vcs.time" && b.Date == "":
			b.Date = s.Value
		}
	}
	return b
}

// isTerminal reports whether f is a character device such as a terminal.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
