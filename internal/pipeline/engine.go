package pipeline

import (
	"context"
	"fmt"
	"sync"

	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/plural"
)

// Engine writes the stages' artifacts: a language model (Model) or the
// built-in offline engine (Offline). Each stage says how either makes its
// artifact (a work); the engine picks its way. Nothing else in prodgen
// asks which engine is running.
type Engine interface {
	// write makes w's artifact.
	write(ctx context.Context, p *Project, w work) (Usage, error)
	// inputs are what the engine read to write a stage besides the
	// stage's files: a model's prompt template, whose change makes the
	// document stale.
	inputs(p *Project, prompt string) ([]fileHash, error)
	// repairs is how often a prototype that fails its build or tests may go
	// back to be repaired.
	repairs() int
	// provider names the engine in the lock: "openai" or "offline".
	provider() string
}

// work is one stage's artifact to make, in the two ways the engines make
// it. A stage reads its inputs into a work; the engine then either builds
// the artifact from the parsed inputs or asks a model for it.
type work interface {
	// build makes the artifact from the parsed inputs, as the offline
	// engine does.
	build() error
	// calls are the requests a model is sent, each with the value its
	// answer decodes into and is checked as.
	calls(p *Project) ([]call, error)
	// merge joins the calls' answers into the artifact, in the calls'
	// order, whatever order they arrived in. What it leaves out of an
	// answer it tells p's observer.
	merge(p *Project, calls []call)
}

// phased is a work whose calls come in rounds: each round's calls are
// built from the answers of the rounds before, as a large tech spec's
// tasks requests carry the design its first request wrote.
type phased interface {
	// next returns the calls of the next round, given every call sent so
	// far with its answer; none when the work is done.
	next(p *Project, done []call) ([]call, error)
}

// Usage is what one stage cost, summed over its requests.
type Usage struct {
	// Provider is the engine that wrote the output: "openai" or "offline".
	Provider string
	Model    string
	Tokens   llm.Usage
	Requests int
	Cached   bool // every answer came from the cache
}

// Offline returns the built-in engine: it writes every artifact from the
// parsed inputs alone, deterministically, and calls no model. first, when
// set, is called once, as the engine is first used.
func Offline(first func()) Engine {
	return &offlineEngine{first: first}
}

type offlineEngine struct {
	first func()
	once  sync.Once
}

// offlineModel is what the lock records as the offline engine's model.
const offlineModel = "offline"

func (e *offlineEngine) write(ctx context.Context, _ *Project, w work) (Usage, error) {
	if e.first != nil {
		e.once.Do(e.first)
	}
	if err := ctx.Err(); err != nil {
		return Usage{}, err
	}
	if err := w.build(); err != nil {
		return Usage{}, err
	}
	return Usage{Provider: offlineModel, Model: offlineModel, Requests: 1}, ctx.Err()
}

// The offline engine reads no prompt: a prompt's change does not touch
// what it writes.
func (e *offlineEngine) inputs(*Project, string) ([]fileHash, error) { return nil, nil }

// A deterministic engine would answer a repair with the same prototype.
func (e *offlineEngine) repairs() int { return 0 }

func (e *offlineEngine) provider() string { return offlineModel }

// checked numbers an artifact the offline engine built and validates it,
// as a model's answer is: nothing invalid is ever rendered.
func checked(v artifactValue, stage string) error {
	v.number()
	if err := v.validate(); err != nil {
		return &invalidAnswerError{Stage: stage, Attempts: 1, Err: err}
	}
	return nil
}

// invalidAnswerError is an answer that still failed decoding or validation
// after every repair attempt.
type invalidAnswerError struct {
	Stage    string
	Attempts int
	// Cached says the last answer came from the response cache, so asking
	// the model itself may do better.
	Cached bool
	Err    error
}

func (e *invalidAnswerError) Error() string {
	msg := fmt.Sprintf("%s stage: the answer was invalid after %s: %v", e.Stage, plural.Count(e.Attempts, "attempt"), e.Err)
	if e.Cached {
		msg += "; the answer came from the response cache (run with --no-cache to ask the model again)"
	}
	return msg
}

func (e *invalidAnswerError) Unwrap() error { return e.Err }
