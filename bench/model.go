package main

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// exchange is the fake model's record of one request: what it was asked
// and how long a model at the configured speed takes to answer.
type exchange struct {
	Stage  string
	Tokens int // completion tokens of the answer
	// Simulated is latency + Tokens/rate: the request's duration at a
	// model of that speed, which the server paces the answer to take.
	Simulated time.Duration
	// Repair says the request sent an earlier answer back to be fixed.
	Repair bool
	// Offered are the IDs the request's schema lets the answer reference.
	Offered []string
	// Part is the part of a split tech stage asked for (see techPart).
	Part string
}

// fakeModel is an OpenAI-compatible server answering every request with a
// valid artifact for its stage, at a simulated speed, and recording what
// it was asked.
type fakeModel struct {
	srv     *llmtest.Server
	latency time.Duration
	rate    float64 // tokens per second; 0 streams as fast as it can
	answers *answerer

	mu        sync.Mutex
	exchanges []exchange
	errs      []error
}

// startModel starts a fake model; the caller must close it.
func startModel(a *answerer, latency time.Duration, rate float64) (*fakeModel, error) {
	m := &fakeModel{latency: latency, rate: rate, answers: a}
	srv, err := llmtest.Start(llmtest.Options{Responder: m.respond})
	if err != nil {
		return nil, err
	}
	m.srv = srv
	return m, nil
}

func (m *fakeModel) close() { m.srv.Close() }

// respond answers one request and records it.
func (m *fakeModel) respond(req llmtest.Request) llmtest.Reply {
	ex := exchange{}
	var schema []byte
	if rf := req.ResponseFormat; rf != nil && rf.JSONSchema != nil {
		ex.Stage, schema = rf.JSONSchema.Name, rf.JSONSchema.Schema
	}
	prompt := 0
	var text strings.Builder
	for _, msg := range req.Messages {
		prompt += llmtest.Tokens(msg.Content)
		ex.Repair = ex.Repair || msg.Role == "assistant"
		text.WriteString(msg.Content)
	}
	switch ex.Stage {
	case "tech":
		ex.Part = techPart(text.String())
	case "stories":
		ex.Part = storiesGroup(text.String())
	}
	content, err := m.answers.answer(ex.Stage, ex.Part, schema)
	if err == nil {
		ex.Offered, err = offered(ex.Stage, ex.Part, schema)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err != nil {
		m.errs = append(m.errs, fmt.Errorf("request %d: %w", len(m.exchanges)+len(m.errs)+1, err))
		return llmtest.Reply{Status: 400, ErrorType: "invalid_request_error", ErrorMessage: err.Error()}
	}
	ex.Tokens = llmtest.Tokens(content)
	ex.Simulated = m.latency
	if m.rate > 0 {
		ex.Simulated += time.Duration(float64(ex.Tokens) / m.rate * float64(time.Second))
	}
	m.exchanges = append(m.exchanges, ex)
	return llmtest.Reply{
		Content:         content,
		Chunks:          ex.Tokens, // a model streams about one token a chunk
		Delay:           m.latency,
		TokensPerSecond: m.rate,
		Usage:           &llmtest.Usage{PromptTokens: prompt, CompletionTokens: ex.Tokens, TotalTokens: prompt + ex.Tokens},
	}
}

// offered are the IDs a request asks its answer to cover: for a stories
// request the group of requirements its prompt names (part), since its
// schema offers every requirement (a story may trace one of another
// group); for a tech request the stories its schema offers.
func offered(stage, part string, schema []byte) ([]string, error) {
	switch stage {
	case "stories":
		if part != "" {
			return strings.Split(part, ", "), nil
		}
		return enumAt(schema, "stories", "traces")
	case "tech":
		return enumAt(schema, "tasks", "stories")
	}
	return nil, nil
}

// take returns what the server recorded since the last take, and the
// errors it met answering.
func (m *fakeModel) take() ([]exchange, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ex, errs := m.exchanges, m.errs
	m.exchanges, m.errs = nil, nil
	if len(errs) > 0 {
		return ex, fmt.Errorf("the fake model could not answer: %w", errs[0])
	}
	return ex, nil
}
