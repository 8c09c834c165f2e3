package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/llm"
)

// InvalidAnswerError is an answer that still failed decoding or validation
// after every repair attempt.
type InvalidAnswerError struct {
	Stage    string
	Attempts int
	Err      error
}

func (e *InvalidAnswerError) Error() string {
	return fmt.Sprintf("%s stage: the answer was invalid after %s: %v", e.Stage, count(e.Attempts, "attempt"), e.Err)
}

func (e *InvalidAnswerError) Unwrap() error { return e.Err }

// Usage is what one stage cost, summed over its attempts.
type Usage struct {
	// Provider is "offline" for the offline engine, else "openai".
	Provider string
	Model    string
	Tokens   llm.Usage
	Requests int
	Cached   bool // every answer came from the cache
}

// artifactValue is what a stage decodes the answer into: it numbers its
// items and checks itself against its inputs.
type artifactValue interface {
	reset()
	number()
	validate() error
}

// generate asks the client for a stage's artifact, decodes it strictly and
// validates it. An invalid answer goes back to the model with the problems
// found, up to RepairAttempts times, so a model can fix what it got wrong;
// nothing invalid is ever rendered.
func (p *Project) generate(ctx context.Context, req llm.Request, into artifactValue) (Usage, error) {
	var usage Usage
	usage.Cached = true
	for attempt := 0; ; attempt++ {
		resp, err := p.Client.Complete(ctx, req)
		if err != nil {
			return usage, fmt.Errorf("%s stage: %w", req.Stage, err)
		}
		usage.Requests++
		usage.Model = resp.Model
		usage.Provider = "openai"
		if resp.Model == "offline" {
			usage.Provider = "offline"
		}
		usage.Tokens.PromptTokens += resp.Usage.PromptTokens
		usage.Tokens.CompletionTokens += resp.Usage.CompletionTokens
		usage.Cached = usage.Cached && resp.Cached
		into.reset()
		err = decodeStrict(resp.Content, into)
		if err == nil {
			into.number()
			err = into.validate()
		}
		if err == nil {
			return usage, nil
		}
		if attempt >= p.RepairAttempts || len(req.Messages) == 0 {
			return usage, &InvalidAnswerError{Stage: req.Stage, Attempts: attempt + 1, Err: err}
		}
		req.Messages = append(req.Messages,
			llm.Message{Role: llm.RoleAssistant, Content: resp.Content},
			llm.Message{Role: llm.RoleUser, Content: repairRequest(err)})
	}
}

// decodeStrict decodes one JSON object: unknown fields and trailing data
// are errors, since they mean the answer does not follow the schema.
func decodeStrict(content string, into any) error {
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(into); err != nil {
		return fmt.Errorf("the answer is not the JSON object the schema describes: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("the answer has text after the JSON object")
	}
	return nil
}

func repairRequest(err error) string {
	var b strings.Builder
	b.WriteString("Your answer cannot be used. These problems were found:\n\n")
	for _, line := range strings.Split(err.Error(), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			fmt.Fprintf(&b, "- %s\n", line)
		}
	}
	b.WriteString("\nAnswer again with the whole corrected JSON object, and nothing else.")
	return b.String()
}
