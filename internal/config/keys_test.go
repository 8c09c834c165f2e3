package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// load writes file (if any) as prodgen.yaml in a fresh folder and loads it
// with the environment env and the flags args.
func load(t *testing.T, file string, env []string, args ...string) (*Config, error) {
	t.Helper()
	dir := t.TempDir()
	if file != "" {
		if err := os.WriteFile(filepath.Join(dir, FileName), []byte(file), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Load(Options{Dir: dir, Getenv: envOf(env...), Flags: flagSet(t, args...)})
}

func TestNewKeysDefaults(t *testing.T) {
	cfg, err := load(t, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Jobs != 4 || cfg.RequestsPerMinute != 0 || cfg.TokensPerMinute != 0 || cfg.ContextWindow != 128000 || len(cfg.Prices) != 0 {
		t.Errorf("defaults: jobs %d rpm %d tpm %d context %d prices %v", cfg.Jobs, cfg.RequestsPerMinute, cfg.TokensPerMinute, cfg.ContextWindow, cfg.Prices)
	}
	if _, ok := cfg.Price("gpt-4o-mini"); ok {
		t.Error("Price found a built-in price; there must be none")
	}
}

func TestNewKeysValid(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		env   []string
		flags []string
		check func(*Config) bool
	}{
		{name: "jobs from file", file: "jobs: 1\n", check: func(c *Config) bool { return c.Jobs == 1 }},
		{name: "jobs 64", file: "jobs: 64\n", check: func(c *Config) bool { return c.Jobs == 64 }},
		{name: "jobs from env", env: []string{"PRODGEN_JOBS", "8"}, check: func(c *Config) bool { return c.Jobs == 8 }},
		{name: "jobs from flag over env", env: []string{"PRODGEN_JOBS", "8"}, flags: []string{"--jobs", "2"}, check: func(c *Config) bool { return c.Jobs == 2 }},
		{name: "rate limits", file: "requests_per_minute: 500\ntokens_per_minute: 200000\n", check: func(c *Config) bool {
			return c.RequestsPerMinute == 500 && c.TokensPerMinute == 200000
		}},
		{name: "rate limits from env", env: []string{"PRODGEN_REQUESTS_PER_MINUTE", "60", "PRODGEN_TOKENS_PER_MINUTE", "90000"}, check: func(c *Config) bool {
			return c.RequestsPerMinute == 60 && c.TokensPerMinute == 90000
		}},
		{name: "context window 1024", file: "context_window: 1024\n", check: func(c *Config) bool { return c.ContextWindow == 1024 }},
		{name: "context window from env", env: []string{"PRODGEN_CONTEXT_WINDOW", "8192"}, check: func(c *Config) bool { return c.ContextWindow == 8192 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.file, tt.env, tt.flags...)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if !tt.check(cfg) {
				t.Errorf("unexpected config %+v", cfg)
			}
		})
	}
}

func TestNewKeysInvalid(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  []string
		want []string
	}{
		{name: "jobs 0", file: "jobs: 0\n", want: []string{"prodgen.yaml: jobs: 0 is out of range (allowed: 1 to 64)"}},
		{name: "jobs 0 from env", env: []string{"PRODGEN_JOBS", "0"}, want: []string{"PRODGEN_JOBS: jobs: 0 is out of range (allowed: 1 to 64)"}},
		{name: "jobs 65", file: "jobs: 65\n", want: []string{"jobs: 65 is out of range (allowed: 1 to 64)"}},
		{name: "jobs not a number in env", env: []string{"PRODGEN_JOBS", "many"}, want: []string{"PRODGEN_JOBS", `"many" is not a valid whole number`}},
		{name: "negative requests", file: "requests_per_minute: -1\n", want: []string{"requests_per_minute: -1 is too small (at least 0)"}},
		{name: "negative tokens", env: []string{"PRODGEN_TOKENS_PER_MINUTE", "-5"}, want: []string{"PRODGEN_TOKENS_PER_MINUTE: tokens_per_minute: -5 is too small (at least 0)"}},
		{name: "small context window", file: "context_window: 1000\n", want: []string{"prodgen.yaml: context_window: 1000 is too small (at least 1024)"}},
		{name: "misspelt jobs", file: "job: 3\n", want: []string{`unknown key "job"`, `did you mean "jobs"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.file, tt.env)
			wantConfigError(t, err, tt.want...)
		})
	}
	// A flag's value is on the command line already: the error names the key.
	_, err := load(t, "jobs: 2\n", nil, "--jobs", "99")
	wantConfigError(t, err)
	if err.Error() != "jobs: 99 is out of range (allowed: 1 to 64)" {
		t.Errorf("error from a flag = %q", err)
	}
}

// wantConfigError checks err is a *Error whose message has every want.
func wantConfigError(t *testing.T, err error, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("Load succeeded, want an error")
	}
	var cerr *Error
	if !errors.As(err, &cerr) {
		t.Errorf("error %T is not a *config.Error", err)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
}
