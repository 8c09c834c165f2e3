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
	"slices"
	"sort"
	"strings"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// FileName is the configuration file looked for in the working directory.
const FileName = "prodgen.yaml"

// Providers that may be named in the provider key.
var Providers = []string{"auto", "offline"}

// Config is prodgen's effective configuration.
type Config struct {
	// Provider chooses what writes the documents: "auto" or "offline".
	Provider string `mapstructure:"provider"`
	// Brief is the product brief the prd stage reads by default.
	Brief string `mapstructure:"brief"`
	// OutDir is the folder the documents are written to.
	OutDir string `mapstructure:"out_dir"`

	// File is the configuration file that was read, empty if none.
	File string `mapstructure:"-"`
}

// key describes one configuration key.
type key struct {
	name    string // as written in prodgen.yaml
	flag    string // the command-line flag that sets it, if any
	def     string
	summary string
}

// keys lists every key, in the order documentation shows them.
var keys = []key{
	{name: "provider", flag: "provider", def: "auto", summary: "what writes the documents: " + strings.Join(Providers, ", ")},
	{name: "brief", def: "brief.md", summary: "the product brief read by prodgen prd"},
	{name: "out_dir", flag: "out-dir", def: "docs", summary: "folder the documents are written to"},
}

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
		v.SetDefault(k.name, k.def)
	}
	file, err := readFile(v, opts)
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
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// readFile loads the explicit file, or prodgen.yaml when it exists, and
// rejects keys prodgen does not know: a misspelt key silently ignored is a
// setting the user believes is in force.
func readFile(v *viper.Viper, opts Options) (string, error) {
	path := opts.File
	if path == "" {
		path = filepath.Join(opts.Dir, FileName)
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return "", nil
		}
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(opts.Dir, path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", &Error{Source: path, Err: fmt.Errorf("read config: %w", unwrapPathError(err))}
	}
	fileV := viper.New()
	fileV.SetConfigType("yaml")
	if err := fileV.ReadConfig(strings.NewReader(string(data))); err != nil {
		return "", &Error{Source: path, Err: fmt.Errorf("not valid YAML: %w", errors.Unwrap(err))}
	}
	for _, k := range fileV.AllKeys() {
		if !known(k) {
			return "", &Error{Source: path, Err: unknownKey(k)}
		}
	}
	if err := v.MergeConfigMap(fileV.AllSettings()); err != nil {
		return "", &Error{Source: path, Err: err}
	}
	return path, nil
}

// mergeEnv applies PRODGEN_<KEY> variables over the file's values.
func mergeEnv(v *viper.Viper, getenv func(string) string) error {
	if getenv == nil {
		return nil
	}
	env := map[string]any{}
	for _, k := range keys {
		if val := getenv(EnvName(k.name)); val != "" {
			env[k.name] = val
		}
	}
	if len(env) == 0 {
		return nil
	}
	return v.MergeConfigMap(env)
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

// Validate checks every value, naming the bad key and what it allows.
func (c *Config) Validate() error {
	if !slices.Contains(Providers, c.Provider) {
		return &Error{Source: "provider", Err: fmt.Errorf("unknown provider %q (allowed: %s)", c.Provider, strings.Join(Providers, ", "))}
	}
	if strings.TrimSpace(c.Brief) == "" {
		return &Error{Source: "brief", Err: errors.New("must name the brief file, e.g. brief.md")}
	}
	if strings.TrimSpace(c.OutDir) == "" {
		return &Error{Source: "out_dir", Err: errors.New("must name a folder, e.g. docs")}
	}
	return nil
}

// EnvName is the environment variable that sets a key.
func EnvName(key string) string { return "PRODGEN_" + strings.ToUpper(key) }

// Keys returns the names of every configuration key, sorted.
func Keys() []string {
	names := make([]string, 0, len(keys))
	for _, k := range keys {
		names = append(names, k.name)
	}
	sort.Strings(names)
	return names
}

func known(name string) bool {
	return slices.ContainsFunc(keys, func(k key) bool { return k.name == name })
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
