package llmtest

import (
	"time"
)

// Reply scripts the server's answer to one request. The zero Reply answers
// an empty content with finish_reason "stop".
//
// A streamed answer is, in order: Delay; the content in Chunks chunks, with
// ChunkDelay before every event after the first; then one ending. The
// ending is the first that applies of: DropAfter (already done), Malformed,
// StreamError, and otherwise the finish chunk (unless NoFinish), the usage
// chunk (when Usage is set and the request asked for stream_options
// include_usage) and data: [DONE] (unless NoDone).
type Reply struct {
	// Content is the assistant's answer.
	Content string
	// Refusal, when set, is streamed as a refusal delta after the content,
	// as OpenAI does when a model declines a structured-output request.
	Refusal string
	// Chunks is how many chunks a streamed Content is split into; 0 or 1
	// sends it in one chunk. It is capped at the number of runes.
	Chunks int
	// Model is the model named in the answer; empty echoes the request's.
	Model string
	// FinishReason is the finish_reason of the finish chunk; empty means
	// "stop". Use "length" or "content_filter" for a cut-off answer.
	FinishReason string
	// Usage is sent as the answer's usage; nil sends none.
	Usage *Usage

	// Delay is waited before answering anything, status included.
	Delay time.Duration
	// ChunkDelay is waited before each streamed event after the first.
	ChunkDelay time.Duration
	// TokensPerSecond, when above 0, paces a streamed Content like a model
	// writing at this rate: the content chunk that brings the answer to n
	// tokens (counted by Tokens) is sent no earlier than n/TokensPerSecond
	// after Delay. Deadlines are taken from one clock, so the stream takes
	// Delay + Tokens(Content)/TokensPerSecond however many chunks it has.
	// ChunkDelay, when also set, is waited on top.
	TokensPerSecond float64

	// Status, when not 0 or 200, fails the request with this status and
	// the JSON body {"error":{"message":ErrorMessage,"type":ErrorType}}.
	Status       int
	ErrorType    string
	ErrorMessage string
	// ErrorBody, when set, replaces that JSON body verbatim (for example an
	// HTML page from a proxy).
	ErrorBody string
	// RetryAfter is sent as the Retry-After header of a failure.
	RetryAfter string
	// EchoAuth appends the request's Authorization and api-key headers to
	// every error message the reply sends, as a careless server might.
	EchoAuth bool
	// EchoKey, when set, is a placeholder in Content that is replaced by
	// the key the request was sent with (the Authorization header's bearer
	// token, else the api-key header): a successful answer that echoes
	// the key, as a model shown it or a careless proxy might.
	EchoKey string

	// Hangup closes the connection before sending a status: a connection
	// error on the client's side.
	Hangup bool
	// DropAfter, when above 0, closes the connection mid-stream after this
	// many content chunks, without finishing the response.
	DropAfter int
	// NoFinish leaves out the chunk with a finish_reason.
	NoFinish bool
	// NoDone leaves out the final data: [DONE].
	NoDone bool
	// StreamError, when set, ends the stream after the content with an
	// in-band error event, data: {"error":{...}}, and no [DONE].
	StreamError *APIError
	// Malformed sends JSON that does not parse: a broken chunk after the
	// content when streaming, a broken body otherwise.
	Malformed bool
	// NoStream answers with one JSON body even when the request asked for
	// a stream, as some endpoints do.
	NoStream bool
}

// Usage is an answer's token counts.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

// APIError is the error object of an error body or event.
type APIError struct {
	Message string `json:"message"`
	Type    string `json:"type"`
	Code    string `json:"code,omitempty"`
}

// Tokens estimates how many tokens a model writes for s: one per four
// bytes, rounded up, the usual rule of thumb for English text and JSON.
func Tokens(s string) int { return (len(s) + 3) / 4 }

// split cuts s into n pieces of nearly equal rune counts.
func split(s string, n int) []string {
	runes := []rune(s)
	if n > len(runes) {
		n = len(runes)
	}
	if n <= 1 {
		return []string{s}
	}
	pieces := make([]string, 0, n)
	for i := range n {
		lo, hi := i*len(runes)/n, (i+1)*len(runes)/n
		pieces = append(pieces, string(runes[lo:hi]))
	}
	return pieces
}
