package config

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// mergeEnv applies environment variables over the file's values:
// PRODGEN_<KEY>, else the key's conventional aliases (OPENAI_API_KEY...).
func mergeEnv(v *viper.Viper, getenv func(string) string, src map[string]origin) error {
	if getenv == nil {
		return nil
	}
	env := map[string]any{}
	for _, k := range keys {
		for _, name := range envNames(k) {
			val := getenv(name)
			if val == "" {
				continue
			}
			if err := checkKind(k.kind, val); err != nil {
				return &Error{Source: name, Err: err}
			}
			env[k.name] = val
			src[k.name] = origin{kind: SourceEnv, name: name}
			break
		}
	}
	if len(env) == 0 {
		return nil
	}
	return v.MergeConfigMap(env)
}

// envNames are the environment variables that set k, strongest first.
// Prices are read from the file only.
func envNames(k key) []string {
	if k.kind == kindPrices {
		return nil
	}
	return append([]string{EnvName(k.name)}, k.env...)
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
func bindFlags(v *viper.Viper, flags *pflag.FlagSet, src map[string]origin) error {
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
		src[k.name] = origin{kind: SourceFlag, name: "--" + k.flag}
	}
	return nil
}

// FlagValues returns the keys that flags the user set give, each with its
// value as given: what "prodgen init" writes into the file it makes. A
// secret is never among them.
func FlagValues(flags *pflag.FlagSet) map[string]string {
	set := make(map[string]string)
	for _, k := range keys {
		if k.flag == "" || k.secret {
			continue
		}
		if f := flags.Lookup(k.flag); f != nil && f.Changed {
			set[k.name] = f.Value.String()
		}
	}
	return set
}
