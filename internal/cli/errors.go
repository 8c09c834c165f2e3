package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// Exit codes, as documented in the README.
const (
	ExitOK          = 0
	ExitFailure     = 1   // runtime failure: model, network, I/O
	ExitUsage       = 2   // bad usage, configuration or input
	ExitStale       = 3   // check found stale or edited documents; generate refused to overwrite an edit
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
		lock    *pipeline.LockError
		creds   *credentialsError
		refused *refusedError
		api     *llm.APIError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &usage), errors.As(err, &cfg), errors.As(err, &input), errors.As(err, &missing), errors.As(err, &lock):
		return ExitUsage
	case errors.As(err, &creds), errors.As(err, &api) && api.Unauthorized():
		return ExitCredentials
	case errors.As(err, &refused), errors.Is(err, errNotFresh):
		return ExitStale
	}
	return ExitFailure
}

// report prints err, with a hint where one helps, and returns the exit code.
// The API key is cut out of the message whatever produced it: a server may
// echo it back in an error body.
func report(w io.Writer, prefix string, err error, secret string) int {
	code := exitCode(err)
	if err == nil {
		return code
	}
	if code == ExitInterrupted {
		fmt.Fprintln(w, prefix+"interrupted; no document was changed by the unfinished stage")
		return code
	}
	msg := err.Error()
	if secret != "" {
		msg = strings.ReplaceAll(msg, secret, "[redacted]")
	}
	fmt.Fprintf(w, "%s%s\n", prefix, msg)
	var usage *usageError
	if errors.As(err, &usage) {
		fmt.Fprintln(w, "Run 'prodgen --help' for usage.")
	}
	return code
}
