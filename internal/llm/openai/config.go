package openai

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/prodgen/prodgen/internal/llm"
)

// Values of Config.APIType and Config.ResponseFormat.
const (
	APITypeOpenAI = "openai"
	APITypeAzure  = "azure"

	FormatJSONSchema = "json_schema"
	FormatJSONObject = "json_object"
)

// DefaultIdleTimeout is the longest silence allowed while an answer streams
// when Config.IdleTimeout is 0.
const DefaultIdleTimeout = 60 * time.Second

// DefaultBaseURL is OpenAI's endpoint, used when Config.BaseURL is empty.
const DefaultBaseURL = "https://api.openai.com/v1"

// Config configures a Client. prodgen's config package fills it; the zero
// value of every optional field picks a sensible default.
type Config struct {
	// BaseURL is the OpenAI-compatible endpoint, e.g.
	// http://localhost:11434/v1 for Ollama; empty means OpenAI's. For
	// Azure it is the resource endpoint, https://NAME.openai.azure.com.
	BaseURL string
	// APIKey is sent as "Authorization: Bearer" (Azure: the api-key
	// header). A local endpoint may need none.
	APIKey string
	// APIType is "openai" (also when empty) or "azure".
	APIType string
	// APIVersion is Azure's api-version; required for Azure.
	APIVersion string
	// Organization is the OpenAI organization ID, sent when set.
	Organization string
	// Model is the model name; for Azure, the deployment name.
	Model string
	// Temperature is the sampling temperature; nil leaves it to the
	// endpoint. A 0 is sent as 0.
	Temperature *float64
	// MaxTokens caps the answer's tokens; 0 leaves it to the endpoint.
	MaxTokens int
	// Timeout bounds a whole Complete call, retries and waits included;
	// 0 means no bound beyond the caller's context.
	Timeout time.Duration
	// IdleTimeout is the longest silence allowed from sending a request
	// to its response headers and between bytes of a stream; 0 means
	// DefaultIdleTimeout, a negative value no limit.
	IdleTimeout time.Duration
	// MaxRetries is how many times a failed attempt is retried; 0 (or
	// less) means none. prodgen passes 3 by default.
	MaxRetries int
	// ResponseFormat is "json_schema" (also when empty: strict structured
	// output from Request.Schema) or "json_object" for endpoints without
	// structured output.
	ResponseFormat string
	// HTTPClient sends the requests; nil builds one with dial, TLS and
	// keep-alive timeouts but no overall Timeout, which would cut long,
	// healthy streams. A client given here should not set Timeout either.
	HTTPClient *http.Client
	// Sleep waits between attempts; nil waits on a timer, returning early
	// with ctx's error.
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter returns a number in [0, 1) that scales each backoff; nil uses
	// math/rand.
	Jitter func() float64
	// Log, when set, is told what the client does that its caller does
	// not otherwise see: each failed attempt that may be retried (why,
	// and how long until the next), each pause of every request after a
	// rate limit, and a request sent again without stream_options. Each
	// call is one line without a newline, starting with the request's
	// stage, with the API key redacted. It may be called from several
	// goroutines at once.
	Log func(msg string)
}

// normalize checks cfg and fills its defaults.
func normalize(cfg Config) (Config, error) {
	if cfg.APIType == "" {
		cfg.APIType = APITypeOpenAI
	}
	if cfg.ResponseFormat == "" {
		cfg.ResponseFormat = FormatJSONSchema
	}
	if err := check(cfg); err != nil {
		return cfg, err
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.IdleTimeout == 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	cfg.MaxRetries = max(cfg.MaxRetries, 0)
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = defaultHTTPClient()
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	return cfg, nil
}

// check reports the first problem in cfg, naming the key to fix.
func check(cfg Config) error {
	switch {
	case cfg.APIType != APITypeOpenAI && cfg.APIType != APITypeAzure:
		return fmt.Errorf("api_type %q is not supported (allowed: openai, azure)", cfg.APIType)
	case cfg.ResponseFormat != FormatJSONSchema && cfg.ResponseFormat != FormatJSONObject:
		return fmt.Errorf("response_format %q is not supported (allowed: json_schema, json_object)", cfg.ResponseFormat)
	case cfg.APIKey == "" && cfg.BaseURL == "":
		return fmt.Errorf("%w: set OPENAI_API_KEY or PRODGEN_API_KEY for OpenAI, "+
			"or base_url for a local endpoint such as Ollama (http://localhost:11434/v1)", llm.ErrNoCredentials)
	case cfg.APIType == APITypeAzure && cfg.BaseURL == "":
		return errors.New("api_type azure needs base_url, the resource endpoint, e.g. https://NAME.openai.azure.com")
	case cfg.APIType == APITypeAzure && cfg.APIVersion == "":
		return errors.New("api_type azure needs api_version, e.g. 2024-10-21")
	case cfg.APIType == APITypeAzure && cfg.APIKey == "":
		return fmt.Errorf("%w: api_type azure needs an API key; set OPENAI_API_KEY or PRODGEN_API_KEY", llm.ErrNoCredentials)
	case cfg.Model == "":
		return errors.New("model is empty: name a model, e.g. gpt-4o-mini (Azure: the deployment name)")
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("base_url %q is not an http or https URL", cfg.BaseURL)
		}
	}
	return nil
}

// defaultHTTPClient bounds connecting, not answering: a healthy stream may
// last many minutes. Waiting for headers and for stream bytes is bounded
// by Config.IdleTimeout instead, which is why ResponseHeaderTimeout is
// unset. Proxies are taken from the standard environment variables, as
// every Go program does.
func defaultHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}}
}

// sleep waits for d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
