package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// Exit codes, as documented in the README.
const (
	ExitOK          = 0
	ExitFailure     = 1   // runtime failure: model, network, I/O, another run in the folder
	ExitUsage       = 2   // bad usage, configuration or input
	ExitStale       = 3   // check found stale or edited documents; generate refused to overwrite an edit
	ExitCredentials = 4   // missing or rejected credentials
	ExitInterrupted = 130 // interrupted by a signal
)

// exitCodes documents every exit code for "prodgen help exit-codes": what
// it means and what to do. A test fails when exitCode can return a code
// that is not here.
var exitCodes = []struct {
	code          int
	meaning, todo string
}{
	{ExitOK, "Success. For check: every document is up to date.", ""},
	{ExitFailure, "Runtime failure: the model or the network failed, a file could not be read or written, lint found errors (or warnings, with --strict), or another prodgen was writing in the same folder.",
		"Read the message; run again with --verbose for more. A model or network failure may pass when retried; when another prodgen is running in the folder, run again once it has finished."},
	{ExitUsage, "Usage or bad input: an unknown command, flag or argument, an invalid prodgen.yaml or PRODGEN_* value, a brief or document that is missing, empty or unreadable, a damaged prodgen.lock, or a request too large for context_window.",
		"Fix what the message names; 'prodgen COMMAND --help' shows a command's usage and 'prodgen help config' every setting."},
	{ExitStale, "Not up to date: check found a document missing, stale, edited by hand or with a conflict to resolve; or generate refused to overwrite a document the lock does not know, or to replace a model's documents with the offline engine's.",
		"Run the command check prints after 'fix:': usually 'prodgen generate'; 'prodgen resolve ID --keep mine|theirs' for a conflict; 'prodgen accept FILE' to keep a document as it is."},
	{ExitCredentials, "Credentials: a model provider was chosen without an API key, the key holds a control character (a line break inside it), or the endpoint rejected the key.",
		"Set OPENAI_API_KEY (or api_key), or run with --provider offline."},
	{ExitInterrupted, "Interrupted by Ctrl-C or SIGTERM. The unfinished stage wrote nothing; finished stages are kept.",
		"Run the command again."},
}

// usageError is a mistake in how prodgen was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }

func (e *usageError) Unwrap() error { return e.err }

// exitCode maps an error to the exit code the user sees.
func exitCode(err error) int {
	var (
		usage   *usageError
		cfg     *config.Error
		input   *disk.InputError
		missing *pipeline.MissingInputError
		lock    *pipeline.LockError
		budget  *pipeline.BudgetError
		exists  *existsError
		creds   *credentialsError
		refused *pipeline.RefusedError
		api     *llm.APIError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &creds):
		// Before the configuration errors: a malformed key is one too.
		return ExitCredentials
	case errors.As(err, &usage), errors.As(err, &cfg), errors.As(err, &input), errors.As(err, &missing), errors.As(err, &lock),
		errors.As(err, &budget), errors.As(err, &exists):
		return ExitUsage
	case errors.As(err, &api) && api.Unauthorized():
		return ExitCredentials
	case errors.As(err, &refused), errors.Is(err, errNotFresh):
		return ExitStale
	}
	return ExitFailure
}

// existsError is a file a command will not overwrite without --force: bad
// input (exit 2), though not a usage mistake, so no usage hint follows.
type existsError struct{ err error }

func (e *existsError) Error() string { return e.err.Error() }

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
