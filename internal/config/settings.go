package config

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// Where a setting's value came from, weakest first.
const (
	SourceDefault = "default" // built into prodgen
	SourceFile    = "file"    // prodgen.yaml or the file named by --config
	SourceEnv     = "env"     // an environment variable
	SourceFlag    = "flag"    // a command-line flag
)

// origin is where one key's value came from.
type origin struct {
	kind string // one of the Source* constants
	name string // the file, variable or flag
}

// Setting is one key's effective value and where it came from.
type Setting struct {
	Key string // as written in prodgen.yaml
	// Value is the value as it could be written in prodgen.yaml, empty when
	// unset. A secret's value is never shown: it reads "set" or "unset".
	Value string
	// Source is SourceDefault, SourceFile, SourceEnv or SourceFlag.
	Source string
	// Origin names the source: the file as given ("prodgen.yaml"), the
	// variable ("OPENAI_API_KEY") or the flag ("--model"); empty for a default.
	Origin string
	Secret bool
}

// Where is the source as a person reads it: "default", "file prodgen.yaml",
// "env PRODGEN_MODEL" or "flag --model".
func (s Setting) Where() string {
	if s.Origin == "" {
		return s.Source
	}
	return s.Source + " " + s.Origin
}

// Settings returns every key's effective value and its source, in the
// documented key order. A Config that Load did not make reports every
// source as default.
func (c *Config) Settings() []Setting {
	out := make([]Setting, 0, len(keys))
	for _, k := range keys {
		o, ok := c.sources[k.name]
		if !ok {
			o = origin{kind: SourceDefault}
		}
		out = append(out, Setting{Key: k.name, Value: c.value(k), Source: o.kind, Origin: o.name, Secret: k.secret})
	}
	return out
}

// value formats one key's value; a secret only says whether it is set.
func (c *Config) value(k key) string {
	if k.name == pricesKey {
		return formatPrices(c.Prices)
	}
	s := formatValue(c.field(k.name))
	switch {
	case k.secret && s != "":
		return "set"
	case k.secret:
		return "unset"
	case k.name == "base_url":
		// A URL may carry a password; show the endpoint without it.
		if u, err := url.Parse(s); err == nil {
			return u.Redacted()
		}
	}
	return s
}

// field is the Config field that holds a key, found by its mapstructure tag.
func (c *Config) field(name string) any {
	v := reflect.ValueOf(c).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).Tag.Get("mapstructure") == name {
			return v.Field(i).Interface()
		}
	}
	return nil
}

func formatValue(x any) string {
	switch x := x.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case *float64:
		if x == nil {
			return ""
		}
		return num(*x)
	case time.Duration:
		return formatDuration(x)
	}
	return fmt.Sprint(x)
}

// formatDuration writes 10m rather than 10m0s, as a person would.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// KeyInfo documents one configuration key, for help text and generated
// files.
type KeyInfo struct {
	Name string // as written in prodgen.yaml
	// Kind is the value's type: string, integer, number, duration or prices.
	Kind    string
	Default string // as written in prodgen.yaml; empty for none
	Flag    string // the flag that sets it, without dashes; empty for none
	// Env are the environment variables that set it, strongest first;
	// none for a key read from the file only.
	Env     []string
	Summary string // what it does, one line
	Secret  bool   // better kept out of files: api_key
}

// Reference documents every key in the documented order.
func Reference() []KeyInfo {
	out := make([]KeyInfo, 0, len(keys))
	for _, k := range keys {
		out = append(out, KeyInfo{Name: k.name, Kind: k.kind.name(), Default: k.def, Flag: k.flag,
			Env: envNames(k), Summary: k.summary, Secret: k.secret})
	}
	return out
}

// name is the kind as KeyInfo shows it.
func (k kind) name() string {
	switch k {
	case kindInt:
		return "integer"
	case kindFloat:
		return "number"
	case kindDuration:
		return "duration"
	case kindPrices:
		return "prices"
	}
	return "string"
}
