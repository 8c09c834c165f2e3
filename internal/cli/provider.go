package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/cache"
	"github.com/prodgen/prodgen/internal/llm/limit"
	"github.com/prodgen/prodgen/internal/llm/offline"
	"github.com/prodgen/prodgen/internal/llm/openai"
	"github.com/prodgen/prodgen/internal/pipeline"
	"github.com/prodgen/prodgen/internal/prompt"
)

// credentialsError is a model provider chosen without usable credentials:
// exit code 4.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string {
	return e.err.Error() + "; or run with --provider offline"
}

func (e *credentialsError) Unwrap() error { return e.err }

// engine is what writes a project's documents.
type engine struct {
	client  llm.Client
	prompts *prompt.Set // nil for the offline engine
	model   bool        // a language model, not the offline engine
}

// engine chooses what writes the documents: "auto" picks a model when one
// is configured and the offline engine otherwise.
func (f *factory) engine(cfg *config.Config) (*engine, error) {
	useModel := cfg.Provider == "openai" || (cfg.Provider == "auto" && cfg.ModelConfigured())
	if !useModel {
		client := llm.Client(offline.New())
		if cfg.Provider == "auto" {
			client = &announcing{Client: client, announce: func() {
				f.infof("using the built-in offline engine: no model is configured (set OPENAI_API_KEY, or base_url for a local model)\n")
			}}
		}
		return &engine{client: client}, nil
	}
	client, err := openai.New(openaiConfig(cfg))
	if err != nil {
		if errors.Is(err, llm.ErrNoCredentials) {
			return nil, &credentialsError{err}
		}
		return nil, &config.Error{Source: "provider", Err: err}
	}
	var c llm.Client = client
	if (cfg.RequestsPerMinute > 0 || cfg.TokensPerMinute > 0) && f.deps.Now != nil {
		// Inside the cache, so that an answer from the cache costs nothing.
		c = limit.New(client, cfg.RequestsPerMinute, cfg.TokensPerMinute, pipeline.PromptTokens, f.deps.Now)
	}
	// Only model answers are cached: the offline engine reads Input, which
	// is not part of the cache key.
	dir := f.path(cfg.CacheDir)
	if dir == "" {
		dir = cache.DefaultDir(f.deps.Getenv, f.deps.Getenv("HOME"))
	}
	if !f.flags.noCache && dir != "" {
		cc := cache.New(dir, c, cache.Identity{Endpoint: endpoint(cfg), Model: cfg.Model, Params: cfg.CacheParams()})
		cc.Warn = func(err error) { f.infof("warning: response cache: %v\n", err) }
		c = cc
	}
	return &engine{client: c, prompts: prompt.New(f.path(cfg.PromptsDir)), model: true}, nil
}

func openaiConfig(cfg *config.Config) openai.Config {
	return openai.Config{
		BaseURL:        cfg.BaseURL,
		APIKey:         cfg.APIKey,
		APIType:        cfg.APIType,
		APIVersion:     cfg.APIVersion,
		Organization:   cfg.Organization,
		Model:          cfg.Model,
		Temperature:    cfg.Temperature,
		MaxTokens:      cfg.MaxTokens,
		Timeout:        cfg.Timeout,
		IdleTimeout:    cfg.IdleTimeout,
		MaxRetries:     cfg.MaxRetries,
		ResponseFormat: cfg.ResponseFormat,
	}
}

// endpoint names the server answers come from, for the cache key.
func endpoint(cfg *config.Config) string {
	if cfg.BaseURL != "" {
		return strings.TrimRight(cfg.BaseURL, "/")
	}
	return openai.DefaultBaseURL
}

// announcing calls announce before the first request it passes on, so a
// run that fails on its input prints the error and nothing else.
type announcing struct {
	llm.Client
	once     sync.Once
	announce func()
}

func (a *announcing) Complete(ctx context.Context, req llm.Request) (*llm.Response, error) {
	a.once.Do(a.announce)
	return a.Client.Complete(ctx, req)
}

// usageLine describes what a stage cost, for the "wrote" line.
func usageLine(model string, u llm.Usage, requests int, cached bool) string {
	switch {
	case cached:
		return fmt.Sprintf("%s, from the cache", model)
	case requests > 1:
		return fmt.Sprintf("%s, %d requests, %d prompt + %d completion tokens", model, requests, u.PromptTokens, u.CompletionTokens)
	}
	return fmt.Sprintf("%s, %d prompt + %d completion tokens", model, u.PromptTokens, u.CompletionTokens)
}
