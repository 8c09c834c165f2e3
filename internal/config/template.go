package config

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/textwrap"
)

// templateHeader opens the prodgen.yaml that Template writes.
const templateHeader = `# prodgen configuration, written by "prodgen init".
#
# Each setting is taken from the first of: a command-line flag, an
# environment variable (PRODGEN_<KEY>; OPENAI_API_KEY and OPENAI_BASE_URL
# too), this file, prodgen's default. A setting commented out below is at
# its default: remove the "# " to change it. Relative paths are taken from
# this folder.
#
#   prodgen config        shows the settings in force and where each came from
#   prodgen help config   explains every setting
`

// templatePrices is the price table shown, commented out, in the file.
const templatePrices = "#   gpt-4o-mini: {input: 0.15, output: 0.60}  # an example: check your provider's current prices"

// Template renders the prodgen.yaml that "prodgen init" writes: every key
// with what it does, the keys in set with their values, and the rest
// commented out at their defaults, so that the file loads as the defaults.
// The API key is never written, even when set names it.
func Template(set map[string]string) string {
	var b strings.Builder
	b.WriteString(templateHeader)
	for _, k := range Reference() {
		b.WriteString("\n")
		for _, line := range textwrap.Lines(k.Summary, 74) {
			b.WriteString("# " + line + "\n")
		}
		if how := setBy(k); how != "file only" {
			b.WriteString("# Also: " + how + ".\n")
		}
		v, ok := set[k.Name]
		switch {
		case k.Secret:
			b.WriteString("# Never write the key here, where it is easily committed: set\n# OPENAI_API_KEY in the environment.\n")
			b.WriteString("# " + k.Name + ":\n")
		case ok:
			b.WriteString(k.Name + ": " + yamlScalar(v) + "\n")
		case k.Kind == "prices":
			b.WriteString("# " + k.Name + ":\n" + templatePrices + "\n")
		case k.Default == "":
			b.WriteString("# " + k.Name + ":\n")
		default:
			b.WriteString("# " + k.Name + ": " + yamlScalar(k.Default) + "\n")
		}
	}
	return b.String()
}

// yamlScalar writes v as a YAML scalar that reads back as the same string:
// plain when that is safe, else double-quoted (Go's escapes are YAML's).
func yamlScalar(v string) string {
	lower := strings.ToLower(v)
	switch lower {
	case "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return strconv.Quote(v)
	}
	if strings.HasPrefix(lower, ".inf") || strings.HasPrefix(lower, ".nan") || strings.HasSuffix(v, ":") {
		return strconv.Quote(v)
	}
	for i, r := range v {
		plain := unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._/+-:", r)
		if !plain || (i == 0 && strings.ContainsRune("-:", r)) {
			return strconv.Quote(v)
		}
	}
	return v
}
