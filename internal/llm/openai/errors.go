package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/plural"
)

// callError is the error Complete returns: one redacted line saying what
// happened, after how many attempts and what to do, over the typed errors
// it wraps (*llm.APIError, *llm.IncompleteError, context errors), which
// errors.As and errors.Is find.
type callError struct {
	msg  string
	errs []error
}

func (e *callError) Error() string   { return e.msg }
func (e *callError) Unwrap() []error { return e.errs }

// connError is a failure to reach the endpoint or to get a status from it.
type connError struct {
	msg string // redacted
	err error
}

func (e *connError) Error() string { return "could not reach the model endpoint: " + e.msg }
func (e *connError) Unwrap() error { return e.err }

// finalError is the error for a failure that ends the call.
func (c *Client) finalError(f *failure, attempts int) error {
	msg := c.redact(oneLine(f.err.Error()))
	switch {
	case attempts > 1:
		msg += fmt.Sprintf(" (gave up after %s)", plural.Count(attempts, "attempt"))
	case f.retry:
		msg += " (gave up after 1 attempt: max_retries is 0)"
	}
	if hint := c.hint(f); hint != "" {
		msg += "; " + hint
	}
	return &callError{msg: msg, errs: []error{f.err}}
}

// contextError is the error for a call whose context ended. prev is the
// failure that led to the last attempt, if any.
func (c *Client) contextError(ctx context.Context, prev *failure, attempts int) error {
	errs := []error{ctx.Err()}
	var msg string
	switch {
	case errors.Is(context.Cause(ctx), errTimeout):
		msg = fmt.Sprintf("no complete answer from the model within the %s timeout (%s)", c.cfg.Timeout, plural.Count(attempts, "attempt"))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		msg = fmt.Sprintf("the model call ran out of time (%s)", plural.Count(attempts, "attempt"))
	default:
		return &callError{msg: "the model call was cancelled", errs: errs}
	}
	if prev != nil {
		msg += "; the last failure: " + c.redact(oneLine(prev.err.Error()))
		errs = append(errs, prev.err)
	}
	msg += "; raise timeout or try again later"
	return &callError{msg: msg, errs: errs}
}

// hint says what the user can do about f, when there is something to say.
func (c *Client) hint(f *failure) string {
	var conn *connError
	if errors.As(f.err, &conn) {
		return fmt.Sprintf("check base_url (now %s) and that the server is running", c.baseURL())
	}
	status, msg, ok := apiStatus(f.err)
	switch {
	case !ok:
		return ""
	case status == http.StatusUnauthorized, status == http.StatusForbidden:
		return "check the API key (OPENAI_API_KEY or PRODGEN_API_KEY) and its access to the model"
	case status == http.StatusNotFound:
		return fmt.Sprintf("check model (now %q) and base_url (now %s)", c.cfg.Model, c.baseURL())
	case status == http.StatusTooManyRequests:
		return "wait a minute and run again, or raise max_retries"
	case status == http.StatusNotImplemented:
		return fmt.Sprintf("check that base_url (now %s) serves OpenAI-style chat completions", c.baseURL())
	case status >= 500 || (status == 0 && f.retry):
		return "the endpoint failed; run again later"
	case strings.Contains(msg, "response_format") || strings.Contains(msg, "json_schema"):
		return "if the endpoint lacks structured outputs, set response_format to json_object"
	}
	return ""
}

// baseURL is the configured endpoint without any user or password in it.
func (c *Client) baseURL() string {
	u, err := url.Parse(c.cfg.BaseURL)
	if err != nil {
		return "(unparsable)"
	}
	return c.redact(u.Redacted())
}

// bearer matches a bearer token, whatever the server did to the header.
var bearer = regexp.MustCompile(`(?i)\bbearer\s+[^\s"',;)]+`)

// redact removes the API key and any bearer token from s.
func (c *Client) redact(s string) string {
	if c.cfg.APIKey != "" {
		s = strings.ReplaceAll(s, c.cfg.APIKey, "[redacted]")
	}
	return bearer.ReplaceAllString(s, "Bearer [redacted]")
}

// maxMessage bounds a message taken from the server, runes.
const maxMessage = 300

// oneLine folds s's whitespace into single spaces and shortens it.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxMessage {
		s = string(r[:maxMessage]) + "…"
	}
	return s
}

// bodyMessage finds the message in an error body go-openai could not read:
// {"error":"…"}, {"message":"…"} (vLLM), {"detail":"…"} (FastAPI servers),
// or else the body itself, or else the status line.
func bodyMessage(body []byte, status string) string {
	var fields struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
		Detail  any             `json:"detail"`
	}
	if json.Unmarshal(body, &fields) == nil {
		var s string
		switch {
		case json.Unmarshal(fields.Error, &s) == nil && s != "":
			return s
		case fields.Message != "":
			return fields.Message
		case fields.Detail != nil:
			return fmt.Sprint(fields.Detail)
		}
	}
	if text := strings.TrimSpace(string(body)); text != "" {
		return text
	}
	return status
}

// apiStatus returns the status and lowercased message of an *llm.APIError
// in err's chain.
func apiStatus(err error) (int, string, bool) {
	var e *llm.APIError
	if !errors.As(err, &e) {
		return 0, "", false
	}
	return e.StatusCode, strings.ToLower(e.Message), true
}
