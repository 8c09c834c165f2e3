// Package openai is prodgen's model client for any OpenAI-compatible chat
// completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio,
// llama.cpp server, OpenRouter), built on github.com/sashabaranov/go-openai,
// which no other package imports.
//
// Complete always streams, and returns an answer only when the stream
// finished cleanly (finish_reason "stop", or eos, eos_token, stop_sequence
// or end_turn as some servers say): anything else is an error and no
// partial content escapes. Once that finish has arrived, a connection that
// breaks before the usage chunk or data: [DONE] costs only the usage. Failed attempts are retried with exponential
// backoff and full jitter (base 500ms, factor 2, cap 20s), or after the
// server's Retry-After (capped at 60s), at most Config.MaxRetries times:
//
//   - retried: connection errors before a status (refused, reset, EOF),
//     HTTP 408, 409, 429 and 5xx except 501, an in-band error event whose
//     type is server_error, rate_limit_exceeded, rate_limit_error,
//     overloaded_error, api_error or timeout, and a stream that breaks
//     before its finish (dropped connection, closed early, idle timeout).
//     A broken stream is retried from scratch and its partial content
//     discarded; Progress then counts again from 1.
//   - not retried: other statuses (400, 401, 403, 404, 422, 501, …), other
//     in-band errors, a finish_reason of "length" or "content_filter", a
//     malformed chunk, a DNS name that does not exist, a TLS certificate
//     error, local errors and the end of the caller's context.
//
// A rate limit speaks for the endpoint, not for one request: a 429, or a
// 503 with Retry-After, pauses the whole Client for that wait (Retry-After
// or the backoff). No attempt of any request, new or retried, is sent
// until every such pause has run out, so several requests in flight back
// off together. When a pause held more than one attempt, each then waits a
// further random part of a second (at most half the pause), so they do not
// all fire at the same instant.
//
// Config.Log, when set, hears of each retry and each such pause as it
// begins, in one redacted line, for a person running with --verbose.
//
// go-openai leaves out a temperature of 0 (omitempty), so the client's
// transport writes the configured temperature into each request body
// itself; with Temperature nil the body has no temperature key.
//
// The API key never appears in an error: every message this package builds
// has the key, and any "Bearer <token>", replaced by [redacted], even when
// the server echoes the request's headers back.
package openai

import (
	"context"
	"errors"
	"fmt"
	"strings"

	openai "github.com/sashabaranov/go-openai"

	"github.com/prodgen/prodgen/internal/llm"
)

// Client is an llm.Client for an OpenAI-compatible endpoint. It is safe for
// concurrent use.
type Client struct {
	cfg   Config
	api   *openai.Client
	pause *pause // shared by every request, see holdOff
}

var _ llm.Client = (*Client)(nil)

// emptyLinesLimit is how many non-data lines (keep-alive comments, blank
// lines) may come between two chunks; go-openai's default of 300 is too low
// for endpoints that send a comment every few seconds while a model loads.
const emptyLinesLimit = 100_000

// New checks cfg and returns a client. Without an API key or a base URL it
// fails with an error wrapping llm.ErrNoCredentials.
func New(cfg Config) (*Client, error) {
	cfg, err := normalize(cfg)
	if err != nil {
		return nil, fmt.Errorf("configure the model endpoint: %w", err)
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.APIType == APITypeAzure {
		oc = openai.DefaultAzureConfig(cfg.APIKey, cfg.BaseURL)
		oc.APIVersion = cfg.APIVersion
		// The model is the deployment's name, to be used as it is.
		oc.AzureModelMapperFunc = nil
	}
	oc.BaseURL = cfg.BaseURL
	oc.OrgID = cfg.Organization
	oc.EmptyMessagesLimit = emptyLinesLimit
	hc := *cfg.HTTPClient
	next := hc.Transport
	if next == nil {
		next = defaultHTTPClient().Transport
	}
	hc.Transport = &wire{next: next, temperature: cfg.Temperature}
	oc.HTTPClient = &hc
	return &Client{cfg: cfg, api: openai.NewClientWithConfig(oc), pause: &pause{sleep: cfg.Sleep}}, nil
}

// Complete sends req's messages and returns the whole answer, retrying as
// the package documentation describes.
func (c *Client) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	if c.cfg.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, c.cfg.Timeout, errTimeout)
		defer cancel()
	}
	creq := c.chatRequest(req)
	var prev *failure // the failure that led to the current attempt
	for attempts, retries := 1, 0; ; attempts++ {
		if err := c.holdOff(ctx); err != nil {
			return nil, c.waitError(ctx, prev, attempts-1, err)
		}
		resp, f := c.attempt(ctx, creq, req.Progress)
		switch {
		case f == nil:
			return resp, nil
		case ctx.Err() != nil:
			return nil, c.contextError(ctx, prev, attempts)
		case creq.StreamOptions != nil && rejectsStreamOptions(f):
			// An older endpoint refused stream_options: ask again without
			// it, and go without usage. This costs no retry.
			creq.StreamOptions = nil
			c.log(req.Stage, "the endpoint refused stream_options; asking again without it, so without token usage")
			continue
		case !f.retry:
			return nil, c.finalError(f, attempts)
		}
		retries++
		wait := c.backoff(retries, f)
		shared := pausesAll(f)
		if shared {
			// A rate limit speaks for the endpoint, not this request: every
			// attempt of every request waits, this one's next included,
			// even when this one gives up.
			c.pause.hold(wait)
		}
		c.logRetry(req.Stage, attempts, retries, f, wait, shared)
		if retries > c.cfg.MaxRetries {
			return nil, c.finalError(f, attempts)
		}
		prev = f
		if shared {
			continue
		}
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return nil, c.waitError(ctx, prev, attempts, err)
		}
	}
}

// waitError is the error for a wait before an attempt that did not end
// well; attempts is how many were made.
func (c *Client) waitError(ctx context.Context, prev *failure, attempts int, err error) error {
	if ctx.Err() != nil {
		return c.contextError(ctx, prev, attempts)
	}
	return fmt.Errorf("wait before calling the model: %w", err)
}

// chatRequest is the request every attempt of one Complete call sends.
func (c *Client) chatRequest(req llm.Request) openai.ChatCompletionRequest {
	msgs := make([]openai.ChatCompletionMessage, 0, len(req.Messages))
	for _, m := range req.Messages {
		msgs = append(msgs, openai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content})
	}
	r := openai.ChatCompletionRequest{
		Model:          c.cfg.Model,
		Messages:       msgs,
		Stream:         true,
		StreamOptions:  &openai.StreamOptions{IncludeUsage: true},
		ResponseFormat: c.responseFormat(req.Schema),
	}
	if reasoningModel(c.cfg.Model) {
		r.MaxCompletionTokens = c.cfg.MaxTokens
	} else {
		// max_tokens, deprecated by OpenAI, is what local servers (older
		// llama.cpp, llama-cpp-python, Ollama) read; several ignore
		// max_completion_tokens.
		//lint:ignore SA1019 see above
		r.MaxTokens = c.cfg.MaxTokens
	}
	return r
}

// responseFormat asks for strict structured output when the schema is
// known and the endpoint supports it, and for any JSON object otherwise.
func (c *Client) responseFormat(s *llm.Schema) *openai.ChatCompletionResponseFormat {
	if s == nil || len(s.JSON) == 0 || c.cfg.ResponseFormat == FormatJSONObject {
		return &openai.ChatCompletionResponseFormat{Type: openai.ChatCompletionResponseFormatTypeJSONObject}
	}
	name := s.Name
	if name == "" {
		name = "answer"
	}
	return &openai.ChatCompletionResponseFormat{
		Type: openai.ChatCompletionResponseFormatTypeJSONSchema,
		JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{
			Name:   name,
			Schema: s.JSON,
			Strict: true,
		},
	}
}

// reasoningModel reports whether model is one of OpenAI's reasoning models,
// which refuse max_tokens and take max_completion_tokens instead (go-openai
// checks this before sending).
func reasoningModel(model string) bool {
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(model, p) {
			return true
		}
	}
	return false
}

// errTimeout is the cause of Config.Timeout running out.
var errTimeout = errors.New("the model call's timeout ran out")
