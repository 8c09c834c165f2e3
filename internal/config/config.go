// Package config loads prodgen's settings from, in rising precedence,
// built-in defaults, a prodgen.yaml file, PRODGEN_* environment variables
// and command-line flags. It is the only package that imports viper; the
// rest of prodgen sees the typed Config. The key table documents itself:
// Help is the reference "prodgen help config" prints, Template the
// commented prodgen.yaml "prodgen init" writes, and WriteTable and
// WriteJSON show the settings in force.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/prodgen/prodgen/internal/disk"
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

	// languages are what scaffold_lang may name (Options.Languages).
	languages []string

	// sources records where each key's value came from; a key missing
	// from it has its default.
	sources map[string]origin
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
	// Languages are the languages scaffold_lang may name; nil does not
	// check it. The pipeline's registry is the one list of them.
	Languages []string
	// Data, when not nil, is the content of the configuration file, which
	// is then not read from disk: File (default prodgen.yaml) only names it
	// in messages. prodgen init checks the file it is about to write so.
	Data []byte
}

// Error is a problem with the configuration: an unreadable file, an unknown
// key, a bad value.
type Error struct {
	Source string // file name, environment variable or flag
	Err    error
}

func (e *Error) Error() string { return e.Source + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Load reads the configuration and validates it, recording where each
// value came from (see Settings).
func Load(opts Options) (*Config, error) {
	v := viper.New()
	for _, k := range keys {
		if k.def != "" {
			v.SetDefault(k.name, k.def)
		}
	}
	src := make(map[string]origin)
	file, prices, err := readFile(v, opts, src)
	if err != nil {
		return nil, err
	}
	if err := mergeEnv(v, opts.Getenv, src); err != nil {
		return nil, err
	}
	if err := bindFlags(v, opts.Flags, src); err != nil {
		return nil, err
	}
	var cfg Config
	if err := v.Unmarshal(&cfg); err != nil {
		return nil, &Error{Source: "configuration", Err: err}
	}
	// A secret pasted into a CI variable or a file often ends in a line
	// break, which no endpoint accepts in a header.
	cfg.APIKey = strings.TrimSpace(cfg.APIKey)
	cfg.File = file
	cfg.Prices = prices
	cfg.sources = src
	cfg.languages = opts.Languages
	if err := cfg.Validate(); err != nil {
		return nil, blame(err, src, file)
	}
	return &cfg, nil
}

// blame names the file or variable that set a key Validate rejected, so
// the user knows where to fix it: "prodgen.yaml: jobs: 0 is out of range".
// A flag needs no naming: it is on the command line the user just typed.
func blame(err error, src map[string]origin, file string) error {
	var cerr *Error
	if !errors.As(err, &cerr) {
		return err
	}
	switch o := src[cerr.Source]; o.kind {
	case SourceFile:
		return &Error{Source: file + ": " + cerr.Source, Err: cerr.Err}
	case SourceEnv:
		return &Error{Source: o.name + ": " + cerr.Source, Err: cerr.Err}
	}
	return err
}

// readFile loads the explicit file, or prodgen.yaml when it exists (or
// opts.Data in its place), and records the keys it sets.
func readFile(v *viper.Viper, opts Options, src map[string]origin) (string, map[string]Price, error) {
	name := opts.File
	if name == "" {
		name = FileName
	}
	path := name
	if !filepath.IsAbs(path) {
		path = filepath.Join(opts.Dir, path)
	}
	data := opts.Data
	if data == nil {
		if opts.File == "" {
			if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
				return "", nil, nil
			}
		}
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return "", nil, &Error{Source: path, Err: fmt.Errorf("read config: %w", disk.Unwrap(err))}
		}
	}
	set, prices, err := mergeFile(v, data)
	if err != nil {
		return "", nil, &Error{Source: path, Err: err}
	}
	for _, k := range set {
		src[k] = origin{kind: SourceFile, name: filepath.ToSlash(name)}
	}
	return path, prices, nil
}

// mergeFile merges a configuration file's values into v and returns the
// keys it sets, and its prices. It rejects keys prodgen does not know: a
// misspelt key silently ignored is a setting the user believes is in
// force. Prices are decoded apart from viper, which would lower-case model
// names and split them at dots.
func mergeFile(v *viper.Viper, data []byte) ([]string, map[string]Price, error) {
	fileV := viper.New()
	fileV.SetConfigType("yaml")
	if err := fileV.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, nil, fmt.Errorf("not valid YAML: %w", errors.Unwrap(err))
	}
	var set []string
	for _, k := range fileV.AllKeys() {
		top, _, nested := strings.Cut(k, ".")
		switch {
		case top == pricesKey && nested:
			// The table's entries are checked by decodePrices.
		case !known(top):
			// Name the misspelt key, not every setting nested under it.
			return nil, nil, unknownKey(top)
		case !known(k):
			return nil, nil, unknownKey(k)
		}
		if !slices.Contains(set, top) {
			set = append(set, top)
		}
	}
	prices, err := decodePrices(data)
	if err != nil {
		return nil, nil, err
	}
	settings := fileV.AllSettings()
	delete(settings, pricesKey)
	if err := v.MergeConfigMap(settings); err != nil {
		return nil, nil, err
	}
	return set, prices, nil
}

func unknownKey(name string) error {
	msg := fmt.Sprintf("unknown key %q", name)
	if s := closest(name); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return errors.New(msg + "; known keys: " + strings.Join(Keys(), ", "))
}
