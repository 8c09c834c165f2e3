package config

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/pflag"
)

// AddFlags registers on fs the flag of each named key ("out_dir", "jobs"),
// with the name, default, usage and metavar of the key table, so that help
// and prodgen.yaml's documentation cannot disagree. The flag parses its
// value as the key's kind does (an integer for jobs). Load reads a flag
// only when the user set it, so its default never hides the file's value.
// A name that is not a key with a flag is a programming error: AddFlags
// panics.
func AddFlags(fs *pflag.FlagSet, names ...string) {
	for _, name := range names {
		k, ok := lookup(name)
		if !ok || k.flag == "" || k.metavar == "" {
			panic(fmt.Sprintf("config.AddFlags: %q is not a key with a flag and a metavar", name))
		}
		switch k.kind {
		case kindString:
			fs.String(k.flag, k.def, k.summary)
		case kindInt:
			fs.Int(k.flag, mustParse(k, strconv.Atoi), k.summary)
		case kindFloat:
			fs.Float64(k.flag, mustParse(k, func(s string) (float64, error) { return strconv.ParseFloat(s, 64) }), k.summary)
		case kindDuration:
			fs.Duration(k.flag, mustParse(k, time.ParseDuration), k.summary)
		default:
			panic(fmt.Sprintf("config.AddFlags: key %q has no flag type", name))
		}
		f := fs.Lookup(k.flag)
		f.Value = metavarValue{Value: f.Value, metavar: k.metavar}
	}
}

// metavarValue is a flag's value, parsed by its kind's pflag type, that
// names itself by the key's metavar: pflag shows Type() after the flag's
// name in usage ("--jobs n") when the usage quotes no word. Viper reads
// such a flag's value as text, which its decoding converts as it does an
// environment variable's.
type metavarValue struct {
	pflag.Value
	metavar string
}

func (v metavarValue) Type() string { return v.metavar }

// mustParse parses a key's default; an empty one is the zero value.
func mustParse[T any](k key, parse func(string) (T, error)) T {
	var zero T
	if k.def == "" {
		return zero
	}
	v, err := parse(k.def)
	if err != nil {
		panic(fmt.Sprintf("config: key %q: default %q: %v", k.name, k.def, err))
	}
	return v
}
