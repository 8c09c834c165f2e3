package openai

import (
	"fmt"
	"time"
)

// logRetry tells Config.Log that attempt number attempt failed with f, and
// what follows: retry number retry after wait, or none when retries ran
// out. shared says the wait pauses every request of the client.
func (c *Client) logRetry(stage string, attempt, retry int, f *failure, wait time.Duration, shared bool) {
	if c.cfg.Log == nil {
		return
	}
	// Backoff jitter has nanoseconds no one needs to read.
	wait = wait.Round(time.Millisecond)
	from := "backoff"
	if f.hasWait {
		from = "Retry-After"
	}
	msg := fmt.Sprintf("attempt %d failed: %s", attempt, oneLine(f.err.Error()))
	if shared {
		msg += fmt.Sprintf("; every request to the endpoint pauses for %s (%s)", wait, from)
	}
	switch {
	case retry > c.cfg.MaxRetries:
		msg += fmt.Sprintf("; no retry left (max_retries %d)", c.cfg.MaxRetries)
	case shared:
		msg += fmt.Sprintf(", then retry %d of %d", retry, c.cfg.MaxRetries)
	default:
		msg += fmt.Sprintf("; retry %d of %d in %s (%s)", retry, c.cfg.MaxRetries, wait, from)
	}
	c.log(stage, msg)
}

// log tells Config.Log, if set, msg about a request of stage, with the
// API key redacted.
func (c *Client) log(stage, msg string) {
	if c.cfg.Log == nil {
		return
	}
	if stage != "" {
		msg = stage + ": " + msg
	}
	c.cfg.Log(c.redact(msg))
}
