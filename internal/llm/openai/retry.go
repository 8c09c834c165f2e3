package openai

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/prodgen/prodgen/internal/llm"
)

// Backoff between attempts: full jitter over an exponential ceiling.
const (
	backoffBase   = 500 * time.Millisecond
	backoffCap    = 20 * time.Second
	retryAfterCap = 60 * time.Second
)

// failure is a failed attempt.
type failure struct {
	// err is an *llm.APIError, an *llm.IncompleteError, a *connError, a
	// context error or a local error. Its text is already redacted.
	err   error
	retry bool
	// wait is the server's Retry-After, when it sent one.
	wait    time.Duration
	hasWait bool
}

// requestFailure classifies an error from sending the request, before any
// stream was read.
func (c *Client) requestFailure(actx context.Context, ex *exchange, err error) *failure {
	if f := contextFailure(actx, ex); f != nil {
		return f
	}
	var (
		apiErr *openai.APIError
		reqErr *openai.RequestError
		urlErr *url.Error
	)
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode > 0:
		return c.statusFailure(apiErr.HTTPStatusCode, apiErr.Type, apiErr.Message, ex)
	case errors.As(err, &reqErr):
		return c.statusFailure(reqErr.HTTPStatusCode, "", bodyMessage(reqErr.Body, reqErr.HTTPStatus), ex)
	case ex.status >= http.StatusBadRequest:
		return c.statusFailure(ex.status, "", "the error body could not be read: "+err.Error(), ex)
	case errors.As(err, &urlErr):
		return &failure{err: &connError{msg: c.redact(oneLine(err.Error())), err: err}, retry: retryableConn(err)}
	}
	return &failure{err: fmt.Errorf("prepare the request: %s", c.redact(err.Error()))}
}

// contextFailure is the failure of an attempt whose context ended: by its
// watchdog (retried) or by the caller (not).
func contextFailure(actx context.Context, ex *exchange) *failure {
	if actx.Err() == nil {
		return nil
	}
	var idle *idleError
	if !errors.As(context.Cause(actx), &idle) {
		return &failure{err: actx.Err()}
	}
	what := "no answer"
	if ex.status != 0 {
		what = "the stream went silent"
	}
	return &failure{retry: true, err: &llm.IncompleteError{
		Reason: fmt.Sprintf("%s for %s", what, idle.d),
		Hint:   fmt.Sprintf("raise idle_timeout (now %s) if the model is slow to start", idle.d),
	}}
}

// statusFailure is an error status from the endpoint.
func (c *Client) statusFailure(status int, typ, msg string, ex *exchange) *failure {
	f := &failure{
		err:   &llm.APIError{StatusCode: status, Type: typ, Message: c.redact(oneLine(msg))},
		retry: retryableStatus(status),
	}
	if f.retry {
		f.wait, f.hasWait = retryAfter(ex.header)
	}
	return f
}

// streamFailure classifies an error that broke a stream after a 200.
func (c *Client) streamFailure(actx context.Context, ex *exchange, err error, chunks int) *failure {
	if f := contextFailure(actx, ex); f != nil {
		return f
	}
	var (
		apiErr *openai.APIError
		syntax *json.SyntaxError
		types  *json.UnmarshalTypeError
	)
	switch {
	case errors.As(err, &apiErr):
		code, _ := apiErr.Code.(string) // a number or nothing is no type
		return &failure{
			err:   &llm.APIError{Type: apiErr.Type, Message: c.redact(oneLine(apiErr.Message))},
			retry: retryableEvent(apiErr.Type) || retryableEvent(code),
		}
	case errors.As(err, &syntax), errors.As(err, &types), errors.Is(err, openai.ErrTooManyEmptyStreamMessages):
		return &failure{err: &llm.IncompleteError{
			Reason: "the endpoint sent a malformed stream chunk (" + c.redact(oneLine(err.Error())) + ")",
			Hint:   "check that base_url is an OpenAI-compatible endpoint",
		}}
	}
	return &failure{retry: true, err: &llm.IncompleteError{
		Reason: fmt.Sprintf("the connection dropped mid-stream after %d chunks (%s)", chunks, c.redact(oneLine(err.Error()))),
	}}
}

// finishFailure is a stream that ended without a clean finish.
func (c *Client) finishFailure(finish string) *failure {
	switch finish {
	case "":
		return &failure{retry: true, err: &llm.IncompleteError{Reason: "the stream ended without a finish"}}
	case "length":
		now := "unset, the endpoint's default"
		if c.cfg.MaxTokens > 0 {
			now = strconv.Itoa(c.cfg.MaxTokens)
		}
		return &failure{err: &llm.IncompleteError{
			Reason: "length",
			Hint:   fmt.Sprintf("the model reached its token limit: raise max_tokens (now %s) or shorten the input", now),
		}}
	case "content_filter":
		return &failure{err: &llm.IncompleteError{
			Reason: "content_filter",
			Hint:   "the provider's content filter stopped the answer; reword the input or use another model",
		}}
	}
	return &failure{err: &llm.IncompleteError{
		Reason: finish,
		Hint:   "the model stopped for a reason prodgen does not handle",
	}}
}

// retryableStatus reports whether an HTTP status is worth another try.
func retryableStatus(status int) bool {
	switch {
	case status == http.StatusRequestTimeout, status == http.StatusConflict, status == http.StatusTooManyRequests:
		return true
	case status == http.StatusNotImplemented:
		return false
	}
	return status >= 500 && status <= 599
}

// retryableEvent reports whether an in-band error type is transient.
func retryableEvent(typ string) bool {
	switch typ {
	case "server_error", "rate_limit_exceeded", "rate_limit_error", "overloaded_error", "api_error", "timeout":
		return true
	}
	return false
}

// retryableConn reports whether a transport error may pass: not a name that
// does not exist, a bad certificate or a malformed URL.
func retryableConn(err error) bool {
	var (
		dns      *net.DNSError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		urlErr   *url.Error
	)
	switch {
	case errors.As(err, &dns):
		return !dns.IsNotFound
	case errors.As(err, &unknown), errors.As(err, &hostname), errors.As(err, &invalid), errors.As(err, &verify):
		return false
	case errors.As(err, &urlErr) && strings.Contains(urlErr.Err.Error(), "unsupported protocol scheme"):
		return false
	}
	return true
}

// retryAfter reads the server's wish for a pause: Retry-After in seconds
// or as an HTTP date (measured from the response's Date, so no clock is
// needed), or retry-after-ms as Azure sends it.
func retryAfter(h http.Header) (time.Duration, bool) {
	if ms, err := strconv.ParseFloat(h.Get("Retry-After-Ms"), 64); err == nil && ms >= 0 {
		return time.Duration(ms * float64(time.Millisecond)), true
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	at, err1 := http.ParseTime(v)
	now, err2 := http.ParseTime(h.Get("Date"))
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return max(at.Sub(now), 0), true
}

// backoff is the pause before retry number n (from 1).
func (c *Client) backoff(n int, f *failure) time.Duration {
	if f.hasWait {
		return min(f.wait, retryAfterCap)
	}
	ceiling := backoffCap
	if n < 16 {
		ceiling = min(backoffBase<<(n-1), backoffCap)
	}
	return time.Duration(c.cfg.Jitter() * float64(ceiling))
}

// rejectsStreamOptions reports whether the endpoint refused the request
// because it does not know stream_options.
func rejectsStreamOptions(f *failure) bool {
	var apiErr *llm.APIError
	return errors.As(f.err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest &&
		strings.Contains(strings.ToLower(apiErr.Message), "stream_options")
}
