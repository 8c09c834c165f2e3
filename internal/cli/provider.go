package cli

import (
	"errors"
	"strings"

	"github.com/prodgen/prodgen/internal/config"
	"github.com/prodgen/prodgen/internal/llm"
	"github.com/prodgen/prodgen/internal/llm/cache"
	"github.com/prodgen/prodgen/internal/llm/limit"
	"github.com/prodgen/prodgen/internal/llm/openai"
	"github.com/prodgen/prodgen/internal/llm/tokens"
	"github.com/prodgen/prodgen/internal/pipeline"
)

// credentialsError is a model provider chosen without usable credentials:
// exit code 4.
type credentialsError struct{ err error }

func (e *credentialsError) Error() string {
	return e.err.Error() + "; or run with --provider offline"
}

func (e *credentialsError) Unwrap() error { return e.err }

// modelName is the model that writes the documents, or "" when the
// offline engine does: "auto" picks a model when one is configured.
func modelName(cfg *config.Config) string {
	if cfg.Provider == "openai" || (cfg.Provider == "auto" && cfg.ModelConfigured()) {
		return cfg.Model
	}
	return ""
}

// engine chooses what writes the documents.
func (f *factory) engine(cfg *config.Config) (pipeline.Engine, error) {
	if modelName(cfg) == "" {
		var first func()
		if cfg.Provider == "auto" {
			first = func() {
				f.infof("using the built-in offline engine: no model is configured (set OPENAI_API_KEY, or base_url for a local model)\n")
			}
		}
		return pipeline.Offline(first), nil
	}
	c, err := f.client(cfg)
	if err != nil {
		return nil, err
	}
	return pipeline.Model(c, cfg.Jobs, cfg.RepairAttempts, cfg.APIKey), nil
}

// client is the configured model's client: the endpoint's adapter inside
// the rate limiter inside the response cache. With --verbose each of them
// tells what it does unseen: retries, waits and answers from the cache.
func (f *factory) client(cfg *config.Config) (llm.Client, error) {
	log := f.modelLog(cfg.APIKey)
	ocfg := openaiConfig(cfg)
	ocfg.Log = log
	client, err := openai.New(ocfg)
	if err != nil {
		if errors.Is(err, llm.ErrNoCredentials) {
			return nil, &credentialsError{err}
		}
		return nil, &config.Error{Source: "provider", Err: err}
	}
	var c llm.Client = client
	if (cfg.RequestsPerMinute > 0 || cfg.TokensPerMinute > 0) && f.deps.Now != nil {
		// Inside the cache, so that an answer from the cache costs nothing.
		c = limit.New(client, cfg.RequestsPerMinute, cfg.TokensPerMinute, tokens.Request, f.deps.Now, log)
	}
	dir := f.path(cfg.CacheDir)
	if dir == "" {
		dir = cache.DefaultDir(f.deps.Getenv, f.deps.Getenv("HOME"))
	}
	if !f.flags.noCache && dir != "" {
		// Outermost, so that the model engine can tell it which answers
		// validated (llm.Keeper): it keeps only those.
		cc := cache.New(dir, c, cache.Identity{Endpoint: endpoint(cfg), Model: cfg.Model, Params: cfg.CacheParams()})
		cc.Warn = func(err error) { f.infof("warning: response cache: %v\n", err) }
		cc.Log = log
		c = cc
	}
	return c, nil
}

// modelLog prints the model client's lines with --verbose, and is nil
// otherwise. The adapter redacts the API key; it is cut out here again,
// as from anything else prodgen prints.
func (f *factory) modelLog(secret string) func(string) {
	if !f.flags.verbose {
		return nil
	}
	return func(msg string) {
		if secret != "" {
			msg = strings.ReplaceAll(msg, secret, "[redacted]")
		}
		f.debugf("%s\n", msg)
	}
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
