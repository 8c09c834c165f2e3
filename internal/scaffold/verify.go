package scaffold

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Verification is the outcome of building and testing a prototype.
type Verification struct {
	OK bool
	// Step is the command that failed, or the last one run.
	Step string
	// Output is the end of the failed step's output, for the user or for a
	// model to repair from.
	Output string
}

// Verify runs a prototype's build and test commands (steps, each a
// program and its arguments) in dir, stopping at the first failure. The
// whole run shares one time limit. It runs code a model may have written,
// so callers run it only when the user asks.
func Verify(ctx context.Context, dir string, steps [][]string, timeout time.Duration) (*Verification, error) {
	if len(steps) == 0 {
		return nil, errors.New("no build steps")
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v := &Verification{OK: true}
	for _, args := range steps {
		v.Step = strings.Join(args, " ")
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Dir = dir
		cmd.WaitDelay = 5 * time.Second
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if err == nil {
			continue
		}
		var exitErr *exec.ExitError
		switch {
		case ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
			v.OK, v.Output = false, tail(out.String(), 40)+fmt.Sprintf("\n(stopped after the %s time limit)", timeout)
		case errors.As(err, &exitErr):
			v.OK, v.Output = false, tail(out.String(), 40)
		default:
			return nil, fmt.Errorf("run %s: %w", v.Step, err)
		}
		return v, nil
	}
	return v, nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
