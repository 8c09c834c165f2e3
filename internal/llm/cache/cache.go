// Package cache keeps the answers of a language model on disk, keyed by
// everything that determines them, so an unchanged stage is not paid for
// twice.
//
// An entry's name is the SHA-256 of the cache format version, the model
// endpoint's identity (base URL, model, parameters) and the request (stage,
// messages, schema); see Key. The entry holds only what the model returned:
// the model's name, the content and the token usage. Credentials are never
// part of an Identity, so they can reach neither a key nor a file.
//
// An answer is written only when the caller says it was good (Keep): a
// model's answer may be well-formed and still fail the stage's checks, and
// a cached failure would come back on every run. An answer the caller
// finds bad after all, such as one an earlier prodgen cached unchecked, is
// removed (Forget).
//
// Only clients whose answer depends on the request alone may be wrapped:
// a model behind an endpoint.
package cache

import (
	"context"

	"github.com/prodgen/prodgen/internal/llm"
)

// formatVersion is the version of the key encoding and of the entry file.
// Changing either changes it, so old entries are never read.
const formatVersion = 1

// Identity is what, besides the request, determines a model's answer. It
// deliberately has no field for an API key: a key decides whether an
// endpoint answers, not what it answers.
type Identity struct {
	// Endpoint is the base URL of the OpenAI-compatible endpoint, as the
	// adapter uses it.
	Endpoint string
	// Model is the model asked for.
	Model string
	// Params are the request parameters that shape the answer, such as
	// "temperature", "max_tokens" or "response_format", formatted stably
	// by the caller (for example with strconv.FormatFloat(t, 'g', -1, 64)).
	Params map[string]string
}

// Client is an llm.Client that answers from the cache when it can and asks
// the inner client otherwise, and keeps the answers its caller says were
// good. Set its options before the first Complete; it is then safe for
// concurrent use, by one process or several.
type Client struct {
	// Bypass neither reads nor writes the cache, as for --no-cache: Keep
	// and Forget do nothing.
	Bypass bool
	// Warn, when set, is told of an answer that could not be kept or
	// forgotten. Such a failure fails nothing, and an unreadable or
	// corrupt entry is simply a miss.
	Warn func(error)
	// Log, when set, is told of each answer replayed from the cache, in
	// one line without a newline: the request's stage and the first
	// hex digits of the entry's key, which start its file's name.
	Log func(msg string)

	dir   string
	inner llm.Client
	id    Identity
}

var _ llm.Keeper = (*Client)(nil)

// New returns a Client that keeps entries under dir and asks inner on a
// miss. dir is created, with mode 0700, when the first entry is written.
func New(dir string, inner llm.Client, id Identity) *Client {
	return &Client{dir: dir, inner: inner, id: id}
}

// Complete returns the cached answer to req, marked Cached and with the
// usage first recorded, or asks the inner client. It writes nothing: an
// answer is cached when the caller keeps it. Errors of the inner client
// are returned unchanged.
func (c *Client) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c.Bypass {
		return c.inner.Complete(ctx, req)
	}
	key := Key(c.id, req)
	if e, ok := c.load(key); ok {
		c.logHit(req.Stage, key)
		return &llm.Response{Content: e.Content, Model: e.Model, Usage: e.Usage, Cached: true}, nil
	}
	return c.inner.Complete(ctx, req)
}

// Keep caches resp as the answer to req, replacing any entry. A failure is
// reported through Warn.
func (c *Client) Keep(req llm.Request, resp *llm.Response) {
	if c.Bypass || resp == nil {
		return
	}
	c.store(Key(c.id, req), resp)
}

// Forget removes the cached answer to req, if any, so that the next
// Complete asks the inner client. A failure is reported through Warn.
func (c *Client) Forget(req llm.Request) {
	if c.Bypass {
		return
	}
	c.remove(Key(c.id, req))
}

// shortKey is how many hex digits of a key name an entry in Log's lines.
const shortKey = 12

// logHit tells Log, if set, that the answer to a request of stage came
// from the entry named key.
func (c *Client) logHit(stage, key string) {
	if c.Log == nil {
		return
	}
	msg := "answer from the response cache (" + key[:shortKey] + ")"
	if stage != "" {
		msg = stage + ": " + msg
	}
	c.Log(msg)
}

// warn reports err through Warn, if set.
func (c *Client) warn(err error) {
	if c.Warn != nil {
		c.Warn(err)
	}
}
