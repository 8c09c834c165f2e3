package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// Exit codes, as documented in the README.
const (
	ExitOK          = 0
	ExitFailure     = 1   // runtime failure: model, network, I/O
	ExitUsage       = 2   // bad usage, configuration or input
	ExitStale       = 3   // reserved: check found stale or edited documents
	ExitCredentials = 4   // reserved: missing or rejected credentials
	ExitInterrupted = 130 // interrupted by a signal
)

// usageError is a mistake in how prodgen was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }

func (e *usageError) Unwrap() error { return e.err }

// exitCode maps an error to the exit code the user sees.
func exitCode(err error) int {
	var (
		usage   *usageError
		cfg     *config.Error
		input   *pipeline.InputError
		missing *pipeline.MissingInputError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &usage), errors.As(err, &cfg), errors.As(err, &input), errors.As(err, &missing):
		return ExitUsage
	}
	return ExitFailure
}

// report prints err, with a hint where one helps, and returns the exit code.
func report(w io.Writer, err error) int {
	code := exitCode(err)
	if err == nil {
		return code
	}
	if code == ExitInterrupted {
		fmt.Fprintln(w, "prodgen: interrupted; no document was changed by the unfinished stage")
		return code
	}
	fmt.Fprintf(w, "prodgen: %v\n", err)
	var usage *usageError
	if errors.As(err, &usage) {
		fmt.Fprintln(w, "Run 'prodgen --help' for usage.")
	}
	return code
}
