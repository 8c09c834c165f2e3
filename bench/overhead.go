package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// overhead compares prodgen's cost of one model call with a minimal
// go-openai program's, both whole processes against the same fake model.
type overhead struct {
	Prodgen sample
	Minimal sample
	// Latency and Rate are the fake model's; zero answers at once.
	Latency time.Duration
	Rate    float64
}

// Diff is how much longer prodgen takes than the minimal program.
func (o overhead) Diff() time.Duration { return o.Prodgen.Wall - o.Minimal.Wall }

// Ratio is prodgen's time over the minimal program's.
func (o overhead) Ratio() float64 { return ratio(o.Prodgen.Wall, o.Minimal.Wall) }

// minimalRequest is what bench/minimal reads: the request to send.
type minimalRequest struct {
	Model    string          `json:"model"`
	Messages json.RawMessage `json:"messages"`
	Schema   struct {
		Name   string          `json:"name"`
		Schema json.RawMessage `json:"schema"`
	} `json:"schema"`
}

// overhead measures prodgen's cost per model call twice: against the fake
// model with the suite's simulated latency and token rate, as a user
// waits on a real model (the target), and against a model answering at
// once, which shows prodgen's own cost undiluted.
func (b *bench) overhead(ctx context.Context) error {
	// A simulated call takes seconds; fewer runs give a stable median.
	sim, err := b.measureOverhead(ctx, b.opts.latency, b.opts.rate, max(b.opts.runs/4, 3))
	if err != nil {
		return err
	}
	instant, err := b.measureOverhead(ctx, 0, 0, b.opts.runs)
	if err != nil {
		return err
	}
	b.overheadCost, b.overheadInstant = sim, instant
	return nil
}

// measureOverhead runs `prodgen prd --no-cache --provider openai` on a
// small brief and the minimal program with the request prodgen sent, in
// turns, runs times each after one warm-up run of each.
func (b *bench) measureOverhead(ctx context.Context, latency time.Duration, rate float64, runs int) (overhead, error) {
	a, err := newAnswerer(briefSmall)
	if err != nil {
		return overhead{}, err
	}
	m, err := startModel(a, latency, rate)
	if err != nil {
		return overhead{}, err
	}
	defer m.close()
	prodgen := func(int) (proc, error) {
		dir, e, err := b.project("overhead", briefSmall)
		if err != nil {
			return proc{}, err
		}
		return b.run(ctx, dir, modelEnv(e, m), b.prodgen, "prd", "--no-cache", "--provider", "openai")
	}
	if _, err := prodgen(0); err != nil {
		return overhead{}, err
	}
	reqFile, err := b.writeRequest(m)
	if err != nil {
		return overhead{}, err
	}
	dir, e, err := b.project("minimal", nil)
	if err != nil {
		return overhead{}, err
	}
	minimal := func(int) (proc, error) {
		return b.run(ctx, dir, modelEnv(e, m), b.minimal, reqFile, filepath.Join(dir, "prd.json"))
	}
	if _, err := minimal(0); err != nil {
		return overhead{}, err
	}
	var ps, ms []proc
	for range runs {
		for _, step := range []struct {
			once func(int) (proc, error)
			into *[]proc
		}{{prodgen, &ps}, {minimal, &ms}} {
			p, err := step.once(0)
			if err != nil {
				return overhead{}, err
			}
			*step.into = append(*step.into, p)
		}
	}
	ex, err := m.take()
	if err != nil {
		return overhead{}, err
	}
	if want := 2 * (runs + 1); len(ex) != want {
		return overhead{}, fmt.Errorf("the model was asked %d times, want %d (one request a run, no repair)", len(ex), want)
	}
	return overhead{Prodgen: medians(ps), Minimal: medians(ms), Latency: latency, Rate: rate}, nil
}

// writeRequest saves the first request prodgen sent, for the minimal
// program to send the same.
func (b *bench) writeRequest(m *fakeModel) (string, error) {
	reqs := m.srv.Requests()
	if len(reqs) == 0 || reqs[0].ResponseFormat == nil || reqs[0].ResponseFormat.JSONSchema == nil {
		return "", fmt.Errorf("prodgen sent no request with a JSON schema")
	}
	r := reqs[0]
	var mr minimalRequest
	mr.Model = r.Model
	mr.Messages = r.Fields["messages"]
	mr.Schema.Name = r.ResponseFormat.JSONSchema.Name
	mr.Schema.Schema = r.ResponseFormat.JSONSchema.Schema
	data, err := json.Marshal(mr)
	if err != nil {
		return "", err
	}
	file := filepath.Join(b.tmp, "request.json")
	return file, os.WriteFile(file, data, 0o644)
}
