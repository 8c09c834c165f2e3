package llm

import (
	"errors"
	"fmt"
)

// ErrNoCredentials says a model provider was chosen without the key or
// endpoint it needs.
var ErrNoCredentials = errors.New("no model credentials")

// APIError is an error answer from a model endpoint, keeping the server's
// status and message. Message never contains the API key.
type APIError struct {
	StatusCode int    // HTTP status; 0 for an error sent inside a stream
	Type       string // the error type the server gave, if any
	Message    string
}

func (e *APIError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "no message"
	}
	if e.StatusCode == 0 {
		return fmt.Sprintf("model endpoint error: %s", msg)
	}
	return fmt.Sprintf("model endpoint answered %d: %s", e.StatusCode, msg)
}

// Unauthorized reports whether the endpoint rejected the credentials.
func (e *APIError) Unauthorized() bool { return e.StatusCode == 401 || e.StatusCode == 403 }

// IncompleteError is an answer that did not finish cleanly: the stream
// closed early, the connection dropped, or the model stopped for a reason
// other than completing its answer. Nothing built from it is written.
type IncompleteError struct {
	// Reason is the finish reason ("length", "content_filter") or what
	// happened ("stream ended without a finish", "connection dropped").
	Reason string
	// Hint says what the user can do, e.g. raise max_tokens.
	Hint string
}

func (e *IncompleteError) Error() string {
	msg := "the model's answer is incomplete: " + e.Reason
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return msg
}
