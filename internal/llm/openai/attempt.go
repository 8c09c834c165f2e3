package openai

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/prodgen/prodgen/internal/llm"
)

// attempt sends creq once and reads the whole stream. It returns the
// answer, or why there is none and whether to try again.
func (c *Client) attempt(ctx context.Context, creq openai.ChatCompletionRequest, progress func(llm.Progress)) (*llm.Response, *failure) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	dog := startWatchdog(c.cfg.IdleTimeout, cancel)
	defer dog.stop()
	ex := &exchange{touch: dog.touch}

	stream, err := c.api.CreateChatCompletionStream(withExchange(actx, ex), creq)
	if err != nil {
		return nil, c.requestFailure(actx, ex, err)
	}
	// Closing only releases the connection; the answer is already read.
	defer func() { _ = stream.Close() }()

	var a answer
	err = a.read(stream, progress)
	switch {
	case ctx.Err() != nil:
		return nil, &failure{err: ctx.Err()}
	case a.finished():
		// A clean finish is the whole answer, even if the connection broke
		// afterwards, before the usage or [DONE].
		return a.response(c.cfg.Model)
	case err != nil:
		return nil, c.streamFailure(actx, ex, err, a.chunks)
	case a.chunks == 0 && !eventStream(ex.header):
		return nil, &failure{err: &llm.IncompleteError{
			Reason: fmt.Sprintf("the endpoint did not stream its answer (Content-Type %q)", ex.header.Get("Content-Type")),
			Hint:   "prodgen needs an endpoint that streams chat completions; check base_url",
		}}
	}
	return nil, c.finishFailure(a.finish)
}

// eventStream reports whether a response is a server-sent event stream.
func eventStream(h http.Header) bool {
	mt, _, err := mime.ParseMediaType(h.Get("Content-Type"))
	return err == nil && mt == "text/event-stream"
}

// answer accumulates a streamed answer.
type answer struct {
	content strings.Builder
	refusal strings.Builder
	finish  string
	model   string
	usage   llm.Usage
	chunks  int // chunks that carried text
}

// read receives chunks until the stream ends, calling progress for each
// chunk that carries text. It returns nil at the end of the stream, with
// or without [DONE].
func (a *answer) read(stream *openai.ChatCompletionStream, progress func(llm.Progress)) error {
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if a.add(chunk) && progress != nil {
			progress(llm.Progress{Chunks: a.chunks})
		}
	}
}

// add takes in one chunk and reports whether it carried text.
func (a *answer) add(chunk openai.ChatCompletionStreamResponse) bool {
	if a.model == "" {
		a.model = chunk.Model
	}
	if u := chunk.Usage; u != nil {
		a.usage = llm.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
	}
	text := false
	for _, ch := range chunk.Choices {
		if ch.Index != 0 {
			continue
		}
		a.content.WriteString(ch.Delta.Content)
		a.refusal.WriteString(ch.Delta.Refusal)
		if ch.FinishReason != "" {
			a.finish = string(ch.FinishReason)
		}
		text = text || ch.Delta.Content != "" || ch.Delta.ReasoningContent != "" || ch.Delta.Refusal != ""
	}
	if text {
		a.chunks++
	}
	return text
}

// finished reports whether the model ended its answer itself. Besides
// OpenAI's "stop", some servers report a natural end by other names.
func (a *answer) finished() bool {
	switch a.finish {
	case "stop", "eos", "eos_token", "stop_sequence", "end_turn":
		return true
	}
	return false
}

// response is the finished answer; a refusal instead of an answer is a
// failure.
func (a *answer) response(model string) (*llm.Response, *failure) {
	if a.content.Len() == 0 && a.refusal.Len() > 0 {
		return nil, &failure{err: &llm.IncompleteError{
			Reason: "refusal",
			Hint:   "the model declined to answer: " + oneLine(a.refusal.String()),
		}}
	}
	if a.model != "" {
		model = a.model
	}
	return &llm.Response{Content: a.content.String(), Model: model, Usage: a.usage}, nil
}

// watchdog cancels an attempt after a silence of d.
type watchdog struct {
	d time.Duration
	t *time.Timer
}

// startWatchdog starts the watch; d <= 0 watches nothing.
func startWatchdog(d time.Duration, cancel context.CancelCauseFunc) *watchdog {
	if d <= 0 {
		return &watchdog{}
	}
	return &watchdog{d: d, t: time.AfterFunc(d, func() { cancel(&idleError{d: d}) })}
}

// touch restarts the silence.
func (w *watchdog) touch() {
	if w.t != nil {
		w.t.Reset(w.d)
	}
}

func (w *watchdog) stop() {
	if w.t != nil {
		w.t.Stop()
	}
}

// idleError is the cause of an attempt cancelled by its watchdog.
type idleError struct{ d time.Duration }

func (e *idleError) Error() string { return "no data for " + e.d.String() }
