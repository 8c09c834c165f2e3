// Package llm defines the one seam between prodgen's pipeline and whatever
// writes its documents: a language model behind an OpenAI-compatible
// endpoint, or the deterministic offline engine.
package llm

import (
	"context"
	"encoding/json"
)

// Client writes one stage's artifact. Implementations return the artifact as
// JSON matching the stage's schema; the pipeline validates and renders it.
type Client interface {
	Complete(ctx context.Context, req Request) (*Response, error)
}

// Keeper is a Client that keeps only the answers it is told were good: a
// response cache. A Client's answer may be well-formed and still unusable
// (it fails the stage's schema or checks), and only its caller can tell, so
// whoever checks the answers of a Client that is a Keeper tells it which to
// keep and which to drop. Neither call fails: a Keeper reports its own
// troubles, and not keeping an answer costs only a request later. A Client
// that wraps a Keeper must pass both calls on, or nothing is ever kept.
type Keeper interface {
	Client
	// Keep says resp is a good answer to req: later requests like req may
	// be answered with it. For an answer that took a repair, req is the
	// first request, so that the next run needs no repair.
	Keep(req Request, resp *Response)
	// Forget says the answer Complete gave to req from what it kept is not
	// good: req must not be answered with it again.
	Forget(req Request)
}

// Role of a message in a conversation with a model.
type Role string

// The roles a message can have.
const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Message is one message of a conversation.
type Message struct {
	Role    Role
	Content string
}

// Request asks a model for one stage's artifact.
type Request struct {
	// Stage names the stage asking ("prd"), for messages and the cache key.
	Stage    string
	Messages []Message
	// Schema is the JSON schema the answer must match. A model adapter asks
	// for structured output with it; nil asks for any JSON object.
	Schema *Schema
	// Progress, when set, is called as an answer streams in.
	Progress func(Progress)
}

// Schema names a JSON schema.
type Schema struct {
	Name string          // a short identifier, e.g. "prd"
	JSON json.RawMessage // the schema document
}

// Progress reports a streaming answer's state.
type Progress struct {
	// Chunks counts the streamed chunks received so far, a proxy for
	// completion tokens while the final usage is not yet known.
	Chunks int
}

// Response is a stage's artifact as JSON, with what it cost.
type Response struct {
	Content string
	Model   string
	Usage   Usage
	// Cached says the answer came from the response cache, at no cost.
	Cached bool
}

// Usage counts the tokens of one exchange.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}
