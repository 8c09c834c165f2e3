package config

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrMalformedKey is an API key that no endpoint can accept: it holds a
// control character (a line break, a tab...). Load trims the space around
// a key, the usual trace of a pasted secret, but a key broken inside is
// refused before any request is sent, rather than sent and failed on as a
// network error.
var ErrMalformedKey = errors.New("the API key holds a control character")

// Validate checks every value, naming the bad key and what it allows.
func (c *Config) Validate() error {
	checks := []struct {
		key string
		err error
	}{
		{"provider", oneOf(c.Provider, Providers)},
		{"brief", nonEmpty(c.Brief, "must name the brief file, e.g. brief.md")},
		{"out_dir", nonEmpty(c.OutDir, "must name a folder, e.g. docs")},
		{"model", nonEmpty(c.Model, "must name a model, e.g. gpt-4o-mini")},
		{"api_type", oneOf(c.APIType, APITypes)},
		{"response_format", oneOf(c.ResponseFormat, ResponseFormats)},
		{"jobs", between(c.Jobs, 1, 64)},
		{"requests_per_minute", atLeast(c.RequestsPerMinute, 0)},
		{"tokens_per_minute", atLeast(c.TokensPerMinute, 0)},
		{"context_window", atLeast(c.ContextWindow, 1024)},
		{pricesKey, checkPrices(c.Prices)},
		{"base_url", checkURL(c.BaseURL)},
		{"temperature", checkTemperature(c.Temperature)},
		{"max_tokens", atLeast(c.MaxTokens, 0)},
		{"max_retries", between(c.MaxRetries, 0, 10)},
		{"repair_attempts", between(c.RepairAttempts, 0, 5)},
		{"timeout", positive(c.Timeout.Seconds())},
		{"idle_timeout", positive(c.IdleTimeout.Seconds())},
		{"scaffold_dir", nonEmpty(c.ScaffoldDir, "must name a folder, e.g. prototype")},
		{"scaffold_lang", optionalOneOf(c.ScaffoldLang, c.languages)},
		{"scaffold_max_files", between(c.ScaffoldMaxFiles, 1, 100000)},
		{"scaffold_max_bytes", between(c.ScaffoldMaxBytes, 1, 1<<30)},
		{"verify_timeout", positive(c.VerifyTimeout.Seconds())},
	}
	for _, ch := range checks {
		if ch.err != nil {
			return &Error{Source: ch.key, Err: ch.err}
		}
	}
	if c.Provider != "offline" {
		if err := checkAPIKey(c.APIKey); err != nil {
			return &Error{Source: "api_key", Err: err}
		}
	}
	if c.APIType == "azure" && c.Provider != "offline" && c.ModelConfigured() {
		if c.BaseURL == "" {
			return &Error{Source: "base_url", Err: errors.New("api_type azure needs the resource endpoint, e.g. https://NAME.openai.azure.com")}
		}
		if c.APIVersion == "" {
			return &Error{Source: "api_version", Err: errors.New("api_type azure needs an API version, e.g. 2024-10-21")}
		}
	}
	return nil
}

func oneOf(v string, allowed []string) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	return fmt.Errorf("unknown value %q (allowed: %s)", v, strings.Join(allowed, ", "))
}

func optionalOneOf(v string, allowed []string) error {
	if v == "" || allowed == nil {
		return nil
	}
	return oneOf(v, allowed)
}

func nonEmpty(v, msg string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New(msg)
	}
	return nil
}

// checkAPIKey refuses a key with a control character in it. The message
// says where the character is, never what the key is.
func checkAPIKey(key string) error {
	i := strings.IndexFunc(key, unicode.IsControl)
	if i < 0 {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(key[i:])
	return fmt.Errorf("%w (%U after %d characters): remove it and set the key again", ErrMalformedKey, r, utf8.RuneCountInString(key[:i]))
}

func checkURL(v string) error {
	if v == "" {
		return nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http or https URL", v)
	}
	return nil
}

func checkTemperature(t *float64) error {
	if t != nil && (*t < 0 || *t > 2) {
		return fmt.Errorf("%g is out of range (allowed: 0 to 2)", *t)
	}
	return nil
}

func atLeast(v, lo int) error {
	if v < lo {
		return fmt.Errorf("%d is too small (at least %d)", v, lo)
	}
	return nil
}

func between(v, lo, hi int) error {
	if v < lo || v > hi {
		return fmt.Errorf("%d is out of range (allowed: %d to %d)", v, lo, hi)
	}
	return nil
}

func positive(seconds float64) error {
	if seconds <= 0 {
		return errors.New("must be longer than zero, e.g. 90s or 5m")
	}
	return nil
}
