package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Request is one request the server received.
type Request struct {
	// Received is when the server read the request, by the process clock.
	Received time.Time

	Method string
	Path   string
	Query  url.Values
	// Header holds every header as sent, including Authorization and
	// api-key.
	Header http.Header
	// Deployment is the Azure deployment named in the path; empty for the
	// /v1 route.
	Deployment string
	// APIVersion is the api-version query parameter.
	APIVersion string
	// Body is the raw request body.
	Body []byte

	// The decoded body.
	Model    string
	Messages []Message
	// Temperature is nil when the body has no temperature key.
	Temperature         *float64
	MaxTokens           int
	MaxCompletionTokens int
	// ResponseFormat is nil when the body has no response_format.
	ResponseFormat *ResponseFormat
	Stream         bool
	// IncludeUsage is stream_options.include_usage.
	IncludeUsage bool
	// Fields holds every top-level key of the body, for checks the fields
	// above do not cover (for example that a key is absent).
	Fields map[string]json.RawMessage
}

// Has reports whether the body has the top-level key.
func (r Request) Has(key string) bool {
	_, ok := r.Fields[key]
	return ok
}

// Message is one message of a request.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ResponseFormat is a request's response_format.
type ResponseFormat struct {
	Type       string      `json:"type"`
	JSONSchema *JSONSchema `json:"json_schema,omitempty"`
}

// JSONSchema is the json_schema member of a response_format.
type JSONSchema struct {
	Name   string          `json:"name"`
	Strict bool            `json:"strict"`
	Schema json.RawMessage `json:"schema"`
}

// body is the wire form of the fields Request decodes.
type body struct {
	Model               string          `json:"model"`
	Messages            []Message       `json:"messages"`
	Temperature         *float64        `json:"temperature"`
	MaxTokens           int             `json:"max_tokens"`
	MaxCompletionTokens int             `json:"max_completion_tokens"`
	ResponseFormat      *ResponseFormat `json:"response_format"`
	Stream              bool            `json:"stream"`
	StreamOptions       *struct {
		IncludeUsage bool `json:"include_usage"`
	} `json:"stream_options"`
}

// decodeRequest reads and decodes r's body.
func decodeRequest(r *http.Request, deployment string) (Request, error) {
	raw, err := io.ReadAll(r.Body)
	if err != nil {
		return Request{}, fmt.Errorf("read body: %w", err)
	}
	req := Request{
		Received:   time.Now(),
		Method:     r.Method,
		Path:       r.URL.Path,
		Query:      r.URL.Query(),
		Header:     r.Header.Clone(),
		Deployment: deployment,
		APIVersion: r.URL.Query().Get("api-version"),
		Body:       raw,
	}
	var b body
	if err := json.Unmarshal(raw, &b); err != nil {
		return req, fmt.Errorf("body is not a JSON chat completion request: %w", err)
	}
	if err := json.Unmarshal(raw, &req.Fields); err != nil {
		return req, fmt.Errorf("body is not a JSON object: %w", err)
	}
	req.Model = b.Model
	req.Messages = b.Messages
	req.Temperature = b.Temperature
	req.MaxTokens = b.MaxTokens
	req.MaxCompletionTokens = b.MaxCompletionTokens
	req.ResponseFormat = b.ResponseFormat
	req.Stream = b.Stream
	req.IncludeUsage = b.StreamOptions != nil && b.StreamOptions.IncludeUsage
	return req, nil
}
