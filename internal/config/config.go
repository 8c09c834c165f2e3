// Package config loads prodgen's settings from, in rising precedence,
// built-in defaults, a prodgen.yaml file, PRODGEN_* environment variables
// and command-line flags. It is the only package that imports viper; the
// rest of prodgen sees the typed Config.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// FileName is the configuration file looked for in the working directory.
const FileName = "prodgen.yaml"

// Config is prodgen's effective configuration. See keys.go for what each
// key means.
type Config struct {
	Provider string `mapstructure:"provider"`
	Brief    string `mapstructure:"brief"`
	OutDir   string `mapstructure:"out_dir"`

	Model          string        `mapstructure:"model"`
	BaseURL        string        `mapstructure:"base_url"`
	APIKey         string        `mapstructure:"api_key"`
	APIType        string        `mapstructure:"api_type"`
	APIVersion     string        `mapstructure:"api_version"`
	Organization   string        `mapstructure:"organization"`
	Temperature    *float64      `mapstructure:"temperature"`
	MaxTokens      int           `mapstructure:"max_tokens"`
	Timeout        time.Duration `mapstructure:"timeout"`
	IdleTimeout    time.Duration `mapstructure:"idle_timeout"`
	MaxRetries     int           `mapstructure:"max_retries"`
	RepairAttempts int           `mapstructure:"repair_attempts"`
	ResponseFormat string        `mapstructure:"response_format"`
	PromptsDir     string        `mapstructure:"prompts_dir"`
	CacheDir       string        `mapstructure:"cache_dir"`

	Jobs              int `mapstructure:"jobs"`
	RequestsPerMinute int `mapstructure:"requests_per_minute"`
	TokensPerMinute   int `mapstructure:"tokens_per_minute"`
	ContextWindow     int `mapstructure:"context_window"`
	// Prices maps a model name, exactly as configured, to its price. It is
	// read from the file only; see Price.
	Prices map[string]Price `mapstructure:"-"`

	ScaffoldDir      string        `mapstructure:"scaffold_dir"`
	ScaffoldLang     string        `mapstructure:"scaffold_lang"`
	ScaffoldMaxFiles int           `mapstructure:"scaffold_max_files"`
	ScaffoldMaxBytes int           `mapstructure:"scaffold_max_bytes"`
	VerifyTimeout    time.Duration `mapstructure:"verify_timeout"`

	// File is the configuration file that was read, empty if none.
	File string `mapstructure:"-"`
}

// ModelConfigured reports whether a model endpoint is configured: an API
// key or a base URL. Provider "auto" then uses it.
func (c *Config) ModelConfigured() bool { return c.APIKey != "" || c.BaseURL != "" }

// Options says where Load finds its inputs. Everything the process would
// otherwise read from global state arrives here, so tests can set it.
type Options struct {
	// Dir is the project directory: prodgen.yaml is looked for there and
	// relative paths in the file are taken as written (relative to Dir).
	Dir string
	// File is a configuration file named explicitly (--config); it must exist.
	File string
	// Getenv reads environment variables.
	Getenv func(string) string
	// Flags are the command's flags; only flags the user set take effect.
	Flags *pflag.FlagSet
}

// Error is a problem with the configuration: an unreadable file, an unknown
// key, a bad value.
type Error struct {
	Source string // file name, environment variable or flag
	Err    error
}

func (e *Error) Error() string { return e.Source + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Load reads the configuration and validates it.
func Load(opts Options) (*Config, error) {
	v := viper.New()
	for _, k := range keys {
		if k.def != "" {
			v.SetDefault(k.name, k.def)
		}
	}
	file, prices, err := readFile(v, opts)
	if err != nil {
		return nil, err
	}
	if err := mergeEnv(v, opts.Getenv); err != nil {
		return nil, err
	}
	if err := bindFlags(v, opts.Flags); err != nil {
		return nil, err
	}
	var cfg Config
	if err := v.Unmarshal(&cfg); err != nil {
		return nil, &Error{Source: "configuration", Err: err}
	}
	cfg.File = file
	cfg.Prices = prices
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// readFile loads the explicit file, or prodgen.yaml when it exists, and
// rejects keys prodgen does not know: a misspelt key silently ignored is a
// setting the user believes is in force. Prices are decoded apart from
// viper, which would lower-case model names and split them at dots.
func readFile(v *viper.Viper, opts Options) (string, map[string]Price, error) {
	path := opts.File
	if path == "" {
		path = filepath.Join(opts.Dir, FileName)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return "", nil, nil
		}
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(opts.Dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", nil, &Error{Source: path, Err: fmt.Errorf("read config: %w", unwrapPathError(err))}
	}
	fileV := viper.New()
	fileV.SetConfigType("yaml")
	if err := fileV.ReadConfig(strings.NewReader(string(data))); err != nil {
		return "", nil, &Error{Source: path, Err: fmt.Errorf("not valid YAML: %w", errors.Unwrap(err))}
	}
	for _, k := range fileV.AllKeys() {
		top, _, nested := strings.Cut(k, ".")
		switch {
		case top == pricesKey && nested:
			// The table's entries are checked by decodePrices.
		case !known(top):
			// Name the misspelt key, not every setting nested under it.
			return "", nil, &Error{Source: path, Err: unknownKey(top)}
		case !known(k):
			return "", nil, &Error{Source: path, Err: unknownKey(k)}
		}
	}
	prices, err := decodePrices(data)
	if err != nil {
		return "", nil, &Error{Source: path, Err: err}
	}
	settings := fileV.AllSettings()
	delete(settings, pricesKey)
	if err := v.MergeConfigMap(settings); err != nil {
		return "", nil, &Error{Source: path, Err: err}
	}
	return path, prices, nil
}

// mergeEnv applies environment variables over the file's values:
// PRODGEN_<KEY>, else the key's conventional aliases (OPENAI_API_KEY...).
func mergeEnv(v *viper.Viper, getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	env := map[string]any{}
	for _, k := range keys {
		if k.kind == kindPrices {
			continue
		}
		for _, name := range append([]string{EnvName(k.name)}, k.env...) {
			val := getenv(name)
			if val == "" {
				continue
			}
			if err := checkKind(k.kind, val); err != nil {
				return &Error{Source: name, Err: err}
			}
			env[k.name] = val
			break
		}
	}
	if len(env) == 0 {
		return nil
	}
	return v.MergeConfigMap(env)
}

// checkKind rejects a value that cannot be read as the key's type, so the
// error names the variable rather than a field deep in the decoder.
func checkKind(k kind, val string) error {
	var err error
	switch k {
	case kindInt:
		_, err = strconv.Atoi(val)
	case kindFloat:
		_, err = strconv.ParseFloat(val, 64)
	case kindDuration:
		_, err = time.ParseDuration(val)
	}
	if err != nil {
		return fmt.Errorf("%q is not a valid %s", val, k)
	}
	return nil
}

func (k kind) String() string {
	switch k {
	case kindInt:
		return "whole number"
	case kindFloat:
		return "number"
	case kindDuration:
		return "duration (e.g. 90s, 5m)"
	}
	return "string"
}

// bindFlags binds only flags the user set, so a flag's default never hides
// a value from the file or the environment.
func bindFlags(v *viper.Viper, flags *pflag.FlagSet) error {
	if flags == nil {
		return nil
	}
	for _, k := range keys {
		if k.flag == "" {
			continue
		}
		f := flags.Lookup(k.flag)
		if f == nil || !f.Changed {
			continue
		}
		if err := v.BindPFlag(k.name, f); err != nil {
			return fmt.Errorf("bind flag --%s: %w", k.flag, err)
		}
	}
	return nil
}

func unknownKey(name string) error {
	msg := fmt.Sprintf("unknown key %q", name)
	if s := closest(name); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return errors.New(msg + "; known keys: " + strings.Join(Keys(), ", "))
}

// unwrapPathError drops the path from an fs error, since Error names the
// file already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
