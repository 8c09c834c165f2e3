package config

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func flagSet(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	AddFlags(fs, flagKeys()...)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return fs
}

func envOf(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestLoadPrecedence(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		env      []string
		flags    []string
		wantOut  string
		wantProv string
		wantFile bool
	}{
		{name: "defaults", wantOut: "docs", wantProv: "auto"},
		{name: "file over default", file: "out_dir: spec\nprovider: offline\n", wantOut: "spec", wantProv: "offline", wantFile: true},
		{name: "env over file", file: "out_dir: spec\n", env: []string{"PRODGEN_OUT_DIR", "envdir"}, wantOut: "envdir", wantProv: "auto", wantFile: true},
		{name: "flag over env", file: "out_dir: spec\n", env: []string{"PRODGEN_OUT_DIR", "envdir"}, flags: []string{"--out-dir", "flagdir"}, wantOut: "flagdir", wantProv: "auto", wantFile: true},
		{name: "unset flag keeps env", env: []string{"PRODGEN_PROVIDER", "offline"}, wantOut: "docs", wantProv: "offline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, FileName), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := Load(Options{Dir: dir, Getenv: envOf(tt.env...), Flags: flagSet(t, tt.flags...)})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if cfg.OutDir != tt.wantOut || cfg.Provider != tt.wantProv {
				t.Errorf("got out_dir %q provider %q, want %q %q", cfg.OutDir, cfg.Provider, tt.wantOut, tt.wantProv)
			}
			if (cfg.File != "") != tt.wantFile {
				t.Errorf("File = %q, want a file: %v", cfg.File, tt.wantFile)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		explicit string
		env      []string
		want     []string
	}{
		{name: "unknown key with suggestion", file: "out_dri: x\n", want: []string{"prodgen.yaml", `unknown key "out_dri"`, `did you mean "out_dir"`}},
		{name: "bad provider from file", file: "provider: gpt\n", want: []string{"provider", `unknown value "gpt"`, "allowed: auto, openai, offline"}},
		{name: "bad provider from env", env: []string{"PRODGEN_PROVIDER", "magic"}, want: []string{`unknown value "magic"`}},
		{name: "bad number in env", env: []string{"PRODGEN_TEMPERATURE", "warm"}, want: []string{"PRODGEN_TEMPERATURE", `"warm" is not a valid number`}},
		{name: "bad duration in env", env: []string{"PRODGEN_TIMEOUT", "10"}, want: []string{"PRODGEN_TIMEOUT", "duration"}},
		{name: "temperature out of range", file: "temperature: 3\n", want: []string{"temperature", "allowed: 0 to 2"}},
		{name: "retries out of range", file: "max_retries: 50\n", want: []string{"max_retries", "allowed: 0 to 10"}},
		{name: "base_url not a URL", env: []string{"OPENAI_BASE_URL", "localhost:11434"}, want: []string{"base_url", "not an http or https URL"}},
		{name: "azure without version", file: "api_type: azure\nbase_url: https://x.openai.azure.com\n", want: []string{"api_version", "2024-10-21"}},
		{name: "bad response format", file: "response_format: xml\n", want: []string{"response_format", "json_schema, json_object"}},
		{name: "invalid yaml", file: "provider: [\n", want: []string{"prodgen.yaml", "not valid YAML"}},
		{name: "explicit file missing", explicit: "nope.yaml", want: []string{"nope.yaml", "no such file"}},
		{name: "empty out_dir", file: "out_dir: \"\"\n", want: []string{"out_dir", "must name a folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, FileName), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Load(Options{Dir: dir, File: tt.explicit, Getenv: envOf(tt.env...), Flags: flagSet(t)})
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Errorf("error %T is not a *config.Error", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestExplicitFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "other.yaml"), []byte("brief: product.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A prodgen.yaml beside it must be ignored when --config names another file.
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("brief: wrong.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(Options{Dir: dir, File: "other.yaml", Getenv: envOf()})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Brief != "product.md" {
		t.Errorf("Brief = %q, want product.md", cfg.Brief)
	}
}

func TestModelSettings(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		env       []string
		wantKey   string
		wantURL   string
		wantTemp  *float64
		wantModel bool
	}{
		{name: "nothing configured"},
		{name: "OPENAI_API_KEY", env: []string{"OPENAI_API_KEY", "sk-a"}, wantKey: "sk-a", wantModel: true},
		{name: "PRODGEN_API_KEY wins over OPENAI_API_KEY", env: []string{"OPENAI_API_KEY", "sk-a", "PRODGEN_API_KEY", "sk-b"}, wantKey: "sk-b", wantModel: true},
		{name: "base URL alone", env: []string{"OPENAI_BASE_URL", "http://localhost:11434/v1"}, wantURL: "http://localhost:11434/v1", wantModel: true},
		{name: "temperature 0 is kept, not dropped", file: "temperature: 0\n", wantTemp: ptr(0)},
		{name: "temperature from env", env: []string{"PRODGEN_TEMPERATURE", "0.5"}, wantTemp: ptr(0.5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, FileName), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := Load(Options{Dir: dir, Getenv: envOf(tt.env...)})
			if err != nil {
				t.Fatal(err)
			}
			if cfg.APIKey != tt.wantKey || cfg.BaseURL != tt.wantURL || cfg.ModelConfigured() != tt.wantModel {
				t.Errorf("key %q url %q configured %v; want %q %q %v", cfg.APIKey, cfg.BaseURL, cfg.ModelConfigured(), tt.wantKey, tt.wantURL, tt.wantModel)
			}
			switch {
			case tt.wantTemp == nil && cfg.Temperature != nil:
				t.Errorf("temperature %v, want unset", *cfg.Temperature)
			case tt.wantTemp != nil && (cfg.Temperature == nil || *cfg.Temperature != *tt.wantTemp):
				t.Errorf("temperature %v, want %v", cfg.Temperature, *tt.wantTemp)
			}
			if cfg.MaxRetries != 3 || cfg.RepairAttempts != 2 || cfg.Timeout.Minutes() != 10 {
				t.Errorf("defaults: retries %d repairs %d timeout %v", cfg.MaxRetries, cfg.RepairAttempts, cfg.Timeout)
			}
		})
	}
}

func ptr(f float64) *float64 { return &f }

// scaffold_lang is checked against the languages the caller names (the
// pipeline's registry), and not at all when it names none.
func TestScaffoldLangChecked(t *testing.T) {
	data := []byte("scaffold_lang: rust\n")
	_, err := Load(Options{Dir: t.TempDir(), Data: data, Languages: []string{"go", "python"}})
	if err == nil || !strings.Contains(err.Error(), `unknown value "rust" (allowed: go, python)`) {
		t.Errorf("Load = %v, want scaffold_lang refused with the allowed languages", err)
	}
	if _, err := Load(Options{Dir: t.TempDir(), Data: []byte("scaffold_lang: go\n"), Languages: []string{"go"}}); err != nil {
		t.Errorf("a known language: %v", err)
	}
}

func TestFlagValues(t *testing.T) {
	got := FlagValues(flagSet(t, "--out-dir", "my docs", "--jobs", "8"))
	want := map[string]string{"out_dir": "my docs", "jobs": "8"}
	if !maps.Equal(got, want) {
		t.Errorf("FlagValues = %v, want %v (only the flags set)", got, want)
	}
}

// An API key with space around it, as a pasted secret often has, is
// trimmed; one with a control character inside is refused, naming where
// it came from and never the key.
func TestAPIKey(t *testing.T) {
	const key = "sk-abc-0123456789"
	tests := []struct {
		name    string
		file    string
		env     []string
		want    string   // the key Load gives
		wantErr []string // in the error, when Load fails
	}{
		{name: "trailing newline in the environment", env: []string{"OPENAI_API_KEY", key + "\n"}, want: key},
		{name: "space around it in the file", file: "api_key: \" " + key + "\\r\\n\"\n", want: key},
		{name: "only space", env: []string{"PRODGEN_API_KEY", " \n"}, want: ""},
		{name: "line break inside, from OPENAI_API_KEY", env: []string{"OPENAI_API_KEY", "sk-abc\n0123456789"},
			wantErr: []string{"OPENAI_API_KEY: api_key: the API key holds a control character (U+000A after 6 characters)"}},
		{name: "tab inside, from PRODGEN_API_KEY", env: []string{"PRODGEN_API_KEY", "sk-abc\t0123456789"},
			wantErr: []string{"PRODGEN_API_KEY: api_key:", "U+0009"}},
		{name: "escape inside, from the file", file: "api_key: \"sk-abc\\e0123456789\"\n",
			wantErr: []string{"prodgen.yaml: api_key:", "U+001B"}},
		{name: "no check with the offline engine", file: "provider: offline\n", env: []string{"OPENAI_API_KEY", "sk-abc\n0123456789"}, want: "sk-abc\n0123456789"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, FileName), []byte(tt.file), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := Load(Options{Dir: dir, Getenv: envOf(tt.env...), Flags: flagSet(t)})
			if tt.wantErr != nil {
				if !errors.Is(err, ErrMalformedKey) {
					t.Fatalf("Load: %v, want ErrMalformedKey", err)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not mention %q", err, w)
					}
				}
				if strings.Contains(err.Error(), "0123456789") || strings.Contains(err.Error(), "sk-abc") {
					t.Errorf("error %q shows the key", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if cfg.APIKey != tt.want {
				t.Errorf("APIKey = %q, want %q", cfg.APIKey, tt.want)
			}
		})
	}
}
